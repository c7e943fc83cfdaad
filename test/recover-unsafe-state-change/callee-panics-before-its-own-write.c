// A call that both writes a location and can panic: when the callee can
// panic before its write, the earlier change is still left behind; when it
// writes first, its write replaces the earlier change.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
struct Stack {
  int Top;
  int Slots[8];
};

static void push(struct Stack *S, int V) {
  if (S->Top == 8)
    longjmp(Env, 1);
  S->Slots[S->Top++] = V;
}

void fill(struct Stack *S, int N) {
  for (int I = 0; I < N; ++I)
    push(S, I);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'push' changes 'Stack.Top' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: a longjmp can follow here: 'push' can longjmp
    // CHECK-MESSAGES: :[[@LINE-9]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
    // CHECK-MESSAGES: :[[@LINE-9]]:12: note: 'Stack.Top' is changed here, inside 'push'
}

static void resetThenCheck(struct Stack *S, int Ok) {
  S->Top = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Stack.Top' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'longjmp' jumps to a recover point
  if (!Ok)
    longjmp(Env, 1);
}

void resetTwice(struct Stack *S, int Ok) {
  S->Top = 1;
  resetThenCheck(S, Ok);
}
