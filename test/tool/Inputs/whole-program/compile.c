/* The only recover point: what its protected region calls, names or calls
   through a pointer can run under it. */
#include <setjmp.h>

static jmp_buf Env;
void parse(int);
void begin(void);
void step(int);
void hook(int);
void (*Hook)(int) = hook;

/* step() reads the lookahead before it sets it; it is not called directly
   by the protected region, so it is not the entry of the run. */
static void steps(int N) { step(N); }

int compile(void) {
  if (setjmp(Env) != 0)
    return -1;
  begin();
  parse(1);
  steps(3);
  Hook(2);
  return 0;
}

void raise_error(void) { longjmp(Env, 1); }
