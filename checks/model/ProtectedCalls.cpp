//===--- ProtectedCalls.cpp - recovery in the callers of protected calls --===//
//
// Part of the shared setjmp/longjmp model.
//
// Spec.  The recovery path is often not in the function that calls setjmp.
// A protected-call wrapper runs its work under a recover point and returns
// a status (Lua's luaD_rawrunprotected returns the status luaD_throw
// stored); its callers restore the state in their error branch (luaD_pcall
// puts back L->ci, L->allowhook and, through luaD_seterrorobj, L->top).
//  - A protected-call wrapper is a function of the translation unit that
//    recovers, and whose recovery path returns a value.
//  - An error branch of a caller is the branch of an `if` whose condition
//    tests the wrapper's result -- the call itself, or a local given its
//    value -- against zero, the first return of setjmp and the status of
//    success in every library built on it: the `then` branch of `status`,
//    `status != 0`, `l_unlikely(status != LUA_OK)`; the `else` branch of
//    `!status`, `status == 0`.  A test against another constant says
//    nothing of which branch is the error one, and counts as neither.
//  - What an error branch names, and what the functions it calls name (one
//    level down, as for recovery paths), is accessed by recovery: it
//    restores or consumes those locations (rule 4 of
//    recover-unsafe-state-change).
//
//===----------------------------------------------------------------------===//

#include "checks/model/TranslationUnitModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Builtins.h"

using namespace clang;
using namespace llvm;

namespace recover::model {

bool TranslationUnitModel::returnsRecoveryStatus(const FunctionDecl *FD) {
  const FunctionDecl *Def = definition(FD);
  if (!Def || !recovers(Def) || Def->getReturnType()->isVoidType())
    return false;
  auto [It, New] = StatusWrappers.try_emplace(Def, false);
  if (!New)
    return It->second;
  bool Returns = false;
  if (FunctionAnalysis *A = analysis(Def))
    for (unsigned I = 0; I < A->numRecoverPoints() && !Returns; ++I)
      A->forEachOnRecoveryPath(I, [&](const Stmt *S) {
        if (const auto *Return = dyn_cast<ReturnStmt>(S))
          Returns |= Return->getRetValue() != nullptr;
      });
  // analysis() may have grown the map: look the entry up again.
  return StatusWrappers[Def] = Returns;
}

namespace {
/// Finds the error branches of the calls of protected-call wrappers in one
/// function body.
struct ErrorBranchFinder : RecursiveASTVisitor<ErrorBranchFinder> {
  TranslationUnitModel &TU;
  SmallVectorImpl<const Stmt *> &Branches;
  /// Locals given the result of a wrapper call.
  DenseSet<const VarDecl *> Status;
  ErrorBranchFinder(TranslationUnitModel &TU,
                    SmallVectorImpl<const Stmt *> &Branches)
      : TU(TU), Branches(Branches) {}

  bool isWrapperCall(const Expr *E) const {
    const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
    return Call && TU.returnsRecoveryStatus(calledFunction(*Call));
  }
  bool isStatus(const Expr *E) const {
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        return Status.count(V) != 0;
    return isWrapperCall(E);
  }
  bool isZero(const Expr *E) const {
    std::optional<APSInt> Value = integerConstant(*E, TU.context());
    return Value && *Value == 0;
  }
  /// Whether \p Cond holds when the wrapper reports an error (true), when
  /// it reports success (false), or neither is known.
  std::optional<bool> holdsOnError(const Expr *Cond) const {
    Cond = Cond->IgnoreParenCasts();
    if (isStatus(Cond))
      return true;
    // __builtin_expect(x, 0), which likely/unlikely macros expand to.
    if (const auto *Call = dyn_cast<CallExpr>(Cond))
      if (Call->getBuiltinCallee() == Builtin::BI__builtin_expect &&
          Call->getNumArgs() == 2)
        return holdsOnError(Call->getArg(0));
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
        UO && UO->getOpcode() == UO_LNot)
      if (std::optional<bool> Inner = holdsOnError(UO->getSubExpr()))
        return !*Inner;
    const auto *BO = dyn_cast<BinaryOperator>(Cond);
    if (!BO || !BO->isEqualityOp())
      return std::nullopt;
    const Expr *Other = isZero(BO->getRHS())   ? BO->getLHS()
                        : isZero(BO->getLHS()) ? BO->getRHS()
                                               : nullptr;
    if (!Other)
      return std::nullopt;
    std::optional<bool> Inner = holdsOnError(Other);
    if (!Inner)
      return std::nullopt;
    return BO->getOpcode() == BO_NE ? *Inner : !*Inner;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (V->hasLocalStorage() && V->getInit() && isWrapperCall(V->getInit()))
      Status.insert(V);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign || !isWrapperCall(BO->getRHS()))
      return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
          V && V->hasLocalStorage())
        Status.insert(V);
    return true;
  }
  bool VisitIfStmt(IfStmt *If) {
    std::optional<bool> OnError = holdsOnError(If->getCond());
    if (!OnError)
      return true;
    if (const Stmt *Branch = *OnError ? If->getThen() : If->getElse())
      Branches.push_back(Branch);
    return true;
  }
};
} // namespace

void TranslationUnitModel::errorBranches(
    const FunctionDecl *FD, SmallVectorImpl<const Stmt *> &Branches) {
  const FunctionDecl *Def = definition(FD);
  if (!Def)
    return;
  bool CallsWrapper = llvm::any_of(calls(Def), [&](const auto &Call) {
    return Call.second && returnsRecoveryStatus(Call.second);
  });
  if (!CallsWrapper)
    return;
  ErrorBranchFinder Finder(*this, Branches);
  Finder.TraverseStmt(Def->getBody());
}

} // namespace recover::model
