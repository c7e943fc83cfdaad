//===--- FunctionAnalysisDetail.h - the parts of FunctionAnalysis ---------===//
//
// Part of the shared setjmp/longjmp model.  Private to the files that
// implement FunctionAnalysis (FunctionAnalysis.cpp, RecoveryPaths.cpp): what
// it keeps per CFG element and per recover point, and the CFG walk they
// share.  Nothing outside the model includes it.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_FUNCTIONANALYSISDETAIL_H
#define RECOVER_TIDY_CHECKS_MODEL_FUNCTIONANALYSISDETAIL_H

#include "checks/model/TranslationUnitModel.h"

#include "clang/Analysis/CFG.h"

#include <climits>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace recover::model {

/// No index: a block no walk reached, a distance to no panic.
inline constexpr unsigned None = UINT_MAX;

/// What the model knows of one element that calls or writes; most elements
/// (the subexpressions the CFG lists one by one) have none, so these live
/// apart from Element and are allocated only for elements that need them.
struct FunctionAnalysis::Detail {
  /// A call of a recover function: registers a new recover point.
  bool Recover = false;
  /// Why this element may panic.
  std::optional<PanicStep> Panic;
  /// A call through a pointer inside a protected region: not a panic for
  /// state changes (IndirectCallsPanic), but not known to be safe either.
  bool IndirectInRegion = false;
  /// Whether it never returns; computed on first use.
  std::optional<bool> Never;
  /// Locations it writes (state or not), for kills.
  llvm::SmallVector<Location, 1> Writes;
  llvm::SmallVector<Change, 1> Changes;
  /// A call of a function of the translation unit whose effects are not
  /// resolved yet.
  const clang::CallExpr *EffectCall = nullptr;
};

struct FunctionAnalysis::Element {
  const clang::Stmt *S = nullptr;
  std::unique_ptr<Detail> D;
};

/// The facts of \p E, or none.
inline const FunctionAnalysis::Detail &
detailOf(const FunctionAnalysis::Element &E) {
  static const FunctionAnalysis::Detail Empty;
  return E.D ? *E.D : Empty;
}

/// The facts of \p E, made on first use.
inline FunctionAnalysis::Detail &makeDetail(FunctionAnalysis::Element &E) {
  if (!E.D)
    E.D = std::make_unique<FunctionAnalysis::Detail>();
  return *E.D;
}

struct FunctionAnalysis::RecoverPoint {
  const clang::CallExpr *Call = nullptr;
  CFGPoint At;
  /// Per block, the first element index inside the region; None if none.
  std::vector<unsigned> ProtectedFrom;
  /// Per block, the last element index inside the protected region: before
  /// the end of the block where a handler pop ends the region there.
  std::vector<unsigned> ProtectedTo;
  std::vector<unsigned> RecoveryFrom;
  bool isProtected(CFGPoint P) const {
    return ProtectedFrom[P.Block] <= P.Index && P.Index <= ProtectedTo[P.Block];
  }
  /// Whether the two could be told apart; if not, both are everything after
  /// the call.
  bool Split = false;
  /// Where the recovery path starts.
  llvm::SmallVector<CFGPoint, 2> RecoveryEntries;
};

namespace {
/// What a walk does after one statement.
enum class Step { Next, EndPath, Finish };
} // namespace

/// Walks the CFG breadth first from \p Entries: \p Visit sees each
/// statement position, each block from the earliest index any path reaches;
/// EndPath stops that path, Finish the walk.  Reaching the exit block calls
/// \p AtExit, which says whether to finish.  With \p ForwardOnly, a loop's
/// back edge is not followed: the walk stays in the current pass.
template <typename VisitFn, typename ExitFn>
void walkCFG(const std::vector<const clang::CFGBlock *> &Blocks,
             unsigned ExitID, llvm::ArrayRef<CFGPoint> Entries, VisitFn Visit,
             ExitFn AtExit, bool ForwardOnly = false) {
  std::vector<unsigned> Seen(Blocks.size(), None);
  std::deque<CFGPoint> Work(Entries.begin(), Entries.end());
  while (!Work.empty()) {
    CFGPoint Start = Work.front();
    Work.pop_front();
    if (Start.Block == ExitID) {
      if (AtExit())
        return;
      continue;
    }
    if (Start.Index >= Seen[Start.Block])
      continue;
    Seen[Start.Block] = Start.Index;
    const clang::CFGBlock *B = Blocks[Start.Block];
    bool Ended = false;
    for (unsigned I = Start.Index; I < B->size() && !Ended; ++I) {
      Step S = Visit(CFGPoint{Start.Block, I});
      if (S == Step::Finish)
        return;
      Ended = S == Step::EndPath;
    }
    if (Ended || (ForwardOnly && B->getLoopTarget()))
      continue;
    for (const clang::CFGBlock *Succ : B->succs())
      if (Succ)
        Work.push_back({Succ->getBlockID(), 0});
  }
}

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_FUNCTIONANALYSISDETAIL_H
