#include <setjmp.h>
jmp_buf Env;
void f(void) { longjmp(Env, missing); }
