//===--- TranslationUnitModel.h - panics, recovery and effects per TU -----===//
//
// Part of the shared setjmp/longjmp model.
//
// Spec of the facts kept here, computed once per translation unit:
//  - Panics.  A call may panic when its callee is in the longjmp family or
//    PanicFunctions; is defined in the translation unit and can reach a panic
//    (a call-graph fixpoint, recursion included); is declared noreturn
//    outside system headers with no visible body (NoreturnIsPanic); has no
//    visible body, is not declared in a system header and is called inside a
//    protected region of the same function (UnknownCallsInRegionPanic); or is
//    made through a pointer (IndirectCallsPanic).  Other system-header
//    functions never panic, nor do NeverPanicFunctions.  A callee spelled
//    `(setup(), f)` or `*f` is f.  A call never returns when its callee is of
//    the longjmp family, is declared noreturn, or is a function of the
//    translation unit that can panic and has no path to a normal return; a
//    PanicFunctions entry may return.
//  - Recover points and regions, per function, over its CFG: the protected
//    region is what runs only after the call returned 0, the recovery path
//    what runs after it returned through a longjmp, to the function's exits.
//  - What recovery consumes: the locations read or written on any recovery
//    path of the translation unit, or in the bodies of the functions called
//    there.
//  - Effects: the state a call of a function leaves changed when it returns,
//    with writes through parameters mapped to the caller's arguments.
//
// Functions in system headers are not analysed.  A function whose CFG cannot
// be built is given up on: no reports in it, no effects from it.
//
// Where each idea lives: the panic fixpoint and the per-unit caches in
// TranslationUnitModel.cpp; one function's flow facts in
// FunctionAnalysis.cpp; what recovery paths access in RecoveryPaths.cpp;
// what recovery observes of a change in RecoveryFacts.cpp (set afresh,
// destroyed), DiscardContracts.cpp (error contracts), FrameRecords.cpp
// (records that live only in unwound frames; ObjectFlow.cpp: whether a
// call can hand such an object to a recovery), ValueStacks.cpp (slots of
// reset value stacks) and ProtectedCalls.cpp (error branches of protected
// calls).
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_TRANSLATIONUNITMODEL_H
#define RECOVER_TIDY_CHECKS_MODEL_TRANSLATIONUNITMODEL_H

#include "checks/model/StateModel.h"
#include "checks/model/Vocabulary.h"

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/PointerIntPair.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class SourceManager;
class Stmt;
class ValueDecl;
} // namespace clang

namespace recover::model {

/// Options of the model, shared by every check that uses it.
struct ModelOptions {
  bool NoreturnIsPanic = true;
  bool UnknownCallsInRegionPanic = true;
  bool IndirectCallsPanic = false;
  Deallocators Deallocation;
  /// AllocationFunctions: more functions that return fresh memory.
  NameSet Allocation;
  /// NeverPanicFunctions: functions that never longjmp, whatever the
  /// options above would assume of them.
  NameSet NeverPanic;
  /// DestroyFunctions: functions that the program's error contract calls
  /// after an error to destroy the objects their parameters point to
  /// (DiscardContracts.cpp).
  NameSet Destroy;
  /// HandlerPopFunctions: functions whose call takes down the handler that
  /// the caller's recover point registered (an end-of-try function), where
  /// their bodies do not show it.
  NameSet HandlerPop;
  bool neverPanics(const clang::FunctionDecl *FD) const;
  bool popsHandler(const clang::FunctionDecl *FD) const;
};

/// Why a call may panic.
enum class PanicReason : unsigned char {
  /// A callee of the longjmp family.
  PanicFunction,
  /// Declared noreturn, no body visible.
  Noreturn,
  /// No body visible, called in a protected region.
  UnknownInRegion,
  /// A call through a pointer (IndirectCallsPanic).
  Indirect,
  /// A function of the translation unit that can reach a panic.
  Callee,
  /// Named by PanicFunctions.
  ConfiguredPanic,
};

/// One step of the chain that shows how a panic can happen.
struct PanicStep {
  const clang::CallExpr *Call = nullptr;
  /// Null for indirect calls.
  const clang::FunctionDecl *Callee = nullptr;
  PanicReason Reason = PanicReason::PanicFunction;
};

/// A change of state that a function leaves behind when it returns.
struct Effect {
  Location Loc;
  /// When the change is through the function's pointer parameter: its index.
  int ParamIndex = -1;
  /// Where it happens: the innermost write, in this function's body or in
  /// the last of Via.
  const clang::Stmt *Site = nullptr;
  /// The calls from this function down to the function that writes, in
  /// order; empty when this function writes itself.
  llvm::SmallVector<const clang::FunctionDecl *, 2> Via;
  /// A handler push or pop rather than a state change.
  bool Handler = false;
};

/// How a state change is made.  Handler is a store that pushes or pops an
/// error handler: not a state change, but a write that callers must see.
enum class ChangeKind : unsigned char { Write, Library, Free, Call, Handler };

/// A candidate state change at one CFG element.
struct Change {
  ChangeKind Kind = ChangeKind::Write;
  Location Loc;
  /// The expression written (Write, Library) or freed (Free).
  const clang::Expr *Target = nullptr;
  /// For Call: the callee and the write inside it, made by the last of Via
  /// (the callee's own calls down to the writer) or by the callee itself.
  const clang::FunctionDecl *Callee = nullptr;
  const clang::Stmt *InnerSite = nullptr;
  llvm::SmallVector<const clang::FunctionDecl *, 2> Via;
  /// For Call, when the callee writes through its pointer parameter: the
  /// argument passed for it.
  const clang::Expr *Argument = nullptr;
  int ParamIndex = -1;
  /// See Target::FrameLocal: only a panic inside this function's protected
  /// regions can leave it behind, and callers never see it.
  bool FrameLocal = false;
  /// For FrameLocal: the local.
  const clang::VarDecl *FrameVar = nullptr;
};

/// A position in a CFG.
struct CFGPoint {
  unsigned Block = 0;
  unsigned Index = 0;
};

class TranslationUnitModel;
class JmpBufFacts;
class ProgramSummary;

/// The flow facts of one function, over its CFG.
class FunctionAnalysis {
public:
  /// One CFG element and, for those that call or write, its facts.
  struct Detail;
  struct Element;

  /// Builds the analysis; null when the CFG cannot be built.
  static std::unique_ptr<FunctionAnalysis> create(const clang::FunctionDecl &FD,
                                                  TranslationUnitModel &TU);
  ~FunctionAnalysis();

  const clang::FunctionDecl &function() const { return FD; }
  const clang::CFG &cfg() const { return *Cfg; }

  /// The statement at \p P.
  const clang::Stmt *stmtAt(CFGPoint P) const;
  /// The candidate state changes of the element at \p P, in order; for a
  /// call, the effects of the callee (computed on first use).
  llvm::ArrayRef<Change> changesAt(CFGPoint P);
  /// Every point with candidate changes, in CFG order.
  llvm::ArrayRef<CFGPoint> changePoints() const { return ChangePoints; }

  /// The first possible panic on a path from just after \p From that does
  /// not first pass a recover point of this function or a write of \p Loc
  /// (any location when \p Loc is invalid).  With \p IndirectInRegion, a
  /// call through a pointer inside a protected region counts too: it is not
  /// known to be safe.  With \p RegionOnly, only panics inside a protected
  /// region of this function count (they land in this frame).  With
  /// \p SameBuffer, only a recover point on the same jmp_buf as that call
  /// ends a path: a setjmp on another buffer registers another handler and
  /// leaves this one's registration as it was.
  std::optional<std::pair<CFGPoint, PanicStep>>
  panicAfter(CFGPoint From, Location Loc, bool IndirectInRegion = false,
             bool RegionOnly = false,
             const clang::CallExpr *SameBuffer = nullptr);
  /// Asked once panicAfter() found the panic at \p Panic that can follow
  /// \p From before \p Loc is written again: the statement that completes
  /// the update that the change at \p From begins, or null.  That is a later
  /// write of \p Loc on a path from just after \p From, in the same pass
  /// (no loop back edge, not \p From again, no recover point), from which
  /// \p Panic cannot be reached but through \p From again: past the panic
  /// (`flag = 1; work(); flag = 0;`) or on the path that avoids it (`if (!ok)
  /// fail(); mark = 2;`), not an update of its own on the way to it.  For a
  /// field, only a write to the same object counts: \p Written is the lvalue
  /// written at \p From (null for a change made by a call, whose object is not
  /// known here). Freeing a local that holds the value the change replaced
  /// completes it too (`old = s->buf; s->buf = copy; ...; free(old);`), and
  /// with
  /// \p OtherPart, a write of the same object for whose lvalue it holds
  /// (`s->len = n; ...; s->buf = copy;`).
  const clang::Stmt *completedAfterPanic(
      CFGPoint From, CFGPoint Panic, Location Loc, const clang::Expr *Written,
      llvm::function_ref<bool(const clang::Expr *)> OtherPart = nullptr);
  /// When \p S frees a local that holds a copy of \p Loc (`free(old)` after
  /// `old = s->buf;`), that local: freeing it completes the replacement of
  /// \p Loc's value.
  const clang::VarDecl *freesReplaced(const clang::Stmt *S, Location Loc) const;
  /// Whether \p To can be reached from just after \p From, loops included,
  /// before \p Barrier, a recover point or a call that never returns.
  bool reachesBefore(CFGPoint From, CFGPoint To, const clang::Stmt *Barrier);
  /// Whether some path from this function's entry reads \p Loc before it
  /// writes it: directly, through a compound assignment, by taking its
  /// address, or in a call of a function of the translation unit that
  /// refers to it.  When not, each run of the function sets \p Loc afresh
  /// before it uses it (see RecoveryFacts.cpp).
  bool readBeforeWritten(Location Loc) const;
  /// Whether the change \p C at \p P sets its location afresh on every run
  /// of this function: a plain assignment to a variable, or to a field of
  /// an object that every run names alike, whose location the function
  /// never reads before writing it (see RecoveryFacts.cpp).
  bool setAfreshEachRun(CFGPoint P, const Change &C) const;
  /// Whether a panic can happen in this function before it writes \p Loc.
  bool panicsBeforeWriting(Location Loc);
  /// Whether every path from just after \p From ends in a call that never
  /// returns (a panic, abort, exit).
  bool endsInPanic(CFGPoint From);
  /// Whether some path from the entry returns normally.
  bool canReturn();

  /// Whether code on the recovery path of a recover point whose protected
  /// region holds \p P can see local \p V: \p V is in scope at that
  /// recover point, and the recovery path names \p V or calls a function
  /// outside the system headers (which may reach it through its escaped
  /// address).
  bool recoveryCanSee(const clang::VarDecl *V, CFGPoint P) const;
  /// Whether the object that the change \p C at \p P writes is destroyed
  /// on the recovery path of a recover point whose protected region holds
  /// \p P (see RecoveryFacts.cpp).
  bool discardedByRecovery(CFGPoint P, const Change &C) const;
  /// Whether the change \p C writes a field of a record that the program's
  /// error contract destroys (DestroyFunctions) and leaves it consistent
  /// for the destroyer; \p CompletedBy as for observedAfterRecovery() (see
  /// DiscardContracts.cpp).
  /// When it finds the update torn by a later write of another field of the
  /// same object, it sets \p CompletedBy to that write.
  bool discardedByContract(CFGPoint P, CFGPoint Panic, const Change &C,
                           const clang::Stmt *&CompletedBy);
  /// Whether the change \p C at \p P sets a location afresh that the entry
  /// of every run sets afresh too: a function that a protected region calls
  /// directly, in this translation unit or, through \p Summary, in the
  /// program (see RecoveryFacts.cpp).  Not when \p C stores fresh memory.
  bool setAfreshByEntry(CFGPoint P, const Change &C,
                        const ProgramSummary *Summary) const;
  /// Whether the object that the change \p C writes is of a frame-only
  /// record type (FrameRecords.cpp): by this translation unit's facts or
  /// by \p Summary's.
  bool inFrameOnlyRecord(const Change &C, const ProgramSummary *Summary) const;
  /// Whether the change \p C writes a slot of a value stack whose top
  /// pointer the entry of every run sets afresh, through that pointer
  /// (ValueStacks.cpp): by this translation unit's facts or by \p Summary's.
  bool inResetStack(const Change &C, const ProgramSummary *Summary) const;
  /// Whether something can observe the change \p C at \p P half-done after
  /// the recovery the program performs: the default report's question.
  /// \p CompletedBy is the statement that completes the update that \p C
  /// begins, when it is torn (completedAfterPanic()), or null.
  /// \p Panic is the panic that can follow \p P.  \p CompletedBy may be
  /// set to a later write that tears the update (discardedByContract()).
  bool observedAfterRecovery(CFGPoint P, CFGPoint Panic, const Change &C,
                             const clang::Stmt *&CompletedBy,
                             const ProgramSummary *Summary);
  /// The location that statement \p S writes directly, as the model names
  /// it; invalid when \p S writes nothing.
  Location writtenLocation(const clang::Stmt *S) const;
  /// A recover point of this function whose protected region holds \p P.
  const clang::CallExpr *protectingRecoverPoint(CFGPoint P) const;
  /// Locations read or written on this function's recovery paths, those
  /// of them given a value by a plain assignment there, and the functions
  /// called there.
  void recoveryAccesses(
      llvm::DenseSet<Location> &Locs, llvm::DenseSet<Location> &Assigned,
      llvm::SmallVectorImpl<const clang::FunctionDecl *> &Callees) const;
  /// The state changes this function leaves behind when it returns.
  const std::vector<Effect> &effects();

  /// The frame facts (escapes, local pointers) of this function.
  const FrameFacts &facts() const { return Facts; }
  /// The first point, in CFG order, whose statement is \p S.
  std::optional<CFGPoint> pointOf(const clang::Stmt *S) const;
  /// Calls \p Visit for every statement of the CFG, in CFG order.
  void forEachElement(
      llvm::function_ref<void(CFGPoint, const clang::Stmt *)> Visit) const;
  /// The recover-point calls of this function, in CFG order.
  unsigned numRecoverPoints() const;
  const clang::CallExpr *recoverPointCall(unsigned I) const;
  /// Calls \p Visit for every statement on the recovery path of recover
  /// point \p I; false, visiting nothing, when the protected region and the
  /// recovery path cannot be told apart (a stored or switched-on result).
  bool forEachOnRecoveryPath(
      unsigned I, llvm::function_ref<void(const clang::Stmt *)> Visit) const;
  /// Whether \p P is in the protected region of some recover point.
  bool inProtectedRegion(CFGPoint P) const;
  /// The functions that the protected regions of this function call or
  /// name (a callback handed over there), in CFG order, each once.
  std::vector<const clang::FunctionDecl *> namedInProtectedRegions() const;
  /// Whether \p P is in the protected region of recover point \p I.
  bool inProtectedRegionOf(unsigned I, CFGPoint P) const;
  /// The first read of \p V on the recovery path of recover point \p I that
  /// no assignment of \p V precedes.
  std::optional<CFGPoint> readOnRecoveryPath(unsigned I,
                                             const clang::VarDecl *V) const;
  /// The first statement on any path from the function's entry that
  /// \p Match accepts, as firstAfter() finds it.
  std::optional<std::pair<const clang::Stmt *, const clang::CallExpr *>>
  firstFromEntry(
      llvm::function_ref<bool(const clang::Stmt *)> Match,
      llvm::function_ref<bool(const clang::Stmt *)> EndsPath = nullptr) const;
  /// Whether every path from the function's entry to \p P passes one of
  /// \p Sites (statements of this function) before it.
  bool passedOnEveryPath(CFGPoint P,
                         llvm::ArrayRef<const clang::Stmt *> Sites) const;
  /// The first statement after \p From, on any path, that \p Match
  /// accepts; breadth first.  A statement that \p EndsPath accepts ends
  /// the path it is on.
  std::optional<std::pair<const clang::Stmt *, const clang::CallExpr *>>
  firstAfter(
      CFGPoint From, llvm::function_ref<bool(const clang::Stmt *)> Match,
      llvm::function_ref<bool(const clang::Stmt *)> EndsPath = nullptr) const;
  /// The first path from just after \p From to the function's exit that does
  /// not write \p Loc, call something that never returns or call one of the
  /// HandlerPopFunctions: the statement
  /// that leaves (a return, break, continue or goto passed on the way), or
  /// null when the path falls off the end of the function.  None when no
  /// such path exists.
  std::optional<const clang::Stmt *> exitWithout(CFGPoint From, Location Loc);

private:
  /// Whether no code that runs between two runs can see the intermediate
  /// value of a torn update \p C of a location set afresh by every run:
  /// \p CompletedBy writes the same variable or field again, and no
  /// function outside every protected region of \p Summary's program names
  /// it (in this translation unit).
  bool tornValueUnseen(const Change &C, const clang::Stmt *CompletedBy,
                       const ProgramSummary *Summary);
  FunctionAnalysis(const clang::FunctionDecl &FD, TranslationUnitModel &TU,
                   std::unique_ptr<clang::CFG> Cfg);
  struct RecoverPoint;
  void findRecoverPoints();
  void classifyElements();
  void classifyCall(const clang::CallExpr &Call, CFGPoint P, Element &E);
  void classifyWrite(const clang::Expr *LHS, const clang::Expr *RHS, CFGPoint P,
                     Element &E);
  /// Whether \p T is state at \p P: for memory reached through a fresh
  /// pointer, only where an escape of that pointer can have come first.
  bool isStateAt(const Target &T, CFGPoint P);
  bool writes(CFGPoint P, Location Loc);
  bool neverReturns(CFGPoint P);
  std::optional<std::pair<CFGPoint, PanicStep>>
  searchPanic(CFGPoint From, Location Loc, bool IndirectInRegion,
              bool RegionOnly, const clang::CallExpr *SameBuffer);
  /// Whether the exit can be reached from just after \p From without a call
  /// that never returns or, when \p Loc is valid, a write of \p Loc.
  bool exitReachable(CFGPoint From, Location Loc);
  Element &element(CFGPoint P);
  /// Blocks reachable from \p Entries without passing \p Barrier, with the
  /// index each starts from.
  void reach(llvm::ArrayRef<CFGPoint> Entries, CFGPoint Barrier,
             std::vector<unsigned> &From, std::vector<unsigned> *To = nullptr,
             llvm::function_ref<bool(CFGPoint)> EndsAfter = nullptr) const;

  const clang::FunctionDecl &FD;
  TranslationUnitModel &TU;
  std::unique_ptr<clang::CFG> Cfg;
  /// The CFG's blocks by ID.
  std::vector<const clang::CFGBlock *> Blocks;
  FrameFacts Facts;
  std::vector<std::vector<Element>> Elements;
  std::vector<RecoverPoint> RecoverPoints;
  std::vector<CFGPoint> ChangePoints;
  std::optional<std::vector<Effect>> Effects;
  /// Per fresh pointer: the points (numbered block by block) that one of
  /// its escapes reaches before the pointer is given a new value (true),
  /// or at all (false, for writes through its cursors).
  llvm::DenseMap<llvm::PointerIntPair<const clang::VarDecl *, 1, bool>,
                 llvm::BitVector>
      FreshEscaped;
  /// Where each block's points start in that numbering; filled on first use.
  std::vector<unsigned> PointOffsets;
  std::optional<bool> CanReturn;
  /// Location-free reachability per block, computed once by blockFacts():
  /// whether the exit, or a panic, can be reached from the block's start.
  /// Searches for the location-free questions scan only their own block and
  /// read the successors' answers here, instead of walking the CFG for every
  /// state change (quadratic in large functions).
  struct BlockFact {
    bool ExitFromStart = false;
    bool PanicFromStart = false;
  };
  std::vector<BlockFact> BlockFacts;
  bool BlockFactsReady = false;
  bool ComputingBlockFacts = false;
  /// Computes the block facts once; false while they are being computed (a
  /// recursive call can ask again), when the caller must walk instead.
  bool blockFacts();
  /// In block \p B from index \p I: 1 if a panic comes before anything that
  /// ends a panic search, 0 if such a stop comes first, -1 if neither.
  int panicInBlock(unsigned B, unsigned I);
  /// Whether some element of block \p B from index \p I never returns.
  bool neverInBlock(unsigned B, unsigned I);
  /// Whether a panic (of the location-free kind) can follow \p From.
  bool anyPanicAfter(CFGPoint From);
  bool ComputingEffects = false;
};

/// The key by which the program summary names the location that the lvalue
/// \p LValue designates, when another translation unit can name the same
/// one: a variable with static storage (`name`, `name@file` with internal
/// linkage), or a field of what a parameter points to (`record.field`).
std::optional<std::string> entryKey(const clang::Expr *LValue,
                                    const clang::SourceManager &SM);
/// The key of a location that a call changes: a variable as above, a field
/// by `record.field` (the object is not known at the call).
std::optional<std::string> entryKey(const Location &Loc,
                                    const clang::SourceManager &SM);

/// What one function does at the top of its body to the locations that
/// entry keys name, in key order: the keys it sets afresh (a plain
/// assignment at the top level before anything names the location), and
/// the keys it names before setting them afresh, or without (it uses what
/// was there).  Facts of the functions that protected regions call.
struct EntryFacts {
  std::vector<std::string> Afresh;
  std::vector<std::string> ReadFirst;
};

/// The facts of a translation unit about which record types live only in
/// stack frames (FrameRecords.cpp).
struct FrameRecordFacts {
  /// Records with an automatic instance whose function does not look at
  /// it after a call has been given its address.
  llvm::DenseSet<const clang::RecordDecl *> Frame;
  /// A call given the address of an instance: of \c Callee (null: through
  /// a pointer), as the arguments \c Args (none: the call reaches the
  /// instance through a registration in outliving state).
  struct CallGiven {
    const clang::FunctionDecl *Callee;
    std::optional<llvm::SmallVector<unsigned, 1>> Args;
  };
  /// An automatic instance of record \c Held in function \c In, which
  /// looks at it after a call of \c Callee (null: through a pointer) has
  /// been given its address, as \c Args: frame-only only if that call
  /// cannot hand the instance on to a recovery below it
  /// (TranslationUnitModel::mayHandToRecovery()).
  struct LookedAtAfter {
    const clang::RecordDecl *Held = nullptr;
    const clang::FunctionDecl *In = nullptr;
    const clang::FunctionDecl *Callee = nullptr;
    std::optional<llvm::SmallVector<unsigned, 1>> Args;
    /// The fields of the instance that the function names after the call
    /// (`p.buff`, `(&p.buff)->buffer`); every field when \c Whole.
    llvm::SmallVector<const clang::FieldDecl *, 2> Fields;
    bool Whole = true;
  };
  std::vector<LookedAtAfter> FrameIn;
  /// Records with an instance that is not in a frame, or whose address
  /// escapes.
  llvm::DenseSet<const clang::RecordDecl *> NonFrame;
  /// (R, S, F): an object of type R lives in, or is pointed to by, field F
  /// of record S; R is frame-only only if S is (within one translation
  /// unit), or if nothing looks at S's field F after a recovery (across
  /// them).
  llvm::DenseSet<
      std::tuple<const clang::RecordDecl *, const clang::RecordDecl *,
                 const clang::FieldDecl *>>
      Within;
  /// Records that a function with external linkage takes or returns a
  /// pointer to: other translation units may hand it objects of their own.
  llvm::DenseSet<const clang::RecordDecl *> Exposed;
};

/// The lvalue that statement \p S writes directly: the left side of an
/// assignment, the operand of an increment or decrement, a library call's
/// destination (memcpy's first argument); null otherwise.
const clang::Expr *writtenLValue(const clang::Stmt *S);

/// The lvalue that the change \p C writes or frees: in the callee for a
/// call-made change; null when the callee's write is not an lvalue.
const clang::Expr *changedLValue(const Change &C);

/// The pointer through which lvalue \p LValue reaches the memory it
/// designates: `p` for `p->f`, `p[i]`, `*p` and `p->a.b`, and `s->in`'s
/// `s` for `s->in.buf[2]`; null when \p LValue is a variable's own storage
/// or a part of it.  \p Enclosing, if given, sees each record that the
/// memory is embedded in on the way, innermost first (`in`'s record, then
/// `s`'s for `s->in.buf[2]`).
const clang::Expr *dereferencedPointer(
    const clang::Expr *LValue,
    llvm::function_ref<void(const clang::RecordDecl *)> Enclosing = nullptr);

/// Whether a call of \p Callee (known, with no body here) cannot return
/// through a recovery: it never returns, is one of the PanicFunctions, or
/// is the C library's.
bool neverReturnsThroughRecovery(const clang::FunctionDecl &Callee,
                                 const Vocabulary &Vocab,
                                 const clang::SourceManager &SM);

/// Where the targets of one function's pointer parameters go
/// (ObjectFlow.cpp).
struct ObjectFlow {
  /// Per parameter (bit I for the I-th of the first 64), whether the
  /// function itself hands its target on to a function that recovers, or
  /// lets it go where no call can be followed.
  uint64_t Escapes = 0;
  /// The target of parameter \c Param is given to the call of \c Callee
  /// (canonical; its body may be elsewhere) as its argument \c Arg.
  struct Call {
    unsigned Param;
    const clang::FunctionDecl *Callee;
    unsigned Arg;
    bool operator<(const Call &O) const {
      return std::tie(Param, Arg, Callee) < std::tie(O.Param, O.Arg, O.Callee);
    }
    bool operator==(const Call &O) const {
      return Param == O.Param && Callee == O.Callee && Arg == O.Arg;
    }
  };
  llvm::SmallVector<Call, 4> Calls;
  /// The target of parameter \c Param is given, as argument \c Arg, to a
  /// call through the function's parameter \c Through, which it never
  /// assigns: the functions its callers pass there receive it.
  struct ParameterCall {
    unsigned Param;
    unsigned Through;
    unsigned Arg;
    bool operator<(const ParameterCall &O) const {
      return std::tie(Param, Through, Arg) <
             std::tie(O.Param, O.Through, O.Arg);
    }
    bool operator==(const ParameterCall &O) const {
      return Param == O.Param && Through == O.Through && Arg == O.Arg;
    }
  };
  llvm::SmallVector<ParameterCall, 2> ParameterCalls;
  /// Whether the function itself lets parameter \p Param's target go.
  bool handsOn(unsigned Param) const {
    return Param >= 64 || (Escapes >> Param & 1);
  }
  /// Whether the target may go where this translation unit cannot follow:
  /// handed on, or given to a call through a parameter (which only the
  /// program summary resolves, from what the callers pass).
  bool escapes(unsigned Param) const {
    return handsOn(Param) ||
           llvm::any_of(ParameterCalls, [Param](const ParameterCall &C) {
             return C.Param == Param;
           });
  }
};

/// Facts about one translation unit, built once and shared by the checks.
class TranslationUnitModel final : public FreshCallees {
public:
  TranslationUnitModel(clang::ASTContext &Ctx, const Vocabulary &Vocab,
                       const ModelOptions &Options);
  ~TranslationUnitModel();

  clang::ASTContext &context() const { return Ctx; }
  const Vocabulary &vocabulary() const { return Vocab; }
  const ModelOptions &options() const { return Options; }

  /// Functions defined outside system headers, in source order.
  llvm::ArrayRef<const clang::FunctionDecl *> functions() const {
    return Functions;
  }
  /// Whether \p FD calls a recover function.
  bool recovers(const clang::FunctionDecl *FD) const;
  /// Whether \p FD stores the address of a local jmp_buf (or of a local
  /// holding one) somewhere; a cheap test before building its CFG.
  bool storesLocalHandler(const clang::FunctionDecl *FD) const;
  /// Whether a call of \p FD takes down the handler its caller registered:
  /// it is named by HandlerPopFunctions, or its body (or a callee's, a few
  /// calls down) pops a handler (isHandlerPop) without registering one of
  /// its own.
  bool popsHandler(const clang::FunctionDecl *FD) const;
  /// The calls in \p FD's body, in source order, with their canonical
  /// callees (null for calls through pointers).
  llvm::ArrayRef<
      std::pair<const clang::CallExpr *, const clang::FunctionDecl *>>
  calls(const clang::FunctionDecl *FD) const;
  /// Whether \p FD can reach a panic (the fixpoint).
  bool canPanic(const clang::FunctionDecl *FD) const;
  /// Whether any call in \p FD may panic, counting unknown calls when \p FD
  /// recovers itself; a cheap test before building its CFG.
  bool mayPanicInside(const clang::FunctionDecl *FD) const;
  /// Why a call inside \p FD's body may panic: the shortest chain's first
  /// step, in source order among equals.
  std::optional<PanicStep> witness(const clang::FunctionDecl *FD) const;

  /// Whether \p Call may panic; \p InRegion says whether it is inside a
  /// protected region of its function.
  std::optional<PanicStep> mayPanic(const clang::CallExpr &Call,
                                    bool InRegion) const;
  /// Whether \p Call never returns: it must panic or ends the program.
  bool neverReturns(const clang::CallExpr &Call);

  /// The analysis of \p FD, built on first use; null when \p FD has no body
  /// here or cannot be modelled.
  FunctionAnalysis *analysis(const clang::FunctionDecl *FD);
  /// Whether some recovery path reads or writes \p Loc: the recovery path
  /// of a recover point, or an error branch of a protected call.
  bool consumedByRecovery(Location Loc);
  /// The entry keys (entryKey()) of the locations that some recovery path
  /// gives a value by a plain assignment, sorted: what this translation
  /// unit's recovery restores, for the program summary.  (A location that
  /// recovery only reads, or changes otherwise, is consumed there, which
  /// excuses changes of the same translation unit only.)
  std::vector<std::string> recoveryKeys();
  /// Whether \p FD is a protected-call wrapper: it recovers, and its
  /// recovery path returns a value, the status (ProtectedCalls.cpp).
  bool returnsRecoveryStatus(const clang::FunctionDecl *FD);
  /// The branches of \p FD that run when a protected-call wrapper it calls
  /// reports an error (ProtectedCalls.cpp).
  void errorBranches(const clang::FunctionDecl *FD,
                     llvm::SmallVectorImpl<const clang::Stmt *> &Branches);
  /// Whether \p FD, or a function of the translation unit that it calls,
  /// names the variable or field \p D.
  bool refersTo(const clang::FunctionDecl *FD, const clang::ValueDecl *D);
  /// What \p FD, defined here, does at the top of its body to locations
  /// with entry keys (see EntryFacts).
  const EntryFacts &entryFacts(const clang::FunctionDecl *FD);
  /// Whether a function that a protected region of this translation unit
  /// calls directly sets the location with entry key \p Key afresh.
  bool setAfreshByLocalEntry(llvm::StringRef Key);
  /// The entry keys of the pointers that this translation unit moves by
  /// `++`, `--`, `+=` or `-=`: the tops of stacks (ValueStacks.cpp).
  const llvm::StringSet<> &movedPointers();
  /// Whether a function of this translation unit that runs outside every
  /// protected region of the program (\p Summary says which) names the
  /// variable or field \p D in its own body: code that can read \p D
  /// between two runs.
  bool namedOutsideRecovery(const clang::ValueDecl *D,
                            const ProgramSummary &Summary);
  /// Whether \p Fn, defined here, frees what its parameter \p Index points
  /// to: passes it (or a local holding it) to a deallocator, or to a
  /// function that does so, up to a few calls deep.
  bool destroysParameter(const clang::FunctionDecl *Fn, unsigned Index,
                         unsigned Depth = 0);
  /// Whether \p F is a field of a record that a function named by
  /// DestroyFunctions destroys, or that such a record holds or points to.
  bool inDiscardedRecord(const clang::FieldDecl *F);
  /// Whether the destroy path reads \p F, a field of a discarded record: a
  /// destroy function defined here names it, or one defined elsewhere
  /// frees what it owns (see DiscardContracts.cpp).
  bool readByDestroyer(const clang::FieldDecl *F);
  /// The facts about records that live only in stack frames, computed on
  /// first use (FrameRecords.cpp).
  const FrameRecordFacts &frameRecordFacts();
  /// Whether \p FD can reach a function that recovers through its calls, as
  /// far as this translation unit shows (a call of a function defined
  /// elsewhere may).
  bool mayReachRecovery(const clang::FunctionDecl *FD);
  /// Whether a call of \p FD may hand what its parameter \p Param points
  /// to on to a function that recovers, so that a recovery below the call
  /// may see that memory half-done (ObjectFlow.cpp).
  bool mayHandToRecovery(const clang::FunctionDecl *FD, unsigned Param);
  /// Whether the call of \p Use may hand the instance it is given on to a
  /// function that recovers.
  bool mayHandToRecovery(const FrameRecordFacts::LookedAtAfter &Use);
  /// Where the targets of the pointer parameters of \p Def (a definition
  /// here) go, computed on first use.
  const ObjectFlow &objectFlow(const clang::FunctionDecl *Def);
  /// Whether the function declaring \p Param assigns it, increments it or
  /// takes its address anywhere: then it no longer holds only what the
  /// callers passed.  Computed once per function.
  bool reassigned(const clang::ParmVarDecl *Param);
  /// Adds the object-flow facts of this translation unit, as program facts:
  /// `hands F I` (F hands its parameter I's target on), `pass F I G J`
  /// (F gives it to G as argument J) and `ppass F I K J` (F gives it as
  /// argument J to a call through its parameter K).
  void objectFlowKeys(std::set<std::string> &Facts);
  /// Whether \p RD, defined in the main file, is frame-only by this
  /// translation unit's facts.
  bool frameOnlyHere(const clang::RecordDecl *RD);
  /// Adds the frame-record facts of this translation unit, as program facts.
  void frameRecordKeys(std::set<std::string> &Facts);
  /// Who registers each global jmp_buf and who jumps to it, computed on
  /// first use.
  const JmpBufFacts &jmpBufs();
  /// FreshCallees: allocatesFreshMemory or a constructor defined here
  /// (FreshMemory.h's returnsFreshMemory); decided once per callee.
  bool returnsFreshMemory(const clang::CallExpr &Call) override;
  /// FreshCallees: any callee but one defined here that keeps nothing of
  /// that parameter (keepsParameter); decided once per callee and index.
  bool mayKeepArgument(const clang::CallExpr &Call, unsigned Index) override;
  /// The body of \p FD if the model knows it (defined here, not in a system
  /// header).
  const clang::FunctionDecl *definition(const clang::FunctionDecl *FD) const;

private:
  struct FunctionInfo;
  void summarise();
  /// mayPanic(), counting the calls ruled out by their constants only when
  /// \p Rulings is set (the fixpoint's own walks make their own rulings).
  std::optional<PanicStep> panicStep(const clang::CallExpr &Call, bool InRegion,
                                     bool Rulings) const;
  bool inSystemHeader(const clang::Decl *D) const;

  clang::ASTContext &Ctx;
  const Vocabulary &Vocab;
  const ModelOptions &Options;
  std::vector<const clang::FunctionDecl *> Functions;
  llvm::DenseMap<const clang::FunctionDecl *, FunctionInfo> Info;
  /// The answers of returnsFreshMemory() and mayKeepArgument(); while one
  /// is being decided, the safe one (a recursion does not count).
  llvm::DenseMap<const clang::FunctionDecl *, bool> FreshReturns;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, bool>
      KeptParameters;
  /// Calls whose constant arguments keep their callee from every panic
  /// (ConstantArguments.h): no panic edge of the fixpoint.
  llvm::DenseSet<const clang::CallExpr *> RuledOut;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionAnalysis>>
      Analyses;
  llvm::DenseSet<const clang::FunctionDecl *> Building;
  /// What the recovery paths and error branches of protected calls access.
  struct RecoveryAccess {
    /// Every location they read or write.
    llvm::DenseSet<Location> Accessed;
    /// Of those, the ones they give a value by a plain assignment.
    llvm::DenseSet<Location> Assigned;
  };
  std::optional<RecoveryAccess> Recovery;
  /// Per function: the variables and fields its body names, and the
  /// functions of the translation unit it calls (refersTo()).
  struct References {
    llvm::DenseSet<const clang::ValueDecl *> Named;
    llvm::SmallVector<const clang::FunctionDecl *, 4> Callees;
  };
  llvm::DenseMap<const clang::FunctionDecl *, References> Refs;
  llvm::DenseMap<const clang::FunctionDecl *, EntryFacts> Entries;
  std::optional<llvm::StringSet<>> LocalEntryKeys;
  std::optional<llvm::StringSet<>> MovedPointers;
  std::optional<llvm::DenseSet<const clang::ValueDecl *>> NamedOutside;
  const References &references(const clang::FunctionDecl *FD);
  const RecoveryAccess &recoveryAccess();
  std::unique_ptr<JmpBufFacts> JmpBufs;
  /// The records that DestroyFunctions discard (true: by a destroy
  /// function whose body is not here), those defined here, and the fields
  /// the translation unit treats as owning memory.
  struct DiscardFacts {
    llvm::DenseMap<const clang::RecordDecl *, bool> Records;
    llvm::SmallVector<const clang::FunctionDecl *, 2> Destroyers;
    llvm::DenseSet<const clang::FieldDecl *> Owning;
  };
  std::optional<DiscardFacts> Discard;
  DiscardFacts findDiscardedRecords();
  const DiscardFacts &discardFacts();
  std::optional<FrameRecordFacts> FrameRecords;
  std::optional<llvm::DenseSet<const clang::FunctionDecl *>> ReachesRecovery;
  llvm::DenseMap<const clang::RecordDecl *, bool> FrameOnlyHere;
  llvm::DenseMap<const clang::FunctionDecl *, ObjectFlow> ObjectFlows;
  /// Per function seen by reassigned(): its reassigned parameters.
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::DenseSet<const clang::ParmVarDecl *>>
      ReassignedParams;
  /// mayHandToRecovery()'s answers, per definition and parameter.
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, bool>
      HandsToRecovery;
  /// popsHandler, uncached.
  bool findsHandlerPop(const clang::FunctionDecl *FD) const;
  /// popsHandler's answers: asked at every call of every protected region.
  mutable llvm::DenseMap<const clang::FunctionDecl *, bool> PopsHandlerCache;
  /// returnsRecoveryStatus(), per definition.
  llvm::DenseMap<const clang::FunctionDecl *, bool> StatusWrappers;
};

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_TRANSLATIONUNITMODEL_H
