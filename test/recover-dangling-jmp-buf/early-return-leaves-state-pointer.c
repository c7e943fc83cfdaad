// The "early return leaves the interpreter's jmp pointer dangling" class:
// the handler chain hangs off a state object passed in; every exit must put
// back the previous handler, directly or through a helper.
// RUN: %clang_tidy -checks='-*,recover-dangling-jmp-buf' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

struct LongJmp {
  struct LongJmp *Previous;
  jmp_buf B;
  int Status;
};
struct State {
  struct LongJmp *ErrorJmp;
};
int step(struct State *S);

int earlyReturn(struct State *S, int Fast) {
  struct LongJmp LJ;
  LJ.Previous = S->ErrorJmp;
  S->ErrorJmp = &LJ;
  if (Fast)
    return 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: returning here leaves 'State.ErrorJmp' pointing to a jmp_buf in this function's frame, which a later longjmp would jump into; restore 'State.ErrorJmp' first [recover-dangling-jmp-buf]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the handler is registered here
  if (setjmp(LJ.B) == 0)
    step(S);
  S->ErrorJmp = LJ.Previous;
  return LJ.Status;
}

void fallsOffTheEnd(struct State *S) {
  struct LongJmp LJ;
  LJ.Previous = S->ErrorJmp;
  S->ErrorJmp = &LJ;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'State.ErrorJmp' is left pointing to a jmp_buf in this function's frame when the function ends; restore it before every exit [recover-dangling-jmp-buf]
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: the function ends here without restoring 'State.ErrorJmp'
  if (setjmp(LJ.B) == 0)
    step(S);
}

static void popHandler(struct State *S) { S->ErrorJmp = S->ErrorJmp->Previous; }

int restoredThroughHelper(struct State *S) {
  struct LongJmp LJ;
  LJ.Previous = S->ErrorJmp;
  S->ErrorJmp = &LJ;
  if (setjmp(LJ.B) == 0)
    step(S);
  popHandler(S);
  return LJ.Status;
}

// A jmp_buf that is not local, or a local that is not stored, is not a
// dangling registration.
static struct LongJmp Global;
void registerGlobal(struct State *S) { S->ErrorJmp = &Global; }
int localOnly(void) {
  jmp_buf Env;
  if (setjmp(Env))
    return 1;
  return 0;
}
