#ifndef MOCK_STDLIB_H
#define MOCK_STDLIB_H
#include <stddef.h>
void *malloc(size_t n);
void *calloc(size_t n, size_t m);
void *realloc(void *p, size_t n);
void free(void *p);
void abort(void) __attribute__((__noreturn__));
void exit(int status) __attribute__((__noreturn__));
#endif
