#include <setjmp.h>
#include <stdlib.h>
jmp_buf Env;
void work(void);
void run(void) {
  char *Buf = NULL;
  if (setjmp(Env)) {
    free(Buf);
    return;
  }
  Buf = malloc(8);
  work();
  free(Buf);
}
