// Unusable entries of ThreadStartFunctions and SignalRegistrationFunctions
// (a bad regular expression, a bad argument number) are configuration
// errors naming the option and the entry; the run goes on with the other
// entries, here a thread pool's submit function and a project's own
// handler registration.
// RUN: not %clang_tidy -checks='-*,recover-longjmp-target' \
// RUN:   -config="{CheckOptions: [{key: recover-longjmp-target.ThreadStartFunctions, value: 'pool_submit:2;bad(:1'}, {key: recover-longjmp-target.SignalRegistrationFunctions, value: 'on_signal:2;install:x'}]}" \
// RUN:   %s -- %mock_headers 2>&1 \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error|note}}:'
// CHECK-DAG: error: invalid entry 'bad(' in option 'recover-longjmp-target.ThreadStartFunctions': not a valid regular expression (parentheses not balanced); the entry is ignored [clang-tidy-config]
// CHECK-DAG: error: invalid entry 'install:x' in option 'recover-longjmp-target.SignalRegistrationFunctions': the argument number after ':' must be 1 or more; the entry is ignored [clang-tidy-config]

#include <pthread.h>
#include <setjmp.h>

jmp_buf Env;

void pool_submit(void *Pool, void (*Task)(void));
void on_signal(int Sig, void (*Handler)(int));

static void task(void) { longjmp(Env, 1); }
// CHECK-DAG: :[[@LINE-1]]:26: warning: 'longjmp' to 'Env' in code that runs in the thread started with 'task'
// CHECK-DAG: :[[@LINE+13]]:7: note: 'Env' is set here, outside that thread
// CHECK-DAG: :[[@LINE+14]]:3: note: 'task' is started as a thread here

static void handler(int Sig) { longjmp(Env, Sig); }
// CHECK-DAG: :[[@LINE-1]]:32: warning: 'longjmp' in code run by signal handler 'handler' does not restore the signal mask
// CHECK-DAG: :[[@LINE+11]]:3: note: 'handler' is installed as a signal handler here

static void *notAThread(void *Arg) {
  (void)Arg;
  longjmp(Env, 2);
}

int main(void) {
  if (setjmp(Env))
    return 1;
  pool_submit(0, task);
  on_signal(2, handler);
  // pthread_create is no longer a thread start function.
  pthread_t T;
  pthread_create(&T, 0, notAThread, 0);
  return 0;
}
