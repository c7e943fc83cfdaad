// A path that registers a new recover point before the panic does not leave
// the change behind: the panic lands after it.  A setjmp in a loop registers
// again each iteration.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Attempts; // consumed by retry()'s recovery path, so only silent cases
void work(void);
static void failIf(int C) {
  if (C)
    longjmp(Env, 1);
}

void retry(int N) {
  for (int I = 0; I < N; ++I) {
    if (setjmp(Env) == 0) {
      work();
    }
    Attempts++;
  }
}

// Changes that nothing on a recovery path reads: only the new recover point
// keeps them silent.
int Rounds;
void roundsInLoop(int N) {
  for (int I = 0; I < N; ++I) {
    if (setjmp(Env) == 0) {
      work();
      Rounds++;
    }
  }
}

int Registrations;
void countThenRegister(void) {
  Registrations++;
  if (setjmp(Env) == 0)
    work();
}

int Tries;
void registerOnOnePathOnly(int Again) {
  Tries++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Tries' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: a longjmp can follow here: 'failIf' can longjmp
  // CHECK-MESSAGES: :[[@LINE-36]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  if (Again)
    setjmp(Env);
  failIf(!Again);
}
