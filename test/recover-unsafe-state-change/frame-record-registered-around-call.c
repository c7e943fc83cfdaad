// A frame's record whose address is registered in outliving state only
// around a call -- `Prev = Active; Active = &S; work(&S); Active = Prev;`,
// as a compiler registers its context for the error reporter -- is handed
// to that call, not kept: once the registration is undone nobody can reach
// the record, so its changes are not reported.  The registration itself is
// (a jump out of the call skips the undo and leaves it dangling).  Not when
// the undo may be skipped on a normal path too (it is conditional, or a
// return comes first).  Silent by default, reported in AuditMode.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.AuditMode, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=AUDIT \
// RUN:       -implicit-check-not='{{warning|error}}:'

void error(const char *Msg) __attribute__((noreturn));

struct scope {
  int depth;
};
struct frame {
  int depth;
};
struct block {
  int depth;
};
struct scope *ActiveScope;
struct frame *ActiveFrame;
struct block *ActiveBlock;

// Silent: ActiveScope points at S only while deepenScope runs.
static void deepenScope(struct scope *S, int D) {
  S->depth = D;
  // AUDIT: :[[@LINE-1]]:3: warning: 'scope.depth' is changed here
  if (D > 100)
    error("too deep");
}
void enterScope(int D) {
  struct scope S;
  struct scope *Prev = ActiveScope;
  ActiveScope = &S;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ActiveScope' is changed here
  // AUDIT: :[[@LINE-2]]:3: warning: 'ActiveScope' is changed here
  deepenScope(&S, D);
  ActiveScope = Prev;
}

// Reported: the undo is skipped when D is 0, and ActiveFrame keeps
// pointing at the frame after a normal return.
static void deepenFrame(struct frame *F, int D) {
  F->depth = D;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'frame.depth' is changed here
  // AUDIT: :[[@LINE-2]]:3: warning: 'frame.depth' is changed here
  if (D > 100)
    error("too deep");
}
void enterFrame(int D) {
  struct frame F;
  ActiveFrame = &F;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ActiveFrame' is changed here
  // AUDIT: :[[@LINE-2]]:3: warning: 'ActiveFrame' is changed here
  deepenFrame(&F, D);
  if (D)
    ActiveFrame = 0;
}

// Reported: a return can come before the undo.
static void deepenBlock(struct block *B, int D) {
  B->depth = D;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'block.depth' is changed here
  // AUDIT: :[[@LINE-2]]:3: warning: 'block.depth' is changed here
  if (D > 100)
    error("too deep");
}
void enterBlock(int D) {
  struct block B;
  struct block *Prev = ActiveBlock;
  ActiveBlock = &B;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ActiveBlock' is changed here
  // AUDIT: :[[@LINE-2]]:3: warning: 'ActiveBlock' is changed here
  deepenBlock(&B, D);
  if (D == 1)
    return;
  ActiveBlock = Prev;
}
