// docs/configs/cexception.yaml on CException-style code: Try/Catch over a
// global frame array, Throw declared without a body and without noreturn,
// as it is outside CException.c.  Without the configuration Throw is a
// possible longjmp only inside a Try block (an unknown call there); with
// it, functions that Throw outside any Try, and their callers, are seen.
// RUN: %clang_tidy --config-file=%src_root/docs/configs/cexception.yaml %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-*' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=NOCONFIG \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

typedef unsigned int CEXCEPTION_T;
#define CEXCEPTION_NONE 0u
#define ERR_FULL 1u
#define ERR_SYNTAX 2u

typedef struct {
  jmp_buf *pFrame;
  volatile CEXCEPTION_T Exception;
} CEXCEPTION_FRAME_T;
extern volatile CEXCEPTION_FRAME_T CExceptionFrames[1];

#define Try                                                                    \
  {                                                                            \
    jmp_buf *PrevFrame_, NewFrame_;                                            \
    PrevFrame_ = CExceptionFrames[0].pFrame;                                   \
    CExceptionFrames[0].pFrame = (jmp_buf *)(&NewFrame_);                      \
    CExceptionFrames[0].Exception = CEXCEPTION_NONE;                           \
    if (setjmp(NewFrame_) == 0) {                                              \
      if (1)
#define Catch(e)                                                               \
  else {}                                                                      \
  CExceptionFrames[0].Exception = CEXCEPTION_NONE;                             \
  }                                                                            \
  else {                                                                       \
    e = CExceptionFrames[0].Exception;                                         \
  }                                                                            \
  CExceptionFrames[0].pFrame = PrevFrame_;                                     \
  }                                                                            \
  if (CExceptionFrames[0].Exception != CEXCEPTION_NONE)

void Throw(CEXCEPTION_T ExceptionID);

typedef struct Fifo {
  int items[8];
  int head;
  int count;
} Fifo;

/* The count goes up before the overflow Throw. */
void fifo_push(Fifo *f, int v) {
  f->count++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Fifo.count' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'Throw' is one of the PanicFunctions
  if (f->count > 8)
    Throw(ERR_FULL);
  f->items[(f->head + f->count - 1) % 8] = v;
}

/* Compliant: Throw first, change after. */
void fifo_push_checked(Fifo *f, int v) {
  if (f->count == 8)
    Throw(ERR_FULL);
  f->items[(f->head + f->count) % 8] = v;
  f->count++;
}

/* A caller's change before a call that can Throw. */
static int Accepted;
void accept_sample(Fifo *f, int v) {
  Accepted++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Accepted' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'fifo_push' can longjmp
  // CHECK-MESSAGES: :[[@LINE-18]]:5: note: which can longjmp here: 'Throw' is one of the PanicFunctions
  fifo_push(f, v);
}

/* A local changed inside Try and read in Catch: indeterminate after the
   longjmp.  Found with or without the configuration, since an unknown
   call inside Try counts as a possible longjmp anyway. */
int parse_digits(const char *s) {
  int parsed = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'parsed' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+12]]:7: note: 'parsed' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+13]]:22: note: 'parsed' is read here after it
  // NOCONFIG: :[[@LINE-5]]:7: warning: local variable 'parsed' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // NOCONFIG: :[[@LINE+8]]:7: note: 'parsed' is changed here, and a longjmp can follow
  // NOCONFIG: :[[@LINE+3]]:3: note: the longjmp returns to this 'setjmp'
  // NOCONFIG: :[[@LINE+9]]:22: note: 'parsed' is read here after it
  CEXCEPTION_T e = CEXCEPTION_NONE;
  Try {
    for (; *s; s++) {
      if (*s < '0' || *s > '9')
        Throw(ERR_SYNTAX);
      parsed++;
    }
  }
  Catch(e) { return -parsed; }
  return parsed;
}

/* Compliant: the Try block only calls, the Catch only reads the id. */
int safe_push(Fifo *f, int v) {
  CEXCEPTION_T e = CEXCEPTION_NONE;
  Try { fifo_push_checked(f, v); }
  Catch(e) { return (int)e; }
  return 0;
}
