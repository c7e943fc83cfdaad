//===--- DanglingJmpBufCheck.cpp - recover-dangling-jmp-buf ---------------===//
//
// Spec.  A handler registration must not outlive its frame.
//  1. A function F that stores the address of a local jmp_buf (or of a local
//     object holding one) into state that outlives F (a global handler
//     stack, a field reached through a parameter) must not leave F - by
//     return, by falling off its end, or by a goto, break or continue out of
//     a TRY block on the way there - on a path where that state was not
//     written again (restored to the saved handler or another value) and no
//     call that never returns came first.  A later longjmp through that
//     state would jump into a dead frame.  Reported at the first jump that
//     leaves on such a path, with a note at the store; when the path falls
//     off the end of F, at the store with a note at the end.
//  2. A longjmp to a global jmp_buf whose only setjmp in the translation unit
//     is in a function S, reached in a function H after H called S - S has
//     certainly returned, its frame is gone.  Reported at the longjmp.
// Writes through calls count (a pop_handler(ctx) helper restores).
//
//===----------------------------------------------------------------------===//

#include "checks/DanglingJmpBufCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <deque>

using namespace clang::ast_matchers;
using namespace ::recover::model;

namespace clang::tidy::recover {

void DanglingJmpBufCheck::check(const MatchFinder::MatchResult &Result) {
  TranslationUnitModel &TU = model(*Result.Context);
  checkRegistrations(TU, *Result.SourceManager);
  checkReturnedRecoverPoints(TU, *Result.SourceManager);
}

void DanglingJmpBufCheck::checkRegistrations(TranslationUnitModel &TU,
                                             const SourceManager &SM) {
  for (const FunctionDecl *FD : TU.functions()) {
    if (!TU.storesLocalHandler(FD))
      continue;
    FunctionAnalysis *A = TU.analysis(FD);
    if (!A)
      continue;
    struct Store {
      CFGPoint At;
      const BinaryOperator *Assign;
      Location Loc;
    };
    SmallVector<Store, 2> Stores;
    A->forEachElement([&](CFGPoint P, const Stmt *S) {
      const auto *BO = dyn_cast<BinaryOperator>(S);
      if (!BO || BO->getOpcode() != BO_Assign ||
          !isLocalHandlerAddress(BO->getRHS()) ||
          FrameFacts::localRoot(BO->getLHS()))
        return;
      Target T = A->facts().classifyWrite(BO->getLHS());
      if (T.IsState && T.Loc.valid())
        Stores.push_back({P, BO, T.Loc});
    });
    for (const Store &St : Stores) {
      std::optional<const Stmt *> Exit = A->exitWithout(St.At, St.Loc);
      if (!Exit)
        continue;
      std::string Name = St.Loc.name();
      SourceLocation StoreLoc = SM.getFileLoc(St.Assign->getBeginLoc());
      if (*Exit) {
        unsigned Kind = isa<ReturnStmt>(*Exit)  ? 0
                        : isa<BreakStmt>(*Exit) ? 1
                        : isa<GotoStmt>(*Exit)  ? 2
                                                : 3;
        diag(SM.getFileLoc((*Exit)->getBeginLoc()),
             "%select{returning|leaving with 'break'|leaving with "
             "'goto'|leaving with 'continue'}0 here leaves '%1' pointing to "
             "a jmp_buf in this function's frame, which a later longjmp "
             "would jump into; restore '%1' first")
            << Kind << Name;
        diag(StoreLoc, "the handler is registered here", DiagnosticIDs::Note);
      } else {
        diag(StoreLoc, "'%0' is left pointing to a jmp_buf in this "
                       "function's frame when the function ends; restore it "
                       "before every exit")
            << Name;
        diag(SM.getFileLoc(FD->getBody()->getEndLoc()),
             "the function ends here without restoring '%0'",
             DiagnosticIDs::Note)
            << Name;
      }
    }
  }
}

/// The global jmp_buf a setjmp or longjmp call names, if any.
static const VarDecl *globalBuffer(const CallExpr &Call) {
  if (Call.getNumArgs() == 0)
    return nullptr;
  const auto *DRE =
      dyn_cast<DeclRefExpr>(Call.getArg(0)->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V && V->hasGlobalStorage() ? V->getCanonicalDecl() : nullptr;
}

void DanglingJmpBufCheck::checkReturnedRecoverPoints(TranslationUnitModel &TU,
                                                     const SourceManager &SM) {
  const Vocabulary &Vocab = TU.vocabulary();
  // The functions that setjmp each global buffer, and the longjmps to it.
  llvm::MapVector<const VarDecl *, SmallVector<const CallExpr *, 2>> Setjmps;
  llvm::DenseMap<const VarDecl *, const FunctionDecl *> SetjmpIn;
  llvm::DenseMap<const FunctionDecl *,
                 SmallVector<std::pair<const VarDecl *, const CallExpr *>, 1>>
      LongjmpsIn;
  for (const FunctionDecl *FD : TU.functions()) {
    for (const auto &[Call, Callee] : TU.calls(FD)) {
      const VarDecl *Buf = Callee ? globalBuffer(*Call) : nullptr;
      if (!Buf)
        continue;
      if (Vocab.isRecover(Callee)) {
        Setjmps[Buf].push_back(Call);
        auto [It, New] = SetjmpIn.try_emplace(Buf, FD->getCanonicalDecl());
        if (!New && It->second != FD->getCanonicalDecl())
          It->second = nullptr; // More than one function: no verdict.
      } else if (Vocab.isBuiltinPanic(Callee)) {
        LongjmpsIn[FD->getCanonicalDecl()].push_back({Buf, Call});
      }
    }
  }
  if (SetjmpIn.empty())
    return;
  llvm::SmallPtrSet<const CallExpr *, 4> Reported;
  for (const FunctionDecl *H : TU.functions()) {
    for (const auto &CallAndCallee : TU.calls(H)) {
      const CallExpr *Call = CallAndCallee.first;
      const FunctionDecl *Callee = CallAndCallee.second;
      if (!Callee || Callee->isMain())
        continue;
      // H calls S, a function that registers some buffers and returns.
      // In the order the buffers were first registered: deterministic.
      for (const auto &BufAndCalls : Setjmps) {
        const VarDecl *Buf = BufAndCalls.first;
        const FunctionDecl *S = SetjmpIn.lookup(Buf);
        if (!S || S != Callee->getCanonicalDecl() || S == H->getCanonicalDecl())
          continue;
        FunctionAnalysis *A = TU.analysis(H);
        if (!A)
          break;
        // After the call, the first longjmp to Buf in H or in a function H
        // calls directly.
        std::optional<CFGPoint> CallAt;
        A->forEachElement([&](CFGPoint P, const Stmt *St) {
          if (St == Call && !CallAt)
            CallAt = P;
        });
        if (!CallAt)
          continue;
        auto LongjmpOf = [&](const Stmt *St) -> const CallExpr * {
          const auto *C = dyn_cast<CallExpr>(St);
          if (!C || !calledFunction(*C))
            return nullptr;
          const FunctionDecl *Target = calledFunction(*C);
          if (Vocab.isBuiltinPanic(Target))
            return globalBuffer(*C) == Buf ? C : nullptr;
          auto It = LongjmpsIn.find(Target->getCanonicalDecl());
          if (It == LongjmpsIn.end())
            return nullptr;
          for (const auto &[B, L] : It->second)
            if (B == Buf)
              return L;
          return nullptr;
        };
        std::optional<std::pair<const Stmt *, const CallExpr *>> Hit =
            A->firstAfter(*CallAt, [&](const Stmt *St) {
              return LongjmpOf(St) != nullptr;
            });
        if (!Hit)
          continue;
        const CallExpr *Longjmp = LongjmpOf(Hit->first);
        if (!Reported.insert(Longjmp).second)
          continue;
        diag(SM.getFileLoc(Longjmp->getBeginLoc()),
             "longjmp to '%0', whose only setjmp is in '%1', which has "
             "returned by then: the jump lands in a dead stack frame")
            << Buf->getName() << Callee->getName();
        diag(SM.getFileLoc(Setjmps[Buf].front()->getBeginLoc()),
             "'%0' is registered here, in '%1'", DiagnosticIDs::Note)
            << Buf->getName() << Callee->getName();
        diag(SM.getFileLoc(Call->getBeginLoc()),
             "'%0' is called and returns here", DiagnosticIDs::Note)
            << Callee->getName();
        if (Hit->first != Longjmp)
          diag(SM.getFileLoc(Hit->first->getBeginLoc()),
               "and the longjmp is reached through this call",
               DiagnosticIDs::Note);
      }
    }
  }
}

} // namespace clang::tidy::recover
