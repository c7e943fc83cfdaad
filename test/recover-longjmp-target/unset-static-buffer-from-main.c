// A static jmp_buf, named only by setjmp and longjmp calls, that main can
// jump to - directly or through the functions it calls - before any setjmp
// on it has run: the jump uses a buffer that holds no environment.  Notes
// show the calls from main to the jump.  Where main sets the buffer first,
// or calls a function that does, nothing is reported; nor for a buffer that
// other translation units may set.
// RUN: %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdio.h>

static jmp_buf Early;
static jmp_buf Guarded;
jmp_buf Shared;

int parse(const char *Arg);

static void fail(void) { longjmp(Early, 1); }
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'longjmp' to 'Early' can run before any setjmp has saved an environment in 'Early', on a path from the start of 'main' [recover-longjmp-target]

static void check(const char *Arg) {
  if (!parse(Arg))
    fail();
}

static int protect(void) {
  if (setjmp(Guarded))
    return 1;
  return 0;
}

static void failGuarded(void) { longjmp(Guarded, 2); }

static void failShared(void) { longjmp(Shared, 3); }

int main(int Argc, char **Argv) {
  check(Argv[1]);
// CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'main' reaches the jump through this call
// CHECK-MESSAGES: :[[@LINE-16]]:5: note: 'check' reaches the jump through this call
  if (setjmp(Early)) {
// CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'Early' is set by setjmp here, but not on that path
    puts("recovered");
    return 1;
  }
  check(Argv[2]);
  if (protect())
    return 2;
  failGuarded();
  failShared();
  return 0;
}
