// Bool options take the spellings clang-tidy takes (true/false, yes/no,
// on/off, numbers, in any case); anything else is a configuration error
// naming the option, and the default applies while the run goes on.  Read
// the same way from a global entry (IndirectCallsPanic) as from a check's.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.ReportPanicOnlyWrites, value: 'Yes'}, {key: IndirectCallsPanic, value: 1}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=ON -implicit-check-not='{{warning|error|note}}:'
// RUN: not %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.ReportPanicOnlyWrites, value: maybe}, {key: IndirectCallsPanic, value: 'off'}]}" \
// RUN:   %s -- %mock_headers 2>&1 \
// RUN:   | FileCheck %s -check-prefixes=BAD -implicit-check-not='{{warning|error|note}}:'
// BAD: error: invalid configuration value 'maybe' for option 'recover-unsafe-state-change.ReportPanicOnlyWrites'; expected a bool [clang-tidy-config]

#include <setjmp.h>

jmp_buf Env;
int ErrorCode;
int Count;
void (*Hook)(void);

static void raise(int Code) {
  ErrorCode = Code;
  // ON: :[[@LINE-1]]:3: warning: 'ErrorCode' is changed here and a longjmp can follow
  // ON: :[[@LINE+1]]:3: note: a longjmp can follow here: 'longjmp' jumps to a recover point
  longjmp(Env, 1);
}

void step(void) {
  Count++;
  // ON: :[[@LINE-1]]:3: warning: 'Count' is changed here and a longjmp can follow
  // ON: :[[@LINE+1]]:3: note: a longjmp can follow here: a call through a function pointer
  Hook();
}
