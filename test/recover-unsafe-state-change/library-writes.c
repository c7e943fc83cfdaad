// Library calls that write through a destination argument change state
// when the destination is state.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

jmp_buf Env;
char Name[32];
struct Conf {
  char Path[64];
} Config;
void validate(const char *S) __attribute__((noreturn));

void setName(const char *S) {
  char Scratch[32];
  strcpy(Scratch, S);
  memcpy(Name, S, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Name' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+5]]:5: note: a longjmp can follow here: 'validate' is declared noreturn and its body is not visible
  snprintf(Config.Path, sizeof Config.Path, "%s", S);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'Conf.Path' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'validate' is declared noreturn and its body is not visible
  if (!S[0])
    validate(Scratch);
}
