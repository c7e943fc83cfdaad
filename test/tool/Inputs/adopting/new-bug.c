/* Appended to bank.c by the adopting tests: a new finding. */
static int fee;
void charge(int amount) {
  if (setjmp(on_error) == 0) {
    fee += amount;
    if (balance < fee)
      longjmp(on_error, 1);
  }
}
