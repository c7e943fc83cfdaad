// A local jmp_buf (or a local struct holding one) that only this function
// can see, jumped to on a path from the function's start that passes no
// setjmp on it and no write into it: the buffer holds no environment.  A
// buffer whose address is passed to another function may be set there and
// is not reported.
// RUN: %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <string.h>

struct Frame {
  jmp_buf Env;
  int Code;
};

int step(void);
void install(jmp_buf Env);

int neverSet(void) {
  jmp_buf Env;
  longjmp(Env, 1);
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'longjmp' to 'Env' can run before any setjmp has saved an environment in 'Env', on a path from the start of 'neverSet' [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-4]]:11: note: 'Env' is declared here and no setjmp sets it

int setOnOnePath(int Fast) {
  jmp_buf Env;
  if (Fast) {
    if (setjmp(Env))
      return 1;
  }
  if (step())
    longjmp(Env, 2);
  return 0;
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'longjmp' to 'Env' can run before any setjmp has saved an environment in 'Env', on a path from the start of 'setOnOnePath' [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-8]]:9: note: 'Env' is set by setjmp here, but not on that path

int holderField(void) {
  struct Frame F;
  F.Code = 0;
  if (step())
    longjmp(F.Env, 3);
  if (setjmp(F.Env))
    return F.Code;
  return 0;
}
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: 'longjmp' to 'F.Env' can run before any setjmp has saved an environment in 'F.Env', on a path from the start of 'holderField' [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'F.Env' is set by setjmp here, but not on that path

int setFirst(void) {
  jmp_buf Env;
  if (setjmp(Env))
    return 1;
  if (step())
    longjmp(Env, 1);
  return 0;
}

int setInLoop(void) {
  jmp_buf Env;
  for (int I = 0; I < 3; ++I) {
    if (setjmp(Env))
      continue;
    if (step())
      longjmp(Env, 1);
  }
  return 0;
}

int zeroedFirst(void) {
  struct Frame F;
  memset(&F, 0, sizeof F);
  if (setjmp(F.Env))
    return F.Code;
  longjmp(F.Env, 1);
}

int passedOn(void) {
  jmp_buf Env;
  install(Env);
  longjmp(Env, 1);
}
