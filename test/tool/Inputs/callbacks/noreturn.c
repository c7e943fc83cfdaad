// A noreturn function's address is a function pointer of its plain type.
__attribute__((noreturn)) void fail(void);

int Probed, Quitting;
int (*Check)(void);
void (*OnHangup)(int);

static int probe(void) {
  Probed += 1;
  if (Probed > 1)
    fail();
  return Probed;
}

static void noteQuit(int Sig) {
  Quitting += Sig;
  if (Sig > 1)
    fail();
}

__attribute__((noreturn)) static void quit(int Sig) {
  noteQuit(Sig);
  fail();
}

void run(void) {
  if (Check)
    Check();
}

void report(void) {
  Check = probe;
  OnHangup = quit;
}
