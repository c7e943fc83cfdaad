// What the recovery path destroys is not observed half-done: a handle the
// function created and that its error branch hands to a function freeing
// it, and the outputs of a call whose recovery path reports the failure to
// its caller.  Silent by default, reported in AuditMode.  Reduced from an
// image API whose load function makes a private handle and destroys it at
// its bailout label.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.AuditMode, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=AUDIT \
// RUN:       -implicit-check-not='{{warning|error}}:'

#include <setjmp.h>
#include <stdlib.h>

struct decoder {
  jmp_buf env;
  int width;
  int *rows;
};
struct image {
  struct decoder dec;
  int loaded;
};
void *newHandle(void);
void decode(struct decoder *d);

// Frees what its parameter points to, through a local copy.
static void destroyHandle(void *handle) {
  struct image *self = (struct image *)handle;
  free(self->dec.rows);
  free(self);
}

// Silent: the error branch destroys the handle whose decoder is written.
int loadImage(int w) {
  void *handle = newHandle();
  struct image *self = (struct image *)handle;
  struct decoder *d = &self->dec;
  int status = 0;
  if (setjmp(d->env)) {
    status = -1;
    goto bailout;
  }
  d->width += w;
  // AUDIT: :[[@LINE-1]]:3: warning: 'decoder.width' is changed here
  decode(d);
bailout:
  destroyHandle(handle);
  return status;
}

// Reported: freeing a member leaves the object itself alive.
int reloadRows(struct image *img, int w) {
  if (setjmp(img->dec.env)) {
    free(img->dec.rows);
    return -1;
  }
  img->dec.width += w;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'image.dec.width' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: the body of 'decode' is not visible and it is called inside a protected region
  // CHECK-MESSAGES: :[[@LINE-7]]:7: note: the recover point it returns to is registered here
  // AUDIT: :[[@LINE-4]]:3: warning: 'image.dec.width' is changed here
  decode(&img->dec);
  return 0;
}

// Silent: the caller is told that the call failed and does not use what it
// was to receive.
int measure(struct decoder *d, int *outWidth) {
  if (setjmp(d->env))
    return -1;
  *outWidth += d->width;
  // AUDIT: :[[@LINE-1]]:3: warning: '*outWidth' is changed here
  decode(d);
  return 0;
}

// Reported: the recovery path returns nothing, so the caller cannot tell
// that the output is half-done.
void measureSilently(struct decoder *d, int *outWidth) {
  if (setjmp(d->env))
    return;
  *outWidth += d->width;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*outWidth' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: the body of 'decode' is not visible and it is called inside a protected region
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: the recover point it returns to is registered here
  // AUDIT: :[[@LINE-4]]:3: warning: '*outWidth' is changed here
  decode(d);
}
