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
//     certainly returned, its frame is gone - before anything registered
//     the buffer afresh.  The longjmp may be in H or any number of calls
//     below it, and S may be H itself (a recursive call registered and
//     returned).  A longjmp that a later call of S reaches after its own
//     setjmp lands in that live call: not reported.  Reported at the
//     longjmp, once.
//  3. C11 7.13.2.1p2: a setjmp invoked within the scope of an identifier of
//     variably modified type (a VLA, a pointer to one), after which
//     execution leaves that scope and then jumps to the buffer - before a
//     setjmp registers it again.  The jump restores a stack whose VLA is
//     gone.  Reported at the jump: a longjmp on the same buffer, or, when
//     the buffer is not a local that stays in this function, a call that
//     may panic.  Only jumps in the same function are followed.
// Writes through calls count (a pop_handler(ctx) helper restores).
//
//===----------------------------------------------------------------------===//

#include "checks/DanglingJmpBufCheck.h"

#include "checks/model/JmpBufFacts.h"
#include "checks/model/RecoverPoint.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

#include <optional>

using namespace clang::ast_matchers;
using namespace ::recover::model;

namespace clang::tidy::recover {

void DanglingJmpBufCheck::check(const MatchFinder::MatchResult &Result) {
  TranslationUnitModel &TU = model(*Result.Context);
  checkRegistrations(TU, *Result.SourceManager);
  checkReturnedRecoverPoints(TU, *Result.SourceManager);
  checkVariablyModifiedScopes(TU, *Result.SourceManager);
}

namespace {
/// A setjmp call inside the scope of a variably modified declaration: the
/// innermost such declaration and the compound statement its scope ends
/// with.
struct ScopedRecoverPoint {
  const CallExpr *Call;
  const VarDecl *Decl;
  const CompoundStmt *Scope;
};

/// Finds the setjmp calls of a body that sit in the scope of a variably
/// modified declaration, walking each compound statement in order so that
/// a declaration is in scope for what follows it.
class VariablyModifiedScopes {
public:
  VariablyModifiedScopes(const Vocabulary &Vocab,
                         SmallVectorImpl<ScopedRecoverPoint> &Found)
      : Vocab(Vocab), Found(Found) {}

  void visit(const Stmt *S) {
    if (!S)
      return;
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      size_t Depth = InScope.size();
      for (const Stmt *Child : CS->body()) {
        visit(Child);
        if (const auto *DS = dyn_cast<DeclStmt>(Child))
          for (const Decl *D : DS->decls())
            if (const auto *V = dyn_cast<VarDecl>(D))
              if (V->getType()->isVariablyModifiedType())
                InScope.push_back({V, CS});
      }
      InScope.resize(Depth);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (!InScope.empty() && Vocab.isRecover(calledFunction(*Call)))
        Found.push_back({Call, InScope.back().first, InScope.back().second});
    for (const Stmt *Child : S->children())
      visit(Child);
  }

private:
  const Vocabulary &Vocab;
  SmallVectorImpl<ScopedRecoverPoint> &Found;
  SmallVector<std::pair<const VarDecl *, const CompoundStmt *>, 2> InScope;
};
} // namespace

/// Whether \p Buf, the buffer argument of a setjmp in \p A's function, is
/// a local of that function that nothing outside it can jump to.
static bool isPrivateBuffer(const Expr *Buf, const FunctionAnalysis &A) {
  const VarDecl *V = FrameFacts::localRoot(Buf->IgnoreParenImpCasts());
  return V && !A.facts().escapes(V);
}

void DanglingJmpBufCheck::checkVariablyModifiedScopes(TranslationUnitModel &TU,
                                                      const SourceManager &SM) {
  for (const FunctionDecl *FD : TU.functions()) {
    if (!TU.recovers(FD))
      continue;
    SmallVector<ScopedRecoverPoint, 2> Found;
    VariablyModifiedScopes(TU.vocabulary(), Found).visit(FD->getBody());
    if (Found.empty())
      continue;
    FunctionAnalysis *A = TU.analysis(FD);
    if (!A)
      continue;
    for (const ScopedRecoverPoint &R : Found) {
      if (R.Call->getNumArgs() == 0)
        continue;
      std::optional<CFGPoint> At = A->pointOf(R.Call);
      if (!At)
        continue;
      bool Private = isPrivateBuffer(R.Call->getArg(0), *A);
      SourceRange Scope = R.Scope->getSourceRange();
      auto Outside = [&](const Stmt *St) {
        SourceLocation L = St->getBeginLoc();
        return L.isValid() &&
               (SM.isBeforeInTranslationUnit(L, Scope.getBegin()) ||
                SM.isBeforeInTranslationUnit(Scope.getEnd(), L));
      };
      auto JumpsToBuffer = [&](const Stmt *St) {
        const auto *Call = dyn_cast<CallExpr>(St);
        if (!Call || !Outside(St))
          return false;
        if (TU.vocabulary().isBuiltinPanic(calledFunction(*Call)))
          return sameJmpBuf(*Call, *R.Call, TU.context());
        return !Private && TU.mayPanic(*Call, /*InRegion=*/false).has_value();
      };
      auto Hit = A->firstAfter(*At, JumpsToBuffer, [&](const Stmt *St) {
        const auto *Call = dyn_cast<CallExpr>(St);
        return Call && TU.vocabulary().isRecover(calledFunction(*Call)) &&
               sameJmpBuf(*Call, *R.Call, TU.context());
      });
      if (!Hit)
        continue;
      StringRef BufText = Lexer::getSourceText(
          CharSourceRange::getTokenRange(R.Call->getArg(0)->getSourceRange()),
          SM, TU.context().getLangOpts());
      diag(SM.getFileLoc(Hit->first->getBeginLoc()),
           "%select{longjmp|a longjmp can follow here}0 to '%1' after "
           "leaving the scope of variably modified '%2', inside which "
           "'setjmp' registered it: the behaviour is undefined (C11 "
           "7.13.2.1p2)")
          << (TU.vocabulary().isBuiltinPanic(calledFunction(*Hit->second)) ? 0
                                                                           : 1)
          << BufText << R.Decl->getName();
      diag(SM.getFileLoc(R.Call->getBeginLoc()),
           "'setjmp' is called here, in the scope of '%0'", DiagnosticIDs::Note)
          << R.Decl->getName();
      diag(SM.getFileLoc(R.Scope->getRBracLoc()), "the scope of '%0' ends here",
           DiagnosticIDs::Note)
          << R.Decl->getName();
    }
  }
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

void DanglingJmpBufCheck::checkReturnedRecoverPoints(TranslationUnitModel &TU,
                                                     const SourceManager &SM) {
  const JmpBufFacts &Bufs = TU.jmpBufs();
  if (Bufs.registeredBuffers().empty())
    return;
  llvm::SmallPtrSet<const CallExpr *, 4> Reported;
  for (const FunctionDecl *H : TU.functions()) {
    for (const auto &CallAndCallee : TU.calls(H)) {
      const CallExpr *Call = CallAndCallee.first;
      const FunctionDecl *Callee = CallAndCallee.second;
      if (!Callee || Callee->isMain())
        continue;
      // H calls S, the one function that registers Buf, and S returns: Buf
      // is left pointing into S's dead frame until it is registered afresh.
      // S may be H itself (recursion).  In the order the buffers were first
      // registered: deterministic.
      for (const VarDecl *Buf : Bufs.registeredBuffers()) {
        const FunctionDecl *S = Bufs.onlyRegistrar(Buf);
        if (S != Callee->getCanonicalDecl())
          continue;
        FunctionAnalysis *A = TU.analysis(H);
        if (!A)
          break;
        std::optional<CFGPoint> CallAt = A->pointOf(Call);
        if (!CallAt)
          continue;
        // The first jump to Buf after the call, in H or in a function it
        // calls, at any depth, that no fresh registration of Buf precedes.
        // A later call of S that registers before it jumps (the bank
        // example's second withdrawal) is not such a jump.
        auto Hit = A->firstAfter(
            *CallAt,
            [&](const Stmt *St) { return Bufs.jumpOf(St, Buf) != nullptr; },
            [&](const Stmt *St) { return Bufs.registersAfresh(St, Buf); });
        if (!Hit)
          continue;
        const CallExpr *Longjmp = Bufs.innermostJump(Hit->second, Buf);
        if (!Longjmp || !Reported.insert(Longjmp).second)
          continue;
        diag(SM.getFileLoc(Longjmp->getBeginLoc()),
             "longjmp to '%0', whose only setjmp is in '%1', which has "
             "returned by then: the jump lands in a dead stack frame")
            << Buf->getName() << Callee->getName();
        diag(
            SM.getFileLoc(Bufs.registrations(Buf).front().first->getBeginLoc()),
            "'%0' is registered here, in '%1'", DiagnosticIDs::Note)
            << Buf->getName() << Callee->getName();
        diag(SM.getFileLoc(Call->getBeginLoc()),
             "'%0' is called and returns here", DiagnosticIDs::Note)
            << Callee->getName();
        if (Hit->second != Longjmp)
          diag(SM.getFileLoc(Hit->second->getBeginLoc()),
               "and the longjmp is reached through this call",
               DiagnosticIDs::Note);
      }
    }
  }
}

} // namespace clang::tidy::recover
