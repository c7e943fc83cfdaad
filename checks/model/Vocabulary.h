//===--- Vocabulary.h - which functions recover and which panic -----------===//
//
// Part of the shared setjmp/longjmp model.  Depends on the Clang AST only, not
// on clang-tidy, so that another front end (a Static Analyzer checker) can
// reuse it.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_VOCABULARY_H
#define RECOVER_TIDY_CHECKS_MODEL_VOCABULARY_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"

#include <string>
#include <vector>

namespace clang {
class CallExpr;
class DeclRefExpr;
class FunctionDecl;
class ParmVarDecl;
} // namespace clang

namespace recover::model {

/// The function \p Call calls: its direct callee, or the function named
/// by a callee expression spelled `(f)`, `*f`, `&f` or `(setup(), f)` --
/// how macros like tcc's `tcc_error` name their target.  Null for a call
/// through a pointer value.
const clang::FunctionDecl *calledFunction(const clang::CallExpr &Call);
/// The reference to the function \p Call calls, looked for as
/// calledFunction() does; null for a call through a pointer value.
const clang::DeclRefExpr *calleeReference(const clang::CallExpr &Call);
/// The parameter of the enclosing function that \p Call calls through,
/// `k(...)` or `(*k)(...)`; null otherwise.
const clang::ParmVarDecl *calleeParameter(const clang::CallExpr &Call);

/// What a called function means to the setjmp/longjmp model.
enum class FunctionRole {
  /// Nothing special.
  None,
  /// Registers a recover point and returns twice (the setjmp family).
  Recover,
  /// Jumps to a recover point and never returns (the longjmp family).
  Panic,
};

/// A problem found while reading a user-supplied list of names.
struct VocabularyError {
  /// The option the list came from, e.g. "RecoverFunctions".
  std::string Option;
  /// The entry that could not be used.
  std::string Entry;
  /// Why, in the words of the regular-expression engine.
  std::string Reason;
};

/// A set of function names: exact names plus regular expressions that must
/// match a whole name.  Each entry of a user list is a regular expression;
/// a plain identifier is one that matches itself.
class NameSet {
public:
  /// Adds the entries of \p List, separated by ';', skipping blanks.  Entries
  /// that are not valid regular expressions are reported in \p Errors under
  /// \p Option and left out.
  void addList(llvm::StringRef List, llvm::StringRef Option,
               llvm::SmallVectorImpl<VocabularyError> &Errors);
  /// Adds one exact name.
  void addName(llvm::StringRef Name) { Names.push_back(Name.str()); }
  bool matches(llvm::StringRef Name) const;
  bool empty() const { return Names.empty() && Patterns.empty(); }

private:
  std::vector<std::string> Names;
  std::vector<llvm::Regex> Patterns;
};

/// The recover and panic functions known to the model: the built-in
/// setjmp/longjmp families plus the user's RecoverFunctions and
/// PanicFunctions.  Lookups are cached per declaration.
class Vocabulary {
public:
  /// Builds the vocabulary from the two option values.  Invalid entries are
  /// reported in \p Errors and skipped; the built-in families always apply.
  Vocabulary(llvm::StringRef RecoverFunctions, llvm::StringRef PanicFunctions,
             llvm::SmallVectorImpl<VocabularyError> &Errors);

  /// Adds the entries of \p List (option \p Option) to the panic
  /// functions, like PanicFunctions.
  void addPanics(llvm::StringRef List, llvm::StringRef Option,
                 llvm::SmallVectorImpl<VocabularyError> &Errors) {
    PanicNames.addList(List, Option, Errors);
    Cache.clear();
  }
  /// The role of \p FD, looked up by its name.
  FunctionRole roleOf(const clang::FunctionDecl *FD) const;
  bool isRecover(const clang::FunctionDecl *FD) const {
    return roleOf(FD) == FunctionRole::Recover;
  }
  bool isPanic(const clang::FunctionDecl *FD) const {
    return roleOf(FD) == FunctionRole::Panic;
  }
  /// Whether \p FD is of the built-in longjmp family, which never returns;
  /// a PanicFunctions entry may return (an allocator that throws on failure)
  /// unless it is declared noreturn.
  bool isBuiltinPanic(const clang::FunctionDecl *FD) const;

  /// Whether a function called \p Name would be a recover function.
  bool isRecoverName(llvm::StringRef Name) const {
    return RecoverNames.matches(Name);
  }

private:
  NameSet RecoverNames;
  NameSet PanicNames;
  NameSet BuiltinPanicNames;
  mutable llvm::DenseMap<const clang::FunctionDecl *, FunctionRole> Cache;
};

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_VOCABULARY_H
