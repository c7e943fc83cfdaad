// An update is torn only where the jump lands between its parts: a later
// write of the same location from which the panic can still be reached is
// an update of its own (a pointer swapped back and forth before the call
// that can longjmp), and the jump leaves it complete.  The later write past
// the panic, or on the path that avoids it, is what the jump skips.
// Reduced from a row filter that tries candidate buffers before writing the
// best one out.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

struct filter {
  unsigned char *best;
  int tries;
};
extern jmp_buf failed;
void writeRow(struct filter *f);

// Each candidate that wins is stored before writeRow: no torn note.
void chooseRow(struct filter *f, unsigned char *a, unsigned char *b, int n) {
  // CHECK-MESSAGES: :[[@LINE+1]]:3: warning: 'filter.best' is changed here
  f->best = a;
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: a longjmp can follow here
  // CHECK-MESSAGES: :[[@LINE+22]]:5: note: which can longjmp here
  // CHECK-MESSAGES: :[[@LINE+4]]:5: warning: 'filter.best' is changed here
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: a longjmp can follow here
  // CHECK-MESSAGES: :[[@LINE+19]]:5: note: which can longjmp here
  if (n > 1)
    f->best = b;
  writeRow(f);
}

// Torn: the second write comes after the call that can longjmp.
void markBusy(struct filter *f) {
  // CHECK-MESSAGES: :[[@LINE+1]]:3: warning: 'filter.tries' is changed here
  f->tries = -1;
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here
  // CHECK-MESSAGES: :[[@LINE+8]]:5: note: which can longjmp here
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'filter.tries' is written again here; a longjmp before this point leaves the update half-done
  writeRow(f);
  f->tries = 0;
}

void writeRow(struct filter *f) {
  if (f->best == 0)
    longjmp(failed, 1);
}

// Inside a loop: the panic after the loop is reached from every write in
// it.
void countTries(struct filter *f, int n) {
  int i;
  // CHECK-MESSAGES: :[[@LINE+1]]:3: warning: 'filter.tries' is changed here
  f->tries = 0;
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: a longjmp can follow here
  // CHECK-MESSAGES: :[[@LINE-10]]:5: note: which can longjmp here
  // CHECK-MESSAGES: :[[@LINE+4]]:5: warning: 'filter.tries' is changed here
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: a longjmp can follow here
  // CHECK-MESSAGES: :[[@LINE-13]]:5: note: which can longjmp here
  for (i = 0; i < n; i++)
    f->tries = i;
  writeRow(f);
}
