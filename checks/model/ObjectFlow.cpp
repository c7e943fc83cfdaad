//===--- ObjectFlow.cpp - whether an object's address reaches a recovery --===//
//
// Part of the shared setjmp/longjmp model.
//
// Spec.  A frame that looks at its own object after a call (FrameRecords.cpp)
// observes that object half-done only when a recovery below the call
// returns into it, and only for what that recovery's protected region could
// change.  The code of the region reaches a frame's object only through a
// pointer it is given.  So a call that can reach a function that recovers,
// but never hands it the object, cannot make the frame see the object
// half-done: a regexp compiler's context given to a buffer writer, whose
// allocation may run a finalizer under its own protected call, is not
// reached by that finalizer.
//  - A call of F hands on what its parameter P points to when F recovers
//    itself, or when a value derived from P -- P itself, a local pointer
//    given such a value, `&P->f`, `&P[i]`, `P + n`, a cast of one -- is
//    passed to a call that hands it on in turn, or to a call of a function
//    with no body here or through a pointer (unless it is the C library's,
//    or never returns), or is stored anywhere but in a local pointer, or is
//    returned.
//  - A value loaded through P (`P->thr`) is not derived from P: it points
//    to other memory, and an object that the frame holds through it is
//    another object, with its own facts.
//  - Arguments past the parameters of a variadic function count as handed
//    on.
//  - Storing a value derived from P into the memory that P points to
//    (`lex->window = lex->buffer`) hands it to no one new: whoever loads it
//    reached the object already.
//  - A call through a parameter K that the function never assigns (a
//    callback and its user data, `gen(userdata, ...)`) gives the target to
//    whatever the callers pass as K: the program summary follows it to the
//    functions they name (`ppass`, with ProgramSummary.cpp's `fnarg`);
//    within one translation unit it counts as handed on.
//
//===----------------------------------------------------------------------===//

#include "checks/model/TranslationUnitModel.h"

#include "checks/model/ProgramSummary.h"

#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace llvm;

namespace recover::model {

namespace {
/// Per parameter of one function (the first 64), a bit.
using ParamMask = uint64_t;

/// Finds where the targets of a function's pointer parameters go.
struct ObjectFlowFinder : RecursiveASTVisitor<ObjectFlowFinder> {
  TranslationUnitModel &TU;
  /// The parameters and the local pointers given a value derived from
  /// them, with the parameters they hold.
  DenseMap<const VarDecl *, ParamMask> Holders;
  bool Grew = false;
  ObjectFlow Out;
  /// Calls through a parameter given a target: (param, callee parameter,
  /// argument), kept until the walk knows whether the callee is assigned.
  SmallVector<std::tuple<unsigned, const ParmVarDecl *, unsigned>, 2>
      ParameterCalls;

  ObjectFlowFinder(TranslationUnitModel &TU, const FunctionDecl &FD) : TU(TU) {
    for (unsigned I = 0; I < FD.getNumParams(); ++I)
      if (FD.getParamDecl(I)->getType()->isPointerType())
        Holders[FD.getParamDecl(I)] = I < 64 ? ParamMask(1) << I : ParamMask(0);
  }

  /// The parameters from which \p E's value is derived (see the spec).
  ParamMask derived(const Expr *E, unsigned Depth = 0) const {
    if (!E || Depth > 8)
      return 0;
    E = arithmeticBase(E);
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
      return derived(CO->getTrueExpr(), Depth + 1) |
             derived(CO->getFalseExpr(), Depth + 1);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      return V ? Holders.lookup(V) : 0;
    }
    const Expr *LValue = nullptr;
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      LValue = UO->getSubExpr();
    else if (E->isGLValue() && E->getType()->isArrayType())
      LValue = E; // A member array decays to its address.
    if (!LValue)
      return 0;
    const Expr *Pointer = dereferencedPointer(LValue);
    return Pointer ? derived(Pointer, Depth + 1) : 0;
  }
  /// The parameters whose values some initialiser in \p IL holds.
  ParamMask heldBy(const InitListExpr *IL) const {
    ParamMask Held = 0;
    for (const Expr *Init : IL->inits()) {
      const Expr *E = Init->IgnoreParenImpCasts();
      if (const auto *Inner = dyn_cast<InitListExpr>(E))
        Held |= heldBy(Inner);
      else
        Held |= derived(E);
    }
    return Held;
  }

  /// Local pointer \p V (or, if null, other memory) is given values
  /// derived from \p Held.
  void given(const VarDecl *V, ParamMask Held) {
    if (!Held)
      return;
    if (V && V->hasLocalStorage() && V->getType()->isPointerType()) {
      ParamMask &Mask = Holders[V];
      Grew |= (Mask | Held) != Mask;
      Mask |= Held;
      return;
    }
    Out.Escapes |= Held;
  }

  bool VisitVarDecl(VarDecl *V) {
    const Expr *Init = V->hasLocalStorage() ? V->getInit() : nullptr;
    if (!Init)
      return true;
    if (const auto *IL = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts()))
      given(nullptr, heldBy(IL)); // A record or array holds the pointer.
    else
      given(V, derived(Init));
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
    ParamMask Held = derived(BO->getRHS());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS)) {
      given(dyn_cast<VarDecl>(DRE->getDecl()), Held);
      return true;
    }
    // Into the object the value points into: no one new can load it.
    if (const Expr *Into = dereferencedPointer(LHS))
      Held &= ~derived(Into);
    given(nullptr, Held);
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *RS) {
    given(nullptr, derived(RS->getRetValue()));
    return true;
  }
  bool VisitCompoundLiteralExpr(CompoundLiteralExpr *CL) {
    if (const auto *IL = dyn_cast<InitListExpr>(CL->getInitializer()))
      given(nullptr, heldBy(IL));
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = calledFunction(*Call);
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      ParamMask Held = derived(Call->getArg(I));
      if (!Held)
        continue;
      if (!Callee) {
        if (const ParmVarDecl *Through = calleeParameter(*Call)) {
          for (unsigned P = 0; P < 64; ++P)
            if (Held & (ParamMask(1) << P))
              ParameterCalls.push_back({P, Through, I});
          continue;
        }
        Out.Escapes |= Held; // Through a pointer.
        continue;
      }
      if (neverReturnsThroughRecovery(*Callee, TU.vocabulary(),
                                      TU.context().getSourceManager()))
        continue;
      const FunctionDecl *Def = TU.definition(Callee);
      unsigned Params = (Def ? Def : Callee)->getNumParams();
      if (I >= Params) {
        Out.Escapes |= Held; // Among the variadic arguments.
        continue;
      }
      for (unsigned P = 0; P < 64; ++P)
        if (Held & (ParamMask(1) << P))
          Out.Calls.push_back({P, Callee->getCanonicalDecl(), I});
    }
    return true;
  }
};
} // namespace

const ObjectFlow &TranslationUnitModel::objectFlow(const FunctionDecl *Def) {
  auto [It, New] = ObjectFlows.try_emplace(Def);
  if (!New)
    return It->second;
  ObjectFlowFinder F(*this, *Def);
  Stmt *Body = Def->getBody();
  // Until no local pointer is given a new parameter's value: then the last
  // walk saw every holder at every use.
  for (unsigned Round = 0;; ++Round) {
    F.Grew = false;
    F.Out = ObjectFlow();
    F.ParameterCalls.clear();
    F.TraverseStmt(Body);
    if (!F.Grew)
      break;
    if (Round == 8) {
      F.Out.Escapes = ~ParamMask(0); // Too many hops to follow: give up.
      break;
    }
  }
  for (auto [Param, Through, Arg] : F.ParameterCalls) {
    if (reassigned(Through))
      F.Out.Escapes |= ParamMask(1) << Param;
    else
      F.Out.ParameterCalls.push_back(
          {Param, Through->getFunctionScopeIndex(), Arg});
  }
  if (recovers(Def))
    F.Out.Escapes = ~ParamMask(0);
  llvm::sort(F.Out.ParameterCalls);
  F.Out.ParameterCalls.erase(
      std::unique(F.Out.ParameterCalls.begin(), F.Out.ParameterCalls.end()),
      F.Out.ParameterCalls.end());
  llvm::sort(F.Out.Calls);
  F.Out.Calls.erase(std::unique(F.Out.Calls.begin(), F.Out.Calls.end()),
                    F.Out.Calls.end());
  return ObjectFlows[Def] = std::move(F.Out);
}

bool TranslationUnitModel::reassigned(const ParmVarDecl *Param) {
  const auto *FD = dyn_cast<FunctionDecl>(Param->getDeclContext());
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def)
    return true;
  auto [It, New] = ReassignedParams.try_emplace(Def);
  if (New) {
    struct Finder : RecursiveASTVisitor<Finder> {
      DenseSet<const ParmVarDecl *> &Found;
      explicit Finder(DenseSet<const ParmVarDecl *> &Found) : Found(Found) {}
      void note(const Expr *E) {
        if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
          if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
            Found.insert(P);
      }
      bool VisitBinaryOperator(BinaryOperator *BO) {
        if (BO->isAssignmentOp())
          note(BO->getLHS());
        return true;
      }
      bool VisitUnaryOperator(UnaryOperator *UO) {
        if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
          note(UO->getSubExpr());
        return true;
      }
    } F(It->second);
    F.TraverseStmt(Def->getBody());
  }
  return It->second.count(Param) != 0;
}

bool TranslationUnitModel::mayHandToRecovery(const FunctionDecl *FD,
                                             unsigned Param) {
  const FunctionDecl *Def = definition(FD);
  if (!Def)
    return !neverReturnsThroughRecovery(*FD, Vocab, Ctx.getSourceManager());
  if (Param >= Def->getNumParams())
    return true;
  if (auto It = HandsToRecovery.find({Def, Param}); It != HandsToRecovery.end())
    return It->second;
  // Forwards over the calls that are given the target, to one that
  // recovers or lets it go: a question asked for few calls, so answered
  // by a search rather than a fixpoint over the translation unit.
  SmallVector<std::pair<const FunctionDecl *, unsigned>, 16> Work{{Def, Param}};
  DenseSet<std::pair<const FunctionDecl *, unsigned>> Seen{{Def, Param}};
  bool Found = false;
  while (!Work.empty() && !Found) {
    auto [F, P] = Work.pop_back_val();
    if (auto It = HandsToRecovery.find({F, P}); It != HandsToRecovery.end()) {
      Found = It->second;
      continue;
    }
    const ObjectFlow &Flow = objectFlow(F);
    if (Flow.escapes(P)) {
      Found = true;
      break;
    }
    for (const ObjectFlow::Call &C : Flow.Calls) {
      if (C.Param != P)
        continue;
      const FunctionDecl *Next = definition(C.Callee);
      if (!Next || C.Arg >= Next->getNumParams()) {
        Found = true; // Defined elsewhere: it may.
        break;
      }
      if (Seen.insert({Next, C.Arg}).second)
        Work.push_back({Next, C.Arg});
    }
  }
  if (!Found) // Nothing reached hands it on: none of them does.
    for (const auto &Node : Seen)
      HandsToRecovery[Node] = false;
  HandsToRecovery[{Def, Param}] = Found;
  return Found;
}

void TranslationUnitModel::objectFlowKeys(std::set<std::string> &Facts) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const FunctionDecl *FD : Functions) {
    const ObjectFlow &Flow = objectFlow(FD);
    std::string Key = programKey(*FD, SM);
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (FD->getParamDecl(I)->getType()->isPointerType() && Flow.handsOn(I))
        Facts.insert("hands\t" + Key + "\t" + std::to_string(I));
    for (const ObjectFlow::Call &C : Flow.Calls)
      if (!Flow.handsOn(C.Param))
        Facts.insert("pass\t" + Key + "\t" + std::to_string(C.Param) + "\t" +
                     programKey(*C.Callee, SM) + "\t" + std::to_string(C.Arg));
    for (const ObjectFlow::ParameterCall &C : Flow.ParameterCalls)
      if (!Flow.handsOn(C.Param))
        Facts.insert("ppass\t" + Key + "\t" + std::to_string(C.Param) + "\t" +
                     std::to_string(C.Through) + "\t" + std::to_string(C.Arg));
  }
}

bool TranslationUnitModel::mayHandToRecovery(
    const FrameRecordFacts::LookedAtAfter &Use) {
  // Through a pointer, or through a registration: whether anything that
  // the call runs can recover, as before the object was followed.
  if (!Use.Callee)
    return mayReachRecovery(Use.In);
  // Only a refinement: a callee that reaches no recovering function
  // returns through none, whatever it is given.
  if (!Use.Args || !mayReachRecovery(Use.Callee))
    return mayReachRecovery(Use.Callee);
  return llvm::any_of(*Use.Args, [&](unsigned Arg) {
    return mayHandToRecovery(Use.Callee, Arg);
  });
}

} // namespace recover::model
