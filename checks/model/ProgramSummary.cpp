//===--- ProgramSummary.cpp - which functions can run under a recover point
//===//

#include "checks/model/ProgramSummary.h"

#include "checks/model/TranslationUnitModel.h"
#include "checks/model/Vocabulary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <set>
#include <vector>

using namespace clang;

namespace recover::model {

static constexpr llvm::StringLiteral FactsHeader = "recover-tidy facts 1";
static constexpr llvm::StringLiteral SummaryHeader =
    "# recover-tidy program summary 1";

std::string programKey(const FunctionDecl &FD, const SourceManager &SM) {
  std::string Key = FD.getNameAsString();
  if (FD.isExternallyVisible())
    return Key;
  const FunctionDecl *Def = FD.getDefinition();
  SourceLocation Loc = SM.getExpansionLoc((Def ? Def : &FD)->getLocation());
  return Key + "@" + llvm::sys::path::filename(SM.getFilename(Loc)).str();
}

/// The type that \p T points to, when it is a pointer; \p T otherwise.
static QualType pointeeOrSelf(QualType T) {
  if (const auto *Pointer = T->getAs<PointerType>())
    return Pointer->getPointeeType();
  return T;
}

/// How calls through pointers and address-taken functions are matched: the
/// canonical function type without `noreturn` (a call through a plain
/// pointer reaches a noreturn function of the same signature), or "*"
/// (matches every type) when the type has no prototype.
static std::string callableType(QualType T, ASTContext &Ctx) {
  T = pointeeOrSelf(T).getCanonicalType().getUnqualifiedType();
  const auto *Proto = T->getAs<FunctionProtoType>();
  if (!Proto)
    return "*";
  if (Proto->getNoReturnAttr())
    T = QualType(
        Ctx.adjustFunctionType(Proto, Proto->getExtInfo().withNoReturn(false)),
        0);
  return T.getAsString();
}

/// The type that the call through a pointer \p Call matches.  A pointer
/// without a prototype called with no arguments can only reach a function
/// that takes none (C11 6.5.2.2p6): its type is `R (void)`, not "*".
static std::string calledType(const CallExpr &Call, ASTContext &Ctx) {
  QualType T = pointeeOrSelf(Call.getCallee()->getType());
  const auto *NoProto = T->getAs<FunctionNoProtoType>();
  if (!NoProto || Call.getNumArgs() != 0)
    return callableType(T, Ctx);
  return callableType(Ctx.getFunctionType(NoProto->getReturnType(),
                                          llvm::ArrayRef<QualType>(),
                                          FunctionProtoType::ExtProtoInfo()),
                      Ctx);
}

/// The declaration reference that \p E is, seen through parentheses,
/// implicit casts (every cast with \p AllCasts) and one `&`.
static const DeclRefExpr *referenceThrough(const Expr *E, bool AllCasts) {
  auto Strip = [AllCasts](const Expr *X) {
    return AllCasts ? X->IgnoreParenCasts() : X->IgnoreParenImpCasts();
  };
  E = Strip(E);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf)
      E = Strip(Unary->getSubExpr());
  return dyn_cast<DeclRefExpr>(E);
}

/// The reference to a function that \p E is, seen through parentheses,
/// casts and `&`.
static const DeclRefExpr *functionReference(const Expr *E) {
  const DeclRefExpr *Ref = referenceThrough(E, /*AllCasts=*/true);
  return Ref && isa<FunctionDecl>(Ref->getDecl()) ? Ref : nullptr;
}

/// A function named by \p E, seen through parentheses, implicit casts and
/// `&`.
static const FunctionDecl *namedFunction(const Expr *E) {
  const DeclRefExpr *Ref = referenceThrough(E, /*AllCasts=*/false);
  return Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
}

namespace {
/// Pass 1 over one translation unit: every fact but the recover points'.
class FactsCollector : public RecursiveASTVisitor<FactsCollector> {
public:
  FactsCollector(TranslationUnitModel &TU, std::set<std::string> &Facts)
      : TU(TU), Ctx(TU.context()), SM(Ctx.getSourceManager()), Facts(Facts) {}

  bool TraverseFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() ||
        SM.isInSystemHeader(FD->getLocation()))
      return true;
    std::string Outer = std::move(Current);
    Current = programKey(*FD, SM);
    bool Result = RecursiveASTVisitor::TraverseFunctionDecl(FD);
    Current = std::move(Outer);
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    // Pre-order: the call is seen before its callee's DeclRefExpr and its
    // arguments.
    if (const DeclRefExpr *Ref = calleeReference(*Call)) {
      CalleeRefs.insert(Ref);
      noteArguments(*Call, *cast<FunctionDecl>(Ref->getDecl()));
      return true;
    }
    if (Current.empty())
      return true;
    std::string Type = calledType(*Call, Ctx);
    // A call through a parameter reaches what the callers pass, which the
    // summary resolves when every caller names the function it passes.
    if (const ParmVarDecl *Param = calleeParameter(*Call)) {
      ParameterCalls.push_back({Current, Param, std::move(Type)});
      return true;
    }
    Facts.insert("icall\t" + Current + "\t" + Type);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl());
    // The C library's functions are not part of the program; the callbacks
    // handed to them are named where they are handed over.
    if (!F || SM.isInSystemHeader(F->getLocation()))
      return true;
    if (!Current.empty())
      Facts.insert("call\t" + Current + "\t" + programKey(*F, SM));
    if (CalleeRefs.count(Ref))
      return true;
    AddressTaken.insert(F->getCanonicalDecl());
    if (!ArgumentRefs.count(Ref))
      Stored.insert(F->getCanonicalDecl());
    return true;
  }

  bool VisitCastExpr(CastExpr *Cast) {
    if (Cast->getCastKind() == CK_FunctionToPointerDecay)
      return true;
    const FunctionDecl *F = namedFunction(Cast->getSubExpr());
    if (F && !keepsFunctionType(Cast->getType(), *F))
      CastAway.insert(F->getCanonicalDecl());
    return true;
  }

  /// The facts that need the whole translation unit seen.
  void finish() {
    for (const FunctionDecl *F : AddressTaken) {
      std::string Key = programKey(*F, SM);
      Facts.insert("addr\t" + Key + "\t" +
                   (CastAway.count(F) ? std::string("*")
                                      : callableType(F->getType(), Ctx)));
      if (Stored.count(F))
        Facts.insert("stored\t" + Key);
    }
    for (const ParameterCall &Call : ParameterCalls) {
      if (TU.reassigned(Call.Param)) {
        Facts.insert("icall\t" + Call.Caller + "\t" + Call.Type);
        continue;
      }
      Facts.insert("picall\t" + Call.Caller + "\t" +
                   std::to_string(Call.Param->getFunctionScopeIndex()) + "\t" +
                   Call.Type);
    }
    for (const Forward &F : Forwards)
      Facts.insert(TU.reassigned(F.Param)
                       ? "parg\t" + F.Callee + "\t" + std::to_string(F.Arg) +
                             "\t?"
                       : "pfwd\t" + F.Callee + "\t" + std::to_string(F.Arg) +
                             "\t" + F.Caller + "\t" +
                             std::to_string(F.Param->getFunctionScopeIndex()));
  }

private:
  /// A call through a parameter, decided on once the translation unit has
  /// been seen.
  struct ParameterCall {
    std::string Caller;
    const ParmVarDecl *Param;
    std::string Type;
  };

  /// A function pointer parameter of the caller passed on to a call: what
  /// the caller's callers pass, unless the caller reassigns it.
  struct Forward {
    std::string Callee;
    unsigned Arg;
    std::string Caller;
    const ParmVarDecl *Param;
  };

  /// The arguments of a direct call to \p Callee of the program that are
  /// function pointers: a function named there is called where it is named
  /// (a `call` fact, and `fnarg`), a parameter of the caller passes on what
  /// it is given (`pfwd`); any other value (`parg ... ?`) leaves a call
  /// through the parameter to be matched by type.
  void noteArguments(const CallExpr &Call, const FunctionDecl &Callee) {
    for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
      const Expr *Arg = Call.getArg(I);
      if (const DeclRefExpr *Ref = functionReference(Arg)) {
        ArgumentRefs.insert(Ref);
        const auto *F = cast<FunctionDecl>(Ref->getDecl());
        if (!SM.isInSystemHeader(Callee.getLocation()) &&
            !SM.isInSystemHeader(F->getLocation()))
          Facts.insert("fnarg\t" + programKey(Callee, SM) + "\t" +
                       std::to_string(I) + "\t" + programKey(*F, SM));
        continue;
      }
      if (SM.isInSystemHeader(Callee.getLocation()) ||
          !Arg->getType()->isFunctionPointerType() ||
          Arg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        continue;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
        if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
            Param && !Current.empty()) {
          Forwards.push_back({programKey(Callee, SM), I, Current, Param});
          continue;
        }
      Facts.insert("parg\t" + programKey(Callee, SM) + "\t" +
                   std::to_string(I) + "\t?");
    }
  }

  /// Whether a cast of \p F to \p Target still calls it as what it is: a
  /// pointer to a compatible function type (dropping `noreturn`, or the
  /// prototype, keeps it).
  bool keepsFunctionType(QualType Target, const FunctionDecl &F) const {
    Target = pointeeOrSelf(Target);
    return Target->isFunctionType() &&
           Ctx.typesAreCompatible(Target, F.getType());
  }

  TranslationUnitModel &TU;
  ASTContext &Ctx;
  const SourceManager &SM;
  std::set<std::string> &Facts;
  /// The function whose body is being walked; empty at file scope.
  std::string Current;
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs;
  /// Functions named as an argument of a direct call.
  llvm::DenseSet<const DeclRefExpr *> ArgumentRefs;
  llvm::DenseSet<const FunctionDecl *> AddressTaken;
  /// Address-taken functions named other than as a call's argument: kept
  /// in memory, where code outside the program can find them.
  llvm::DenseSet<const FunctionDecl *> Stored;
  llvm::DenseSet<const FunctionDecl *> CastAway;
  std::vector<ParameterCall> ParameterCalls;
  std::vector<Forward> Forwards;
};
} // namespace

/// The `root` and `iroot` facts of \p FD: what its protected regions call or
/// name.  A function whose CFG cannot be built counts as reachable itself,
/// which makes everything it calls reachable too.
static void addRoots(const FunctionDecl &FD, TranslationUnitModel &TU,
                     std::set<std::string> &Facts) {
  const SourceManager &SM = TU.context().getSourceManager();
  FunctionAnalysis *A = TU.analysis(&FD);
  if (!A) {
    Facts.insert("root\t" + programKey(FD, SM));
    return;
  }
  A->forEachElement([&](CFGPoint P, const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (Call && !calleeReference(*Call) && A->inProtectedRegion(P))
      Facts.insert("iroot\t" + calledType(*Call, TU.context()));
  });
  for (const FunctionDecl *F : A->namedInProtectedRegions())
    if (!SM.isInSystemHeader(F->getLocation()))
      Facts.insert("root\t" + programKey(*F, SM));
}

std::string programFacts(TranslationUnitModel &TU, const NameSet &EntryPoints) {
  ASTContext &Ctx = TU.context();
  const SourceManager &SM = Ctx.getSourceManager();
  std::set<std::string> Facts;
  for (const FunctionDecl *FD : TU.functions()) {
    Facts.insert("def\t" + programKey(*FD, SM));
    if (FD->isExternallyVisible() && FD->getIdentifier()) {
      Facts.insert("export\t" + programKey(*FD, SM));
      if (EntryPoints.matches(FD->getName()))
        Facts.insert("entry\t" + programKey(*FD, SM));
    }
    const EntryFacts &Entry = TU.entryFacts(FD);
    for (const std::string &Key : Entry.Afresh)
      Facts.insert("afresh\t" + programKey(*FD, SM) + "\t" + Key);
    for (const std::string &Key : Entry.ReadFirst)
      Facts.insert("readfirst\t" + programKey(*FD, SM) + "\t" + Key);
    if (TU.recovers(FD))
      addRoots(*FD, TU, Facts);
  }
  for (const std::string &Key : TU.recoveryKeys())
    Facts.insert("restores\t" + Key);
  for (const auto &Moved : TU.movedPointers())
    Facts.insert("moved\t" + Moved.getKey().str());
  for (const FunctionDecl *FD : TU.functions())
    if (TU.recovers(FD))
      Facts.insert("recovers\t" + programKey(*FD, SM));
  TU.frameRecordKeys(Facts);
  TU.objectFlowKeys(Facts);
  FactsCollector Collector(TU, Facts);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  Collector.finish();

  std::string Text = FactsHeader.str() + "\n";
  for (const std::string &Fact : Facts)
    Text += Fact + "\n";
  return Text;
}

void ProgramSummary::clear() {
  for (llvm::StringSet<> *Set :
       {&Outside, &Afresh, &Restored, &FrameOnly, &Stacks})
    Set->clear();
}

bool ProgramSummary::load(llvm::StringRef Path, std::string &Error) {
  clear();
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = Buffer.getError().message();
    return false;
  }
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', /*MaxSplit=*/-1,
                               /*KeepEmpty=*/false);
  if (Lines.empty() || Lines.front().rtrim() != SummaryHeader) {
    Error = "it does not start with '" + SummaryHeader.str() + "'";
    return false;
  }
  for (size_t I = 1; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I].rtrim();
    if (Line.empty() || Line.front() == '#')
      continue;
    auto [Kind, Key] = Line.split('\t');
    llvm::StringSet<> *Set = Kind == "outside"     ? &Outside
                             : Kind == "afresh"    ? &Afresh
                             : Kind == "restored"  ? &Restored
                             : Kind == "frameonly" ? &FrameOnly
                             : Kind == "stack"     ? &Stacks
                                                   : nullptr;
    if (!Set || Key.empty()) {
      Error = "line " + std::to_string(I + 1) +
              " is none of 'outside<TAB>name', 'afresh<TAB>key', "
              "'restored<TAB>key', 'frameonly<TAB>record' and "
              "'stack<TAB>key'";
      clear();
      return false;
    }
    Set->insert(Key);
  }
  return true;
}

bool ProgramSummary::outsideRecovery(const FunctionDecl &FD,
                                     const SourceManager &SM) const {
  return !Outside.empty() && Outside.count(programKey(FD, SM));
}

} // namespace recover::model
