/* Hand-written stand-in for the config.h that gnuplot's configure
   generates, for a glibc/Linux build: enough for single files of src/ to
   parse.  Not a copy of any generated file. */
#ifndef GNUPLOT_SHIM_CONFIG_H
#define GNUPLOT_SHIM_CONFIG_H
#define STDC_HEADERS 1
#define PROTOTYPES 1
#define HAVE_STRINGIZE 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_UNISTD_H 1
#define HAVE_ERRNO_H 1
#define HAVE_FLOAT_H 1
#define HAVE_LIMITS_H 1
#define HAVE_LOCALE_H 1
#define HAVE_MALLOC_H 1
#define HAVE_MATH_H 1
#define HAVE_DIRENT_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_STDINT_H 1
#define HAVE_TIME_H 1
#define HAVE_TIME_T_IN_TIME_H 1
#define HAVE_STDBOOL_H 1
#define HAVE__BOOL 1
#define HAVE_OFF_T 1
#define HAVE_FSEEKO 1
#define HAVE_SIGSETJMP 1
#define HAVE_MEMCPY 1
#define HAVE_MEMMOVE 1
#define HAVE_STRCHR 1
#define HAVE_STRCSPN 1
#define HAVE_STRERROR 1
#define HAVE_STRSTR 1
#define HAVE_STRCASECMP 1
#define HAVE_STRNCASECMP 1
#define HAVE_STRNDUP 1
#define HAVE_STRNLEN 1
#define HAVE_GETCWD 1
#define HAVE_SLEEP 1
#define HAVE_USLEEP 1
#define HAVE_VFPRINTF 1
#endif
