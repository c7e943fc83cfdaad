// C11 7.13.2.1p2: a setjmp made inside the scope of a variable length array
// must not be jumped to once that scope has been left.  Silent: the jump
// inside the scope, a setjmp on the same buffer again after the scope, a
// call after the scope that cannot reach a buffer private to the function.
// RUN: %clang_tidy -checks='-*,recover-dangling-jmp-buf' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Global;
void use(int *Row);
void work(void);
static void fail(void) { longjmp(Global, 2); }

void leftThenJumped(int N) {
  jmp_buf Env;
  {
    int Row[N];
    if (setjmp(Env))
      return;
    use(Row);
  }
  longjmp(Env, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: longjmp to 'Env' after leaving the scope of variably modified 'Row', inside which 'setjmp' registered it: the behaviour is undefined (C11 7.13.2.1p2) [recover-dangling-jmp-buf]
  // CHECK-MESSAGES: :[[@LINE-6]]:9: note: 'setjmp' is called here, in the scope of 'Row'
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the scope of 'Row' ends here
}

void globalBufferThenCall(int N) {
  {
    int (*Grid)[N] = 0;
    if (setjmp(Global))
      return;
    use(*Grid);
  }
  fail();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: a longjmp can follow here to 'Global' after leaving the scope of variably modified 'Grid', inside which 'setjmp' registered it: the behaviour is undefined (C11 7.13.2.1p2) [recover-dangling-jmp-buf]
  // CHECK-MESSAGES: :[[@LINE-6]]:9: note: 'setjmp' is called here, in the scope of 'Grid'
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the scope of 'Grid' ends here
}

void jumpInsideTheScope(int N) {
  jmp_buf Env;
  {
    int Row[N];
    if (setjmp(Env))
      return;
    use(Row);
    longjmp(Env, 1);
  }
}

void registeredAgain(int N) {
  jmp_buf Env;
  {
    int Row[N];
    if (setjmp(Env))
      return;
    use(Row);
  }
  if (setjmp(Env))
    return;
  longjmp(Env, 1);
}

void privateBufferThenCall(int N) {
  jmp_buf Env;
  {
    int Row[N];
    if (setjmp(Env))
      return;
    use(Row);
  }
  work();
}

void fixedSizeArray(void) {
  jmp_buf Env;
  {
    int Row[4];
    if (setjmp(Env))
      return;
    use(Row);
  }
  longjmp(Env, 1);
}
