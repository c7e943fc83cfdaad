// Every form C11 7.13.1.1p4 allows stays silent.
// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s --allow-empty -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// CHECK-MESSAGES-NOT: recover-setjmp-context

#include <setjmp.h>

enum { Thrown = 1 };
jmp_buf Env;
void work(void);

void wholeIfCondition(void) {
  if (setjmp(Env))
    return;
  work();
}

void comparedWithConstant(void) {
  if (setjmp(Env) == 0)
    work();
  if (0 != setjmp(Env))
    return;
  if ((setjmp(Env)) > Thrown - 1)
    return;
  if (setjmp(Env) == Thrown)
    return;
}

void negated(void) {
  if (!setjmp(Env))
    work();
}

void selectionAndIteration(void) {
  switch (setjmp(Env)) {
  case 0:
    work();
    break;
  default:
    break;
  }
  while (setjmp(Env) < 3)
    work();
  do
    work();
  while (!setjmp(Env));
  for (; setjmp(Env) != 2;)
    work();
}

void expressionStatement(int C) {
  setjmp(Env);
  (void)setjmp(Env);
  if (C)
    setjmp(Env);
  else
    (void)setjmp(Env);
label:
  setjmp(Env);
  switch (C) {
  case 1:
    setjmp(Env);
    break;
  }
  if (C > 5)
    goto label;
}
