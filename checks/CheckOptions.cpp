//===--- CheckOptions.cpp - options every recover-* check shares ----------===//

#include "checks/CheckOptions.h"

namespace clang::tidy::recover {

using ::recover::model::VocabularyError;

RecoverCheckBase::RecoverCheckBase(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckID(Name),
      RecoverFunctions(Options.getLocalOrGlobal("RecoverFunctions", "")),
      PanicFunctions(Options.getLocalOrGlobal("PanicFunctions", "")),
      Vocab([&] {
        SmallVector<VocabularyError, 2> Errors;
        ::recover::model::Vocabulary V(RecoverFunctions, PanicFunctions,
                                       Errors);
        reportErrors(Errors);
        return V;
      }()) {}

void RecoverCheckBase::reportErrors(ArrayRef<VocabularyError> Errors) {
  for (const VocabularyError &E : Errors)
    configurationDiag("invalid regular expression '%0' in option '%1.%2': "
                      "%3; the entry is ignored",
                      DiagnosticIDs::Error)
        << E.Entry << CheckID << E.Option << E.Reason;
}

void RecoverCheckBase::readNameList(StringRef OptionName, StringRef Value,
                                    ::recover::model::NameSet &Set) {
  SmallVector<VocabularyError, 2> Errors;
  Set.addList(Value, OptionName, Errors);
  reportErrors(Errors);
}

void RecoverCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RecoverFunctions", RecoverFunctions);
  Options.store(Opts, "PanicFunctions", PanicFunctions);
}

} // namespace clang::tidy::recover
