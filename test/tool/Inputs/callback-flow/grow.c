#include "task.h"
#include <setjmp.h>

/* Runs a pending finalizer under a recover point of its own. */
static void finalize(struct thread *T) {
  jmp_buf Fin;
  if (setjmp(Fin) == 0)
    callFinalizer(T->pending);
}

void grow(struct thread *T, int N) {
  if (N > T->cap)
    finalize(T);
}
