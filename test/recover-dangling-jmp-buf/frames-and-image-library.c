// Try/Catch over a global frame array, and an image library that keeps a
// pointer to the caller's jmp_buf: leaving the block early leaves the frame
// or the pointer aimed at a dead frame.
// RUN: %clang_tidy -checks='-*,recover-dangling-jmp-buf' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

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
int parse(int);

int tryReturn(int N) {
  Try {
    if (N < 0)
      return -1;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: returning here leaves 'ExceptionFrame.Frame' pointing to a jmp_buf in this function's frame, which a later longjmp would jump into; restore 'ExceptionFrame.Frame' first [recover-dangling-jmp-buf]
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the handler is registered here
    parse(N);
  }
  Catch {}
  EndTry
  return 0;
}

int tryComplete(int N) {
  Try { parse(N); }
  Catch {}
  EndTry
  return 0;
}

struct png_struct { jmp_buf *JmpBufPtr; };
void png_read(struct png_struct *P);

int decode(struct png_struct *P, int Skip) {
  jmp_buf Env;
  jmp_buf *Saved = P->JmpBufPtr;
  P->JmpBufPtr = &Env;
  if (Skip)
    return 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: returning here leaves 'png_struct.JmpBufPtr' pointing to a jmp_buf in this function's frame, which a later longjmp would jump into; restore 'png_struct.JmpBufPtr' first [recover-dangling-jmp-buf]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the handler is registered here
  if (setjmp(Env) == 0)
    png_read(P);
  P->JmpBufPtr = Saved;
  return 1;
}
