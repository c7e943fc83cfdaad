// A local whose address escaped is state only to its own function's
// recovery: its handler reading it consumes the change (rule 4), and a
// longjmp that leaves the frame cannot leave it behind for anyone.
// Reduced from fz_var-style code, where every TRY-protected local escapes.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>

jmp_buf Env;
void keep(void *P);
void work(int *P);
void rethrow(void) __attribute__((noreturn));

void readByHandler(void) {
  int *Buf = NULL;
  keep(&Buf);
  if (setjmp(Env) == 0) {
    Buf = malloc(4);
    work(Buf);
  } else {
    free(Buf);
  }
}

void freedThenLeaves(void) {
  int *Buf = NULL;
  keep(&Buf);
  if (setjmp(Env) == 0) {
    work(Buf);
  } else {
    free(Buf);
    rethrow();
  }
}

// Flagged: nothing here reads Len again, but whoever kept &Len sees the
// half-done value after the longjmp lands in this frame.
void notReadAfter(void) {
  int Len = 0;
  keep(&Len);
  if (setjmp(Env) == 0) {
    Len = 4;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Len' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: the body of 'work' is not visible and it is called inside a protected region
    // CHECK-MESSAGES: :[[@LINE-4]]:7: note: the recover point it returns to is registered here
    work(&Len);
  }
}
