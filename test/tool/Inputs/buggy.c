#include <setjmp.h>
jmp_buf Env;
int Balance;
void withdraw(int Debit) {
  if (setjmp(Env) == 0) {
    Balance -= Debit;
    if (Balance < 0)
      longjmp(Env, 1);
  }
}
