#ifndef MOCK_STDIO_H
#define MOCK_STDIO_H
#include <stddef.h>
typedef struct FILE FILE;
extern FILE *stderr;
int printf(const char *fmt, ...);
int fprintf(FILE *f, const char *fmt, ...);
int puts(const char *s);
int sprintf(char *dst, const char *fmt, ...);
int snprintf(char *dst, size_t n, const char *fmt, ...);
size_t fread(void *dst, size_t size, size_t n, FILE *f);
int ferror(FILE *f);
#endif
