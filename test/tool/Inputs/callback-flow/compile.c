#include "task.h"
#include <setjmp.h>

struct rectx {
  struct thread *thr;
  int count;
};

static void addRange(void *Ud, int R) {
  struct rectx *Ctx = Ud;
  Ctx->count += R;
  grow(Ctx->thr, Ctx->count);
  if (R > 9)
    fail();
}

static int compile(struct thread *T, int N) {
  struct rectx Ctx;
  Ctx.thr = T;
  Ctx.count = 0;
  parseRanges(addRange, &Ctx, N);
  return Ctx.count;
}

struct tokctx {
  struct thread *thr;
  int line;
};

void (*Hook)(void *, int);

static void addLine(struct tokctx *Tok, int R) {
  Tok->line += R;
  grow(Tok->thr, Tok->line);
  if (R > 9)
    fail();
}

static int lex(struct thread *T, int N) {
  struct tokctx Tok;
  Tok.thr = T;
  Tok.line = 0;
  addLine(&Tok, N);
  walkLines(Hook, &Tok, N);
  return Tok.line;
}

jmp_buf Top;

int run(struct thread *T, int N) {
  if (setjmp(Top))
    return -1;
  return compile(T, N) + lex(T, N);
}

int main(void) {
  struct thread T = {4, 0};
  return run(&T, 3);
}
