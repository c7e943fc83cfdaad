// The panic fixpoint goes through recursion.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Depth;

static int walk(int N);
static int visit(int N) {
  if (N > 1000)
    longjmp(Env, 1);
  return walk(N + 1);
}
static int walk(int N) { return N % 7 ? visit(N) : N; }

int descend(int N) {
  Depth = N;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Depth' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:10: note: a longjmp can follow here: 'walk' can longjmp
  // CHECK-MESSAGES: :[[@LINE-6]]:41: note: which can longjmp here: 'visit' can longjmp
  // CHECK-MESSAGES: :[[@LINE-10]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  return walk(N);
}

static int fact(int N) { return N <= 1 ? 1 : N * fact(N - 1); }
int Result;
int compute(int N) {
  Result = N;
  return fact(N);
}
