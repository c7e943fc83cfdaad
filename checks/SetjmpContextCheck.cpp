//===--- SetjmpContextCheck.cpp - recover-setjmp-context
//-------------------===//
//
// Spec: C11 7.13.1.1p4-5 (restated in checks/model/RecoverPoint.h).  A
// setjmp whose result is stored, returned, passed on, compared with a
// variable or combined with other tests may misbehave once a longjmp
// returns to it, because the compiler need not keep the registers and
// temporaries of a larger expression alive across the second return.  The
// call is reported where the user wrote it, once per location.
//
//===----------------------------------------------------------------------===//

#include "checks/SetjmpContextCheck.h"

#include "checks/model/RecoverPoint.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;
using ::recover::model::RecoverForm;
using ::recover::model::Vocabulary;

namespace clang::tidy::recover {

namespace {
AST_MATCHER_P(FunctionDecl, isRecoverFunction, const Vocabulary *, Vocab) {
  return Vocab->isRecover(&Node);
}
} // namespace

void SetjmpContextCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(callee(functionDecl(isRecoverFunction(&vocabulary()))))
          .bind("call"),
      this);
}

void SetjmpContextCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  ::recover::model::RecoverPointContext Context =
      ::recover::model::classifyRecoverPoint(*Call, *Result.Context);
  if (Context.Form != RecoverForm::Invalid || Call->getBeginLoc().isInvalid())
    return;

  // Report where the user spelled the call: through glibc's setjmp macro, or
  // a TRY macro, that is the macro's use, not its definition.
  SourceLocation Loc = Result.SourceManager->getFileLoc(Call->getBeginLoc());
  if (!Reported.insert(Loc).second)
    return;
  // Name what the user wrote when it is a recover function itself (glibc's
  // setjmp macro expands to _setjmp); otherwise the function called.
  StringRef Callee = Call->getDirectCallee()->getName();
  StringRef Spelled =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Loc),
                           *Result.SourceManager, getLangOpts());
  if (Spelled != Callee && vocabulary().isRecoverName(Spelled))
    Callee = Spelled;
  diag(Loc, "%select{the result of '%0' is stored|the result of '%0' is "
            "returned|the result of '%0' is passed to a function|'%0' is "
            "compared with a value that is not an integer constant|'%0' is "
            "part of a larger condition|'%0' is part of a larger "
            "expression}1, which the C standard leaves undefined; test the "
            "call directly as the whole condition of an 'if', 'switch' or "
            "loop (alone, negated, or compared with an integer constant) or "
            "call it as a statement of its own")
      << Callee << static_cast<unsigned>(Context.Reason);
}

} // namespace clang::tidy::recover
