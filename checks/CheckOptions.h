//===--- CheckOptions.h - options every recover-* check shares ------------===//

#ifndef RECOVER_TIDY_CHECKS_CHECKOPTIONS_H
#define RECOVER_TIDY_CHECKS_CHECKOPTIONS_H

#include "checks/model/TranslationUnitModel.h"
#include "checks/model/Vocabulary.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::recover {

/// Base of every recover-* check: reads the options of the shared model
/// (RecoverFunctions, PanicFunctions, NoreturnIsPanic,
/// UnknownCallsInRegionPanic, IndirectCallsPanic, DeallocationFunctions,
/// AllocationFunctions, NeverPanicFunctions, DestroyFunctions) once,
/// with getLocalOrGlobal so that one global entry in .clang-tidy serves every
/// check, reports unusable entries as configuration errors, and limits the
/// checks to C.
class RecoverCheckBase : public ClangTidyCheck {
public:
  RecoverCheckBase(StringRef Name, ClangTidyContext *Context);

  /// The checks model C's setjmp/longjmp; C++ unwinding is another matter.
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return !LangOpts.CPlusPlus;
  }
  /// The model's checks look at the whole translation unit at once: they
  /// match the translation unit and do their work in check().  A check that
  /// matches single nodes overrides this.
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  /// Derived checks call this first from their own storeOptions.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// The translation-unit model is shared by the checks of one translation
  /// unit and dropped at its end; derived checks that override these call
  /// them too.
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

protected:
  /// The check's name, for messages about its configuration.
  const std::string CheckID;
  const std::string RecoverFunctions;
  const std::string PanicFunctions;
  /// ThrowingAllocationFunctions: allocators that longjmp when memory runs
  /// out, both AllocationFunctions and PanicFunctions in one entry.
  const std::string ThrowingAllocationFunctions;
  /// The built-in families plus the two lists above.
  const ::recover::model::Vocabulary &vocabulary() const { return Vocab; }
  /// The model's options, deallocators included.
  const ::recover::model::ModelOptions &modelOptions() const { return Model; }

  /// The model of the translation unit of \p Ctx, built by the first check
  /// that asks and shared with every other recover-* check configured the
  /// same way: summaries are computed once per translation unit.
  ::recover::model::TranslationUnitModel &model(ASTContext &Ctx);

  /// Reads the bool option \p Name (local first, then global, when
  /// \p LocalOrGlobal), spelled as clang-tidy spells bools (true, false,
  /// yes, no, on, off, or a number); an unusable value is a configuration
  /// error and \p Default applies.  clang-tidy's own get<bool>,
  /// getLocalOrGlobal<bool> and store<bool> are specializations of
  /// enable_if templates that GCC and Clang mangle differently, so a plugin
  /// built with GCC that called them would not load into Debian's
  /// clang-tidy, which is built with Clang.
  bool boolOption(StringRef Name, bool Default, bool LocalOrGlobal = false);
  /// Writes the bool option \p Name as clang-tidy writes bools.
  void storeBool(ClangTidyOptions::OptionMap &Opts, StringRef Name,
                 bool Value) const;
  /// Reads a ';'-separated list of regular expressions option \p Name into
  /// \p Set, reporting unusable entries; for check-specific lists.
  void readNameList(StringRef Name, StringRef Value,
                    ::recover::model::NameSet &Set);

  /// Reports unusable entries of a list option as configuration errors;
  /// the run goes on without them.
  void reportErrors(ArrayRef<::recover::model::VocabularyError> Errors);

private:
  ::recover::model::Vocabulary Vocab;
  const std::string DeallocationFunctions;
  const std::string AllocationFunctions;
  const std::string NeverPanicFunctions;
  const std::string DestroyFunctions;
  const std::string HandlerPopFunctions;
  ::recover::model::ModelOptions Model;
};

} // namespace clang::tidy::recover

#endif // RECOVER_TIDY_CHECKS_CHECKOPTIONS_H
