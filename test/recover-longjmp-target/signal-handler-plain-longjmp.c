// A plain longjmp (or _longjmp) in a signal handler, or in a function it
// calls, does not restore the signal mask: the signal stays blocked after
// the jump (CERT SIG30-C, MSC22-C).  Handlers are the functions passed to
// signal() or sigset() and those stored into sa_handler or sa_sigaction.
// siglongjmp to a buffer saved by sigsetjmp(buf, 1), and longjmp outside
// handlers, are not reported.
// RUN: %clang_tidy -checks='-*,recover-longjmp-target' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <signal.h>

jmp_buf Env;
sigjmp_buf SigEnv;

static void onInterrupt(int Sig) { longjmp(Env, Sig); }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'longjmp' in code run by signal handler 'onInterrupt' does not restore the signal mask, so the signal stays blocked after the jump; save the environment with sigsetjmp(buf, 1) and jump with siglongjmp [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE+26]]:3: note: 'onInterrupt' is installed as a signal handler here

static void escape(int Sig) { _longjmp(Env, Sig); }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: '_longjmp' in code run by signal handler 'onAlarm' does not restore the signal mask, so the signal stays blocked after the jump; save the environment with sigsetjmp(buf, 1) and jump with siglongjmp [recover-longjmp-target]
// CHECK-MESSAGES: :[[@LINE+23]]:43: note: 'onAlarm' is installed as a signal handler here
// CHECK-MESSAGES: :[[@LINE+2]]:32: note: 'onAlarm' reaches the jump through this call

static void onAlarm(int Sig) { escape(Sig); }

static void onSegv(int Sig, siginfo_t *Info, void *Context) {
  (void)Info;
  (void)Context;
  longjmp(Env, Sig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'longjmp' in code run by signal handler 'onSegv' does not restore the signal mask, so the signal stays blocked after the jump; save the environment with sigsetjmp(buf, 1) and jump with siglongjmp [recover-longjmp-target]
  // CHECK-MESSAGES: :[[@LINE+16]]:3: note: 'onSegv' is installed as a signal handler here
}

static void compliant(int Sig) { siglongjmp(SigEnv, Sig); }

static void notAHandler(void) { longjmp(Env, 1); }

int main(void) {
  if (setjmp(Env))
    return 1;
  if (sigsetjmp(SigEnv, 1))
    return 2;
  signal(SIGINT, onInterrupt);
  struct sigaction Alarm = {.sa_handler = onAlarm};
  sigaction(SIGALRM, &Alarm, 0);
  struct sigaction Segv;
  Segv.sa_sigaction = onSegv;
  sigaction(SIGSEGV, &Segv, 0);
  signal(SIGINT, compliant);
  notAHandler();
  return 0;
}
