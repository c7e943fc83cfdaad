// A local escapes whatever form its address takes: cast to another pointer
// type after the array decays, or the address of one of its elements.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
void keep(void *P);
void work(int *P);
// Called on the recovery path: it may read the local through its address.
void report(void);

void escapesThroughCast(void) {
  char Buf[8];
  keep((void *)Buf);
  if (setjmp(Env) == 0) {
    Buf[0] = 'x';
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Buf' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: the body of 'work' is not visible and it is called inside a protected region
    // CHECK-MESSAGES: :[[@LINE-4]]:7: note: the recover point it returns to is registered here
    work(0);
  } else {
    report();
  }
}

void escapesThroughElementAddress(void) {
  int Arr[4];
  keep(&Arr[1]);
  if (setjmp(Env) == 0) {
    Arr[0] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Arr' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: the body of 'work' is not visible and it is called inside a protected region
    // CHECK-MESSAGES: :[[@LINE-4]]:7: note: the recover point it returns to is registered here
    work(0);
  } else {
    report();
  }
}

// Not flagged: only the size of Arr is used, its address never leaves.
void doesNotEscape(void) {
  int Arr[4];
  keep((void *)sizeof Arr);
  if (setjmp(Env) == 0) {
    Arr[0] = 1;
    work(0);
  } else {
    report();
  }
}
