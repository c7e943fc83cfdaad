// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int use(int);

void expressions(int C) {
  C ? setjmp(Env) : 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'setjmp' is part of a larger expression, which the C standard leaves undefined
  (setjmp(Env), use(C));
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: 'setjmp' is part of a larger expression
  setjmp(Env) + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setjmp' is part of a larger expression
  (int)setjmp(Env);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'setjmp' is part of a larger expression
  for (setjmp(Env); C < 3; ++C)
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'setjmp' is part of a larger expression
    ;
}

// Compliant: a statement of its own, possibly cast to void.
void statements(void) {
  setjmp(Env);
  (void)setjmp(Env);
}
