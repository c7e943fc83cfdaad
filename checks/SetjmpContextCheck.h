//===--- SetjmpContextCheck.h - recover-setjmp-context
//---------------------===//

#ifndef RECOVER_TIDY_CHECKS_SETJMPCONTEXTCHECK_H
#define RECOVER_TIDY_CHECKS_SETJMPCONTEXTCHECK_H

#include "checks/CheckOptions.h"

#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::recover {

/// Flags calls of the setjmp family in a context where C11 7.13.1.1 leaves
/// their behaviour undefined: anywhere but as the whole controlling
/// expression of an if, switch or loop (alone, negated with '!', or compared
/// with an integer constant expression) or as an expression statement.
///
/// For the user-facing documentation see
/// docs/checks/recover-setjmp-context.md.
class SetjmpContextCheck : public RecoverCheckBase {
public:
  SetjmpContextCheck(StringRef Name, ClangTidyContext *Context)
      : RecoverCheckBase(Name, Context) {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    RecoverCheckBase::onStartOfTranslationUnit();
    Reported.clear();
  }

private:
  /// Locations already reported: a macro that expands to two calls at one
  /// place is reported once.
  llvm::DenseSet<SourceLocation> Reported;
};

} // namespace clang::tidy::recover

#endif // RECOVER_TIDY_CHECKS_SETJMPCONTEXTCHECK_H
