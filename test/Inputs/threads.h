/* Mock C11 <threads.h>: only what starting a thread needs. */
#ifndef MOCK_THREADS_H
#define MOCK_THREADS_H
typedef unsigned long thrd_t;
typedef int (*thrd_start_t)(void *);
int thrd_create(thrd_t *thread, thrd_start_t start, void *arg);
int thrd_join(thrd_t thread, int *result);
#endif
