// A TRY-style macro that stores the result is reported once per use, at
// the use, not inside the macro definition.  A compliant macro is silent.
// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Handler;
void work(void);

#define BAD_TRY                                                               \
  int Caught_ = setjmp(Handler);                                              \
  if (Caught_ == 0)
#define GOOD_TRY if (setjmp(Handler) == 0)
#define CATCH else

void badTwice(void) {
  {
    BAD_TRY { work(); }
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the result of '_setjmp' is stored
  }
  {
    BAD_TRY { work(); }
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the result of '_setjmp' is stored
  }
}

// The argument of a macro is where the user wrote it.
#define STORE(X) int Saved_ = (X)
void argument(void) {
  STORE(setjmp(Handler));
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the result of 'setjmp' is stored
  (void)Saved_;
}

void good(void) {
  GOOD_TRY { work(); }
  CATCH { return; }
}
