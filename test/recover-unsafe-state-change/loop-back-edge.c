// The panic is earlier in the loop body: the next iteration reaches it.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Processed;

static void item(int X) {
  if (X < 0)
    longjmp(Env, 1);
}

void processAll(const int *Items, int N) {
  for (int I = 0; I < N; ++I) {
    item(Items[I]);
    Processed++;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Processed' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: a longjmp can follow here: 'item' can longjmp
    // CHECK-MESSAGES: :[[@LINE-9]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  }
}

void processAllThenCount(const int *Items, int N) {
  int Done = 0;
  for (int I = 0; I < N; ++I) {
    item(Items[I]);
    Done++;
  }
  Processed += Done;
}
