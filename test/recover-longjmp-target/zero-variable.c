// A local variable whose value at the longjmp is, on some path, the
// constant 0 it was given: the warning is at the longjmp, with a note where
// the variable is set to 0.  A path on which the variable is set again, or
// on which a test shows it is not 0, does not count; nor does a variable
// whose address is taken.
// RUN: %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

#define OK 0

jmp_buf Env;
int compute(void);
void fill(int *Out);

void maybeZero(int Bad) {
  int Code = OK;
  if (Bad)
    Code = 2;
  longjmp(Env, Code);
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'Code' can be 0 when it is passed to 'longjmp', so setjmp would return 1 instead; pass a non-zero value [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-6]]:14: note: 'Code' is set to 0 here

void zeroAssignedInLoop(int N) {
  int Err = 1;
  for (int I = 0; I < N; ++I)
    if (compute())
      Err = 0;
  longjmp(Env, Err);
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'Err' can be 0 when it is passed to 'longjmp', so setjmp would return 1 instead; pass a non-zero value [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-4]]:13: note: 'Err' is set to 0 here

void setAgain(void) {
  int Code = 0;
  Code = compute();
  longjmp(Env, Code);
}

void alwaysNonZero(int Bad) {
  int Code = 0;
  if (Bad)
    Code = 2;
  else
    Code = 3;
  longjmp(Env, Code);
}

void guardedByTest(void) {
  int Code = 0;
  Code = compute();
  if (Code)
    longjmp(Env, Code);
}

void guardedByZeroTest(int Bad) {
  int Code = 0;
  if (Bad)
    Code = 5;
  if (Code != 0)
    longjmp(Env, Code);
  if (Code == OK)
    return;
  longjmp(Env, Code);
}

void guardedBySwitch(int Bad) {
  int Code = 0;
  if (Bad)
    Code = compute();
  switch (Code) {
  case 0:
    return;
  case 1:
    longjmp(Env, Code);
  default:
    longjmp(Env, Code);
  }
}

void addressTaken(void) {
  int Code = 0;
  fill(&Code);
  longjmp(Env, Code);
}

void neverSet(void) {
  int Code;
  longjmp(Env, Code);
}
