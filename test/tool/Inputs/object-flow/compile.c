#include "task.h"
#include <setjmp.h>

static jmp_buf Env;
void fail(void) { longjmp(Env, 1); }

static int compile(struct thread *T, int Op) {
  struct rectx C;
  C.thr = T;
  C.count = 0;
  emit(&C, Op);
  return C.count;
}

static int lex(int Ch) {
  struct tokctx T;
  T.line = 0;
  lexWith(&T);
  newline(&T, Ch);
  return T.line;
}

int main(int Argc, char **Argv) {
  struct thread T = {0};
  if (setjmp(Env))
    return 1;
  return compile(&T, Argc) + lex(Argv[0][0]);
}
