/* The only recover point: what its protected region calls, names or calls
   through a pointer can run under it. */
#include <setjmp.h>

static jmp_buf Env;
void parse(int);
void hook(int);
void (*Hook)(int) = hook;

int compile(void) {
  if (setjmp(Env) != 0)
    return -1;
  parse(1);
  Hook(2);
  return 0;
}

void raise_error(void) { longjmp(Env, 1); }
