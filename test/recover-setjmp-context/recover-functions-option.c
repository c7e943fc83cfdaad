// RecoverFunctions adds names and regular expressions to the family; one
// global entry serves every recover-* check.  Without it these are silent.
// RUN: %clang_tidy -checks='-*,recover-setjmp-context' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=DEFAULT -allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-setjmp-context' \
// RUN:   -config="{CheckOptions: [{key: RecoverFunctions, value: 'my_setjmp;xx_.*_save'}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=GLOBAL \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-setjmp-context' \
// RUN:   -config="{CheckOptions: [{key: recover-setjmp-context.RecoverFunctions, value: my_setjmp}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=LOCAL \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// DEFAULT-NOT: warning:

typedef struct Ctx Ctx;
int my_setjmp(Ctx *C);
int xx_frame_save(Ctx *C);
int xx_frame_restore(Ctx *C);

int custom(Ctx *C) {
  int A = my_setjmp(C);
  // GLOBAL: :[[@LINE-1]]:11: warning: the result of 'my_setjmp' is stored
  // LOCAL: :[[@LINE-2]]:11: warning: the result of 'my_setjmp' is stored
  int B = xx_frame_save(C);
  // GLOBAL: :[[@LINE-1]]:11: warning: the result of 'xx_frame_save' is stored
  int R = xx_frame_restore(C);
  if (my_setjmp(C) == 0)
    return A + B + R;
  return 0;
}
