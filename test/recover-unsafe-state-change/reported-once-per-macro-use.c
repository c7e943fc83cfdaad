// A macro that expands to two state changes is reported once per use, at
// the use.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
struct Stats { int A; int B; } S;
#define BUMP() (S.A++, S.B++)
void mayThrow(void) __attribute__((noreturn));

void once(int Fail) {
  BUMP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Stats.A' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  if (Fail)
    mayThrow();
}

void twoUses(int Fail) {
  BUMP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Stats.A' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  if (Fail)
    mayThrow();
  BUMP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Stats.A' is written again here; a longjmp before this point leaves the update half-done
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'Stats.A' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  if (Fail)
    mayThrow();
}
