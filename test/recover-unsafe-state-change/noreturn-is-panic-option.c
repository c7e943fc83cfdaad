// A noreturn function without a visible body, outside system headers, is
// how real code marks its throw functions.  NoreturnIsPanic=false turns
// that off; abort() from a system header never panics.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: NoreturnIsPanic, value: false}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=OFF -allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// OFF-NOT: warning:

#include <stdlib.h>

_Noreturn void fatal(const char *Msg);
int Phase;

void advance(int Ok) {
  Phase++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Phase' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'fatal' is declared noreturn and its body is not visible
  if (!Ok)
    fatal("bad phase");
}

void advanceOrAbort(int Ok) {
  Phase++;
  if (!Ok)
    abort();
}
