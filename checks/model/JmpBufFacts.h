//===--- JmpBufFacts.h - who registers a global jmp_buf, who jumps to it --===//
//
// Part of the shared setjmp/longjmp model.
//
// Spec.  A global jmp_buf B is named directly, as the first argument of
// setjmp- and longjmp-family calls.  For each such B, computed once per
// translation unit:
//  - the functions that call setjmp on B, in source order;
//  - per function F, whether F can jump to B before registering it: some
//    path from F's entry reaches a longjmp on B, or a call of a function
//    that can, without first passing a setjmp on B or a write into B
//    (memcpy into it, an assignment of a struct holding it), which would
//    set B afresh in a frame that is still live.  A call of a function
//    that registers B and returns does not count as registering: the
//    registration it leaves behind is in a frame that is gone.  This is a
//    call-graph fixpoint; a CFG is built only for functions that both
//    register B and can reach a jump to it.
// One jump per (F, B) is kept as the witness: the call in F through which
// the jump is reached, so that a report can show the chain.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_JMPBUFFACTS_H
#define RECOVER_TIDY_CHECKS_MODEL_JMPBUFFACTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class CallExpr;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace recover::model {

class TranslationUnitModel;

/// The global jmp_buf named directly by the first argument of \p Call, or
/// null.
const clang::VarDecl *namedGlobalJmpBuf(const clang::CallExpr &Call);

/// Who registers each global jmp_buf of a translation unit and which
/// functions can jump to one before registering it; see the file comment.
class JmpBufFacts {
public:
  explicit JmpBufFacts(TranslationUnitModel &TU);

  /// The global jmp_bufs that some setjmp registers, in the order of their
  /// first registration.
  llvm::ArrayRef<const clang::VarDecl *> registeredBuffers() const {
    return Buffers;
  }
  /// The setjmp calls on \p Buf, in source order, with their functions.
  llvm::ArrayRef<
      std::pair<const clang::CallExpr *, const clang::FunctionDecl *>>
  registrations(const clang::VarDecl *Buf) const;
  /// The one function that registers \p Buf, or null when none or several
  /// do.
  const clang::FunctionDecl *onlyRegistrar(const clang::VarDecl *Buf) const;
  /// Whether statement \p S of a function registers \p Buf afresh: a setjmp
  /// on it, or a write into it.
  bool registersAfresh(const clang::Stmt *S, const clang::VarDecl *Buf) const;

  /// The call in \p FD through which \p FD can jump to \p Buf before
  /// registering it (a longjmp on \p Buf, or a call of a function that can);
  /// null when it cannot.
  const clang::CallExpr *jumpBeforeRegistering(const clang::FunctionDecl *FD,
                                               const clang::VarDecl *Buf) const;
  /// Whether statement \p S jumps to \p Buf, in the sense above.
  const clang::CallExpr *jumpOf(const clang::Stmt *S,
                                const clang::VarDecl *Buf) const;
  /// The longjmp that \p Via (a call returned by jumpOf or
  /// jumpBeforeRegistering) finally reaches, following the witnesses.
  const clang::CallExpr *innermostJump(const clang::CallExpr *Via,
                                       const clang::VarDecl *Buf) const;

private:
  void compute();
  /// Whether \p FD reaches a jump to \p Buf from its entry before a fresh
  /// registration: the witness, or null.
  const clang::CallExpr *searchJump(const clang::FunctionDecl *FD,
                                    const clang::VarDecl *Buf);

  TranslationUnitModel &TU;
  std::vector<const clang::VarDecl *> Buffers;
  llvm::DenseMap<
      const clang::VarDecl *,
      llvm::SmallVector<
          std::pair<const clang::CallExpr *, const clang::FunctionDecl *>, 2>>
      Registrations;
  /// Per function and buffer, the witness call.
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, const clang::VarDecl *>,
                 const clang::CallExpr *>
      Jumps;
};

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_JMPBUFFACTS_H
