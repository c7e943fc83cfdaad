//===--- RecoveryPaths.cpp - what one function's recovery paths do --------===//
//
// Part of the shared setjmp/longjmp model.
//
// The questions asked of a function's recovery paths, on its CFG: which
// locations they read and assign and which functions they call, whether
// they read a local, which statements lie on every path from a point, and
// how a path leaves the function without writing a location; and what the
// recovery paths of the whole translation unit access (consumedByRecovery(),
// recoveryKeys()).
//
//===----------------------------------------------------------------------===//

#include "checks/model/FunctionAnalysisDetail.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"

#include <deque>

using namespace clang;
using llvm::DenseSet;

namespace recover::model {

/// The location an expression names when it is read or written on a
/// recovery path: globals by variable, anything else by field.
static void collectAccess(const Stmt *S, DenseSet<Location> &Locs) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    // Locals too: an escaped local is state to its own function, and only
    // that function's recovery path can name it.
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      Locs.insert({Location::Variable, V});
  } else if (const auto *ME = dyn_cast<MemberExpr>(S)) {
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      Locs.insert({Location::Field, FD});
  }
}

/// The location that \p S gives a value by a plain assignment, as
/// collectAccess() names it.
static void collectAssigned(const Stmt *S, DenseSet<Location> &Locs) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->getOpcode() == BO_Assign)
      collectAccess(BO->getLHS()->IgnoreParenImpCasts(), Locs);
}

void FunctionAnalysis::recoveryAccesses(
    DenseSet<Location> &Locs, DenseSet<Location> &Assigned,
    SmallVectorImpl<const FunctionDecl *> &Callees) const {
  // Where the protected code cannot be told from the recovery path, taking
  // it all as recovery would excuse every change the protected code makes:
  // forEachOnRecoveryPath visits nothing there.
  for (unsigned I = 0; I < RecoverPoints.size(); ++I)
    forEachOnRecoveryPath(I, [&](const Stmt *S) {
      collectAccess(S, Locs);
      collectAssigned(S, Assigned);
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Def = TU.definition(calledFunction(*Call)))
          Callees.push_back(Def);
    });
}

bool FunctionAnalysis::forEachOnRecoveryPath(
    unsigned I, llvm::function_ref<void(const Stmt *)> Visit) const {
  const RecoverPoint &R = RecoverPoints[I];
  if (!R.Split)
    return false;
  for (unsigned Blk = 0; Blk < R.RecoveryFrom.size(); ++Blk) {
    if (R.RecoveryFrom[Blk] == None)
      continue;
    const auto &Row = Elements[Blk];
    for (unsigned Idx = R.RecoveryFrom[Blk]; Idx < Row.size(); ++Idx)
      if (const Stmt *S = Row[Idx].S)
        Visit(S);
  }
  return true;
}

void FunctionAnalysis::forEachElement(
    llvm::function_ref<void(CFGPoint, const Stmt *)> Visit) const {
  for (const CFGBlock *B : *Cfg)
    for (unsigned I = 0; I < B->size(); ++I)
      if (const Stmt *S = Elements[B->getBlockID()][I].S)
        Visit({B->getBlockID(), I}, S);
}

std::optional<CFGPoint> FunctionAnalysis::pointOf(const Stmt *S) const {
  for (const CFGBlock *B : *Cfg)
    for (unsigned I = 0; I < B->size(); ++I)
      if (Elements[B->getBlockID()][I].S == S)
        return CFGPoint{B->getBlockID(), I};
  return std::nullopt;
}

unsigned FunctionAnalysis::numRecoverPoints() const {
  return static_cast<unsigned>(RecoverPoints.size());
}

const CallExpr *FunctionAnalysis::recoverPointCall(unsigned I) const {
  return RecoverPoints[I].Call;
}

bool FunctionAnalysis::inProtectedRegionOf(unsigned I, CFGPoint P) const {
  return RecoverPoints[I].isProtected(P);
}

/// Whether \p S reads the value of local \p V: an lvalue-to-rvalue
/// conversion of its storage, or an operator that reads before it writes.
static bool readsLocal(const Stmt *S, const VarDecl *V) {
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S))
    return Cast->getCastKind() == CK_LValueToRValue &&
           FrameFacts::localRoot(Cast->getSubExpr()) == V;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() &&
           FrameFacts::localRoot(UO->getSubExpr()) == V;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isCompoundAssignmentOp() &&
           FrameFacts::localRoot(BO->getLHS()) == V;
  return false;
}

/// Whether \p S gives the whole of local \p V a new value.
static bool assignsLocal(const Stmt *S, const VarDecl *V) {
  const auto *BO = dyn_cast<BinaryOperator>(S);
  if (!BO || BO->getOpcode() != BO_Assign)
    return false;
  const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens());
  return DRE && DRE->getDecl() == V;
}

std::optional<CFGPoint>
FunctionAnalysis::readOnRecoveryPath(unsigned I, const VarDecl *V) const {
  std::optional<CFGPoint> Found;
  walkCFG(
      Blocks, Cfg->getExit().getBlockID(), RecoverPoints[I].RecoveryEntries,
      [&](CFGPoint P) {
        const Stmt *S = Elements[P.Block][P.Index].S;
        if (!S)
          return Step::Next;
        if (readsLocal(S, V)) {
          Found = P;
          return Step::Finish;
        }
        return assignsLocal(S, V) ? Step::EndPath : Step::Next;
      },
      [] { return false; });
  return Found;
}

bool FunctionAnalysis::passedOnEveryPath(CFGPoint P,
                                         ArrayRef<const Stmt *> Sites) const {
  if (Sites.empty())
    return false;
  bool Reached = false;
  walkCFG(
      Blocks, Cfg->getExit().getBlockID(),
      CFGPoint{Cfg->getEntry().getBlockID(), 0},
      [&](CFGPoint At) {
        if (At.Block == P.Block && At.Index == P.Index) {
          Reached = true;
          return Step::Finish;
        }
        const Stmt *S = Elements[At.Block][At.Index].S;
        return S && llvm::is_contained(Sites, S) ? Step::EndPath : Step::Next;
      },
      [] { return false; });
  return !Reached;
}

std::optional<std::pair<const Stmt *, const CallExpr *>>
FunctionAnalysis::firstFromEntry(
    llvm::function_ref<bool(const Stmt *)> Match,
    llvm::function_ref<bool(const Stmt *)> EndsPath) const {
  // The entry block holds no statements: a walk from just after its first
  // index starts at its successors.
  return firstAfter(CFGPoint{Cfg->getEntry().getBlockID(), 0}, Match, EndsPath);
}

std::optional<std::pair<const Stmt *, const CallExpr *>>
FunctionAnalysis::firstAfter(
    CFGPoint From, llvm::function_ref<bool(const Stmt *)> Match,
    llvm::function_ref<bool(const Stmt *)> EndsPath) const {
  std::optional<std::pair<const Stmt *, const CallExpr *>> Found;
  walkCFG(
      Blocks, Cfg->getExit().getBlockID(), CFGPoint{From.Block, From.Index + 1},
      [&](CFGPoint P) {
        const Stmt *S = Elements[P.Block][P.Index].S;
        if (!S)
          return Step::Next;
        if (Match(S)) {
          Found = std::make_pair(S, dyn_cast<CallExpr>(S));
          return Step::Finish;
        }
        return EndsPath && EndsPath(S) ? Step::EndPath : Step::Next;
      },
      [] { return false; });
  return Found;
}

/// The statement by which block \p B leaves for somewhere else than the next
/// statement: a return among its elements, or a jump as its terminator.
static const Stmt *jumpOf(const CFGBlock &B) {
  if (const Stmt *T = B.getTerminatorStmt())
    if (isa<BreakStmt>(T) || isa<ContinueStmt>(T) || isa<GotoStmt>(T))
      return T;
  for (const CFGElement &E : B)
    if (auto S = E.getAs<CFGStmt>())
      if (isa<ReturnStmt>(S->getStmt()))
        return S->getStmt();
  return nullptr;
}

std::optional<const Stmt *> FunctionAnalysis::exitWithout(CFGPoint From,
                                                          Location Loc) {
  unsigned ExitID = Cfg->getExit().getBlockID();
  // Breadth first, remembering the first jump passed on the way.
  std::vector<unsigned> Seen(Cfg->getNumBlockIDs(), None);
  struct Item {
    CFGPoint At;
    const Stmt *Jump;
  };
  std::deque<Item> Work{{{From.Block, From.Index + 1}, nullptr}};
  while (!Work.empty()) {
    Item It = Work.front();
    Work.pop_front();
    if (It.At.Block == ExitID)
      return It.Jump;
    if (It.At.Index >= Seen[It.At.Block])
      continue;
    Seen[It.At.Block] = It.At.Index;
    const CFGBlock *B = Blocks[It.At.Block];
    bool Stopped = false;
    for (unsigned J = It.At.Index; J < B->size() && !Stopped; ++J) {
      CFGPoint P{It.At.Block, J};
      if (!element(P).S)
        continue;
      // A HandlerPopFunctions call takes the handler down (a function
      // whose body does is among the writes).
      const auto *Call = dyn_cast<CallExpr>(element(P).S);
      Stopped = neverReturns(P) || writes(P, Loc) ||
                (Call && TU.options().popsHandler(calledFunction(*Call)));
    }
    if (Stopped)
      continue;
    const Stmt *Jump = It.Jump ? It.Jump : jumpOf(*B);
    for (const CFGBlock *Succ : B->succs())
      if (Succ)
        Work.push_back({{Succ->getBlockID(), 0}, Jump});
  }
  return std::nullopt;
}

bool TranslationUnitModel::consumedByRecovery(Location Loc) {
  return recoveryAccess().Accessed.count(Loc) != 0;
}

std::vector<std::string> TranslationUnitModel::recoveryKeys() {
  std::set<std::string> Keys;
  for (const Location &Loc : recoveryAccess().Assigned)
    if (std::optional<std::string> Key = entryKey(Loc, Ctx.getSourceManager()))
      Keys.insert(std::move(*Key));
  return {Keys.begin(), Keys.end()};
}

const TranslationUnitModel::RecoveryAccess &
TranslationUnitModel::recoveryAccess() {
  if (!Recovery) {
    DenseSet<Location> Locs, Assigned;
    SmallVector<const FunctionDecl *, 8> Callees;
    struct Collector : RecursiveASTVisitor<Collector> {
      TranslationUnitModel &TU;
      DenseSet<Location> &Locs;
      DenseSet<Location> &Assigned;
      SmallVectorImpl<const FunctionDecl *> *Callees = nullptr;
      Collector(TranslationUnitModel &TU, DenseSet<Location> &Locs,
                DenseSet<Location> &Assigned)
          : TU(TU), Locs(Locs), Assigned(Assigned) {}
      bool VisitBinaryOperator(BinaryOperator *BO) {
        collectAssigned(BO, Assigned);
        return true;
      }
      bool VisitDeclRefExpr(DeclRefExpr *E) {
        collectAccess(E, Locs);
        return true;
      }
      bool VisitMemberExpr(MemberExpr *E) {
        collectAccess(E, Locs);
        return true;
      }
      bool VisitCallExpr(CallExpr *Call) {
        if (Callees)
          if (const FunctionDecl *Def = TU.definition(calledFunction(*Call)))
            Callees->push_back(Def);
        return true;
      }
    } C(*this, Locs, Assigned);
    C.Callees = &Callees;
    for (const FunctionDecl *FD : Functions) {
      if (recovers(FD))
        if (FunctionAnalysis *A = analysis(FD))
          A->recoveryAccesses(Locs, Assigned, Callees);
      // The error branches of the callers of protected-call wrappers
      // (ProtectedCalls.cpp).
      SmallVector<const Stmt *, 2> Branches;
      errorBranches(FD, Branches);
      for (const Stmt *Branch : Branches)
        C.TraverseStmt(const_cast<Stmt *>(Branch));
    }
    // One level into the functions the recovery paths call: the common
    // `reset_state(S)` handler.
    C.Callees = nullptr;
    DenseSet<const FunctionDecl *> Done;
    for (const FunctionDecl *Def : Callees)
      if (Done.insert(Def).second)
        C.TraverseStmt(Def->getBody());
    Recovery = RecoveryAccess{std::move(Locs), std::move(Assigned)};
  }
  return *Recovery;
}

} // namespace recover::model
