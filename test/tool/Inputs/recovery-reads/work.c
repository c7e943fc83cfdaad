#include "shared.h"

void work(void) {
  if (Depth == 0)
    Mode = 1;
  Depth++;
  if (Depth > 3)
    fail();
}
