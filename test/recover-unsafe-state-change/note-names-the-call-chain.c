// The note at a write made inside a callee names the function that writes
// and, when that is further down, the calls that lead there: one call
// level names the callee, two the writer and the callee, three and more
// the writer, the callee and the calls between.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
#include <setjmp.h>

extern jmp_buf Env;
int Count, Depth, Level;

static void fail(int Bad) {
  if (Bad)
    longjmp(Env, 1);
}

static void bump(void) { Count++; }
static void inner(void) { Depth++; }
static void middle(void) { inner(); }
static void deepest(void) { Level++; }
static void third(void) { deepest(); }
static void second(void) { third(); }
static void first(void) { second(); }

void run(int N) {
  bump();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'bump' changes 'Count' and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+11]]:3: note: a longjmp can follow here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-15]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-13]]:26: note: 'Count' is changed here, inside 'bump'{{$}}
  middle();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'middle' changes 'Depth' and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: a longjmp can follow here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-20]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-17]]:27: note: 'Depth' is changed here, inside 'inner', which 'middle' calls{{$}}
  first();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'first' changes 'Level' and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: 'fail' can longjmp
  fail(N > 3);
  // CHECK-MESSAGES: :[[@LINE-26]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-21]]:29: note: 'Level' is changed here, inside 'deepest', called from 'first' through 'second', 'third'{{$}}
}
