// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;

int stored(void) {
  int Rc = setjmp(Env);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the result of 'setjmp' is stored, which the C standard leaves undefined; test the call directly as the whole condition of an 'if', 'switch' or loop (alone, negated, or compared with an integer constant) or call it as a statement of its own [recover-setjmp-context]
  long Widened = setjmp(Env);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the result of 'setjmp' is stored
  return Rc + (int)Widened;
}

// The compliant rewrite: branch on the call, then set the variable.
int branched(void) {
  int Rc;
  if (setjmp(Env) == 0)
    Rc = 0;
  else
    Rc = 1;
  return Rc;
}
