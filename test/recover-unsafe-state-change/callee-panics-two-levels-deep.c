// The panic is two calls away; the notes follow the chain.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Counter;

static void fail(void) { longjmp(Env, 1); }
static void validate(int X) {
  if (X < 0)
    fail();
}

void update(int X) {
  Counter++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'validate' can longjmp
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: which can longjmp here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-11]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  validate(X);
}

void updateAfterValidation(int X) {
  validate(X);
  Counter++;
}
