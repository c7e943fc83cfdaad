//===--- ClobberedLocalCheck.h - recover-clobbered-local ------------------===//

#ifndef RECOVER_TIDY_CHECKS_CLOBBEREDLOCALCHECK_H
#define RECOVER_TIDY_CHECKS_CLOBBEREDLOCALCHECK_H

#include "checks/CheckOptions.h"

namespace clang::tidy::recover {

/// Flags non-volatile locals of a function with a recover point that are
/// changed in its protected region where a longjmp can still follow, and read
/// on its recovery path: their value there is indeterminate (C11 7.13.2.1p3).
/// Offers a fix-it that makes the variable volatile.
///
/// For the user-facing documentation see
/// docs/checks/recover-clobbered-local.md.
class ClobberedLocalCheck : public RecoverCheckBase {
public:
  ClobberedLocalCheck(StringRef Name, ClangTidyContext *Context);
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  struct Finding;
  void report(const Finding &F, ASTContext &Ctx);

  const bool StrictStandard;
};

} // namespace clang::tidy::recover

#endif // RECOVER_TIDY_CHECKS_CLOBBEREDLOCALCHECK_H
