// The jump into the returned frame can be any number of calls below the
// code that saw the frame return: main -> bar -> fun.  The same chain under
// a function that is still running (it called the setjmp itself) is the
// normal use and silent.
// RUN: %clang_tidy -checks='-*,recover-dangling-jmp-buf' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

static jmp_buf Env;
static jmp_buf Live;

static int setup(void) {
  if (setjmp(Env))
    return 1;
  return 0;
}

static void fun(void) { longjmp(Env, 1); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: longjmp to 'Env', whose only setjmp is in 'setup', which has returned by then: the jump lands in a dead stack frame [recover-dangling-jmp-buf]
// CHECK-MESSAGES: :[[@LINE-7]]:7: note: 'Env' is registered here, in 'setup'
static void bar(void) { fun(); }

int main(void) {
  setup();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'setup' is called and returns here
  bar();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: and the longjmp is reached through this call
  return 0;
}

static void liveFun(void) { longjmp(Live, 1); }
static void liveBar(void) { liveFun(); }

int running(void) {
  if (setjmp(Live))
    return 1;
  liveBar();
  return 0;
}
