struct thread {
  int cap;
};
struct rectx {
  struct thread *thr;
  int count;
};
struct tokpos {
  int col;
};
struct tokctx {
  struct tokpos pos;
  int line;
};

void fail(void) __attribute__((noreturn));
void grow(struct thread *T);
int protect(void (*F)(void *), void *Ud);
void emit(struct rectx *C, int Op);
void lexWith(struct tokctx *T);
void newline(struct tokctx *T, int C);
