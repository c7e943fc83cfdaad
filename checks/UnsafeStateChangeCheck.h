//===--- UnsafeStateChangeCheck.h - recover-unsafe-state-change -----------===//

#ifndef RECOVER_TIDY_CHECKS_UNSAFESTATECHANGECHECK_H
#define RECOVER_TIDY_CHECKS_UNSAFESTATECHANGECHECK_H

#include "checks/CheckOptions.h"
#include "checks/model/ProgramSummary.h"

#include <optional>
#include <vector>

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
  bool isIgnored(const ::recover::model::Change &C) const;
  /// Whether the program summary says that a recovery path of another
  /// translation unit accesses \p Loc.
  bool restoredInProgram(const ::recover::model::Location &Loc,
                         const SourceManager &SM) const;
  void report(const Finding &F, ::recover::model::TranslationUnitModel &TU,
              const SourceManager &SM);
  /// One finding per cause: folds the call-made findings that leave the
  /// same write inside a callee behind into the first of them.
  static void foldCallSites(std::vector<Finding> &Findings);
  /// Pass 1 of --whole-program: writes the translation unit's program facts
  /// into FactsDirectory instead of checking it.
  void writeFacts(::recover::model::TranslationUnitModel &TU,
                  const SourceManager &SM);

  /// The value of environment variable \p Name, or empty.
  static std::string environment(const char *Name);

  const bool ReportPanicOnlyWrites;
  /// AuditMode: every change a longjmp can leave behind, one finding per
  /// call site, instead of one per cause.
  const bool AuditMode;
  const std::string IgnoredStateList;
  ::recover::model::NameSet IgnoredState;
  /// EntryPoints: functions that run under recover points of other
  /// programs (a library's API), for the program facts of pass 1.
  const std::string EntryPointsList;
  ::recover::model::NameSet EntryPoints;
  /// ProgramSummary: the path of a program summary; empty for none.
  const std::string ProgramSummaryPath;
  std::optional<::recover::model::ProgramSummary> Summary;
  /// RECOVER_TIDY_FACTS_DIR, set by recover-tidy --whole-program for pass 1.
  const std::string FactsDirectory;
};

} // namespace clang::tidy::recover

#endif // RECOVER_TIDY_CHECKS_UNSAFESTATECHANGECHECK_H
