// Silent: changed only before setjmp; never read after recovery; assigned
// on the recovery path before it is read; changed where no longjmp can
// follow.  One flagged twin keeps the test honest.
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <string.h>

jmp_buf Env;
void work(void);
int use(int);

int changedBeforeSetjmp(void) {
  int Count = 1;
  Count++;
  if (setjmp(Env))
    return Count;
  work();
  return 0;
}

int neverReadAfter(void) {
  int Count = 0;
  if (setjmp(Env))
    return -1;
  Count++;
  work();
  return Count;
}

int reassignedFirst(void) {
  int Count = 0;
  if (setjmp(Env)) {
    Count = 0;
    return use(Count);
  }
  Count++;
  work();
  return Count;
}

int noLongjmpAfter(void) {
  int Count = 0;
  if (setjmp(Env))
    return use(Count);
  work();
  Count = (int)strlen("system calls never longjmp");
  return Count;
}

int flagged(void) {
  int Count = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Count' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'Count' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+2]]:7: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+2]]:16: note: 'Count' is read here after it
  if (setjmp(Env))
    return use(Count);
  Count++;
  work();
  return Count;
}
