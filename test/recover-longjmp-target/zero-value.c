// longjmp with a value that is the constant 0, spelled directly, through a
// macro or an enumerator: setjmp returns 1 instead, so a handler that tells
// errors apart by the value sees the wrong one.  A non-zero constant, a
// parameter and a value read from memory are not reported: nothing here
// says they are 0.
// RUN: %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

#define OK 0
enum { ERR_NONE, ERR_IO };

jmp_buf Env;
struct Status {
  int Code;
};

void directZero(void) { longjmp(Env, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'longjmp' is called with the value 0, so setjmp returns 1 instead; pass a non-zero value [recover-longjmp-target]

void macroZero(void) { longjmp(Env, OK); }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'longjmp' is called with the value 0, so setjmp returns 1 instead; pass a non-zero value [recover-longjmp-target]

void enumeratorZero(void) { _longjmp(Env, ERR_NONE); }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: '_longjmp' is called with the value 0, so setjmp returns 1 instead; pass a non-zero value [recover-longjmp-target]

void castZero(void) { siglongjmp(Env, (int)0L); }
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'siglongjmp' is called with the value 0, so setjmp returns 1 instead; pass a non-zero value [recover-longjmp-target]

void nonZero(void) { longjmp(Env, ERR_IO); }

void parameter(int Code) { longjmp(Env, Code); }

void fromMemory(struct Status *S) { longjmp(Env, S->Code); }

int run(void) {
  if (setjmp(Env))
    return 1;
  return 0;
}
