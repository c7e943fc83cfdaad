// A function of the translation unit that only returns fresh memory -- an
// allocation, a fresh local it hands on nowhere else, or null -- is an
// allocator to its callers: what they write into the memory it returns is
// nobody else's until they hand it on.  A constructor that also keeps the
// memory, or may return something else, is not.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>

jmp_buf Env;
struct Node {
  struct Node *Next;
  int Kind;
  int Size;
};
struct Node *Head;
struct Node *Last;
struct Node Sentinel;
static void check(int X) {
  if (X < 0)
    longjmp(Env, 1);
}

static struct Node *newNode(int Kind) {
  struct Node *N = malloc(sizeof *N);
  if (!N)
    return NULL;
  N->Kind = Kind;
  N->Next = NULL;
  return N;
}

// Returned through another constructor.
static struct Node *newSized(int Kind, int Size) {
  struct Node *N = newNode(Kind);
  if (N)
    N->Size = Size;
  return N;
}

static struct Node *directly(void) { return (struct Node *)calloc(1, sizeof(struct Node)); }

void pushNode(int X) {
  struct Node *N = newSized(1, X);
  N->Kind = X;
  check(X);
  struct Node *M = directly();
  M->Kind = X;
  check(X);
  N->Next = Head;
  Head = N;
}

// Keeps what it returns: the caller's writes are seen through Last.
static struct Node *newTracked(int Kind) {
  struct Node *N = malloc(sizeof *N);
  N->Kind = Kind;
  Last = N;
  return N;
}

// May return shared memory.
static struct Node *newOrSentinel(int Kind) {
  if (Kind < 0)
    return &Sentinel;
  return newNode(Kind);
}

void tracked(int X) {
  struct Node *T = newTracked(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: call to 'newTracked' changes 'Last' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-52]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-16]]:3: note: 'Last' is changed here, inside 'newTracked'
  T->Size = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Size' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-57]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

void sentinelOrNew(int X) {
  struct Node *S = newOrSentinel(X);
  S->Size = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Size' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-66]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}
