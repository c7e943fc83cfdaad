// A callee spelled as a comma expression, `(enter(S), raise_error)(...)`, or
// through `*`, is the function it names, not a call through a pointer
// (tcc's tcc_error, gawk's fatal).
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: PanicFunctions, value: 'report'}]}" -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,CONFIGURED \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Counter;
int Total;
int Seen;
void enter(int State);
void report(const char *Msg);
void (*Handler)(const char *Msg);

static void raiseError(const char *Msg) { longjmp(Env, 1); }
#define RAISE (enter(1), raiseError)
#define REPORT (enter(1), report)

void throughComma(int Bad) {
  Counter++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a longjmp can follow here: 'raiseError' can longjmp
  // CHECK-MESSAGES: :[[@LINE-8]]:43: note: which can longjmp here: 'longjmp' jumps to a recover point
  if (Bad)
    RAISE("bad");
}

void throughDereference(int Bad) {
  Total++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Total' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a longjmp can follow here: 'raiseError' can longjmp
  // CHECK-MESSAGES: :[[@LINE-17]]:43: note: which can longjmp here: 'longjmp' jumps to a recover point
  if (Bad)
    (*(enter(2), raiseError))("bad");
}

void configuredThroughComma(int Bad) {
  Seen++;
  // CONFIGURED: :[[@LINE-1]]:3: warning: 'Seen' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CONFIGURED: :[[@LINE+2]]:5: note: a longjmp can follow here: 'report' is one of the PanicFunctions
  if (Bad)
    REPORT("bad");
}

// A real call through a pointer stays one (IndirectCallsPanic is off).
void throughPointer(int Bad) {
  Counter++;
  if (Bad)
    (enter(3), Handler)("bad");
}
