// A value stack whose top pointer the entry of every run sets afresh, and
// that pushes and pops move, starts each run empty: a push writes its slot
// before anything reads it, so what a jump leaves in the slots, written
// through the top pointer, is never observed.  Silent by default, reported
// in AuditMode.  Still reported: a write through a pointer that is set
// afresh but never moved (a cursor into a table that outlives the run), a
// write through a stack top that no entry resets, and a write to memory
// that a slot points to.  Reduced from a compiler's value stack.  (With a
// program summary, so that the torn updates of Top itself, by push and
// pop, are not reported either: torn-update-set-afresh-by-entry.c.)
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf '# recover-tidy program summary 1\noutside\tmain\n' > %t/summary
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: ProgramSummary, value: '%t/summary'}]}" \
// RUN:   -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: ProgramSummary, value: '%t/summary'}, {key: recover-unsafe-state-change.AuditMode, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=AUDIT \
// RUN:       -implicit-check-not='{{warning|error}}:'

#include <setjmp.h>

struct symbol {
  int Used;
};
struct value {
  int Kind;
  long Data;
  struct symbol *Sym;
};
struct entry {
  int Count;
};

jmp_buf Env;
struct value Values[64];
struct value *Top;
struct entry Table[16];
struct entry *Cursor;
int Pending[8];
int *Next;
void fail(void) __attribute__((noreturn));
int token(void);

// The entry of every run.
static void start(void) {
  Top = Values - 1;
  Cursor = Table;
}

static void push(int Kind) {
  if (Top == Values + 63)
    fail();
  ++Top;
  Top->Kind = Kind;
  Top->Data = 0;
  Top->Sym = 0;
}

static void binary(void) {
  push(1);
  // AUDIT: :[[@LINE-1]]:3: warning: call to 'push' changes 'Top'
  Top[-1].Data = Top->Data;
  // AUDIT: :[[@LINE-1]]:3: warning: 'value.Data' is changed here
  Top->Sym->Used = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'symbol.Used' is changed here and a longjmp can follow
  // AUDIT: :[[@LINE-2]]:3: warning: 'symbol.Used' is changed here
  Cursor->Count = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'entry.Count' is changed here and a longjmp can follow
  // AUDIT: :[[@LINE-2]]:3: warning: 'entry.Count' is changed here
  *Next++ = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 'Next' is changed here and a longjmp can follow
  // AUDIT: :[[@LINE-2]]:4: warning: 'Next' is changed here
  if (token() < 0)
    fail();
  Top -= 1;
}

static void parse(void) { binary(); }

int compile(void) {
  if (setjmp(Env))
    return -1;
  start();
  // AUDIT: :[[@LINE-1]]:3: warning: call to 'start' changes 'Top'
  parse();
  return 0;
}
