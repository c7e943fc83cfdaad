#include "job.h"
#include <setjmp.h>

static jmp_buf *Current;

void fail(void) { longjmp(*Current, 1); }

int protect(void (*F)(void *), void *Ud) {
  jmp_buf Here;
  jmp_buf *Outer = Current;
  Current = &Here;
  if (setjmp(Here)) {
    Current = Outer;
    return 1;
  }
  F(Ud);
  Current = Outer;
  return 0;
}
