#include "stack.h"
#include <setjmp.h>

static jmp_buf Env;
static struct value Values[64];
struct value *Top;

void fail(void) { longjmp(Env, 1); }

static void start(void) { Top = Values - 1; }

static void expression(void) {
  ++Top;
  operand();
  --Top;
}

static void parse(void) { expression(); }

int main(void) {
  if (setjmp(Env))
    return -1;
  start();
  parse();
  return 0;
}
