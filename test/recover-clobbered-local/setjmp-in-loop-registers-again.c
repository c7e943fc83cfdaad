// A setjmp inside a loop registers again on every iteration: a change whose
// path reaches the next registration before anything can longjmp is safe.
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
void work(void);
int more(void);
int report(int);

int safe(void) {
  int Count = 0;
  while (more()) {
    if (setjmp(Env) == 0) {
      work();
      Count++;
    } else {
      report(Count);
    }
  }
  return Count;
}

int unsafe(void) {
  int Count = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Count' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+5]]:7: note: 'Count' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+3]]:9: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+6]]:14: note: 'Count' is read here after it
  while (more()) {
    if (setjmp(Env) == 0) {
      Count++;
      work();
    } else {
      report(Count);
    }
  }
  return Count;
}
