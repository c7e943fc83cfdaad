// The TRY idioms: a database-style TRY/CATCH with a handler stack, an
// image-library handler through setjmp(png_jmpbuf(p)), and a Try/Catch over a
// frame array.  In each, a pointer set inside the protected block and freed
// in the handler is the classic double free.
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>

extern sigjmp_buf *ExceptionStack;
void throwError(void) __attribute__((noreturn));
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

void database(int Fail) {
  char *Buf = NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: local variable 'Buf' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'Buf' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+6]]:16: note: 'Buf' is read here after it
  TRY {
    Buf = malloc(8);
    if (Fail)
      throwError();
  }
  CATCH { free(Buf); }
  END_TRY;
}

struct png_struct { jmp_buf JmpBuf; };
#define png_jmpbuf(P) ((P)->JmpBuf)
void png_read_image(struct png_struct *P, unsigned char *Row);

int image(struct png_struct *P) {
  unsigned char *Row = NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: local variable 'Row' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: 'Row' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+2]]:7: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+2]]:10: note: 'Row' is read here after it
  if (setjmp(png_jmpbuf(P))) {
    free(Row);
    return -1;
  }
  Row = malloc(64);
  png_read_image(P, Row);
  free(Row);
  return 0;
}

typedef struct { jmp_buf *Frame; unsigned Exception; } ExceptionFrame;
extern ExceptionFrame Frames[1];
#define Try                                                                    \
  {                                                                            \
    jmp_buf *Prev_, New_;                                                      \
    Prev_ = Frames[0].Frame;                                                   \
    Frames[0].Frame = (jmp_buf *)(&New_);                                      \
    if (setjmp(New_) == 0) {
#define Catch                                                                  \
  }                                                                            \
  else {
#define EndTry                                                                 \
  }                                                                            \
  Frames[0].Frame = Prev_;                                                     \
  }
void Throw(unsigned Id) __attribute__((noreturn));

int frames(int N) {
  int Step = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Step' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'Step' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+7]]:18: note: 'Step' is read here after it
  Try {
    Step = 1;
    if (N < 0)
      Throw(1);
    Step = 2;
  }
  Catch { return Step; }
  EndTry
  return Step;
}
