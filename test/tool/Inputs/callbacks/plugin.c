// A call of a type that no function of the program has goes into code
// outside it (a plug-in loaded with dlopen), which can call back the
// functions whose addresses the program keeps in memory.
#include <signal.h>

__attribute__((noreturn)) void fail(void);

struct api {
  void (*note)(int);
};

int Noted, Signalled;
int (*Plugin)(const struct api *);

static void apiNote(int V) {
  Noted += V;
  if (V > 1)
    fail();
}

static void onSignal(int Sig) {
  Signalled += Sig;
  if (Sig > 1)
    fail();
}

static const struct api Api = {apiNote};

void run(void) {
  if (Plugin)
    Plugin(&Api);
}

void report(void) { signal(SIGINT, onSignal); }
