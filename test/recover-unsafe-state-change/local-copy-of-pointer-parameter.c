// A local pointer that only ever holds a copy of a pointer parameter (as
// Lua's `{ TValue *io = (obj); ... }` setter macros do) writes where the
// parameter points: a caller that passes NULL or its own local sees no
// change, one that passes state does.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stddef.h>

jmp_buf Env;
struct Value {
  int N;
  int Tag;
};
struct Value Global;

static void check(int X) {
  if (X < 0)
    longjmp(Env, 1);
}

#define SET_NUMBER(Obj, X)                                                     \
  {                                                                            \
    struct Value *io = (Obj);                                                  \
    io->N = (X);                                                               \
  }

static int toNumber(int K, struct Value *V) {
  if (V)
    SET_NUMBER(V, K);
  return K > 0;
}

void passesNull(int K) {
  if (toNumber(K, NULL))
    check(K);
}

void passesItsOwnLocal(int K) {
  struct Value Local;
  toNumber(K, &Local);
  check(K);
}

void passesState(int K) {
  toNumber(K, &Global);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'toNumber' changes 'Value.N' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-30]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-20]]:5: note: 'Value.N' is changed here, inside 'toNumber'
  check(K);
}

// A local that may also point elsewhere is not a copy of the parameter.
static void fill(struct Value *V, int K) {
  struct Value *P = V;
  if (K > 1)
    P = &Global;
  P->N = K;
}

void passesLocalToFill(int K) {
  struct Value Local;
  fill(&Local, K);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'fill' changes 'Value.N' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-48]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'Value.N' is changed here, inside 'fill'
  check(K);
}
