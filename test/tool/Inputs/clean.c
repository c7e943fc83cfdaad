#include <setjmp.h>
jmp_buf Env;
int Balance;
void withdraw(int Debit) {
  if (setjmp(Env) == 0) {
    if (Balance - Debit < 0)
      longjmp(Env, 1);
    Balance -= Debit;
  }
}
