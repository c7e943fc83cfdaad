// DeallocationFunctions adds allocators' free functions; ':N' names the
// freed argument, counted from 1.  A bad entry is a configuration error.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: DeallocationFunctions, value: 'ctx_free:2;pool_release'}]}" \
// RUN:   %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: not %clang_tidy -checks='-*,recover-unsafe-state-change' \
// RUN:   -config="{CheckOptions: [{key: DeallocationFunctions, value: 'ctx_free:0;ctx_free:x;bad('}]}" \
// RUN:   %s -- %mock_headers 2>&1 \
// RUN:   | FileCheck %s -check-prefix=BAD
// BAD-DAG: error: invalid entry 'ctx_free:0' in option 'recover-unsafe-state-change.DeallocationFunctions': the argument number after ':' must be 1 or more; the entry is ignored [clang-tidy-config]
// BAD-DAG: error: invalid entry 'ctx_free:x' in option 'recover-unsafe-state-change.DeallocationFunctions': the argument number after ':' must be 1 or more; the entry is ignored [clang-tidy-config]
// BAD-DAG: error: invalid entry 'bad(' in option 'recover-unsafe-state-change.DeallocationFunctions': not a valid regular expression (parentheses not balanced); the entry is ignored [clang-tidy-config]

struct Ctx;
struct Obj { char *Name; void *Blob; };
void ctx_free(struct Ctx *C, void *P);
void pool_release(void *P);
void mayThrow(void) __attribute__((noreturn));

void rename(struct Ctx *C, struct Obj *O, int Fail) {
  ctx_free(C, O->Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Obj.Name' still points to the memory freed here when a longjmp can follow; set it to NULL right after the free [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+6]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'Obj.Name' is written again here; a longjmp before this point leaves the update half-done
  pool_release(O->Blob);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Obj.Blob' still points to the memory freed here when a longjmp can follow; set it to NULL right after the free [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'mayThrow' is declared noreturn and its body is not visible
  if (Fail)
    mayThrow();
  O->Name = 0;
  O->Blob = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Obj.Blob' is written again here; a longjmp before this point leaves the update half-done
}
