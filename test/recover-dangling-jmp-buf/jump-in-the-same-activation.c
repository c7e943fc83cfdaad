// A longjmp that runs in the same call as the setjmp before it lands in a
// live frame, however often the function that registers is called: the
// bank example's second withdrawal jumps inside that second call.  A
// function that can jump before it registers, after an earlier call of it
// returned, does land in the dead frame.
// RUN: %clang_tidy -checks='-*,recover-dangling-jmp-buf' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdio.h>

static jmp_buf OnError;
static int Balance = 100;

static void withdraw(int Debit) {
  if (setjmp(OnError) == 0) {
    if (Balance - Debit < 0)
      longjmp(OnError, 1);
    Balance -= Debit;
  } else {
    puts("Insufficient funds");
  }
}

int bank(void) {
  withdraw(6);
  withdraw(200);
  printf("%d\n", Balance);
  return 0;
}

static jmp_buf Retry;

static void attempt(int Fail) {
  if (Fail)
    longjmp(Retry, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: longjmp to 'Retry', whose only setjmp is in 'attempt', which has returned by then: the jump lands in a dead stack frame [recover-dangling-jmp-buf]
  // CHECK-MESSAGES: :[[@LINE+1]]:7: note: 'Retry' is registered here, in 'attempt'
  if (setjmp(Retry))
    puts("retrying");
}

int jumpsBeforeRegistering(void) {
  attempt(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'attempt' is called and returns here
  attempt(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: and the longjmp is reached through this call
  return 0;
}
