#include "state.h"

/* The protected-call wrapper: returns the status of its recover point. */
static int runProtected(struct state *S, void (*F)(struct state *)) {
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

/* Its error branch puts the stack top back. */
int lib_pcall(struct state *S, void (*F)(struct state *)) {
  int OldTop = S->top;
  int Status = runProtected(S, F);
  if (Status != 0)
    S->top = OldTop;
  return Status;
}

void lib_error(struct state *S) { longjmp(*S->env, 1); }
