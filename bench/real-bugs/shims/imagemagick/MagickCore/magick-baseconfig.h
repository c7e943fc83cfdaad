/* Hand-written stand-in for ImageMagick's generated magick-baseconfig.h (bench/real-bugs). */
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#define MAGICKCORE_HAVE_STDINT_H 1
#define MAGICKCORE_HAVE_STDDEF_H 1
#define MAGICKCORE_PNG_DELEGATE 1
#define MAGICKCORE_ZLIB_DELEGATE 1
#define MAGICKCORE_QUANTUM_DEPTH 16
#define MAGICKCORE_HDRI_ENABLE 0
