// A frame's object that the frame looks at again after a call is still
// frame-only when nothing that call runs can give the object to a function
// that recovers: the compiler context below reaches a finalizer that
// recovers on its own only through a pointer loaded from it
// (`grow(Ctx->thr, ...)`), so no recovery below the call can leave the
// context half-done, and a jump out of the compile unwinds it.  Still
// reported: a lexer context whose frame looks at it after a callee hands
// a part of it (`&Tok->pos`, through a local pointer) to a call that
// recovers.  Silent by default, reported in AuditMode.  Reduced from a
// regular-expression compiler whose buffer growth can run finalizers under
// their own protected call.
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
  int count;
  int depth;
};

static void emit(struct rectx *Ctx, int Op) {
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

struct tokpos {
  int col;
};
struct tokctx {
  struct tokpos pos;
  int line;
};

static void lexStep(void *Ud) { ((struct tokpos *)Ud)->col = 0; }

/// Steps the lexer under a recover point of its own.
static int protect(void (*F)(void *), void *Ud) {
  jmp_buf Step;
  if (setjmp(Step))
    return 1;
  F(Ud);
  return 0;
}

static void lexWith(struct tokctx *Tok) {
  struct tokpos *Pos = &Tok->pos;
  protect(lexStep, Pos);
}

static void newline(struct tokctx *Tok, int C) {
  Tok->line++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tokctx.line' is changed here and a longjmp can follow
  // AUDIT: :[[@LINE-2]]:3: warning: 'tokctx.line' is changed here
  if (C < 0)
    error("bad char");
}

int lex(const char *Src) {
  struct tokctx Tok;
  Tok.line = 0;
  lexWith(&Tok);
  newline(&Tok, Src[0]);
  return Tok.line;
}

jmp_buf Top;

int run(struct thread *T, const char *Src) {
  if (setjmp(Top))
    return -1;
  return compile(T, Src) + lex(Src);
}
