// A static local outlives the frame like a global.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
void mayThrow(void) __attribute__((noreturn));

int nextId(int Fail) {
  static int Id;
  int Local = 0;
  Id++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Id' is changed here and a longjmp can follow
  Local++;
  if (Fail)
    mayThrow();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  return Id + Local;
}
