// A function that registers calls itself: when the inner call returns, the
// buffer still holds the inner call's dead frame, and a jump to it from the
// outer call lands there.  Saving the buffer around the recursive call and
// copying it back registers the outer frame again: silent.
// RUN: %clang_tidy -checks='-*,recover-dangling-jmp-buf' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <string.h>

static jmp_buf Env;
static jmp_buf Saved;

static void descend(int N) {
  if (setjmp(Env))
    return;
  if (N > 0)
    descend(N - 1);
  longjmp(Env, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: longjmp to 'Env', whose only setjmp is in 'descend', which has returned by then: the jump lands in a dead stack frame [recover-dangling-jmp-buf]
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'Env' is registered here, in 'descend'
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'descend' is called and returns here
}

static void descendRestoring(int N) {
  jmp_buf Mine;
  if (setjmp(Saved))
    return;
  if (N > 0) {
    memcpy(Mine, Saved, sizeof Mine);
    descendRestoring(N - 1);
    memcpy(Saved, Mine, sizeof Mine);
  }
  longjmp(Saved, 1);
}

void start(void) {
  descend(3);
  descendRestoring(3);
}
