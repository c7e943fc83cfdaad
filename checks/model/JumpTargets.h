//===--- JumpTargets.h - what a longjmp jumps to, and with which value ----===//
//
// Part of the shared setjmp/longjmp model.  Depends on the Clang AST and the
// model, not on clang-tidy.
//
// Spec of the problems found on the longjmp side, one translation unit at a
// time (only the built-in longjmp family counts as a jump; a jmp_buf is named
// by a variable and the '.' fields below it):
//  1. Zero value.  The value is an integer constant expression equal to 0;
//     or a conditional expression with such an arm; or a local integer
//     variable, never address-taken, whose definition reaching the jump on
//     some CFG path (walked backwards) is one of those.  A path that passes
//     a test of the variable whose outcome excludes 0 (`if (v)`, `v != 0`,
//     a `case 3:` of a switch on it) on its way does not count.  setjmp
//     would return 1 instead (C11 7.13.2.1p4).
//  2. Unset buffer.  A local jmp_buf (or local struct holding one) whose
//     address goes nowhere but to setjmp/longjmp-family calls, library
//     copies and assignments, jumped to on a path from the function's entry
//     that passes neither a setjmp on it nor a write into it.  And a jmp_buf
//     with static storage duration and no linkage outside the translation
//     unit, named only as the direct first argument of setjmp/longjmp calls,
//     that `main` can jump to before any setjmp on it: a call-graph fixpoint
//     over "can reach a jump to B from entry before a setjmp on B"; a call of
//     a function that may set B (or of a pointer) ends the path.
//  3. Copied buffer.  A jump whose buffer's definition reaching it on some
//     path of the same function is a copy (memcpy-like from another jmp_buf,
//     assignment or initialisation of a struct holding one), not a setjmp.
//     For a buffer others can reach, a call of a function of the program in
//     between ends the path: it might call setjmp.
//  4. Other thread's buffer.  Code reachable (through direct calls) from a
//     thread start function jumps to a global jmp_buf that is not
//     thread-local, that some setjmp of the translation unit sets, and that
//     no setjmp in code reachable from that start function sets.
//  5. Signal handler.  Code reachable from a signal handler (passed to a
//     registration function, or stored into sa_handler/sa_sigaction) calls
//     plain longjmp/_longjmp, or siglongjmp on a global jmp_buf that only
//     setjmp (or sigsetjmp with a constant 0 savemask) sets: the signal
//     mask is not restored and the signal stays blocked (CERT SIG30-C).
// Each jump is reported at most once per problem; findings come in the
// order of the functions in the translation unit.  A function whose CFG
// cannot be built is left out.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_JUMPTARGETS_H
#define RECOVER_TIDY_CHECKS_MODEL_JUMPTARGETS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class FieldDecl;
class VarDecl;
} // namespace clang

namespace recover::model {

class Deallocators;
class TranslationUnitModel;

/// A jmp_buf as an argument names it: a variable and the '.' fields below
/// it (`ctx.env`), seen through '&', parentheses and casts.
struct BufferName {
  const clang::VarDecl *Root = nullptr;
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;

  bool valid() const { return Root != nullptr; }
  bool operator==(const BufferName &O) const {
    return Root == O.Root && Fields == O.Fields;
  }
  /// Whether a write of this object writes \p Inner too: the same root, and
  /// this path a prefix of \p Inner's.
  bool covers(const BufferName &Inner) const;
  /// How messages name it: 'env', 'ctx.env'.
  std::string spelling() const;
};

/// The buffer \p E names; invalid when it is reached through a pointer, a
/// subscript or a call.
BufferName bufferNamed(const clang::Expr *E);

/// One problem found at a jump, with the places that explain it.
struct JumpFinding {
  enum KindTy : unsigned char {
    ZeroValue,
    ZeroArm,
    ZeroVariable,
    UnsetBuffer,
    CopiedBuffer,
    OtherThreadBuffer,
    HandlerPlainLongjmp,
    HandlerUnsavedMask,
  };
  enum NoteKind : unsigned char {
    /// The arm of a conditional that is 0.
    ZeroArmHere,
    /// Where the variable is given the value 0.
    ZeroDefinition,
    /// A setjmp on the buffer, not on the reported path.
    SetElsewhere,
    /// A local buffer that no setjmp sets.
    DeclaredUnset,
    /// The copy into the buffer.
    CopiedHere,
    /// A setjmp on the buffer outside the thread.
    SetOutsideThread,
    /// The call that starts the thread.
    ThreadStarted,
    /// The registration of the signal handler.
    HandlerInstalled,
    /// A setjmp that does not save the signal mask.
    SavedWithoutMask,
    /// A call on the chain from the function named to the jump.
    ReachedThrough,
  };
  struct Note {
    NoteKind Kind;
    clang::SourceLocation Loc;
    /// The buffer, variable or function the note names.
    std::string Name;
  };

  KindTy Kind = ZeroValue;
  /// The longjmp-family call.
  const clang::CallExpr *Jump = nullptr;
  /// The buffer jumped to, or for ZeroVariable the variable passed.
  std::string Buffer;
  /// The function the problem is seen from: the jump's own function, main,
  /// the thread start function or the signal handler.
  std::string Function;
  llvm::SmallVector<Note, 3> Notes;
};

/// The problems of the translation unit of \p TU; see the file comment.
/// \p ThreadStarts names the functions that start a thread, with the
/// argument that is its start function (`pthread_create:3`);
/// \p SignalRegistrations those that install a signal handler.
std::vector<JumpFinding>
findJumpTargetProblems(TranslationUnitModel &TU,
                       const Deallocators &ThreadStarts,
                       const Deallocators &SignalRegistrations);

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_JUMPTARGETS_H
