//===--- CheckOptions.cpp - options every recover-* check shares ----------===//

#include "checks/CheckOptions.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <map>
#include <memory>

namespace clang::tidy::recover {

namespace {
/// The models of the current translation unit, one per configuration of the
/// model's options.  clang-tidy runs one translation unit at a time.
struct ModelCache {
  const ASTContext *Ctx = nullptr;
  std::map<std::string, std::unique_ptr<::recover::model::TranslationUnitModel>>
      Models;
  void clear() {
    Ctx = nullptr;
    Models.clear();
  }
};
ModelCache &modelCache() {
  static ModelCache Cache;
  return Cache;
}
} // namespace

using ::recover::model::VocabularyError;

RecoverCheckBase::RecoverCheckBase(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckID(Name),
      RecoverFunctions(Options.getLocalOrGlobal("RecoverFunctions", "")),
      PanicFunctions(Options.getLocalOrGlobal("PanicFunctions", "")),
      ThrowingAllocationFunctions(
          Options.getLocalOrGlobal("ThrowingAllocationFunctions", "")),
      Vocab([&] {
        SmallVector<VocabularyError, 2> Errors;
        ::recover::model::Vocabulary V(RecoverFunctions, PanicFunctions,
                                       Errors);
        // A throwing allocator is a panic function too.
        V.addPanics(ThrowingAllocationFunctions, "ThrowingAllocationFunctions",
                    Errors);
        reportErrors(Errors);
        return V;
      }()),
      DeallocationFunctions(
          Options.getLocalOrGlobal("DeallocationFunctions", "")),
      AllocationFunctions(Options.getLocalOrGlobal("AllocationFunctions", "")),
      NeverPanicFunctions(Options.getLocalOrGlobal("NeverPanicFunctions", "")),
      DestroyFunctions(Options.getLocalOrGlobal("DestroyFunctions", "")),
      HandlerPopFunctions(Options.getLocalOrGlobal("HandlerPopFunctions", "")) {
  Model.NoreturnIsPanic = boolOption("NoreturnIsPanic", true, true);
  Model.UnknownCallsInRegionPanic =
      boolOption("UnknownCallsInRegionPanic", true, true);
  Model.IndirectCallsPanic = boolOption("IndirectCallsPanic", false, true);
  SmallVector<VocabularyError, 2> Errors;
  Model.Deallocation.addList("free;realloc;reallocarray", "", Errors);
  Model.Deallocation.addList(DeallocationFunctions, "DeallocationFunctions",
                             Errors);
  Model.Allocation.addList(AllocationFunctions, "AllocationFunctions", Errors);
  // Its bad entries were reported with the panic functions above.
  SmallVector<VocabularyError, 2> Reported;
  Model.Allocation.addList(ThrowingAllocationFunctions,
                           "ThrowingAllocationFunctions", Reported);
  Model.NeverPanic.addList(NeverPanicFunctions, "NeverPanicFunctions", Errors);
  Model.Destroy.addList(DestroyFunctions, "DestroyFunctions", Errors);
  Model.HandlerPop.addList(HandlerPopFunctions, "HandlerPopFunctions", Errors);
  reportErrors(Errors);
}

bool RecoverCheckBase::boolOption(StringRef Name, bool Default,
                                  bool LocalOrGlobal) {
  // An optional std::string in LLVM 14, an optional StringRef later: both
  // read alike through a StringRef.
  auto Stored =
      LocalOrGlobal ? Options.getLocalOrGlobal(Name) : Options.get(Name);
  if (!Stored)
    return Default;
  StringRef Value = *Stored;
  // The spellings llvm::yaml::parseBool accepts, which clang-tidy uses (in
  // any case), or a number.
  std::string Lower = Value.lower();
  std::optional<bool> Parsed;
  for (const char *True : {"true", "yes", "on", "y"})
    if (Lower == True)
      Parsed = true;
  for (const char *False : {"false", "no", "off", "n"})
    if (Lower == False)
      Parsed = false;
  long long Number = 0;
  if (!Parsed && !Value.getAsInteger(10, Number))
    Parsed = Number != 0;
  if (Parsed)
    return *Parsed;
  configurationDiag("invalid configuration value '%0' for option '%1.%2'; "
                    "expected a bool",
                    DiagnosticIDs::Error)
      << Value << CheckID << Name;
  return Default;
}

void RecoverCheckBase::storeBool(ClangTidyOptions::OptionMap &Opts,
                                 StringRef Name, bool Value) const {
  Options.store(Opts, Name, Value ? "true" : "false");
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
  Options.store(Opts, "ThrowingAllocationFunctions",
                ThrowingAllocationFunctions);
  storeBool(Opts, "NoreturnIsPanic", Model.NoreturnIsPanic);
  storeBool(Opts, "UnknownCallsInRegionPanic", Model.UnknownCallsInRegionPanic);
  storeBool(Opts, "IndirectCallsPanic", Model.IndirectCallsPanic);
  Options.store(Opts, "DeallocationFunctions", DeallocationFunctions);
  Options.store(Opts, "AllocationFunctions", AllocationFunctions);
  Options.store(Opts, "NeverPanicFunctions", NeverPanicFunctions);
  Options.store(Opts, "DestroyFunctions", DestroyFunctions);
  Options.store(Opts, "HandlerPopFunctions", HandlerPopFunctions);
}

} // namespace clang::tidy::recover

namespace clang::tidy::recover {

void RecoverCheckBase::registerMatchers(ast_matchers::MatchFinder *Finder) {
  Finder->addMatcher(ast_matchers::translationUnitDecl().bind("tu"), this);
}

void RecoverCheckBase::onStartOfTranslationUnit() { modelCache().clear(); }

void RecoverCheckBase::onEndOfTranslationUnit() { modelCache().clear(); }

::recover::model::TranslationUnitModel &
RecoverCheckBase::model(ASTContext &Ctx) {
  ModelCache &Cache = modelCache();
  if (Cache.Ctx != &Ctx) {
    Cache.clear();
    Cache.Ctx = &Ctx;
  }
  std::string Key = RecoverFunctions + '\0' + PanicFunctions + '\0' +
                    ThrowingAllocationFunctions + '\0' + DeallocationFunctions +
                    '\0' + AllocationFunctions + '\0' + NeverPanicFunctions +
                    '\0' + DestroyFunctions + '\0' + HandlerPopFunctions +
                    '\0' + char('0' + Model.NoreturnIsPanic) +
                    char('0' + Model.UnknownCallsInRegionPanic) +
                    char('0' + Model.IndirectCallsPanic);
  auto &Slot = Cache.Models[Key];
  if (!Slot)
    Slot = std::make_unique<::recover::model::TranslationUnitModel>(Ctx, Vocab,
                                                                    Model);
  return *Slot;
}

} // namespace clang::tidy::recover
