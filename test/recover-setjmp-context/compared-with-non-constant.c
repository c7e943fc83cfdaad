// The other operand of the comparison must be an integer constant
// expression; in C a const-qualified variable is not one, an enumerator is.
// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
enum { Raised = 2 };
#define RAISED_AGAIN 3

void compared(int K) {
  const int Zero = 0;
  if (setjmp(Env) == K)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'setjmp' is compared with a value that is not an integer constant, which the C standard leaves undefined
    return;
  if (Zero < setjmp(Env))
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'setjmp' is compared with a value that is not an integer constant
    return;
  if (setjmp(Env) == Raised)
    return;
  if (setjmp(Env) != RAISED_AGAIN)
    return;
  if (setjmp(Env) >= sizeof(int))
    return;
}
