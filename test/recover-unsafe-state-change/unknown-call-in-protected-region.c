// Inside a protected region, a call to a function whose body is not visible
// and that is not a system function may longjmp: the handler exists for a
// reason.  Outside the region, or with UnknownCallsInRegionPanic=false, not.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: UnknownCallsInRegionPanic, value: false}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=OFF -allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// OFF-NOT: warning:

#include <setjmp.h>
#include <string.h>

jmp_buf Env;
int Opened;
void external_open(void);

int openAll(void) {
  if (setjmp(Env))
    return -1;
  Opened++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Opened' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: the body of 'external_open' is not visible and it is called inside a protected region
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: the recover point it returns to is registered here
  (void)strlen("system functions never panic");
  external_open();
  return 0;
}

void outsideRegion(void) {
  Opened++;
  external_open();
}
