// An invalid regular expression is a configuration error naming the option
// and the entry; the run goes on with the valid entries and the built-ins.
// RUN: not %clang_tidy -checks='-*,recover-setjmp-context' \
// RUN:   -config="{CheckOptions: [{key: RecoverFunctions, value: 'my_setjmp;bad(;[z-a]'}]}" \
// RUN:   %s -- %mock_headers 2>&1 \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error|note}}:'
// CHECK-DAG: error: invalid entry 'bad(' in option 'recover-setjmp-context.RecoverFunctions': not a valid regular expression (parentheses not balanced); the entry is ignored [clang-tidy-config]
// CHECK-DAG: error: invalid entry '[z-a]' in option 'recover-setjmp-context.RecoverFunctions': not a valid regular expression (invalid character range); the entry is ignored [clang-tidy-config]

#include <setjmp.h>

jmp_buf Env;
typedef struct Ctx Ctx;
int my_setjmp(Ctx *C);

int stillChecked(Ctx *C) {
  int A = my_setjmp(C);
  // CHECK-DAG: :[[@LINE-1]]:11: warning: the result of 'my_setjmp' is stored
  int B = setjmp(Env);
  // CHECK-DAG: :[[@LINE-1]]:11: warning: the result of 'setjmp' is stored
  return A + B;
}
