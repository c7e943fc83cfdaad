// A call through a pointer without a prototype, with no arguments, reaches
// the functions that take none.
__attribute__((noreturn)) void fail(void);

int Finished, Traced;
void (*Fini)();
void (*Tracer)(int);

static void finish(void) {
  Finished += 1;
  if (Finished > 1)
    fail();
}

static void trace(int Level) {
  Traced += Level;
  if (Level > 1)
    fail();
}

void run(void) {
  if (Fini)
    (*Fini)();
}

void report(void) {
  Fini = finish;
  Tracer = trace;
}
