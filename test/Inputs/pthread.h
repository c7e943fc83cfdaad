/* Mock <pthread.h>: only what starting a thread needs. */
#ifndef MOCK_PTHREAD_H
#define MOCK_PTHREAD_H
typedef unsigned long pthread_t;
typedef struct {
  int __flags;
} pthread_attr_t;
int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                   void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **result);
#endif
