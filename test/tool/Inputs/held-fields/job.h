/* A loader reads its input stream under a protected call of its own. */
struct stream {
  const char *p;
  int n;
};
struct cursor {
  int line;
};
struct buffer {
  char *data;
  int size;
};
struct job {
  struct stream *in;
  struct cursor *at;
  struct buffer tmp;
};
#define initbuf(b) ((b)->data = 0, (b)->size = 0)

void fail(void) __attribute__((noreturn));
int protect(void (*F)(void *), void *Ud);
void freebuf(struct buffer *B);
void report(int Line);
