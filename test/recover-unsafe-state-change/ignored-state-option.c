// IgnoredState silences changes of variables and fields by name, bare or
// qualified with the record's name.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.IgnoredState, value: 'Stat.*;Cache\\.Hits'}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=IGNORED \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

void mayThrow(void) __attribute__((noreturn));
struct Cache { int Hits; int Entries; };
int StatLookups;

void lookup(struct Cache *C, int Found) {
  StatLookups++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'StatLookups' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+8]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  C->Hits++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Cache.Hits' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+5]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  C->Entries++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Cache.Entries' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  if (!Found)
    mayThrow();
  // IGNORED: :[[@LINE-5]]:3: warning: 'Cache.Entries' is changed here
  // IGNORED: :[[@LINE-2]]:5: note: a longjmp can follow here
}
