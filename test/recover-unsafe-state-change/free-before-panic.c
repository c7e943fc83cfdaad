// Freeing memory that state still points to, then panicking, leaves a
// dangling pointer for the recovery path to free again.  Clearing the
// pointer right after the free is the safe idiom.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stdlib.h>

jmp_buf Env;
struct Cache {
  char *Data;
  int Size;
};
void mayThrow(void) __attribute__((noreturn));

void rebuild(struct Cache *C, int Fail) {
  free(C->Data);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Cache.Data' still points to the memory freed here when a longjmp can follow; set it to NULL right after the free [recover-unsafe-state-change]
  if (Fail)
    mayThrow();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  C->Data = malloc(16);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Cache.Data' is written again here; a longjmp before this point leaves the update half-done
}

void rebuildSafely(struct Cache *C, int Fail) {
  free(C->Data);
  C->Data = NULL;
  if (Fail)
    mayThrow();
  C->Data = malloc(16);
}

void freeLocal(int Fail) {
  char *Tmp = malloc(8);
  free(Tmp);
  if (Fail)
    mayThrow();
}
