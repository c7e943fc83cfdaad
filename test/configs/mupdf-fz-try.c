// docs/configs/mupdf-fz-try.yaml on code written against a MuPDF-style API:
// fz_try/fz_always/fz_catch whose setjmp is in the macro (on the jmp_buf
// fz_push_try returns), fz_var, fz_throw declared without noreturn,
// allocating constructors, and context-first fz_free/fz_drop_*.  Without
// the configuration nothing outside an fz_try block is known to throw or
// to free.
// RUN: %clang_tidy --config-file=%src_root/docs/configs/mupdf-fz-try.yaml %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-*' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=NOCONFIG \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>
#include <stddef.h>

typedef struct fz_context fz_context;
typedef struct fz_pixmap fz_pixmap;
typedef struct fz_device fz_device;
typedef struct fz_page fz_page;
#define FZ_ERROR_ARGUMENT 4

jmp_buf *fz_push_try(fz_context *ctx);
int fz_do_try(fz_context *ctx);
int fz_do_always(fz_context *ctx);
int fz_do_catch(fz_context *ctx);
void fz_var_imp(void *var);
void fz_throw(fz_context *ctx, int errcode, const char *fmt, ...);
void fz_rethrow(fz_context *ctx);
char *fz_strdup(fz_context *ctx, const char *s);
void fz_free(fz_context *ctx, void *p);
fz_pixmap *fz_new_pixmap(fz_context *ctx, int w, int h);
void fz_drop_pixmap(fz_context *ctx, fz_pixmap *pix);
fz_device *fz_new_draw_device(fz_context *ctx, fz_pixmap *dest);
void fz_run_page(fz_context *ctx, fz_page *page, fz_device *dev);
void fz_close_device(fz_context *ctx, fz_device *dev);
void fz_drop_device(fz_context *ctx, fz_device *dev);

#define fz_setjmp(buf) setjmp(buf)
#define fz_var(var) fz_var_imp((void *)&(var))
#define fz_try(ctx) if (!fz_setjmp(*fz_push_try(ctx))) if (fz_do_try(ctx)) do
#define fz_always(ctx) while (0); if (fz_do_always(ctx)) do
#define fz_catch(ctx) while (0); if (fz_do_catch(ctx))

typedef struct Cache {
  fz_pixmap *last;
  int renders;
} Cache;

/* The render count goes up before the argument check throws. */
void cache_note_render(fz_context *ctx, Cache *cache, int w) {
  cache->renders++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Cache.renders' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'fz_throw' is one of the PanicFunctions
  if (w <= 0)
    fz_throw(ctx, FZ_ERROR_ARGUMENT, "bad width %d", w);
}

/* Compliant: throw first, count after. */
void cache_note_render_checked(fz_context *ctx, Cache *cache, int w) {
  if (w <= 0)
    fz_throw(ctx, FZ_ERROR_ARGUMENT, "bad width %d", w);
  cache->renders++;
}

/* fz_new_pixmap can throw out of memory after the old pixmap is dropped:
   cache->last dangles, and whoever drops the cache drops it again. */
void cache_replace(fz_context *ctx, Cache *cache, int w, int h) {
  fz_drop_pixmap(ctx, cache->last);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Cache.last' still points to the memory freed here when a longjmp can follow; set it to NULL right after the free [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:17: note: a longjmp can follow here: 'fz_new_pixmap' is one of the PanicFunctions
  cache->last = fz_new_pixmap(ctx, w, h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Cache.last' is written again here; a longjmp before this point leaves the update half-done
}

/* Compliant: create first, then drop and publish. */
void cache_replace_checked(fz_context *ctx, Cache *cache, int w, int h) {
  fz_pixmap *pix = fz_new_pixmap(ctx, w, h);
  fz_drop_pixmap(ctx, cache->last);
  cache->last = pix;
}

typedef struct Outline {
  char *title;
} Outline;

/* The same with fz_free and fz_strdup. */
void outline_set_title(fz_context *ctx, Outline *o, const char *title) {
  fz_free(ctx, o->title);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Outline.title' still points to the memory freed here when a longjmp can follow; set it to NULL right after the free [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:14: note: a longjmp can follow here: 'fz_strdup' is one of the PanicFunctions
  o->title = fz_strdup(ctx, title);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Outline.title' is written again here; a longjmp before this point leaves the update half-done
}

/* MuPDF's rule: a local changed in fz_try and used in fz_always or
   fz_catch must be fz_var'd.  dev is not: recover-clobbered-local reports
   it with or without the configuration (inside fz_try the calls count as
   possible longjmps anyway).  pix is fz_var'd, so it is not reported as
   clobbered.  pix itself is fz_var'd: fz_catch reads it (rule 4), and the
   drop before fz_rethrow leaves the frame, so neither is reported. */
fz_pixmap *render(fz_context *ctx, fz_page *page, int w, int h) {
  fz_pixmap *pix = NULL;
  fz_device *dev = NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: local variable 'dev' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // CHECK-MESSAGES: :[[@LINE+10]]:5: note: 'dev' is changed here, and a longjmp can follow
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: the longjmp returns to this 'setjmp'
  // CHECK-MESSAGES: :[[@LINE+13]]:25: note: 'dev' is read here after it
  // NOCONFIG: :[[@LINE-5]]:14: warning: local variable 'dev' is changed after 'setjmp' and read after a longjmp returns there, when its value is indeterminate (C11 7.13.2.1); declare it 'volatile' [recover-clobbered-local]
  // NOCONFIG: :[[@LINE+6]]:5: note: 'dev' is changed here, and a longjmp can follow
  // NOCONFIG: :[[@LINE+3]]:3: note: the longjmp returns to this 'setjmp'
  // NOCONFIG: :[[@LINE+9]]:25: note: 'dev' is read here after it
  fz_var(pix);
  fz_try(ctx) {
    pix = fz_new_pixmap(ctx, w, h);
    dev = fz_new_draw_device(ctx, pix);
    fz_run_page(ctx, page, dev);
    fz_close_device(ctx, dev);
  }
  fz_always(ctx) {
    fz_drop_device(ctx, dev);
  }
  fz_catch(ctx) {
    fz_drop_pixmap(ctx, pix);
    fz_rethrow(ctx);
  }
  return pix;
}
