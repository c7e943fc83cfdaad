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
//    calls, kept in local pointers, or registered in outliving state for
//    the statements after it only (a later statement of the same block,
//    with no return, goto, break or continue before it, puts back the
//    value saved before or null: `prev = thr->ctx; thr->ctx = &c.ctx;
//    run(&c); thr->ctx = prev;`, a compiler's context registered for its
//    error reporter), and a pointer to R is only stored in locals or in
//    fields of frame-only records;
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
// Across translation units the facts (`frame R`, `framein R F ... L`,
// `nonframe R`, `within R S L`, `recovers F`) meet in the program summary,
// whose `frameonly R` lines name the frame-only records of the program.
// There a record held in field L of a record S that is not frame-only is
// still frame-only when S's objects are all frames' and no frame looks at
// their field L after a call that can return through a recovery: nobody
// reaches the held object through S then.  `(&v.f)->g` is `v.f.g`: it
// does not let v's address go.
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

/// Whether lvalues \p A and \p B designate the same object by the same
/// path: one variable, or the same members of the same such path.
static bool samePath(const Expr *A, const Expr *B) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (const auto *DA = dyn_cast<DeclRefExpr>(A)) {
    const auto *DB = dyn_cast<DeclRefExpr>(B);
    return DB && DA->getDecl() == DB->getDecl();
  }
  const auto *MA = dyn_cast<MemberExpr>(A);
  const auto *MB = dyn_cast<MemberExpr>(B);
  return MA && MB && MA->getMemberDecl() == MB->getMemberDecl() &&
         MA->isArrow() == MB->isArrow() &&
         samePath(MA->getBase(), MB->getBase());
}

/// Whether \p E names a local variable (or a part of one).
static bool isLocal(const Expr *E) {
  const VarDecl *V = FrameFacts::localRoot(E);
  return V && V->hasLocalStorage();
}

/// Whether statement \p S can end the block it is in other than by
/// running to its end: a return, goto, break or continue in it.
static bool mayLeaveBlock(const Stmt *S) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool VisitStmt(Stmt *S) {
      Found |=
          isa<ReturnStmt, GotoStmt, IndirectGotoStmt, BreakStmt, ContinueStmt>(
              S);
      return !Found;
    }
  } F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

/// Whether statement \p S puts back into \p Target what it held before
/// statement \p Before of the block [\p First, \p Before]: null, or a
/// local that its declaration or an earlier statement of the block set to
/// a copy of \p Target.
static bool undoes(const Stmt *S, const Expr *Target,
                   CompoundStmt::const_body_iterator First,
                   CompoundStmt::const_body_iterator Before, ASTContext &Ctx) {
  const auto *BO = dyn_cast<BinaryOperator>(S);
  if (!BO || BO->getOpcode() != BO_Assign || !samePath(BO->getLHS(), Target))
    return false;
  const Expr *Value = BO->getRHS()->IgnoreParenCasts();
  if (isNullValue(Value, Ctx))
    return true;
  const auto *DRE = dyn_cast<DeclRefExpr>(Value);
  const auto *Saved = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!Saved || !Saved->hasLocalStorage())
    return false;
  if (const Expr *Init = Saved->getInit())
    if (samePath(Init, Target))
      return true;
  for (const auto *It = First; It != Before; ++It)
    if (const auto *Copy = dyn_cast<BinaryOperator>(*It))
      if (Copy->getOpcode() == BO_Assign && samePath(Copy->getRHS(), Target))
        if (const auto *To =
                dyn_cast<DeclRefExpr>(Copy->getLHS()->IgnoreParenImpCasts());
            To && To->getDecl() == Saved)
          return true;
  return false;
}

bool neverReturnsThroughRecovery(const FunctionDecl &Callee,
                                 const Vocabulary &Vocab,
                                 const SourceManager &SM) {
  return Callee.isNoReturn() || Vocab.isPanic(&Callee) ||
         SM.isInSystemHeader(Callee.getLocation());
}

namespace {
/// One automatic variable of a record type.
struct Instance {
  const VarDecl *V;
  const FunctionDecl *In;
  /// The calls that have been given its address and after which the
  /// function names it (or that share a loop with such a use).
  SmallVector<FrameRecordFacts::LookedAtAfter, 2> LookedAtAfter;
};

/// A call given the address of an instance, with the loops around it.
struct AddressPassed {
  SourceLocation At;
  const CallExpr *Expr;
  FrameRecordFacts::CallGiven Call;
  SmallVector<const Stmt *, 4> Loops;
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
  /// Per instance: the calls given its address that may return through a
  /// recovery.
  DenseMap<const VarDecl *, SmallVector<AddressPassed, 2>> PassedTo;
  /// Where an instance is named: with the loops around, and the field of
  /// it that the use selects (null: the whole object).
  struct Use {
    SourceLocation At;
    SmallVector<const Stmt *, 4> Loops;
    const FieldDecl *Field;
  };
  /// Per instance: where it is named.
  DenseMap<const VarDecl *, SmallVector<Use, 4>> NamedAt;
  /// The field that a use of an instance selects (`v.f`), seen by the
  /// member expression before its base.
  DenseMap<const DeclRefExpr *, const FieldDecl *> FieldOfUse;

  /// The blocks around the statement being visited.
  SmallVector<const CompoundStmt *, 8> Blocks;
  /// Assignments that undo the registration of an instance's address in
  /// outliving state (registersAround()): they put back what was there.
  DenseSet<const BinaryOperator *> Undos;

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
        Out.Within.insert({Held, Field->getParent(), Field});
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
      Out.Within.insert({RD, F->getParent(), F});
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
        Instances.push_back({V, Current, {}});
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
  bool TraverseCompoundStmt(CompoundStmt *CS) {
    Blocks.push_back(CS);
    bool Go = RecursiveASTVisitor::TraverseCompoundStmt(CS);
    Blocks.pop_back();
    return Go;
  }
  /// Whether \p BO, a statement of the innermost block, registers the
  /// address of instance \p Inst that a later statement of the block takes
  /// down again.  Marks that statement as an undo, and the calls in between
  /// as given the address: they can reach the instance through the
  /// registration.
  bool registersAround(const BinaryOperator *BO, const VarDecl *Inst) {
    if (Blocks.empty() || !Inst || isLocal(BO->getLHS()))
      return false;
    auto Body = Blocks.back()->body();
    const auto *It = llvm::find(Body, BO);
    if (It == Body.end())
      return false;
    for (const auto *Next = std::next(It); Next != Body.end(); ++Next) {
      if (undoes(*Next, BO->getLHS(), Body.begin(), It, TU.context())) {
        Undos.insert(cast<BinaryOperator>(*Next));
        for (const auto *Between = std::next(It); Between != Next; ++Between)
          passedToCallsIn(*Between, Inst);
        return true;
      }
      if (mayLeaveBlock(*Next))
        return false;
    }
    return false;
  }
  /// Records that every call in \p S is given the address of \p Inst.
  void passedToCallsIn(const Stmt *S, const VarDecl *Inst) {
    struct Calls : RecursiveASTVisitor<Calls> {
      SmallVector<const CallExpr *, 4> Found;
      bool VisitCallExpr(CallExpr *Call) {
        Found.push_back(Call);
        return true;
      }
    } C;
    C.TraverseStmt(const_cast<Stmt *>(S));
    for (const CallExpr *Call : C.Found)
      passed(Call, Inst, NoArgument);
  }
  /// The argument index of a call given an address through a registration.
  static constexpr unsigned NoArgument = ~0u;
  /// Records that \p Call is given the address of \p Inst, as its
  /// argument \p Arg (NoArgument: through a registration), unless the call
  /// cannot return through a recovery: the C library's functions, and
  /// those that never return.  (A plain index rather than an optional:
  /// GCC 12 warns of the optional's payload as maybe uninitialised.)
  void passed(const CallExpr *Call, const VarDecl *Inst, unsigned Arg) {
    const FunctionDecl *Callee = calledFunction(*Call);
    if (Callee && neverReturnsThroughRecovery(*Callee, TU.vocabulary(), SM))
      return;
    // Followed into the callee only as one of its pointer parameters.
    if (Arg != NoArgument &&
        (!Callee || Arg >= Callee->getNumParams() ||
         !Callee->getParamDecl(Arg)->getType()->isPointerType()))
      Arg = NoArgument;
    auto &Calls = PassedTo[Inst];
    // One call given the address in two arguments is one call.
    if (!Calls.empty() && Calls.back().Expr == Call) {
      auto &Args = Calls.back().Call.Args;
      if (Arg != NoArgument && Args)
        Args->push_back(Arg);
      else
        Args.reset();
      return;
    }
    FrameRecordFacts::CallGiven Given{Callee, std::nullopt};
    if (Arg != NoArgument)
      Given.Args.emplace({Arg});
    Calls.push_back({SM.getExpansionLoc(Call->getEndLoc()), Call, Given,
                     SmallVector<const Stmt *, 4>(Loops.begin(), Loops.end())});
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    // Registered only around the calls that follow: as good as handing
    // them the address.
    if (registersAround(BO, addressOfInstance(BO->getRHS()))) {
      Accounted.insert(addressExpr(BO->getRHS()));
      return true;
    }
    if (!Undos.count(BO))
      stored(BO->getLHS(), BO->getRHS());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    // What a call returns comes from somewhere else: the heap, mostly.
    nonFrame(pointeeRecord(Call->getType()));
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (const VarDecl *V = addressOfInstance(Call->getArg(I))) {
        Accounted.insert(addressExpr(Call->getArg(I)));
        passed(Call, V, I);
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
           SmallVector<const Stmt *, 4>(Loops.begin(), Loops.end()),
           FieldOfUse.lookup(E)});
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    // `(&v.f)->g` is `v.f.g`: it does not let the address go.
    if (ME->isArrow()) {
      const auto *UO = dyn_cast<UnaryOperator>(Base);
      if (!UO || UO->getOpcode() != UO_AddrOf ||
          !instanceRoot(UO->getSubExpr()))
        return true;
      Accounted.insert(UO);
      return true;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Base))
      if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        FieldOfUse[DRE] = Field;
    return true;
  }

  void finish() {
    for (Instance &I : Instances) {
      auto Passed = PassedTo.find(I.V);
      auto Named = NamedAt.find(I.V);
      if (Passed == PassedTo.end() || Named == NamedAt.end())
        continue;
      for (const AddressPassed &Call : Passed->second) {
        FrameRecordFacts::LookedAtAfter After;
        After.In = I.In;
        After.Callee = Call.Call.Callee;
        After.Args = Call.Call.Args;
        After.Whole = false;
        bool Looked = false;
        for (const Use &U : Named->second) {
          bool SharedLoop = llvm::any_of(Call.Loops, [&](const Stmt *L) {
            return llvm::is_contained(U.Loops, L);
          });
          if (!SharedLoop && !SM.isBeforeInTranslationUnit(Call.At, U.At))
            continue;
          Looked = true;
          if (!U.Field)
            After.Whole = true;
          else if (!llvm::is_contained(After.Fields, U.Field))
            After.Fields.push_back(U.Field);
        }
        if (Looked)
          I.LookedAtAfter.push_back(std::move(After));
      }
    }
    for (Instance &I : Instances) {
      const RecordDecl *RD = objectRecord(I.V->getType());
      if (I.LookedAtAfter.empty())
        Out.Frame.insert(RD);
      for (FrameRecordFacts::LookedAtAfter &After : I.LookedAtAfter) {
        After.Held = RD;
        Out.FrameIn.push_back(std::move(After));
      }
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
        else if (!Callee || !neverReturnsThroughRecovery(
                                *Callee, Vocab, Ctx.getSourceManager()))
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
    for (const FrameRecordFacts::LookedAtAfter &Use : F.FrameIn)
      if (Use.Held == R) {
        if (mayHandToRecovery(Use))
          return false;
        Instance = true;
      }
    for (const auto &[Held, Holder, Field] : F.Within)
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
  for (const FrameRecordFacts::LookedAtAfter &Use : F.FrameIn) {
    if (Key(Use.Held).empty())
      continue;
    std::string Fact = "framein\t" + Key(Use.Held) + "\t" +
                       programKey(*Use.In, SM) + "\t" +
                       (Use.Callee ? programKey(*Use.Callee, SM) : "*");
    // The arguments given the address, when the callee can be followed.
    Fact += "\t";
    if (Use.Callee && Use.Args)
      for (unsigned I = 0; I < Use.Args->size(); ++I)
        Fact += (I ? "," : "") + std::to_string((*Use.Args)[I]);
    // The fields it looks at after the call, in declaration order.
    SmallVector<const FieldDecl *, 2> Fields(Use.Fields);
    llvm::sort(Fields, [](const FieldDecl *A, const FieldDecl *B) {
      return A->getFieldIndex() < B->getFieldIndex();
    });
    Fact += "\t";
    if (Use.Whole)
      Fact += "*";
    for (unsigned I = 0; !Use.Whole && I < Fields.size(); ++I)
      Fact += (I ? "," : "") + Fields[I]->getNameAsString();
    Facts.insert(std::move(Fact));
  }
  for (const RecordDecl *RD : F.NonFrame)
    if (!Key(RD).empty())
      Facts.insert("nonframe\t" + Key(RD));
  for (const auto &[Held, Holder, Field] : F.Within) {
    std::string H = Key(Held), In = Key(Holder);
    if (H.empty())
      continue;
    // Inside an anonymous record there is nothing to name it by.
    if (In.empty()) {
      Facts.insert("nonframe\t" + H);
      continue;
    }
    std::string Fact = "within\t" + H;
    Fact += "\t";
    Fact += In;
    Fact += "\t";
    // An anonymous field has no name to look at it by: any field.
    Fact += Field->getIdentifier() ? Field->getName() : StringRef("*");
    Facts.insert(std::move(Fact));
  }
}

/// Calls \p Visit with each record type of which the memory that lvalue
/// \p E designates is a part, innermost first: through embedded members
/// and array members (`s->inner.buf[i]` is part of an `inner` and of what
/// `s` points to), into what a pointer points to (`(&ctx->bw)->p` is part
/// of a `bw` and of what `ctx` points to).  \p E is an lvalue, or with
/// \p IsPointer a pointer whose target is asked about.
static void
enclosingRecords(const Expr *E, bool IsPointer,
                 llvm::function_ref<void(const RecordDecl *)> Visit) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    if (!IsPointer) {
      E = dereferencedPointer(E, Visit);
      IsPointer = true;
      continue;
    }
    E = E->IgnoreParenImpCasts();
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (UO && UO->getOpcode() == UO_AddrOf) {
      E = UO->getSubExpr();
      IsPointer = false;
      continue;
    }
    if (const RecordDecl *RD = pointeeRecord(E->getType()))
      Visit(RD);
    return;
  }
}

bool FunctionAnalysis::inFrameOnlyRecord(const Change &C,
                                         const ProgramSummary *Summary) const {
  auto FrameOnly = [&](const RecordDecl *RD) {
    if (!RD)
      return false;
    if (TU.frameOnlyHere(RD))
      return true;
    std::string Key = recordKey(RD);
    return Summary && !Key.empty() && Summary->frameOnly(Key);
  };
  if (const auto *Field = C.Loc.Kind == Location::Field
                              ? dyn_cast_or_null<FieldDecl>(C.Loc.Decl)
                              : nullptr;
      Field && FrameOnly(Field->getParent()))
    return true;
  if (C.Loc.Kind == Location::Pointee && C.Loc.Decl &&
      FrameOnly(pointeeRecord(C.Loc.Decl->getType())))
    return true;
  // The memory written is part of an object of a frame-only type when any
  // record it is embedded in is one (a buffer writer inside a frame-only
  // encoder context); for a callee that writes through its parameter, the
  // argument says which object.
  bool Found = false;
  auto Check = [&](const RecordDecl *RD) { Found = Found || FrameOnly(RD); };
  if (C.Kind == ChangeKind::Call && C.Argument)
    enclosingRecords(C.Argument, /*IsPointer=*/true, Check);
  if (!Found)
    if (const Expr *Written = changedLValue(C))
      enclosingRecords(Written, /*IsPointer=*/false, Check);
  return Found;
}

} // namespace recover::model
