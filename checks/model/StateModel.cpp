//===--- StateModel.cpp - which writes change state that outlives a jump --===//

#include "checks/model/StateModel.h"
#include "checks/model/FreshMemory.h"
#include "checks/model/Vocabulary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace recover::model {

void Deallocators::addList(StringRef List, StringRef Option,
                           SmallVectorImpl<VocabularyError> &Errors) {
  SmallVector<StringRef, 8> Items;
  List.split(Items, ';', -1, /*KeepEmpty=*/false);
  for (StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty())
      continue;
    unsigned Arg = 1;
    auto [Name, Index] = Item.rsplit(':');
    if (!Index.empty() && Name != Item) {
      if (Index.trim().getAsInteger(10, Arg) || Arg == 0) {
        Errors.push_back({Option.str(), Item.str(),
                          "the argument number after ':' must be 1 or more"});
        continue;
      }
    } else {
      Name = Item;
    }
    Entry E;
    E.Arg = Arg - 1;
    size_t Before = Errors.size();
    E.Names.addList(Name.trim(), Option, Errors);
    if (Errors.size() == Before && !E.Names.empty())
      Entries.push_back(std::move(E));
  }
}

const Expr *Deallocators::freedArgument(const CallExpr &Call) const {
  const FunctionDecl *Callee = calledFunction(Call);
  if (!Callee || !Callee->getIdentifier())
    return nullptr;
  for (const Entry &E : Entries)
    if (E.Arg < Call.getNumArgs() && E.Names.matches(Callee->getName()))
      return Call.getArg(E.Arg);
  return nullptr;
}

std::string Location::name() const {
  if (!Decl)
    return "";
  switch (Kind) {
  case Variable:
    return Decl->getName().str();
  case Field: {
    const auto *FD = cast<FieldDecl>(Decl);
    // A field of an anonymous struct or union is named after the innermost
    // named record around it: CallInfo.ftransfer.
    std::string Record = recordKey(FD->getParent());
    return Record.empty() ? FD->getName().str()
                          : Record + "." + FD->getName().str();
  }
  case Pointee:
    return "*" + Decl->getName().str();
  case None:
    break;
  }
  return "";
}

std::string recordKey(const RecordDecl *RD) {
  // A member of an anonymous struct or union lives in the named record
  // around it.
  for (; RD; RD = dyn_cast<RecordDecl>(RD->getDeclContext())) {
    if (!RD->getName().empty())
      return RD->getName().str();
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      return TD->getName().str();
  }
  return "";
}

std::string pathName(const Location &Loc, const Expr *LValue) {
  const auto *ME =
      LValue ? dyn_cast<MemberExpr>(LValue->IgnoreParenImpCasts()) : nullptr;
  if (Loc.Kind != Location::Field || !ME || ME->getMemberDecl() != Loc.Decl)
    return Loc.name();
  // Up the '.' accesses to the member of the object reached otherwise
  // (through '->', a subscript, a variable): `S->buf.cap` gives buf, cap.
  SmallVector<StringRef, 4> Members{ME->getMemberDecl()->getName()};
  while (!ME->isArrow()) {
    const auto *Outer =
        dyn_cast<MemberExpr>(ME->getBase()->IgnoreParenImpCasts());
    if (!Outer)
      break;
    ME = Outer;
    // An anonymous member has no name to give.
    if (!ME->getMemberDecl()->getName().empty())
      Members.push_back(ME->getMemberDecl()->getName());
  }
  const auto *Outermost = dyn_cast<FieldDecl>(ME->getMemberDecl());
  std::string Record = Outermost ? recordKey(Outermost->getParent()) : "";
  if (Members.size() < 2 || Record.empty())
    return Loc.name();
  std::string Name = Record;
  for (StringRef M : llvm::reverse(Members))
    Name += "." + M.str();
  return Name;
}

llvm::StringRef Location::plainName() const {
  return Decl ? Decl->getName() : llvm::StringRef();
}

llvm::StringRef Location::pointeeRecordName() const {
  if (Kind != Pointee || !Decl)
    return {};
  const auto *V = dyn_cast<ValueDecl>(Decl);
  if (!V || !V->getType()->isPointerType())
    return {};
  const RecordDecl *RD = V->getType()->getPointeeType()->getAsRecordDecl();
  if (!RD)
    return {};
  // `typedef struct { ... } State;` is named by its typedef.
  if (RD->getName().empty())
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      return TD->getName();
  return RD->getName();
}

const VarDecl *namedVar(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// The object whose address the pointer-valued \p Pointer is, under any
/// parentheses and casts: `x` for `&x`, the array for an array that decays
/// to a pointer; null for any other pointer.
static const Expr *addressedObject(const Expr *Pointer) {
  for (const Expr *E = Pointer->IgnoreParens();;) {
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      if (Cast->getCastKind() == CK_ArrayToPointerDecay)
        return Cast->getSubExpr();
      E = Cast->getSubExpr()->IgnoreParens();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        return UO->getSubExpr();
    return nullptr;
  }
}

/// The pointer of pointer arithmetic `P + N`, `N + P` or `P - N`.
static const Expr *pointerOperand(const BinaryOperator *BO) {
  return BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS();
}

const Expr *arithmeticBase(const Expr *Pointer) {
  for (const Expr *E = Pointer->IgnoreParenCasts();;) {
    const auto *BO = dyn_cast<BinaryOperator>(E);
    if (!BO || !BO->isAdditiveOp() || !BO->getType()->isPointerType())
      return E;
    E = pointerOperand(BO)->IgnoreParenCasts();
  }
}

/// Whether \p V lives in the frame (automatic storage, parameters included).
static bool isFrameLocal(const VarDecl *V) { return !V->hasGlobalStorage(); }

/// Whether \p E is an lvalue of array type that decays to a pointer here, and
/// so names the array's own memory.
static bool isArrayLValue(const Expr *E) { return E->getType()->isArrayType(); }

const VarDecl *FrameFacts::parameterCopied(const VarDecl *V) const {
  auto It = ParamCopies.find(V);
  return It == ParamCopies.end() ? V : It->second;
}

Location FrameFacts::locationOf(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return {Location::Variable, V};
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      return {Location::Field, FD};
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
    if (isArrayLValue(Base))
      return locationOf(Base);
    if (const VarDecl *V = namedVar(Base))
      return {Location::Pointee, parameterCopied(V)};
    return locationOf(Base);
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref) {
      const Expr *Sub = UO->getSubExpr()->IgnoreParenCasts();
      if (const auto *Addr = dyn_cast<UnaryOperator>(Sub))
        if (Addr->getOpcode() == UO_AddrOf)
          return locationOf(Addr->getSubExpr());
      if (const VarDecl *V = namedVar(Sub))
        return {Location::Pointee, parameterCopied(V)};
      return locationOf(Sub);
    }
  }
  return {};
}

bool FrameFacts::pointsOutside(const Expr *P) const {
  // `&x`, or an array that decays: the object itself.
  if (const Expr *Object = addressedObject(P))
    return classifyWrite(Object).IsState;
  P = P->IgnoreParens();
  // Casts keep the target, unless they make a pointer from nothing.
  while (const auto *Cast = dyn_cast<CastExpr>(P)) {
    if (Cast->getCastKind() == CK_NullToPointer ||
        Cast->getCastKind() == CK_IntegralToPointer)
      return false;
    P = Cast->getSubExpr()->IgnoreParens();
  }
  if (isArrayLValue(P))
    return classifyWrite(P).IsState;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(P)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return true;
    if (!isFrameLocal(V) || isa<ParmVarDecl>(V))
      return true;
    return OutsidePointers.count(V) != 0;
  }
  if (isa<UnaryOperator>(P))
    return true;
  if (const auto *CO = dyn_cast<ConditionalOperator>(P))
    return pointsOutside(CO->getTrueExpr()) ||
           pointsOutside(CO->getFalseExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->isAdditiveOp())
      return pointsOutside(pointerOperand(BO));
    if (BO->getOpcode() == BO_Comma)
      return pointsOutside(BO->getRHS());
    if (BO->isAssignmentOp())
      return pointsOutside(BO->getRHS());
  }
  if (isa<IntegerLiteral>(P) || isa<StringLiteral>(P))
    return false;
  // A pointer loaded from memory, returned by a call, or computed otherwise:
  // nothing says it points into this frame.
  return true;
}

Target FrameFacts::classifyPointee(const Expr *Pointer) const {
  Target T;
  // `*&x` is x itself, and so is an array passed as a pointer.
  if (const Expr *Object = addressedObject(Pointer))
    return classifyWrite(Object);
  const Expr *Stripped = Pointer->IgnoreParenCasts();
  // `P + N` points into the same object as P.
  if (const auto *BO = dyn_cast<BinaryOperator>(Stripped))
    if (BO->isAdditiveOp())
      return classifyPointee(pointerOperand(BO));
  if (const VarDecl *V = namedVar(Stripped)) {
    V = parameterCopied(V);
    T.Loc = {Location::Pointee, V};
    if (const auto *PVD = dyn_cast<ParmVarDecl>(V)) {
      T.ParamIndex = static_cast<int>(PVD->getFunctionScopeIndex());
      T.IsState = true;
      return T;
    }
    if (Fresh.count(V)) {
      T.FreshOwner = V;
    } else if (auto It = Cursors.find(V); It != Cursors.end()) {
      T.FreshOwner = It->second;
      T.ThroughCursor = true;
    }
  } else {
    T.Loc = locationOf(Stripped);
  }
  T.IsState = pointsOutside(Pointer);
  return T;
}

bool FrameFacts::advancesFreeList(const Expr *LHS) const {
  return FreeListAdvances.count(LHS->IgnoreParenImpCasts());
}

Target FrameFacts::classifyWrite(const Expr *LHS) const {
  const Expr *E = LHS->IgnoreParenImpCasts();
  Location Loc = locationOf(E);
  if (advancesFreeList(E)) {
    Target T;
    T.Loc = Loc;
    return T;
  }
  // Walk down to what holds the written memory.
  for (;;) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      Target T;
      T.Loc = Loc;
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
        T.FrameLocal = isFrameLocal(V) && Recovers && Escaped.count(V);
        if (T.FrameLocal)
          T.FrameVar = V;
        T.IsState = !isFrameLocal(V) || T.FrameLocal;
      }
      return T;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow()) {
        Target T = classifyPointee(ME->getBase());
        T.Loc = Loc;
        return T;
      }
      E = ME->getBase()->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (isArrayLValue(Base)) {
        E = Base;
        continue;
      }
      Target T = classifyPointee(ASE->getBase());
      T.Loc = Loc;
      return T;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_Deref) {
        Target T = classifyPointee(UO->getSubExpr());
        T.Loc = Loc;
        return T;
      }
    }
    // Compound literals, calls returning structs and the like: temporaries.
    Target T;
    T.Loc = Loc;
    return T;
  }
}

const VarDecl *FrameFacts::localRoot(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr;
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (!isArrayLValue(Base))
        return nullptr;
      E = Base;
      continue;
    }
    const VarDecl *V = namedVar(E);
    return V && isFrameLocal(V) ? V : nullptr;
  }
}

bool FrameFacts::isRestore(const Expr *LHS, const Expr *RHS) const {
  const VarDecl *Saved = namedVar(RHS->IgnoreParenCasts());
  return Saved && holdsCopyOf(Saved, locationOf(LHS));
}

bool FrameFacts::holdsCopyOf(const VarDecl *V, Location Loc) const {
  auto It = SavedFrom.find(V);
  return Loc.valid() && It != SavedFrom.end() &&
         llvm::is_contained(It->second, Loc);
}

bool FrameFacts::assigns(const Stmt *S, const VarDecl *V) {
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return llvm::is_contained(DS->decls(), V) && V->hasInit();
  const auto *BO = dyn_cast<BinaryOperator>(S);
  return BO && BO->getOpcode() == BO_Assign && namedVar(BO->getLHS()) == V;
}

/// One walk over a function body to fill FrameFacts.
class FrameFactsBuilder : public RecursiveASTVisitor<FrameFactsBuilder> {
public:
  FrameFactsBuilder(FrameFacts &Facts, FreshCallees &Callees,
                    const Deallocators &Deallocation)
      : Facts(Facts), Callees(Callees), Deallocation(Deallocation) {}

  bool VisitVarDecl(VarDecl *V) {
    if (!isFrameLocal(V) || isa<ParmVarDecl>(V) || !V->hasInit())
      return true;
    noteValue(V, V->getInit());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    if (const VarDecl *V = namedVar(BO->getLHS()))
      if (isFrameLocal(V))
        noteValue(V, BO->getRHS());
    if (!namedVar(BO->getLHS()))
      noteEscape(BO->getRHS(), BO);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = calledFunction(*Call);
    // The C library does not keep the pointers it is given.
    if (Callee && Callee->getASTContext().getSourceManager().isInSystemHeader(
                      Callee->getLocation()))
      return true;
    for (const Expr *Arg : Call->arguments())
      noteEscape(Arg, Call);
    return true;
  }

  /// Settles which local pointers may point outside: assignments from other
  /// local pointers need their sources settled first.  Then finds the local
  /// pointers that only hold fresh memory, and where it escapes.
  void finish(Stmt *Body) {
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (auto &[V, Values] : PointerValues) {
        if (Facts.OutsidePointers.count(V))
          continue;
        for (const Expr *Value : Values)
          if (Facts.pointsOutside(Value)) {
            Facts.OutsidePointers.insert(V);
            Changed = true;
            break;
          }
      }
    }
    FreshPointerFinder(Facts, Callees, Deallocation).find(Body, PointerValues);
    findParameterCopies();
  }

private:
  void noteValue(const VarDecl *V, const Expr *Value) {
    if (V->getType()->isPointerType())
      PointerValues[V].push_back(Value);
    // `saved = <location>` makes `<location> = saved` a restore later.
    const Expr *Stripped = Value->IgnoreParenImpCasts();
    Location From = Facts.locationOf(Stripped);
    if (From.valid() && From.Decl != V)
      Facts.SavedFrom[V].push_back(From);
  }

  /// The parameter whose value (or a pointer into whose target) \p Value
  /// is: `p`, `(T *)p`, `p + 1`; null otherwise.
  static const ParmVarDecl *copiedParameter(const Expr *Value) {
    const auto *DRE = dyn_cast<DeclRefExpr>(arithmeticBase(Value));
    return DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  }

  /// Local pointers only ever given the value of one pointer parameter, and
  /// whose own address is never passed on: they write where it points.
  void findParameterCopies() {
    for (auto &[V, Values] : PointerValues) {
      if (Facts.Escaped.count(V))
        continue;
      const ParmVarDecl *Param = copiedParameter(Values.front());
      if (Param && llvm::all_of(Values, [&](const Expr *E) {
            return copiedParameter(E) == Param;
          }))
        Facts.ParamCopies.try_emplace(V, Param);
    }
  }

  /// Notes that \p Site (an assignment or a call) stores or passes on
  /// \p E, which may be the address of a local.
  void noteEscape(const Expr *E, const Stmt *Site) {
    if (const Expr *Held = addressedObject(E))
      if (const VarDecl *V = FrameFacts::localRoot(Held)) {
        auto &Sites = Facts.Escaped[V];
        if (Sites.empty() || Sites.back() != Site)
          Sites.push_back(Site);
      }
  }

  FrameFacts &Facts;
  FreshCallees &Callees;
  const Deallocators &Deallocation;
  llvm::MapVector<const VarDecl *, llvm::SmallVector<const Expr *, 2>>
      PointerValues;
};

FrameFacts::FrameFacts(const FunctionDecl &FD, bool Recovers,
                       FreshCallees &Callees, const Deallocators &Deallocation)
    : FD(FD), Recovers(Recovers) {
  Stmt *Body = FD.getBody();
  if (!Body)
    return;
  FrameFactsBuilder Builder(*this, Callees, Deallocation);
  Builder.TraverseStmt(Body);
  Builder.finish(Body);
}

const Expr *writtenDestination(const CallExpr &Call) {
  const FunctionDecl *Callee = calledFunction(Call);
  if (!Callee || !Callee->getIdentifier())
    return nullptr;
  StringRef Name = Callee->getName();
  // _FORTIFY_SOURCE turns memcpy into __builtin___memcpy_chk.
  Name.consume_front("__builtin___");
  Name.consume_front("__builtin_");
  Name.consume_back("_chk");
  struct Writer {
    const char *Name;
    int Dest;
  };
  static const Writer Writers[] = {
      {"memcpy", 0},   {"memmove", 0},  {"memset", 0},    {"mempcpy", 0},
      {"memccpy", 0},  {"strcpy", 0},   {"strncpy", 0},   {"strcat", 0},
      {"strncat", 0},  {"stpcpy", 0},   {"stpncpy", 0},   {"sprintf", 0},
      {"snprintf", 0}, {"vsprintf", 0}, {"vsnprintf", 0}, {"wmemcpy", 0},
      {"wmemmove", 0}, {"wmemset", 0},  {"wcscpy", 0},    {"wcsncpy", 0},
      {"wcscat", 0},   {"wcsncat", 0},  {"bzero", 0},     {"explicit_bzero", 0},
      {"bcopy", 1}};
  int Index = -1;
  for (const Writer &W : Writers)
    if (Name == W.Name)
      Index = W.Dest;
  if (Index < 0 || static_cast<unsigned>(Index) >= Call.getNumArgs())
    return nullptr;
  return Call.getArg(static_cast<unsigned>(Index));
}

static bool involvesJmpBuf(QualType T,
                           llvm::SmallPtrSetImpl<const RecordDecl *> &Seen) {
  for (;;) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      StringRef Name = TT->getDecl()->getName();
      if (Name == "jmp_buf" || Name == "sigjmp_buf")
        return true;
    }
    T = T.getCanonicalType();
    if (const auto *PT = T->getAs<PointerType>()) {
      T = PT->getPointeeType();
      continue;
    }
    if (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr())) {
      T = AT->getElementType();
      continue;
    }
    break;
  }
  const auto *RT = T->getAs<RecordType>();
  if (!RT)
    return false;
  const RecordDecl *RD = RT->getDecl();
  if (RD->getName() == "__jmp_buf_tag")
    return true;
  RD = RD->getDefinition();
  if (!RD || !Seen.insert(RD).second)
    return false;
  for (const FieldDecl *F : RD->fields()) {
    // Only fields that hold a jmp_buf count, not pointers to other handlers
    // (a `previous` link is bookkeeping of its own type).
    QualType FT = F->getType();
    if (FT->isPointerType())
      continue;
    if (involvesJmpBuf(FT, Seen))
      return true;
  }
  return false;
}

bool involvesJmpBuf(QualType T) {
  llvm::SmallPtrSet<const RecordDecl *, 4> Seen;
  return involvesJmpBuf(T, Seen);
}

bool isLocalHandlerAddress(const Expr *E) {
  if (!involvesJmpBuf(E->getType()))
    return false;
  const Expr *Held = addressedObject(E);
  if (!Held)
    return false;
  const VarDecl *V = FrameFacts::localRoot(Held);
  return V && !isa<ParmVarDecl>(V);
}

bool isHandlerPop(const BinaryOperator &BO) {
  if (BO.getOpcode() != BO_Assign || !involvesJmpBuf(BO.getLHS()->getType()) ||
      isLocalHandlerAddress(BO.getRHS()))
    return false;
  // Not the storage of a local or parameter itself: a global, or memory
  // reached through a pointer (`L->errorJmp = lj.previous`).
  return FrameFacts::localRoot(BO.getLHS()) == nullptr;
}

std::optional<llvm::APSInt> integerConstant(const Expr &E,
                                            const ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (E.isValueDependent() || E.containsErrors() ||
      !E.isIntegerConstantExpr(Ctx) || !E.EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return Result.Val.getInt();
}

bool isNullValue(const Expr *E, ASTContext &Ctx) {
  return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

} // namespace recover::model
