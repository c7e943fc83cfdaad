/* Each function changes a global and then calls check(), which can raise. */
void raise_error(void) __attribute__((noreturn));
int Parsed, Hooked, Other, Setup, Linked;

static void check(int X) {
  if (X > 1)
    raise_error();
}

/* Called in the protected region: reported either way. */
void parse(int X) {
  Parsed += 1;
  check(X);
}

/* Called through a pointer of its type in the protected region. */
void hook(int X) {
  Hooked = 1;
  check(X);
}

/* Address taken, but of another type than any call through a pointer. */
long other(long X) {
  Other = 1;
  check((int)X);
  return X;
}
long (*OtherHook)(long) = other;

/* Only main calls these, before and after the recover point's lifetime. */
void setup(int X) {
  Setup = 1;
  check(X);
}

void link(int X) {
  Linked = 1;
  check(X);
}

/* begin(), which compile()'s protected region calls directly, sets the
   lookahead afresh at the top of its body: what a jump leaves in it is
   overwritten by the next run.  Reported only without the summary. */
int Lookahead;
void begin(void) { Lookahead = -1; }

void step(int X) {
  if (Lookahead > X)
    check(X);
  Lookahead = X;
  check(X);
}
