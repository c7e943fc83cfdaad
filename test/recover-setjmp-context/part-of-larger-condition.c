// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int ready(void);

void combined(void) {
  if (setjmp(Env) == 0 && ready())
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'setjmp' is part of a larger condition, which the C standard leaves undefined
    return;
  while (ready() || !setjmp(Env))
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'setjmp' is part of a larger condition
    ;
  if (!(setjmp(Env) == 0))
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'setjmp' is part of a larger condition
    return;
}

// Compliant: test setjmp alone, then the rest.
void nested(void) {
  if (setjmp(Env) == 0)
    if (ready())
      return;
}
