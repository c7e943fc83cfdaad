// Image-library style: the library's error function longjmps through a
// buffer the caller set; the caller checks with setjmp(png_jmpbuf(p)).
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>

struct png_struct {
  jmp_buf JmpBuf;
  unsigned char *RowBuf;
  int Width;
};
#define png_jmpbuf(P) ((P)->JmpBuf)

static void png_error(struct png_struct *P, const char *Msg) {
  (void)Msg;
  longjmp(png_jmpbuf(P), 1);
}

static void read_header(struct png_struct *P, int Valid) {
  if (!Valid)
    png_error(P, "bad header");
}

int decode(struct png_struct *P, int Valid) {
  if (setjmp(png_jmpbuf(P))) {
    free(P->RowBuf);
    return -1;
  }
  P->Width += 640;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'png_struct.Width' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: a longjmp can follow here: 'read_header' can longjmp
  // CHECK-MESSAGES: :[[@LINE-11]]:5: note: which can longjmp here: 'png_error' can longjmp
  // CHECK-MESSAGES: :[[@LINE-17]]:3: note: which can longjmp here: 'longjmp' jumps to a recover point
  // CHECK-MESSAGES: :[[@LINE-9]]:7: note: the recover point it returns to is registered here
  read_header(P, Valid);
  P->RowBuf = malloc(16);
  return 0;
}
