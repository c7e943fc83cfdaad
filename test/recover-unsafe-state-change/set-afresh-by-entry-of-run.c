// A location that a function called directly by a protected region sets at
// the top of its body, before anything names it, is set afresh by every
// run: what a jump leaves there is overwritten before the next run uses it
// (a parser whose start function resets the lexer's lookahead).  Silent by
// default, reported in AuditMode; not when the entry reads the location
// first or sets it only on some paths, not when the change stores fresh
// memory (resetting the pointer would leak it), and not for a torn update.
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

jmp_buf Env;
int Lookahead, Line, Depth, Mark;
char *Buf;
void fail(void) __attribute__((noreturn));
int readChar(void);

// The entry of every run.
static void begin(void) {
  Lookahead = -1;
  Mark = 0;
  Line = Line + 1;
  Buf = NULL;
  if (readChar())
    Depth = 0;
}

static void advance(void) {
  Lookahead = readChar();
  // AUDIT: :[[@LINE-1]]:3: warning: 'Lookahead' is changed here
  if (Lookahead < 0)
    fail();
  Line = Lookahead;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Line' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: a longjmp can follow here: 'fail' is declared noreturn and its body is not visible
  // AUDIT: :[[@LINE-3]]:3: warning: 'Line' is changed here
  Depth = Line;
  if (Depth > 8)
    fail();
}
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'Depth' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
// CHECK-MESSAGES: :[[@LINE-3]]:5: note: a longjmp can follow here: 'fail' is declared noreturn and its body is not visible
// AUDIT: :[[@LINE-6]]:3: warning: 'Depth' is changed here

static void fill(void) {
  Buf = malloc(16);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Buf' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a longjmp can follow here: 'fail' is declared noreturn and its body is not visible
  // AUDIT: :[[@LINE-3]]:3: warning: 'Buf' is changed here
  if (!readChar())
    fail();
}

static void mark(void) {
  Mark = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Mark' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: a longjmp can follow here: 'fail' is declared noreturn and its body is not visible
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'Mark' is written again here; a longjmp before this point leaves the update half-done
  // AUDIT: :[[@LINE-4]]:3: warning: 'Mark' is changed here
  if (!readChar())
    fail();
  Mark = 2;
}

// Through the calls: begin's conditional Depth and advance's Line are
// reported where parse makes them, its Lookahead and Buf are not (the
// entry sets them afresh; fill's allocation is reported at the write).
int parse(void) {
  if (setjmp(Env))
    return -1;
  begin();
  advance();
  fill();
  mark();
  return 0;
}
// CHECK-MESSAGES: :[[@LINE-6]]:3: warning: call to 'begin' changes 'Depth' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: a longjmp can follow here: 'advance' can longjmp
// CHECK-MESSAGES: :[[@LINE-47]]:5: note: which can longjmp here: 'fail' is declared noreturn and its body is not visible
// CHECK-MESSAGES: :[[@LINE-11]]:7: note: the recover point it returns to is registered here
// CHECK-MESSAGES: :[[@LINE-56]]:5: note: 'Depth' is changed here, inside 'begin'
// CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'Depth' is written again here; a longjmp before this point leaves the update half-done
// CHECK-MESSAGES: :[[@LINE-11]]:3: warning: call to 'advance' changes 'Line' and a longjmp can follow that leaves the change behind [recover-unsafe-state-change]
// CHECK-MESSAGES: :[[@LINE-11]]:3: note: a longjmp can follow here: 'fill' can longjmp
// CHECK-MESSAGES: :[[@LINE-34]]:5: note: which can longjmp here: 'fail' is declared noreturn and its body is not visible
// CHECK-MESSAGES: :[[@LINE-17]]:7: note: the recover point it returns to is registered here
// CHECK-MESSAGES: :[[@LINE-54]]:3: note: 'Line' is changed here, inside 'advance'
// AUDIT: :[[@LINE-17]]:3: warning: call to 'begin' changes
// AUDIT: :[[@LINE-17]]:3: warning: call to 'advance' changes
// AUDIT: :[[@LINE-17]]:3: warning: call to 'fill' changes
