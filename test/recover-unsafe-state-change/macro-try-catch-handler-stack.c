// TRY/CATCH over sigsetjmp with a global handler stack, database style.
// Pushing and popping the handler are not state changes; a change inside
// the TRY body before a THROW-ing call is, reported where the user wrote it.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

extern sigjmp_buf *ExceptionStack;
void throwError(void) __attribute__((noreturn));
int mayError(int);

#define TRY                                                                    \
  do {                                                                         \
    sigjmp_buf *SavedStack_ = ExceptionStack;                                  \
    sigjmp_buf LocalBuf_;                                                      \
    if (sigsetjmp(LocalBuf_, 0) == 0) {                                        \
      ExceptionStack = &LocalBuf_;
#define CATCH                                                                  \
  }                                                                            \
  else {                                                                       \
    ExceptionStack = SavedStack_;
#define END_TRY                                                                \
  }                                                                            \
  ExceptionStack = SavedStack_;                                                \
  }                                                                            \
  while (0)

int RowsInserted;
#define COUNT_ROW() (RowsInserted++)

void insert(int Row) {
  TRY {
    COUNT_ROW();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'RowsInserted' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE+3]]:7: note: a longjmp can follow here: 'throwError' is declared noreturn and its body is not visible
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the recover point it returns to is registered here
    if (Row < 0)
      throwError();
  }
  CATCH { }
  END_TRY;
}

void insertChecked(int Row) {
  TRY {
    if (Row < 0)
      throwError();
    COUNT_ROW();
  }
  CATCH { }
  END_TRY;
}
