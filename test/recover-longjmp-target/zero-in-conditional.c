// A conditional expression with an arm that is 0 passes 0 on that arm: the
// warning is at the longjmp, with a note at the arm.  Arms that are both
// non-zero, and a condition that is itself constant, are not reported.
// RUN: %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

#define OK 0

jmp_buf Env;

void fail(int Err) { longjmp(Env, Err ? Err : 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the value passed to 'longjmp' can be 0, so setjmp would return 1 instead; pass a non-zero value [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-2]]:47: note: this arm is 0

void failMacro(int Bad) { longjmp(Env, Bad ? (OK) : 2); }
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: the value passed to 'longjmp' can be 0, so setjmp would return 1 instead; pass a non-zero value [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE-2]]:47: note: this arm is 0

void bothNonZero(int Bad) { longjmp(Env, Bad ? 3 : 2); }

void constantCondition(void) { longjmp(Env, 1 ? 2 : 0); }
