#include <setjmp.h>
#include <stdio.h>

static jmp_buf on_error;
static int balance = 100;

static void withdraw(int debit) {
  if (setjmp(on_error) == 0) {
    if (balance - debit < 0)
      longjmp(on_error, 1);
    balance -= debit;
  } else {
    puts("Insufficient funds");
  }
}

int main(void) {
  withdraw(6);
  withdraw(200);
  printf("%d\n", balance);
  return 0;
}
