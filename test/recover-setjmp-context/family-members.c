// Every member of the setjmp family is recognised, whether reached through
// glibc-style macros or called directly.
// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
sigjmp_buf SigEnv;
void *Frame[5];

void stored(void) {
  int A = (setjmp)(Env);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the result of 'setjmp' is stored
  int B = _setjmp(Env);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the result of '_setjmp' is stored
  int C = sigsetjmp(SigEnv, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the result of 'sigsetjmp' is stored
  int D = __sigsetjmp(SigEnv, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the result of '__sigsetjmp' is stored
  int E = __builtin_setjmp(Frame);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the result of '__builtin_setjmp' is stored
  (void)(A + B + C + D + E);
}

void allowed(void) {
  if ((setjmp)(Env) == 0)
    return;
  if (!_setjmp(Env))
    return;
  if (sigsetjmp(SigEnv, 1))
    return;
  if (__sigsetjmp(SigEnv, 0) != 0)
    return;
  if (__builtin_setjmp(Frame) == 0)
    return;
}

// Functions that merely look alike are not recover points.
int setjmp_like(jmp_buf Env);
int notARecoverPoint(void) {
  int R = setjmp_like(Env);
  return R;
}
