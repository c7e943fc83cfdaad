// ThrowingAllocationFunctions names an allocator that longjmps when memory
// runs out in one entry: a call to it can longjmp (as a PanicFunctions
// entry), and what it returns is fresh memory (as an AllocationFunctions
// entry), which is no state until it escapes.  The notes call it an
// allocator that can longjmp.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: ThrowingAllocationFunctions, value: 'xmalloc'}]}" %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=BOTH -implicit-check-not='{{warning|error}}:'
// As a panic function only, the fresh block's contents count as state.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: PanicFunctions, value: 'xmalloc'}]}" %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=PANIC -implicit-check-not='{{warning|error}}:'
// As an allocation function only, nothing here can longjmp.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: AllocationFunctions, value: 'xmalloc'}]}" %s -- %mock_headers \
// RUN:   | FileCheck %s -allow-empty -check-prefix=ALLOC -implicit-check-not='{{warning|error}}:'
// A bad entry is reported under the option's name, and the run goes on.
// RUN: not %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: ThrowingAllocationFunctions, value: 'x(malloc'}]}" %s -- %mock_headers 2>&1 \
// RUN:   | FileCheck %s -check-prefix=BAD
// BAD: invalid entry 'x(malloc' in option 'recover-unsafe-state-change.ThrowingAllocationFunctions'
// BAD-NOT: invalid entry
// ALLOC-NOT: warning:

struct table {
  char **slots;
  int count;
};

void *xmalloc(unsigned long n);

void add(struct table *T, const char *Name, unsigned long N) {
  char *Copy;
  T->count++;
  // BOTH: :[[@LINE-1]]:3: warning: 'table.count' is changed here
  // PANIC: :[[@LINE-2]]:3: warning: 'table.count' is changed here
  // The note names it as the allocator it is, or by its list.
  // BOTH: :[[@LINE+2]]:10: note: a longjmp can follow here: 'xmalloc' is an allocator that can longjmp
  // PANIC: :[[@LINE+1]]:10: note: a longjmp can follow here: 'xmalloc' is one of the PanicFunctions
  Copy = xmalloc(N);
  Copy[0] = Name[0];
  Copy[1] = 0;
  // PANIC: :[[@LINE-1]]:3: warning: '*Copy' is changed here
  (void)xmalloc(1);
  T->slots[T->count - 1] = Copy;
}
