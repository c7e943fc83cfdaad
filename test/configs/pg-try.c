// docs/configs/pg-try.yaml on database-style code: PG_TRY/PG_CATCH over
// sigsetjmp with the global handler stack PG_exception_stack, ereport/elog
// ending in errfinish, palloc/repalloc raising out-of-memory errors, pfree.
// The library functions are plain declarations: without the configuration
// the model cannot know that errfinish, palloc and repalloc longjmp or
// that pfree frees, and outside a PG_TRY block it stays silent about them.
// RUN: %clang_tidy --config-file=%src_root/docs/configs/pg-try.yaml %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-*' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=NOCONFIG \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stddef.h>

#define ERROR 21

extern sigjmp_buf *PG_exception_stack;
extern volatile unsigned InterruptHoldoffCount;

int errstart(int elevel);
void errfinish(const char *file, int line);
int errcode(int sqlerrcode);
int errmsg(const char *fmt, ...);
void pg_re_throw(void);
void *palloc(size_t size);
void *repalloc(void *pointer, size_t size);
void pfree(void *pointer);

/* ereport(level, (aux calls)): errfinish longjmps for ERROR and above. */
#define ereport(elevel, ...)                                                   \
  do {                                                                         \
    if (errstart(elevel))                                                      \
      __VA_ARGS__, errfinish(__FILE__, __LINE__);                              \
    if ((elevel) >= ERROR)                                                     \
      __builtin_unreachable();                                                 \
  } while (0)
#define elog(elevel, ...) ereport(elevel, errmsg(__VA_ARGS__))
#define PG_RE_THROW() pg_re_throw()
#define HOLD_INTERRUPTS() (InterruptHoldoffCount++)
#define RESUME_INTERRUPTS() (InterruptHoldoffCount--)

#define PG_TRY()                                                               \
  do {                                                                         \
    sigjmp_buf *saved_stack_ = PG_exception_stack;                             \
    sigjmp_buf local_buf_;                                                     \
    if (sigsetjmp(local_buf_, 0) == 0) {                                       \
      PG_exception_stack = &local_buf_
#define PG_CATCH()                                                             \
  }                                                                            \
  else {                                                                       \
    PG_exception_stack = saved_stack_
#define PG_END_TRY()                                                           \
  }                                                                            \
  PG_exception_stack = saved_stack_;                                           \
  }                                                                            \
  while (0)

typedef struct ItemList {
  int count;
  int capacity;
  int *items;
} ItemList;

/* The count is bumped before the check that may throw. */
void add_item(ItemList *list, int item) {
  list->count++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ItemList.count' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'errfinish' is one of the PanicFunctions
  if (item < 0)
    ereport(ERROR, (errcode(22), errmsg("negative item %d", item)));
  list->items[list->count - 1] = item;
}

/* Compliant: check first, change last. */
void add_item_checked(ItemList *list, int item) {
  if (item < 0)
    ereport(ERROR, (errcode(22), errmsg("negative item %d", item)));
  list->items[list->count] = item;
  list->count++;
}

/* The capacity is doubled before repalloc, which can fail with ERROR. */
void grow(ItemList *list) {
  list->capacity *= 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ItemList.capacity' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:17: note: a longjmp can follow here: 'repalloc' is one of the PanicFunctions
  list->items = repalloc(list->items, list->capacity * sizeof(int));
}

/* Compliant: allocate first, then publish both fields. */
void grow_checked(ItemList *list) {
  int capacity = list->capacity * 2;
  int *items = repalloc(list->items, capacity * sizeof(int));
  list->items = items;
  list->capacity = capacity;
}

typedef struct Scan {
  char *buf;
  int rows;
} Scan;

/* An out-of-memory error in palloc leaves scan->buf aimed at freed memory. */
void reset_scan(Scan *scan, int rows) {
  pfree(scan->buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Scan.buf' still points to the memory freed here when a longjmp can follow; set it to NULL right after the free [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:15: note: a longjmp can follow here: 'palloc' is one of the PanicFunctions
  scan->buf = palloc(rows + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Scan.buf' is written again here; a longjmp before this point leaves the update half-done
  scan->rows = rows;
}

/* Compliant: the pointer is cleared right after the free. */
void reset_scan_checked(Scan *scan, int rows) {
  pfree(scan->buf);
  scan->buf = NULL;
  scan->buf = palloc(rows + 1);
  scan->rows = rows;
}

/* Compliant: errfinish resets InterruptHoldoffCount before it longjmps
   (IgnoredState), and a write on a path that always ends in
   ereport(ERROR) only hands the error over. */
int Failures;
void flush(Scan *scan) {
  HOLD_INTERRUPTS();
  if (scan->rows < 0) {
    Failures++;
    elog(ERROR, "corrupt scan with %d rows", scan->rows);
  }
  scan->rows = 0;
  RESUME_INTERRUPTS();
}

void load_rows(Scan *scan);

/* Compliant: the handler is pushed and popped by the macros, and the
   recovery path cleans up and rethrows. */
void load(Scan *scan) {
  PG_TRY();
  {
    load_rows(scan);
  }
  PG_CATCH();
  {
    scan->rows = 0;
    PG_RE_THROW();
  }
  PG_END_TRY();
}

/* A return out of PG_TRY skips the pop: found with or without the
   configuration. */
int load_some(Scan *scan, int max) {
  PG_TRY();
  {
    if (max == 0)
      return 0;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: returning here leaves 'PG_exception_stack' pointing to a jmp_buf in this function's frame, which a later longjmp would jump into; restore 'PG_exception_stack' first [recover-dangling-jmp-buf]
      // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the handler is registered here
      // NOCONFIG: :[[@LINE-3]]:7: warning: returning here leaves 'PG_exception_stack' pointing to a jmp_buf in this function's frame, which a later longjmp would jump into; restore 'PG_exception_stack' first [recover-dangling-jmp-buf]
      // NOCONFIG: :[[@LINE-7]]:3: note: the handler is registered here
    load_rows(scan);
  }
  PG_CATCH();
  {
    PG_RE_THROW();
  }
  PG_END_TRY();
  return scan->rows;
}
