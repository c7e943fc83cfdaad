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
      }()),
      DeallocationFunctions(
          Options.getLocalOrGlobal("DeallocationFunctions", "")) {
  Model.NoreturnIsPanic = Options.getLocalOrGlobal("NoreturnIsPanic", true);
  Model.UnknownCallsInRegionPanic =
      Options.getLocalOrGlobal("UnknownCallsInRegionPanic", true);
  Model.IndirectCallsPanic =
      Options.getLocalOrGlobal("IndirectCallsPanic", false);
  SmallVector<VocabularyError, 2> Errors;
  Model.Deallocation.addList("free;realloc;reallocarray", "", Errors);
  Model.Deallocation.addList(DeallocationFunctions, "DeallocationFunctions",
                             Errors);
  reportErrors(Errors);
}

void RecoverCheckBase::reportErrors(ArrayRef<VocabularyError> Errors) {
  for (const VocabularyError &E : Errors)
    configurationDiag("invalid entry '%0' in option '%1.%2': %3; the entry "
                      "is ignored",
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
  Options.store(Opts, "NoreturnIsPanic", Model.NoreturnIsPanic);
  Options.store(Opts, "UnknownCallsInRegionPanic",
                Model.UnknownCallsInRegionPanic);
  Options.store(Opts, "IndirectCallsPanic", Model.IndirectCallsPanic);
  Options.store(Opts, "DeallocationFunctions", DeallocationFunctions);
}

} // namespace clang::tidy::recover
