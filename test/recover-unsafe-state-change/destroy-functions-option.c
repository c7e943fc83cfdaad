// DestroyFunctions names what the library's error contract calls after an
// error: the records their parameters point to (and what those hold) are
// destroyed, so only what the destroyer reads can be observed half-done --
// an owned buffer freed and not yet replaced, a count and its array torn
// apart, and the old array of a replacement that a local alone holds (a
// leak).  Modes, counters and stream positions are destroyed unread.
// Reduced from an image decoder whose manual tells applications to call its
// destroy function once an error has longjmped.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: PanicFunctions, value: 'dec_error'}, {key: DestroyFunctions, value: 'dec_destroy;parser_free'}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: PanicFunctions, value: 'dec_error'}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=NODESTROY \
// RUN:       -implicit-check-not='{{warning|error}}:'

#include <stdlib.h>

struct stream {
  int avail;
  unsigned char *next;
};
struct decoder {
  int mode;
  int count;
  int *row_buf;
  int **items;
  struct stream zs;
};
// The library's destroy function; its body is in another file.
void dec_destroy(struct decoder **pp);
void dec_error(struct decoder *d, const char *msg);
void dec_read(struct decoder *d, unsigned char *buf, int n);

// Silent: a mode and an embedded stream's position, destroyed unread.
void startRow(struct decoder *d, unsigned char *buf) {
  d->mode |= 2;
  // NODESTROY: :[[@LINE-1]]:3: warning: 'decoder.mode' is changed here
  d->zs.avail = 64;
  // NODESTROY: :[[@LINE-1]]:3: warning: 'decoder.zs.avail' is changed here
  dec_read(d, buf, 64);
  if (buf[0] == 0)
    dec_error(d, "bad row");
}

// Silent: an owned buffer replaced in one step is freed by the destroyer.
void allocRows(struct decoder *d, int n) {
  d->row_buf = malloc(n * sizeof(int));
  // NODESTROY: :[[@LINE-1]]:3: warning: 'decoder.row_buf' is changed here
  if (d->row_buf == NULL)
    dec_error(d, "out of memory");
}

// Reported: the owned buffer is freed and a jump before its replacement
// leaves it to be freed again by the destroyer.
void growRows(struct decoder *d, int n) {
  free(d->row_buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'decoder.row_buf' still points to the memory freed here
  // NODESTROY: :[[@LINE-2]]:8: warning: 'decoder.row_buf' still points
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a longjmp can follow here
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'decoder.row_buf' is written again here
  if (n > 4096)
    dec_error(d, "too many rows");
  d->row_buf = malloc(n * sizeof(int));
}

// Silent: the count is bumped before the array it counts is replaced, but
// all that is known of a destroyer whose body is elsewhere is that it frees
// the buffers the object owns.
void addItem(struct decoder *d, int *item) {
  int **bigger;
  d->count++;
  // NODESTROY: :[[@LINE-1]]:3: warning: 'decoder.count' is changed here
  bigger = malloc(d->count * sizeof(int *));
  if (bigger == NULL)
    dec_error(d, "out of memory");
  d->items = bigger;
  d->items[d->count - 1] = item;
}

// Reported: the old array is held only by a local until the copy loop ends.
void copyItems(struct decoder *d, int **from, int n) {
  int **old = d->items;
  int **copy = malloc(n * sizeof(int *));
  int i;
  if (copy == NULL)
    return;
  d->items = copy;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'decoder.items' is changed here
  // NODESTROY: :[[@LINE-2]]:3: warning: 'decoder.items' is changed here
  // CHECK-MESSAGES: :[[@LINE+4]]:7: note: a longjmp can follow here
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: what 'decoder.items' pointed to before is freed here, held until then by 'old' alone; a longjmp before this point leaks it
  for (i = 0; i < n; i++) {
    if (from[i] == NULL)
      dec_error(d, "null item");
    d->items[i] = from[i];
    // NODESTROY: :[[@LINE-1]]:5: warning: 'decoder.items' is changed here
  }
  free(old);
}

// A destroy function defined here: what its body names is what it reads.
struct parser {
  int state;
  int len;
  char **lines;
};
void parser_free(struct parser *p) {
  int i;
  for (i = 0; i < p->len; i++)
    free(p->lines[i]);
  free(p->lines);
  free(p);
}

// Silent: the state is torn, but the destroyer never reads it.
void parseHeader(struct parser *p, struct decoder *d, unsigned char *buf) {
  p->state = 1;
  // NODESTROY: :[[@LINE-1]]:3: warning: 'parser.state' is changed here
  dec_read(d, buf, 4);
  if (buf[0] != 'P')
    dec_error(d, "not a header");
  p->state = 2;
}

// Reported: the count the destroyer walks the array with is torn from it.
void setLines(struct parser *p, struct decoder *d, char **fresh, int n) {
  // CHECK-MESSAGES: :[[@LINE+2]]:3: warning: 'parser.len' is changed here
  // NODESTROY: :[[@LINE+1]]:3: warning: 'parser.len' is changed here
  p->len = n;
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here
  if (n > 4096)
    dec_error(d, "too long");
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: 'parser.lines' is written next here; a longjmp before this point leaves the update half-done
  p->lines = fresh;
}
