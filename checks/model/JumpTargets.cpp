//===--- JumpTargets.cpp - what a longjmp jumps to, and with which value --===//

#include "checks/model/JumpTargets.h"

#include "checks/model/JumpTargetFinder.h"
#include "checks/model/StateModel.h"
#include "checks/model/TranslationUnitModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"

#include <deque>
#include <optional>

using namespace clang;
using llvm::DenseSet;

namespace recover::model {

bool BufferName::covers(const BufferName &Inner) const {
  if (Root != Inner.Root || Fields.size() > Inner.Fields.size())
    return false;
  return std::equal(Fields.begin(), Fields.end(), Inner.Fields.begin());
}

std::string BufferName::spelling() const {
  if (!Root)
    return "";
  std::string S = Root->getName().str();
  for (const FieldDecl *F : Fields)
    S += "." + F->getName().str();
  return S;
}

/// \p E without parentheses, casts and a leading '&': the object or
/// function a pointer argument names.
static const Expr *addressedOperand(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  return E;
}

BufferName bufferNamed(const Expr *E) {
  BufferName N;
  E = addressedOperand(E);
  SmallVector<const FieldDecl *, 2> Reversed;
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (ME->isArrow() || !Field)
      return N;
    Reversed.push_back(Field);
    E = ME->getBase()->IgnoreParenImpCasts();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V)
    return N;
  N.Root = V->getCanonicalDecl();
  N.Fields.assign(Reversed.rbegin(), Reversed.rend());
  return N;
}

namespace jumps {

/// Calls \p Visit for \p S and every statement below it.
void visitStmts(const Stmt *S, llvm::function_ref<void(const Stmt *)> Visit) {
  if (!S)
    return;
  Visit(S);
  for (const Stmt *Child : S->children())
    visitStmts(Child, Visit);
}

/// The function \p E names (`f`, `&f`, `(handler_t)f`), or null.
const FunctionDecl *referencedFunction(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(addressedOperand(E));
  return DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
}

/// A finding of \p Kind at \p Jump, seen from \p From.
JumpFinding makeFinding(JumpFinding::KindTy Kind, const CallExpr *Jump,
                        std::string Buffer, const FunctionDecl *From) {
  JumpFinding F;
  F.Kind = Kind;
  F.Jump = Jump;
  F.Buffer = std::move(Buffer);
  F.Function = From->getName().str();
  return F;
}

namespace {

/// The blocks of \p Cfg by ID.
std::vector<const CFGBlock *> blocksByID(const CFG &Cfg) {
  std::vector<const CFGBlock *> Blocks(Cfg.getNumBlockIDs(), nullptr);
  for (const CFGBlock *B : Cfg)
    Blocks[B->getBlockID()] = B;
  return Blocks;
}

/// What the first elements of a block hold for a walk.
struct BlockScan {
  /// The first statement marked Hit, unless a Kill came before it.
  const Stmt *Hit = nullptr;
  bool Killed = false;
};

/// Classifies the first \p Count elements of block \p ID, in order or, with
/// \p Backwards, from the last of them back, up to the first Hit or Kill.
BlockScan scanBlock(const FunctionAnalysis &A, unsigned ID, unsigned Count,
                    bool Backwards,
                    llvm::function_ref<Mark(const Stmt *)> Classify) {
  BlockScan Scan;
  for (unsigned K = 0; K < Count; ++K) {
    const Stmt *S = A.stmtAt({ID, Backwards ? Count - 1 - K : K});
    Mark M = S ? Classify(S) : Mark::None;
    if (M == Mark::Hit)
      Scan.Hit = S;
    Scan.Killed = M == Mark::Kill;
    if (M != Mark::None)
      break;
  }
  return Scan;
}

} // namespace

const Stmt *hitFromEntry(const FunctionAnalysis &A,
                         llvm::function_ref<Mark(const Stmt *)> Classify) {
  auto Hit = A.firstFromEntry(
      [&](const Stmt *S) { return Classify(S) == Mark::Hit; },
      [&](const Stmt *S) { return Classify(S) == Mark::Kill; });
  return Hit ? Hit->first : nullptr;
}

const Stmt *hitBackwards(
    const FunctionAnalysis &A, CFGPoint From,
    llvm::function_ref<Mark(const Stmt *)> Classify,
    llvm::function_ref<bool(const CFGBlock &, const CFGBlock &)> EdgeOpen) {
  std::vector<const CFGBlock *> Blocks = blocksByID(A.cfg());
  std::vector<bool> Seen(Blocks.size(), false);
  // Each item: a block and how many of its elements to look at, from the
  // last of them back.
  std::deque<std::pair<unsigned, unsigned>> Work{{From.Block, From.Index}};
  while (!Work.empty()) {
    auto [ID, End] = Work.front();
    Work.pop_front();
    const CFGBlock *B = Blocks[ID];
    BlockScan Scan = scanBlock(A, ID, End, /*Backwards=*/true, Classify);
    if (Scan.Hit)
      return Scan.Hit;
    if (Scan.Killed)
      continue;
    for (const CFGBlock::AdjacentBlock &Pred : B->preds()) {
      const CFGBlock *Prev = Pred.getReachableBlock();
      if (!Prev || Seen[Prev->getBlockID()] || !EdgeOpen(*Prev, *B))
        continue;
      Seen[Prev->getBlockID()] = true;
      Work.push_back({Prev->getBlockID(), Prev->size()});
    }
  }
  return nullptr;
}

void JumpTargetFinder::collectCalls() {
  const Vocabulary &Vocab = TU.vocabulary();
  for (const FunctionDecl *FD : TU.functions()) {
    for (const auto &[Call, Callee] : TU.calls(FD)) {
      bool Sets = Vocab.isRecover(Callee);
      if (!Sets && !Vocab.isBuiltinPanic(Callee))
        continue;
      JumpCall J;
      J.Call = Call;
      J.Function = FD;
      J.Sets = Sets;
      if (Call->getNumArgs() > 0)
        J.Buffer = bufferNamed(Call->getArg(0));
      StringRef Name = Callee->getName();
      if (Sets) {
        std::optional<llvm::APSInt> Mask;
        if ((Name == "sigsetjmp" || Name == "__sigsetjmp") &&
            Call->getNumArgs() > 1)
          Mask = integerConstant(*Call->getArg(1), Ctx);
        J.WithoutMask =
            Name == "setjmp" || Name == "_setjmp" || (Mask && Mask->isZero());
      } else {
        J.WithoutMask = Name == "longjmp" || Name == "_longjmp";
        J.SigJump = Name == "siglongjmp";
      }
      Calls.try_emplace(Call, J);
      CallsIn[FD].push_back(Call);
    }
  }
}

std::vector<JumpFinding> JumpTargetFinder::run() {
  collectCalls();
  bool AnyJump =
      llvm::any_of(Calls, [](const auto &KV) { return !KV.second.Sets; });
  if (!AnyJump)
    return {};
  // What reaches a jump within its function is known only when every
  // statement is there: clang drops some statements that do not compile
  // without a trace in the AST (LLVM 22 drops `v = undeclared;`), and a
  // missing assignment would make a definition seem to reach the jump.
  bool Complete = !Ctx.getDiagnostics().hasErrorOccurred();
  for (const auto &[FD, InFD] : CallsIn) {
    for (const CallExpr *Call : InFD) {
      const JumpCall &J = Calls.find(Call)->second;
      if (J.Sets)
        continue;
      checkZeroValues(FD, J, Complete);
      if (!Complete)
        continue;
      checkLocalBuffers(FD, J);
      checkCopies(FD, J);
    }
  }
  checkContexts();
  return std::move(Findings);
}

SmallVector<const JumpCall *, 2>
JumpTargetFinder::setsOf(const BufferName &Name) const {
  SmallVector<const JumpCall *, 2> Sets;
  for (const auto &[FD, InFD] : CallsIn)
    for (const CallExpr *Call : InFD) {
      const JumpCall &J = Calls.find(Call)->second;
      if (J.Sets && J.Buffer == Name)
        Sets.push_back(&J);
    }
  return Sets;
}

std::vector<Reached>
JumpTargetFinder::reachableFrom(const FunctionDecl *Root) const {
  std::vector<Reached> Order{{Root, nullptr, 0}};
  DenseSet<const FunctionDecl *> Seen{Root};
  for (unsigned I = 0; I < Order.size(); ++I)
    for (const auto &[Call, Callee] : TU.calls(Order[I].Function))
      if (const FunctionDecl *Def = TU.definition(Callee))
        if (Seen.insert(Def).second)
          Order.push_back({Def, Call, I});
  return Order;
}

SmallVector<const CallExpr *, 2> JumpTargetFinder::chainTo(ArrayRef<Reached> R,
                                                           unsigned I) {
  SmallVector<const CallExpr *, 2> Chain;
  for (; I != 0; I = R[I].Parent)
    Chain.push_back(R[I].Via);
  std::reverse(Chain.begin(), Chain.end());
  return Chain;
}

void JumpTargetFinder::addChainNotes(JumpFinding &F, ArrayRef<Reached> R,
                                     unsigned I) {
  for (const CallExpr *Call : chainTo(R, I))
    F.Notes.push_back({JumpFinding::ReachedThrough, Call->getBeginLoc(),
                       R.front().Function->getName().str()});
}

std::vector<Installed>
JumpTargetFinder::installedBy(const Deallocators &Functions) const {
  std::vector<Installed> Entries;
  for (const FunctionDecl *FD : TU.functions())
    for (const auto &CallAndCallee : TU.calls(FD))
      if (const Expr *Arg = Functions.freedArgument(*CallAndCallee.first))
        if (const FunctionDecl *Def = TU.definition(referencedFunction(Arg)))
          Entries.push_back({Def, CallAndCallee.first});
  return Entries;
}

} // namespace jumps

std::vector<JumpFinding>
findJumpTargetProblems(TranslationUnitModel &TU,
                       const Deallocators &ThreadStarts,
                       const Deallocators &SignalRegistrations) {
  return jumps::JumpTargetFinder(TU, ThreadStarts, SignalRegistrations).run();
}

} // namespace recover::model
