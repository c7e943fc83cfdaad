// A field reached through struct members is named by its path from the
// record of the object (`S->buf.cap` is 'State.buf.cap', not 'Buf.cap'),
// so that the name a user copies into IgnoredState silences that field;
// memory written through a pointer to a record names the record too.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.IgnoredState, value: 'State.buf.cap'}]}" %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=IGNORED \
// RUN:       -implicit-check-not='{{warning|error}}:'
#include <setjmp.h>

struct Buf {
  int cap;
};
struct State {
  struct Buf buf;
  struct {
    int n;
  } counts;
  struct {
    int depth;
  };
  int top;
};

extern struct State *S;
extern jmp_buf Env;

static void check(int Bad) {
  if (Bad)
    longjmp(Env, 1);
}

void grow(struct State *Q, struct State *Saved) {
  S->buf.cap += 8;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'State.buf.cap' is changed here
  S->counts.n++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'State.counts.n' is changed here
  // IGNORED: :[[@LINE-2]]:3: warning: 'State.counts.n' is changed here
  // A member of an anonymous struct has no member name to give.
  S->depth++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'State.depth' is changed here
  // IGNORED: :[[@LINE-2]]:3: warning: 'State.depth' is changed here
  *Q = *Saved;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*Q' (a 'State') is changed here
  // IGNORED: :[[@LINE-2]]:3: warning: '*Q' (a 'State') is changed here
  check(S->top > 100);
}
