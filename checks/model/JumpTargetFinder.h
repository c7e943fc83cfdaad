//===--- JumpTargetFinder.h - the finder behind JumpTargets.h -------------===//
//
// Part of the shared setjmp/longjmp model; internal to JumpTargets*.cpp.
// The problems of checks/model/JumpTargets.h are found by one finder over
// the translation unit, in three files along two ideas:
//  - JumpTargets.cpp: the setjmp/longjmp calls, the call graph from a root,
//    and the CFG walks the two others share;
//  - JumpValues.cpp: what reaches a jump within its own function - the
//    value passed (zero), and what last set the buffer (nothing, a copy);
//  - JumpContexts.cpp: where a jump runs - under main before any setjmp, in
//    another thread, in a signal handler.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_JUMPTARGETFINDER_H
#define RECOVER_TIDY_CHECKS_MODEL_JUMPTARGETFINDER_H

#include "checks/model/JumpTargets.h"
#include "checks/model/TranslationUnitModel.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Casting.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CFGBlock;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace recover::model::jumps {

using clang::ASTContext;
using clang::CallExpr;
using clang::CFGBlock;
using clang::Expr;
using clang::FunctionDecl;
using clang::Stmt;
using clang::VarDecl;
using llvm::ArrayRef;
using llvm::DenseMap;
using llvm::dyn_cast;
using llvm::SmallVector;

/// Calls \p Visit for \p S and every statement below it.
void visitStmts(const Stmt *S, llvm::function_ref<void(const Stmt *)> Visit);
/// The function \p E names (`f`, `&f`, `(handler_t)f`), or null.
const FunctionDecl *referencedFunction(const Expr *E);
/// A finding of \p Kind at \p Jump, seen from \p From.
JumpFinding makeFinding(JumpFinding::KindTy Kind, const CallExpr *Jump,
                        std::string Buffer, const FunctionDecl *From);

/// What a statement means to a CFG walk looking for one kind of statement.
enum class Mark { None, Hit, Kill };
/// The first statement, breadth first on the paths from the entry of \p A's
/// function, that \p Classify marks Hit with no Kill before it on its path.
const Stmt *hitFromEntry(const FunctionAnalysis &A,
                         llvm::function_ref<Mark(const Stmt *)> Classify);
/// Walking back from just before \p From on every path of \p A's CFG: the
/// first statement that \p Classify marks Hit with no Kill between it and
/// \p From.  A path goes from a block to its predecessor only where
/// \p EdgeOpen(Pred, Succ) allows.
const Stmt *hitBackwards(
    const FunctionAnalysis &A, CFGPoint From,
    llvm::function_ref<Mark(const Stmt *)> Classify,
    llvm::function_ref<bool(const CFGBlock &, const CFGBlock &)> EdgeOpen);

/// A setjmp- or longjmp-family call and the buffer it names.
struct JumpCall {
  const CallExpr *Call = nullptr;
  const FunctionDecl *Function = nullptr;
  BufferName Buffer;
  /// A setjmp (registers) rather than a longjmp.
  bool Sets = false;
  /// For Sets: plain setjmp, or sigsetjmp with a constant 0 savemask: the
  /// signal mask is not saved.  For a jump: plain longjmp or _longjmp,
  /// which do not restore it.
  bool WithoutMask = false;
  /// For a jump: siglongjmp.
  bool SigJump = false;
};

/// One function reached through the call graph, and how.
struct Reached {
  const FunctionDecl *Function;
  /// The call by which it was first reached; null for the root.
  const CallExpr *Via;
  /// Index of the caller in the list; the root is its own parent.
  unsigned Parent;
};

/// A signal handler or thread start function and where it is installed.
struct Installed {
  const FunctionDecl *Function;
  const Stmt *Site;
};

class UseCollector;

/// Computes the findings; see the file comment.
class JumpTargetFinder {
public:
  JumpTargetFinder(TranslationUnitModel &TU, const Deallocators &ThreadStarts,
                   const Deallocators &SignalRegistrations)
      : TU(TU), Ctx(TU.context()), ThreadStarts(ThreadStarts),
        SignalRegistrations(SignalRegistrations) {}

  std::vector<JumpFinding> run();

private:
  void collectCalls();
  /// With \p Complete false (the translation unit has errors), only the
  /// value as written counts, not what reaches it.
  void checkZeroValues(const FunctionDecl *FD, const JumpCall &J,
                       bool Complete);
  void checkLocalBuffers(const FunctionDecl *FD, const JumpCall &J);
  void checkCopies(const FunctionDecl *FD, const JumpCall &J);
  /// The problems of where a jump runs (JumpContexts.cpp).
  void checkContexts();
  void checkStaticBuffersFromMain(const UseCollector &Uses);
  void checkThreads();
  void checkSignalHandlers(const UseCollector &Uses);

  /// Whether no code but setjmp/longjmp calls, library copies and
  /// assignments sees the address of the local \p V of \p FD: no callee
  /// can set it.
  bool confined(const FunctionDecl *FD, const VarDecl *V);
  /// Whether \p S writes into a buffer that \p Name is part of; sets
  /// \p IsCopy when it copies another jmp_buf there.
  bool writesInto(const Stmt *S, const BufferName &Name, bool &IsCopy) const;
  /// The functions reachable from \p Root through direct calls, breadth
  /// first in source order.
  std::vector<Reached> reachableFrom(const FunctionDecl *Root) const;
  /// The calls leading from the root of \p R to its element \p I.
  static SmallVector<const CallExpr *, 2> chainTo(ArrayRef<Reached> R,
                                                  unsigned I);
  /// The entries (thread starts, handlers) installed by calls of
  /// \p Functions, in source order.
  std::vector<Installed> installedBy(const Deallocators &Functions) const;
  /// The setjmp calls on \p Name, in source order.
  SmallVector<const JumpCall *, 2> setsOf(const BufferName &Name) const;
  const JumpCall *jumpCall(const Stmt *S) const {
    const auto *Call = dyn_cast<CallExpr>(S);
    auto It = Call ? Calls.find(Call) : Calls.end();
    return It == Calls.end() ? nullptr : &It->second;
  }
  void addChainNotes(JumpFinding &F, ArrayRef<Reached> R, unsigned I);

  TranslationUnitModel &TU;
  ASTContext &Ctx;
  const Deallocators &ThreadStarts;
  const Deallocators &SignalRegistrations;
  /// The setjmp/longjmp calls, and per function the ones in its body, in
  /// source order.
  DenseMap<const CallExpr *, JumpCall> Calls;
  llvm::MapVector<const FunctionDecl *, SmallVector<const CallExpr *, 2>>
      CallsIn;
  DenseMap<std::pair<const FunctionDecl *, const VarDecl *>, bool> Confined;
  /// Per function checked for copies: the buffers that something is copied
  /// into.
  DenseMap<const FunctionDecl *, SmallVector<BufferName, 1>> CopiesIn;
  std::vector<JumpFinding> Findings;
};

} // namespace recover::model::jumps

#endif // RECOVER_TIDY_CHECKS_MODEL_JUMPTARGETFINDER_H
