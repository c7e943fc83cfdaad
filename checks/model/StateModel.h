//===--- StateModel.h - which writes change state that outlives a jump ----===//
//
// Part of the shared setjmp/longjmp model.
//
// State is what survives a longjmp out of the current frame: objects with
// static storage duration, and memory reached through a pointer that can be
// seen outside the frame (parameters, globals, call results, heap).  The
// frame's own locals are not state; nor is memory reached through a pointer
// known to point at them.  A local whose address escaped is state only to a
// function that recovers itself, since only its recovery path can see it.
//
// Locations are compared by name, not by alias analysis: a variable, or a
// field of a record type (any object of that type), or what a parameter
// points to.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_STATEMODEL_H
#define RECOVER_TIDY_CHECKS_MODEL_STATEMODEL_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseMapInfo.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class QualType;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace recover::model {

/// A place that a write changes, as the model names it.
struct Location {
  enum KindTy : unsigned char { None, Variable, Field, Pointee };
  KindTy Kind = None;
  /// The variable (Variable), the field (Field), or the pointer parameter or
  /// variable whose target is written (Pointee).
  const clang::ValueDecl *Decl = nullptr;

  bool valid() const { return Kind != None; }
  bool operator==(const Location &O) const {
    return Kind == O.Kind && Decl == O.Decl;
  }
  bool operator!=(const Location &O) const { return !(*this == O); }
  /// How messages name it: 'balance', 'state.top', '*out'.
  std::string name() const;
  /// The bare name, matched against IgnoredState.
  llvm::StringRef plainName() const;
  /// For memory reached through a pointer to a record (`*P` with `P` a
  /// `struct scan *`), the record's name; empty otherwise.
  llvm::StringRef pointeeRecordName() const;
};

/// The target of a write, classified.
struct Target {
  Location Loc;
  /// Whether the write changes state that outlives the frame.
  bool IsState = false;
  /// When the written memory is reached through a pointer parameter: its
  /// index, so a caller can tell whether the argument it passed is state.
  int ParamIndex = -1;
  /// State only because the frame's own recovery path can see it: a local
  /// whose address escaped, in a function that recovers.  A panic that
  /// leaves the frame makes such a change invisible.
  bool FrameLocal = false;
};

/// Per-function facts the classification needs: which local pointers are
/// known to point at the frame's own locals, and which locals' addresses
/// escape.  Computed with one walk over the body.
class FrameFacts {
public:
  FrameFacts(const clang::FunctionDecl &FD, bool Recovers);

  /// Classifies the lvalue \p LHS being written.
  Target classifyWrite(const clang::Expr *LHS) const;
  /// Classifies the memory a pointer-valued \p Pointer points at.
  Target classifyPointee(const clang::Expr *Pointer) const;
  /// Whether the pointer value \p Pointer may point at memory visible
  /// outside the frame.
  bool pointsOutside(const clang::Expr *Pointer) const;
  /// The location an lvalue read names, whether or not it is state.
  Location locationOf(const clang::Expr *LValue) const;
  /// Whether the assignment of \p RHS to \p LHS puts back a value saved from
  /// the same location earlier in the function (`saved = g; ... g = saved;`).
  bool isRestore(const clang::Expr *LHS, const clang::Expr *RHS) const;
  const clang::FunctionDecl &function() const { return FD; }
  /// Whether the address of local \p V is stored or passed on.
  bool escapes(const clang::VarDecl *V) const { return Escaped.count(V); }
  /// The local variable (or parameter) whose own storage the lvalue \p E
  /// designates, through '.' and array subscripts; null otherwise.
  static const clang::VarDecl *localRoot(const clang::Expr *E);

private:
  const clang::FunctionDecl &FD;
  bool Recovers;
  /// Local pointers given a value that may point outside the frame.
  llvm::DenseSet<const clang::VarDecl *> OutsidePointers;
  /// Locals whose address is stored or passed on.
  llvm::DenseSet<const clang::VarDecl *> Escaped;
  /// For local variables: the locations they were assigned a copy of.
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<Location, 1>>
      SavedFrom;
  friend class FrameFactsBuilder;
};

/// If \p Call is a library function that writes through a destination
/// argument (memcpy, strcpy, sprintf, ...), that argument; else null.
const clang::Expr *writtenDestination(const clang::CallExpr &Call);

/// Whether \p T is, contains, or points to a jmp_buf: stores of such values
/// push or pop error handlers.
bool involvesJmpBuf(clang::QualType T);

/// Whether \p E is the address of a local jmp_buf, or of a local object
/// holding one (or a part of it holding one): registering such an address
/// in state that outlives the frame makes a handler that can dangle.
bool isLocalHandlerAddress(const clang::Expr *E);

/// Whether \p E is a null pointer constant or literal zero.
bool isNullValue(const clang::Expr *E, clang::ASTContext &Ctx);

} // namespace recover::model

namespace llvm {
template <> struct DenseMapInfo<recover::model::Location> {
  using Loc = recover::model::Location;
  static Loc getEmptyKey() {
    return {Loc::None, DenseMapInfo<const clang::ValueDecl *>::getEmptyKey()};
  }
  static Loc getTombstoneKey() {
    return {Loc::None,
            DenseMapInfo<const clang::ValueDecl *>::getTombstoneKey()};
  }
  static unsigned getHashValue(const Loc &L) {
    return DenseMapInfo<const clang::ValueDecl *>::getHashValue(L.Decl) ^
           L.Kind;
  }
  static bool isEqual(const Loc &A, const Loc &B) { return A == B; }
};
} // namespace llvm

#endif // RECOVER_TIDY_CHECKS_MODEL_STATEMODEL_H
