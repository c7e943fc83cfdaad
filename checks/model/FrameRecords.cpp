//===--- FrameRecords.cpp - records that live only in unwound frames ------===//
//
// Part of the shared setjmp/longjmp model.
//
// Spec.  Many programs keep the state of one task in records that only ever
// live in stack frames: a parser's lexer and function state (`LexState
// lexstate;` in the parser's entry, handed down as pointers), an
// assembler's operands (`Operand ops[3];`).  A change to such an object
// through a pointer looks like a change of state that outlives the frame,
// but a longjmp out of the task unwinds every frame holding one, and
// nobody observes the half-done object afterwards.  A record type R is
// frame-only when:
//  - every object of type R is an automatic variable (or an element of
//    one, or a by-value parameter): none has static storage, none is held
//    inside another record unless that record is frame-only too, none comes
//    from a call (an allocation, or a function returning `R *`);
//  - the address of such a variable (or of a part of it) is only passed to
//    calls or kept in local pointers, and a pointer to R is only stored in
//    locals or in fields of frame-only records;
//  - the function declaring the variable does not recover itself, and
//    either names the variable no more once a call has been given its
//    address (nothing in it looks at the object after a call returns,
//    normally or after a recovery below it), or cannot reach, through its
//    calls, a function that recovers (its frame is unwound by any jump out
//    of those calls).
// Within one translation unit this is decided for the records defined in
// the main file, which no other translation unit can name, unless a
// function with external linkage takes or returns a pointer to one; calls
// to functions defined elsewhere are taken as able to reach a recover
// point (unless they never return or are the C library's).
// Across translation units the facts (`frame R`, `framein R F`, `nonframe
// R`, `within R S`, `recovers F`) meet in the program summary, whose
// `frameonly R` lines name the frame-only records of the program.
//
//===----------------------------------------------------------------------===//

#include "checks/model/TranslationUnitModel.h"

#include "checks/model/ProgramSummary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

#include <set>

using namespace clang;
using namespace llvm;

namespace recover::model {

/// The record type that an object of type \p T is (arrays of it included),
/// or null.
static const RecordDecl *objectRecord(QualType T) {
  const Type *Ty = T->getBaseElementTypeUnsafe();
  const RecordDecl *RD = Ty ? Ty->getAsRecordDecl() : nullptr;
  return RD ? RD->getDefinition() : nullptr;
}

/// The record type that \p T points to, or null.
static const RecordDecl *pointeeRecord(QualType T) {
  const auto *PT = T->getAs<PointerType>();
  return PT ? objectRecord(PT->getPointeeType()) : nullptr;
}

namespace {
/// One automatic variable of a record type.
struct Instance {
  const VarDecl *V;
  const FunctionDecl *In;
  /// A call has been given its address and the function names it later (or
  /// in a loop around that call).
  bool NamedAfterCall = false;
};

/// Collects the frame-record facts of a translation unit.
struct FrameFactsCollector : RecursiveASTVisitor<FrameFactsCollector> {
  TranslationUnitModel &TU;
  FrameRecordFacts &Out;
  const SourceManager &SM;
  const FunctionDecl *Current = nullptr;
  /// The loops around the statement being visited.
  SmallVector<const Stmt *, 4> Loops;
  /// Address-of expressions and decays whose use is accounted for.
  DenseSet<const Expr *> Accounted;
  DenseMap<const VarDecl *, size_t> InstanceOf;
  std::vector<Instance> Instances;
  /// Per instance: the calls given its address, with their loops.
  DenseMap<
      const VarDecl *,
      SmallVector<std::pair<SourceLocation, SmallVector<const Stmt *, 4>>, 2>>
      PassedTo;
  /// Per instance: where it is named, with the loops around.
  DenseMap<
      const VarDecl *,
      SmallVector<std::pair<SourceLocation, SmallVector<const Stmt *, 4>>, 4>>
      NamedAt;

  FrameFactsCollector(TranslationUnitModel &TU, FrameRecordFacts &Out)
      : TU(TU), Out(Out), SM(TU.context().getSourceManager()) {}

  void nonFrame(const RecordDecl *RD) {
    if (RD)
      Out.NonFrame.insert(RD);
  }

  /// The automatic variable of record type whose storage \p E designates
  /// (through '.' and subscripts), or null.
  const VarDecl *instanceRoot(const Expr *E) const {
    for (;;) {
      E = E->IgnoreParenCasts();
      if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow()) {
        E = ME->getBase();
        continue;
      }
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
        const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
        if (!Base->getType()->isArrayType())
          return nullptr;
        E = Base;
        continue;
      }
      const auto *DRE = dyn_cast<DeclRefExpr>(E);
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      return V && InstanceOf.count(V) ? V : nullptr;
    }
  }
  /// If \p E is the address of (a part of) an instance -- `&v`, `&v.f`,
  /// `&a[i]`, or an array of records decaying -- that instance.
  const VarDecl *addressOfInstance(const Expr *E) const {
    E = E->IgnoreParens();
    while (const auto *Cast = dyn_cast<CastExpr>(E)) {
      if (Cast->getCastKind() == CK_ArrayToPointerDecay)
        return instanceRoot(Cast->getSubExpr());
      E = Cast->getSubExpr()->IgnoreParens();
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      return instanceRoot(UO->getSubExpr());
    return nullptr;
  }
  /// The expression in \p E that takes the address, for Accounted.
  static const Expr *addressExpr(const Expr *E) {
    E = E->IgnoreParens();
    while (const auto *Cast = dyn_cast<CastExpr>(E)) {
      if (Cast->getCastKind() == CK_ArrayToPointerDecay)
        return Cast;
      E = Cast->getSubExpr()->IgnoreParens();
    }
    return E;
  }

  /// A pointer value \p Value is stored into the lvalue \p Target.
  void stored(const Expr *Target, const Expr *Value) {
    const RecordDecl *RD = pointeeRecord(Value->getType());
    const VarDecl *Inst = addressOfInstance(Value);
    if (Inst)
      Accounted.insert(addressExpr(Value));
    if (!RD && !Inst)
      return;
    if (isNullValue(Value, TU.context()))
      return;
    const Expr *T = Target->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(T))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
          V && V->hasLocalStorage())
        return;
    const auto *ME = dyn_cast<MemberExpr>(T);
    const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    for (const RecordDecl *Held :
         {RD, Inst ? objectRecord(Inst->getType()) : nullptr}) {
      if (!Held)
        continue;
      if (Field)
        Out.Within.insert({Held, Field->getParent()});
      else
        nonFrame(Held);
    }
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->isExternallyVisible())
      return true;
    if (const RecordDecl *RD = pointeeRecord(FD->getReturnType()))
      Out.Exposed.insert(RD);
    for (const ParmVarDecl *P : FD->parameters())
      if (const RecordDecl *RD = pointeeRecord(P->getType()))
        Out.Exposed.insert(RD);
    return true;
  }
  bool TraverseFunctionDecl(FunctionDecl *FD) {
    if (!FD->hasBody() || SM.isInSystemHeader(FD->getLocation()))
      return RecursiveASTVisitor::TraverseFunctionDecl(FD);
    const FunctionDecl *Outer = Current;
    Current = FD;
    bool Go = RecursiveASTVisitor::TraverseFunctionDecl(FD);
    Current = Outer;
    return Go;
  }
  bool TraverseForStmt(ForStmt *S) {
    if (S->getInit())
      TraverseStmt(S->getInit());
    Loops.push_back(S);
    TraverseStmt(S->getCond());
    TraverseStmt(S->getInc());
    TraverseStmt(S->getBody());
    Loops.pop_back();
    return true;
  }
  bool TraverseWhileStmt(WhileStmt *S) {
    Loops.push_back(S);
    TraverseStmt(S->getCond());
    TraverseStmt(S->getBody());
    Loops.pop_back();
    return true;
  }
  bool TraverseDoStmt(DoStmt *S) {
    Loops.push_back(S);
    TraverseStmt(S->getBody());
    TraverseStmt(S->getCond());
    Loops.pop_back();
    return true;
  }

  bool VisitFieldDecl(FieldDecl *F) {
    if (const RecordDecl *RD = objectRecord(F->getType()))
      Out.Within.insert({RD, F->getParent()});
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    // The parameters of a prototype are no objects.
    if (isa<ParmVarDecl>(V) && !Current)
      return true;
    const RecordDecl *RD = objectRecord(V->getType());
    if (RD) {
      // Not in a frame, or in one whose own recovery path may look at it.
      if (!V->hasLocalStorage() || !Current || TU.recovers(Current)) {
        nonFrame(RD);
      } else {
        InstanceOf[V] = Instances.size();
        Instances.push_back({V, Current, false});
      }
    }
    if (const Expr *Init = V->getInit()) {
      if (V->hasLocalStorage()) {
        if (addressOfInstance(Init))
          Accounted.insert(addressExpr(Init));
      } else if (pointeeRecord(Init->getType()) &&
                 !isNullValue(Init, TU.context())) {
        nonFrame(pointeeRecord(Init->getType()));
      }
    }
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      stored(BO->getLHS(), BO->getRHS());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    // What a call returns comes from somewhere else: the heap, mostly.
    nonFrame(pointeeRecord(Call->getType()));
    for (const Expr *Arg : Call->arguments())
      if (const VarDecl *V = addressOfInstance(Arg)) {
        Accounted.insert(addressExpr(Arg));
        PassedTo[V].push_back(
            {SM.getExpansionLoc(Call->getEndLoc()),
             SmallVector<const Stmt *, 4>(Loops.begin(), Loops.end())});
      }
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *ASE) {
    // Indexing an array of records does not hand its address on.
    if (const auto *Decay =
            dyn_cast<ImplicitCastExpr>(ASE->getBase()->IgnoreParens()))
      if (Decay->getCastKind() == CK_ArrayToPointerDecay)
        Accounted.insert(Decay);
    return true;
  }
  bool VisitCastExpr(CastExpr *Cast) {
    // Memory a call returns, converted to a pointer to the record: the
    // heap, mostly (`struct node *n = malloc(sizeof *n);`).
    if (const RecordDecl *RD = pointeeRecord(Cast->getType()))
      if (isa<CallExpr>(Cast->getSubExpr()->IgnoreParenCasts()))
        nonFrame(RD);
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      if (const VarDecl *V = instanceRoot(Cast->getSubExpr()))
        if (!Accounted.count(Cast))
          nonFrame(objectRecord(V->getType()));
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      if (const VarDecl *V = instanceRoot(UO->getSubExpr()))
        if (!Accounted.count(UO))
          nonFrame(objectRecord(V->getType()));
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *V = dyn_cast<VarDecl>(E->getDecl());
        V && InstanceOf.count(V))
      NamedAt[V].push_back(
          {SM.getExpansionLoc(E->getBeginLoc()),
           SmallVector<const Stmt *, 4>(Loops.begin(), Loops.end())});
    return true;
  }

  void finish() {
    for (Instance &I : Instances) {
      auto Passed = PassedTo.find(I.V);
      auto Named = NamedAt.find(I.V);
      if (Passed == PassedTo.end() || Named == NamedAt.end())
        continue;
      for (const auto &Call : Passed->second)
        for (const auto &Use : Named->second) {
          bool SharedLoop = llvm::any_of(Call.second, [&](const Stmt *L) {
            return llvm::is_contained(Use.second, L);
          });
          if (SharedLoop || SM.isBeforeInTranslationUnit(Call.first, Use.first))
            I.NamedAfterCall = true;
        }
    }
    for (const Instance &I : Instances) {
      const RecordDecl *RD = objectRecord(I.V->getType());
      if (I.NamedAfterCall)
        Out.FrameIn.insert({RD, I.In});
      else
        Out.Frame.insert(RD);
    }
  }
};
} // namespace

const FrameRecordFacts &TranslationUnitModel::frameRecordFacts() {
  if (!FrameRecords) {
    FrameRecords.emplace();
    FrameFactsCollector C(*this, *FrameRecords);
    C.TraverseDecl(Ctx.getTranslationUnitDecl());
    C.finish();
  }
  return *FrameRecords;
}

bool TranslationUnitModel::mayReachRecovery(const FunctionDecl *FD) {
  if (!ReachesRecovery) {
    // Backwards from the functions that recover, over the calls of the
    // translation unit; a call of a function with no body here, or
    // through a pointer, may reach one -- unless it never returns (no
    // recovery returns through it) or is the C library's.
    ReachesRecovery.emplace();
    DenseMap<const FunctionDecl *, SmallVector<const FunctionDecl *, 4>>
        Callers;
    SmallVector<const FunctionDecl *, 16> Work;
    for (const FunctionDecl *F : Functions) {
      bool Unknown = recovers(F);
      for (const auto &[Call, Callee] : calls(F)) {
        const FunctionDecl *Def = Callee ? definition(Callee) : nullptr;
        if (Def)
          Callers[Def].push_back(F);
        else if (!Callee || !(Callee->isNoReturn() || Vocab.isPanic(Callee) ||
                              Ctx.getSourceManager().isInSystemHeader(
                                  Callee->getLocation())))
          Unknown = true;
      }
      if (Unknown && ReachesRecovery->insert(F).second)
        Work.push_back(F);
    }
    while (!Work.empty()) {
      const FunctionDecl *F = Work.pop_back_val();
      for (const FunctionDecl *Caller : Callers.lookup(F))
        if (ReachesRecovery->insert(Caller).second)
          Work.push_back(Caller);
    }
  }
  const FunctionDecl *Def = definition(FD);
  return !Def || ReachesRecovery->count(Def);
}

bool TranslationUnitModel::frameOnlyHere(const RecordDecl *RD) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD)
    return false;
  auto [It, New] = FrameOnlyHere.try_emplace(RD, false);
  if (!New)
    return It->second;
  // Only a record that no other translation unit can name.
  const SourceManager &SM = Ctx.getSourceManager();
  if (!SM.isInMainFile(SM.getExpansionLoc(RD->getLocation())))
    return false;
  const FrameRecordFacts &F = frameRecordFacts();
  // The records RD lives in or is held by must be frame-only too; a
  // record seen again on the way is assumed so (a list of its own kind).
  SmallVector<const RecordDecl *, 8> Work{RD};
  DenseSet<const RecordDecl *> Seen{RD};
  bool Instance = false;
  while (!Work.empty()) {
    const RecordDecl *R = Work.pop_back_val();
    if (F.NonFrame.count(R) || F.Exposed.count(R) ||
        !SM.isInMainFile(SM.getExpansionLoc(R->getLocation())))
      return false;
    Instance |= F.Frame.count(R) != 0;
    for (const auto &[Held, In] : F.FrameIn)
      if (Held == R) {
        if (mayReachRecovery(In))
          return false;
        Instance = true;
      }
    for (const auto &[Held, Holder] : F.Within)
      if (Held == R && Seen.insert(Holder->getDefinition()).second)
        Work.push_back(Holder->getDefinition());
  }
  return FrameOnlyHere[RD] = Instance;
}

void TranslationUnitModel::frameRecordKeys(std::set<std::string> &Facts) {
  const FrameRecordFacts &F = frameRecordFacts();
  const SourceManager &SM = Ctx.getSourceManager();
  // The C library's records (jmp_buf's) are nobody's frame records.
  auto Key = [&](const RecordDecl *RD) {
    return SM.isInSystemHeader(RD->getLocation()) ? std::string()
                                                  : recordKey(RD);
  };
  for (const RecordDecl *RD : F.Frame)
    if (!Key(RD).empty())
      Facts.insert("frame\t" + Key(RD));
  for (const auto &[RD, In] : F.FrameIn)
    if (!Key(RD).empty())
      Facts.insert("framein\t" + Key(RD) + "\t" + programKey(*In, SM));
  for (const RecordDecl *RD : F.NonFrame)
    if (!Key(RD).empty())
      Facts.insert("nonframe\t" + Key(RD));
  for (const auto &[Held, Holder] : F.Within) {
    std::string H = Key(Held), In = Key(Holder);
    if (H.empty())
      continue;
    // Inside an anonymous record there is nothing to name it by.
    std::string Fact = In.empty() ? "nonframe\t" : "within\t";
    Fact += H;
    if (!In.empty())
      Fact += "\t" + In;
    Facts.insert(std::move(Fact));
  }
}

bool FunctionAnalysis::inFrameOnlyRecord(const Change &C,
                                         const ProgramSummary *Summary) const {
  const RecordDecl *RD = nullptr;
  if (const auto *Field = C.Loc.Kind == Location::Field
                              ? dyn_cast_or_null<FieldDecl>(C.Loc.Decl)
                              : nullptr)
    RD = Field->getParent();
  else if (C.Loc.Kind == Location::Pointee && C.Loc.Decl)
    RD = pointeeRecord(C.Loc.Decl->getType());
  if (!RD)
    return false;
  if (TU.frameOnlyHere(RD))
    return true;
  std::string Key = recordKey(RD);
  return Summary && !Key.empty() && Summary->frameOnly(Key);
}

} // namespace recover::model
