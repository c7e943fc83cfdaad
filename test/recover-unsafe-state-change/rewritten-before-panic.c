// When every path from the change to a panic writes the same location
// again first, the later write replaces it (and is judged on its own).
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Size;
void grow(void) __attribute__((noreturn));

void resize(int N, int OldSize) {
  Size = N;
  if (N > 100) {
    Size = OldSize;
    grow();
  }
}

void resizeOnOnePath(int N, int OldSize, int Quiet) {
  Size = N;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Size' is changed here and a longjmp can follow
  if (N > 100) {
    if (!Quiet)
      Size = OldSize;
    grow();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a longjmp can follow here: 'grow' is declared noreturn and its body is not visible
    // The undo on the other path comes before grow(), not after it: no
    // torn note.
  }
}
