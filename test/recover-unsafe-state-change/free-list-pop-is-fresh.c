// A block taken off a free list that is refilled when it runs empty (a
// pool allocator: `(p = head) ? (head = p->next) : (p = more())`, or
// `p = head; if (!p) p = more(); head = p->next;`) is fresh memory: the
// list no longer holds it, and what is written into it is nobody else's
// until it is handed on.  Advancing the list's head is the allocation
// itself and leaves the list whole.  A list that is not refilled, or whose
// head is not advanced past the block, is live state like any other.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>

jmp_buf Env;
struct Node {
  struct Node *Next;
  int Kind;
  char *Text;
};
struct Pool {
  struct Node *Free;
};
struct Node *FreeNodes;
struct Pool Pools[2];
struct Node *Queue;
struct Node *Current;
static void check(int X) {
  if (X < 0)
    longjmp(Env, 1);
}

// A refill that allocates, in the other branch of a conditional (what a
// getnode() macro expands to).
#define getnode(P)                                                             \
  ((P = FreeNodes) ? (void)(FreeNodes = P->Next)                               \
                   : (void)(P = malloc(sizeof(struct Node))))

struct Node *makeNode(int Kind, int X) {
  struct Node *N;
  getnode(N);
  N->Kind = Kind;
  N->Next = NULL;
  check(X);
  N->Text = malloc(8);
  check(X);
  return N;
}

// The pool's head is a member of an element: spelled alike at the pop and
// at the advance.
#define getblock(P, Id)                                                        \
  ((P = Pools[Id].Free) ? (void)(Pools[Id].Free = P->Next)                     \
                        : (void)(P = malloc(sizeof(struct Node))))

struct Node *makeBlock(int X) {
  struct Node *N;
  getblock(N, 1);
  N->Kind = X;
  check(X);
  return N;
}

// A refill that links a new pool into the list and returns its head; the
// block is popped after it, whichever way it came.
static struct Node *morePool(void) {
  struct Node *Pool = malloc(16 * sizeof *Pool);
  for (int I = 0; I < 16; ++I) {
    Pool[I].Next = FreeNodes;
    FreeNodes = &Pool[I];
  }
  return FreeNodes;
}

// The new pool's blocks are linked into the list by the refill: that is
// still a change of the list, reported at the call.
void pushFromPool(int X) {
  struct Node *N = FreeNodes;
  if (N == NULL)
    N = morePool();
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: call to 'morePool' changes 'Node.Next' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
    // CHECK-MESSAGES: :[[@LINE+5]]:3: note: a longjmp can follow here: 'check' can longjmp
    // CHECK-MESSAGES: :[[@LINE-53]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
    // CHECK-MESSAGES: :[[@LINE-15]]:5: note: 'Node.Next' is changed here, inside 'morePool'
  FreeNodes = N->Next;
  N->Kind = X;
  check(X);
  N->Next = Queue;
  Queue = N;
}

// Once handed on, the block is state.
void linkedThenChanged(int X) {
  struct Node *N;
  getnode(N);
  N->Next = NULL;
  Current = N;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Current' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-70]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  N->Kind = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Kind' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-74]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

// A live queue that nothing refills: taking its first job loses it.
void takeJob(int X) {
  struct Node *Job = Queue;
  if (!Job)
    return;
  Queue = Job->Next;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Queue' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-86]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  Job->Kind = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Kind' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-90]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

// Refilled, but the head is never advanced past the block: it is still on
// the list.
void peekOrAllocate(int X) {
  struct Node *N = FreeNodes;
  if (!N)
    N = malloc(sizeof *N);
  N->Kind = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Kind' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-103]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

// The block is written before the head moves past it: the write lands in
// a block the list still holds.
void writtenBeforeTheAdvance(int X) {
  struct Node *N = FreeNodes;
  if (!N)
    N = malloc(sizeof *N);
  N->Kind = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Kind' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-116]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  FreeNodes = N->Next;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'FreeNodes' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-120]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

// Another list's head is advanced: the block stays on its own list.
void advancesAnotherList(int X) {
  struct Node *N;
  (N = Pools[0].Free) ? (void)(Pools[1].Free = N->Next)
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'Pool.Free' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-130]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
                      : (void)(N = malloc(sizeof *N));
  N->Kind = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Kind' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-135]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

// The link is a member of an anonymous union, as in a compiler's symbols;
// the refill's body is not visible.
struct Sym {
  int Value;
  union {
    struct Sym *Next;
    long Constant;
  };
};
struct Sym *FreeSyms;
struct Sym *moreSyms(void);

struct Sym *pushSym(int X) {
  struct Sym *S = FreeSyms;
  if (!S)
    S = moreSyms();
  FreeSyms = S->Next;
  S->Value = X;
  check(X);
  return S;
}
