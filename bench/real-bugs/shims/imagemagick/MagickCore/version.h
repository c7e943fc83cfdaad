/* Hand-written stand-in for ImageMagick's generated version.h (bench/real-bugs). */
#define MagickLibVersion 0x700
#define MagickLibVersionText "7.0.0"
#define MagickLibAddendum "-0"
#define MagickLibInterface 10
#define MagickLibMinInterface 10
#define MagickPackageName "ImageMagick"
#define MagickCopyright "Copyright"
#define MagickReleaseDate "2000-01-01"
#define MagickppLibVersionText "7.0.0"
#define MagickLibVersionNumber 10,0,0
