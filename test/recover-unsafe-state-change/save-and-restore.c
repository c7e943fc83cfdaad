// Putting back a value saved from the same location is not a change of its
// own; the change it undoes is still reported if a panic comes between.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Mode;
void work(void) __attribute__((noreturn));
void step(void);

static void maybe(int X) {
  if (X)
    longjmp(Env, 1);
}

void withMode(int X) {
  int Saved = Mode;
  Mode = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Mode' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'maybe' can longjmp
  // CHECK-MESSAGES: :[[@LINE-8]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  maybe(X);
  Mode = Saved;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Mode' is written again here; a longjmp before this point leaves the update half-done
  maybe(X);
}
