/* A file reader with a TRY/CATCH pair over a global handler stack.  Two
   classic mistakes: a buffer pointer set inside TRY and freed in CATCH is
   not volatile (after the longjmp its value is indeterminate, so the CATCH
   may free garbage or leak), and an early return inside TRY leaves the
   handler stack pointing into this function's dead frame. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf *handler;

#define TRY                                                                    \
  do {                                                                         \
    jmp_buf *saved_handler_ = handler;                                         \
    jmp_buf local_handler_;                                                    \
    if (setjmp(local_handler_) == 0) {                                         \
      handler = &local_handler_;
#define CATCH                                                                  \
  }                                                                            \
  else {                                                                       \
    handler = saved_handler_;
#define END_TRY                                                                \
  }                                                                            \
  handler = saved_handler_;                                                    \
  }                                                                            \
  while (0)

static void throw_error(const char *msg) {
  fprintf(stderr, "%s\n", msg);
  longjmp(*handler, 1);
}

static size_t read_block(FILE *f, char *buf, size_t n) {
  size_t got = fread(buf, 1, n, f);
  if (ferror(f))
    throw_error("read error");
  return got;
}

long count_bytes(FILE *f) {
  char *buf = NULL;
  long total = 0;
  TRY {
    buf = malloc(4096);
    if (!buf)
      return -1; /* leaves 'handler' pointing into this frame */
    size_t got;
    while ((got = read_block(f, buf, 4096)) > 0)
      total += (long)got;
  }
  CATCH {
    free(buf); /* 'buf' may be indeterminate here */
    total = -1;
  }
  END_TRY;
  free(buf);
  return total;
}
