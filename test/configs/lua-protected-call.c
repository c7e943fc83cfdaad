// docs/configs/lua-protected-call.yaml on a C module and a host that use
// the Lua C API, and on core-style code that runs a protected call with
// LUAI_TRY and raises with luaG_runerror and memory errors.  The API is
// declared as plain int/void functions, as lua.h and lauxlib.h declare
// it: without the configuration nothing outside the protected region is
// known to raise an error, and luaM_free_ is not known to free.
// RUN: %clang_tidy --config-file=%src_root/docs/configs/lua-protected-call.yaml %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// RUN: %clang_tidy -checks='-*,recover-*' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=NOCONFIG -allow-empty \
// RUN:       -implicit-check-not='{{warning|error|note}}:'
// NOCONFIG-NOT: warning:

#include <setjmp.h>
#include <stddef.h>

typedef struct lua_State lua_State;
typedef long long lua_Integer;

int lua_error(lua_State *L);
int luaL_error(lua_State *L, const char *fmt, ...);
int luaL_argerror(lua_State *L, int arg, const char *extramsg);
lua_Integer luaL_checkinteger(lua_State *L, int arg);
void *luaL_checkudata(lua_State *L, int arg, const char *tname);
void lua_callk(lua_State *L, int nargs, int nresults, long ctx, void *k);
int lua_pcallk(lua_State *L, int nargs, int nresults, int errfunc, long ctx,
               void *k);
int luaL_loadstring(lua_State *L, const char *s);
void lua_pushinteger(lua_State *L, lua_Integer n);
#define lua_call(L, n, r) lua_callk(L, (n), (r), 0, NULL)
#define lua_pcall(L, n, r, f) lua_pcallk(L, (n), (r), (f), 0, NULL)
#define luaL_argcheck(L, cond, arg, extramsg)                                  \
  ((void)((cond) || luaL_argerror(L, (arg), (extramsg))))

/* A C module: a counter userdata. */
typedef struct Counter {
  lua_Integer value;
  lua_Integer steps;
} Counter;

/* steps is bumped before the argument check, which raises on a bad 'n'. */
static int counter_add(lua_State *L) {
  Counter *c = (Counter *)luaL_checkudata(L, 1, "Counter");
  c->steps++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter.steps' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:15: note: a longjmp can follow here: 'luaL_checkinteger' is one of the PanicFunctions
  c->value += luaL_checkinteger(L, 2);
  return 0;
}

/* Compliant: every check before the first change. */
static int counter_sub(lua_State *L) {
  Counter *c = (Counter *)luaL_checkudata(L, 1, "Counter");
  lua_Integer n = luaL_checkinteger(L, 2);
  c->value -= n;
  c->steps++;
  return 0;
}

static int Slots[16];
static int SlotsUsed;

/* luaL_argcheck raises after the count is already bumped. */
static int slot_take(lua_State *L) {
  lua_Integer slot = luaL_checkinteger(L, 1);
  SlotsUsed++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SlotsUsed' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: 'luaL_argerror' is one of the PanicFunctions
  luaL_argcheck(L, slot >= 0 && slot < 16, 1, "slot out of range");
  Slots[slot] = 1;
  return 0;
}

/* An unprotected lua_call propagates the callee's error. */
static int Depth;
static int call_nested(lua_State *L) {
  Depth++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Depth' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: a longjmp can follow here: 'lua_callk' is one of the PanicFunctions
  lua_call(L, 0, 1);
  Depth--;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Depth' is written again here; a longjmp before this point leaves the update half-done
  return 1;
}

/* Compliant: the host runs scripts under lua_pcall, which returns a
   status instead of longjmping past it. */
static int Runs;
int run_script(lua_State *L, const char *code) {
  Runs++;
  if (luaL_loadstring(L, code) != 0)
    return -1;
  return lua_pcall(L, 0, 0, 0);
}

/* Core-style code: a protected call, a raiser, and the allocator. */
struct lua_longjmp {
  struct lua_longjmp *previous;
  jmp_buf b;
  volatile int status;
};
typedef struct Core {
  struct lua_longjmp *errorJmp;
  int top;
  int size;
  char *buffer;
  size_t buffsize;
} Core;

void luaG_runerror(lua_State *L, const char *fmt, ...);
void *luaM_malloc_(lua_State *L, size_t size, int tag);
void luaM_free_(lua_State *L, void *block, size_t osize);

#define LUAI_TRY(c, a)                                                         \
  if (setjmp((c)->b) == 0) {                                                   \
    a                                                                          \
  }

/* Compliant: pushes and pops the handler around the call. */
int rawrunprotected(Core *C, void (*f)(Core *, void *), void *ud) {
  struct lua_longjmp lj;
  lj.status = 0;
  lj.previous = C->errorJmp;
  C->errorJmp = &lj;
  LUAI_TRY(&lj, (*f)(C, ud);)
  C->errorJmp = lj.previous;
  return lj.status;
}

/* top grows before the overflow check raises. */
void push_slot(lua_State *L, Core *C) {
  C->top++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Core.top' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: a longjmp can follow here: 'luaG_runerror' is one of the PanicFunctions
  if (C->top > C->size)
    luaG_runerror(L, "stack overflow");
}

/* A memory error in luaM_malloc_ leaves buffer aimed at the freed block. */
void resize_buffer(lua_State *L, Core *C, size_t n) {
  luaM_free_(L, C->buffer, C->buffsize);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Core.buffer' still points to the memory freed here when a longjmp can follow; set it to NULL right after the free [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+1]]:15: note: a longjmp can follow here: 'luaM_malloc_' is one of the PanicFunctions
  C->buffer = luaM_malloc_(L, n, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'Core.buffer' is written again here; a longjmp before this point leaves the update half-done
  C->buffsize = n;
}

/* Compliant: allocate first, then free and publish. */
void resize_buffer_checked(lua_State *L, Core *C, size_t n) {
  char *fresh = luaM_malloc_(L, n, 0);
  luaM_free_(L, C->buffer, C->buffsize);
  C->buffer = fresh;
  C->buffsize = n;
}
