//===--- ConstantArguments.cpp - panics a call's constants rule out -------===//
//
// Part of the shared setjmp/longjmp model; see ConstantArguments.h for the
// spec.
//
//===----------------------------------------------------------------------===//

#include "checks/model/ConstantArguments.h"

#include "checks/model/StateModel.h"
#include "checks/model/TranslationUnitModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"

#include <limits>

using namespace clang;
using llvm::DenseSet;
using llvm::SmallVector;

namespace recover::model {

/// A value the analysis gives up on, in the keys of Answers.
static constexpr int64_t Unknown = std::numeric_limits<int64_t>::min();
/// How many walks rulesOut() nests, following a parameter passed on, and
/// how many value combinations one call may have.
static constexpr unsigned MaxDepth = 4;
static constexpr size_t MaxCombinations = 4;
/// How many known parameters one walk follows.
static constexpr unsigned MaxKnown = 4;
/// No walk under way was assumed not to panic.
static constexpr unsigned NoAssumption = ~0u;

ConstantArguments::ConstantArguments(TranslationUnitModel &TU)
    : TU(TU), Ctx(TU.context()) {}

ConstantArguments::~ConstantArguments() = default;

/// Whether values of type \p T are followed.
static bool followedType(QualType T) {
  return T->isIntegralOrEnumerationType();
}

/// The local variable (parameters included) \p E names directly, if any.
static const VarDecl *namedLocal(const Expr *E) {
  const VarDecl *V = namedVar(E);
  return V && V->hasLocalStorage() ? V : nullptr;
}

/// Whether \p S holds a goto (or computed goto) anywhere below it.
static bool hasGoto(const Stmt *S) {
  if (!S)
    return false;
  if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (hasGoto(Child))
      return true;
  return false;
}

/// Adds the variables named anywhere in \p S to \p Named.
static void namedVariables(const Stmt *S, DenseSet<const VarDecl *> &Named) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      Named.insert(V);
  for (const Stmt *Child : S->children())
    namedVariables(Child, Named);
}

namespace {
/// One walk over a body: the variables named in conditions and call
/// arguments, and how each local is written.
class BodyScan : public RecursiveASTVisitor<BodyScan> {
public:
  DenseSet<const VarDecl *> Tested;
  /// Per local: its plain assignments and initialisations.
  llvm::DenseMap<const VarDecl *, unsigned> Definitions;
  /// Locals changed otherwise, or whose address is taken.
  DenseSet<const VarDecl *> Disqualified;
  /// Of those, the ones whose address is taken.
  DenseSet<const VarDecl *> AddressTaken;

  bool VisitIfStmt(IfStmt *S) { return test(S->getCond()); }
  bool VisitWhileStmt(WhileStmt *S) { return test(S->getCond()); }
  bool VisitDoStmt(DoStmt *S) { return test(S->getCond()); }
  bool VisitForStmt(ForStmt *S) { return test(S->getCond()); }
  bool VisitConditionalOperator(ConditionalOperator *CO) {
    return test(CO->getCond());
  }
  bool VisitCallExpr(CallExpr *Call) {
    for (const Expr *Arg : Call->arguments())
      test(Arg);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (V->hasLocalStorage() && V->getInit())
      ++Definitions[V];
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isLogicalOp())
      test(BO);
    if (!BO->isAssignmentOp())
      return true;
    if (const VarDecl *V = namedLocal(BO->getLHS())) {
      if (BO->getOpcode() == BO_Assign)
        ++Definitions[V];
      else
        Disqualified.insert(V);
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
      if (const VarDecl *V = namedLocal(UO->getSubExpr())) {
        Disqualified.insert(V);
        if (UO->getOpcode() == UO_AddrOf)
          AddressTaken.insert(V);
      }
    return true;
  }

private:
  bool test(const Stmt *S) {
    namedVariables(S, Tested);
    return true;
  }
};
} // namespace

ConstantArguments::BodyFacts &ConstantArguments::facts(const FunctionDecl &Fn) {
  auto [It, New] = Facts.try_emplace(&Fn);
  BodyFacts &F = It->second;
  if (!New)
    return F;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Fn.getBody());
  if (!Body)
    return F;
  BodyScan Scan;
  Scan.TraverseStmt(const_cast<CompoundStmt *>(Body));
  // Locals set once by an outermost statement that no goto can skip.
  bool GotoBefore = false;
  DenseSet<const VarDecl *> TestedThroughLocals;
  for (const Stmt *S : Body->body()) {
    const VarDecl *V = nullptr;
    const Expr *Value = nullptr;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      if (DS->isSingleDecl())
        V = dyn_cast<VarDecl>(DS->getSingleDecl());
      Value = V ? V->getInit() : nullptr;
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_Assign) {
        V = namedLocal(BO->getLHS());
        Value = BO->getRHS();
      }
    }
    if (V && Value && !GotoBefore && V->hasLocalStorage() &&
        !isa<ParmVarDecl>(V) && followedType(V->getType()) &&
        !V->getType().isVolatileQualified() && !Scan.Disqualified.count(V) &&
        Scan.Definitions.lookup(V) == 1) {
      F.Derived.try_emplace(V, Value, S->getEndLoc());
      if (Scan.Tested.count(V))
        namedVariables(Value, TestedThroughLocals);
    }
    GotoBefore = GotoBefore || hasGoto(S);
  }
  for (unsigned I = 0; I < Fn.getNumParams(); ++I) {
    const ParmVarDecl *P = Fn.getParamDecl(I);
    if (followedType(P->getType()) && !P->getType().isVolatileQualified() &&
        (Scan.Tested.count(P) || TestedThroughLocals.count(P)) &&
        !Scan.AddressTaken.count(P))
      F.Guards.emplace_back(I, P);
  }
  return F;
}

const CFG *ConstantArguments::graph(const FunctionDecl &Fn) {
  BodyFacts &F = facts(Fn);
  if (!F.GraphBuilt) {
    F.GraphBuilt = true;
    if (Stmt *Body = Fn.getBody(); Body && !Fn.isInvalidDecl())
      F.Graph = CFG::buildCFG(&Fn, Body, &Ctx, CFG::BuildOptions());
  }
  return F.Graph.get();
}

std::optional<int64_t> ConstantArguments::castTo(std::optional<int64_t> V,
                                                 QualType To) const {
  if (!V)
    return std::nullopt;
  if (To->isBooleanType())
    return *V != 0;
  if (!followedType(To))
    return std::nullopt;
  unsigned Width = Ctx.getIntWidth(To);
  bool Signed = To->isSignedIntegerOrEnumerationType();
  if (Width >= 64)
    return Signed || *V >= 0 ? V : std::nullopt;
  int64_t Max =
      Signed ? (int64_t(1) << (Width - 1)) - 1 : (int64_t(1) << Width) - 1;
  int64_t Min = Signed ? -(int64_t(1) << (Width - 1)) : 0;
  if (*V < Min || *V > Max)
    return std::nullopt;
  return V;
}

std::optional<int64_t> ConstantArguments::evaluate(const Expr *E, const Env &In,
                                                   unsigned Depth) {
  if (!E || Depth > 32 || E->isValueDependent() || E->containsErrors())
    return std::nullopt;
  E = E->IgnoreParens();
  if (std::optional<llvm::APSInt> C = integerConstant(*E, Ctx)) {
    if (C->getBitWidth() > 64)
      return std::nullopt;
    if (!C->isUnsigned())
      return C->getSExtValue();
    if (C->getZExtValue() > uint64_t(std::numeric_limits<int64_t>::max()))
      return std::nullopt;
    return int64_t(C->getZExtValue());
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return std::nullopt;
    for (const auto &[Var, Value] : In.Known)
      if (Var == V)
        return Value;
    const BodyFacts &F = facts(*In.Fn);
    auto It = F.Derived.find(V);
    if (It == F.Derived.end() ||
        !Ctx.getSourceManager().isBeforeInTranslationUnit(It->second.second,
                                                          DRE->getBeginLoc()))
      return std::nullopt;
    // The assignment saw the caller's values of the parameters that the
    // body never changes.
    Env AtAssignment;
    AtAssignment.Fn = In.Fn;
    for (const auto &Known : In.Known)
      if (const auto *P = dyn_cast<ParmVarDecl>(Known.first);
          P && !TU.reassigned(P))
        AtAssignment.Known.push_back(Known);
    return castTo(evaluate(It->second.first, AtAssignment, Depth + 1),
                  V->getType());
  }
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    switch (CE->getCastKind()) {
    case CK_LValueToRValue:
    case CK_NoOp:
      return evaluate(CE->getSubExpr(), In, Depth + 1);
    case CK_IntegralCast:
    case CK_IntegralToBoolean:
      return castTo(evaluate(CE->getSubExpr(), In, Depth + 1), CE->getType());
    default:
      return std::nullopt;
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // __builtin_expect(cond, hint), as likely/unlikely macros spell it.
    if (Call->getBuiltinCallee() == Builtin::BI__builtin_expect &&
        Call->getNumArgs() == 2)
      return evaluate(Call->getArg(0), In, Depth + 1);
    return std::nullopt;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    std::optional<int64_t> Cond = evaluate(CO->getCond(), In, Depth + 1);
    if (!Cond)
      return std::nullopt;
    return evaluate(*Cond ? CO->getTrueExpr() : CO->getFalseExpr(), In,
                    Depth + 1);
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    std::optional<int64_t> V = evaluate(UO->getSubExpr(), In, Depth + 1);
    if (!V)
      return std::nullopt;
    switch (UO->getOpcode()) {
    case UO_LNot:
      return *V == 0;
    case UO_Plus:
      return V;
    case UO_Minus:
      return castTo(-*V, UO->getType());
    default:
      return std::nullopt;
    }
  }
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO)
    return std::nullopt;
  std::optional<int64_t> L = evaluate(BO->getLHS(), In, Depth + 1);
  if (BO->isLogicalOp()) {
    // Either side may decide alone: false for '&&', true for '||'.
    bool Deciding = BO->getOpcode() == BO_LOr;
    if (L && (*L != 0) == Deciding)
      return Deciding;
    std::optional<int64_t> R = evaluate(BO->getRHS(), In, Depth + 1);
    if (R && (*R != 0) == Deciding)
      return Deciding;
    if (!L || !R)
      return std::nullopt;
    return !Deciding;
  }
  std::optional<int64_t> R = evaluate(BO->getRHS(), In, Depth + 1);
  if (!L || !R)
    return std::nullopt;
  // The operands' common type: a negative value compared as unsigned, or a
  // result out of range, is not followed.
  QualType Operands = BO->getLHS()->getType();
  if (!Operands->isSignedIntegerOrEnumerationType() && (*L < 0 || *R < 0))
    return std::nullopt;
  const int64_t Limit = int64_t(1) << 62;
  if (*L >= Limit || *L <= -Limit || *R >= Limit || *R <= -Limit)
    return std::nullopt;
  switch (BO->getOpcode()) {
  case BO_EQ:
    return *L == *R;
  case BO_NE:
    return *L != *R;
  case BO_LT:
    return *L < *R;
  case BO_LE:
    return *L <= *R;
  case BO_GT:
    return *L > *R;
  case BO_GE:
    return *L >= *R;
  case BO_And:
    return castTo(*L & *R, BO->getType());
  case BO_Or:
    return castTo(*L | *R, BO->getType());
  case BO_Xor:
    return castTo(*L ^ *R, BO->getType());
  case BO_Add:
    return castTo(*L + *R, BO->getType());
  case BO_Sub:
    return castTo(*L - *R, BO->getType());
  case BO_Shl:
    if (*L < 0 || *R < 0 || *R > 30 || *L >= (int64_t(1) << 30))
      return std::nullopt;
    return castTo(*L << *R, BO->getType());
  case BO_Shr:
    if (*L < 0 || *R < 0 || *R > 62)
      return std::nullopt;
    return *L >> *R;
  default:
    return std::nullopt;
  }
}

SmallVector<int64_t, 2> ConstantArguments::values(const Expr *E,
                                                  const Env &In) {
  if (std::optional<int64_t> V = evaluate(E, In))
    return {*V};
  const Expr *Inner = E->IgnoreParens();
  if (const auto *CE = dyn_cast<ImplicitCastExpr>(Inner)) {
    if (CE->getCastKind() != CK_IntegralCast &&
        CE->getCastKind() != CK_IntegralToBoolean)
      return {};
    SmallVector<int64_t, 2> Out;
    for (int64_t V : values(CE->getSubExpr(), In)) {
      std::optional<int64_t> C = castTo(V, CE->getType());
      if (!C)
        return {};
      Out.push_back(*C);
    }
    return Out;
  }
  const auto *CO = dyn_cast<ConditionalOperator>(Inner);
  if (!CO)
    return {};
  std::optional<int64_t> T = evaluate(CO->getTrueExpr(), In);
  std::optional<int64_t> F = evaluate(CO->getFalseExpr(), In);
  if (!T || !F)
    return {};
  if (*T == *F)
    return {*T};
  return {*T, *F};
}

bool ConstantArguments::combinations(const CallExpr &Call, const Env &Outer,
                                     const BodyFacts &F,
                                     std::vector<std::vector<int64_t>> &Out) {
  Out.assign(1, {});
  bool AnyKnown = false;
  for (const auto &[Index, Param] : F.Guards) {
    SmallVector<int64_t, 2> Values;
    if (Index < Call.getNumArgs())
      Values = values(Call.getArg(Index), Outer);
    if (Values.empty())
      Values.push_back(Unknown);
    else
      AnyKnown = true;
    std::vector<std::vector<int64_t>> Next;
    for (const std::vector<int64_t> &C : Out)
      for (int64_t V : Values) {
        Next.push_back(C);
        Next.back().push_back(V);
      }
    if (Next.size() > MaxCombinations)
      return false;
    Out = std::move(Next);
  }
  return AnyKnown;
}

bool ConstantArguments::mayRuleOut(const CallExpr &Call,
                                   const FunctionDecl &Caller,
                                   const FunctionDecl &Callee) {
  Env Outer;
  Outer.Fn = &Caller;
  std::vector<std::vector<int64_t>> Combinations;
  return combinations(Call, Outer, facts(Callee), Combinations);
}

bool ConstantArguments::rulesOut(const CallExpr &Call,
                                 const FunctionDecl &Caller,
                                 const FunctionDecl &Callee, Lookup Panics) {
  Env Outer;
  Outer.Fn = &Caller;
  return rulesOut(Call, Outer, Callee, Panics);
}

bool ConstantArguments::rulesOut(const CallExpr &Call, const Env &Outer,
                                 const FunctionDecl &Callee, Lookup Panics) {
  const BodyFacts &F = facts(Callee);
  std::vector<std::vector<int64_t>> Combinations;
  if (!combinations(Call, Outer, F, Combinations))
    return false;
  for (std::vector<int64_t> &C : Combinations) {
    WalkKey Key(&Callee, std::move(C));
    if (auto It = Answers.find(Key); It != Answers.end()) {
      if (!It->second)
        return false;
      continue;
    }
    // A recursion into a walk under way with the same values: it can
    // panic only through the walk's other calls, which the walk sees.
    if (auto *Pos = llvm::find(Walking, Key); Pos != Walking.end()) {
      Assumed = std::min(Assumed, unsigned(Pos - Walking.begin()));
      continue;
    }
    if (Walking.size() >= MaxDepth)
      return false;
    Env In;
    In.Fn = &Callee;
    for (unsigned I = 0; I < Key.second.size(); ++I)
      if (Key.second[I] != Unknown)
        In.Known.emplace_back(F.Guards[I].second, Key.second[I]);
    unsigned Index = Walking.size();
    unsigned Outside = Assumed;
    Assumed = NoAssumption;
    Walking.push_back(Key);
    bool Reaches = reachesPanic(In, Panics);
    Walking.pop_back();
    // An answer that assumed a walk further out is not final.
    if (Assumed >= Index)
      Answers.emplace(std::move(Key), !Reaches);
    Assumed = std::min(Outside, Assumed < Index ? Assumed : NoAssumption);
    if (Reaches)
      return false;
  }
  return true;
}

/// Whether \p S gives local \p V a new value.
static bool changes(const Stmt *S, const VarDecl *V) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isAssignmentOp() && namedLocal(BO->getLHS()) == V;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() && namedLocal(UO->getSubExpr()) == V;
  return false;
}

bool ConstantArguments::reachesPanic(const Env &In, Lookup Panics) {
  const CFG *G = graph(*In.Fn);
  if (!G)
    return true;
  // The walk's state: a block, and which known parameters still hold the
  // caller's value there (a parameter the body changes holds it only
  // until then).
  const unsigned Count = std::min<unsigned>(In.Known.size(), MaxKnown);
  const unsigned States = 1u << Count;
  const unsigned All = States - 1;
  auto LiveEnv = [&](unsigned Mask) {
    Env Live;
    Live.Fn = In.Fn;
    for (unsigned I = 0; I < Count; ++I)
      if (Mask >> I & 1)
        Live.Known.push_back(In.Known[I]);
    return Live;
  };
  llvm::BitVector Seen(G->getNumBlockIDs() * States);
  SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work{
      {&G->getEntry(), All}};
  Seen.set(G->getEntry().getBlockID() * States + All);
  while (!Work.empty()) {
    auto [B, Mask] = Work.pop_back_val();
    Env Live = LiveEnv(Mask);
    for (const CFGElement &E : *B) {
      auto S = E.getAs<CFGStmt>();
      if (!S)
        continue;
      for (unsigned I = 0; I < Count; ++I)
        if ((Mask >> I & 1) && changes(S->getStmt(), In.Known[I].first)) {
          Mask &= ~(1u << I);
          Live = LiveEnv(Mask);
        }
      const auto *Call = dyn_cast<CallExpr>(S->getStmt());
      if (!Call)
        continue;
      const FunctionDecl *Def = nullptr;
      Panic P = Panics(*Call, Def);
      if (P == Panic::Direct ||
          (P == Panic::Callee && !(Def && rulesOut(*Call, Live, *Def, Panics))))
        return true;
    }
    // A two-way branch on a condition with a known value goes one way.
    std::optional<bool> Taken;
    const Stmt *Term = B->getTerminatorStmt();
    if (B->succ_size() == 2 && Term &&
        (isa<IfStmt>(Term) || isa<WhileStmt>(Term) || isa<DoStmt>(Term) ||
         isa<ForStmt>(Term) || isa<ConditionalOperator>(Term) ||
         (isa<BinaryOperator>(Term) &&
          cast<BinaryOperator>(Term)->isLogicalOp())))
      if (const auto *Cond =
              dyn_cast_or_null<Expr>(B->getTerminatorCondition()))
        if (std::optional<int64_t> V = evaluate(Cond, Live))
          Taken = *V != 0;
    unsigned I = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned Index = I++;
      if (Taken && Index != (*Taken ? 0u : 1u))
        continue;
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next)
        continue;
      unsigned Slot = Next->getBlockID() * States + Mask;
      if (!Seen.test(Slot)) {
        Seen.set(Slot);
        Work.push_back({Next, Mask});
      }
    }
  }
  return false;
}

} // namespace recover::model
