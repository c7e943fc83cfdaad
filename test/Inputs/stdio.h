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
#endif
