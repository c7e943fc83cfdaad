// A local pointer that only ever points into one local's fresh memory (a
// cursor: `out = buf`, `out = buf + len`, `out++`) writes where that local
// does: nobody else sees it until the memory escapes.  A cursor that is
// handed on, or may hold other memory, is an alias like any other.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

jmp_buf Env;
struct Node {
  int Value;
};
struct Node *Head;
char *Shared;
static void check(int X) {
  if (X < 0)
    longjmp(Env, 1);
}
void keep(void *P);

// An output cursor into a buffer being built, as a formatter writes it.
char *format(const char *Text, int X) {
  size_t Size = 16;
  char *Buf = malloc(Size);
  char *Out = Buf;
  for (; *Text; ++Text) {
    if ((size_t)(Out - Buf) + 1 >= Size) {
      size_t Len = Out - Buf;
      Buf = realloc(Buf, Size *= 2);
      Out = Buf + Len;
    }
    *Out++ = *Text;
    check(X);
  }
  *Out = '\0';
  check(X);
  return Buf;
}

// A cursor declared with its value, and a copy of the owner.
void declaredCursor(int X) {
  struct Node *N = malloc(2 * sizeof *N);
  struct Node *Second = N + 1;
  struct Node *First = N;
  Second->Value = X;
  First->Value = X;
  check(X);
  keep(N);
}

// A cursor that is handed on shows what is written through it.
void cursorHandedOn(int X) {
  char *Buf = malloc(8);
  char *Out = Buf;
  keep(Out);
  *Out = (char)X;
  // CHECK: :[[@LINE-1]]:3: warning: '*Out' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // CHECK: :[[@LINE-43]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  free(Buf);
}

// A cursor that may point elsewhere is no cursor.
void sometimesShared(int X) {
  char *Buf = malloc(8);
  char *Out = Buf;
  if (X)
    Out = Shared;
  *Out = (char)X;
  // CHECK: :[[@LINE-1]]:3: warning: '*Out' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // CHECK: :[[@LINE-57]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  free(Buf);
}

// Once the owner has escaped, the cursor writes into visible memory, even
// after the owner moved on to a new block.
void ownerEscapedThenMovedOn(int X) {
  struct Node *N = malloc(sizeof *N);
  struct Node *M = N;
  keep(N);
  N = malloc(sizeof *N);
  M->Value = X;
  // CHECK: :[[@LINE-1]]:3: warning: 'Node.Value' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // CHECK: :[[@LINE-72]]:5: note: which can longjmp here: 'longjmp' jumps to a recover point
  free(N);
}
