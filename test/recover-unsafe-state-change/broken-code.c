// Code that does not compile: the compiler's errors are reported, functions
// with errors are given up on, nothing crashes.
// RUN: not %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Count;

void broken(int X) {
  Count++;
  if (X)
    longjmp(Env, undefined_value);
  // CHECK: :[[@LINE-1]]:18: error: use of undeclared identifier 'undefined_value' [clang-diagnostic-error]
}

void incomplete(struct Missing *M) {
  M->Field = 1;
  // CHECK: :[[@LINE-1]]:4: error: incomplete definition of type 'struct Missing' [clang-diagnostic-error]
  // CHECK: :[[@LINE-3]]:24: note: forward declaration of 'struct Missing'
  longjmp(Env, 1);
}
