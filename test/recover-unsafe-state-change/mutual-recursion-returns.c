// Whether a call returns is worked out through mutual recursion (a parser's
// statement -> block -> statement); a function asked again while its own
// answer is being computed must not be taken to never return, or the
// change below would look like it only ever ends in a panic.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Depth;
void block(int N);

static void expect(int Ok) {
  if (!Ok)
    longjmp(Env, 1);
}

static void statement(int N) {
  if (N > 0)
    block(N - 1);
}

void block(int N) {
  Depth++;
  statement(N);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'statement' changes 'Depth' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'expect' can longjmp
  // CHECK-MESSAGES: :[[@LINE-13]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'Depth' is changed here, inside 'block', which 'statement' calls
  expect(N != 5);
}
