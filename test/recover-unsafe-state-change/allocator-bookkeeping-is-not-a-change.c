// What an allocator writes -- a pool's free list, a heap's accounting -- is
// its own bookkeeping, complete when it returns: a call to an allocation
// function (the C library's, AllocationFunctions,
// ThrowingAllocationFunctions) changes nothing that its caller leaves
// behind.  A write inside the allocator that a jump inside it can tear is
// still reported there, and the same body under another name is a change
// like any other.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: AllocationFunctions, value: 'pool_alloc;pool_alloc_checked'}]}" \
// RUN:   -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>

jmp_buf Env;
static char Arena[4096];
static size_t Used;
static size_t Allocations;
static void fail(void) { longjmp(Env, 1); }

void *pool_alloc(size_t N) {
  void *P = Arena + Used;
  Used += N;
  ++Allocations;
  return P;
}

// The count is bumped before the check that can jump: torn inside.
void *pool_alloc_checked(size_t N) {
  ++Allocations;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Allocations' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a longjmp can follow here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-14]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  if (Used + N > sizeof Arena)
    fail();
  void *P = Arena + Used;
  Used += N;
  return P;
}

// Not an allocator by name: its writes are the caller's changes.
void *pool_take(size_t N) {
  void *P = Arena + Used;
  Used += N;
  return P;
}

int *makePair(int A, int B) {
  int *P = pool_alloc(2 * sizeof *P);
  P[0] = A;
  P[1] = B;
  if (A < 0)
    fail();
  return P;
}

int *makeChecked(int A) {
  int *P = pool_alloc_checked(sizeof *P);
  *P = A;
  if (A < 0)
    fail();
  return P;
}

int *takePair(int A) {
  int *P = pool_take(2 * sizeof *P);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'pool_take' changes 'Used' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: a longjmp can follow here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-50]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-26]]:3: note: 'Used' is changed here, inside 'pool_take'
  if (A < 0)
    fail();
  return P;
}
