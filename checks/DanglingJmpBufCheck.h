//===--- DanglingJmpBufCheck.h - recover-dangling-jmp-buf -----------------===//

#ifndef RECOVER_TIDY_CHECKS_DANGLINGJMPBUFCHECK_H
#define RECOVER_TIDY_CHECKS_DANGLINGJMPBUFCHECK_H

#include "checks/CheckOptions.h"

namespace clang::tidy::recover {

/// Flags error-handler registrations that outlive their stack frame: the
/// address of a local jmp_buf stored into state that is still there when
/// the function returns, and longjmps to a global jmp_buf whose only setjmp
/// is in a function that has already returned, and jumps to a setjmp made
/// inside the scope of a variably modified object after that scope is left.
///
/// For the user-facing documentation see
/// docs/checks/recover-dangling-jmp-buf.md.
class DanglingJmpBufCheck : public RecoverCheckBase {
public:
  DanglingJmpBufCheck(StringRef Name, ClangTidyContext *Context)
      : RecoverCheckBase(Name, Context) {}
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkRegistrations(::recover::model::TranslationUnitModel &TU,
                          const SourceManager &SM);
  void checkReturnedRecoverPoints(::recover::model::TranslationUnitModel &TU,
                                  const SourceManager &SM);
  void checkVariablyModifiedScopes(::recover::model::TranslationUnitModel &TU,
                                   const SourceManager &SM);
};

} // namespace clang::tidy::recover

#endif // RECOVER_TIDY_CHECKS_DANGLINGJMPBUFCHECK_H
