//===--- JumpContexts.cpp - where a jump runs ---------------------------===//
//
// Part of the shared setjmp/longjmp model; see JumpTargets.h for the spec
// and JumpTargetFinder.h for how the finder is split.  Problems 2 (static
// buffers from main), 4 and 5: a jump seen from the function it runs under -
// main, a thread's start function, a signal handler - over the call graph.
//
//===----------------------------------------------------------------------===//

#include "checks/model/JumpTargetFinder.h"
#include "checks/model/StateModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;
using llvm::DenseSet;

namespace recover::model::jumps {

/// One walk over the translation unit: how each global jmp_buf is used,
/// and where signal handlers are stored into a struct sigaction.
class UseCollector : public RecursiveASTVisitor<UseCollector> {
public:
  UseCollector(const SourceManager &SM,
               const DenseMap<const CallExpr *, JumpCall> &Calls,
               const TranslationUnitModel &TU)
      : SM(SM), Calls(Calls), TU(TU) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  /// `sizeof env` does not use the buffer.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->hasGlobalStorage() && involvesJmpBuf(V->getType()))
        ++Uses[V->getCanonicalDecl()];
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (!Calls.count(Call) || Call->getNumArgs() == 0)
      return true;
    const auto *DRE =
        dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts());
    if (const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr)
      ++DirectArgumentUses[V->getCanonicalDecl()];
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens()))
        noteHandlerStore(ME->getMemberDecl(), BO->getRHS(), BO);
    return true;
  }
  bool VisitInitListExpr(InitListExpr *ILE) {
    // The visitor sees the list as written; the semantic form has one
    // initializer per field, nested lists included.
    const InitListExpr *Semantic =
        ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
    if (Semantic)
      noteHandlersIn(*Semantic);
    return true;
  }

  /// Whether every use of the global \p V is as the direct first argument of
  /// a setjmp- or longjmp-family call.
  bool onlyNamedByJumps(const VarDecl *V) const {
    return Uses.lookup(V) == DirectArgumentUses.lookup(V);
  }

  std::vector<Installed> Handlers;

private:
  void noteHandlersIn(const InitListExpr &ILE) {
    const RecordDecl *RD = ILE.getType()->getAsRecordDecl();
    if (!RD)
      return;
    auto Field = [&](const FieldDecl *F, const Expr *Init) {
      if (const auto *Inner = dyn_cast<InitListExpr>(Init))
        noteHandlersIn(*Inner);
      else
        noteHandlerStore(F, Init, nullptr);
    };
    if (RD->isUnion()) {
      if (const FieldDecl *F = ILE.getInitializedFieldInUnion())
        if (ILE.getNumInits() > 0)
          Field(F, ILE.getInit(0));
      return;
    }
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (I >= ILE.getNumInits())
        break;
      Field(F, ILE.getInit(I++));
    }
  }
  void noteHandlerStore(const ValueDecl *Member, const Expr *Value,
                        const Stmt *Site) {
    if (!Member->getIdentifier() || (Member->getName() != "sa_handler" &&
                                     Member->getName() != "sa_sigaction"))
      return;
    if (const FunctionDecl *Handler = TU.definition(referencedFunction(Value)))
      Handlers.push_back({Handler, Site ? Site : Value});
  }

  const SourceManager &SM;
  const DenseMap<const CallExpr *, JumpCall> &Calls;
  const TranslationUnitModel &TU;
  DenseMap<const VarDecl *, unsigned> Uses;
  DenseMap<const VarDecl *, unsigned> DirectArgumentUses;
};

void JumpTargetFinder::checkContexts() {
  UseCollector Uses(Ctx.getSourceManager(), Calls, TU);
  Uses.TraverseDecl(Ctx.getTranslationUnitDecl());
  checkStaticBuffersFromMain(Uses);
  checkThreads();
  checkSignalHandlers(Uses);
}

void JumpTargetFinder::checkStaticBuffersFromMain(const UseCollector &Uses) {
  const FunctionDecl *Main = nullptr;
  for (const FunctionDecl *FD : TU.functions())
    if (FD->isMain())
      Main = FD;
  if (!Main)
    return;
  // The candidate buffers, in the order of their first jump.
  SmallVector<const VarDecl *, 4> Ordered;
  for (const auto &FunctionAndCalls : CallsIn)
    for (const CallExpr *Call : FunctionAndCalls.second) {
      const JumpCall &J = Calls.find(Call)->second;
      const VarDecl *V = J.Buffer.Root;
      if (!J.Sets && V && J.Buffer.Fields.empty() && V->hasGlobalStorage() &&
          !V->isExternallyVisible() && V->getType()->isArrayType() &&
          Uses.onlyNamedByJumps(V) && !llvm::is_contained(Ordered, V))
        Ordered.push_back(V);
    }
  if (Ordered.empty())
    return;
  std::vector<Reached> FromMain = reachableFrom(Main);
  for (const VarDecl *B : Ordered) {
    // May a call of F set B?  May it reach a jump to B at all?  Call-graph
    // closures, without CFGs.
    DenseSet<const FunctionDecl *> MaySet, MayJump;
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const Reached &R : FromMain) {
        const FunctionDecl *FD = R.Function;
        for (const auto &[Call, Callee] : TU.calls(FD)) {
          const JumpCall *J = jumpCall(Call);
          const FunctionDecl *Def = TU.definition(Callee);
          bool Sets = (J && J->Sets && J->Buffer.Root == B) || !Callee ||
                      (Def && MaySet.count(Def));
          bool Jumps = (J && !J->Sets && J->Buffer.Root == B) ||
                       (Def && MayJump.count(Def));
          if (Sets && MaySet.insert(FD).second)
            Changed = true;
          if (Jumps && MayJump.insert(FD).second)
            Changed = true;
        }
      }
    }
    if (!MayJump.count(Main))
      continue;
    // The fixpoint of "can jump to B before setting it", over the functions
    // that can jump at all; each keeps the first call that showed it.
    DenseMap<const FunctionDecl *, const CallExpr *> Witness;
    bool GaveUp = false;
    for (bool Changed = true; Changed && !GaveUp;) {
      Changed = false;
      for (const Reached &R : FromMain) {
        const FunctionDecl *FD = R.Function;
        if (!MayJump.count(FD) || Witness.count(FD))
          continue;
        FunctionAnalysis *A = TU.analysis(FD);
        if (!A) {
          // No verdict for a function that cannot be modelled, nor for its
          // callers.
          GaveUp = FD == Main;
          continue;
        }
        const Stmt *Hit = hitFromEntry(*A, [&](const Stmt *S) {
          const auto *Call = dyn_cast<CallExpr>(S);
          if (!Call)
            return Mark::None;
          if (const JumpCall *J = jumpCall(Call)) {
            if (J->Buffer.Root != B)
              return Mark::None;
            return J->Sets ? Mark::Kill : Mark::Hit;
          }
          const FunctionDecl *Def = TU.definition(calledFunction(*Call));
          if (Def && Witness.count(Def))
            return Mark::Hit;
          return !calledFunction(*Call) || (Def && MaySet.count(Def))
                     ? Mark::Kill
                     : Mark::None;
        });
        if (Hit) {
          Witness[FD] = cast<CallExpr>(Hit);
          Changed = true;
        }
      }
    }
    auto MainWitness = Witness.find(Main);
    if (GaveUp || MainWitness == Witness.end())
      continue;
    JumpFinding F = makeFinding(JumpFinding::UnsetBuffer, nullptr,
                                B->getName().str(), Main);
    const FunctionDecl *In = Main;
    const CallExpr *Via = MainWitness->second;
    // Each witness was found after its callee's: the chain ends.
    while (!jumpCall(Via)) {
      F.Notes.push_back({JumpFinding::ReachedThrough, Via->getBeginLoc(),
                         In->getName().str()});
      In = TU.definition(calledFunction(*Via));
      Via = Witness.lookup(In);
    }
    F.Jump = Via;
    SmallVector<const JumpCall *, 2> Sets = setsOf(jumpCall(Via)->Buffer);
    if (!Sets.empty())
      F.Notes.push_back({JumpFinding::SetElsewhere,
                         Sets.front()->Call->getBeginLoc(), F.Buffer});
    Findings.push_back(std::move(F));
  }
}

void JumpTargetFinder::checkThreads() {
  DenseSet<const CallExpr *> Reported;
  for (const Installed &Start : installedBy(ThreadStarts)) {
    std::vector<Reached> R = reachableFrom(Start.Function);
    SmallVector<BufferName, 4> SetInThread;
    for (const Reached &Fn : R)
      for (const CallExpr *Call : CallsIn.lookup(Fn.Function))
        if (Calls.find(Call)->second.Sets)
          SetInThread.push_back(Calls.find(Call)->second.Buffer);
    for (unsigned I = 0; I < R.size(); ++I) {
      for (const CallExpr *Call : CallsIn.lookup(R[I].Function)) {
        const JumpCall &J = Calls.find(Call)->second;
        const VarDecl *Root = J.Buffer.Root;
        if (J.Sets || !Root || !Root->hasGlobalStorage() ||
            Root->getTLSKind() != VarDecl::TLS_None ||
            llvm::is_contained(SetInThread, J.Buffer))
          continue;
        SmallVector<const JumpCall *, 2> Sets = setsOf(J.Buffer);
        if (Sets.empty() || !Reported.insert(Call).second)
          continue;
        JumpFinding F = makeFinding(JumpFinding::OtherThreadBuffer, Call,
                                    J.Buffer.spelling(), Start.Function);
        F.Notes.push_back({JumpFinding::SetOutsideThread,
                           Sets.front()->Call->getBeginLoc(), F.Buffer});
        F.Notes.push_back({JumpFinding::ThreadStarted,
                           Start.Site->getBeginLoc(), F.Function});
        addChainNotes(F, R, I);
        Findings.push_back(std::move(F));
      }
    }
  }
}

void JumpTargetFinder::checkSignalHandlers(const UseCollector &Uses) {
  std::vector<Installed> Handlers = installedBy(SignalRegistrations);
  Handlers.insert(Handlers.end(), Uses.Handlers.begin(), Uses.Handlers.end());
  // Registrations in source order, each handler once.
  llvm::sort(Handlers, [&](const Installed &L, const Installed &R) {
    return Ctx.getSourceManager().isBeforeInTranslationUnit(
        L.Site->getBeginLoc(), R.Site->getBeginLoc());
  });
  DenseSet<const FunctionDecl *> Done;
  DenseSet<const CallExpr *> Reported;
  for (const Installed &Handler : Handlers) {
    if (!Done.insert(Handler.Function).second)
      continue;
    std::vector<Reached> R = reachableFrom(Handler.Function);
    for (unsigned I = 0; I < R.size(); ++I) {
      for (const CallExpr *Call : CallsIn.lookup(R[I].Function)) {
        const JumpCall &J = Calls.find(Call)->second;
        if (J.Sets || Reported.count(Call))
          continue;
        JumpFinding F = makeFinding(JumpFinding::HandlerPlainLongjmp, Call,
                                    J.Buffer.spelling(), Handler.Function);
        // A plain longjmp always; a siglongjmp (or __builtin_longjmp) only
        // to a global buffer that every setjmp saves without the mask.
        if (!J.WithoutMask) {
          if (!J.SigJump || !J.Buffer.Root ||
              !J.Buffer.Root->hasGlobalStorage())
            continue;
          SmallVector<const JumpCall *, 2> Sets = setsOf(J.Buffer);
          if (Sets.empty() || !llvm::all_of(Sets, [](const JumpCall *S) {
                return S->WithoutMask;
              }))
            continue;
          F.Kind = JumpFinding::HandlerUnsavedMask;
          for (const JumpCall *S : Sets)
            F.Notes.push_back({JumpFinding::SavedWithoutMask,
                               S->Call->getBeginLoc(), F.Buffer});
        }
        Reported.insert(Call);
        F.Notes.push_back({JumpFinding::HandlerInstalled,
                           Handler.Site->getBeginLoc(), F.Function});
        addChainNotes(F, R, I);
        Findings.push_back(std::move(F));
      }
    }
  }
}

} // namespace recover::model::jumps
