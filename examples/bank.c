/* A bank account whose withdrawal "panics" with longjmp when the balance
   would go negative.  The debit is applied before the check, so after the
   longjmp the balance stays wrong: the C form of Go's panic-after-mutation
   bug.  Moving the check before the write is the fix. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf on_error;
static int balance = 100;

static void withdraw(int debit) {
  if (setjmp(on_error) == 0) {
    balance -= debit; /* left applied by the longjmp below */
    if (balance < 0)
      longjmp(on_error, 1);
  } else {
    puts("Insufficient funds");
  }
}

static void withdraw_fixed(int debit) {
  if (setjmp(on_error) == 0) {
    if (balance - debit < 0)
      longjmp(on_error, 1);
    balance -= debit;
  } else {
    puts("Insufficient funds");
  }
}

/* Keeping setjmp's result for later is undefined behaviour (C11 7.13.1.1). */
static int try_withdraw(int debit) {
  int failed = setjmp(on_error);
  if (failed)
    return -1;
  withdraw_fixed(debit);
  return 0;
}

int main(void) {
  withdraw(30);
  withdraw(200);
  printf("balance %d\n", balance);
  return try_withdraw(10);
}
