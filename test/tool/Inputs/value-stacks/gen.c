#include "stack.h"

void operand(void) {
  Top->Kind = 1;
  if (token() < 0)
    fail();
}
