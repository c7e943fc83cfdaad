/* The capacity is marked busy before the buffer is reallocated by a call
   that can longjmp, and set again after it: a torn update, which SARIF
   reports as an error. */
#include <setjmp.h>
#include <stdlib.h>

struct vec { int *data; int cap; };
struct vec V;
jmp_buf Env;

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q)
    longjmp(Env, 1);
  return q;
}

void grow(void) {
  int *p;
  V.cap = -1;
  p = xrealloc(V.data, 64 * sizeof(int));
  V.cap = 64;
  V.data = p;
}

int run(void) {
  if (setjmp(Env)) {
    free(V.data);
    return 1;
  }
  grow();
  return 0;
}
