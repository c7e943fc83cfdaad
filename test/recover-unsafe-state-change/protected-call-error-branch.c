// A protected-call wrapper runs its work under a recover point and returns
// the status; its callers restore the state in their error branch.  What
// that branch (or a function it calls) names is restored or consumed by
// recovery, like what a recovery path names.  The error branch is the one
// taken when the status is non-zero: `then` for `status`, `status != 0`
// and __builtin_expect(status != 0, 0), `else` for `status == 0`; a test
// against another constant says nothing of which branch handles the error.
// Reduced from an interpreter whose pcall puts the stack top back after an
// error in the protected call.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

struct state {
  jmp_buf *env;
  int top;
  int depth;
  int hooks;
  int mode;
  int calls;
};
void fail(struct state *S) __attribute__((noreturn));

static void setError(struct state *S, int OldTop) { S->top = OldTop + 1; }

// The wrapper: its recovery path returns the status.
int runProtected(struct state *S, void (*F)(struct state *)) {
  jmp_buf Env;
  jmp_buf *Old = S->env;
  int Status = 0;
  S->env = &Env;
  if (setjmp(Env) == 0)
    F(S);
  else
    Status = 1;
  S->env = Old;
  return Status;
}

int pcall(struct state *S, void (*F)(struct state *)) {
  int OldTop = S->top;
  int Status = runProtected(S, F);
  if (__builtin_expect(Status != 0, 0))
    setError(S, OldTop);
  return Status;
}

int resume(struct state *S, void (*F)(struct state *)) {
  if (runProtected(S, F) == 0)
    return 0;
  else
    S->hooks = 0;
  return 1;
}

int yield(struct state *S, void (*F)(struct state *)) {
  int Status = runProtected(S, F);
  if (Status == 2)
    S->mode = 0;
  return Status;
}

// Silent: pcall's error branch sets the top again.
void push(struct state *S) {
  S->top++;
  if (S->top > 100)
    fail(S);
}

// Silent: resume's error branch resets the hooks.
void callHook(struct state *S) {
  S->hooks++;
  if (S->hooks > 3)
    fail(S);
  S->hooks--;
}

// Reported: nothing restores the depth.
void enter(struct state *S) {
  S->depth++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'state.depth' is changed here
  if (S->depth > 200)
    fail(S);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a longjmp can follow here
  S->depth--;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'state.depth' is written again here
}

// Reported: yield's test of status 2 is not an error branch.
void setMode(struct state *S, int M) {
  S->mode = M;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'state.mode' is changed here
  if (M < 0)
    fail(S);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a longjmp can follow here
}
