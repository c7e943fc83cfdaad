/* Hand-written stand-in for f2c.h (the f2c runtime header that
   OpenModelica takes from its 3rdParty submodule, absent from the
   snapshot): only the basic Fortran types. */
#ifndef F2C_SHIM_H
#define F2C_SHIM_H
typedef long int integer;
typedef unsigned long int uinteger;
typedef char *address;
typedef short int shortint;
typedef float real;
typedef double doublereal;
typedef struct { real r, i; } complex;
typedef struct { doublereal r, i; } doublecomplex;
typedef long int logical;
typedef short int shortlogical;
typedef char logical1;
typedef char integer1;
typedef long int flag;
typedef long int ftnlen;
typedef long int ftnint;
#define TRUE_ (1)
#define FALSE_ (0)
#endif
