// PanicFunctions names the project's throw functions, declared in a header
// without bodies.  Without the option they are unknown calls outside any
// protected region: silent.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers -I %inputs/user \
// RUN:   | FileCheck %s -check-prefix=DEFAULT -allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: PanicFunctions, value: 'project_err.*'}]}" \
// RUN:   %s -- %mock_headers -I %inputs/user \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// DEFAULT-NOT: warning:

#include "errors.h"

int Loaded;

void load(int Ok) {
  Loaded = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Loaded' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'project_error' is one of the PanicFunctions
  if (!Ok)
    project_error("cannot load");
  project_warning("loaded");
}

// A configured panic function may also return (an allocator that raises an
// error only when memory runs out): the path goes on past it, so the change
// before it is not "panic only".
int Capacity;
void *grow(int N) {
  Capacity = N;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Capacity' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:10: note: a longjmp can follow here: 'project_error_alloc' is one of the PanicFunctions
  return project_error_alloc(N);
}
