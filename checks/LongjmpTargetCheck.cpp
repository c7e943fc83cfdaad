//===--- LongjmpTargetCheck.cpp - recover-longjmp-target ------------------===//
//
// Spec: checks/model/JumpTargets.h.  This file reads the options and words
// the findings: a warning at the longjmp, notes at the places that explain
// it.  The model's findings come in a deterministic order.
//
//===----------------------------------------------------------------------===//

#include "checks/LongjmpTargetCheck.h"

#include "checks/model/JumpTargets.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <iterator>

using namespace clang::ast_matchers;
using ::recover::model::JumpFinding;

namespace clang::tidy::recover {

// The argument that names the function started or installed, counted from 1
// as in the option.
static constexpr llvm::StringLiteral DefaultThreadStarts =
    "pthread_create:3;thrd_create:2";
static constexpr llvm::StringLiteral DefaultSignalRegistrations =
    "signal:2;sigset:2";

LongjmpTargetCheck::LongjmpTargetCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : RecoverCheckBase(Name, Context),
      ThreadStartList(Options.get("ThreadStartFunctions", DefaultThreadStarts)),
      SignalRegistrationList(Options.get("SignalRegistrationFunctions",
                                         DefaultSignalRegistrations)) {
  readArgumentList("ThreadStartFunctions", ThreadStartList, ThreadStarts);
  readArgumentList("SignalRegistrationFunctions", SignalRegistrationList,
                   SignalRegistrations);
}

void LongjmpTargetCheck::readArgumentList(
    StringRef Option, StringRef Value,
    ::recover::model::Deallocators &Functions) {
  // The model's list of `name:N` entries, whatever the functions do.
  SmallVector<::recover::model::VocabularyError, 2> Errors;
  Functions.addList(Value, Option, Errors);
  reportErrors(Errors);
}

void LongjmpTargetCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  RecoverCheckBase::storeOptions(Opts);
  Options.store(Opts, "ThreadStartFunctions", ThreadStartList);
  Options.store(Opts, "SignalRegistrationFunctions", SignalRegistrationList);
}

/// The warnings, by JumpFinding::KindTy.
static const char *const Messages[] = {
    // ZeroValue
    "'%0' is called with the value 0, so setjmp returns 1 instead; pass a "
    "non-zero value",
    // ZeroArm
    "the value passed to '%0' can be 0, so setjmp would return 1 instead; "
    "pass a non-zero value",
    // ZeroVariable
    "'%1' can be 0 when it is passed to '%0', so setjmp would return 1 "
    "instead; pass a non-zero value",
    // UnsetBuffer
    "'%0' to '%1' can run before any setjmp has saved an environment in "
    "'%1', on a path from the start of '%2'",
    // CopiedBuffer
    "'%0' to '%1', which holds a copy of a jmp_buf rather than an "
    "environment that setjmp saved in it; the C standard only restores an "
    "environment through the jmp_buf setjmp was called with",
    // OtherThreadBuffer
    "'%0' to '%1' in code that runs in the thread started with '%2', but "
    "only setjmp calls outside that thread set '%1'; jumping to another "
    "thread's environment is undefined",
    // HandlerPlainLongjmp
    "'%0' in code run by signal handler '%2' does not restore the signal "
    "mask, so the signal stays blocked after the jump; save the environment "
    "with sigsetjmp(buf, 1) and jump with siglongjmp",
    // HandlerUnsavedMask
    "'%0' in code run by signal handler '%2' jumps to '%1', which is saved "
    "without the signal mask, so the signal stays blocked after the jump; "
    "save it with sigsetjmp(%1, 1)",
};
static_assert(std::size(Messages) == JumpFinding::HandlerUnsavedMask + 1,
              "one message per kind of finding");

/// The name of the longjmp-family function \p Call calls.
static StringRef jumpName(const CallExpr &Call) {
  const FunctionDecl *Callee = ::recover::model::calledFunction(Call);
  return Callee ? Callee->getName() : StringRef("longjmp");
}

void LongjmpTargetCheck::check(const MatchFinder::MatchResult &Result) {
  ::recover::model::TranslationUnitModel &TU = model(*Result.Context);
  const SourceManager &SM = *Result.SourceManager;
  for (const JumpFinding &F :
       findJumpTargetProblems(TU, ThreadStarts, SignalRegistrations)) {
    SourceLocation Loc = SM.getFileLoc(F.Jump->getBeginLoc());
    StringRef Jump = jumpName(*F.Jump);
    // %0 the jump, %1 the buffer (the variable for ZeroVariable), %2 the
    // function it is seen from.
    diag(Loc, Messages[F.Kind]) << Jump << F.Buffer << F.Function;
    for (const JumpFinding::Note &N : F.Notes)
      diag(SM.getFileLoc(N.Loc),
           "%select{this arm is 0|'%1' is set to 0 here|'%1' is set by "
           "setjmp here, but not on that path|'%1' is declared here and no "
           "setjmp sets it|a jmp_buf is copied into '%1' here|'%1' is set "
           "here, outside that thread|'%1' is started as a thread "
           "here|'%1' is installed as a signal handler here|'%1' is saved "
           "here without the signal mask|'%1' reaches the jump through this "
           "call}0",
           DiagnosticIDs::Note)
          << static_cast<unsigned>(N.Kind) << N.Name;
  }
}

} // namespace clang::tidy::recover
