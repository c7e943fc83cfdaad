// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
void report(int Code);

void passed(void) {
  report(setjmp(Env));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the result of 'setjmp' is passed to a function, which the C standard leaves undefined
}

void branched(void) {
  if (setjmp(Env))
    report(1);
  else
    report(0);
}
