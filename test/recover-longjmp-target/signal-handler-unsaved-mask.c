// siglongjmp from a signal handler to a global buffer that only plain
// setjmp (or sigsetjmp with savemask 0) saves: there is no saved mask to
// restore, so the signal stays blocked.  The notes show the setjmp calls.
// A buffer that some sigsetjmp(buf, 1) saves is not reported.
// RUN: %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <signal.h>

sigjmp_buf Plain;
sigjmp_buf NoMask;
sigjmp_buf WithMask;

static void onInterrupt(int Sig) { siglongjmp(Plain, Sig); }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'siglongjmp' in code run by signal handler 'onInterrupt' jumps to 'Plain', which is saved without the signal mask, so the signal stays blocked after the jump; save it with sigsetjmp(Plain, 1) [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE+11]]:7: note: 'Plain' is saved here without the signal mask
// CHECK-MESSAGES: :[[@LINE+16]]:3: note: 'onInterrupt' is installed as a signal handler here

static void onAlarm(int Sig) { siglongjmp(NoMask, Sig); }
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'siglongjmp' in code run by signal handler 'onAlarm' jumps to 'NoMask', which is saved without the signal mask, so the signal stays blocked after the jump; save it with sigsetjmp(NoMask, 1) [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE+8]]:7: note: 'NoMask' is saved here without the signal mask
// CHECK-MESSAGES: :[[@LINE+12]]:3: note: 'onAlarm' is installed as a signal handler here

static void onSegv(int Sig) { siglongjmp(WithMask, Sig); }

int main(void) {
  if (setjmp(Plain))
    return 1;
  if (sigsetjmp(NoMask, 0))
    return 2;
  if (sigsetjmp(WithMask, 1))
    return 3;
  signal(SIGINT, onInterrupt);
  sigset(SIGALRM, onAlarm);
  signal(SIGSEGV, onSegv);
  return 0;
}
