// An interpreter's protected call: the jmp_buf lives in a chain hanging off
// the state object; errors longjmp to the innermost one.  The chain links
// are bookkeeping; the recovery path restores the stack top, so changes of
// 'top' are consumed there, while other fields are not.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

struct LongJmp {
  struct LongJmp *Previous;
  jmp_buf B;
  volatile int Status;
};
struct State {
  struct LongJmp *ErrorJmp;
  int Top;
  int NCalls;
};

#define TRY(S, C, A)                                                           \
  if (setjmp((C)->B) == 0) {                                                   \
    A;                                                                         \
  }

static void throwError(struct State *S, int Code) {
  S->ErrorJmp->Status = Code;
  longjmp(S->ErrorJmp->B, 1);
}

int runProtected(struct State *S, void (*F)(struct State *)) {
  int OldTop = S->Top;
  struct LongJmp LJ;
  LJ.Status = 0;
  LJ.Previous = S->ErrorJmp;
  S->ErrorJmp = &LJ;
  TRY(S, &LJ, F(S));
  S->ErrorJmp = LJ.Previous;
  if (LJ.Status != 0)
    S->Top = OldTop;
  return LJ.Status;
}

static void checkStack(struct State *S, int N) {
  if (S->Top + N > 100)
    throwError(S, 2);
}

void call(struct State *S) {
  S->NCalls++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'State.NCalls' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: a longjmp can follow here: 'checkStack' can longjmp
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: which can longjmp here: 'throwError' can longjmp
  // CHECK-MESSAGES: :[[@LINE-26]]:3: note: which can longjmp here: 'longjmp' jumps to a recover point
  S->Top++;
  checkStack(S, 1);
  S->NCalls--;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'State.NCalls' is written again here; a longjmp before this point leaves the update half-done
}
