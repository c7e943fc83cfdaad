// In a multi-declaration, 'volatile' is inserted for each pointer
// declarator separately; a plain type cannot be qualified for one variable
// alone, so there is no fix-it then.  Parameters get one too.
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: sed -e '/CHECK-/d' %s > %t.c
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' --fix %t.c -- %mock_headers > /dev/null 2>&1
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.c
// RUN: %clang -fsyntax-only -Wall -Werror %mock_headers %t.c

#include <setjmp.h>
#include <stdlib.h>

jmp_buf Env;
void work(void);
int use(int);

void pointers(void) {
  char *A = NULL, *B = NULL, *C = NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: local variable 'A' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+12]]:3: note: 'A' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+6]]:7: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+6]]:10: note: 'A' is read here after it
  // CHECK-MESSAGES: :[[@LINE-5]]:31: warning: local variable 'C' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+9]]:3: note: 'C' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+2]]:7: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+3]]:10: note: 'C' is read here after it
  if (setjmp(Env)) {
    free(A);
    free(C);
    return;
  }
  A = malloc(1);
  C = malloc(1);
  work();
  free(A);
  free(B);
  free(C);
}
// CHECK-FIXES: char *volatile A = NULL, *B = NULL, *volatile C = NULL;

int plain(void) {
  int X = 0, Y = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'X' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'X' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+2]]:7: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+2]]:16: note: 'X' is read here after it
  if (setjmp(Env))
    return use(X);
  X = 1;
  Y = 2;
  work();
  return X + Y;
}
// CHECK-FIXES: int X = 0, Y = 0;

int parameter(int N) {
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: parameter 'N' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
// CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'N' is changed here, and a longjmp can follow
// CHECK-MESSAGES: :[[@LINE+2]]:7: note: the longjmp returns to this 'setjmp'
// CHECK-MESSAGES: :[[@LINE+2]]:16: note: 'N' is read here after it
  if (setjmp(Env))
    return use(N);
  N = 3;
  work();
  return N;
}
// CHECK-FIXES: int parameter(volatile int N) {
