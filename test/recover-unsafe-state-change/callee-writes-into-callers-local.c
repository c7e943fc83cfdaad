// A callee that writes through its parameter writes into whatever its caller
// passed; when the caller passes its own local (directly, an array, or a
// field reached through its own parameter one call further down), the change
// dies with the caller's frame.  Reduced from a fixed-point helper called
// with the address of a field of a local record.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int bad(void);
struct Point { int X; int Y; };
struct Point Shared;

static void store(int *Res) { *Res = 1; }
static void setX(struct Point *P) { store(&P->X); }
static void setFirst(int *Arr) { store(Arr + 1); }

void intoOwnLocals(void) {
  struct Point Tmp;
  int Row[4];
  setX(&Tmp);
  setFirst(Row);
  if (bad())
    longjmp(Env, 1);
}

// Flagged: the same calls on a global leave it half-updated.
void intoGlobal(void) {
  setX(&Shared);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'setX' changes '*Res' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a longjmp can follow here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-18]]:31: note: '*Res' is changed here, inside 'store', which 'setX' calls
  if (bad())
    longjmp(Env, 1);
}
