//===--- ValueStacks.cpp - slots of value stacks that every run resets ----===//
//
// Part of the shared setjmp/longjmp model.
//
// Spec.  Compilers and interpreters keep a value stack: an array and a
// pointer to its top, moved by pushes and pops (`++vtop; vtop->r = r;`,
// `vtop -= 2;`).  When the entry of every run sets that pointer afresh
// (tcc's tccgen_init: `vtop = vstack - 1;`), a run starts with an empty
// stack, and each push writes its slot before anything reads it.  So what
// a jump leaves in the slots, through the top pointer, is never observed:
// the next run overwrites a slot before it reads it.
//  - A stack pointer is a pointer variable with static storage, or a field
//    of what a parameter points to, that the program moves by `++`, `--`,
//    `+=` or `-=`, and that the entry of every run sets afresh
//    (RecoveryFacts.cpp).  The pointers a translation unit moves are its
//    `moved` facts; the program summary gives the moved pointers that the
//    program's entry sets afresh as `stack` lines.
//  - A slot write is a write of memory that the stack pointer reaches
//    directly: `p->f`, `p[i].f`, `*(p - 1)`, `p->a.b`, a library call's
//    destination `p - n`, inside the function or in a callee.  A write to
//    memory that a slot points to (`p->sym->c`) is not one: that memory
//    outlives the slot.
//  - Freeing what a slot holds is not a slot write: the freed memory is
//    somebody else's.
//
//===----------------------------------------------------------------------===//

#include "checks/model/TranslationUnitModel.h"

#include "checks/model/ProgramSummary.h"

#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace llvm;

namespace recover::model {

/// The pointer through which \p Written reaches the memory it designates,
/// with pointer arithmetic taken off: `p` for `p->f`, `p[i].f`, `*(p - 1)`
/// and `p->a.b`, and for a library call's destination `p - n`; null when
/// \p Written is a variable's own storage or a part of it.
static const Expr *reachingPointer(const Expr *Written) {
  const Expr *E = Written->IgnoreParenImpCasts();
  const Expr *Pointer = !E->isGLValue() && E->getType()->isPointerType()
                            ? E
                            : dereferencedPointer(E);
  return Pointer ? arithmeticBase(Pointer) : nullptr;
}

namespace {
/// The entry keys of the pointers that the bodies it walks move.
struct MovedPointerCollector : RecursiveASTVisitor<MovedPointerCollector> {
  const SourceManager &SM;
  StringSet<> &Keys;
  MovedPointerCollector(const SourceManager &SM, StringSet<> &Keys)
      : SM(SM), Keys(Keys) {}
  void moved(const Expr *E) {
    if (!E->getType()->isPointerType())
      return;
    if (std::optional<std::string> Key = entryKey(E, SM))
      Keys.insert(*Key);
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      moved(UO->getSubExpr());
    return true;
  }
  bool VisitCompoundAssignOperator(CompoundAssignOperator *CAO) {
    if (CAO->getOpcode() == BO_AddAssign || CAO->getOpcode() == BO_SubAssign)
      moved(CAO->getLHS());
    return true;
  }
};
} // namespace

const StringSet<> &TranslationUnitModel::movedPointers() {
  if (!MovedPointers) {
    MovedPointers.emplace();
    MovedPointerCollector Collector(context().getSourceManager(),
                                    *MovedPointers);
    for (const FunctionDecl *FD : functions())
      if (const FunctionDecl *Def = definition(FD))
        Collector.TraverseStmt(Def->getBody());
  }
  return *MovedPointers;
}

bool FunctionAnalysis::inResetStack(const Change &C,
                                    const ProgramSummary *Summary) const {
  if (C.Kind == ChangeKind::Free)
    return false;
  const Expr *Written = changedLValue(C);
  if (!Written)
    return false;
  const Expr *Pointer = reachingPointer(Written);
  if (!Pointer)
    return false;
  std::optional<std::string> Key =
      entryKey(Pointer, TU.context().getSourceManager());
  if (!Key)
    return false;
  if (Summary && Summary->resetStack(*Key))
    return true;
  return TU.movedPointers().count(*Key) &&
         (TU.setAfreshByLocalEntry(*Key) ||
          (Summary && Summary->setAfreshByEntry(*Key)));
}

} // namespace recover::model
