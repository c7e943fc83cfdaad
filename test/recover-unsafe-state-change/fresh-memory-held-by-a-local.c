// Memory a function has just allocated and holds only in a local pointer is
// not state: until the pointer is stored, passed on or its address taken,
// nobody else can see what is written there, and a longjmp only leaks it.
// Writes after the pointer escaped count as state again.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=CHECK-MESSAGES,DEFAULT \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: AllocationFunctions, value: 'pool_.*'}]}" -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

jmp_buf Env;
struct Node {
  int Value;
  struct Node *Next;
};
struct Node *Head;
static void check(int X) {
  if (X < 0)
    longjmp(Env, 1);
}
void keep(struct Node *N);
void grab(struct Node **N);
void *xmalloc(size_t N) __attribute__((malloc));
void *pool_get(size_t N);

// The node is filled before it is published: only publishing is state.
void fillThenPublish(int X) {
  struct Node *N = malloc(sizeof *N);
  if (!N)
    return;
  N->Value = X;
  N->Next = Head;
  check(X);
  Head = N;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Head' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // CHECK-MESSAGES: :[[@LINE-19]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
}

// Once published, the node is visible to whoever recovers.
void writeAfterPublishing(int X) {
  struct Node *N = calloc(1, sizeof *N);
  keep(N);
  N->Value = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Value' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // CHECK-MESSAGES: :[[@LINE-30]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
}

// Passing it on later does not reach back to the write.
struct Node *fillThenKeep(int X) {
  struct Node *N = malloc(sizeof *N);
  N->Value = X;
  check(X);
  keep(N);
  return N;
}

// A fresh allocation in each iteration starts over.
void oneNodePerIteration(int Count) {
  for (int I = 0; I < Count; ++I) {
    struct Node *N = malloc(sizeof *N);
    N->Value = I;
    check(I);
    keep(N);
  }
}

// A copy in another pointer that is handed on is an alias: what is written
// through it is visible (fresh-memory-through-a-cursor.c has the copies that
// stay private).
void writeThroughACopy(int X) {
  struct Node *N = malloc(sizeof *N);
  struct Node *M = N;
  keep(M);
  M->Value = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Value' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // CHECK-MESSAGES: :[[@LINE-63]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  free(N);
}

// The address of an element is a pointer into the block.
void elementAddressPassedOn(int X) {
  struct Node *N = malloc(2 * sizeof *N);
  keep(&N[1]);
  N[0].Value = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Value' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // CHECK-MESSAGES: :[[@LINE-75]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
}

// Whoever has the pointer's address can change it.
void pointerAddressTaken(int X) {
  struct Node *N = malloc(sizeof *N);
  grab(&N);
  N->Value = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Value' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // CHECK-MESSAGES: :[[@LINE-86]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
}

// A pointer that may hold something else than fresh memory is not fresh.
void sometimesShared(int X) {
  struct Node *N = malloc(sizeof *N);
  if (X)
    N = Head;
  N->Value = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Value' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // CHECK-MESSAGES: :[[@LINE-98]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
}

// The C library's writers, realloc and __attribute__((malloc)) allocators.
char *buildString(const char *Text, int X) {
  char *Buf = NULL;
  Buf = realloc(Buf, 64);
  strcpy(Buf, Text);
  Buf = realloc(Buf, 128);
  memset(Buf + 64, 0, 64);
  check(X);
  char *Copy = xmalloc(64);
  Copy[0] = Buf[0];
  check(X);
  free(Copy);
  return Buf;
}

// AllocationFunctions names the project's allocators.
void projectAllocator(int X) {
  struct Node *N = pool_get(sizeof *N);
  N->Value = X;
  // DEFAULT: :[[@LINE-1]]:3: warning: 'Node.Value' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // DEFAULT: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // DEFAULT: :[[@LINE-123]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  keep(N);
}
