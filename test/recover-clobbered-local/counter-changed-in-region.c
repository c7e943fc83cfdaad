// The classic: a counter changed after setjmp and read in the handler.  The
// fix-it makes it volatile; the fixed file compiles and is silent.
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: sed -e '/CHECK-/d' %s > %t.c
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' --fix %t.c -- %mock_headers > /dev/null 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.c
// RUN: %clang -fsyntax-only -Wall -Werror %mock_headers %t.c
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' %t.c -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=FIXED -allow-empty -implicit-check-not='{{warning|error|note}}:'
// FIXED-NOT: warning:

#include <setjmp.h>
#include <stdio.h>

jmp_buf Env;
void work(int);

int process(int N) {
  int Done = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Done' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+6]]:7: note: 'Done' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+2]]:7: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+7]]:33: note: 'Done' is read here after it
  if (setjmp(Env) == 0) {
    for (int I = 0; I < N; ++I) {
      work(I);
      Done++;
    }
  } else {
    printf("failed after %d\n", Done);
  }
  return Done;
}
// CHECK-FIXES: volatile int Done = 0;

int processVolatile(int N) {
  volatile int Done = 0;
  if (setjmp(Env) == 0) {
    for (int I = 0; I < N; ++I) {
      work(I);
      Done++;
    }
  } else {
    printf("failed after %d\n", Done);
  }
  return Done;
}
