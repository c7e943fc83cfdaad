// Code that does not compile gets the compiler's error and the check still
// looks at what it can; nothing crashes.
// RUN: not %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;

int broken(void) {
  int Rc = setjmp(Env);
  // CHECK: :[[@LINE-1]]:12: warning: the result of 'setjmp' is stored
  return Rc + undeclared;
  // CHECK: :[[@LINE-1]]:15: error: use of undeclared identifier 'undeclared' [clang-diagnostic-error]
}

int alsoBroken(void) {
  if (setjmp(Env) == missing)
    // CHECK: :[[@LINE-1]]:22: error: use of undeclared identifier 'missing' [clang-diagnostic-error]
    return 1;
  return 0;
}
