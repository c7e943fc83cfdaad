// Code run by a thread (a start function passed to pthread_create or
// thrd_create, and what it calls) that jumps to a global jmp_buf which only
// setjmp calls outside that thread set: the environment belongs to another
// thread's stack.  Notes show the setjmp, the thread creation and the calls
// from the start function.  A thread that sets the buffer itself, and a
// _Thread_local buffer, are not reported.
// RUN: %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <pthread.h>
#include <setjmp.h>
#include <threads.h>

jmp_buf MainHandler;
jmp_buf Shared;
_Thread_local jmp_buf PerThread;

int work(void);

static void bail(void) { longjmp(MainHandler, 1); }
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'longjmp' to 'MainHandler' in code that runs in the thread started with 'worker', but only setjmp calls outside that thread set 'MainHandler'; jumping to another thread's environment is undefined [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE+30]]:7: note: 'MainHandler' is set here, outside that thread
// CHECK-MESSAGES: :[[@LINE+35]]:3: note: 'worker' is started as a thread here
// CHECK-MESSAGES: :[[@LINE+5]]:5: note: 'worker' reaches the jump through this call

static void *worker(void *Arg) {
  (void)Arg;
  if (!work())
    bail();
  return 0;
}

static int c11Worker(void *Arg) {
  (void)Arg;
  if (!work())
    longjmp(Shared, 2);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'longjmp' to 'Shared' in code that runs in the thread started with 'c11Worker', but only setjmp calls outside that thread set 'Shared'; jumping to another thread's environment is undefined [recover-longjmp-target]
    // CHECK-MESSAGES: :[[@LINE+8]]:7: note: 'Shared' is set here, outside that thread
    // CHECK-MESSAGES: :[[@LINE+21]]:3: note: 'c11Worker' is started as a thread here
  if (setjmp(PerThread))
    return 1;
  longjmp(PerThread, 3);
}

static void *ownHandler(void *Arg) {
  if (setjmp(Shared))
    return Arg;
  longjmp(Shared, 4);
}

int main(void) {
  if (setjmp(MainHandler))
    return 1;
  if (setjmp(Shared))
    return 2;
  pthread_t T1, T2;
  thrd_t T3;
  pthread_create(&T1, 0, worker, 0);
  pthread_create(&T2, 0, ownHandler, 0);
  thrd_create(&T3, c11Worker, 0);
  return 0;
}
