// A frame's object that stores a pointer into itself (`Ctx->cursor =
// Ctx->ops`, a lexer's window into its own buffer) gives that pointer to
// no one who could not reach the object already: the compiler context
// below stays frame-only, and a jump out of the compile unwinds it.  Still
// reported: a parser context that stores a pointer to itself where the
// thread's finalizer, which recovers on its own, finds it
// (`Ctx->thr->pending = Ctx`).  Silent by default, reported in AuditMode.
// Reduced from a JavaScript engine's lexer, whose sliding window points
// into the lexer's own buffer.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.AuditMode, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=AUDIT \
// RUN:       -implicit-check-not='{{warning|error}}:'

#include "Inputs/finalizer.h"

struct rectx {
  struct thread *thr;
  int ops[8];
  int *cursor;
  int count;
};

static void emit(struct rectx *Ctx, int Op) {
  Ctx->cursor = Ctx->ops;
  // AUDIT: :[[@LINE-1]]:3: warning: 'rectx.cursor' is changed here
  Ctx->count++;
  // AUDIT: :[[@LINE-1]]:3: warning: 'rectx.count' is changed here
  grow(Ctx->thr, Ctx->count);
  if (Op < 0)
    error("bad op");
}

int compile(struct thread *T, const char *Src) {
  struct rectx Ctx;
  Ctx.thr = T;
  Ctx.count = 0;
  emit(&Ctx, Src[0]);
  return Ctx.count;
}

struct parsectx {
  struct thread *thr;
  int depth;
};

static void nest(struct parsectx *Ctx, int C) {
  Ctx->thr->pending = Ctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'thread.pending' is changed here and a longjmp can follow
  // AUDIT: :[[@LINE-2]]:3: warning: 'thread.pending' is changed here
  Ctx->depth++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'parsectx.depth' is changed here and a longjmp can follow
  // AUDIT: :[[@LINE-2]]:3: warning: 'parsectx.depth' is changed here
  grow(Ctx->thr, Ctx->depth);
  if (C < 0)
    error("too deep");
}

int parse(struct thread *T, const char *Src) {
  struct parsectx Ctx;
  Ctx.thr = T;
  Ctx.depth = 0;
  nest(&Ctx, Src[0]);
  return Ctx.depth;
}

jmp_buf Top;

int run(struct thread *T, const char *Src) {
  if (setjmp(Top))
    return -1;
  return compile(T, Src) + parse(T, Src);
}
