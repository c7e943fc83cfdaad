// Memory reached through a parameter is the caller's; memory reached
// through a pointer known to point at this frame's locals is not state.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <string.h>

jmp_buf Env;
struct Buf {
  int Len;
  char Data[16];
};

static void check(int Ok) {
  if (!Ok)
    longjmp(Env, 1);
}

void throughParameter(struct Buf *Out, int Ok) {
  Out->Len = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Buf.Len' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(Ok);
}

void throughScalarParameter(int *Count, int Ok) {
  *Count += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*Count' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-15]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(Ok);
}

int localCopy(int Ok) {
  struct Buf Local;
  struct Buf *P = &Local;
  char Text[8];
  char *Cursor = Text;
  Local.Len = 1;
  P->Len = 2;
  *Cursor = 'a';
  memset(Local.Data, 0, sizeof Local.Data);
  check(Ok);
  return Local.Len + Text[0];
}

// A call writing through a parameter counts only when the argument is state
// in the caller.
static void clear(struct Buf *B) { B->Len = 0; }

void callerPassesLocal(int Ok) {
  struct Buf Local;
  clear(&Local);
  check(Ok);
}

void callerPassesParameter(struct Buf *Shared, int Ok) {
  clear(Shared);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'clear' changes 'Buf.Len' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-46]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-13]]:36: note: 'Buf.Len' is changed here, inside 'clear'
  check(Ok);
}

// Fields of anonymous members are named after the enclosing record.
struct Frame {
  union {
    struct {
      int Saved;
    };
  };
};
void anonymousMember(struct Frame *F, int Ok) {
  F->Saved = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Frame.Saved' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-63]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(Ok);
}
