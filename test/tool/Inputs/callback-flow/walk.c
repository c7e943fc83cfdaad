#include "task.h"

/* Calls back with the user data through the callback it is handed. */
static void emitRanges(void (*Gen)(void *, int), void *Ud, int N) {
  for (int I = 0; I < N; ++I)
    Gen(Ud, I);
}

void parseRanges(void (*Gen)(void *, int), void *Ud, int N) {
  emitRanges(Gen, Ud, N);
}

void walkLines(void (*Gen)(void *, int), void *Ud, int N) { Gen(Ud, N); }
