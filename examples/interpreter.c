/* A toy interpreter in the style of many real ones: errors longjmp to the
   innermost protected call, whose jmp_buf hangs off the interpreter state. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

struct handler {
  struct handler *previous;
  jmp_buf buf;
};

struct state {
  struct handler *errorjmp;
  int top;
  int stack[64];
};

static void raise_error(struct state *S, const char *msg) {
  fprintf(stderr, "error: %s\n", msg);
  longjmp(S->errorjmp->buf, 1);
}

static void push(struct state *S, int v) {
  if (S->top == 64)
    raise_error(S, "stack overflow");
  S->stack[S->top++] = v;
}

/* Runs f under a handler and says whether it failed. */
static int protected_call(struct state *S, void (*f)(struct state *)) {
  struct handler h;
  h.previous = S->errorjmp;
  S->errorjmp = &h;
  int status = setjmp(h.buf); /* undefined: the result is stored */
  if (status == 0)
    f(S);
  S->errorjmp = h.previous;
  return status;
}

static void program(struct state *S) {
  for (int i = 0; i < 100; i++)
    push(S, i);
}

int main(void) {
  struct state *S = calloc(1, sizeof *S);
  if (!S)
    return 1;
  int failed = protected_call(S, program);
  printf("failed=%d top=%d\n", failed, S->top);
  free(S);
  return 0;
}
