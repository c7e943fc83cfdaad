//===--- FreshMemory.h - local pointers that only hold fresh memory ------===//
//
// Part of the shared setjmp/longjmp model; used by StateModel.cpp to fill
// FrameFacts.
//
// Spec.  Memory the function has just allocated (allocatesFreshMemory) and
// holds only in a local pointer is nobody else's until the pointer
// escapes: it is stored, copied, passed to a function that may keep it
// (anything but the C library and DeallocationFunctions), or has its
// address taken.  A write into it before then is not a state change: a
// longjmp only leaks it.  A pointer whose every value is fresh or null is
// such a fresh pointer (FrameFacts::Fresh, with the escapes of its value);
// a new allocation starts over (FunctionAnalysis::isStateAt).  A cursor
// into it -- a local pointer only ever given a pointer into what one fresh
// pointer holds (`out = buf`, `out = buf + len`) or its own value moved,
// that hands nothing on -- writes where its owner does
// (FrameFacts::Cursors).
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_FRESHMEMORY_H
#define RECOVER_TIDY_CHECKS_MODEL_FRESHMEMORY_H

#include "checks/model/StateModel.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"

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
  FreshPointerFinder(FrameFacts &Facts, const NameSet &Allocation,
                     const Deallocators &Deallocation)
      : Facts(Facts), Allocation(Allocation), Deallocation(Deallocation) {}

  /// Fills FrameFacts::Fresh and FrameFacts::Cursors for \p Body, whose
  /// local pointers are given the values \p PointerValues.
  void find(clang::Stmt *Body, const PointerValueMap &PointerValues);

private:
  using UseMap =
      llvm::DenseMap<const clang::VarDecl *,
                     llvm::SmallVector<const clang::DeclRefExpr *, 4>>;
  bool isFreshValue(const clang::Expr *Value) const;
  static void collectUses(const clang::Stmt *S, UseMap &Uses);
  static const clang::VarDecl *pointerBase(const clang::Expr *Value);
  const clang::VarDecl *cursorOwner(const clang::VarDecl *W,
                                    llvm::ArrayRef<const clang::Expr *> Values,
                                    const UseMap &Candidates) const;

  FrameFacts &Facts;
  const NameSet &Allocation;
  const Deallocators &Deallocation;
};

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_FRESHMEMORY_H
