// The "return inside PG_TRY" class: a TRY macro pushes a local sigjmp_buf on
// a global handler stack and END_TRY pops it; a return, break or goto out of
// the TRY block skips the pop and leaves the stack pointing into a dead
// frame.
// RUN: %clang_tidy -checks='-*,recover-dangling-jmp-buf' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

extern sigjmp_buf *ExceptionStack;
int lookup(int);
#define TRY                                                                    \
  do {                                                                         \
    sigjmp_buf *Saved_ = ExceptionStack;                                       \
    sigjmp_buf Local_;                                                         \
    if (sigsetjmp(Local_, 0) == 0) {                                           \
      ExceptionStack = &Local_;
#define CATCH                                                                  \
  }                                                                            \
  else {                                                                       \
    ExceptionStack = Saved_;
#define END_TRY                                                                \
  }                                                                            \
  ExceptionStack = Saved_;                                                     \
  }                                                                            \
  while (0)

int returnInside(int Key) {
  TRY {
    if (Key < 0)
      return -1;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: returning here leaves 'ExceptionStack' pointing to a jmp_buf in this function's frame, which a later longjmp would jump into; restore 'ExceptionStack' first [recover-dangling-jmp-buf]
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the handler is registered here
    lookup(Key);
  }
  CATCH { return -2; }
  END_TRY;
  return 0;
}

int breakOut(int Key) {
  TRY {
    if (Key < 0)
      break;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: leaving with 'break' here leaves 'ExceptionStack' pointing to a jmp_buf in this function's frame, which a later longjmp would jump into; restore 'ExceptionStack' first [recover-dangling-jmp-buf]
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the handler is registered here
    lookup(Key);
  }
  CATCH { return -2; }
  END_TRY;
  return 0;
}

int gotoOut(int Key) {
  TRY {
    if (Key < 0)
      goto done;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: leaving with 'goto' here leaves 'ExceptionStack' pointing to a jmp_buf in this function's frame, which a later longjmp would jump into; restore 'ExceptionStack' first [recover-dangling-jmp-buf]
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the handler is registered here
    lookup(Key);
  }
  CATCH { return -2; }
  END_TRY;
done:
  return 0;
}

int wellFormed(int Key) {
  int Result = 0;
  TRY { Result = lookup(Key); }
  CATCH { Result = -2; }
  END_TRY;
  return Result;
}
