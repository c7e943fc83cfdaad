//===--- ConstantArguments.h - panics a call's constants rule out ---------===//
//
// Part of the shared setjmp/longjmp model.  Depends on the Clang AST and CFG,
// not on clang-tidy.
//
// Spec.  Many functions that can longjmp do so only when the caller asks for
// it: a "throw" flag (`delprop(obj, key, 0)` returns failure, `delprop(obj,
// key, THROW)` throws), or a size whose allocation can fail (`resize(t, 0)`
// allocates nothing).  A call whose arguments are constants that rule out
// every path of the callee to a call that can panic cannot longjmp, and the
// panic fixpoint does not count it.  What is followed:
//  - integer (and enumeration and boolean) parameters of the callee whose
//    address it never takes, named in a condition or passed on to another
//    call; each holds what the caller passed on a path until the path
//    passes a statement that assigns, increments or decrements it (`if
//    (size == 0) return; ... size = round(size);`);
//  - locals of the callee set once, from constants and the parameters it
//    never changes, by a statement of the body's outermost block
//    (`throw_flag = flags & THROW;`) with no goto before it, and read after
//    it: every path to a later statement passes the assignment;
//  - at the call: an integer constant expression, a conditional whose arms
//    are both such values (`force ? FORCE : 0`), or, one call further, an
//    expression of the caller's own parameters whose values are known.
// Conditions are evaluated on `! - + & | ^ << >> == != < <= > >= && || ?:`,
// integer casts that keep the value, and __builtin_expect; a branch whose
// condition has a known value is not taken the other way.  Anything else is
// unknown, and both ways stay open: a call that might panic keeps counting.
// A callee whose CFG cannot be built, more than four value combinations, or
// more than four walks nested count as able to panic.  A recursion into a
// walk under way with the same values adds no panic of its own: the least
// fixpoint, as the panic fixpoint computes it (TranslationUnitModel.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_CONSTANTARGUMENTS_H
#define RECOVER_TIDY_CHECKS_MODEL_CONSTANTARGUMENTS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class CFG;
class Expr;
class FunctionDecl;
class ParmVarDecl;
class QualType;
class VarDecl;
} // namespace clang

namespace recover::model {

class TranslationUnitModel;

/// Answers, for the panic fixpoint, whether a call's constant arguments keep
/// its callee from every call that can panic.
class ConstantArguments {
public:
  /// How a call may panic as the fixpoint stands: not at all, by itself (a
  /// panic function), or through a callee defined here that can panic.
  enum class Panic { No, Direct, Callee };
  /// Classifies a call; sets the callee's definition for Panic::Callee.
  using Lookup = llvm::function_ref<Panic(const clang::CallExpr &,
                                          const clang::FunctionDecl *&)>;

  explicit ConstantArguments(TranslationUnitModel &TU);
  ~ConstantArguments();

  /// Whether \p Call, in \p Caller, passes \p Callee a value this analysis
  /// can follow, for a parameter that \p Callee tests: worth asking
  /// rulesOut().
  bool mayRuleOut(const clang::CallExpr &Call,
                  const clang::FunctionDecl &Caller,
                  const clang::FunctionDecl &Callee);
  /// Whether the arguments of \p Call, in \p Caller, keep \p Callee from
  /// every call that \p Panics says can panic.
  bool rulesOut(const clang::CallExpr &Call, const clang::FunctionDecl &Caller,
                const clang::FunctionDecl &Callee, Lookup Panics);
  /// Forgets the answers of rulesOut(): the fixpoint has changed.
  void newRound() { Answers.clear(); }

private:
  /// Known values of the parameters of the function whose body is walked.
  struct Env {
    const clang::FunctionDecl *Fn = nullptr;
    llvm::SmallVector<std::pair<const clang::VarDecl *, int64_t>, 2> Known;
  };
  /// What a function's body says about its parameters and locals.
  struct BodyFacts {
    /// Parameters that hold the caller's value and that the body tests or
    /// passes on, with their index.
    llvm::SmallVector<std::pair<unsigned, const clang::ParmVarDecl *>, 2>
        Guards;
    /// Locals set once from parameters and constants (see the spec): the
    /// value given and where the assignment ends.
    llvm::DenseMap<const clang::VarDecl *,
                   std::pair<const clang::Expr *, clang::SourceLocation>>
        Derived;
    std::unique_ptr<clang::CFG> Graph;
    bool GraphBuilt = false;
  };

  BodyFacts &facts(const clang::FunctionDecl &Fn);
  const clang::CFG *graph(const clang::FunctionDecl &Fn);
  std::optional<int64_t> evaluate(const clang::Expr *E, const Env &In,
                                  unsigned Depth = 0);
  std::optional<int64_t> castTo(std::optional<int64_t> V,
                                clang::QualType To) const;
  /// The values \p E can take: one, or the arms of a conditional.
  llvm::SmallVector<int64_t, 2> values(const clang::Expr *E, const Env &In);
  /// The value combinations that \p Call, evaluated in \p Outer, gives the
  /// tested parameters of a callee with facts \p F (Unknown where it gives
  /// none): false when no value is known or there are too many.
  bool combinations(const clang::CallExpr &Call, const Env &Outer,
                    const BodyFacts &F, std::vector<std::vector<int64_t>> &Out);
  bool rulesOut(const clang::CallExpr &Call, const Env &Outer,
                const clang::FunctionDecl &Callee, Lookup Panics);
  /// Whether a call that can panic is reachable in \p In.Fn's body.
  bool reachesPanic(const Env &In, Lookup Panics);

  TranslationUnitModel &TU;
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::FunctionDecl *, BodyFacts> Facts;
  /// A walk of a callee's body: the callee, and the values of its tested
  /// parameters (or Unknown).
  using WalkKey = std::pair<const clang::FunctionDecl *, std::vector<int64_t>>;
  /// rulesOut()'s final answers this round: whether the walk found no panic.
  std::map<WalkKey, bool> Answers;
  /// The walks under way, innermost last; and the outermost of them that a
  /// recursion assumed not to panic, whose answer is not final until it ends.
  llvm::SmallVector<WalkKey, 4> Walking;
  unsigned Assumed = ~0u;
};

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_CONSTANTARGUMENTS_H
