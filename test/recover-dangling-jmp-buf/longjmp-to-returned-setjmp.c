// A function sets up a global jmp_buf and returns; a later longjmp to it
// jumps into a dead frame.  Where the setjmp's function is still running
// (it calls the code that longjmps), that is the normal use.
// RUN: %clang_tidy -checks='-*,recover-dangling-jmp-buf' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdio.h>

static jmp_buf Recover;
static jmp_buf Live;

static int init(void) {
  if (setjmp(Recover)) {
    puts("recovered");
    return 1;
  }
  return 0;
}

static void fail(void) { longjmp(Recover, 1); }
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: longjmp to 'Recover', whose only setjmp is in 'init', which has returned by then: the jump lands in a dead stack frame [recover-dangling-jmp-buf]
// CHECK-MESSAGES: :[[@LINE-9]]:7: note: 'Recover' is registered here, in 'init'
// CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'init' is called and returns here
// CHECK-MESSAGES: :[[@LINE+4]]:3: note: and the longjmp is reached through this call

int main(void) {
  init();
  fail();
  longjmp(Recover, 2);
  return 0;
}

static void failLive(void) { longjmp(Live, 1); }

int run(void) {
  if (setjmp(Live))
    return 1;
  failLive();
  return 0;
}
