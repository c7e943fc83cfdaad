// ProgramSummary names a program summary: the functions that no recover
// point's protected region can reach.  In them a longjmp can only land in
// their own recover points, so only changes inside their own protected
// regions are reported.  Functions it does not list are checked as always;
// a static function is listed as name@file.
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf '# recover-tidy program summary 1\noutside\tlinkOutput\noutside\tdriver\noutside\tcleanup@program-summary-option.c\noutside\tcompileUnit@other.c\n' > %t/summary
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=ALL,NONE \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: ProgramSummary, value: '%t/summary'}]}" \
// RUN:   -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=ALL \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// The environment variable recover-tidy --whole-program sets is the default.
// RUN: env RECOVER_TIDY_PROGRAM_SUMMARY=%t/summary \
// RUN:   %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=ALL \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// A summary that cannot be read is an error, and every function is checked.
// RUN: not %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: ProgramSummary, value: '%t/missing'}]}" \
// RUN:   -- %mock_headers 2>&1 \
// RUN:   | FileCheck %s -check-prefixes=ALL,NONE,MISSING \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: printf 'outside\tlinkOutput\n' > %t/headerless
// RUN: not %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: ProgramSummary, value: '%t/headerless'}]}" \
// RUN:   -- %mock_headers 2>&1 \
// RUN:   | FileCheck %s -check-prefixes=ALL,NONE,HEADERLESS \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// MISSING: error: cannot read the program summary '{{.*}}missing' (option 'recover-unsafe-state-change.ProgramSummary'): {{.*}}; every function is taken to be one that can run under a recover point [clang-tidy-config]
// HEADERLESS: error: cannot read the program summary '{{.*}}headerless' (option 'recover-unsafe-state-change.ProgramSummary'): it does not start with '# recover-tidy program summary 1'; every function {{.*}} [clang-tidy-config]

#include <setjmp.h>

jmp_buf Env;
int Linked, Compiled, Count, Total, Cleaned;
void error(const char *Msg) __attribute__((noreturn));

void check(int X) {
  if (X)
    error("bad");
}

// Listed: runs under no recover point, so its errors exit.
void linkOutput(int X) {
  Linked = 1;
  // NONE: :[[@LINE-1]]:3: warning: 'Linked' is changed here and a longjmp can follow {{.*}}
  // NONE: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // NONE: :[[@LINE-9]]:5: note: which can longjmp here: 'error' is declared noreturn and its body is not visible
}

// Not listed (the summary names another file's compileUnit): reported.
static void compileUnit(int X) {
  Compiled = 1;
  // ALL: :[[@LINE-1]]:3: warning: 'Compiled' is changed here and a longjmp can follow {{.*}}
  // ALL: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // ALL: :[[@LINE-18]]:5: note: which can longjmp here: 'error' is declared noreturn and its body is not visible
}

// Listed as static: not reported.
static void cleanup(int X) {
  Cleaned = 1;
  // NONE: :[[@LINE-1]]:3: warning: 'Cleaned' is changed here and a longjmp can follow {{.*}}
  // NONE: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // NONE: :[[@LINE-27]]:5: note: which can longjmp here: 'error' is declared noreturn and its body is not visible
}

// Listed, with a recover point of its own: what its protected region
// changes is still reported; what it changes before is not.
void driver(int X) {
  Total++;
  // NONE: :[[@LINE-1]]:3: warning: 'Total' is changed here and a longjmp can follow {{.*}}
  // NONE: :[[@LINE+1]]:3: note: a longjmp can follow here: 'check' can longjmp
  check(X);
  // NONE: :[[@LINE-37]]:5: note: which can longjmp here: 'error' is declared noreturn and its body is not visible
  if (setjmp(Env) == 0) {
    Count++;
    // ALL: :[[@LINE-1]]:5: warning: 'Count' is changed here and a longjmp can follow {{.*}}
    // ALL: :[[@LINE+1]]:5: note: a longjmp can follow here: 'check' can longjmp
    check(X);
    // ALL: :[[@LINE-43]]:5: note: which can longjmp here: 'error' is declared noreturn and its body is not visible
    // ALL: :[[@LINE-6]]:7: note: the recover point it returns to is registered here
  }
}

