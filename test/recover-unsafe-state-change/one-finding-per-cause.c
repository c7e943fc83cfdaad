// A write inside a callee that many call sites leave behind is one cause:
// it is reported once, at the first call site, and the note at the write
// counts the others.  A different write is a different cause.  AuditMode
// reports every call site, as the check did before.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.AuditMode, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=AUDIT \
// RUN:       -implicit-check-not='{{warning|error}}:'

#include <setjmp.h>

jmp_buf Env;
int Depth;
int Mode;
int bad(void);

static void enter(void) { Depth++; }
static void setMode(int M) { Mode = M; }

void first(void) {
  enter();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'enter' changes 'Depth' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: a longjmp can follow here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-7]]:27: note: 'Depth' is changed here, inside 'enter'; 2 more call sites in this file leave the same change behind and are not reported separately
  // AUDIT: :[[@LINE-4]]:3: warning: call to 'enter' changes 'Depth'
  if (bad())
    longjmp(Env, 1);
}

void second(void) {
  enter();
  // AUDIT: :[[@LINE-1]]:3: warning: call to 'enter' changes 'Depth'
  setMode(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'setMode' changes 'Mode' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: a longjmp can follow here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-18]]:30: note: 'Mode' is changed here, inside 'setMode'
  // AUDIT: :[[@LINE-4]]:3: warning: call to 'setMode' changes 'Mode'
  if (bad())
    longjmp(Env, 2);
}

void third(void) {
  enter();
  // AUDIT: :[[@LINE-1]]:3: warning: call to 'enter' changes 'Depth'
  if (bad())
    longjmp(Env, 3);
}
