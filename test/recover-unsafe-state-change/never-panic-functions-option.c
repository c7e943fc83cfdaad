// NeverPanicFunctions names functions that never longjmp: calls of them do
// not count as panics, whatever the other options would assume (an unknown
// call inside a protected region, a noreturn declaration, a body of the
// translation unit that can reach a panic).
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=DEFAULT \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: NeverPanicFunctions, value: 'logMessage;stop;valid.*'}]}" \
// RUN:   -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=NEVER -allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
int Count;
int Total;
int Level;
void logMessage(const char *Msg);
void stop(void) __attribute__((noreturn));
void fail(void) __attribute__((noreturn));

static void validate(int X) {
  if (X < 0)
    fail();
}

void unknownCallInRegion(void) {
  if (setjmp(Env) == 0) {
    Count++;
    // DEFAULT: :[[@LINE-1]]:5: warning: 'Count' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
    // DEFAULT: :[[@LINE+2]]:5: note: a longjmp can follow here: the body of 'logMessage' is not visible and it is called inside a protected region
    // DEFAULT: :[[@LINE-4]]:7: note: the recover point it returns to is registered here
    logMessage("counted");
  }
}

void noreturnCall(int X) {
  Total++;
  // DEFAULT: :[[@LINE-1]]:3: warning: 'Total' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // DEFAULT: :[[@LINE+2]]:5: note: a longjmp can follow here: 'stop' is declared noreturn and its body is not visible
  if (X)
    stop();
}

void calleeThatCanPanic(int X) {
  Level++;
  // DEFAULT: :[[@LINE-1]]:3: warning: 'Level' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // DEFAULT: :[[@LINE+2]]:3: note: a longjmp can follow here: 'validate' can longjmp
  // DEFAULT: :[[@LINE-25]]:5: note: which can longjmp here: 'fail' is declared noreturn and its body is not visible
  validate(X);
}

// NEVER-NOT: recover-unsafe-state-change
