//===--- RecoverPoint.cpp - where a setjmp call sits and what it guards ---===//

#include "checks/model/RecoverPoint.h"

#include "checks/model/StateModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"

#include <algorithm>
#include <climits>

using namespace clang;

namespace recover::model {

/// The single parent of \p E as a statement or declaration.
static DynTypedNode parentOf(const Expr &E, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(E);
  if (Parents.empty())
    return DynTypedNode();
  return Parents[0];
}

/// Climbs from \p E over parentheses and implicit conversions, which the
/// standard does not count as separate expressions.
static const Expr *climbTransparent(const Expr *E, ASTContext &Ctx) {
  for (;;) {
    const auto *P = parentOf(*E, Ctx).get<Expr>();
    if (!P || !(isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)))
      return E;
    E = P;
  }
}

/// Whether \p E is the entire controlling expression of \p P.
static bool isControllingExpr(const Stmt *P, const Expr *E) {
  if (!P)
    return false;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getCond() == E;
  if (const auto *Switch = dyn_cast<SwitchStmt>(P))
    return Switch->getCond() == E;
  if (const auto *While = dyn_cast<WhileStmt>(P))
    return While->getCond() == E;
  if (const auto *Do = dyn_cast<DoStmt>(P))
    return Do->getCond() == E;
  if (const auto *For = dyn_cast<ForStmt>(P))
    return For->getCond() == E;
  return false;
}

/// Whether \p E stands as a statement of its own within \p P.
static bool isExpressionStatement(const Stmt *P, const Expr *E) {
  if (!P)
    return false;
  if (isa<CompoundStmt>(P))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getThen() == E || If->getElse() == E;
  if (const auto *While = dyn_cast<WhileStmt>(P))
    return While->getBody() == E;
  if (const auto *Do = dyn_cast<DoStmt>(P))
    return Do->getBody() == E;
  if (const auto *For = dyn_cast<ForStmt>(P))
    return For->getBody() == E;
  if (const auto *Switch = dyn_cast<SwitchStmt>(P))
    return Switch->getBody() == E;
  if (const auto *Label = dyn_cast<LabelStmt>(P))
    return Label->getSubStmt() == E;
  if (const auto *Case = dyn_cast<SwitchCase>(P))
    return Case->getSubStmt() == E;
  if (const auto *Attributed = dyn_cast<AttributedStmt>(P))
    return Attributed->getSubStmt() == E;
  return false;
}

/// Truth values of `V Op K` over the values \p V a recover point can return.
static Truth truthOf(BinaryOperatorKind Op, bool CallOnLeft, long long K,
                     bool Zero) {
  auto Eval = [&](long long V) {
    long long L = CallOnLeft ? V : K, R = CallOnLeft ? K : V;
    switch (Op) {
    case BO_LT:
      return L < R;
    case BO_GT:
      return L > R;
    case BO_LE:
      return L <= R;
    case BO_GE:
      return L >= R;
    case BO_EQ:
      return L == R;
    default:
      return L != R;
    }
  };
  if (Zero)
    return Eval(0) ? Truth::True : Truth::False;
  // A longjmp makes setjmp return any non-zero int; these samples cover every
  // outcome of one comparison with K.
  bool SeenTrue = false, SeenFalse = false;
  for (long long V :
       {K - 1, K, K + 1, 1LL, -1LL, (long long)INT_MAX, (long long)INT_MIN}) {
    if (V == 0 || V < INT_MIN || V > INT_MAX)
      continue;
    (Eval(V) ? SeenTrue : SeenFalse) = true;
  }
  if (SeenTrue && SeenFalse)
    return Truth::Either;
  return SeenTrue ? Truth::True : Truth::False;
}

/// Why the expression \p Top, whose parent is \p P, is not an allowed use.
static InvalidUse reasonFor(const Expr *Top, const DynTypedNode &P,
                            ASTContext &Ctx) {
  if (P.get<VarDecl>())
    return InvalidUse::Stored;
  if (const auto *BO = P.get<BinaryOperator>())
    if (BO->isAssignmentOp() && BO->getRHS() == Top)
      return InvalidUse::Stored;
  if (P.get<ReturnStmt>())
    return InvalidUse::Returned;
  if (const auto *Call = P.get<CallExpr>())
    if (Call->getCallee() != Top)
      return InvalidUse::Argument;
  // Somewhere inside a controlling expression?
  const Expr *E = Top;
  DynTypedNode Up = P;
  while (const auto *UpExpr = Up.get<Expr>()) {
    E = UpExpr;
    Up = parentOf(*E, Ctx);
  }
  if (isControllingExpr(Up.get<Stmt>(), E))
    return InvalidUse::LargerCondition;
  return InvalidUse::LargerExpression;
}

RecoverPointContext classifyRecoverPoint(const CallExpr &Call,
                                         ASTContext &Ctx) {
  RecoverPointContext Result;
  const Expr *Top = climbTransparent(&Call, Ctx);
  DynTypedNode P = parentOf(*Top, Ctx);
  Truth WhenZero = Truth::False, WhenNonZero = Truth::True;

  if (const auto *Not = P.get<UnaryOperator>()) {
    if (Not->getOpcode() == UO_LNot) {
      Top = climbTransparent(Not, Ctx);
      P = parentOf(*Top, Ctx);
      WhenZero = Truth::True;
      WhenNonZero = Truth::False;
    }
  } else if (const auto *Cmp = P.get<BinaryOperator>()) {
    if (Cmp->isComparisonOp()) {
      bool CallOnLeft = Cmp->getLHS() == Top;
      const Expr *Other = CallOnLeft ? Cmp->getRHS() : Cmp->getLHS();
      if (Other->containsErrors()) {
        Result.Form = RecoverForm::Unknown;
        return Result;
      }
      std::optional<llvm::APSInt> Value = integerConstant(*Other, Ctx);
      if (!Value) {
        Result.Reason = InvalidUse::NonConstantComparison;
        return Result;
      }
      // Clamping to just outside int's range keeps every comparison with an
      // int the same and the samples in truthOf() free of overflow.
      long long K = Value->getExtValue();
      K = std::max<long long>(std::min<long long>(K, INT_MAX + 1LL),
                              INT_MIN - 1LL);
      WhenZero = truthOf(Cmp->getOpcode(), CallOnLeft, K, /*Zero=*/true);
      WhenNonZero = truthOf(Cmp->getOpcode(), CallOnLeft, K, /*Zero=*/false);
      Top = climbTransparent(Cmp, Ctx);
      P = parentOf(*Top, Ctx);
    }
  }

  const auto *PStmt = P.get<Stmt>();
  if (isControllingExpr(PStmt, Top)) {
    Result.Form = RecoverForm::Condition;
    Result.ControlStmt = PStmt;
    Result.Condition = Top;
    bool IsSwitch = isa<SwitchStmt>(PStmt);
    Result.WhenZero = IsSwitch ? Truth::Either : WhenZero;
    Result.WhenNonZero = IsSwitch ? Truth::Either : WhenNonZero;
    return Result;
  }

  // (d): the whole expression statement, possibly cast to void.  Only the
  // bare call qualifies, not a negation or comparison of it.
  if (Top == climbTransparent(&Call, Ctx)) {
    const Expr *Stmt = Top;
    DynTypedNode SP = P;
    if (const auto *Cast = SP.get<CStyleCastExpr>()) {
      if (Cast->getType()->isVoidType()) {
        Stmt = climbTransparent(Cast, Ctx);
        SP = parentOf(*Stmt, Ctx);
      }
    }
    if (isExpressionStatement(SP.get<clang::Stmt>(), Stmt)) {
      Result.Form = RecoverForm::Statement;
      return Result;
    }
  }

  Result.Reason = reasonFor(Top, P, Ctx);
  return Result;
}

bool sameJmpBuf(const CallExpr &A, const CallExpr &B, ASTContext &Ctx) {
  if (&A == &B)
    return true;
  if (A.getNumArgs() == 0 || B.getNumArgs() == 0)
    return false;
  // Profiled with declarations canonical, not by source text: `Env` and
  // `(Env)` are one buffer, two variables of the same name are not.
  llvm::FoldingSetNodeID IA, IB;
  A.getArg(0)->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
  B.getArg(0)->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

} // namespace recover::model
