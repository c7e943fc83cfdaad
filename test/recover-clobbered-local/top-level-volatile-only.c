// Only a volatile qualifier on the variable itself protects it: 'volatile
// char *p' points to volatile chars, 'char *volatile p' is a volatile
// pointer.  The fix-it goes after the '*'.
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
#include <stdlib.h>

jmp_buf Env;
void fill(volatile char *P);

void pointeeVolatile(void) {
  volatile char *Buf = NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: local variable 'Buf' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: 'Buf' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+2]]:7: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+2]]:18: note: 'Buf' is read here after it
  if (setjmp(Env)) {
    free((char *)Buf);
    return;
  }
  Buf = malloc(16);
  fill(Buf);
  free((char *)Buf);
}
// CHECK-FIXES: volatile char *volatile Buf = NULL;

void pointerVolatile(void) {
  char *volatile Buf = NULL;
  if (setjmp(Env)) {
    free(Buf);
    return;
  }
  Buf = malloc(16);
  fill(Buf);
  free(Buf);
}
