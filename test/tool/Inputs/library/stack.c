#include "state.h"

/* API functions that nothing in the library calls: the host does. */
void lib_push(struct state *S) {
  S->top++;
  if (S->top > 100)
    lib_error(S);
}

void lib_enter(struct state *S) {
  S->depth++;
  if (S->depth > 200)
    lib_error(S);
  S->depth--;
}
