// A change that a recovery path in the translation unit undoes or reads is
// handled there: the same variable, or the same field of the same record
// type, even when it is reached through another object.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

struct Parser {
  jmp_buf Err;
  int Depth;
  int Tokens;
};

int Nesting;
void mayFail(struct Parser *P);

static void reset(struct Parser *P) { P->Depth = 0; }

int parse(struct Parser *P) {
  if (setjmp(P->Err)) {
    reset(P);       // consumes Parser.Depth, one call deep
    Nesting = 0;    // consumes Nesting
    return -1;
  }
  P->Depth++;
  Nesting++;
  P->Tokens++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Parser.Tokens' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: a longjmp can follow here: the body of 'mayFail' is not visible and it is called inside a protected region
  // CHECK-MESSAGES: :[[@LINE-10]]:7: note: the recover point it returns to is registered here
  mayFail(P);
  return 0;
}

void otherParser(struct Parser *Q) {
  Q->Depth++; // the same field, consumed by parse()'s recovery path
  parse(Q);
}
