// A plain assignment made inside the function's own protected region, to a
// location the function never reads before writing it, is set afresh by
// every run of that function: what a jump leaves there is overwritten by the
// next run before anything in it reads it (an API call that fills in its
// handle's parameters).  Silent by default, reported in AuditMode.
// Reduced from a compressor API whose entry points set the image geometry
// of their handle after registering the handler.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.AuditMode, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=AUDIT \
// RUN:       -implicit-check-not='{{warning|error}}:'

#include <setjmp.h>

struct params {
  int width;
  int height;
  int count;
};
struct handle {
  jmp_buf env;
  struct params p;
};
void compress(struct handle *h);
struct params *lookup(int i);

// Silent: width and height are given new values by every call before
// compress() reads them.
int setGeometry(struct handle *h, int w, int ht) {
  struct params *p = &h->p;
  if (setjmp(h->env))
    return -1;
  p->width = w;
  // AUDIT: :[[@LINE-1]]:3: warning: 'params.width' is changed here
  h->p.height = ht;
  // AUDIT: :[[@LINE-1]]:3: warning: 'handle.p.height' is changed here
  compress(h);
  return 0;
}

// Reported: the count is read to make the new value.
int bumpCount(struct handle *h) {
  if (setjmp(h->env))
    return -1;
  h->p.count = h->p.count + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'handle.p.count' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: the body of 'compress' is not visible and it is called inside a protected region
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: the recover point it returns to is registered here
  compress(h);
  // AUDIT: :[[@LINE-5]]:3: warning: 'handle.p.count' is changed here
  return 0;
}

// Reported: a run that takes the other branch reads the width that an
// earlier, interrupted run left.
int widthReadFirst(struct handle *h, int w) {
  if (setjmp(h->env))
    return -1;
  if (w > 0)
    h->p.width = w;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'handle.p.width' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: the body of 'compress' is not visible and it is called inside a protected region
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: the recover point it returns to is registered here
  // AUDIT: :[[@LINE-4]]:5: warning: 'handle.p.width' is changed here
  compress(h);
  return h->p.width;
}

// Reported: the object is chosen by data, so the next run may set another.
int setChosen(struct handle *h, int i, int w) {
  if (setjmp(h->env))
    return -1;
  lookup(i)->width = w;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'params.width' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: the body of 'compress' is not visible and it is called inside a protected region
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: the recover point it returns to is registered here
  // AUDIT: :[[@LINE-4]]:3: warning: 'params.width' is changed here
  compress(h);
  return 0;
}

// Reported: below the entry of the run, a function cannot tell who reads
// the location between its calls.
void setBelowEntry(struct handle *h, int w) {
  h->p.width = w;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'handle.p.width' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a longjmp can follow here: 'longjmp' jumps to a recover point
  // AUDIT: :[[@LINE-3]]:3: warning: 'handle.p.width' is changed here
  if (w < 0)
    longjmp(h->env, 1);
}

// Reported: a flag that the run sets and clears is a torn update, even
// though the run never reads it: between the two writes, the rest of the
// program sees it set.
int Busy;
int runBusy(struct handle *h) {
  if (setjmp(h->env))
    return -1;
  Busy = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Busy' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: a longjmp can follow here: the body of 'compress' is not visible and it is called inside a protected region
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: the recover point it returns to is registered here
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'Busy' is written again here; a longjmp before this point leaves the update half-done
  // AUDIT: :[[@LINE-5]]:3: warning: 'Busy' is changed here
  compress(h);
  Busy = 0;
  return 0;
}
