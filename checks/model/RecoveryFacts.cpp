//===--- RecoveryFacts.cpp - what runs after a jump sees of a change ------===//
//
// Part of the shared setjmp/longjmp model.
//
// Spec.  A change that a longjmp leaves behind matters only if something
// observes it half-done after the recovery that the program performs.  The
// facts kept here say when nothing does:
//  - Set afresh by each run.  A plain assignment `X = E` (E not reading X)
//    inside a protected region of F's own recover point (F is the entry of
//    the run), to an object F names alike on every run, where F on no path
//    from its entry reads X before writing it: every run of F gives X a new
//    value before F uses it, so the value a jump leaves behind is
//    overwritten by F's next run before F reads it.
//    A read is an rvalue use of X, a compound assignment or increment of X,
//    taking X's address, or a call of a function of the translation unit
//    that names X anywhere in its body or its callees' (refersTo()).  X is
//    named as the model names locations: a field of any object of its type.
//    This is the per-function form of "state re-initialised on entry"; an
//    update of memory that F has just allocated is never set afresh by F's
//    next run (that run allocates anew), so it does not count.
//  - Discarded by recovery.  A write to an object that the recovery path of
//    the protecting recover point, in the same function, destroys: passes a
//    pointer to it to a deallocator, or to a function of the translation
//    unit that frees what that parameter points to (tjDestroy(handle) at a
//    bailout label).  Objects are followed through locals that only hold
//    addresses derived from one another (`dinfo = &this->dinfo`,
//    `this = (T *)handle`).  And what a pointer parameter points to, when
//    that recovery path returns a value: the caller is told that the call
//    failed, and does not use the outputs of a failed call.
//  - Set afresh by the entry of the run.  The functions that a protected
//    region calls directly are the entry of each run: a location that one
//    of them assigns in a statement of its body's top level, before any
//    statement that names it (or calls a function of the translation unit
//    that names it), is set afresh by every run that gets that far --
//    tcc_compile's region calls tccgen_compile, which starts with
//    `nocode_wanted = 0x80000000;`.  Such a location is named by a key
//    that other translation units can match (entryKey()): a variable with
//    static storage by its name (`name@file` with internal linkage), a
//    field of the object a parameter points to by `record.field` (the run's
//    context object: `s1->include_stack_ptr`).  The keys of every
//    translation unit meet in the program summary (`afresh` facts).  A key
//    that one of those functions names before setting it, or without
//    (`readfirst` facts), is not set afresh.
//  - A torn update (F writes the same object again later in the same pass)
//    leaves an intermediate value, which the next run overwrites but code
//    that runs between two runs would read: a busy flag that a status
//    query looks at after the failed call.  So a torn update is set afresh
//    only when the same location is written again (an update completed in
//    another field stays inconsistent with it), and the program summary
//    says which functions run outside every protected region, and none of
//    this translation unit's names it (tornValueUnseen()): a value stack's
//    top raised by a push and lowered by the pop the jump skips.
//  - Seen by recovery.  An escaped local of a function that recovers is
//    state only while code on the recovery path can see it: the local is in
//    scope at the recover point, and that code names it or calls a
//    function outside the system headers.
//
//===----------------------------------------------------------------------===//

#include "checks/model/TranslationUnitModel.h"

#include "checks/model/ProgramSummary.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <set>

using namespace clang;
using namespace llvm;

namespace recover::model {

namespace {
/// Collects what a function body names and calls.
struct ReferenceCollector : RecursiveASTVisitor<ReferenceCollector> {
  DenseSet<const ValueDecl *> &Named;
  SmallVectorImpl<const FunctionDecl *> &Called;
  ReferenceCollector(DenseSet<const ValueDecl *> &Named,
                     SmallVectorImpl<const FunctionDecl *> &Called)
      : Named(Named), Called(Called) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (isa<VarDecl>(E->getDecl()))
      Named.insert(E->getDecl());
    else if (const auto *FD = dyn_cast<FunctionDecl>(E->getDecl()))
      Called.push_back(FD);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (isa<FieldDecl>(E->getMemberDecl()))
      Named.insert(E->getMemberDecl());
    return true;
  }
};
} // namespace

const TranslationUnitModel::References &
TranslationUnitModel::references(const FunctionDecl *FD) {
  auto [It, New] = Refs.try_emplace(FD);
  if (New) {
    References R;
    SmallVector<const FunctionDecl *, 8> Called;
    ReferenceCollector C(R.Named, Called);
    C.TraverseStmt(FD->getBody());
    DenseSet<const FunctionDecl *> Seen;
    for (const FunctionDecl *Callee : Called)
      if (const FunctionDecl *Def = definition(Callee))
        if (Def != FD && Seen.insert(Def).second)
          R.Callees.push_back(Def);
    // The map may have grown while collecting: look the entry up again.
    Refs[FD] = std::move(R);
    return Refs[FD];
  }
  return It->second;
}

bool TranslationUnitModel::namedOutsideRecovery(const ValueDecl *D,
                                                const ProgramSummary &Summary) {
  if (!NamedOutside) {
    NamedOutside.emplace();
    const SourceManager &SM = context().getSourceManager();
    for (const FunctionDecl *FD : functions())
      if (const FunctionDecl *Def = definition(FD))
        if (Summary.outsideRecovery(*Def, SM))
          for (const ValueDecl *Named : references(Def).Named)
            NamedOutside->insert(Named);
  }
  return NamedOutside->count(D) != 0;
}

bool TranslationUnitModel::refersTo(const FunctionDecl *FD,
                                    const ValueDecl *D) {
  const FunctionDecl *Def = definition(FD);
  if (!Def)
    return false;
  // Breadth first over the calls, each function once (recursion included).
  SmallVector<const FunctionDecl *, 16> Work{Def};
  DenseSet<const FunctionDecl *> Seen{Def};
  while (!Work.empty()) {
    const FunctionDecl *F = Work.pop_back_val();
    const References &R = references(F);
    if (R.Named.count(D))
      return true;
    for (const FunctionDecl *Callee : R.Callees)
      if (Seen.insert(Callee).second)
        Work.push_back(Callee);
  }
  return false;
}

/// Whether expression \p E names \p D.
static bool exprNames(const Expr *E, const ValueDecl *D) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ValueDecl *D;
    bool Found = false;
    bool VisitDeclRefExpr(DeclRefExpr *R) {
      Found |= R->getDecl() == D;
      return !Found;
    }
  } F;
  F.D = D;
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}

std::optional<std::string> entryKey(const Location &Loc,
                                    const SourceManager &SM) {
  if (Loc.Kind == Location::Field)
    return Loc.name();
  const auto *V = dyn_cast_or_null<VarDecl>(Loc.Decl);
  if (Loc.Kind != Location::Variable || !V || !V->hasGlobalStorage() ||
      V->isStaticLocal())
    return std::nullopt;
  std::string Key = V->getName().str();
  if (!V->isExternallyVisible())
    Key += "@" + llvm::sys::path::filename(
                     SM.getFilename(SM.getExpansionLoc(V->getLocation())))
                     .str();
  return Key;
}

std::optional<std::string> entryKey(const Expr *LValue,
                                    const SourceManager &SM) {
  const Expr *E = LValue->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return entryKey(Location{Location::Variable, DRE->getDecl()}, SM);
  const auto *ME = dyn_cast<MemberExpr>(E);
  const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!Field)
    return std::nullopt;
  // The object must be reached from a parameter through members.
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  while (const auto *Inner = dyn_cast<MemberExpr>(Base))
    Base = Inner->getBase()->IgnoreParenImpCasts();
  const auto *Root = dyn_cast<DeclRefExpr>(Base);
  if (!Root || !isa<ParmVarDecl>(Root->getDecl()))
    return std::nullopt;
  return Location{Location::Field, Field}.name();
}

namespace {
/// The entry keys of the locations a statement names.
struct KeyCollector : RecursiveASTVisitor<KeyCollector> {
  const SourceManager &SM;
  std::set<std::string> &Keys;
  KeyCollector(const SourceManager &SM, std::set<std::string> &Keys)
      : SM(SM), Keys(Keys) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (std::optional<std::string> Key = entryKey(E, SM))
      Keys.insert(std::move(*Key));
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (std::optional<std::string> Key = entryKey(E, SM))
      Keys.insert(std::move(*Key));
    return true;
  }
};
} // namespace

const EntryFacts &TranslationUnitModel::entryFacts(const FunctionDecl *FD) {
  auto [It, New] = Entries.try_emplace(FD);
  if (!New)
    return It->second;
  std::set<std::string> Afresh, ReadFirst;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  const SourceManager &SM = Ctx.getSourceManager();
  DenseSet<const ValueDecl *> Named;
  SmallVector<const FunctionDecl *, 8> Called;
  auto NamedBefore = [&](const ValueDecl *D) {
    return Named.count(D) || llvm::any_of(Called, [&](const FunctionDecl *F) {
             return refersTo(F, D);
           });
  };
  for (const Stmt *S : Body ? Body->body() : llvm::ArrayRef<Stmt *>()) {
    std::set<std::string> Keys;
    const auto *Assign = dyn_cast<BinaryOperator>(S);
    if (Assign && Assign->getOpcode() == BO_Assign) {
      const Expr *LHS = Assign->getLHS()->IgnoreParenImpCasts();
      const ValueDecl *D = nullptr;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
        D = DRE->getDecl();
      else if (const auto *ME = dyn_cast<MemberExpr>(LHS))
        D = ME->getMemberDecl();
      if (D && !NamedBefore(D) && !exprNames(Assign->getRHS(), D))
        if (std::optional<std::string> Key = entryKey(LHS, SM))
          Afresh.insert(*Key);
      KeyCollector(SM, Keys).TraverseStmt(Assign->getRHS());
    } else {
      KeyCollector(SM, Keys).TraverseStmt(const_cast<Stmt *>(S));
    }
    // Named here before any statement set it afresh: the function uses
    // what an earlier run (or an earlier entry function) left.
    for (const std::string &Key : Keys)
      if (!Afresh.count(Key))
        ReadFirst.insert(Key);
    SmallVector<const FunctionDecl *, 4> Calls;
    ReferenceCollector C(Named, Calls);
    C.TraverseStmt(const_cast<Stmt *>(S));
    for (const FunctionDecl *Callee : Calls)
      if (const FunctionDecl *Def = definition(Callee))
        Called.push_back(Def);
  }
  EntryFacts Facts;
  Facts.Afresh.assign(Afresh.begin(), Afresh.end());
  Facts.ReadFirst.assign(ReadFirst.begin(), ReadFirst.end());
  // refersTo() may have added to other maps, not to this one; look it up
  // again all the same.
  return Entries[FD] = std::move(Facts);
}

bool TranslationUnitModel::setAfreshByLocalEntry(llvm::StringRef Key) {
  if (!LocalEntryKeys) {
    // What the functions that this translation unit's protected regions
    // call directly set afresh, unless one of them uses it first.
    llvm::StringSet<> Afresh, ReadFirst;
    for (const FunctionDecl *FD : Functions) {
      if (!recovers(FD))
        continue;
      FunctionAnalysis *A = analysis(FD);
      if (!A)
        continue;
      for (const FunctionDecl *Entry : A->namedInProtectedRegions())
        if (const FunctionDecl *Def = definition(Entry)) {
          const EntryFacts &E = entryFacts(Def);
          for (const std::string &K : E.Afresh)
            Afresh.insert(K);
          for (const std::string &K : E.ReadFirst)
            ReadFirst.insert(K);
        }
    }
    LocalEntryKeys.emplace();
    for (const auto &K : Afresh.keys())
      if (!ReadFirst.count(K))
        LocalEntryKeys->insert(K);
  }
  return LocalEntryKeys->count(Key) != 0;
}

bool FunctionAnalysis::readBeforeWritten(Location Loc) const {
  if (!Loc.valid())
    return true;
  auto Names = [&](const Expr *E) { return Facts.locationOf(E) == Loc; };
  auto Reads = [&](const Stmt *S) {
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S))
      return Cast->getCastKind() == CK_LValueToRValue &&
             Names(Cast->getSubExpr());
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      return BO->isCompoundAssignmentOp() && Names(BO->getLHS());
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      return (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
             Names(UO->getSubExpr());
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      // What a pointer parameter points to is read by any call that is
      // handed the pointer; a variable or field, by a callee naming it.
      if (Loc.Kind == Location::Pointee)
        return llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
          return exprNames(Arg, Loc.Decl);
        });
      if (const FunctionDecl *Callee = calledFunction(*Call))
        return TU.refersTo(Callee, Loc.Decl);
    }
    return false;
  };
  auto Writes = [&](const Stmt *S) {
    const auto *BO = dyn_cast<BinaryOperator>(S);
    return BO && BO->getOpcode() == BO_Assign && Names(BO->getLHS());
  };
  return firstFromEntry(Reads, Writes).has_value();
}

namespace {
/// The values given to one local variable: its initializer and the right
/// sides of plain assignments; whether anything else (an increment, a
/// compound assignment, its address taken) may change it.
struct ValuesOf : RecursiveASTVisitor<ValuesOf> {
  const VarDecl *V;
  SmallVector<const Expr *, 2> Values;
  bool Other = false;
  explicit ValuesOf(const VarDecl *V) : V(V) {
    if (const Expr *Init = V->getInit())
      Values.push_back(Init);
  }
  bool names(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == V;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign && names(BO->getLHS()))
      Values.push_back(BO->getRHS());
    else if (BO->isCompoundAssignmentOp() && names(BO->getLHS()))
      Other = true;
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
        names(UO->getSubExpr()))
      Other = true;
    return true;
  }
};
} // namespace

/// Whether \p E designates the same object on every run of \p FD: a
/// parameter or a variable with static storage, members of such an object
/// or of what it points to, elements at constant indices, and locals whose
/// every value is such an address (`T *p = &param->member;`) or null.  Not
/// an element chosen by data (`table[i]->f`).  \p Depth bounds the chains
/// of locals followed.
static bool sameOnEveryRun(const Expr *E, const FunctionDecl &FD,
                           const ASTContext &Ctx, unsigned Depth = 0) {
  for (;;) {
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V)
        return false;
      if (isa<ParmVarDecl>(V) || V->hasGlobalStorage())
        return true;
      if (Depth >= 4 || !V->getType()->isPointerType())
        return false;
      ValuesOf Values(V);
      Values.TraverseStmt(FD.getBody());
      if (Values.Other || Values.Values.empty())
        return false;
      for (const Expr *Value : Values.Values)
        if (!isNullValue(Value, const_cast<ASTContext &>(Ctx)) &&
            !sameOnEveryRun(Value, FD, Ctx, Depth + 1))
          return false;
      return true;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      if (!integerConstant(*ASE->getIdx(), Ctx))
        return false;
      E = ASE->getBase();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
        E = UO->getSubExpr();
        continue;
      }
    return false;
  }
}

bool FunctionAnalysis::setAfreshEachRun(CFGPoint P, const Change &C) const {
  if (C.Kind != ChangeKind::Write || !C.Loc.valid() ||
      (C.Loc.Kind == Location::Pointee && !isa<ParmVarDecl>(C.Loc.Decl)))
    return false;
  // Only the function whose own recover point protects the write is the
  // entry of a run; a function below it cannot tell what other code reads
  // between its runs.  (Asked first: it is the cheap question.)
  if (!protectingRecoverPoint(P))
    return false;
  const auto *Assign = dyn_cast_or_null<BinaryOperator>(stmtAt(P));
  if (!Assign || Assign->getOpcode() != BO_Assign ||
      !sameOnEveryRun(Assign->getLHS(), FD, TU.context()))
    return false;
  return !readBeforeWritten(C.Loc);
}

/// How far rootsOf() looks into an expression.
enum class Roots {
  /// The object an lvalue designates: through members, elements and
  /// dereferences (`p->buf[i]` is reached from `p`).
  OfObject,
  /// A pointer's value: only through casts, since a pointer to a member is
  /// not a copy (freeing `p->buf` leaves `*p`).
  OfPointer,
};

/// The variables \p E is reached from, as \p How says: the variable at
/// its root and, for a local, the roots of every value it is given.
static void rootsOf(const Expr *E, const FunctionDecl &FD, Roots How,
                    SmallPtrSetImpl<const VarDecl *> &Found,
                    unsigned Depth = 0) {
  for (E = E->IgnoreParenCasts(); How == Roots::OfObject;
       E = E->IgnoreParenCasts()) {
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      E = ASE->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(E);
             UO &&
             (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf))
      E = UO->getSubExpr();
    else
      break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !Found.insert(V).second || V->hasGlobalStorage() ||
      isa<ParmVarDecl>(V) || Depth >= 4)
    return;
  ValuesOf Values(V);
  Values.TraverseStmt(FD.getBody());
  for (const Expr *Value : Values.Values)
    rootsOf(Value, FD, How, Found, Depth + 1);
}

bool TranslationUnitModel::destroysParameter(const FunctionDecl *Fn,
                                             unsigned Index, unsigned Depth) {
  const FunctionDecl *Def = definition(Fn);
  if (!Def || Index >= Def->getNumParams() || Depth >= 3)
    return false;
  const ParmVarDecl *Param = Def->getParamDecl(Index);
  struct Finder : RecursiveASTVisitor<Finder> {
    TranslationUnitModel &TU;
    const FunctionDecl &Def;
    const ParmVarDecl *Param;
    unsigned Depth;
    bool Found = false;
    Finder(TranslationUnitModel &TU, const FunctionDecl &Def,
           const ParmVarDecl *Param, unsigned Depth)
        : TU(TU), Def(Def), Param(Param), Depth(Depth) {}
    bool reaches(const Expr *Arg) const {
      SmallPtrSet<const VarDecl *, 4> Copies;
      rootsOf(Arg, Def, Roots::OfPointer, Copies);
      return Copies.count(Param) != 0;
    }
    bool VisitCallExpr(CallExpr *Call) {
      if (const Expr *Freed = TU.options().Deallocation.freedArgument(*Call))
        Found |= reaches(Freed);
      else if (const FunctionDecl *Callee = calledFunction(*Call))
        for (unsigned I = 0; I < Call->getNumArgs() && !Found; ++I)
          Found |= reaches(Call->getArg(I)) &&
                   TU.destroysParameter(Callee, I, Depth + 1);
      return !Found;
    }
  } F(*this, *Def, Param, Depth);
  F.TraverseStmt(Def->getBody());
  return F.Found;
}

bool FunctionAnalysis::discardedByRecovery(CFGPoint P, const Change &C) const {
  if ((C.Kind != ChangeKind::Write && C.Kind != ChangeKind::Library) ||
      !C.Target || !protectingRecoverPoint(P))
    return false;
  // What a pointer parameter points to is an output of the call; a caller
  // told that the call failed does not use it.
  bool Output = C.Loc.Kind == Location::Pointee && isa<ParmVarDecl>(C.Loc.Decl);
  SmallPtrSet<const VarDecl *, 4> Object;
  rootsOf(C.Target, FD, Roots::OfObject, Object);
  auto Destroys = [&](const CallExpr &Call) {
    auto Reaches = [&](const Expr *Arg) {
      SmallPtrSet<const VarDecl *, 4> Copies;
      rootsOf(Arg, FD, Roots::OfPointer, Copies);
      return llvm::any_of(Copies,
                          [&](const VarDecl *V) { return Object.count(V); });
    };
    if (const Expr *Freed = TU.options().Deallocation.freedArgument(Call))
      return Reaches(Freed);
    const FunctionDecl *Callee = calledFunction(Call);
    for (unsigned I = 0; Callee && I < Call.getNumArgs(); ++I)
      if (Reaches(Call.getArg(I)) && TU.destroysParameter(Callee, I))
        return true;
    return false;
  };
  for (unsigned I = 0; I < numRecoverPoints(); ++I) {
    if (!inProtectedRegionOf(I, P))
      continue;
    bool Destroyed = false;
    forEachOnRecoveryPath(I, [&](const Stmt *S) {
      if (const auto *Call = dyn_cast<CallExpr>(S))
        Destroyed = Destroyed || Destroys(*Call);
      if (const auto *Return = dyn_cast<ReturnStmt>(S))
        Destroyed = Destroyed || (Output && Return->getRetValue());
    });
    if (Destroyed)
      return true;
  }
  return false;
}

namespace {
/// Finds the compound statement whose block declares a local.
struct DeclaringBlock : RecursiveASTVisitor<DeclaringBlock> {
  const VarDecl *V;
  SmallVector<const CompoundStmt *, 8> Open;
  const CompoundStmt *Found = nullptr;
  explicit DeclaringBlock(const VarDecl *V) : V(V) {}
  bool TraverseCompoundStmt(CompoundStmt *CS) {
    Open.push_back(CS);
    bool Go = RecursiveASTVisitor::TraverseCompoundStmt(CS);
    Open.pop_back();
    return Go && !Found;
  }
  bool VisitDeclStmt(DeclStmt *DS) {
    for (const Decl *D : DS->decls())
      if (D == V && !Open.empty())
        Found = Open.back();
    return !Found;
  }
};
} // namespace

bool FunctionAnalysis::recoveryCanSee(const VarDecl *V, CFGPoint P) const {
  const SourceManager &SM = TU.context().getSourceManager();
  // A local of an inner block that the recover point is not in has ended
  // its lifetime when the jump returns there (C11 6.2.4p6).
  const CompoundStmt *Block = nullptr;
  if (!isa<ParmVarDecl>(V)) {
    DeclaringBlock Finder(V);
    Finder.TraverseStmt(FD.getBody());
    Block = Finder.Found;
  }
  for (unsigned I = 0; I < numRecoverPoints(); ++I) {
    if (!inProtectedRegionOf(I, P))
      continue;
    if (Block) {
      SourceLocation At =
          SM.getExpansionLoc(recoverPointCall(I)->getBeginLoc());
      if (!SM.isPointWithin(At, SM.getExpansionLoc(Block->getBeginLoc()),
                            SM.getExpansionLoc(Block->getEndLoc())))
        continue;
    }
    bool Sees = false;
    bool Known = forEachOnRecoveryPath(I, [&](const Stmt *S) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        Sees |= DRE->getDecl() == V;
      if (const auto *Call = dyn_cast<CallExpr>(S)) {
        const FunctionDecl *Callee = calledFunction(*Call);
        Sees |= !Callee || !SM.isInSystemHeader(Callee->getLocation());
      }
    });
    if (!Known || Sees)
      return true;
  }
  return false;
}

bool FunctionAnalysis::setAfreshByEntry(CFGPoint P, const Change &C,
                                        const ProgramSummary *Summary) const {
  // Memory just allocated into the location is owned by it: a run that
  // sets the location afresh without freeing that memory leaks it.
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(stmtAt(P)))
    if (const auto *Call =
            dyn_cast<CallExpr>(Assign->getRHS()->IgnoreParenCasts()))
      if (allocatesFreshMemory(*Call, TU.options().Allocation))
        return false;
  const SourceManager &SM = TU.context().getSourceManager();
  std::optional<std::string> Key =
      C.Kind == ChangeKind::Call ? entryKey(C.Loc, SM) : entryKey(C.Target, SM);
  return Key && (TU.setAfreshByLocalEntry(*Key) ||
                 (Summary && Summary->setAfreshByEntry(*Key)));
}

bool FunctionAnalysis::observedAfterRecovery(CFGPoint P, CFGPoint Panic,
                                             const Change &C,
                                             const Stmt *&CompletedBy,
                                             const ProgramSummary *Summary) {
  if (inFrameOnlyRecord(C, Summary) || inResetStack(C, Summary) ||
      discardedByRecovery(P, C) ||
      discardedByContract(P, Panic, C, CompletedBy))
    return false;
  if (!setAfreshEachRun(P, C) && !setAfreshByEntry(P, C, Summary))
    return true;
  // A torn update leaves an intermediate value that the next run
  // overwrites, but that code running between two runs would read.
  return CompletedBy && !tornValueUnseen(C, CompletedBy, Summary);
}

bool FunctionAnalysis::tornValueUnseen(const Change &C, const Stmt *CompletedBy,
                                       const ProgramSummary *Summary) {
  // Only the program summary says which functions run outside every run;
  // the object a pointer parameter points to is the caller's to read.
  if (!Summary || C.Loc.Kind == Location::Pointee)
    return false;
  // An update completed in another location (a size, then its buffer)
  // leaves the two inconsistent whatever the next run sets afresh.  (A
  // call completes it through its effects on the same location.)
  Location Later = writtenLocation(CompletedBy);
  if (Later.valid() && !(Later == C.Loc))
    return false;
  return !TU.namedOutsideRecovery(C.Loc.Decl, *Summary);
}

} // namespace recover::model
