// The checks model C.  Compiled as C++ the file is left alone.
// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- -x c++ %mock_headers \
// RUN:   | FileCheck %s -allow-empty -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=C-MODE -implicit-check-not='{{warning|error|note}}:'
// CHECK-NOT: warning:

#include <setjmp.h>

jmp_buf Env;
int stored(void) {
  int Rc = setjmp(Env);
  // C-MODE: :[[@LINE-1]]:12: warning: the result of 'setjmp' is stored
  return Rc;
}
