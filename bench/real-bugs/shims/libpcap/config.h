/* Hand-written stand-in for the config.h that libpcap's configure writes:
   only what optimize.c needs on Linux with glibc. */
#define HAVE_STRING_H 1
#define HAVE_STDLIB_H 1
#define HAVE_UNISTD_H 1
#define HAVE_STRERROR 1
#define HAVE_SNPRINTF 1
#define HAVE_VSNPRINTF 1
