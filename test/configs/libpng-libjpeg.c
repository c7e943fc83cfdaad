// docs/configs/libpng-libjpeg.yaml on an application that decodes PNG and
// JPEG images: a libpng read callback and row buffer, a libjpeg source
// manager that raises errors with ERREXIT through the error_exit method,
// and the application's own my_error_exit.  The library functions are
// plain declarations (no noreturn): without the configuration none of them
// is known to longjmp outside the function that calls setjmp, png_free is
// not known to free, and calls through pointers are not panics.
// RUN: %clang_tidy --config-file=%src_root/docs/configs/libpng-libjpeg.yaml %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-*' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=NOCONFIG -allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// NOCONFIG-NOT: warning:

#include <setjmp.h>
#include <stddef.h>
#include <string.h>

/* libpng */
typedef struct png_struct_def png_struct;
typedef png_struct *png_structp;
typedef void (*png_longjmp_ptr)(jmp_buf, int);
jmp_buf *png_set_longjmp_fn(png_structp png_ptr, png_longjmp_ptr longjmp_fn,
                            size_t jmp_buf_size);
#define png_jmpbuf(png_ptr)                                                    \
  (*png_set_longjmp_fn((png_ptr), longjmp, sizeof(jmp_buf)))
void png_error(png_structp png_ptr, const char *error_message);
void *png_get_io_ptr(png_structp png_ptr);
void *png_malloc(png_structp png_ptr, size_t size);
void png_free(png_structp png_ptr, void *ptr);
void png_read_row(png_structp png_ptr, unsigned char *row,
                  unsigned char *display_row);

typedef struct MemReader {
  const unsigned char *data;
  size_t size;
  size_t pos;
} MemReader;

/* The read callback advances the position before the short-read error. */
void read_from_memory(png_structp png, unsigned char *out, size_t n) {
  MemReader *r = (MemReader *)png_get_io_ptr(png);
  r->pos += n;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MemReader.pos' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'png_error' is one of the PanicFunctions
  if (r->pos > r->size)
    png_error(png, "read past the end of the data");
  memcpy(out, r->data + r->pos - n, n);
}

/* Compliant: check, copy, then advance. */
void read_from_memory_checked(png_structp png, unsigned char *out, size_t n) {
  MemReader *r = (MemReader *)png_get_io_ptr(png);
  if (n > r->size - r->pos)
    png_error(png, "read past the end of the data");
  memcpy(out, r->data + r->pos, n);
  r->pos += n;
}

typedef struct Decoder {
  png_structp png;
  unsigned char *row;
  size_t width;
} Decoder;

/* png_malloc's out-of-memory png_error leaves d->row aimed at freed memory,
   and the cleanup frees it again. */
void resize_row(Decoder *d, size_t width) {
  png_free(d->png, d->row);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Decoder.row' still points to the memory freed here when a longjmp can follow; set it to NULL right after the free [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:12: note: a longjmp can follow here: 'png_malloc' is one of the PanicFunctions
  d->row = png_malloc(d->png, width);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Decoder.row' is written again here; a longjmp before this point leaves the update half-done
  d->width = width;
}

/* Compliant: the pointer is cleared right after the free. */
void resize_row_checked(Decoder *d, size_t width) {
  png_free(d->png, d->row);
  d->row = NULL;
  d->row = png_malloc(d->png, width);
  d->width = width;
}

/* Compliant: the usual decoder, with the row pointer volatile. */
int decode_png(Decoder *d, int rows) {
  unsigned char *volatile row = NULL;
  if (setjmp(png_jmpbuf(d->png))) {
    png_free(d->png, row);
    return -1;
  }
  row = png_malloc(d->png, d->width);
  for (int y = 0; y < rows; y++)
    png_read_row(d->png, row, NULL);
  png_free(d->png, row);
  return 0;
}

/* libjpeg */
typedef int boolean;
typedef struct jpeg_common_struct *j_common_ptr;
typedef struct jpeg_decompress_struct *j_decompress_ptr;
struct jpeg_error_mgr {
  void (*error_exit)(j_common_ptr cinfo);
  int msg_code;
  union {
    int i[8];
    char s[80];
  } msg_parm;
};
struct jpeg_source_mgr {
  const unsigned char *next_input_byte;
  size_t bytes_in_buffer;
  boolean (*fill_input_buffer)(j_decompress_ptr cinfo);
};
struct jpeg_decompress_struct {
  struct jpeg_error_mgr *err;
  struct jpeg_source_mgr *src;
  unsigned image_width;
};
#define JERR_INPUT_EMPTY 42
#define JERR_IMAGE_TOO_BIG 43
#define ERREXIT1(cinfo, code, p1)                                              \
  ((cinfo)->err->msg_code = (code), (cinfo)->err->msg_parm.i[0] = (p1),        \
   (*(cinfo)->err->error_exit)((j_common_ptr)(cinfo)))

/* The application's error_exit, defined in another file: it longjmps to
   the jmp_buf next to its jpeg_error_mgr. */
void my_error_exit(j_common_ptr cinfo);

struct StreamSource {
  struct jpeg_source_mgr pub;
  int fd;
  unsigned char buffer[4096];
  long fills;
};
long read_some(int fd, unsigned char *buffer, size_t size);

/* The fill count goes up before ERREXIT1 jumps out through error_exit;
   ERREXIT1's own stores of msg_code and msg_parm hand the error over. */
boolean fill_input_buffer(j_decompress_ptr cinfo) {
  struct StreamSource *src = (struct StreamSource *)cinfo->src;
  src->fills++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'StreamSource.fills' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a longjmp can follow here: a call through a function pointer
  long n = read_some(src->fd, src->buffer, sizeof src->buffer);
  if (n <= 0)
    ERREXIT1(cinfo, JERR_INPUT_EMPTY, src->fd);
  src->pub.next_input_byte = src->buffer;
  src->pub.bytes_in_buffer = (size_t)n;
  return 1;
}

/* Compliant: only counts a fill that succeeded. */
boolean fill_input_buffer_checked(j_decompress_ptr cinfo) {
  struct StreamSource *src = (struct StreamSource *)cinfo->src;
  long n = read_some(src->fd, src->buffer, sizeof src->buffer);
  if (n <= 0)
    ERREXIT1(cinfo, JERR_INPUT_EMPTY, src->fd);
  src->pub.next_input_byte = src->buffer;
  src->pub.bytes_in_buffer = (size_t)n;
  src->fills++;
  return 1;
}

/* The application raises its own limit through my_error_exit directly. */
static unsigned long PixelsAccepted;
void accept_size(j_decompress_ptr cinfo, unsigned height) {
  PixelsAccepted += (unsigned long)cinfo->image_width * height;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PixelsAccepted' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'my_error_exit' is one of the PanicFunctions
  if (cinfo->image_width > 65500 || height > 65500)
    my_error_exit((j_common_ptr)cinfo);
}
