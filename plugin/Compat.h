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

// Expr::getIntegerConstantExpr returns llvm::Optional up to LLVM 15 and
// std::optional from 16 on; the model asks through this one function.
#include "clang/AST/Expr.h"
#include "llvm/ADT/APSInt.h"

#include <optional>

namespace recover::compat {
/// The value of \p E if it is an integer constant expression.
inline std::optional<llvm::APSInt>
integerConstant(const clang::Expr &E, const clang::ASTContext &Ctx) {
  auto Value = E.getIntegerConstantExpr(Ctx);
  if (!Value)
    return std::nullopt;
  return *Value;
}
} // namespace recover::compat

#endif // RECOVER_TIDY_PLUGIN_COMPAT_H
