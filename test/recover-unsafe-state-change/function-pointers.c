// Calls through function pointers are not panics unless IndirectCallsPanic.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=DEFAULT -allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: IndirectCallsPanic, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// DEFAULT-NOT: warning:

int Calls;

void dispatch(void (*Handler)(int), int Arg) {
  Calls++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Calls' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: a call through a function pointer
  Handler(Arg);
}
