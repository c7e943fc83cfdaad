struct thread {
  int cap;
  void *pending;
};
void fail(void) __attribute__((noreturn));
void callFinalizer(void *Object);
void grow(struct thread *T, int N);
void parseRanges(void (*Gen)(void *, int), void *Ud, int N);
void walkLines(void (*Gen)(void *, int), void *Ud, int N);
