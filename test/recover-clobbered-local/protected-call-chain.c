// An interpreter's protected call: the jmp_buf hangs off the state object.
// A local counter changed inside the TRY and read after it is clobbered; the
// status field lives in memory (the longjmp's target object) and is fine.
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' %s -- %mock_headers \
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
};
#define TRY(C, A)                                                              \
  if (setjmp((C)->B) == 0) {                                                   \
    A;                                                                         \
  }

int runProtected(struct State *S, void (*F)(struct State *), int N) {
  struct LongJmp LJ;
  int Calls = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Calls' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+7]]:5: note: 'Calls' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+9]]:23: note: 'Calls' is read here after it
  LJ.Status = 0;
  LJ.Previous = S->ErrorJmp;
  S->ErrorJmp = &LJ;
  TRY(&LJ, for (int I = 0; I < N; ++I) {
    Calls++;
    F(S);
  });
  S->ErrorJmp = LJ.Previous;
  return LJ.Status ? -Calls : Calls;
}
