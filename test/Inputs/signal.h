/* Mock <signal.h>, shaped like glibc's: sa_handler and sa_sigaction are
   macros for the members of a union inside struct sigaction. */
#ifndef MOCK_SIGNAL_H
#define MOCK_SIGNAL_H
#define SIGINT 2
#define SIGSEGV 11
#define SIGALRM 14
typedef void (*__sighandler_t)(int);
typedef struct {
  int si_signo;
} siginfo_t;
typedef struct {
  unsigned long __val[16];
} sigset_t;
struct sigaction {
  union {
    __sighandler_t sa_handler;
    void (*sa_sigaction)(int, siginfo_t *, void *);
  } __sigaction_handler;
#define sa_handler __sigaction_handler.sa_handler
#define sa_sigaction __sigaction_handler.sa_sigaction
  sigset_t sa_mask;
  int sa_flags;
};
__sighandler_t signal(int sig, __sighandler_t handler);
__sighandler_t sigset(int sig, __sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigemptyset(sigset_t *set);
#endif
