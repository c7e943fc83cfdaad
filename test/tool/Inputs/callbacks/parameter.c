// A call through a parameter reaches what the callers pass.
__attribute__((noreturn)) void fail(void);

int Live, Hooked, Dumped;
void (*Hook)(long);

static void walk(void (*Visit)(int)) {
  for (int I = 0; I < 3; ++I)
    Visit(I);
}

static void walkHooks(void (*Visit)(long)) { Visit(0); }

static void visitLive(int I) {
  Live += I;
  if (I > 1)
    fail();
}

static void visitHooked(long I) {
  Hooked += (int)I;
  if (I > 1)
    fail();
}

static void visitDumped(int I) {
  Dumped += I;
  if (I > 1)
    fail();
}

void run(void) {
  walk(visitLive);
  // Not a function's name: matched by type.
  walkHooks(Hook);
}

void report(void) {
  Hook = visitHooked;
  walk(visitDumped);
}
