#include "task.h"
#include <setjmp.h>

static jmp_buf Guard;

static void step(struct session *S) {
  S->depth++;
  if (S->depth > 3)
    longjmp(Guard, 1);
}

void runGuarded(struct session *S) {
  if (setjmp(Guard) == 0)
    step(S);
}
