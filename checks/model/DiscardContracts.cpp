//===--- DiscardContracts.cpp - objects that the program destroys after an error
//
// Part of the shared setjmp/longjmp model.
//
// Spec.  Many libraries' error contract is that an object is destroyed after
// an error: libpng's manual tells the application to call
// png_destroy_read_struct once png_error has longjmped, so the png_struct
// and png_info in the middle of an update are never used again, only freed.
// DestroyFunctions names such functions (png_destroy_read_struct); the
// records their parameters point to (through any number of pointers), and
// the records those hold or point to through their fields, are discarded
// records.  For a change to a field of a discarded record only what the
// destroyer reads matters:
//  - the fields the destroyer reads are those that a destroy function
//    defined in the translation unit names (itself or its callees,
//    refersTo()), and, for a destroy function whose body is elsewhere, the
//    fields that own memory: the translation unit stores fresh memory in
//    them or frees what they point to (the destroyer frees what the object
//    owns);
//  - a change is observed when it leaves what the destroyer reads
//    inconsistent: a free of such a field not followed by a reset (the
//    destroyer frees the memory again), or the first part of a torn update
//    whose later part writes such a field -- the same field, or another of
//    the same object when the destroyer reads both (a count bumped before
//    the array it counts is replaced).  A destroyer whose body is
//    elsewhere is known to read only owning fields, so a count is paired
//    with its array only where the destroyer's body is seen;
//  - a torn update completed by freeing the value it replaced (`old =
//    info->list; info->list = copy; ...; free(old);`) is always observed:
//    the old memory is held by a local alone, and the jump leaks it;
//  - anything else (a mode, a counter, a stream position, a complete
//    replacement of an owned buffer) is destroyed unread.
//
//===----------------------------------------------------------------------===//

#include "checks/model/TranslationUnitModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace llvm;

namespace recover::model {

/// The record that \p T is, or points to through any number of pointers
/// and arrays; null for anything else (void, functions, scalars).
static const RecordDecl *heldRecord(QualType T) {
  for (;;) {
    T = T.getCanonicalType();
    if (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr())) {
      T = AT->getElementType();
      continue;
    }
    if (const auto *PT = dyn_cast<PointerType>(T.getTypePtr())) {
      T = PT->getPointeeType();
      continue;
    }
    const RecordDecl *RD = T->getAsRecordDecl();
    return RD ? RD->getDefinition() : nullptr;
  }
}

namespace {
/// The fields a translation unit treats as owning memory: it stores fresh
/// memory in them (directly, or through a local that holds an allocation)
/// or passes them to a deallocator.
struct OwnershipCollector : RecursiveASTVisitor<OwnershipCollector> {
  const ModelOptions &Options;
  DenseSet<const FieldDecl *> &Owning;
  /// Per function: locals given an allocation, and fields given a local.
  DenseSet<const VarDecl *> Allocated;
  SmallVector<std::pair<const FieldDecl *, const VarDecl *>, 4> FromLocal;
  OwnershipCollector(const ModelOptions &Options,
                     DenseSet<const FieldDecl *> &Owning)
      : Options(Options), Owning(Owning) {}

  static const FieldDecl *fieldOf(const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenCasts());
    return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  }
  static const VarDecl *localOf(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return V && V->hasLocalStorage() ? V : nullptr;
  }
  bool allocates(const Expr *E) const {
    const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
    return Call && allocatesFreshMemory(*Call, Options.Allocation);
  }
  void value(const Expr *LHS, const Expr *RHS) {
    if (const VarDecl *V = localOf(LHS)) {
      if (allocates(RHS))
        Allocated.insert(V);
    } else if (const FieldDecl *F = fieldOf(LHS)) {
      if (allocates(RHS))
        Owning.insert(F);
      else if (const VarDecl *Local = localOf(RHS))
        FromLocal.emplace_back(F, Local);
    }
  }
  bool TraverseFunctionDecl(FunctionDecl *FD) {
    Allocated.clear();
    FromLocal.clear();
    bool Go = RecursiveASTVisitor::TraverseFunctionDecl(FD);
    for (auto [F, V] : FromLocal)
      if (Allocated.count(V))
        Owning.insert(F);
    return Go;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (V->hasLocalStorage() && V->getInit() && allocates(V->getInit()))
      Allocated.insert(V);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      value(BO->getLHS(), BO->getRHS());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const Expr *Freed = Options.Deallocation.freedArgument(*Call))
      if (const FieldDecl *F = fieldOf(Freed))
        Owning.insert(F);
    return true;
  }
};
} // namespace

TranslationUnitModel::DiscardFacts
TranslationUnitModel::findDiscardedRecords() {
  DiscardFacts D;
  if (Options.Destroy.empty())
    return D;
  SmallVector<const RecordDecl *, 8> Work;
  auto Add = [&](const RecordDecl *RD, bool ByUnknownBody) {
    if (!RD)
      return;
    auto [It, New] = D.Records.try_emplace(RD, ByUnknownBody);
    It->second |= ByUnknownBody;
    if (New || ByUnknownBody)
      Work.push_back(RD);
  };
  for (const Decl *Top : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(Top);
    if (!FD || !FD->getIdentifier() || !Options.Destroy.matches(FD->getName()))
      continue;
    const FunctionDecl *Def = definition(FD);
    if (Def && llvm::is_contained(D.Destroyers, Def))
      continue;
    if (Def)
      D.Destroyers.push_back(Def);
    for (const ParmVarDecl *Param : FD->parameters())
      Add(heldRecord(Param->getType()), !Def);
  }
  // What a discarded record holds or points to goes with it; the mark of
  // a destroyer whose body is elsewhere spreads along.
  DenseMap<const RecordDecl *, bool> ExpandedUnknown;
  while (!Work.empty()) {
    const RecordDecl *RD = Work.pop_back_val();
    bool Unknown = D.Records.lookup(RD);
    auto [It, New] = ExpandedUnknown.try_emplace(RD, Unknown);
    if (!New && (It->second || !Unknown))
      continue;
    It->second = Unknown;
    for (const FieldDecl *F : RD->fields())
      Add(heldRecord(F->getType()), Unknown);
  }
  if (llvm::any_of(D.Records, [](const auto &R) { return R.second; }))
    OwnershipCollector(Options, D.Owning)
        .TraverseDecl(Ctx.getTranslationUnitDecl());
  return D;
}

const TranslationUnitModel::DiscardFacts &TranslationUnitModel::discardFacts() {
  if (!Discard)
    Discard = findDiscardedRecords();
  return *Discard;
}

bool TranslationUnitModel::inDiscardedRecord(const FieldDecl *F) {
  const RecordDecl *RD = F->getParent()->getDefinition();
  return RD && discardFacts().Records.count(RD);
}

bool TranslationUnitModel::readByDestroyer(const FieldDecl *F) {
  if (!inDiscardedRecord(F))
    return false;
  const DiscardFacts &D = discardFacts();
  if (D.Records.lookup(F->getParent()->getDefinition()) && D.Owning.count(F))
    return true;
  return llvm::any_of(D.Destroyers,
                      [&](const FunctionDecl *Fn) { return refersTo(Fn, F); });
}

/// The field whose own value \p S assigns or increments (`p->f = v`,
/// `p->f++`), or null: also when it writes what a field points to
/// (`p->buf[i] = v`, `memcpy(p->buf, ...)`).
static const FieldDecl *fieldValueWritten(const Stmt *S) {
  // A library call writes where its destination points.
  const Expr *LValue = S && !isa<CallExpr>(S) ? writtenLValue(S) : nullptr;
  const auto *ME =
      LValue ? dyn_cast<MemberExpr>(LValue->IgnoreParenCasts()) : nullptr;
  return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
}

/// The field whose buffer \p Pointer points into (`p->buf`, `p->buf + 1`,
/// `&p->buf[i]`), or null.
static const FieldDecl *bufferField(const Expr *Pointer) {
  for (const Expr *E = Pointer;;) {
    E = E->IgnoreParenCasts();
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->isAdditiveOp()) {
      E = BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                   : BO->getRHS();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      if (const auto *ASE =
              dyn_cast<ArraySubscriptExpr>(UO->getSubExpr()->IgnoreParens())) {
        E = ASE->getBase();
        continue;
      }
    const auto *ME = dyn_cast<MemberExpr>(E);
    return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  }
}

/// The pointer through which the change \p C writes what it points to, or
/// null.
static const Expr *writtenThrough(const Change &C) {
  if (C.Kind == ChangeKind::Call)
    return C.Argument;
  if (C.Kind == ChangeKind::Library)
    return C.Target;
  if (C.Kind != ChangeKind::Write || !C.Target)
    return nullptr;
  const Expr *E = C.Target->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    return UO->getSubExpr();
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return ASE->getBase();
  return nullptr;
}

bool FunctionAnalysis::discardedByContract(CFGPoint P, CFGPoint Panic,
                                           const Change &C,
                                           const Stmt *&CompletedBy) {
  // What a buffer of a discarded record holds, the destroyer frees unread
  // (`png_do_gamma(row_info, png_ptr->row_buf + 1, ...)`).
  if (C.Loc.Kind == Location::Pointee) {
    const Expr *Pointer = writtenThrough(C);
    const FieldDecl *Buffer = Pointer ? bufferField(Pointer) : nullptr;
    return Buffer && TU.inDiscardedRecord(Buffer);
  }
  const auto *Field = C.Loc.Kind == Location::Field
                          ? dyn_cast_or_null<FieldDecl>(C.Loc.Decl)
                          : nullptr;
  if (!Field || !TU.inDiscardedRecord(Field))
    return false;
  // Completed by freeing what it replaced: that memory leaks.
  if (freesReplaced(CompletedBy, C.Loc))
    return false;
  // A free that the jump leaves unreset: the destroyer frees it again.
  if (C.Kind == ChangeKind::Free)
    return !TU.readByDestroyer(Field);
  // What owned memory holds, the destroyer frees unread.
  bool OwnValue = false;
  if (C.Kind == ChangeKind::Write && C.Target)
    OwnValue = isa<MemberExpr>(C.Target->IgnoreParenCasts());
  else if (C.Kind == ChangeKind::Call)
    OwnValue = fieldValueWritten(C.InnerSite) != nullptr;
  if (!OwnValue)
    return true;
  // Torn, where the part the jump skips writes what the destroyer reads:
  // this field again, or, when the destroyer reads this one too, another
  // field of the same object (a count bumped before the array it counts is
  // replaced).
  auto ReadPart = [&](const FieldDecl *Part) {
    return Part && TU.readByDestroyer(Part);
  };
  if (CompletedBy)
    return !ReadPart(fieldValueWritten(CompletedBy));
  if (C.Kind != ChangeKind::Write || !ReadPart(Field))
    return true;
  CompletedBy =
      completedAfterPanic(P, Panic, C.Loc, C.Target, [&](const Expr *E) {
        const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenCasts());
        return ME && ReadPart(dyn_cast<FieldDecl>(ME->getMemberDecl()));
      });
  return !CompletedBy;
}

} // namespace recover::model
