// A pointer freed and left set before a call that can longjmp, when the
// recovery path frees it again: a double free.  The recovery's use of the
// location is the bug, not an undo, and a jump that always follows the free
// does not make it an error report.  Reduced from an optimiser whose
// error function longjmps to a cleanup that frees every array of its
// state.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error}}:'
// In audit mode too.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.AuditMode, value: 'true'}]}" %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error}}:'
#include <setjmp.h>
#include <stdlib.h>

struct opt {
  jmp_buf top;
  int *blocks;
  int *edges;
  int *marks;
};

static void optError(struct opt *O) { longjmp(O->top, 1); }

static void cleanup(struct opt *O) {
  free(O->blocks);
  free(O->edges);
  free(O->marks);
}

// The jump may follow.
static void newBlocks(struct opt *O, int N) {
  // CHECK-MESSAGES: :[[@LINE+1]]:8: warning: 'opt.blocks' still points to the memory freed here when a longjmp can follow
  free(O->blocks);
  if (N > 100)
    optError(O);
  O->blocks = malloc(N * sizeof(int));
}

// The jump always follows.
static void dropEdges(struct opt *O) {
  // CHECK-MESSAGES: :[[@LINE+1]]:8: warning: 'opt.edges' still points to the memory freed here when a longjmp can follow
  free(O->edges);
  optError(O);
}

// Reset before the jump: nothing for the cleanup to free twice.
static void newMarks(struct opt *O, int N) {
  free(O->marks);
  O->marks = NULL;
  if (N > 100)
    optError(O);
  O->marks = malloc(N * sizeof(int));
}

int optimize(int N) {
  struct opt O = {0};
  if (setjmp(O.top)) {
    cleanup(&O);
    return -1;
  }
  newBlocks(&O, N);
  newMarks(&O, N);
  if (N < 0)
    dropEdges(&O);
  cleanup(&O);
  return 0;
}
