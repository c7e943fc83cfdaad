/* A thread whose buffer growth can run a pending finalizer under a recover
   point of its own: a recovery below any call that can grow. */
#include <setjmp.h>

void error(const char *Msg) __attribute__((noreturn));
void callFinalizer(void *Object);

struct thread {
  int cap;
  void *pending;
};

static void finalize(struct thread *T) {
  jmp_buf Fin;
  if (setjmp(Fin) == 0)
    callFinalizer(T->pending);
}

static void grow(struct thread *T, int N) {
  if (N > T->cap)
    finalize(T);
}
