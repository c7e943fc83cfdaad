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
// Memory freshly allocated and held by one local pointer is state only once
// that pointer has escaped (stored, copied, passed to a function that may
// keep it): before, nobody else can see it.
//
// Locations are compared by name, not by alias analysis: a variable, or a
// field of a record type (any object of that type), or what a parameter
// points to -- also through a local pointer that only ever copies it.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_STATEMODEL_H
#define RECOVER_TIDY_CHECKS_MODEL_STATEMODEL_H

#include "checks/model/Vocabulary.h"

#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseMapInfo.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace clang {
class ASTContext;
class BinaryOperator;
class CallExpr;
class Expr;
class FunctionDecl;
class ParmVarDecl;
class QualType;
class RecordDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace recover::model {

/// Functions that free memory, with the argument that is freed.
class Deallocators {
public:
  /// Adds entries `name` or `name:N` (N counts arguments from 1), names
  /// being regular expressions as in NameSet.
  void addList(llvm::StringRef List, llvm::StringRef Option,
               llvm::SmallVectorImpl<VocabularyError> &Errors);
  /// The freed argument of \p Call, or null.
  const clang::Expr *freedArgument(const clang::CallExpr &Call) const;

private:
  struct Entry {
    NameSet Names;
    unsigned Arg;
  };
  std::vector<Entry> Entries;
};

/// The variable the lvalue expression \p E names directly, under
/// parentheses and implicit casts, if any.
const clang::VarDecl *namedVar(const clang::Expr *E);

/// \p Pointer with casts and pointer arithmetic taken off: `p` for `p`,
/// `(T *)p` and `p - 1 + n`.
const clang::Expr *arithmeticBase(const clang::Expr *Pointer);

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

/// The name by which messages, program facts and summaries know record
/// \p RD: its tag or typedef name, or that of the named record around an
/// anonymous one; empty when there is none.
std::string recordKey(const clang::RecordDecl *RD);

/// How messages name \p Loc when \p LValue writes it: a field reached
/// through struct members by the path from the record of the object it is
/// in (`S->buf.cap` is `State.buf.cap`, not `Buf.cap`); otherwise
/// Loc.name().
std::string pathName(const Location &Loc, const clang::Expr *LValue);

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
  /// For FrameLocal: the local.
  const clang::VarDecl *FrameVar = nullptr;
  /// When the memory is reached through a local pointer that only ever
  /// holds fresh allocations: that pointer.  The write is state only where
  /// the pointer's value may have escaped before it (FrameFacts::fresh).
  const clang::VarDecl *FreshOwner = nullptr;
  /// For FreshOwner: reached through a cursor into the owner's memory
  /// (FrameFacts::Cursors), not through the owner itself.  Such a write may
  /// be into a block the owner held before its latest value.
  bool ThroughCursor = false;
};

/// A local pointer whose every value is fresh memory (an allocation, or
/// null), and the uses through which that memory can become visible to
/// others.  Until one of them has run, what is written through the pointer
/// is seen by nobody: a longjmp only leaks it.
struct FreshPointer {
  /// Uses of the pointer's value that hand it on (stored, passed to a
  /// function that may keep it, copied); each a DeclRefExpr of the pointer.
  llvm::SmallVector<const clang::Stmt *, 2> Escapes;
};

/// What the translation unit's model knows of callees that fresh memory
/// needs (TranslationUnitModel answers).
class FreshCallees {
public:
  /// Whether \p Call returns memory nobody else holds yet.
  virtual bool returnsFreshMemory(const clang::CallExpr &Call) = 0;
  /// Whether the callee of \p Call may keep what its argument \p Index
  /// points into: store it, pass it on to a function that may, or return
  /// it.
  virtual bool mayKeepArgument(const clang::CallExpr &Call, unsigned Index) = 0;

protected:
  ~FreshCallees() = default;
};

/// Per-function facts the classification needs: which local pointers are
/// known to point at the frame's own locals, and which locals' addresses
/// escape.  Computed with one walk over the body.
class FrameFacts {
public:
  /// \p Callees tells the calls that return fresh memory and those that
  /// may keep an argument (used only while the facts are built);
  /// \p Deallocation adds the user's deallocators to the C library's.
  FrameFacts(const clang::FunctionDecl &FD, bool Recovers,
             FreshCallees &Callees, const Deallocators &Deallocation);

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
  /// Whether local \p V is given a copy of \p Loc somewhere in the function
  /// (`old = info->list;`).
  bool holdsCopyOf(const clang::VarDecl *V, Location Loc) const;
  const clang::FunctionDecl &function() const { return FD; }
  /// Whether the address of local \p V is stored or passed on.
  bool escapes(const clang::VarDecl *V) const { return Escaped.count(V); }
  /// The assignments and calls that store or pass on the address of local
  /// \p V, in source order; empty when it does not escape.
  llvm::ArrayRef<const clang::Stmt *>
  escapeSites(const clang::VarDecl *V) const {
    auto It = Escaped.find(V);
    return It == Escaped.end()
               ? llvm::ArrayRef<const clang::Stmt *>()
               : llvm::ArrayRef<const clang::Stmt *>(It->second);
  }
  /// The local variable (or parameter) whose own storage the lvalue \p E
  /// designates, through '.' and array subscripts; null otherwise.
  static const clang::VarDecl *localRoot(const clang::Expr *E);
  /// The fresh-memory facts of local pointer \p V, or null when \p V may
  /// hold something other than fresh memory or its address is taken.
  const FreshPointer *fresh(const clang::VarDecl *V) const {
    auto It = Fresh.find(V);
    return It == Fresh.end() ? nullptr : &It->second;
  }
  /// Whether statement \p S gives local \p V a new value (`V = ...` or
  /// its declaration with an initializer).
  static bool assigns(const clang::Stmt *S, const clang::VarDecl *V);
  /// Whether the assignment of \p LHS advances a free list's head past
  /// the block a fresh pointer has just taken off it (`head = p->next`):
  /// part of the allocation, which leaves the list whole.
  bool advancesFreeList(const clang::Expr *LHS) const;

private:
  const clang::FunctionDecl &FD;
  bool Recovers;
  /// Local pointers given a value that may point outside the frame.
  llvm::DenseSet<const clang::VarDecl *> OutsidePointers;
  /// Locals whose address is stored or passed on, with the assignments and
  /// calls that do it.
  llvm::DenseMap<const clang::VarDecl *,
                 llvm::SmallVector<const clang::Stmt *, 1>>
      Escaped;
  /// For local variables: the locations they were assigned a copy of.
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<Location, 1>>
      SavedFrom;
  /// Local pointers that only hold fresh memory.
  llvm::DenseMap<const clang::VarDecl *, FreshPointer> Fresh;
  /// Cursors: local pointers only ever given a pointer into what one fresh
  /// pointer (the value) holds, or their own value moved, and that hand
  /// nothing on (`out = buf + len; *out++ = c;`).
  llvm::DenseMap<const clang::VarDecl *, const clang::VarDecl *> Cursors;
  /// The left-hand sides (without parentheses and implicit casts) of the
  /// assignments that advance a free list past a fresh pointer's block.
  llvm::DenseSet<const clang::Expr *> FreeListAdvances;
  /// Local pointers that only hold a copy of one pointer parameter.
  llvm::DenseMap<const clang::VarDecl *, const clang::ParmVarDecl *>
      ParamCopies;
  /// The parameter \p V only ever copies, or \p V itself: where `*V` is.
  const clang::VarDecl *parameterCopied(const clang::VarDecl *V) const;
  friend class FrameFactsBuilder;
  friend class FreshPointerFinder;
};

/// If \p Call is a library function that writes through a destination
/// argument (memcpy, strcpy, sprintf, ...), that argument; else null.
const clang::Expr *writtenDestination(const clang::CallExpr &Call);

/// Whether \p Call returns memory nobody else holds yet: the C library's
/// allocators (malloc, calloc, realloc, strdup, ...), a function declared
/// `__attribute__((malloc))`, or one named in \p Allocation.
bool allocatesFreshMemory(const clang::CallExpr &Call,
                          const NameSet &Allocation);

/// Whether \p T is, contains, or points to a jmp_buf: stores of such values
/// push or pop error handlers.
bool involvesJmpBuf(clang::QualType T);

/// Whether \p E is the address of a local jmp_buf, or of a local object
/// holding one (or a part of it holding one): registering such an address
/// in state that outlives the frame makes a handler that can dangle.
bool isLocalHandlerAddress(const clang::Expr *E);

/// Whether the assignment \p BO takes a handler down: it stores into an
/// lvalue that holds or points to a jmp_buf, and is not part of a local
/// (where a handler record keeps the previous one), anything but the
/// address of a local jmp_buf -- the saved previous handler, or null.
bool isHandlerPop(const clang::BinaryOperator &BO);

/// Whether \p E is a null pointer constant or literal zero.
bool isNullValue(const clang::Expr *E, clang::ASTContext &Ctx);

/// The value of \p E if it is an integer constant expression.  (Asked
/// through isIntegerConstantExpr and EvaluateAsInt, which every supported
/// LLVM spells alike; getIntegerConstantExpr's optional type changed.)
std::optional<llvm::APSInt> integerConstant(const clang::Expr &E,
                                            const clang::ASTContext &Ctx);

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
