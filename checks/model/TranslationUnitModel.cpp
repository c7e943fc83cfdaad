//===--- TranslationUnitModel.cpp - panics and facts of a translation unit ===//
//
// Part of the shared setjmp/longjmp model.
//
// The facts of one translation unit, built once and shared by the checks:
// its call graph and recover points, the panic fixpoint (which functions
// can panic, through the shortest chain), and the analyses of its
// functions (FunctionAnalysis.cpp), built on first use.
//
//===----------------------------------------------------------------------===//

#include "checks/model/FunctionAnalysisDetail.h"

#include "checks/model/ConstantArguments.h"
#include "checks/model/FreshMemory.h"
#include "checks/model/JmpBufFacts.h"
#include "checks/model/RecoverPoint.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <set>
#include <tuple>

using namespace clang;
using llvm::DenseMap;
using llvm::DenseSet;

namespace recover::model {

//===----------------------------------------------------------------------===//
// TranslationUnitModel
//===----------------------------------------------------------------------===//

struct TranslationUnitModel::FunctionInfo {
  /// Calls in source order, with their canonical callee (null: indirect).
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Calls;
  bool Recovers = false;
  bool StoresLocalHandler = false;
  /// Stores into a handler something else than a local jmp_buf's address
  /// (isHandlerPop).
  bool PopsHandler = false;
  /// Length of the shortest call chain to a panic; None if there is none.
  unsigned Distance = None;
};

namespace {
/// One walk over the translation unit: the call graph and recover points.
class Summariser : public RecursiveASTVisitor<Summariser> {
public:
  Summariser(std::vector<const FunctionDecl *> &Functions,
             std::function<bool(const Decl *)> InSystemHeader,
             std::function<void(const FunctionDecl *, const CallExpr *,
                                const FunctionDecl *)>
                 OnCall,
             std::function<void(const FunctionDecl *)> OnHandlerStore,
             std::function<void(const FunctionDecl *)> OnHandlerPop)
      : Functions(Functions), InSystemHeader(std::move(InSystemHeader)),
        OnCall(std::move(OnCall)), OnHandlerStore(std::move(OnHandlerStore)),
        OnHandlerPop(std::move(OnHandlerPop)) {}

  bool TraverseFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || InSystemHeader(FD))
      return true;
    const FunctionDecl *Saved = Current;
    Current = FD;
    Functions.push_back(FD);
    RecursiveASTVisitor::TraverseFunctionDecl(FD);
    Current = Saved;
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (Current && BO->getOpcode() == BO_Assign) {
      if (isLocalHandlerAddress(BO->getRHS()))
        OnHandlerStore(Current);
      else if (isHandlerPop(*BO))
        OnHandlerPop(Current);
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (!Current)
      return true;
    const FunctionDecl *Callee = calledFunction(*Call);
    OnCall(Current, Call, Callee ? Callee->getCanonicalDecl() : nullptr);
    return true;
  }

private:
  std::vector<const FunctionDecl *> &Functions;
  std::function<bool(const Decl *)> InSystemHeader;
  std::function<void(const FunctionDecl *, const CallExpr *,
                     const FunctionDecl *)>
      OnCall;
  std::function<void(const FunctionDecl *)> OnHandlerStore;
  std::function<void(const FunctionDecl *)> OnHandlerPop;
  const FunctionDecl *Current = nullptr;
};
} // namespace

TranslationUnitModel::TranslationUnitModel(ASTContext &Ctx,
                                           const Vocabulary &Vocab,
                                           const ModelOptions &Options)
    : Ctx(Ctx), Vocab(Vocab), Options(Options) {
  summarise();
}

TranslationUnitModel::~TranslationUnitModel() = default;

bool TranslationUnitModel::inSystemHeader(const Decl *D) const {
  return Ctx.getSourceManager().isInSystemHeader(D->getLocation());
}

const FunctionDecl *
TranslationUnitModel::definition(const FunctionDecl *FD) const {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || inSystemHeader(Def))
    return nullptr;
  return Def;
}

bool TranslationUnitModel::returnsFreshMemory(const CallExpr &Call) {
  if (allocatesFreshMemory(Call, Options.Allocation))
    return true;
  const FunctionDecl *Callee = definition(calledFunction(Call));
  if (!Callee || !Callee->getReturnType()->isPointerType())
    return false;
  auto [It, New] = FreshReturns.try_emplace(Callee, false);
  if (!New)
    return It->second;
  bool Fresh = model::returnsFreshMemory(*Callee, recovers(Callee), *this,
                                         Options.Deallocation);
  // The map may have grown while the callee's own calls were decided.
  FreshReturns[Callee] = Fresh;
  return Fresh;
}

bool TranslationUnitModel::mayKeepArgument(const CallExpr &Call,
                                           unsigned Index) {
  const FunctionDecl *Callee = definition(calledFunction(Call));
  if (!Callee || Index >= Callee->getNumParams())
    return true;
  auto [It, New] = KeptParameters.try_emplace({Callee, Index}, true);
  if (!New)
    return It->second;
  bool Keeps = keepsParameter(*Callee, Index, *this, Options.Deallocation);
  KeptParameters[{Callee, Index}] = Keeps;
  return Keeps;
}

/// Whether \p Call panics by itself, without looking into bodies.
static std::optional<PanicReason> directPanic(const CallExpr &Call,
                                              const FunctionDecl *Callee,
                                              const Vocabulary &Vocab,
                                              const ModelOptions &Options,
                                              bool HasBody, bool InSystem) {
  if (!Callee)
    return Options.IndirectCallsPanic ? std::optional(PanicReason::Indirect)
                                      : std::nullopt;
  if (Vocab.isPanic(Callee))
    return Vocab.isBuiltinPanic(Callee) ? PanicReason::PanicFunction
                                        : PanicReason::ConfiguredPanic;
  if (HasBody || InSystem || Callee->getBuiltinID() != 0)
    return std::nullopt;
  if (Options.NoreturnIsPanic && Callee->isNoReturn())
    return PanicReason::Noreturn;
  return std::nullopt;
}

void TranslationUnitModel::summarise() {
  // Per function defined here: who calls it, and through which call.
  DenseMap<const FunctionDecl *,
           SmallVector<std::pair<const FunctionDecl *, const CallExpr *>, 4>>
      Callers;
  std::vector<const FunctionDecl *> Direct;
  Summariser S(
      Functions, [this](const Decl *D) { return inSystemHeader(D); },
      [&](const FunctionDecl *Caller, const CallExpr *Call,
          const FunctionDecl *Callee) {
        FunctionInfo &I = Info[Caller->getCanonicalDecl()];
        I.Calls.emplace_back(Call, Callee);
        if (Callee && Vocab.isRecover(Callee))
          I.Recovers = true;
        // Neither the caller nor the callee is taken to panic.
        if (Options.neverPanics(Caller) || Options.neverPanics(Callee))
          return;
        const FunctionDecl *Def = definition(Callee);
        bool InSystem = Callee && !Def && inSystemHeader(Callee);
        if (directPanic(*Call, Callee, Vocab, Options, Def != nullptr,
                        InSystem)) {
          if (I.Distance != 0)
            Direct.push_back(Caller->getCanonicalDecl());
          I.Distance = 0;
        }
        if (Def)
          Callers[Def->getCanonicalDecl()].emplace_back(
              Caller->getCanonicalDecl(), Call);
      },
      [&](const FunctionDecl *Fn) {
        Info[Fn->getCanonicalDecl()].StoresLocalHandler = true;
      },
      [&](const FunctionDecl *Fn) {
        Info[Fn->getCanonicalDecl()].PopsHandler = true;
      });
  S.TraverseDecl(Ctx.getTranslationUnitDecl());

  // Breadth first from the direct panickers over reversed call edges, but
  // for the calls whose constants rule the panic out: the distance makes
  // every witness chain end at a real panic.
  auto KeepDirect = [&] {
    for (auto &[FD, I] : Info)
      if (I.Distance != 0)
        I.Distance = None;
  };
  auto Propagate = [&] {
    KeepDirect();
    std::deque<const FunctionDecl *> Work(Direct.begin(), Direct.end());
    while (!Work.empty()) {
      const FunctionDecl *F = Work.front();
      Work.pop_front();
      unsigned D = Info[F].Distance;
      auto It = Callers.find(F);
      if (It == Callers.end())
        continue;
      for (const auto &[Caller, Call] : It->second) {
        FunctionInfo &CI = Info[Caller];
        if (CI.Distance != None || RuledOut.count(Call))
          continue;
        CI.Distance = D + 1;
        Work.push_back(Caller);
      }
    }
  };
  Propagate();

  // The calls worth asking about: constants passed to a tested parameter
  // of a callee that can panic (ConstantArguments.h).
  ConstantArguments Constants(*this);
  std::vector<
      std::tuple<const CallExpr *, const FunctionDecl *, const FunctionDecl *>>
      Candidates;
  for (const FunctionDecl *Callee : Functions) {
    auto It = Callers.find(Callee->getCanonicalDecl());
    if (It == Callers.end() || !canPanic(Callee))
      continue;
    for (const auto &[Caller, Call] : It->second)
      if (const FunctionDecl *CallerDef = definition(Caller))
        if (Constants.mayRuleOut(*Call, *CallerDef, *Callee))
          Candidates.emplace_back(Call, CallerDef, Callee);
  }
  if (Candidates.empty())
    return;
  // The walks ask how a call panics with the rulings under way ignored:
  // they make their own.
  auto Panics = [&](const CallExpr &Call, const FunctionDecl *&Def) {
    std::optional<PanicStep> Step = panicStep(Call, false, false);
    if (!Step)
      return ConstantArguments::Panic::No;
    if (Step->Reason != PanicReason::Callee)
      return ConstantArguments::Panic::Direct;
    Def = Step->Callee;
    return ConstantArguments::Panic::Callee;
  };
  // Up from the direct panickers, as the least fixpoint: each round rules
  // on the calls with the panickers of the round before, which only grow,
  // so the rulings only shrink; they stop when they stay (a recursion that
  // can panic only through itself does not panic).  A round's rulings hold
  // once they stay; if they do not within a few rounds, none is made.
  KeepDirect();
  for (unsigned Round = 0; Round < 8; ++Round) {
    DenseSet<const CallExpr *> Next;
    Constants.newRound();
    for (const auto &[Call, Caller, Callee] : Candidates)
      if (Constants.rulesOut(*Call, *Caller, *Callee, Panics))
        Next.insert(Call);
    bool Stays = Round > 0 && Next.size() == RuledOut.size();
    RuledOut = std::move(Next);
    Propagate();
    if (Stays)
      return;
  }
  RuledOut.clear();
  Propagate();
}

bool TranslationUnitModel::recovers(const FunctionDecl *FD) const {
  auto It = Info.find(FD->getCanonicalDecl());
  return It != Info.end() && It->second.Recovers;
}

bool TranslationUnitModel::popsHandler(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  auto [Cached, New] = PopsHandlerCache.try_emplace(FD->getCanonicalDecl());
  if (New)
    Cached->second = findsHandlerPop(FD);
  return Cached->second;
}

bool TranslationUnitModel::findsHandlerPop(const FunctionDecl *FD) const {
  if (Options.popsHandler(FD))
    return true;
  // A function that registers a handler of its own and takes it down again
  // (a protected call) leaves the caller's handler in place.  Followed down
  // a few calls: an end-of-try macro that calls a helper.
  SmallVector<std::pair<const FunctionDecl *, unsigned>, 8> Work{{FD, 0}};
  DenseSet<const FunctionDecl *> Seen{FD->getCanonicalDecl()};
  while (!Work.empty()) {
    auto [F, Depth] = Work.pop_back_val();
    auto It = Info.find(F->getCanonicalDecl());
    if (It == Info.end() || It->second.StoresLocalHandler ||
        It->second.Recovers)
      continue;
    if (It->second.PopsHandler)
      return true;
    if (Depth >= 3)
      continue;
    for (const auto &Call : It->second.Calls)
      if (Call.second && Seen.insert(Call.second).second)
        Work.push_back({Call.second, Depth + 1});
  }
  return false;
}

bool TranslationUnitModel::storesLocalHandler(const FunctionDecl *FD) const {
  auto It = Info.find(FD->getCanonicalDecl());
  return It != Info.end() && It->second.StoresLocalHandler;
}

ArrayRef<std::pair<const CallExpr *, const FunctionDecl *>>
TranslationUnitModel::calls(const FunctionDecl *FD) const {
  auto It = Info.find(FD->getCanonicalDecl());
  if (It == Info.end())
    return {};
  return It->second.Calls;
}

bool TranslationUnitModel::canPanic(const FunctionDecl *FD) const {
  auto It = Info.find(FD->getCanonicalDecl());
  return It != Info.end() && It->second.Distance != None;
}

bool TranslationUnitModel::mayPanicInside(const FunctionDecl *FD) const {
  auto It = Info.find(FD->getCanonicalDecl());
  if (It == Info.end())
    return false;
  return It->second.Distance != None ||
         (It->second.Recovers && Options.UnknownCallsInRegionPanic);
}

bool ModelOptions::popsHandler(const FunctionDecl *FD) const {
  return FD && FD->getIdentifier() && !HandlerPop.empty() &&
         HandlerPop.matches(FD->getName());
}

bool ModelOptions::neverPanics(const FunctionDecl *FD) const {
  return FD && FD->getIdentifier() && !NeverPanic.empty() &&
         NeverPanic.matches(FD->getName());
}

std::optional<PanicStep> TranslationUnitModel::mayPanic(const CallExpr &Call,
                                                        bool InRegion) const {
  return panicStep(Call, InRegion, true);
}

std::optional<PanicStep> TranslationUnitModel::panicStep(const CallExpr &Call,
                                                         bool InRegion,
                                                         bool Rulings) const {
  const FunctionDecl *Callee = calledFunction(Call);
  if (Options.neverPanics(Callee))
    return std::nullopt;
  const FunctionDecl *Def = definition(Callee);
  bool InSystem = Callee && !Def && inSystemHeader(Callee);
  if (std::optional<PanicReason> R =
          directPanic(Call, Callee, Vocab, Options, Def != nullptr, InSystem))
    return PanicStep{&Call, Callee, *R};
  if (!Callee || Vocab.isRecover(Callee))
    return std::nullopt;
  if (Def)
    return canPanic(Def) && !(Rulings && RuledOut.count(&Call))
               ? std::optional(PanicStep{&Call, Def, PanicReason::Callee})
               : std::nullopt;
  if (InRegion && Options.UnknownCallsInRegionPanic && !InSystem &&
      Callee->getBuiltinID() == 0)
    return PanicStep{&Call, Callee, PanicReason::UnknownInRegion};
  return std::nullopt;
}

std::optional<PanicStep>
TranslationUnitModel::witness(const FunctionDecl *FD) const {
  auto It = Info.find(FD->getCanonicalDecl());
  if (It == Info.end() || It->second.Distance == None)
    return std::nullopt;
  unsigned D = It->second.Distance;
  for (const auto &[Call, Callee] : It->second.Calls) {
    const FunctionDecl *Def = definition(Callee);
    bool InSystem = Callee && !Def && inSystemHeader(Callee);
    if (D == 0) {
      if (auto R = directPanic(*Call, Callee, Vocab, Options, Def != nullptr,
                               InSystem))
        return PanicStep{Call, Callee, *R};
      continue;
    }
    if (!Def || RuledOut.count(Call))
      continue;
    auto CI = Info.find(Def->getCanonicalDecl());
    if (CI != Info.end() && CI->second.Distance == D - 1)
      return PanicStep{Call, Def, PanicReason::Callee};
  }
  return std::nullopt;
}

bool TranslationUnitModel::neverReturns(const CallExpr &Call) {
  const FunctionDecl *Callee = calledFunction(Call);
  if (!Callee)
    return false;
  if (Vocab.isBuiltinPanic(Callee) || Callee->isNoReturn())
    return true;
  const FunctionDecl *Def = definition(Callee);
  if (!Def || !canPanic(Def))
    return false;
  FunctionAnalysis *A = analysis(Def);
  return A && !A->canReturn();
}

FunctionAnalysis *TranslationUnitModel::analysis(const FunctionDecl *FD) {
  const FunctionDecl *Def = definition(FD);
  if (!Def)
    return nullptr;
  auto It = Analyses.find(Def);
  if (It != Analyses.end())
    return It->second.get();
  if (!Building.insert(Def).second)
    return nullptr;
  std::unique_ptr<FunctionAnalysis> A = FunctionAnalysis::create(*Def, *this);
  Building.erase(Def);
  FunctionAnalysis *Result = A.get();
  Analyses[Def] = std::move(A);
  return Result;
}

const JmpBufFacts &TranslationUnitModel::jmpBufs() {
  if (!JmpBufs)
    JmpBufs = std::make_unique<JmpBufFacts>(*this);
  return *JmpBufs;
}

} // namespace recover::model
