#include "task.h"
#include <setjmp.h>

void runFinalizers(struct thread *T);

/// Runs the finalizers under a recover point of their own.
void grow(struct thread *T) {
  jmp_buf Fin;
  if (setjmp(Fin) == 0)
    runFinalizers(T);
}

int protect(void (*F)(void *), void *Ud) {
  jmp_buf Step;
  if (setjmp(Step))
    return 1;
  F(Ud);
  return 0;
}
