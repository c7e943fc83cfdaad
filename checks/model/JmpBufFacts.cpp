//===--- JmpBufFacts.cpp - who registers a global jmp_buf, who jumps to it ===//

#include "checks/model/JmpBufFacts.h"

#include "checks/model/JumpTargets.h"
#include "checks/model/StateModel.h"
#include "checks/model/TranslationUnitModel.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace recover::model {

/// The global variable \p E names as a whole (`Buf`, `&Buf`, `(void *)Buf`),
/// or null.
static const VarDecl *wholeGlobal(const Expr *E) {
  BufferName Name = bufferNamed(E);
  return Name.valid() && Name.Fields.empty() && Name.Root->hasGlobalStorage()
             ? Name.Root
             : nullptr;
}

const VarDecl *namedGlobalJmpBuf(const CallExpr &Call) {
  return Call.getNumArgs() == 0 ? nullptr : wholeGlobal(Call.getArg(0));
}

JmpBufFacts::JmpBufFacts(TranslationUnitModel &TU) : TU(TU) { compute(); }

ArrayRef<std::pair<const CallExpr *, const FunctionDecl *>>
JmpBufFacts::registrations(const VarDecl *Buf) const {
  auto It = Registrations.find(Buf);
  if (It == Registrations.end())
    return {};
  return It->second;
}

const FunctionDecl *JmpBufFacts::onlyRegistrar(const VarDecl *Buf) const {
  const FunctionDecl *Only = nullptr;
  for (const auto &[Call, FD] : registrations(Buf)) {
    if (Only && Only != FD)
      return nullptr;
    Only = FD;
  }
  return Only;
}

bool JmpBufFacts::registersAfresh(const Stmt *S, const VarDecl *Buf) const {
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call)
    return false;
  if (TU.vocabulary().isRecover(calledFunction(*Call)))
    return namedGlobalJmpBuf(*Call) == Buf;
  const Expr *Dest = writtenDestination(*Call);
  return Dest && wholeGlobal(Dest) == Buf;
}

const CallExpr *JmpBufFacts::jumpOf(const Stmt *S, const VarDecl *Buf) const {
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *Callee = Call ? calledFunction(*Call) : nullptr;
  if (!Callee)
    return nullptr;
  if (TU.vocabulary().isBuiltinPanic(Callee))
    return namedGlobalJmpBuf(*Call) == Buf ? Call : nullptr;
  return jumpBeforeRegistering(Callee, Buf) ? Call : nullptr;
}

const CallExpr *JmpBufFacts::jumpBeforeRegistering(const FunctionDecl *FD,
                                                   const VarDecl *Buf) const {
  return Jumps.lookup({FD->getCanonicalDecl(), Buf});
}

const CallExpr *JmpBufFacts::innermostJump(const CallExpr *Via,
                                           const VarDecl *Buf) const {
  llvm::SmallPtrSet<const CallExpr *, 8> Seen;
  while (Via && Seen.insert(Via).second) {
    const FunctionDecl *Callee = calledFunction(*Via);
    if (!Callee || TU.vocabulary().isBuiltinPanic(Callee))
      return Via;
    Via = jumpBeforeRegistering(Callee, Buf);
  }
  return Via;
}

const CallExpr *JmpBufFacts::searchJump(const FunctionDecl *FD,
                                        const VarDecl *Buf) {
  // Without a CFG there is no telling which comes first: no verdict.
  FunctionAnalysis *A = TU.analysis(FD);
  if (!A)
    return nullptr;
  auto Hit = A->firstFromEntry(
      [&](const Stmt *S) { return jumpOf(S, Buf) != nullptr; },
      [&](const Stmt *S) { return registersAfresh(S, Buf); });
  return Hit ? Hit->second : nullptr;
}

void JmpBufFacts::compute() {
  const Vocabulary &Vocab = TU.vocabulary();
  // The buffers that something jumps to, in the order first seen.
  llvm::SmallVector<const VarDecl *, 4> Targets;
  for (const FunctionDecl *FD : TU.functions()) {
    for (const auto &[Call, Callee] : TU.calls(FD)) {
      const VarDecl *Buf = Callee ? namedGlobalJmpBuf(*Call) : nullptr;
      if (!Buf)
        continue;
      if (Vocab.isRecover(Callee)) {
        auto &Regs = Registrations[Buf];
        if (Regs.empty())
          Buffers.push_back(Buf);
        Regs.push_back({Call, FD->getCanonicalDecl()});
      } else if (Vocab.isBuiltinPanic(Callee) &&
                 !llvm::is_contained(Targets, Buf)) {
        Targets.push_back(Buf);
      }
    }
  }
  // The fixpoint: a function joins once a call in it can jump; a function
  // that also registers the buffer asks its CFG which comes first, again
  // on each round, since its callees may have joined since.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const FunctionDecl *FD : TU.functions()) {
      const FunctionDecl *Key = FD->getCanonicalDecl();
      for (const VarDecl *Buf : Targets) {
        if (Jumps.count({Key, Buf}))
          continue;
        const CallExpr *First = nullptr;
        bool Registers = false;
        for (const auto &CallAndCallee : TU.calls(FD)) {
          const CallExpr *Call = CallAndCallee.first;
          if (!First && jumpOf(Call, Buf))
            First = Call;
          Registers = Registers || registersAfresh(Call, Buf);
        }
        if (!First)
          continue;
        const CallExpr *Witness = Registers ? searchJump(FD, Buf) : First;
        if (!Witness)
          continue;
        Jumps[{Key, Buf}] = Witness;
        Changed = true;
      }
    }
  }
}

} // namespace recover::model
