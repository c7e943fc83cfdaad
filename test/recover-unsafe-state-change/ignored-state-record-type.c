// An IgnoredState entry naming a record type also covers whole records of
// that type written through a pointer (`*Saved = ...`), not only its fields:
// how a project names state that lives only in frames a longjmp unwinds,
// such as a parser's scanner.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.IgnoredState, value: 'Scanner(\\..*)?'}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=IGNORED \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

void raiseError(void) __attribute__((noreturn));
struct Scanner { int Pos; int Line; };
struct Table { int Size; };

void step(struct Scanner *S, struct Scanner *Saved, struct Table *T, int C) {
  S->Pos++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Scanner.Pos' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+10]]:5: note: a longjmp can follow here: 'raiseError' is declared noreturn and its body is not visible
  *Saved = *S;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*Saved' (a 'Scanner') is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+7]]:5: note: a longjmp can follow here: 'raiseError' is declared noreturn and its body is not visible
  T->Size++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Table.Size' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: a longjmp can follow here: 'raiseError' is declared noreturn and its body is not visible
  // IGNORED: :[[@LINE-3]]:3: warning: 'Table.Size' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // IGNORED: :[[@LINE+2]]:5: note: a longjmp can follow here: 'raiseError' is declared noreturn and its body is not visible
  if (C < 0)
    raiseError();
}
