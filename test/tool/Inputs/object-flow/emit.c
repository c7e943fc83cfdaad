#include "task.h"

void emit(struct rectx *C, int Op) {
  C->count++;
  grow(C->thr);
  if (Op < 0)
    fail();
}

static void stepTok(void *Ud) { ((struct tokpos *)Ud)->col = 0; }

void lexWith(struct tokctx *T) {
  struct tokpos *Pos = &T->pos;
  protect(stepTok, Pos);
}

void newline(struct tokctx *T, int C) {
  T->line++;
  if (C < 0)
    fail();
}
