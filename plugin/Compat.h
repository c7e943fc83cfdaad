//===--- Compat.h - LLVM version shims for recover-tidy -------------------===//
//
// The one place that knows which LLVM major version the plugin is built
// against.  Every difference between LLVM 14 and 22 that the plugin meets is
// hidden here; no other file tests LLVM_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_PLUGIN_COMPAT_H
#define RECOVER_TIDY_PLUGIN_COMPAT_H

#include "llvm/Config/llvm-config.h"

// clang-tidy's module registry moved into ClangTidyModule.h in LLVM 22, whose
// old header now only warns.  The one file that registers the checks defines
// RECOVER_TIDY_REGISTERS_MODULES before including this header, so that the
// rest of the plugin, and the model, do not pull in clang-tidy from here.
#ifdef RECOVER_TIDY_REGISTERS_MODULES
#include "clang-tidy/ClangTidyModule.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
#endif

#endif // RECOVER_TIDY_PLUGIN_COMPAT_H
