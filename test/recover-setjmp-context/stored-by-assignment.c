// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Status;

void assigned(void) {
  int Rc;
  Rc = setjmp(Env);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the result of 'setjmp' is stored
  Status = setjmp(Env);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the result of 'setjmp' is stored
  Status += setjmp(Env);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the result of 'setjmp' is stored
  if ((Rc = setjmp(Env)) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the result of 'setjmp' is stored
    return;
}

// Compliant: the assignment happens in the branch.
void branched(void) {
  if (setjmp(Env) != 0)
    Status = 1;
}
