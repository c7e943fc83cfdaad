// A variable whose address has been passed on or stored before it is
// changed, on every path, lives in memory at every call that can jump and
// keeps its value.  An address that escapes only after the change, or only
// on some paths, does not protect it: the change may sit in a register
// until then.  StrictStandard reports them all, as the standard says.
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-clobbered-local' \
// RUN:   -config="{CheckOptions: [{key: recover-clobbered-local.StrictStandard, value: true}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefixes=STRICT,CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

jmp_buf Env;
void work(int *Out);
void run(void);
int use(int);

int escapedBeforeTheChange(void) {
  int Total = 0;
  work(&Total);
  if (setjmp(Env))
    return use(Total);
  Total = 5;
  run();
  // STRICT: :[[@LINE-6]]:7: warning: local variable 'Total' is changed after 'setjmp'
  // STRICT: :[[@LINE-3]]:3: note: 'Total' is changed here, and a longjmp can follow
  // STRICT: :[[@LINE-6]]:7: note: the longjmp returns to this 'setjmp'
  // STRICT: :[[@LINE-6]]:16: note: 'Total' is read here after it
  return Total;
}

int escapedOnlyAfterTheChange(void) {
  int Total = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Total' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'Total' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+1]]:7: note: the longjmp returns to this 'setjmp'
  if (setjmp(Env))
    return use(Total);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: note: 'Total' is read here after it
  Total = 5;
  work(&Total);
  return Total;
}

int escapedOnOnePathOnly(int Flag) {
  int Total = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Total' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: 'Total' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: the longjmp returns to this 'setjmp'
  if (Flag)
    work(&Total);
  if (setjmp(Env))
    return use(Total);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: note: 'Total' is read here after it
  Total = 5;
  run();
  return Total;
}

int notEscaped(void) {
  int Total = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local variable 'Total' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'Total' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+3]]:16: note: 'Total' is read here after it
  int Other = 0;
  if (setjmp(Env))
    return use(Total);
  Total = 5;
  work(&Other);
  return Total;
}
