//===--- ClobberedLocalCheck.cpp - recover-clobbered-local ----------------===//
//
// Spec: C11 7.13.2.1p3.  After longjmp, the automatic objects of the function
// that called setjmp which are not volatile-qualified and were changed
// between the setjmp and the longjmp have indeterminate values.  A local
// variable or parameter V of a function F with a recover point R is reported
// when
//   - V is not volatile at the top level ('char *volatile p' is, 'volatile
//     char *p' is not);
//   - V is written in R's protected region at a point from which a panic can
//     follow (any call not known to be safe counts there, calls through
//     pointers included) before R's jmp_buf is registered again: a setjmp on
//     another buffer registers another handler, and a panic after it can
//     still land at R;
//   - V is read on R's recovery path before being assigned there;
//   - unless StrictStandard, V's address has not escaped before the write on
//     every path from the function's entry.  Only then must the compiler
//     keep V in memory at every call that can jump, so that it keeps its
//     value; an address that escapes only later, or on some paths, leaves
//     the write free to stay in a register.
// One warning per variable, at its declaration, with notes at the write and
// the read, and a fix-it that inserts 'volatile' where it qualifies the
// variable itself.
//
//===----------------------------------------------------------------------===//

#include "checks/ClobberedLocalCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/TypeLoc.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <algorithm>

using namespace clang::ast_matchers;
using namespace ::recover::model;

namespace clang::tidy::recover {

struct ClobberedLocalCheck::Finding {
  const VarDecl *Var = nullptr;
  const Stmt *Write = nullptr;
  const Stmt *Read = nullptr;
  const CallExpr *RecoverPoint = nullptr;
};

ClobberedLocalCheck::ClobberedLocalCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : RecoverCheckBase(Name, Context),
      StrictStandard(boolOption("StrictStandard", false)) {}

void ClobberedLocalCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  RecoverCheckBase::storeOptions(Opts);
  storeBool(Opts, "StrictStandard", StrictStandard);
}

/// The local that \p S writes as a whole or in part, if any.
static const VarDecl *writtenLocal(const Stmt *S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isAssignmentOp() ? FrameFacts::localRoot(BO->getLHS()) : nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp()
               ? FrameFacts::localRoot(UO->getSubExpr())
               : nullptr;
  return nullptr;
}

void ClobberedLocalCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  TranslationUnitModel &TU = model(Ctx);
  std::vector<Finding> Findings;
  for (const FunctionDecl *FD : TU.functions()) {
    // Only functions that call setjmp themselves have locals to clobber.
    if (!TU.recovers(FD))
      continue;
    FunctionAnalysis *A = TU.analysis(FD);
    if (!A)
      continue;
    llvm::SmallPtrSet<const VarDecl *, 8> Done;
    for (unsigned R = 0; R < A->numRecoverPoints(); ++R) {
      A->forEachElement([&](CFGPoint P, const Stmt *S) {
        const VarDecl *V = writtenLocal(S);
        if (!V || Done.count(V) || V->getType().isVolatileQualified() ||
            !A->inProtectedRegionOf(R, P) ||
            (!StrictStandard &&
             A->passedOnEveryPath(P, A->facts().escapeSites(V))) ||
            !A->panicAfter(P, Location(), /*IndirectInRegion=*/true,
                           /*RegionOnly=*/false, A->recoverPointCall(R)))
          return;
        std::optional<CFGPoint> Read = A->readOnRecoveryPath(R, V);
        if (!Read)
          return;
        Done.insert(V);
        Findings.push_back({V, S, A->stmtAt(*Read), A->recoverPointCall(R)});
      });
    }
  }
  const SourceManager &SM = Ctx.getSourceManager();
  std::sort(Findings.begin(), Findings.end(),
            [&](const Finding &L, const Finding &R) {
              return SM.isBeforeInTranslationUnit(L.Var->getLocation(),
                                                  R.Var->getLocation());
            });
  for (const Finding &F : Findings)
    report(F, Ctx);
}

/// Where 'volatile ' must go to qualify \p V itself, or an invalid location
/// when no insertion does that for this variable alone.
static SourceLocation volatileInsertion(const VarDecl &V, ASTContext &Ctx) {
  const TypeSourceInfo *TSI = V.getTypeSourceInfo();
  if (!TSI || V.getLocation().isMacroID() || V.getBeginLoc().isMacroID())
    return {};
  TypeLoc TL = TSI->getTypeLoc().getUnqualifiedLoc();
  // A declarator with '*' or parentheses: right before the name, which is
  // where a qualifier applies to the variable ('char *volatile p').
  if (TL.getAs<PointerTypeLoc>() || TL.getAs<ParenTypeLoc>() ||
      TL.getAs<BlockPointerTypeLoc>())
    return V.getLocation();
  // A plain type: before the declaration specifiers, only when the
  // declaration declares this variable alone ('int a, b;' would change both).
  if (!isa<ParmVarDecl>(V)) {
    DynTypedNodeList Parents = Ctx.getParents(V);
    const auto *DS = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
    if (!DS || !DS->isSingleDecl())
      return {};
  }
  return V.getBeginLoc();
}

void ClobberedLocalCheck::report(const Finding &F, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  {
    auto D = diag(F.Var->getLocation(),
                  "%select{local variable|parameter}0 '%1' is changed after "
                  "'setjmp' and read after a longjmp returns there, when its "
                  "value is indeterminate (C11 7.13.2.1); declare it "
                  "'volatile'")
             << (isa<ParmVarDecl>(F.Var) ? 1 : 0) << F.Var->getName();
    SourceLocation At = volatileInsertion(*F.Var, Ctx);
    if (At.isValid())
      D << FixItHint::CreateInsertion(At, "volatile ");
  }
  diag(SM.getFileLoc(F.Write->getBeginLoc()),
       "'%0' is changed here, and a longjmp can follow", DiagnosticIDs::Note)
      << F.Var->getName();
  diag(SM.getFileLoc(F.RecoverPoint->getBeginLoc()),
       "the longjmp returns to this 'setjmp'", DiagnosticIDs::Note);
  diag(SM.getFileLoc(F.Read->getBeginLoc()), "'%0' is read here after it",
       DiagnosticIDs::Note)
      << F.Var->getName();
}

} // namespace clang::tidy::recover
