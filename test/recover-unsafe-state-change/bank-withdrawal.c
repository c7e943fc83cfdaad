// The debit is applied before the check that longjmps: the recovery leaves
// it applied.  Checking first is the fix and is silent.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdio.h>

static jmp_buf OnError;
static int Balance = 100;

void withdraw(int Debit) {
  if (setjmp(OnError) == 0) {
    Balance -= Debit;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Balance' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE+3]]:7: note: a longjmp can follow here: 'longjmp' jumps to a recover point
    // CHECK-MESSAGES: :[[@LINE-4]]:7: note: the recover point it returns to is registered here
    if (Balance < 0)
      longjmp(OnError, 1);
  } else {
    puts("Insufficient funds");
  }
}

void withdrawFixed(int Debit) {
  if (setjmp(OnError) == 0) {
    if (Balance - Debit < 0)
      longjmp(OnError, 1);
    Balance -= Debit;
  } else {
    puts("Insufficient funds");
  }
}
