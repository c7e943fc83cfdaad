//===--- RecoverPoint.h - where a setjmp call sits and what it guards -----===//
//
// Part of the shared setjmp/longjmp model.
//
// C11 7.13.1.1p4-5 allows an invocation of setjmp only as
//   (a) the entire controlling expression of a selection or iteration
//       statement;
//   (b) one operand of a relational or equality operator whose other operand
//       is an integer constant expression, that comparison being the entire
//       controlling expression;
//   (c) the operand of unary '!' that is the entire controlling expression;
//   (d) the entire expression of an expression statement, possibly cast to
//       void.
// Anything else is undefined behaviour.  classifyRecoverPoint() tells which
// form a call has and, for (a)-(c), which way the condition goes when the call
// returns 0 (the protected region) and when it returns again through a
// longjmp (the recovery path).
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_RECOVERPOINT_H
#define RECOVER_TIDY_CHECKS_MODEL_RECOVERPOINT_H

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class Stmt;
} // namespace clang

namespace recover::model {

/// The truth value of a condition over a set of possible return values.
enum class Truth { False, True, Either };

/// The forms of recover-point use, as the C standard sees them.
enum class RecoverForm {
  /// (a)-(c): controls an if, switch or loop.
  Condition,
  /// (d): an expression statement; its result is discarded.
  Statement,
  /// Anything else: undefined behaviour.
  Invalid,
  /// The surroundings did not compile; nothing can be said.
  Unknown,
};

/// Why an Invalid use is invalid, most specific first.
enum class InvalidUse {
  /// Initialises or is assigned to an object.
  Stored,
  /// Is the operand of 'return'.
  Returned,
  /// Is an argument of another call.
  Argument,
  /// Is compared with something that is not an integer constant expression.
  NonConstantComparison,
  /// Is part of a controlling expression that does more than test it.
  LargerCondition,
  /// Any other expression.
  LargerExpression,
};

/// How one recover-point call is used.
struct RecoverPointContext {
  RecoverForm Form = RecoverForm::Invalid;
  /// Meaningful when Form is Invalid.
  InvalidUse Reason = InvalidUse::LargerExpression;
  /// For Condition: the if, switch, while, do or for statement.
  const clang::Stmt *ControlStmt = nullptr;
  /// For Condition: the entire controlling expression.
  const clang::Expr *Condition = nullptr;
  /// For Condition: the condition's value when the call returns 0, i.e. on
  /// entry to the protected region.  Either for switch.
  Truth WhenZero = Truth::Either;
  /// For Condition: its value when the call returns through a longjmp
  /// (any non-zero value).  Either for switch.
  Truth WhenNonZero = Truth::Either;
};

/// Classifies the recover-point call \p Call by its surroundings.
RecoverPointContext classifyRecoverPoint(const clang::CallExpr &Call,
                                         clang::ASTContext &Ctx);

/// Whether the setjmp- or longjmp-family calls \p A and \p B name the same
/// jmp_buf: their first arguments are spelled alike (the same variable, the
/// same field path, the same macro expansion such as `png_jmpbuf(png)`).
/// A call without arguments names no buffer.
bool sameJmpBuf(const clang::CallExpr &A, const clang::CallExpr &B,
                clang::ASTContext &Ctx);

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_RECOVERPOINT_H
