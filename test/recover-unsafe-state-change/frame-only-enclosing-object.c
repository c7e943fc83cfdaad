// A record type with objects outside the frames (a buffer writer, also
// kept in a global) is not frame-only, but one of its objects embedded in
// a frame-only record (an encoder's context, a local of the encoder) lives
// in that frame all the same: a write to it, directly (`ctx->w.line`) or by
// a callee given its address (`&ctx->w`), is seen by nobody after the jump
// unwinds the frame.  Still reported: the same write to the global writer,
// and a write to a writer the context only points to.  Silent by default,
// reported in AuditMode.  Reduced from a JSON encoder whose context embeds
// a buffer writer.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.AuditMode, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=AUDIT \
// RUN:       -implicit-check-not='{{warning|error}}:'

#include <setjmp.h>

void error(const char *Msg) __attribute__((noreturn));

struct writer {
  int pos;
  int mark;
  int line;
};
struct encoder {
  struct writer w;
  struct writer *out;
  int depth;
};
struct writer Log;

static void bump(struct writer *W) { W->pos++; }

static void encodeValue(struct encoder *Ctx, int V) {
  Ctx->w.line = 0;
  // AUDIT: :[[@LINE-1]]:3: warning: 'encoder.w.line' is changed here
  bump(&Ctx->w);
  // AUDIT: :[[@LINE-1]]:3: warning: call to 'bump' changes 'writer.pos'
  Ctx->out->mark = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'writer.mark' is changed here and a longjmp can follow
  // AUDIT: :[[@LINE-2]]:3: warning: 'writer.mark' is changed here
  if (V > 64)
    error("too long");
}

int encode(int V, struct writer *Out) {
  struct encoder Ctx;
  Ctx.depth = 0;
  Ctx.out = Out;
  encodeValue(&Ctx, V);
  return Ctx.w.pos;
}

void logValue(int V) {
  bump(&Log);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'bump' changes 'writer.pos' and a longjmp can follow
  // AUDIT: :[[@LINE-2]]:3: warning: call to 'bump' changes 'writer.pos'
  if (V > 64)
    error("too long");
}
