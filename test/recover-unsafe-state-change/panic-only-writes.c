// A write on a path that always ends in a panic only passes an error to the
// handler: silent, unless ReportPanicOnlyWrites.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=DEFAULT -allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.ReportPanicOnlyWrites, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=REPORT \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// DEFAULT-NOT: warning:

#include <setjmp.h>

jmp_buf Env;
int ErrorCode;
const char *ErrorMessage;

static void raise(int Code, const char *Msg) {
  ErrorCode = Code;
  // REPORT: :[[@LINE-1]]:3: warning: 'ErrorCode' is changed here and a longjmp can follow
  // REPORT: :[[@LINE+4]]:3: note: a longjmp can follow here: 'longjmp' jumps to a recover point
  ErrorMessage = Msg;
  // REPORT: :[[@LINE-1]]:3: warning: 'ErrorMessage' is changed here and a longjmp can follow
  // REPORT: :[[@LINE+1]]:3: note: a longjmp can follow here: 'longjmp' jumps to a recover point
  longjmp(Env, 1);
}

void parse(int C) {
  if (C < 0) {
    ErrorCode = 2;
    // REPORT: :[[@LINE-1]]:5: warning: 'ErrorCode' is changed here and a longjmp can follow
    // REPORT: :[[@LINE+2]]:5: note: a longjmp can follow here: 'raise' can longjmp
    // REPORT: :[[@LINE-8]]:3: note: which can longjmp here: 'longjmp' jumps to a recover point
    raise(ErrorCode, "negative");
  }
}
