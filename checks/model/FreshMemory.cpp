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

#include <optional>

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

namespace {
/// What classifyFreshUse() needs to know of the body and its callees.
struct UseContext {
  const ParentMap &PM;
  const Deallocators &Deallocation;
  /// Cursors of the pointer: giving them its value keeps it private.
  const CursorMap &Cursors;
  FreshCallees &Callees;
  /// Whether returning the value hands it on: for a parameter, which the
  /// caller still holds, but not for a fresh local.
  bool ReturnHandsOn = false;
};
} // namespace

/// How the use \p Use of pointer variable \p V treats the memory \p V
/// points to, following the value up through casts, pointer arithmetic and
/// accesses of the pointed-to memory (whose address may be taken again).
static FreshUse classifyFreshUse(const DeclRefExpr *Use, const VarDecl *V,
                                 const UseContext &Context) {
  const ParentMap &PM = Context.PM;
  auto IsCursor = [&](const VarDecl *W) {
    auto It = Context.Cursors.find(W);
    return It != Context.Cursors.end() && It->second == V;
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
    // A value nobody uses: `(void)memset(p, 0, n);`, or a statement.
    if (isa<CompoundStmt>(Parent))
      return FreshUse::Private;
    if (const auto *Cast = dyn_cast<CastExpr>(Parent)) {
      if (Cast->getCastKind() == CK_PointerToBoolean ||
          Cast->getCastKind() == CK_ToVoid)
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
      // The C library does not keep the pointers it is given, but may
      // return one into the same memory (strchr, memcpy): a caller holding
      // the pointer would hold that too.
      const FunctionDecl *Callee = calledFunction(*Call);
      if (Callee && isCLibrary(Callee)) {
        if (!Context.ReturnHandsOn || !Call->getType()->isPointerType())
          return FreshUse::Private;
        Value = Parent;
        continue;
      }
      const Expr *Freed = Context.Deallocation.freedArgument(*Call);
      if (Freed &&
          Freed->IgnoreParenCasts() == cast<Expr>(Value)->IgnoreParenCasts())
        return FreshUse::Private;
      // A callee that only reads and writes through its parameter.
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (Is(Call->getArg(I), Value))
          return Context.Callees.mayKeepArgument(*Call, I) ? FreshUse::Escapes
                                                           : FreshUse::Private;
      return FreshUse::Escapes;
    } else if (const auto *DS = dyn_cast<DeclStmt>(Parent)) {
      // The initial value of a cursor.
      for (const Decl *D : DS->decls())
        if (const auto *W = dyn_cast<VarDecl>(D))
          if (W->getInit() == Value)
            return IsCursor(W) ? FreshUse::Private : FreshUse::Escapes;
      return FreshUse::Escapes;
    } else if (isa<ReturnStmt>(Parent)) {
      return Context.ReturnHandsOn ? FreshUse::Escapes : FreshUse::Private;
    } else if (isa<IfStmt>(Parent) || isa<WhileStmt>(Parent) ||
               isa<DoStmt>(Parent) || isa<ForStmt>(Parent) ||
               isa<SwitchStmt>(Parent)) {
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

/// The lvalue whose stored value \p Value loads, through parentheses and
/// casts (`(T *)head`, `nextfree[id].freep`); null when \p Value is not a
/// load, or loads a local variable (a copy, not a list's head).
static const Expr *loadedLocation(const Expr *Value) {
  const Expr *E = Value->IgnoreParens();
  while (const auto *Cast = dyn_cast<CastExpr>(E)) {
    if (Cast->getCastKind() == CK_LValueToRValue) {
      const Expr *L = Cast->getSubExpr()->IgnoreParens();
      const VarDecl *V = namedVar(L);
      return V && !V->hasGlobalStorage() ? nullptr : L;
    }
    E = Cast->getSubExpr()->IgnoreParens();
  }
  return nullptr;
}

/// Whether lvalues \p A and \p B are spelled alike.
static bool spelledAlike(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  llvm::FoldingSetNodeID IA, IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

/// Whether use \p Use of a pointer only tests it (`!p`, `p == NULL`,
/// `if (p)`) or gives it a new value.
static bool onlyTestsOrAssigns(const DeclRefExpr *Use, const ParentMap &PM) {
  const Stmt *Parent = PM.getParentIgnoreParens(const_cast<DeclRefExpr *>(Use));
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent))
    return BO->getOpcode() == BO_Assign && BO->getLHS()->IgnoreParens() == Use;
  const auto *Load = dyn_cast_or_null<ImplicitCastExpr>(Parent);
  if (!Load || Load->getCastKind() != CK_LValueToRValue)
    return false;
  Parent = PM.getParentIgnoreParens(const_cast<ImplicitCastExpr *>(Load));
  if (const auto *Cast = dyn_cast_or_null<CastExpr>(Parent))
    return Cast->getCastKind() == CK_PointerToBoolean;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Parent))
    return UO->getOpcode() == UO_LNot;
  const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent);
  return BO && BO->isEqualityOp();
}

namespace {
/// Finds where a local pointer is taken off a free list: the body's
/// values of the pointer, its uses and the advances of the list's head,
/// in the order of the body.
class FreeListPopFinder {
public:
  FreeListPopFinder(const VarDecl *V, const Expr *Head,
                    llvm::ArrayRef<const Expr *> Pending, const ParentMap &PM)
      : V(V), Head(Head), Pending(Pending), PM(PM) {}

  /// The assignments that advance the head past V's block, when each value
  /// in Pending is followed by one, with V only tested or given a new value
  /// between; false otherwise.
  bool find(const Stmt *Body, llvm::SmallVectorImpl<const Expr *> &Advances) {
    walk(Body, Advances);
    return !Failed && !Waiting;
  }

private:
  void walk(const Stmt *S, llvm::SmallVectorImpl<const Expr *> &Advances) {
    if (Failed)
      return;
    if (const auto *E = dyn_cast<Expr>(S); E && llvm::is_contained(Pending, E))
      Waiting = true;
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && isAdvance(*BO)) {
      Advances.push_back(BO->getLHS()->IgnoreParenImpCasts());
      Waiting = false;
    }
    if (const auto *Use = dyn_cast<DeclRefExpr>(S);
        Use && Use->getDecl() == V && Waiting && !onlyTestsOrAssigns(Use, PM))
      Failed = true;
    for (const Stmt *Child : S->children())
      if (Child)
        walk(Child, Advances);
  }

  /// `Head = V->F` (or `V->Link.Next`, a member of an anonymous union),
  /// through parentheses and casts.
  bool isAdvance(const BinaryOperator &BO) const {
    if (BO.getOpcode() != BO_Assign)
      return false;
    const auto *ME = dyn_cast<MemberExpr>(BO.getRHS()->IgnoreParenCasts());
    while (ME && !ME->isArrow())
      ME = dyn_cast<MemberExpr>(ME->getBase()->IgnoreParenImpCasts());
    if (!ME)
      return false;
    const auto *Base = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenCasts());
    return Base && Base->getDecl() == V &&
           spelledAlike(BO.getLHS(), Head, V->getASTContext());
  }

  const VarDecl *V;
  const Expr *Head;
  llvm::ArrayRef<const Expr *> Pending;
  const ParentMap &PM;
  bool Waiting = false;
  bool Failed = false;
};
} // namespace

bool FreshPointerFinder::isFreeListPop(
    const VarDecl *V, llvm::ArrayRef<const Expr *> Values, const Stmt *Body,
    std::optional<ParentMap> &PM,
    llvm::SmallVectorImpl<const Expr *> &Advances) const {
  ASTContext &Ctx = V->getASTContext();
  const Expr *Head = nullptr;
  bool Refilled = false;
  // The values that the head must be advanced past: the loads of the head,
  // and refills that are not fresh themselves (a new pool linked into the
  // list, whose head is then taken).
  llvm::SmallVector<const Expr *, 2> Pending;
  for (const Expr *E : Values) {
    if (isNullValue(E, Ctx))
      continue;
    if (isa<CallExpr>(E->IgnoreParenCasts())) {
      Refilled = true;
      if (!isFreshValue(E))
        Pending.push_back(E);
      continue;
    }
    const Expr *Loaded = loadedLocation(E);
    if (!Loaded || (Head && !spelledAlike(Loaded, Head, Ctx)))
      return false;
    Head = Loaded;
    Pending.push_back(E);
  }
  if (!Head || !Refilled)
    return false;
  if (!PM)
    PM.emplace(const_cast<Stmt *>(Body));
  return FreeListPopFinder(V, Head, Pending, *PM).find(Body, Advances);
}

bool FreshPointerFinder::isFreshValue(const Expr *Value) const {
  const auto *Call = dyn_cast<CallExpr>(Value->IgnoreParenCasts());
  return Call && Callees.returnsFreshMemory(*Call);
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
  // The candidates: local pointers whose every value is fresh or null, or
  // a block taken off a free list.
  UseMap Uses;
  std::optional<ParentMap> PopParents;
  llvm::SmallDenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 1>, 2>
      Advances;
  for (const auto &[V, Values] : PointerValues) {
    ASTContext &Ctx = V->getASTContext();
    if (llvm::any_of(Values, [&](const Expr *E) { return isFreshValue(E); }) &&
        llvm::all_of(Values, [&](const Expr *E) {
          return isFreshValue(E) || isNullValue(E, Ctx);
        })) {
      Uses[V];
      continue;
    }
    llvm::SmallVector<const Expr *, 1> Advanced;
    if (isFreeListPop(V, Values, Body, PopParents, Advanced)) {
      Uses[V];
      Advances[V] = std::move(Advanced);
    }
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
  if (!PopParents)
    PopParents.emplace(Body);
  const ParentMap &PM = *PopParents;
  // A cursor hands on nothing: each use keeps the memory private.
  const CursorMap None;
  const UseContext CursorContext{PM, Deallocation, None, Callees};
  const UseContext Context{PM, Deallocation, Cursors, Callees};
  for (auto It = Cursors.begin(); It != Cursors.end();) {
    auto Current = It++;
    const VarDecl *W = Current->first;
    if (llvm::any_of(Uses[W], [&](const DeclRefExpr *Use) {
          return classifyFreshUse(Use, W, CursorContext) != FreshUse::Private;
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
      FreshUse U = classifyFreshUse(Use, V, Context);
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
  // Taking a block off the list is the allocation, once the block is
  // the pointer's alone.
  for (auto &[V, Advanced] : Advances)
    if (Facts.Fresh.count(V))
      Facts.FreeListAdvances.insert(Advanced.begin(), Advanced.end());
}
/// Adds the return statements under \p S to \p Returns.
static void collectReturns(const Stmt *S,
                           llvm::SmallVectorImpl<const ReturnStmt *> &Returns) {
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    Returns.push_back(Return);
  for (const Stmt *Child : S->children())
    if (Child)
      collectReturns(Child, Returns);
}

bool returnsFreshMemory(const FunctionDecl &FD, bool Recovers,
                        FreshCallees &Callees,
                        const Deallocators &Deallocation) {
  const Stmt *Body = FD.getBody();
  if (!Body || !FD.getReturnType()->isPointerType())
    return false;
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  collectReturns(Body, Returns);
  ASTContext &Ctx = FD.getASTContext();
  std::optional<FrameFacts> Facts;
  bool SomeFresh = false;
  for (const ReturnStmt *Return : Returns) {
    const Expr *Value = Return->getRetValue();
    if (!Value)
      return false;
    if (isNullValue(Value, Ctx))
      continue;
    const Expr *Stripped = Value->IgnoreParenCasts();
    if (const auto *Call = dyn_cast<CallExpr>(Stripped)) {
      if (!Callees.returnsFreshMemory(*Call))
        return false;
      SomeFresh = true;
      continue;
    }
    const VarDecl *V = namedVar(Stripped);
    if (!V || V->hasGlobalStorage() || isa<ParmVarDecl>(V))
      return false;
    if (!Facts)
      Facts.emplace(FD, Recovers, Callees, Deallocation);
    const FreshPointer *F = Facts->fresh(V);
    if (!F || !F->Escapes.empty())
      return false;
    SomeFresh = true;
  }
  return SomeFresh;
}

bool keepsParameter(const FunctionDecl &FD, unsigned Index,
                    FreshCallees &Callees, const Deallocators &Deallocation) {
  Stmt *Body = FD.getBody();
  if (!Body || Index >= FD.getNumParams())
    return true;
  const ParmVarDecl *P = FD.getParamDecl(Index);
  if (!P->getType()->isPointerType())
    return true;
  FreshPointerFinder::UseMap Uses;
  Uses[P];
  FreshPointerFinder::collectUses(Body, Uses);
  if (Uses[P].empty())
    return false;
  ParentMap PM(Body);
  const CursorMap None;
  const UseContext Context{PM, Deallocation, None, Callees,
                           /*ReturnHandsOn=*/true};
  return llvm::any_of(Uses[P], [&](const DeclRefExpr *Use) {
    return classifyFreshUse(Use, P, Context) != FreshUse::Private;
  });
}
} // namespace recover::model
