//===--- FreshMemory.h - local pointers that only hold fresh memory ------===//
//
// Part of the shared setjmp/longjmp model; used by StateModel.cpp to fill
// FrameFacts.
//
// Spec.  Memory the function has just allocated and holds only in a local
// pointer is nobody else's until the pointer escapes: it is stored,
// copied, passed to a function that may keep it, or has its address
// taken.  A write into the memory before then is not a state change: a
// longjmp only leaks it.  Allocated: by the C library's allocators,
// AllocationFunctions, or a constructor of the translation unit, whose
// every return value is such memory (returnsFreshMemory).  May keep: any
// function but the C library, DeallocationFunctions, and one of the
// translation unit that keeps nothing of that parameter (keepsParameter).
// The translation unit's model (FreshCallees) answers both, once per
// callee.  A pointer whose every value is fresh or null is such a fresh
// pointer (FrameFacts::Fresh, with the escapes of its value); a new
// allocation starts over (FunctionAnalysis::isStateAt).  A cursor into it
// -- a local pointer only ever given a pointer into what one fresh pointer
// holds (`out = buf`, `out = buf + len`) or its own value moved, that
// hands nothing on -- writes where its owner does (FrameFacts::Cursors).
// A block taken off a free list that a call refills when it runs empty
// (`(p = head) ? (head = p->next) : (p = more())`) is fresh as well: the
// list no longer holds it, and the assignment that advances the head past
// it is the allocation, not a change (FrameFacts::FreeListAdvances).  The
// refill is what tells a pool from a live list, whose first element
// others may still reach.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_FRESHMEMORY_H
#define RECOVER_TIDY_CHECKS_MODEL_FRESHMEMORY_H

#include "checks/model/StateModel.h"

#include "clang/AST/ParentMap.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace clang {
class DeclRefExpr;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace recover::model {

/// The values each local pointer variable of a body is given, in the order
/// of the body.
using PointerValueMap =
    llvm::MapVector<const clang::VarDecl *,
                    llvm::SmallVector<const clang::Expr *, 2>>;

/// Finds the fresh pointers of a body and the cursors into their memory.
class FreshPointerFinder {
public:
  FreshPointerFinder(FrameFacts &Facts, FreshCallees &Callees,
                     const Deallocators &Deallocation)
      : Facts(Facts), Callees(Callees), Deallocation(Deallocation) {}

  /// Fills FrameFacts::Fresh and FrameFacts::Cursors for \p Body, whose
  /// local pointers are given the values \p PointerValues.
  void find(clang::Stmt *Body, const PointerValueMap &PointerValues);

  /// The uses of each variable, in the order of the body.
  using UseMap =
      llvm::DenseMap<const clang::VarDecl *,
                     llvm::SmallVector<const clang::DeclRefExpr *, 4>>;
  /// Adds the uses under \p S of the variables in \p Uses to their lists.
  static void collectUses(const clang::Stmt *S, UseMap &Uses);

private:
  bool isFreshValue(const clang::Expr *Value) const;
  /// Whether local \p V, given \p Values, holds a block taken off a free
  /// list that a call refills: every value is a load of one head, a call
  /// or null, with at least one load and one call, and every load (and
  /// every call that is not an allocation) is followed by an assignment
  /// that advances the head past V's block (`head = V->next`), with V only
  /// tested or given a new value between.  Fills \p Advances with those
  /// assignments' left-hand sides; \p PM is built on first use.
  bool
  isFreeListPop(const clang::VarDecl *V,
                llvm::ArrayRef<const clang::Expr *> Values,
                const clang::Stmt *Body, std::optional<clang::ParentMap> &PM,
                llvm::SmallVectorImpl<const clang::Expr *> &Advances) const;
  static const clang::VarDecl *pointerBase(const clang::Expr *Value);
  const clang::VarDecl *cursorOwner(const clang::VarDecl *W,
                                    llvm::ArrayRef<const clang::Expr *> Values,
                                    const UseMap &Candidates) const;

  FrameFacts &Facts;
  FreshCallees &Callees;
  const Deallocators &Deallocation;
};

/// Whether every value that \p FD returns is fresh memory: a call that
/// \p Callees says returns it, a fresh pointer of its body
/// (FrameFacts::fresh) that hands its memory on nowhere, or null -- and at
/// least one is not null.  A caller may then take what it returns for an
/// allocation.
bool returnsFreshMemory(const clang::FunctionDecl &FD, bool Recovers,
                        FreshCallees &Callees,
                        const Deallocators &Deallocation);

/// Whether \p FD may keep what its pointer parameter \p Index points into:
/// a use of the parameter's value, or of a pointer derived from it, that
/// stores it, copies it, returns it, passes it to a call that may keep it
/// (\p Callees) or takes the parameter's address.  Reading and writing
/// through it, comparing it, and passing it to the C library or a
/// deallocator keep nothing.
bool keepsParameter(const clang::FunctionDecl &FD, unsigned Index,
                    FreshCallees &Callees, const Deallocators &Deallocation);

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_FRESHMEMORY_H
