// A longjmp to a jmp_buf whose contents, on some path through the
// function, were copied from another jmp_buf (memcpy, or an assignment or
// initialisation of a struct holding one) rather than saved there by
// setjmp: the standard restores only the environment saved in the jmp_buf
// setjmp was called with.  The warning is at the longjmp, with a note at
// the copy.  A setjmp after the copy, or a call that may set a buffer other
// code can see, ends the path.
// RUN: %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <string.h>

struct Frame {
  jmp_buf Env;
  int Code;
};

jmp_buf Handler;
int step(void);
void registerHandler(void);

void rethrow(void) {
  jmp_buf Saved;
  memcpy(Saved, Handler, sizeof(jmp_buf));
  if (setjmp(Handler) == 0) {
    step();
  } else {
    memcpy(Handler, Saved, sizeof(jmp_buf));
    longjmp(Handler, 1);
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'longjmp' to 'Handler', which holds a copy of a jmp_buf rather than an environment that setjmp saved in it; the C standard only restores an environment through the jmp_buf setjmp was called with [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: a jmp_buf is copied into 'Handler' here

int structAssignment(const struct Frame *Outer) {
  struct Frame F;
  F = *Outer;
  longjmp(F.Env, 2);
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'longjmp' to 'F.Env', which holds a copy of a jmp_buf rather than an environment that setjmp saved in it; the C standard only restores an environment through the jmp_buf setjmp was called with [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: a jmp_buf is copied into 'F' here

int structInitialisation(const struct Frame *Outer) {
  struct Frame F = *Outer;
  if (F.Code)
    longjmp(F.Env, 3);
  return 0;
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'longjmp' to 'F.Env', which holds a copy of a jmp_buf rather than an environment that setjmp saved in it; the C standard only restores an environment through the jmp_buf setjmp was called with [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: a jmp_buf is copied into 'F' here

int setAfterCopy(const struct Frame *Outer) {
  struct Frame F = *Outer;
  if (setjmp(F.Env))
    return F.Code;
  longjmp(F.Env, 4);
}

void setByCallAfterCopy(void) {
  jmp_buf Saved;
  memcpy(Saved, Handler, sizeof(jmp_buf));
  memcpy(Handler, Saved, sizeof(jmp_buf));
  registerHandler();
  longjmp(Handler, 5);
}

void copyOfOtherBuffer(void) {
  jmp_buf Saved;
  memcpy(Saved, Handler, sizeof(jmp_buf));
  longjmp(Handler, 6);
}
