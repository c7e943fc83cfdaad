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

/// How calls through pointers and address-taken functions are matched: the
/// canonical function type, or "*" (matches every type) when the type has no
/// prototype.
static std::string callableType(QualType T) {
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  T = T.getCanonicalType().getUnqualifiedType();
  if (!T->getAs<FunctionProtoType>())
    return "*";
  return T.getAsString();
}

/// A function named by \p E, seen through parentheses, implicit casts and
/// `&`.
static const FunctionDecl *namedFunction(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf)
      E = Unary->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
}

namespace {
/// Pass 1 over one translation unit: every fact but the recover points'.
class FactsCollector : public RecursiveASTVisitor<FactsCollector> {
public:
  FactsCollector(const SourceManager &SM, std::set<std::string> &Facts)
      : SM(SM), Facts(Facts) {}

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
    // Pre-order: the call is seen before its callee's DeclRefExpr.
    if (const DeclRefExpr *Ref = calleeReference(*Call))
      CalleeRefs.insert(Ref);
    else if (!Current.empty())
      Facts.insert("icall\t" + Current + "\t" +
                   callableType(Call->getCallee()->getType()));
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
    if (!CalleeRefs.count(Ref))
      AddressTaken.insert(F->getCanonicalDecl());
    return true;
  }

  bool VisitCastExpr(CastExpr *Cast) {
    if (Cast->getCastKind() == CK_FunctionToPointerDecay)
      return true;
    const FunctionDecl *F = namedFunction(Cast->getSubExpr());
    if (F && callableType(Cast->getType()) != callableType(F->getType()))
      CastAway.insert(F->getCanonicalDecl());
    return true;
  }

  /// The `addr` facts, once the whole translation unit has been seen.
  void finish() {
    for (const FunctionDecl *F : AddressTaken)
      Facts.insert(
          "addr\t" + programKey(*F, SM) + "\t" +
          (CastAway.count(F) ? std::string("*") : callableType(F->getType())));
  }

private:
  const SourceManager &SM;
  std::set<std::string> &Facts;
  /// The function whose body is being walked; empty at file scope.
  std::string Current;
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs;
  llvm::DenseSet<const FunctionDecl *> AddressTaken;
  llvm::DenseSet<const FunctionDecl *> CastAway;
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
      Facts.insert("iroot\t" + callableType(Call->getCallee()->getType()));
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
  FactsCollector Collector(SM, Facts);
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
