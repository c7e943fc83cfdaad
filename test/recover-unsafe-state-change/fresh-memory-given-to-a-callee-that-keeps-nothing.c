// Fresh memory handed to a function of the translation unit that only
// reads and writes through its parameter (an initializer, a formatter
// writing through a cursor) stays private: nobody else holds it after the
// call.  A callee that stores the pointer, returns it, passes it on to one
// that may keep it, or has no visible body may keep it, and the memory is
// state from then on.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

jmp_buf Env;
struct Node {
  struct Node *Next;
  int Kind;
  int Size;
};
struct Node *Head;
struct Node *Last;
static void check(int X) {
  if (X < 0)
    longjmp(Env, 1);
}

static void init(struct Node *N, int Kind) {
  memset(N, 0, sizeof *N);
  N->Kind = Kind;
}
static void initTwice(struct Node *N) {
  init(N, 0);
  init(N, 1);
}
static void digits(char *Out, int X) {
  for (; X > 0; X /= 10)
    *Out++ = (char)('0' + X % 10);
  *Out = '\0';
}

void build(int X) {
  struct Node *N = malloc(sizeof *N);
  init(N, X);
  initTwice(N);
  N->Size = X;
  check(X);
  N->Next = Head;
  Head = N;
}

char *format(int X) {
  char *Buf = malloc(32);
  char *Out = Buf;
  *Out++ = '#';
  digits(Out, X);
  check(X);
  return Buf;
}

static void remember(struct Node *N) { Last = N; }
static void forward(struct Node *N) { remember(N); }
static struct Node *self(struct Node *N) { return N; }
void opaque(struct Node *N);

void kept(int X) {
  struct Node *N = malloc(sizeof *N);
  remember(N);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'remember' changes 'Last' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-46]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-11]]:40: note: 'Last' is changed here, inside 'remember'; 1 more call site in this file leaves the same change behind and is not reported separately
  N->Size = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Size' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-51]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

void keptFurtherDown(int X) {
  struct Node *N = malloc(sizeof *N);
  forward(N);
  N->Size = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Size' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-61]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

void returnedBack(int X) {
  struct Node *N = malloc(sizeof *N);
  Last = self(N);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Last' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-70]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  N->Size = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Size' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-74]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

void bodyNotVisible(int X) {
  struct Node *N = malloc(sizeof *N);
  opaque(N);
  N->Size = X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Node.Size' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-84]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}

// What the C library returns may point into its argument.
static char *colon(char *S) { return strchr(S, ':'); }
char *Found;

void returnedThroughTheLibrary(int X) {
  char *Buf = malloc(16);
  Found = colon(Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Found' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-97]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  Buf[0] = (char)X;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*Buf' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: 'check' can longjmp
  // CHECK-MESSAGES: :[[@LINE-101]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  check(X);
}
