// A torn update of a location that the entry of every run sets afresh (a
// stack top raised by a push, lowered by the pop the jump skips) leaves an
// intermediate value that the next run overwrites before it reads it.  Only
// code that runs between two runs could see it, and a program summary says
// which functions run outside every run: with one, the update is silent
// unless such a function names the location (a depth that a status query
// reads after the failed run; the entry's own reset of it is then the
// first part of an update too).  Without one, the torn update is reported,
// and in AuditMode always.  Reduced from a compiler whose value stack's top
// is reset by the start of each compile.
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf '# recover-tidy program summary 1\noutside\tlastDepth\n' > %t/summary
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: ProgramSummary, value: '%t/summary'}]}" \
// RUN:   -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=BOTH \
// RUN:       -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=BOTH,NOSUMMARY \
// RUN:       -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: ProgramSummary, value: '%t/summary'}, {key: recover-unsafe-state-change.AuditMode, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=AUDIT \
// RUN:       -implicit-check-not='{{warning|error}}:'

#include <setjmp.h>

jmp_buf Env;
int Stack[64];
int *Top;
int Depth;
void fail(void) __attribute__((noreturn));
int next(void);

// The entry of every run.
static void start(void) {
  Top = Stack;
  Depth = 0;
}

static void push(void) { ++Top; }
static void pop(void) { --Top; }

static void operand(void) {
  push();
  // NOSUMMARY: :[[@LINE-1]]:3: warning: call to 'push' changes 'Top' and a longjmp can follow
  // NOSUMMARY: :[[@LINE+3]]:3: note: 'Top' is written again here
  // AUDIT: :[[@LINE-3]]:3: warning: call to 'push' changes 'Top'
  next() < 0 ? fail() : (void)0;
  pop();
}

static void nested(void) {
  ++Depth;
  // BOTH: :[[@LINE-1]]:5: warning: 'Depth' is changed here and a longjmp can follow
  // BOTH: :[[@LINE+4]]:3: note: 'Depth' is written again here
  // AUDIT: :[[@LINE-3]]:5: warning: 'Depth' is changed here
  if (next() < 0)
    fail();
  --Depth;
}

int compile(void) {
  if (setjmp(Env))
    return -1;
  start();
  // BOTH: :[[@LINE-1]]:3: warning: call to 'start' changes 'Depth'
  // BOTH: :[[@LINE+3]]:3: note: 'Depth' is written again here
  // AUDIT: :[[@LINE-3]]:3: warning: call to 'start' changes
  operand();
  nested();
  // AUDIT: :[[@LINE-2]]:3: warning: call to 'operand' changes 'Top'
  return 0;
}

// Runs outside every run: it reads what the last run left in Depth.
int lastDepth(void) { return Depth; }
