// A callee that can longjmp only when an integer parameter takes certain
// values (a "throw" flag, a size that needs an allocation) cannot longjmp
// at a call whose argument is a constant that rules those branches out:
// followed through a local set from the parameter at the top of the body,
// a conditional argument whose arms are both constants, and a caller that
// passes its own parameter on.  A parameter holds the caller's constant
// until the callee changes it; a local that may be read before it is set
// holds nothing known.
// RUN: %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include <setjmp.h>

#define FLAG_THROW 1u
#define FLAG_FORCE 2u

jmp_buf Env;
int Counter;

static void fail(void) { longjmp(Env, 1); }

// Throws only when asked to.
static int removeKey(int Key, unsigned Flags) {
  unsigned ThrowFlag;
  ThrowFlag = Flags & FLAG_THROW;
  if (Key < 0) {
    if (ThrowFlag)
      fail();
    return 0;
  }
  return 1;
}

void removeQuietly(int Key) {
  Counter++;
  removeKey(Key, 0);
}

void removeForced(int Key, int Force) {
  Counter++;
  removeKey(Key, Force ? FLAG_FORCE : 0);
}

void removeOrThrow(int Key) {
  Counter++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'removeKey' can longjmp
  // CHECK-MESSAGES: :[[@LINE-20]]:7: note: which can longjmp here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-29]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  removeKey(Key, FLAG_THROW);
}

void removeMaybeThrowing(int Key, int Strict) {
  Counter++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'removeKey' can longjmp
  // CHECK-MESSAGES: :[[@LINE-29]]:7: note: which can longjmp here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-38]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  removeKey(Key, Strict ? FLAG_THROW : 0);
}

void removeWithCallersFlags(int Key, unsigned Flags) {
  Counter++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'removeKey' can longjmp
  // CHECK-MESSAGES: :[[@LINE-38]]:7: note: which can longjmp here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-47]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  removeKey(Key, Flags);
}

// Passes its own flag on: the constant is followed one call further.
static int removeEither(int Key, int Throw) {
  return removeKey(Key, Throw ? FLAG_THROW : 0);
}

void removeThroughWrapper(int Key) {
  Counter++;
  removeEither(Key, 0);
}

void throwThroughWrapper(int Key) {
  Counter++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: a longjmp can follow here: 'removeEither' can longjmp
  // CHECK-MESSAGES: :[[@LINE-12]]:10: note: which can longjmp here: 'removeKey' can longjmp
  // CHECK-MESSAGES: :[[@LINE-58]]:7: note: which can longjmp here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-67]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  removeEither(Key, 1);
}

// Allocates, and can fail, only for a nonzero size.
static void resize(unsigned Size) {
  if (Size == 0)
    return;
  if (Size > 1000)
    fail();
}

void clear(void) {
  Counter = 0;
  resize(0);
}

void grow(void) {
  Counter = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'resize' can longjmp
  // CHECK-MESSAGES: :[[@LINE-12]]:5: note: which can longjmp here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-89]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  resize(2000);
}

// A parameter holds the caller's value until the callee changes it.
static void reserve(unsigned Size) {
  if (Size == 0)
    return;
  Size = Size * 2;
  if (Size > 1000)
    fail();
}

void reserveNothing(void) {
  Counter = 0;
  reserve(0);
}

// A recursion with the same constant can panic only through its other
// calls.
static int removeMapped(int Key, unsigned Flags);
static void unmap(int Key) {
  if (Key > 10)
    removeMapped(Key - 10, 0);
}
static int removeMapped(int Key, unsigned Flags) {
  unmap(Key);
  if (Key < 0 && (Flags & FLAG_THROW))
    fail();
  return 0;
}

void removeMappedQuietly(int Key) {
  Counter++;
  removeMapped(Key, 0);
}

void removeMappedOrThrow(int Key) {
  Counter++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'removeMapped' can longjmp
  // CHECK-MESSAGES: :[[@LINE-13]]:5: note: which can longjmp here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-131]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  removeMapped(Key, FLAG_THROW);
}

// A parameter the callee changes before the test no longer holds the
// caller's constant there.
static void retry(int Tries) {
  Tries += 1;
  if (Tries > 0)
    fail();
}

void retryOnce(void) {
  Counter++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'retry' can longjmp
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: which can longjmp here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-148]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  retry(0);
}

// A jump past the local's assignment: it may be read unset.
static void lateFlag(unsigned Flags, int X) {
  unsigned Throw;
  if (X > 0)
    goto check;
  Throw = Flags & FLAG_THROW;
check:
  if (Throw)
    fail();
}

void callLateFlag(int X) {
  Counter++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Counter' is changed here and a longjmp can follow that leaves the change behind; change it after the last call that can longjmp, or undo it on the recovery path [recover-unsafe-state-change]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: a longjmp can follow here: 'lateFlag' can longjmp
  // CHECK-MESSAGES: :[[@LINE-7]]:5: note: which can longjmp here: 'fail' can longjmp
  // CHECK-MESSAGES: :[[@LINE-168]]:26: note: which can longjmp here: 'longjmp' jumps to a recover point
  lateFlag(0, X);
}
