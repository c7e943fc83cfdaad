// A call named in HandlerPopFunctions takes the handler down, as an
// end-of-try function whose body restores the previous handler does:
// returning after it leaves no handler pointing into the frame.
// RUN: %clang_tidy -checks='-*,recover-dangling-jmp-buf' \
// RUN:   -config="{CheckOptions: [{key: HandlerPopFunctions, value: 'popTry'}]}" %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error}}:'
#include <setjmp.h>

struct handler {
  jmp_buf buf;
  struct handler *prev;
};
extern struct handler *Top;
void popTry(void);
void work(void);

int popped(void) {
  struct handler H;
  H.prev = Top;
  Top = &H;
  if (setjmp(H.buf) == 0) {
    work();
    popTry();
    return 0;
  }
  popTry();
  return 1;
}

// The recovery path returns without the pop.
int leftBehind(void) {
  struct handler H;
  H.prev = Top;
  Top = &H;
  if (setjmp(H.buf) == 0) {
    work();
    popTry();
    return 0;
  }
  return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: returning here leaves 'Top' pointing to a jmp_buf in this function's frame
}
