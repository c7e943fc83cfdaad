//===--- FreshMemory.cpp - local pointers that only hold fresh memory ----===//
//
// Part of the shared setjmp/longjmp model; see FreshMemory.h for the spec.
//
//===----------------------------------------------------------------------===//

#include "checks/model/FreshMemory.h"

#include "checks/model/Vocabulary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace recover::model {

/// Whether \p FD is the C library's: a builtin, or declared in a system
/// header.
static bool isCLibrary(const FunctionDecl *FD) {
  return FD->getBuiltinID() != 0 ||
         FD->getASTContext().getSourceManager().isInSystemHeader(
             FD->getLocation());
}

bool allocatesFreshMemory(const CallExpr &Call, const NameSet &Allocation) {
  const FunctionDecl *Callee = calledFunction(Call);
  if (!Callee || !Callee->getIdentifier())
    return false;
  // Clang spells __attribute__((malloc)) as RestrictAttr.
  if (Callee->hasAttr<RestrictAttr>() || Allocation.matches(Callee->getName()))
    return true;
  if (!isCLibrary(Callee))
    return false;
  return llvm::is_contained(
      llvm::ArrayRef<llvm::StringRef>{
          "malloc", "calloc", "realloc", "reallocarray", "aligned_alloc",
          "memalign", "valloc", "strdup", "strndup"},
      Callee->getName());
}

namespace {
/// What a use of a fresh pointer does with the memory it points to.
enum class FreshUse {
  /// Reads or writes it, compares the pointer, frees it, returns it, or
  /// gives the pointer a new value.
  Private,
  /// Hands a pointer into it on: stored, copied, or passed to a function
  /// that may keep it.
  Escapes,
  /// Takes the address of the pointer variable itself: anyone may change it.
  AddressTaken,
};
} // namespace

/// Local pointers and the fresh pointer each is a cursor of.
using CursorMap = llvm::DenseMap<const VarDecl *, const VarDecl *>;

/// How the use \p Use of local pointer variable \p V treats the memory \p V
/// points to, following the value up through casts, pointer arithmetic and
/// accesses of the pointed-to memory (whose address may be taken again).
/// Giving the value to a cursor of \p V in \p Cursors keeps it private.
static FreshUse classifyFreshUse(const DeclRefExpr *Use, const VarDecl *V,
                                 const ParentMap &PM,
                                 const Deallocators &Deallocation,
                                 const CursorMap &Cursors) {
  auto IsCursor = [&](const VarDecl *W) {
    auto It = Cursors.find(W);
    return It != Cursors.end() && It->second == V;
  };
  auto ParentOf = [&](const Stmt *S) {
    return PM.getParentIgnoreParens(const_cast<Stmt *>(S));
  };
  auto Is = [](const Expr *Child, const Stmt *S) {
    return Child && Child->IgnoreParens() == S;
  };
  // The variable itself, as an lvalue.
  const Stmt *Parent = ParentOf(Use);
  if (!Parent || isa<UnaryExprOrTypeTraitExpr>(Parent))
    return FreshUse::Private;
  if (const auto *UO = dyn_cast<UnaryOperator>(Parent))
    return UO->getOpcode() == UO_AddrOf   ? FreshUse::AddressTaken
           : UO->isIncrementDecrementOp() ? FreshUse::Private
                                          : FreshUse::Escapes;
  if (const auto *BO = dyn_cast<BinaryOperator>(Parent))
    if (BO->isAssignmentOp() && Is(BO->getLHS(), Use))
      return FreshUse::Private;
  const auto *Load = dyn_cast<ImplicitCastExpr>(Parent);
  if (!Load || Load->getCastKind() != CK_LValueToRValue)
    return FreshUse::Escapes;

  // From here, Value is a pointer into the memory.
  const Stmt *Value = Load;
  for (;;) {
    Parent = ParentOf(Value);
    if (!Parent)
      return FreshUse::Private;
    const Stmt *Inside = nullptr;
    if (const auto *Cast = dyn_cast<CastExpr>(Parent)) {
      if (Cast->getCastKind() == CK_PointerToBoolean)
        return FreshUse::Private;
      if (!Cast->getType()->isPointerType())
        return FreshUse::Escapes;
      Value = Parent;
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(Parent)) {
      if (BO->isComparisonOp() || BO->isLogicalOp())
        return FreshUse::Private;
      if (BO->getOpcode() == BO_Comma) {
        if (Is(BO->getLHS(), Value))
          return FreshUse::Private;
        Value = Parent;
        continue;
      }
      if (BO->isAdditiveOp()) {
        if (!BO->getType()->isPointerType())
          return FreshUse::Private;
        Value = Parent;
        continue;
      }
      if (BO->isAssignmentOp()) {
        const VarDecl *To = namedVar(BO->getLHS());
        return To && (To == V || IsCursor(To)) ? FreshUse::Private
                                               : FreshUse::Escapes;
      }
      return FreshUse::Escapes;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(Parent)) {
      if (UO->getOpcode() == UO_LNot)
        return FreshUse::Private;
      if (UO->getOpcode() != UO_Deref)
        return FreshUse::Escapes;
      Inside = UO;
    } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Parent)) {
      if (!Is(ASE->getBase(), Value))
        return FreshUse::Escapes;
      Inside = ASE;
    } else if (const auto *ME = dyn_cast<MemberExpr>(Parent)) {
      Inside = ME;
    } else if (const auto *CO = dyn_cast<AbstractConditionalOperator>(Parent)) {
      if (Is(CO->getCond(), Value))
        return FreshUse::Private;
      Value = Parent;
      continue;
    } else if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      if (Is(Call->getCallee(), Value))
        return FreshUse::Escapes;
      // The C library does not keep the pointers it is given.
      const FunctionDecl *Callee = calledFunction(*Call);
      if (Callee && isCLibrary(Callee))
        return FreshUse::Private;
      const Expr *Freed = Deallocation.freedArgument(*Call);
      return Freed && Freed->IgnoreParenCasts() ==
                          cast<Expr>(Value)->IgnoreParenCasts()
                 ? FreshUse::Private
                 : FreshUse::Escapes;
    } else if (const auto *DS = dyn_cast<DeclStmt>(Parent)) {
      // The initial value of a cursor.
      for (const Decl *D : DS->decls())
        if (const auto *W = dyn_cast<VarDecl>(D))
          if (W->getInit() == Value)
            return IsCursor(W) ? FreshUse::Private : FreshUse::Escapes;
      return FreshUse::Escapes;
    } else if (isa<ReturnStmt>(Parent) || isa<IfStmt>(Parent) ||
               isa<WhileStmt>(Parent) || isa<DoStmt>(Parent) ||
               isa<ForStmt>(Parent) || isa<SwitchStmt>(Parent)) {
      return FreshUse::Private;
    } else {
      return FreshUse::Escapes;
    }
    // Inside is an lvalue in the memory: using it is private unless its
    // address is taken (or it is an array that decays), which makes a
    // pointer into the memory again.
    for (;;) {
      Parent = ParentOf(Inside);
      if (const auto *ME = dyn_cast_or_null<MemberExpr>(Parent)) {
        if (!ME->isArrow()) {
          Inside = ME;
          continue;
        }
      }
      break;
    }
    const auto *Addr = dyn_cast_or_null<UnaryOperator>(Parent);
    const auto *Decay = dyn_cast_or_null<ImplicitCastExpr>(Parent);
    if ((Addr && Addr->getOpcode() == UO_AddrOf) ||
        (Decay && Decay->getCastKind() == CK_ArrayToPointerDecay)) {
      Value = Parent;
      continue;
    }
    return FreshUse::Private;
  }
}

bool FreshPointerFinder::isFreshValue(const Expr *Value) const {
  const auto *Call = dyn_cast<CallExpr>(Value->IgnoreParenCasts());
  return Call && allocatesFreshMemory(*Call, Allocation);
}

/// Adds the uses of the variables in \p Uses under \p S to their lists.
void FreshPointerFinder::collectUses(const Stmt *S, UseMap &Uses) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    auto It = Uses.find(dyn_cast<VarDecl>(Ref->getDecl()));
    if (It != Uses.end())
      It->second.push_back(Ref);
  }
  for (const Stmt *Child : S->children())
    if (Child)
      collectUses(Child, Uses);
}

/// The local pointer \p Value is the value of, through casts and pointer
/// arithmetic (`buf`, `buf + len`); null otherwise.
const VarDecl *FreshPointerFinder::pointerBase(const Expr *Value) {
  const auto *DRE = dyn_cast<DeclRefExpr>(arithmeticBase(Value));
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// The fresh pointer among \p Candidates that every value of local \p W
/// points into, when each is a pointer into it, W's own value moved, or
/// null; null otherwise.
const VarDecl *
FreshPointerFinder::cursorOwner(const VarDecl *W,
                                llvm::ArrayRef<const Expr *> Values,
                                const UseMap &Candidates) const {
  if (isa<ParmVarDecl>(W) || Candidates.count(W))
    return nullptr;
  const VarDecl *Owner = nullptr;
  for (const Expr *E : Values) {
    const VarDecl *From = pointerBase(E);
    if (From == W || (!From && isNullValue(E, W->getASTContext())))
      continue;
    if (!From || !Candidates.count(From) || (Owner && Owner != From))
      return nullptr;
    Owner = From;
  }
  return Owner;
}

void FreshPointerFinder::find(Stmt *Body,
                              const PointerValueMap &PointerValues) {
  // The candidates: local pointers whose every value is fresh or null.
  UseMap Uses;
  for (const auto &[V, Values] : PointerValues) {
    ASTContext &Ctx = V->getASTContext();
    if (llvm::any_of(Values, [&](const Expr *E) { return isFreshValue(E); }) &&
        llvm::all_of(Values, [&](const Expr *E) {
          return isFreshValue(E) || isNullValue(E, Ctx);
        }))
      Uses[V];
  }
  // Their uses and parents are looked up only in the functions that have
  // such a pointer.
  if (Uses.empty())
    return;
  CursorMap Cursors;
  for (const auto &[W, Values] : PointerValues)
    if (const VarDecl *Owner = cursorOwner(W, Values, Uses))
      Cursors.try_emplace(W, Owner);
  for (auto &[W, Owner] : Cursors)
    Uses[W];
  collectUses(Body, Uses);
  ParentMap PM(Body);
  // A cursor hands on nothing: each use keeps the memory private.
  const CursorMap None;
  for (auto It = Cursors.begin(); It != Cursors.end();) {
    auto Current = It++;
    const VarDecl *W = Current->first;
    if (llvm::any_of(Uses[W], [&](const DeclRefExpr *Use) {
          return classifyFreshUse(Use, W, PM, Deallocation, None) !=
                 FreshUse::Private;
        }))
      Cursors.erase(Current);
  }
  for (const auto &[V, Values] : PointerValues) {
    auto It = Uses.find(V);
    if (It == Uses.end() || Cursors.count(V))
      continue;
    FreshPointer F;
    bool AddressTaken = false;
    for (const DeclRefExpr *Use : It->second) {
      FreshUse U = classifyFreshUse(Use, V, PM, Deallocation, Cursors);
      if (U == FreshUse::AddressTaken)
        AddressTaken = true;
      else if (U == FreshUse::Escapes)
        F.Escapes.push_back(Use);
    }
    if (!AddressTaken)
      Facts.Fresh.try_emplace(V, std::move(F));
  }
  for (auto &[W, Owner] : Cursors)
    if (Facts.Fresh.count(Owner))
      Facts.Cursors.try_emplace(W, Owner);
}
} // namespace recover::model
