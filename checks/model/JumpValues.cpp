//===--- JumpValues.cpp - what reaches a jump within its function -------===//
//
// Part of the shared setjmp/longjmp model; see JumpTargets.h for the spec
// and JumpTargetFinder.h for how the finder is split.  Problems 1-3: the
// value a jump passes, and what last set the buffer it jumps to, found by
// walking its own function's CFG.
//
//===----------------------------------------------------------------------===//

#include "checks/model/JumpTargetFinder.h"
#include "checks/model/StateModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"

#include <optional>

using namespace clang;

namespace recover::model::jumps {

/// The part of \p E that makes it possibly 0: \p E itself when it is an
/// integer constant expression equal to 0, or such an arm of a conditional
/// expression; null otherwise.
static const Expr *zeroPart(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreParens();
  if (E->isValueDependent() || E->containsErrors())
    return nullptr;
  if (std::optional<llvm::APSInt> V = integerConstant(*E, Ctx))
    return V->isZero() ? E : nullptr;
  const auto *CO =
      dyn_cast<AbstractConditionalOperator>(E->IgnoreParenImpCasts());
  if (!CO)
    return nullptr;
  if (const Expr *Z = zeroPart(CO->getTrueExpr(), Ctx))
    return Z;
  return zeroPart(CO->getFalseExpr(), Ctx);
}

namespace {

/// Which outcome of a condition shows that a variable is not 0.
enum class NonZeroSide { Neither, WhenTrue, WhenFalse };

/// Whether \p Cond tests \p V: `v`, `!v`, or `v` compared with an integer
/// constant expression, and which outcome excludes 0.
NonZeroSide nonZeroSide(const Expr *Cond, const VarDecl *V,
                        const ASTContext &Ctx) {
  auto IsV = [&](const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == V;
  };
  Cond = Cond->IgnoreParenImpCasts();
  if (IsV(Cond))
    return NonZeroSide::WhenTrue;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() != UO_LNot)
      return NonZeroSide::Neither;
    switch (nonZeroSide(UO->getSubExpr(), V, Ctx)) {
    case NonZeroSide::WhenTrue:
      return NonZeroSide::WhenFalse;
    case NonZeroSide::WhenFalse:
      return NonZeroSide::WhenTrue;
    case NonZeroSide::Neither:
      return NonZeroSide::Neither;
    }
  }
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO || !BO->isComparisonOp())
    return NonZeroSide::Neither;
  const Expr *Other = nullptr;
  BinaryOperatorKind Op = BO->getOpcode();
  if (IsV(BO->getLHS())) {
    Other = BO->getRHS();
  } else if (IsV(BO->getRHS())) {
    Other = BO->getLHS();
    Op = BinaryOperator::reverseComparisonOp(Op);
  } else {
    return NonZeroSide::Neither;
  }
  std::optional<llvm::APSInt> K = integerConstant(*Other, Ctx);
  if (!K)
    return NonZeroSide::Neither;
  // The outcome of `0 Op K` is the one on which the variable can be 0.
  int64_t C = K->getExtValue();
  bool ZeroPasses = false;
  switch (Op) {
  case BO_EQ:
    ZeroPasses = C == 0;
    break;
  case BO_NE:
    ZeroPasses = C != 0;
    break;
  case BO_LT:
    ZeroPasses = 0 < C;
    break;
  case BO_GT:
    ZeroPasses = 0 > C;
    break;
  case BO_LE:
    ZeroPasses = 0 <= C;
    break;
  case BO_GE:
    ZeroPasses = 0 >= C;
    break;
  default:
    return NonZeroSide::Neither;
  }
  return ZeroPasses ? NonZeroSide::WhenFalse : NonZeroSide::WhenTrue;
}

/// Whether the value 0 may select \p Case: its range holds 0, or is not
/// known.
bool caseTakesZero(const CaseStmt &Case, const ASTContext &Ctx) {
  std::optional<llvm::APSInt> Lo = integerConstant(*Case.getLHS(), Ctx);
  std::optional<llvm::APSInt> Hi =
      Case.getRHS() ? integerConstant(*Case.getRHS(), Ctx) : Lo;
  return !Lo || !Hi || (Lo->getExtValue() <= 0 && Hi->getExtValue() >= 0);
}

/// Whether the edge from \p Pred to \p Succ can be taken with \p V equal
/// to 0, as far as \p Pred's branch on \p V tells.
bool zeroCanPass(const CFGBlock &Pred, const CFGBlock &Succ, const VarDecl *V,
                 const ASTContext &Ctx) {
  const Stmt *Term = Pred.getTerminatorStmt();
  if (!Term)
    return true;
  if (const auto *SS = dyn_cast<SwitchStmt>(Term)) {
    const auto *DRE =
        dyn_cast<DeclRefExpr>(SS->getCond()->IgnoreParenImpCasts());
    if (!DRE || DRE->getDecl() != V)
      return true;
    if (const auto *Case = dyn_cast_or_null<CaseStmt>(Succ.getLabel()))
      return caseTakesZero(*Case, Ctx);
    // The default label, or past the switch: 0 gets there unless a case
    // takes it.
    for (const SwitchCase *SC = SS->getSwitchCaseList(); SC;
         SC = SC->getNextSwitchCase())
      if (const auto *Case = dyn_cast<CaseStmt>(SC))
        if (caseTakesZero(*Case, Ctx))
          return false;
    return true;
  }
  if (Pred.succ_size() != 2)
    return true;
  const auto *Cond = dyn_cast_or_null<Expr>(Pred.getTerminatorCondition());
  if (!Cond)
    return true;
  NonZeroSide Side = nonZeroSide(Cond, V, Ctx);
  if (Side == NonZeroSide::Neither)
    return true;
  const CFGBlock *Then = Pred.succ_begin()->getReachableBlock();
  const CFGBlock *Else = (Pred.succ_begin() + 1)->getReachableBlock();
  if (Then == Else)
    return true;
  if (&Succ == Then)
    return Side != NonZeroSide::WhenTrue;
  if (&Succ == Else)
    return Side != NonZeroSide::WhenFalse;
  return true;
}

} // namespace

void JumpTargetFinder::checkZeroValues(const FunctionDecl *FD,
                                       const JumpCall &J, bool Complete) {
  if (J.Call->getNumArgs() < 2)
    return;
  const Expr *Value = J.Call->getArg(1);
  if (const Expr *Zero = zeroPart(Value, Ctx)) {
    JumpFinding F;
    F.Jump = J.Call;
    F.Function = FD->getName().str();
    if (Zero->IgnoreParens() == Value->IgnoreParens()) {
      F.Kind = JumpFinding::ZeroValue;
    } else {
      F.Kind = JumpFinding::ZeroArm;
      F.Notes.push_back({JumpFinding::ZeroArmHere, Zero->getBeginLoc(), ""});
    }
    Findings.push_back(std::move(F));
    return;
  }
  if (!Complete)
    return;
  const auto *DRE = dyn_cast<DeclRefExpr>(Value->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  // Parameters and memory are not followed: nothing here says they may be
  // 0.  A variable whose address is taken may be set by anyone.
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      !V->getType()->isIntegerType())
    return;
  bool AddressTaken = false;
  visitStmts(FD->getBody(), [&](const Stmt *S) {
    const auto *UO = dyn_cast<UnaryOperator>(S);
    if (UO && UO->getOpcode() == UO_AddrOf &&
        FrameFacts::localRoot(UO->getSubExpr()) == V)
      AddressTaken = true;
  });
  if (AddressTaken)
    return;
  FunctionAnalysis *A = TU.analysis(FD);
  std::optional<CFGPoint> At = A ? A->pointOf(J.Call) : std::nullopt;
  if (!At)
    return;
  const Expr *Zero = nullptr;
  const Stmt *Def = hitBackwards(
      *A, *At,
      [&](const Stmt *S) {
        const Expr *Assigned = nullptr;
        if (const auto *DS = dyn_cast<DeclStmt>(S)) {
          if (!llvm::is_contained(DS->decls(), V))
            return Mark::None;
          Assigned = V->getInit();
        } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
          if (!BO->isAssignmentOp() || FrameFacts::localRoot(BO->getLHS()) != V)
            return Mark::None;
          if (BO->getOpcode() == BO_Assign)
            Assigned = BO->getRHS();
        } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
          if (!UO->isIncrementDecrementOp() ||
              FrameFacts::localRoot(UO->getSubExpr()) != V)
            return Mark::None;
        } else {
          return Mark::None;
        }
        Zero = Assigned ? zeroPart(Assigned, Ctx) : nullptr;
        return Zero ? Mark::Hit : Mark::Kill;
      },
      [&](const CFGBlock &Pred, const CFGBlock &Succ) {
        return zeroCanPass(Pred, Succ, V, Ctx);
      });
  if (!Def)
    return;
  JumpFinding F =
      makeFinding(JumpFinding::ZeroVariable, J.Call, V->getName().str(), FD);
  F.Notes.push_back(
      {JumpFinding::ZeroDefinition, Zero->getBeginLoc(), F.Buffer});
  Findings.push_back(std::move(F));
}

/// The object \p S writes into as a whole (a memcpy-like call, an
/// assignment, an initialised declaration); invalid when none.  Sets
/// \p IsCopy when what is written is another jmp_buf, or holds one.
static BufferName writtenBuffer(const Stmt *S, bool &IsCopy) {
  IsCopy = false;
  auto IsJmpBufObject = [](const Expr *E) {
    return involvesJmpBuf(E->IgnoreParenCasts()->getType());
  };
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const Expr *Dest = writtenDestination(*Call);
    if (!Dest)
      return {};
    // memcpy, memmove, bcopy: a source that is a jmp_buf (or holds one).
    for (const Expr *Arg : Call->arguments())
      if (Arg != Dest && IsJmpBufObject(Arg))
        IsCopy = true;
    return bufferNamed(Dest);
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->getOpcode() != BO_Assign)
      return {};
    IsCopy = IsJmpBufObject(BO->getRHS());
    return bufferNamed(BO->getLHS());
  }
  const auto *DS = dyn_cast<DeclStmt>(S);
  // The CFG lists one declaration per statement.
  const auto *V = DS && DS->isSingleDecl()
                      ? dyn_cast<VarDecl>(DS->getSingleDecl())
                      : nullptr;
  if (!V || !V->getInit())
    return {};
  // An initializer list zeroes the buffer or fills it in by hand.
  const Expr *Init = V->getInit();
  IsCopy =
      !isa<InitListExpr>(Init->IgnoreParenImpCasts()) && IsJmpBufObject(Init);
  BufferName N;
  N.Root = V->getCanonicalDecl();
  return N;
}

bool JumpTargetFinder::writesInto(const Stmt *S, const BufferName &Name,
                                  bool &IsCopy) const {
  return writtenBuffer(S, IsCopy).covers(Name);
}

bool JumpTargetFinder::confined(const FunctionDecl *FD, const VarDecl *V) {
  auto [It, New] = Confined.try_emplace({FD, V}, false);
  if (!New)
    return It->second;
  ParentMap PM(FD->getBody());
  // Follows one use up to what consumes it.
  auto Harmless = [&](const Stmt *Use) {
    const Stmt *Cur = Use;
    for (;;) {
      const Stmt *P = PM.getParent(Cur);
      if (!P)
        return false;
      if (isa<ParenExpr>(P) || isa<CastExpr>(P)) {
        Cur = P;
        continue;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(P)) {
        // Another field of a holder: its use does not reach the buffer.
        if (!involvesJmpBuf(ME->getType()))
          return true;
        Cur = P;
        continue;
      }
      if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
        if (UO->getOpcode() != UO_AddrOf)
          return false;
        Cur = P;
        continue;
      }
      if (isa<UnaryExprOrTypeTraitExpr>(P))
        return true;
      if (const auto *Call = dyn_cast<CallExpr>(P)) {
        if (Call->getCallee() == Cur)
          return false;
        if (jumpCall(Call))
          return Call->getNumArgs() > 0 && Call->getArg(0) == Cur;
        // A library copy reads or writes it and keeps nothing.
        return writtenDestination(*Call) != nullptr;
      }
      const auto *E = cast<Expr>(Cur);
      if (const auto *BO = dyn_cast<BinaryOperator>(P))
        return BO->getOpcode() == BO_Assign &&
               (BO->getLHS() == Cur || !E->getType()->isPointerType());
      if (isa<DeclStmt>(P))
        return !E->getType()->isPointerType();
      return false;
    }
  };
  bool Result = true;
  visitStmts(FD->getBody(), [&](const Stmt *S) {
    const auto *DRE = dyn_cast<DeclRefExpr>(S);
    if (Result && DRE && DRE->getDecl() == V && !Harmless(DRE))
      Result = false;
  });
  Confined[{FD, V}] = Result;
  return Result;
}

void JumpTargetFinder::checkLocalBuffers(const FunctionDecl *FD,
                                         const JumpCall &J) {
  const VarDecl *Root = J.Buffer.Root;
  if (!Root || !Root->hasLocalStorage() || isa<ParmVarDecl>(Root) ||
      Root->getType()->isPointerType() || !confined(FD, Root))
    return;
  FunctionAnalysis *A = TU.analysis(FD);
  if (!A)
    return;
  const Stmt *Hit = hitFromEntry(*A, [&](const Stmt *S) {
    if (S == J.Call)
      return Mark::Hit;
    if (const JumpCall *Other = jumpCall(S))
      return Other->Sets && Other->Buffer == J.Buffer ? Mark::Kill : Mark::None;
    bool IsCopy = false;
    return writesInto(S, J.Buffer, IsCopy) ? Mark::Kill : Mark::None;
  });
  if (!Hit)
    return;
  JumpFinding F =
      makeFinding(JumpFinding::UnsetBuffer, J.Call, J.Buffer.spelling(), FD);
  SmallVector<const JumpCall *, 2> Sets = setsOf(J.Buffer);
  if (Sets.empty())
    F.Notes.push_back(
        {JumpFinding::DeclaredUnset, Root->getLocation(), F.Buffer});
  else
    F.Notes.push_back({JumpFinding::SetElsewhere,
                       Sets.front()->Call->getBeginLoc(), F.Buffer});
  Findings.push_back(std::move(F));
}

void JumpTargetFinder::checkCopies(const FunctionDecl *FD, const JumpCall &J) {
  if (!J.Buffer.valid())
    return;
  // Without a copy into the buffer in the body, no CFG is needed.  The
  // copies of a function are collected once, with one walk of its body.
  auto [It, New] = CopiesIn.try_emplace(FD);
  if (New)
    visitStmts(FD->getBody(), [&, &Copies = It->second](const Stmt *S) {
      bool IsCopy = false;
      BufferName Into = writtenBuffer(S, IsCopy);
      if (IsCopy && Into.valid())
        Copies.push_back(std::move(Into));
    });
  if (llvm::none_of(It->second,
                    [&](const BufferName &N) { return N.covers(J.Buffer); }))
    return;
  const VarDecl *Root = J.Buffer.Root;
  bool Private =
      Root->hasLocalStorage() && !isa<ParmVarDecl>(Root) && confined(FD, Root);
  FunctionAnalysis *A = TU.analysis(FD);
  std::optional<CFGPoint> At = A ? A->pointOf(J.Call) : std::nullopt;
  if (!At)
    return;
  const Stmt *Copy = hitBackwards(
      *A, *At,
      [&](const Stmt *S) {
        if (const JumpCall *Other = jumpCall(S))
          return Other->Sets && Other->Buffer == J.Buffer ? Mark::Kill
                                                          : Mark::None;
        bool IsCopy = false;
        if (writesInto(S, J.Buffer, IsCopy))
          return IsCopy ? Mark::Hit : Mark::Kill;
        // Before its declaration the buffer does not exist.
        if (const auto *DS = dyn_cast<DeclStmt>(S))
          if (llvm::is_contained(DS->decls(), J.Buffer.Root))
            return Mark::Kill;
        // A function of the program might set a buffer it can reach.
        const auto *Call = dyn_cast<CallExpr>(S);
        if (Private || !Call)
          return Mark::None;
        const FunctionDecl *Callee = calledFunction(*Call);
        bool Library =
            Callee &&
            (Callee->getBuiltinID() != 0 ||
             Ctx.getSourceManager().isInSystemHeader(Callee->getLocation()));
        return Library ? Mark::None : Mark::Kill;
      },
      [](const CFGBlock &, const CFGBlock &) { return true; });
  if (!Copy)
    return;
  JumpFinding F =
      makeFinding(JumpFinding::CopiedBuffer, J.Call, J.Buffer.spelling(), FD);
  // Name what the copy writes: the buffer, or the struct that holds it.
  bool IsCopy = false;
  F.Notes.push_back({JumpFinding::CopiedHere, Copy->getBeginLoc(),
                     writtenBuffer(Copy, IsCopy).spelling()});
  Findings.push_back(std::move(F));
}

} // namespace recover::model::jumps
