// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;

int returned(void) {
  return setjmp(Env);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the result of 'setjmp' is returned, which the C standard leaves undefined
}

int branched(void) {
  if (setjmp(Env))
    return 1;
  return 0;
}
