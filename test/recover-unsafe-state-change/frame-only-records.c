// A record type whose every object lives in a stack frame that a jump out
// of the task unwinds (an assembler's operands, a lexer's state handed down
// as a pointer) is seen by nobody after the jump: its changes are not
// reported.  Not when one object of the type lives elsewhere (a global, the
// heap, a field of another record that does), when its address is stored
// outside a frame, when its frame recovers itself, or when its function
// looks at it after a call that may return through a recovery.  Decided
// here for records that only this file can name.  A call that is not given
// the object's address, or that cannot reach a recover point, cannot return
// through a recovery that saw it half-done.  Silent by default, reported
// in AuditMode.
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

void error(const char *Msg) __attribute__((noreturn));
void emit(int Reg);
void keep(void *Object);

struct operand {
  int reg;
  int value;
};
struct token {
  int kind;
};
struct lexer {
  struct token t;
  int line;
};
struct node {
  int kind;
};
struct mark {
  int depth;
};
struct saved {
  int depth;
};
struct checked {
  int depth;
};
struct mark *Current;

// Silent: operands live only in assemble's frame, which looks at them after
// the calls but cannot reach a recover point through them.
static void parseOperand(struct operand *Op, int C) {
  Op->reg = C;
  // AUDIT: :[[@LINE-1]]:3: warning: 'operand.reg' is changed here
  if (C < 0)
    error("bad operand");
}
static int assemble(int C) {
  struct operand Ops[2];
  parseOperand(&Ops[0], C);
  parseOperand(&Ops[1], C + 1);
  return Ops[0].reg + Ops[1].reg;
}

// Silent: the token lives inside the lexer, a frame-only record too.
static void nextToken(struct lexer *L, int C) {
  L->t.kind = C;
  // AUDIT: :[[@LINE-1]]:3: warning: 'lexer.t.kind' is changed here
  if (C == 0)
    error("end of input");
}
static void lex(int C) {
  struct lexer L;
  L.line = 1;
  nextToken(&L, C);
}

// Reported: one node comes from the heap.
static void setKind(struct node *N, int K) {
  N->kind = K;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'node.kind' is changed here
  // AUDIT: :[[@LINE-2]]:3: warning: 'node.kind' is changed here
  if (K < 0)
    error("bad kind");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a longjmp can follow here
}
static void build(int K) {
  struct node Local;
  struct node *Heap = malloc(sizeof *Heap);
  setKind(&Local, K);
  if (Heap)
    setKind(Heap, K);
}

// Reported: a global points at the frame's mark, and survives the jump.
static void deepen(struct mark *M, int D) {
  M->depth = D;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mark.depth' is changed here
  // AUDIT: :[[@LINE-2]]:3: warning: 'mark.depth' is changed here
  if (D > 100)
    error("too deep");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a longjmp can follow here
}
static void enter(int D) {
  struct mark M;
  Current = &M;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Current' is changed here
  // AUDIT: :[[@LINE-2]]:3: warning: 'Current' is changed here
  deepen(&M, D);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: a longjmp can follow here
  // CHECK-MESSAGES: frame-only-records.c:{{[0-9]+}}:5: note: which can longjmp here
}

// Reported: the frame hands the object to a function defined elsewhere,
// which may return through a recovery below it, and looks at the object
// afterwards.
static void save(struct saved *S, int D) {
  S->depth = D;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'saved.depth' is changed here
  // AUDIT: :[[@LINE-2]]:3: warning: 'saved.depth' is changed here
  if (D > 100)
    error("too deep");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a longjmp can follow here
}
static int protect(int D) {
  struct saved S;
  save(&S, D);
  keep(&S);
  return S.depth;
}

// Silent: the frame looks at the object after calls, but the calls given
// its address cannot return through a recovery (only the one that is not
// given it, defined elsewhere, may).
static void checkpoint(struct checked *S, int D) {
  S->depth = D;
  // AUDIT: :[[@LINE-1]]:3: warning: 'checked.depth' is changed here
  if (D > 100)
    error("too deep");
}
static int verify(int D) {
  struct checked S;
  checkpoint(&S, D);
  emit(D);
  return S.depth;
}

int run(int C) {
  return assemble(C) + protect(C) + verify(C);
}
void lexAll(int C) { lex(C); }
void buildAll(int C) { build(C); }
void enterAll(int C) { enter(C); }
