#include "job.h"

static int next(struct stream *S) {
  S->n--;
  if (S->n < 0)
    fail();
  return *S->p++;
}

static void work(void *Ud) {
  struct job *J = Ud;
  while (next(J->in) != '\n')
    J->at->line++;
}

static int run(struct stream *In, struct cursor *At) {
  struct job J;
  J.in = In;
  J.at = At;
  initbuf(&J.tmp);
  int Status = protect(work, &J);
  freebuf(&J.tmp);
  if (Status)
    report(J.at->line);
  return Status;
}

int load(const char *Text, int N) {
  struct stream S;
  struct cursor C;
  S.p = Text;
  S.n = N;
  C.line = 0;
  return run(&S, &C);
}

int main(void) { return load("x\n", 2); }
