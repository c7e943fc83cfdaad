// A call that takes down the handler the recover point registered (an
// end-of-try function whose body restores the previous handler, or one
// named in HandlerPopFunctions) ends the protected region: a longjmp after
// it goes to an outer handler, so the note about the recover point it
// returns to is given only for changes before the pop.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: HandlerPopFunctions, value: 'popTry'}]}" %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
#include <setjmp.h>

struct handler {
  jmp_buf buf;
  struct handler *prev;
};
extern struct handler *Top;
int Count, Total, Seen;
void report(void);
void popTry(void);

static void raiseError(int Bad) {
  if (Bad)
    longjmp(Top->buf, 1);
}

// The pop is in the body.
static void endTry(struct handler *H) { Top = H->prev; }

void run(int N) {
  struct handler H;
  H.prev = Top;
  Top = &H;
  if (setjmp(H.buf) == 0) {
    Count += N;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Count' is changed here
    // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a longjmp can follow here: 'raiseError' can longjmp
    // CHECK-MESSAGES: :[[@LINE-14]]:5: note: which can longjmp here
    // CHECK-MESSAGES: :[[@LINE-5]]:7: note: the recover point it returns to is registered here
    raiseError(N > 3);
    endTry(&H);
    Total += N;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Total' is changed here
    // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'raiseError' can longjmp
    // CHECK-MESSAGES: :[[@LINE-21]]:5: note: which can longjmp here
    raiseError(N > 9);
  } else {
    Top = H.prev;
    report();
  }
}

// The pop is a call named in HandlerPopFunctions.
void runExternal(int N) {
  struct handler H;
  H.prev = Top;
  Top = &H;
  if (setjmp(H.buf) == 0) {
    popTry();
    Seen += N;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Seen' is changed here
    // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'raiseError' can longjmp
    // CHECK-MESSAGES: :[[@LINE-39]]:5: note: which can longjmp here
    raiseError(N > 9);
  } else {
    report();
  }
}
