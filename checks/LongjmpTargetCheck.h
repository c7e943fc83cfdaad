//===--- LongjmpTargetCheck.h - recover-longjmp-target --------------------===//

#ifndef RECOVER_TIDY_CHECKS_LONGJMPTARGETCHECK_H
#define RECOVER_TIDY_CHECKS_LONGJMPTARGETCHECK_H

#include "checks/CheckOptions.h"

namespace clang::tidy::recover {

/// Flags longjmps that cannot land where they mean to: with the value 0
/// (setjmp returns 1 instead), to a jmp_buf no setjmp has set on some path,
/// to a copy of a jmp_buf, to a jmp_buf that another thread registered, and
/// from a signal handler without restoring the signal mask.
///
/// For the user-facing documentation see
/// docs/checks/recover-longjmp-target.md.
class LongjmpTargetCheck : public RecoverCheckBase {
public:
  LongjmpTargetCheck(StringRef Name, ClangTidyContext *Context);
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// Reads a list of `name:N` entries, reporting unusable ones.
  void readArgumentList(StringRef Option, StringRef Value,
                        ::recover::model::Deallocators &Functions);

  /// ThreadStartFunctions: the functions that start a thread, with the
  /// argument that names its start function.
  const std::string ThreadStartList;
  ::recover::model::Deallocators ThreadStarts;
  /// SignalRegistrationFunctions: the functions that install a signal
  /// handler, with the argument that names it.
  const std::string SignalRegistrationList;
  ::recover::model::Deallocators SignalRegistrations;
};

} // namespace clang::tidy::recover

#endif // RECOVER_TIDY_CHECKS_LONGJMPTARGETCHECK_H
