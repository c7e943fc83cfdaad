//===--- RecoverTidyModule.cpp - registers the recover-* checks -----------===//

#define RECOVER_TIDY_REGISTERS_MODULES
#include "plugin/Compat.h"

#include "checks/ClobberedLocalCheck.h"
#include "checks/DanglingJmpBufCheck.h"
#include "checks/LongjmpTargetCheck.h"
#include "checks/SetjmpContextCheck.h"
#include "checks/UnsafeStateChangeCheck.h"

namespace clang::tidy::recover {

namespace {

class RecoverTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<ClobberedLocalCheck>("recover-clobbered-local");
    Factories.registerCheck<DanglingJmpBufCheck>("recover-dangling-jmp-buf");
    Factories.registerCheck<LongjmpTargetCheck>("recover-longjmp-target");
    Factories.registerCheck<SetjmpContextCheck>("recover-setjmp-context");
    Factories.registerCheck<UnsafeStateChangeCheck>(
        "recover-unsafe-state-change");
  }
};

} // namespace

// Registration happens when the plugin is loaded; clang-tidy then offers the
// checks like its own.
static ClangTidyModuleRegistry::Add<RecoverTidyModule>
    Registration("recover-module",
                 "Checks for state left behind by setjmp/longjmp recovery.");

} // namespace clang::tidy::recover
