//===--- FunctionAnalysis.cpp - the flow facts of one function ------------===//
//
// Part of the shared setjmp/longjmp model.
//
// One function's CFG, built once: its recover points and their protected
// regions and recovery paths, the state changes at each element, where a
// panic can follow a point, whether a later write completes a change, and
// the effects the function leaves behind for its callers.  What its
// recovery paths read and write is in RecoveryPaths.cpp.
//
//===----------------------------------------------------------------------===//

#include "checks/model/FunctionAnalysisDetail.h"

#include "checks/model/JmpBufFacts.h"
#include "checks/model/RecoverPoint.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <functional>
#include <set>

using namespace clang;

namespace recover::model {

FunctionAnalysis::FunctionAnalysis(const FunctionDecl &FD,
                                   TranslationUnitModel &TU,
                                   std::unique_ptr<CFG> Cfg)
    : FD(FD), TU(TU), Cfg(std::move(Cfg)),
      Facts(FD, TU.recovers(&FD), TU, TU.options().Deallocation) {}

FunctionAnalysis::~FunctionAnalysis() = default;

std::unique_ptr<FunctionAnalysis>
FunctionAnalysis::create(const FunctionDecl &FD, TranslationUnitModel &TU) {
  Stmt *Body = FD.getBody();
  if (!Body || FD.isInvalidDecl())
    return nullptr;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg = CFG::buildCFG(&FD, Body, &TU.context(), Options);
  if (!Cfg)
    return nullptr;
  std::unique_ptr<FunctionAnalysis> A(
      new FunctionAnalysis(FD, TU, std::move(Cfg)));
  A->Elements.resize(A->Cfg->getNumBlockIDs());
  A->Blocks.assign(A->Cfg->getNumBlockIDs(), nullptr);
  for (const CFGBlock *B : *A->Cfg) {
    A->Blocks[B->getBlockID()] = B;
    auto &Row = A->Elements[B->getBlockID()];
    Row.resize(B->size());
    for (unsigned I = 0; I < B->size(); ++I) {
      auto S = (*B)[I].getAs<CFGStmt>();
      if (!S)
        continue;
      // A function that did not compile is given up on, not guessed at.
      if (const auto *E = dyn_cast<Expr>(S->getStmt()))
        if (E->containsErrors())
          return nullptr;
      Row[I].S = S->getStmt();
    }
  }
  A->findRecoverPoints();
  A->classifyElements();
  return A;
}

FunctionAnalysis::Element &FunctionAnalysis::element(CFGPoint P) {
  return Elements[P.Block][P.Index];
}

const Stmt *FunctionAnalysis::stmtAt(CFGPoint P) const {
  return Elements[P.Block][P.Index].S;
}

void FunctionAnalysis::reach(
    ArrayRef<CFGPoint> Entries, CFGPoint Barrier, std::vector<unsigned> &From,
    std::vector<unsigned> *To,
    llvm::function_ref<bool(CFGPoint)> EndsAfter) const {
  From.assign(Cfg->getNumBlockIDs(), None);
  if (To)
    To->assign(Cfg->getNumBlockIDs(), 0);
  walkCFG(
      Blocks, Cfg->getExit().getBlockID(), Entries,
      [&](CFGPoint P) {
        From[P.Block] = std::min(From[P.Block], P.Index);
        if (To)
          (*To)[P.Block] = std::max((*To)[P.Block], P.Index);
        // Calling the recover point again starts its regions anew.
        bool End = (P.Block == Barrier.Block && P.Index == Barrier.Index) ||
                   (EndsAfter && EndsAfter(P));
        return End ? Step::EndPath : Step::Next;
      },
      [] { return false; });
}

void FunctionAnalysis::findRecoverPoints() {
  const Vocabulary &Vocab = TU.vocabulary();
  for (const CFGBlock *B : *Cfg) {
    for (unsigned I = 0; I < B->size(); ++I) {
      const auto *Call =
          dyn_cast_or_null<CallExpr>(Elements[B->getBlockID()][I].S);
      if (!Call || !Vocab.isRecover(calledFunction(*Call)))
        continue;
      RecoverPoint R;
      R.Call = Call;
      R.At = {B->getBlockID(), I};
      RecoverPointContext Ctx = classifyRecoverPoint(*Call, TU.context());
      SmallVector<CFGPoint, 2> Protected, Recovery;
      bool Split = Ctx.Form == RecoverForm::Condition &&
                   B->getTerminatorStmt() == Ctx.ControlStmt;
      if (Split && isa<SwitchStmt>(Ctx.ControlStmt)) {
        // case 0 is the protected region, the other labels recovery.
        for (const CFGBlock *Succ : B->succs()) {
          if (!Succ)
            continue;
          const auto *Case = dyn_cast_or_null<CaseStmt>(Succ->getLabel());
          Expr::EvalResult V;
          bool IsZero = Case && Case->getLHS() &&
                        Case->getLHS()->EvaluateAsInt(V, TU.context()) &&
                        V.Val.getInt() == 0;
          (IsZero ? Protected : Recovery).push_back({Succ->getBlockID(), 0});
        }
        if (Protected.empty())
          Split = false;
      } else if (Split) {
        // An AdjacentBlock converts to its reachable block (null when the
        // branch cannot be taken); GCC rejects mixing it with nullptr in ?:.
        const CFGBlock *Then = nullptr, *Else = nullptr;
        if (B->succ_size() > 0)
          Then = *B->succ_begin();
        if (B->succ_size() > 1)
          Else = *(B->succ_begin() + 1);
        auto Add = [](SmallVectorImpl<CFGPoint> &To, Truth T,
                      const CFGBlock *Then, const CFGBlock *Else) {
          if (Then && T != Truth::False)
            To.push_back({Then->getBlockID(), 0});
          if (Else && T != Truth::True)
            To.push_back({Else->getBlockID(), 0});
        };
        Add(Protected, Ctx.WhenZero, Then, Else);
        Add(Recovery, Ctx.WhenNonZero, Then, Else);
      }
      if (!Split) {
        // Stored or discarded result: everything after the call is both
        // protected and on the recovery path.
        Protected.assign(1, {B->getBlockID(), I + 1});
        Recovery = Protected;
      }
      R.Split = Split;
      R.RecoveryEntries = Recovery;
      // Popping the handler that the recover point registered ends its
      // protected region: a jump after it goes to an outer handler.
      reach(Protected, R.At, R.ProtectedFrom, &R.ProtectedTo, [&](CFGPoint P) {
        const Stmt *S = Elements[P.Block][P.Index].S;
        if (const auto *BO = dyn_cast_or_null<BinaryOperator>(S))
          return BO->getOpcode() == BO_Assign && isHandlerPop(*BO);
        const auto *Call = dyn_cast_or_null<CallExpr>(S);
        return Call && TU.popsHandler(calledFunction(*Call));
      });
      reach(Recovery, R.At, R.RecoveryFrom);
      if (Split)
        for (unsigned Blk = 0; Blk < R.ProtectedFrom.size(); ++Blk)
          if (R.RecoveryFrom[Blk] != None)
            R.ProtectedFrom[Blk] = None;
      RecoverPoints.push_back(std::move(R));
    }
  }
}

bool FunctionAnalysis::inProtectedRegion(CFGPoint P) const {
  for (const RecoverPoint &R : RecoverPoints)
    if (R.isProtected(P))
      return true;
  return false;
}

std::vector<const FunctionDecl *>
FunctionAnalysis::namedInProtectedRegions() const {
  std::vector<const FunctionDecl *> Named;
  forEachElement([&](CFGPoint P, const Stmt *S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(S);
    const auto *F = Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
    if (F && inProtectedRegion(P) && !llvm::is_contained(Named, F))
      Named.push_back(F);
  });
  return Named;
}

const CallExpr *FunctionAnalysis::protectingRecoverPoint(CFGPoint P) const {
  for (const RecoverPoint &R : RecoverPoints)
    if (R.isProtected(P))
      return R.Call;
  return nullptr;
}

static Change makeChange(ChangeKind Kind, const Target &T, const Expr *What,
                         const FunctionDecl *Callee) {
  Change C;
  C.FrameLocal = T.FrameLocal;
  C.FrameVar = T.FrameVar;
  C.Kind = Kind;
  C.Loc = T.Loc;
  C.Target = What;
  C.Callee = Callee;
  C.ParamIndex = T.ParamIndex;
  return C;
}

bool FunctionAnalysis::isStateAt(const Target &T, CFGPoint P) {
  if (!T.IsState)
    return false;
  if (!T.FreshOwner)
    return true;
  const VarDecl *V = T.FreshOwner;
  // Points are numbered block by block.
  std::vector<unsigned> &Offset = PointOffsets;
  if (Offset.empty()) {
    Offset.assign(Blocks.size() + 1, 0);
    for (unsigned B = 0; B < Blocks.size(); ++B)
      Offset[B + 1] = Offset[B] + (Blocks[B] ? Blocks[B]->size() : 0);
  }
  // Through a cursor, a new value of V does not end the memory's
  // visibility: the cursor may still point into the block V held before.
  bool Cuts = !T.ThroughCursor;
  auto [It, New] = FreshEscaped.try_emplace({V, Cuts});
  llvm::BitVector &Reached = It->second;
  if (New) {
    Reached.resize(Offset.back());
    const FreshPointer *F = Facts.fresh(V);
    std::vector<CFGPoint> Work;
    std::vector<bool> Entered(Blocks.size(), false);
    unsigned Found = 0;
    forEachElement([&](CFGPoint At, const Stmt *S) {
      if (llvm::is_contained(F->Escapes, S)) {
        Work.push_back(At);
        ++Found;
      }
    });
    // An escape the CFG does not show could be anywhere.
    if (Found < F->Escapes.size())
      Reached.set();
    // From each escape to the end of its paths, or to the next value of V.
    // Not walkCFG: it skips an entry into a block already entered at an
    // earlier index, which is right only when no path ends inside a block;
    // here one ends at every new value of V, and a later escape in the
    // same block must still be followed.
    while (!Work.empty()) {
      CFGPoint At = Work.back();
      Work.pop_back();
      const CFGBlock *B = Blocks[At.Block];
      bool Ended = false;
      for (unsigned I = At.Index; I < B->size() && !Ended; ++I) {
        unsigned Flat = Offset[At.Block] + I;
        const Stmt *S = Elements[At.Block][I].S;
        if (Reached.test(Flat) || (Cuts && S && FrameFacts::assigns(S, V)))
          Ended = true;
        else
          Reached.set(Flat);
      }
      if (Ended)
        continue;
      for (const CFGBlock *Succ : B->succs())
        if (Succ && !Entered[Succ->getBlockID()]) {
          Entered[Succ->getBlockID()] = true;
          Work.push_back({Succ->getBlockID(), 0});
        }
    }
  }
  return Reached.test(Offset[P.Block] + P.Index);
}

void FunctionAnalysis::classifyWrite(const Expr *LHS, const Expr *RHS,
                                     CFGPoint P, Element &Elt) {
  Target T = Facts.classifyWrite(LHS);
  if (!T.Loc.valid() && !T.IsState)
    return;
  Detail &E = makeDetail(Elt);
  if (T.Loc.valid())
    E.Writes.push_back(T.Loc);
  if (!isStateAt(T, P))
    return;
  // Pushing or popping a handler belongs to recover-dangling-jmp-buf.
  if (involvesJmpBuf(LHS->getType())) {
    E.Changes.push_back(makeChange(ChangeKind::Handler, T, LHS, nullptr));
    return;
  }
  if (RHS && Facts.isRestore(LHS, RHS))
    return;
  // `free(p->buf); p->buf = NULL;` is one safe step.
  if (RHS && T.Loc.valid() && isNullValue(RHS, TU.context())) {
    for (unsigned I = 0; I < P.Index; ++I)
      for (const Change &C : detailOf(Elements[P.Block][I]).Changes)
        if (C.Kind == ChangeKind::Free && C.Loc == T.Loc)
          return;
  }
  E.Changes.push_back(makeChange(ChangeKind::Write, T, LHS, nullptr));
}

void FunctionAnalysis::classifyCall(const CallExpr &Call, CFGPoint P,
                                    Element &Elt) {
  Detail &E = makeDetail(Elt);
  const FunctionDecl *Callee = calledFunction(Call);
  if (Callee && TU.vocabulary().isRecover(Callee)) {
    E.Recover = true;
    return;
  }
  E.Panic = TU.mayPanic(Call, inProtectedRegion(P));
  E.IndirectInRegion = !Callee && !E.Panic && inProtectedRegion(P);
  if (const Expr *Dest = writtenDestination(Call)) {
    Target T = Facts.classifyPointee(Dest);
    if (T.Loc.valid())
      E.Writes.push_back(T.Loc);
    if (isStateAt(T, P) &&
        !involvesJmpBuf(Dest->IgnoreParenImpCasts()->getType())) {
      E.Changes.push_back(makeChange(ChangeKind::Library, T, Dest, Callee));
    }
    return;
  }
  if (const Expr *Freed = TU.options().Deallocation.freedArgument(Call)) {
    const Expr *Pointer = Freed->IgnoreParenCasts();
    // Only a pointer held in memory can be left pointing at what was freed.
    if (!isa<DeclRefExpr>(Pointer) && !isa<MemberExpr>(Pointer) &&
        !isa<ArraySubscriptExpr>(Pointer) && !isa<UnaryOperator>(Pointer))
      return;
    Target T = Facts.classifyWrite(Pointer);
    if (T.IsState && T.Loc.valid()) {
      E.Changes.push_back(makeChange(ChangeKind::Free, T, Pointer, Callee));
    }
    return;
  }
  if (Callee && TU.definition(Callee))
    E.EffectCall = &Call;
}

void FunctionAnalysis::classifyElements() {
  for (const CFGBlock *B : *Cfg) {
    unsigned ID = B->getBlockID();
    for (unsigned I = 0; I < B->size(); ++I) {
      Element &E = Elements[ID][I];
      if (!E.S)
        continue;
      CFGPoint P{ID, I};
      if (const auto *Call = dyn_cast<CallExpr>(E.S)) {
        classifyCall(*Call, P, E);
      } else if (const auto *BO = dyn_cast<BinaryOperator>(E.S)) {
        if (BO->isAssignmentOp())
          classifyWrite(BO->getLHS(),
                        BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr,
                        P, E);
      } else if (const auto *UO = dyn_cast<UnaryOperator>(E.S)) {
        if (UO->isIncrementDecrementOp())
          classifyWrite(UO->getSubExpr(), nullptr, P, E);
      }
      if (!detailOf(E).Changes.empty() || detailOf(E).EffectCall)
        ChangePoints.push_back(P);
    }
  }
}

ArrayRef<Change> FunctionAnalysis::changesAt(CFGPoint P) {
  Element &Elt = element(P);
  if (!Elt.D)
    return {};
  Detail &E = *Elt.D;
  if (!E.EffectCall)
    return E.Changes;
  const CallExpr *Call = E.EffectCall;
  E.EffectCall = nullptr;
  // What an allocator writes is its own bookkeeping, complete when it
  // returns: a free list or a heap's accounting that the jump leaves
  // whole.  Its writes that a jump inside it can tear are reported there.
  if (allocatesFreshMemory(*Call, TU.options().Allocation))
    return E.Changes;
  const FunctionDecl *Callee = TU.definition(calledFunction(*Call));
  FunctionAnalysis *A = Callee ? TU.analysis(Callee) : nullptr;
  if (!A)
    return E.Changes;
  for (const Effect &Eff : A->effects()) {
    // A write through the callee's parameter lands where the argument
    // points: nowhere that outlives this frame, or into memory reached
    // through one of this function's own parameters (`&P->X`, `Arr + 1`).
    Target Arg;
    Arg.IsState = true;
    if (Eff.ParamIndex >= 0) {
      if (static_cast<unsigned>(Eff.ParamIndex) >= Call->getNumArgs())
        continue;
      Arg = Facts.classifyPointee(
          Call->getArg(static_cast<unsigned>(Eff.ParamIndex)));
      if (!isStateAt(Arg, P))
        continue;
    }
    if (llvm::is_contained(E.Writes, Eff.Loc))
      continue;
    E.Writes.push_back(Eff.Loc);
    Change C;
    C.Kind = Eff.Handler ? ChangeKind::Handler : ChangeKind::Call;
    C.Loc = Eff.Loc;
    C.Target = Call;
    C.Callee = Callee;
    C.InnerSite = Eff.Site;
    C.Via = Eff.Via;
    if (Eff.ParamIndex >= 0)
      C.Argument = Call->getArg(static_cast<unsigned>(Eff.ParamIndex));
    C.ParamIndex = Arg.ParamIndex;
    C.FrameLocal = Arg.FrameLocal;
    C.FrameVar = Arg.FrameVar;
    E.Changes.push_back(C);
  }
  return E.Changes;
}

bool FunctionAnalysis::writes(CFGPoint P, Location Loc) {
  (void)changesAt(P);
  return llvm::is_contained(detailOf(element(P)).Writes, Loc);
}

bool FunctionAnalysis::neverReturns(CFGPoint P) {
  Element &Elt = element(P);
  // Only calls have details that can say so.
  if (!Elt.D)
    return false;
  Detail &E = *Elt.D;
  if (!E.Never) {
    const auto *Call = dyn_cast_or_null<CallExpr>(Elt.S);
    E.Never = Call && TU.neverReturns(*Call);
  }
  return *E.Never;
}

int FunctionAnalysis::panicInBlock(unsigned B, unsigned I) {
  for (; I < Blocks[B]->size(); ++I) {
    if (!Elements[B][I].S)
      continue;
    const Detail &E = detailOf(Elements[B][I]);
    if (E.Recover)
      return 0;
    if (E.Panic)
      return 1;
    if (neverReturns({B, I}))
      return 0;
  }
  return -1;
}

bool FunctionAnalysis::neverInBlock(unsigned B, unsigned I) {
  for (; I < Blocks[B]->size(); ++I)
    if (Elements[B][I].S && neverReturns({B, I}))
      return true;
  return false;
}

bool FunctionAnalysis::blockFacts() {
  if (BlockFactsReady)
    return true;
  if (ComputingBlockFacts)
    return false;
  ComputingBlockFacts = true;
  BlockFacts.assign(Blocks.size(), BlockFact());
  unsigned ExitID = Cfg->getExit().getBlockID();
  std::vector<int> PanicOwn(Blocks.size(), -1);
  std::vector<bool> NeverOwn(Blocks.size(), false);
  for (unsigned B = 0; B < Blocks.size(); ++B)
    if (Blocks[B]) {
      PanicOwn[B] = panicInBlock(B, 0);
      NeverOwn[B] = neverInBlock(B, 0);
    }
  BlockFacts[ExitID].ExitFromStart = true;
  // Backward fixpoint: both facts only ever turn true, so this terminates.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (unsigned B = 0; B < Blocks.size(); ++B) {
      if (!Blocks[B])
        continue;
      BlockFact &F = BlockFacts[B];
      bool Exit = F.ExitFromStart, Panic = PanicOwn[B] == 1;
      for (const CFGBlock *Succ : Blocks[B]->succs()) {
        if (!Succ)
          continue;
        const BlockFact &S = BlockFacts[Succ->getBlockID()];
        Exit |= !NeverOwn[B] && S.ExitFromStart;
        Panic |= PanicOwn[B] == -1 && S.PanicFromStart;
      }
      if (Exit != F.ExitFromStart || Panic != F.PanicFromStart) {
        F.ExitFromStart = Exit;
        F.PanicFromStart = Panic;
        Changed = true;
      }
    }
  }
  ComputingBlockFacts = false;
  BlockFactsReady = true;
  return true;
}

bool FunctionAnalysis::anyPanicAfter(CFGPoint From) {
  if (!blockFacts())
    return searchPanic({From.Block, From.Index + 1}, Location(), false, false,
                       nullptr)
        .has_value();
  int Own = panicInBlock(From.Block, From.Index + 1);
  if (Own != -1)
    return Own == 1;
  for (const CFGBlock *Succ : Blocks[From.Block]->succs())
    if (Succ && BlockFacts[Succ->getBlockID()].PanicFromStart)
      return true;
  return false;
}

std::optional<std::pair<CFGPoint, PanicStep>>
FunctionAnalysis::panicAfter(CFGPoint From, Location Loc, bool IndirectInRegion,
                             bool RegionOnly, const CallExpr *SameBuffer) {
  // The plain question (no location, no extra panics) with the answer "no
  // panic" comes from the block facts without a walk.
  if (!Loc.valid() && !IndirectInRegion && !RegionOnly && !anyPanicAfter(From))
    return std::nullopt;
  return searchPanic({From.Block, From.Index + 1}, Loc, IndirectInRegion,
                     RegionOnly, SameBuffer);
}

const Expr *writtenLValue(const Stmt *S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isAssignmentOp() ? BO->getLHS() : nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() ? UO->getSubExpr() : nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    return writtenDestination(*Call);
  return nullptr;
}

const Expr *changedLValue(const Change &C) {
  if (C.Kind != ChangeKind::Call)
    return C.Target;
  if (!C.InnerSite)
    return nullptr;
  if (const Expr *Written = writtenLValue(C.InnerSite))
    return Written;
  return dyn_cast<Expr>(C.InnerSite);
}

const Expr *
dereferencedPointer(const Expr *LValue,
                    llvm::function_ref<void(const RecordDecl *)> Enclosing) {
  const Expr *E = LValue->IgnoreParenImpCasts();
  for (;;) {
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!Field)
        return nullptr;
      if (Enclosing)
        Enclosing(Field->getParent());
      if (ME->isArrow())
        return ME->getBase();
      E = ME->getBase()->IgnoreParenImpCasts();
    } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (!Base->getType()->isArrayType())
        return ASE->getBase();
      E = Base;
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E);
               UO && UO->getOpcode() == UO_Deref) {
      return UO->getSubExpr();
    } else {
      return nullptr;
    }
  }
}

/// The expression that designates the object whose part \p LValue is:
/// `p` for `p->f`, `p->f[i]` and `*p`, `s` for `s.f`.
static const Expr *objectDesignator(const Expr *LValue) {
  const Expr *E = LValue->IgnoreParenImpCasts();
  for (;;) {
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      E = ASE->getBase()->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->getBase()->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_Deref)
        return UO->getSubExpr()->IgnoreParenImpCasts();
    return E;
  }
}

/// Whether lvalues \p A and \p B are parts of objects spelled alike.
static bool sameObject(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  llvm::FoldingSetNodeID IA, IB;
  objectDesignator(A)->Profile(IA, Ctx, /*Canonical=*/true);
  objectDesignator(B)->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

Location FunctionAnalysis::writtenLocation(const Stmt *S) const {
  const Expr *LValue = S ? writtenLValue(S) : nullptr;
  return LValue ? Facts.locationOf(LValue) : Location();
}

const VarDecl *FunctionAnalysis::freesReplaced(const Stmt *S,
                                               Location Loc) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(S);
  const Expr *Freed =
      Call ? TU.options().Deallocation.freedArgument(*Call) : nullptr;
  const auto *DRE =
      Freed ? dyn_cast<DeclRefExpr>(Freed->IgnoreParenCasts()) : nullptr;
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V && V->hasLocalStorage() && Facts.holdsCopyOf(V, Loc) ? V : nullptr;
}

bool FunctionAnalysis::reachesBefore(CFGPoint From, CFGPoint To,
                                     const Stmt *Barrier) {
  bool Found = false;
  walkCFG(
      Blocks, Cfg->getExit().getBlockID(), CFGPoint{From.Block, From.Index + 1},
      [&](CFGPoint P) {
        if (P.Block == To.Block && P.Index == To.Index) {
          Found = true;
          return Step::Finish;
        }
        const Stmt *S = element(P).S;
        if (!S)
          return Step::Next;
        if (S == Barrier || detailOf(element(P)).Recover || neverReturns(P))
          return Step::EndPath;
        return Step::Next;
      },
      [] { return false; });
  return Found;
}

const Stmt *FunctionAnalysis::completedAfterPanic(
    CFGPoint From, CFGPoint Panic, Location Loc, const Expr *Written,
    llvm::function_ref<bool(const Expr *)> OtherPart) {
  if (!Loc.valid() || (Loc.Kind == Location::Field && !Written))
    return nullptr;
  // A later write completes the update only if it is to the same object:
  // for a field, spelled alike, with no new value given to a local that
  // spelling uses in between.
  auto SameObject = [&](CFGPoint P) {
    if (Loc.Kind != Location::Field)
      return true;
    const Expr *Later = writtenLValue(element(P).S);
    return Later && sameObject(Written, Later, TU.context());
  };
  const Stmt *Origin = element(From).S;
  unsigned ExitID = Cfg->getExit().getBlockID();
  const Stmt *Found = nullptr;
  const VarDecl *Root = nullptr;
  if (Loc.Kind == Location::Field)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(objectDesignator(Written)))
      Root = dyn_cast<VarDecl>(DRE->getDecl());
  // The later write may be past the panic (`flag = 1; work(); flag = 0;`)
  // or on the path that avoids it (`if (!ok) fail(); mark = 2;`), but not
  // on the way to it: a write from which the panic can still be reached
  // (loops included, unless through this change again) makes an update of
  // its own, which the jump leaves complete.
  walkCFG(
      Blocks, ExitID, CFGPoint{From.Block, From.Index + 1},
      [&](CFGPoint P) {
        const Stmt *S = element(P).S;
        if (!S)
          return Step::Next;
        if (detailOf(element(P)).Recover || S == Origin)
          return Step::EndPath;
        const Expr *Later = OtherPart ? writtenLValue(S) : nullptr;
        if ((writes(P, Loc) && SameObject(P)) || freesReplaced(S, Loc) ||
            (Later && sameObject(Written, Later, TU.context()) &&
             OtherPart(Later))) {
          if (reachesBefore(P, Panic, Origin))
            return Step::EndPath;
          Found = S;
          return Step::Finish;
        }
        if (Root && FrameFacts::assigns(S, Root))
          return Step::EndPath;
        return neverReturns(P) ? Step::EndPath : Step::Next;
      },
      [] { return false; }, /*ForwardOnly=*/true);
  return Found;
}

bool FunctionAnalysis::panicsBeforeWriting(Location Loc) {
  return searchPanic({Cfg->getEntry().getBlockID(), 0}, Loc, false, false,
                     nullptr)
      .has_value();
}

std::optional<std::pair<CFGPoint, PanicStep>>
FunctionAnalysis::searchPanic(CFGPoint From, Location Loc,
                              bool IndirectInRegion, bool RegionOnly,
                              const CallExpr *SameBuffer) {
  std::optional<std::pair<CFGPoint, PanicStep>> Found;
  walkCFG(
      Blocks, Cfg->getExit().getBlockID(), From,
      [&](CFGPoint P) {
        const Stmt *S = element(P).S;
        if (!S)
          return Step::Next;
        const Detail &E = detailOf(element(P));
        if (E.Recover && (!SameBuffer || sameJmpBuf(*cast<CallExpr>(S),
                                                    *SameBuffer, TU.context())))
          return Step::EndPath;
        if (Loc.valid() && writes(P, Loc)) {
          // A call that writes the location and may panic: what comes first
          // inside the callee decides.
          if (E.Panic && E.Panic->Reason == PanicReason::Callee)
            if (FunctionAnalysis *Callee = TU.analysis(E.Panic->Callee))
              if (Callee != this && Callee->panicsBeforeWriting(Loc)) {
                Found = std::make_pair(P, *E.Panic);
                return Step::Finish;
              }
          return Step::EndPath;
        }
        if (E.Panic && (!RegionOnly || inProtectedRegion(P))) {
          Found = std::make_pair(P, *E.Panic);
          return Step::Finish;
        }
        if (IndirectInRegion && E.IndirectInRegion) {
          Found = std::make_pair(
              P, PanicStep{cast<CallExpr>(S), nullptr, PanicReason::Indirect});
          return Step::Finish;
        }
        return neverReturns(P) ? Step::EndPath : Step::Next;
      },
      [] { return false; });
  return Found;
}

bool FunctionAnalysis::exitReachable(CFGPoint From, Location Loc) {
  if (!Loc.valid() && blockFacts()) {
    if (From.Block == Cfg->getExit().getBlockID())
      return true;
    if (neverInBlock(From.Block, From.Index))
      return false;
    for (const CFGBlock *Succ : Blocks[From.Block]->succs())
      if (Succ && BlockFacts[Succ->getBlockID()].ExitFromStart)
        return true;
    return false;
  }
  bool Reached = false;
  walkCFG(
      Blocks, Cfg->getExit().getBlockID(), From,
      [&](CFGPoint P) {
        if (!element(P).S)
          return Step::Next;
        return neverReturns(P) || (Loc.valid() && writes(P, Loc))
                   ? Step::EndPath
                   : Step::Next;
      },
      [&] { return Reached = true; });
  return Reached;
}

bool FunctionAnalysis::endsInPanic(CFGPoint From) {
  return !exitReachable({From.Block, From.Index + 1}, Location());
}

bool FunctionAnalysis::canReturn() {
  if (!CanReturn) {
    // Recursion assumes it returns until shown otherwise.
    CanReturn = true;
    CanReturn = exitReachable({Cfg->getEntry().getBlockID(), 0}, Location());
  }
  return *CanReturn;
}

const std::vector<Effect> &FunctionAnalysis::effects() {
  static const std::vector<Effect> NoEffects;
  if (Effects)
    return *Effects;
  if (ComputingEffects)
    return NoEffects; // Recursion: the inner call contributes nothing.
  ComputingEffects = true;
  std::vector<Effect> Result;
  for (CFGPoint P : ChangePoints) {
    for (const Change &C : changesAt(P)) {
      // A caller sees neither frees nor this frame's own locals.
      if (!C.Loc.valid() || C.Kind == ChangeKind::Free || C.FrameLocal)
        continue;
      if (llvm::any_of(Result, [&](const Effect &E) { return E.Loc == C.Loc; }))
        continue;
      // Left behind only if it can survive to a normal return: not written
      // again first, and not on a path that always panics.
      if (!exitReachable({P.Block, P.Index + 1}, C.Loc))
        continue;
      Effect E;
      E.Loc = C.Loc;
      E.ParamIndex = C.ParamIndex;
      E.Site = C.Kind == ChangeKind::Call ? C.InnerSite : C.Target;
      if (C.Kind == ChangeKind::Call) {
        E.Via.push_back(C.Callee);
        E.Via.append(C.Via.begin(), C.Via.end());
      }
      E.Handler = C.Kind == ChangeKind::Handler;
      Result.push_back(E);
    }
  }
  ComputingEffects = false;
  Effects = std::move(Result);
  return *Effects;
}

} // namespace recover::model
