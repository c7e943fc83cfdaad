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

// Flagged: the recovery path calls a function, which may read Len through
// the address that keep() stored, and sees the half-done value.
void readThroughKeptAddress(void) {
  int Len = 0;
  keep(&Len);
  if (setjmp(Env) == 0) {
    Len = 4;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Len' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: the body of 'work' is not visible and it is called inside a protected region
    // CHECK-MESSAGES: :[[@LINE-4]]:7: note: the recover point it returns to is registered here
    work(&Len);
  } else {
    rethrow();
  }
}

// Silent: when the jump lands, the recovery path neither names Len nor
// calls anything that could reach it through the kept address, and Len
// dies with the frame right after.
void deadOnRecovery(void) {
  int Len = 0;
  keep(&Len);
  if (setjmp(Env) == 0) {
    Len = 4;
    work(&Len);
  }
}

// Silent: a local of an inner block ends its lifetime before the jump
// lands on the recover point outside that block (C11 6.2.4p6), whatever
// the recovery path calls.
void innerBlockLocal(int N) {
  if (setjmp(Env) == 0) {
    for (int I = 0; I < N; ++I) {
      int Rows[4];
      keep(Rows);
      Rows[0] = I;
      work(Rows);
    }
  } else {
    rethrow();
  }
}
