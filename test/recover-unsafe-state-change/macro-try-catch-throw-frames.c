// Try/Catch/Throw over a global array of frames, embedded-library style.
// The frame's pointer is handler bookkeeping; the exception id is written
// only on the way to the longjmp and read by Catch.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

typedef struct {
  jmp_buf *Frame;
  volatile unsigned Exception;
} ExceptionFrame;
ExceptionFrame Frames[1];

#define Try                                                                    \
  {                                                                            \
    jmp_buf *PrevFrame_, NewFrame_;                                            \
    PrevFrame_ = Frames[0].Frame;                                              \
    Frames[0].Frame = (jmp_buf *)(&NewFrame_);                                 \
    Frames[0].Exception = 0;                                                   \
    if (setjmp(NewFrame_) == 0) {                                              \
      if (1)
#define Catch(E)                                                               \
  else {}                                                                      \
  Frames[0].Exception = 0;                                                     \
  }                                                                            \
  else {                                                                       \
    E = Frames[0].Exception;                                                   \
  }                                                                            \
  Frames[0].Frame = PrevFrame_;                                                \
  }                                                                            \
  if (Frames[0].Exception != 0)

void Throw(unsigned Id) {
  Frames[0].Exception = Id;
  longjmp(*Frames[0].Frame, 1);
}

int Queue[8];
int QueueLen;

void enqueue(int V) {
  unsigned E;
  Try {
    Queue[QueueLen] = V;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Queue' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE+9]]:7: note: a longjmp can follow here: 'Throw' can longjmp
    // CHECK-MESSAGES: :[[@LINE-12]]:3: note: which can longjmp here: 'longjmp' jumps to a recover point
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the recover point it returns to is registered here
    QueueLen++;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'QueueLen' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE+4]]:7: note: a longjmp can follow here: 'Throw' can longjmp
    // CHECK-MESSAGES: :[[@LINE-17]]:3: note: which can longjmp here: 'longjmp' jumps to a recover point
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the recover point it returns to is registered here
    if (QueueLen > 8)
      Throw(1);
  }
  Catch(E) { (void)E; }
}
