//===--- UnsafeStateChangeCheck.h - recover-unsafe-state-change -----------===//

#ifndef RECOVER_TIDY_CHECKS_UNSAFESTATECHANGECHECK_H
#define RECOVER_TIDY_CHECKS_UNSAFESTATECHANGECHECK_H

#include "checks/CheckOptions.h"

namespace clang::tidy::recover {

/// Flags changes of state that outlives the frame (globals, static locals,
/// memory reached through visible pointers, freed memory still pointed to)
/// when a longjmp can follow in the same function before a new recover point
/// is registered: the jump would leave the change half-done.
///
/// For the user-facing documentation see
/// docs/checks/recover-unsafe-state-change.md.
class UnsafeStateChangeCheck : public RecoverCheckBase {
public:
  UnsafeStateChangeCheck(StringRef Name, ClangTidyContext *Context);
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  struct Finding;
  /// Whether IgnoredState names \p Loc, bare ('top') or qualified
  /// ('lua_State.top').
  bool isIgnored(const ::recover::model::Location &Loc) const;
  void report(const Finding &F, ::recover::model::TranslationUnitModel &TU,
              const SourceManager &SM);

  const bool ReportPanicOnlyWrites;
  const std::string IgnoredStateList;
  ::recover::model::NameSet IgnoredState;
};

} // namespace clang::tidy::recover

#endif // RECOVER_TIDY_CHECKS_UNSAFESTATECHANGECHECK_H
