// Storing the address of a jmp_buf (or of a record holding one), or putting
// back the saved previous handler, pushes or pops an error handler: that is
// recover-dangling-jmp-buf's business, not a state change.  Nothing here is
// read on a recovery path, so only that rule keeps these silent.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

struct Handler {
  struct Handler *Previous;
  jmp_buf Buf;
};
struct Handler *Current;
jmp_buf *CurrentBuf;
int Pushes;
void mayThrow(void) __attribute__((noreturn));

void push(struct Handler *H, int Fail) {
  H->Previous = Current;
  Current = H;
  CurrentBuf = &H->Buf;
  if (Fail)
    mayThrow();
}

void pop(int Fail) {
  Current = Current->Previous;
  if (Fail)
    mayThrow();
}

// A plain counter next to them is state.
void counted(struct Handler *H, int Fail) {
  Current = H;
  Pushes++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Pushes' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  if (Fail)
    mayThrow();
}
