// A local changed after the handler that the setjmp registered is taken
// down (by an end-of-try function whose body restores the previous
// handler, or one named in HandlerPopFunctions) is not clobbered: a longjmp
// after the pop goes to an outer handler and never returns to this setjmp.
// The same change before the pop is.
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' \
// RUN:   -config="{CheckOptions: [{key: HandlerPopFunctions, value: 'popTry'}]}" %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error}}:'
#include <setjmp.h>

struct handler {
  jmp_buf buf;
  struct handler *prev;
};
extern struct handler *Top;
void report(int);
void popTry(void);

static void raiseError(int Bad) {
  if (Bad)
    longjmp(Top->buf, 1);
}

static void endTry(struct handler *H) { Top = H->prev; }

int afterEndTry(int N) {
  struct handler H;
  int Done = 0;
  H.prev = Top;
  Top = &H;
  if (setjmp(H.buf) == 0) {
    raiseError(N > 3);
    endTry(&H);
    Done = 1;
    raiseError(N > 9);
  } else {
    Top = H.prev;
    report(Done);
  }
  return Done;
}

int afterPopTry(int N) {
  struct handler H;
  int Done = 0;
  H.prev = Top;
  Top = &H;
  if (setjmp(H.buf) == 0) {
    popTry();
    Done = 1;
    raiseError(N > 9);
  } else {
    report(Done);
  }
  return Done;
}

int beforeEndTry(int N) {
  struct handler H;
  int Done = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Done' is changed after 'setjmp'
  H.prev = Top;
  Top = &H;
  if (setjmp(H.buf) == 0) {
    Done = 1;
    raiseError(N > 9);
    endTry(&H);
  } else {
    Top = H.prev;
    report(Done);
  }
  return Done;
}
