// The function has no setjmp of its own: a caller's recover point catches
// the panic, and the change is still left behind.  Callers do not count:
// what the caller does after the call is not this function's business.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Level;

static void check(int Ok) {
  if (!Ok)
    longjmp(Env, 1);
}

void descend(int Ok) {
  Level++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Level' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(Ok);
}

void descendChecked(int Ok) {
  check(Ok);
  Level++;
}

int run(void) {
  if (setjmp(Env))
    return -1;
  descendChecked(1);
  return 0;
}
