// Code that does not compile gets the compiler's error; a function the
// model cannot build is given up on and nothing crashes, while the rest of
// the file is still checked.
// RUN: not %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <signal.h>

jmp_buf Env;

void brokenValue(void) {
  int Code = 0;
  Code = undeclared;
  // CHECK: :[[@LINE-1]]:10: error: use of undeclared identifier 'undeclared' [clang-diagnostic-error]
  longjmp(Env, Code);
}

void brokenBuffer(void) {
  jmp_buf Local;
  longjmp(Local, missing);
  // CHECK: :[[@LINE-1]]:18: error: use of undeclared identifier 'missing' [clang-diagnostic-error]
  longjmp(nowhere, 1);
  // CHECK: :[[@LINE-1]]:11: error: use of undeclared identifier 'nowhere' [clang-diagnostic-error]
}

static void handler(int Sig) { longjmp(Env, Sig); }
// CHECK: :[[@LINE-1]]:32: warning: 'longjmp' in code run by signal handler 'handler' does not restore the signal mask
// CHECK: :[[@LINE+3]]:3: note: 'handler' is installed as a signal handler here

int main(void) {
  signal(SIGINT, handler);
  signal(SIGINT, unknownHandler);
  // CHECK: :[[@LINE-1]]:18: error: use of undeclared identifier 'unknownHandler' [clang-diagnostic-error]
  longjmp(Env, 0);
  // CHECK: :[[@LINE-1]]:3: warning: 'longjmp' is called with the value 0
}
