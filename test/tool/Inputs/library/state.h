/* A small interpreter library: its API runs under the host's recover
   points, and lib_pcall is its own protected call. */
#include <setjmp.h>

struct state {
  jmp_buf *env;
  int top;
  int depth;
};
void lib_error(struct state *S) __attribute__((noreturn));
int lib_pcall(struct state *S, void (*F)(struct state *));
