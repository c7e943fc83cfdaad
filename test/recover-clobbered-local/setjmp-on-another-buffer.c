// Only a setjmp on the same jmp_buf registers the recover point again.  A
// setjmp on another buffer after the change leaves the first registration
// in place: a longjmp to the first buffer still returns there and reads the
// changed local.  A setjmp on the same buffer (spelled the same way) does
// re-register, and a change before it is safe.
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Outer, Inner;
struct Ctx {
  jmp_buf Env;
};
void work(void);
int use(int);

int anotherBuffer(void) {
  int Step = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Step' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'Step' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+1]]:7: note: the longjmp returns to this 'setjmp'
  if (setjmp(Outer))
    return use(Step);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: note: 'Step' is read here after it
  Step = 1;
  if (setjmp(Inner))
    return -1;
  work();
  return 0;
}

int sameBufferAgain(void) {
  int Step = 0;
  if (setjmp(Outer))
    return use(Step);
  Step = 1;
  if (setjmp(Outer))
    return -1;
  work();
  return 0;
}

int sameFieldAgain(struct Ctx *C) {
  int Step = 0;
  if (setjmp(C->Env))
    return use(Step);
  Step = 1;
  if (setjmp((C->Env)))
    return -1;
  work();
  return 0;
}
