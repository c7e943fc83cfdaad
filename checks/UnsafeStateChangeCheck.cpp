//===--- UnsafeStateChangeCheck.cpp - recover-unsafe-state-change ---------===//
//
// Spec.  A state change S in function F (see checks/model/StateModel.h for
// what state is) is reported when, on some path of F's CFG from S (back
// edges and later calls included), a possible panic follows before F
// registers a new recover point.  It is not reported when
//   1. every path from S ends in a call that never returns (S only hands an
//      error to the handler), unless ReportPanicOnlyWrites or S is a free;
//   2. every path from S to a panic writes the same location again first;
//   3. S puts back a value saved from the same location earlier in F;
//   4. code on a recovery path of the translation unit, or in the error
//      branch of a protected call (ProtectedCalls.cpp), reads or writes the
//      same location (it undoes or consumes the change); with a program
//      summary, such code anywhere in the program -- unless S frees what
//      the location points to: then that code frees it again or reads
//      freed memory;
//   5. the location's name matches IgnoredState;
//   6. a program summary (ProgramSummary, see checks/model/ProgramSummary.h)
//      lists F as run under no recover point, and the panic is not inside
//      one of F's own protected regions: it ends the program;
//   7. unless AuditMode, nothing observes S half-done after the recovery
//      (FunctionAnalysis::observedAfterRecovery, RecoveryFacts.cpp): the
//      recovery path destroys its object, the error contract destroys it
//      and leaves what the destroyer reads consistent (DiscardContracts.cpp),
//      its record type lives only in frames a jump unwinds
//      (FrameRecords.cpp),
//      S is an output of a call that reports failure, or a run sets it
//      afresh -- a torn update (F completes it later in the same pass) only
//      when the recovery or the error contract destroys it unread.
// An escaped local of F counts only while F's recovery path can see it.
// What F's callers do after F returns does not count: each function is the
// unit of atomicity.  The warning is at S; notes follow the first panic
// through the callees, the recover point when it is in F, and the write
// inside a callee for call-made changes, and last, for a torn update, the
// later write the jump skips.  One function emits everything.
// One finding per cause: calls that leave the same write inside a callee
// behind are reported once, at the first of them in source order, with the
// number of the others in the note at the write; AuditMode reports every
// call site.
//
//===----------------------------------------------------------------------===//

#include "checks/UnsafeStateChangeCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

using namespace clang::ast_matchers;
using namespace ::recover::model;

namespace clang::tidy::recover {

struct UnsafeStateChangeCheck::Finding {
  SourceLocation Loc;
  Change What;
  PanicStep FirstPanic;
  const CallExpr *RecoverPoint = nullptr;
  size_t Order = 0;
  /// For a call-made change: how many later call sites leave the same
  /// write behind and are folded into this finding.
  unsigned OtherCallSites = 0;
  /// For a torn update: where this function completes it, and when that
  /// frees the value the change replaced, the local holding it.
  const Stmt *CompletedBy = nullptr;
  const VarDecl *Replaced = nullptr;
  /// What the completing write writes: this location, or another part of
  /// the same object.
  std::string CompletedName;
};

UnsafeStateChangeCheck::UnsafeStateChangeCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : RecoverCheckBase(Name, Context),
      ReportPanicOnlyWrites(boolOption("ReportPanicOnlyWrites", false)),
      AuditMode(boolOption("AuditMode", false)),
      IgnoredStateList(Options.get("IgnoredState", "")),
      EntryPointsList(Options.get("EntryPoints", "")),
      ProgramSummaryPath(Options.getLocalOrGlobal(
          "ProgramSummary", environment("RECOVER_TIDY_PROGRAM_SUMMARY"))),
      FactsDirectory(environment("RECOVER_TIDY_FACTS_DIR")) {
  readNameList("IgnoredState", IgnoredStateList, IgnoredState);
  readNameList("EntryPoints", EntryPointsList, EntryPoints);
  // Pass 1 makes the summary: the one named may not exist yet.
  if (ProgramSummaryPath.empty() || !FactsDirectory.empty())
    return;
  std::string Error;
  Summary.emplace();
  if (!Summary->load(ProgramSummaryPath, Error)) {
    Summary.reset();
    configurationDiag("cannot read the program summary '%0' (option "
                      "'%1.ProgramSummary'): %2; every function is taken to "
                      "be one that can run under a recover point",
                      DiagnosticIDs::Error)
        << ProgramSummaryPath << CheckID << Error;
  }
}

std::string UnsafeStateChangeCheck::environment(const char *Name) {
  const char *Value = std::getenv(Name);
  return Value ? Value : "";
}

void UnsafeStateChangeCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  RecoverCheckBase::storeOptions(Opts);
  storeBool(Opts, "ReportPanicOnlyWrites", ReportPanicOnlyWrites);
  storeBool(Opts, "AuditMode", AuditMode);
  Options.store(Opts, "IgnoredState", IgnoredStateList);
  Options.store(Opts, "EntryPoints", EntryPointsList);
  Options.store(Opts, "ProgramSummary", ProgramSummaryPath);
}

bool UnsafeStateChangeCheck::isIgnored(const Change &C) const {
  const Location &Loc = C.Loc;
  llvm::StringRef Record = Loc.pointeeRecordName();
  return IgnoredState.matches(Loc.plainName()) ||
         IgnoredState.matches(Loc.name()) ||
         IgnoredState.matches(pathName(Loc, changedLValue(C))) ||
         (!Record.empty() && IgnoredState.matches(Record));
}

bool UnsafeStateChangeCheck::restoredInProgram(const Location &Loc,
                                               const SourceManager &SM) const {
  if (!Summary)
    return false;
  std::optional<std::string> Key = entryKey(Loc, SM);
  return Key && Summary->restoredByRecovery(*Key);
}

void UnsafeStateChangeCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  TranslationUnitModel &TU = model(Ctx);
  if (!FactsDirectory.empty()) {
    writeFacts(TU, SM);
    return;
  }

  std::vector<Finding> Findings;
  for (const FunctionDecl *FD : TU.functions()) {
    // Only a function in which something can panic can leave a change
    // half-done; the others never get a CFG.
    if (!TU.mayPanicInside(FD))
      continue;
    // A function that runs under no recover point of the program can only
    // leave half-done what its own protected regions change.
    bool Outside = Summary && Summary->outsideRecovery(*FD, SM);
    if (Outside && !TU.recovers(FD))
      continue;
    FunctionAnalysis *A = TU.analysis(FD);
    if (!A)
      continue;
    for (CFGPoint P : A->changePoints()) {
      if (!A->panicAfter(P, Location()))
        continue;
      for (const Change &C : A->changesAt(P)) {
        // Recovery code that names a pointer freed here frees it again or
        // reads freed memory: the use is the bug, not an undo.
        bool Freed = C.Kind == ChangeKind::Free;
        if (C.Kind == ChangeKind::Handler || !C.Loc.valid() || isIgnored(C) ||
            (!Freed &&
             (TU.consumedByRecovery(C.Loc) || restoredInProgram(C.Loc, SM))))
          continue;
        // An escaped local matters only to recovery code that can see it.
        if (C.FrameLocal && C.FrameVar && !A->recoveryCanSee(C.FrameVar, P))
          continue;
        auto Panic = A->panicAfter(P, C.Loc, /*IndirectInRegion=*/false,
                                   /*RegionOnly=*/C.FrameLocal || Outside);
        if (!Panic)
          continue;
        // A free that the jump always follows hands no error over: it
        // leaves the pointer dangling for the recovery.
        if (!Freed && !ReportPanicOnlyWrites && A->endsInPanic(P))
          continue;
        Finding F;
        // Torn: this function writes the same object again after the panic,
        // so the jump lands in the middle of its update.
        F.CompletedBy = A->completedAfterPanic(
            P, Panic->first, C.Loc,
            C.Kind == ChangeKind::Call ? nullptr : C.Target);
        if (!AuditMode &&
            !A->observedAfterRecovery(P, Panic->first, C, F.CompletedBy,
                                      Summary ? &*Summary : nullptr))
          continue;
        F.Replaced = A->freesReplaced(F.CompletedBy, C.Loc);
        F.CompletedName = F.CompletedBy
                              ? pathName(A->writtenLocation(F.CompletedBy),
                                         writtenLValue(F.CompletedBy))
                              : std::string();
        F.Loc = SM.getFileLoc(C.Target->getBeginLoc());
        F.What = C;
        F.FirstPanic = Panic->second;
        F.RecoverPoint = A->protectingRecoverPoint(P);
        Findings.push_back(F);
      }
    }
  }

  // Source order, then discovery order: deterministic.  (std::stable_sort
  // trips a libstdc++ deprecation under some clang versions.)
  for (size_t I = 0; I < Findings.size(); ++I)
    Findings[I].Order = I;
  std::sort(Findings.begin(), Findings.end(),
            [&](const Finding &L, const Finding &R) {
              if (L.Loc != R.Loc)
                return SM.isBeforeInTranslationUnit(L.Loc, R.Loc);
              return L.Order < R.Order;
            });
  // Once per location: a call that changes two fields, or a macro that
  // expands to two writes, is one finding.
  std::vector<Finding> Reported;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (I == 0 || Findings[I - 1].Loc != Findings[I].Loc)
      Reported.push_back(Findings[I]);
  if (!AuditMode)
    foldCallSites(Reported);
  for (const Finding &F : Reported)
    report(F, TU, SM);
}

void UnsafeStateChangeCheck::foldCallSites(std::vector<Finding> &Findings) {
  // The cause of a call-made change is the write inside the callee: a fix
  // there (or on the recovery path) serves every call that reaches it.
  llvm::DenseMap<std::pair<const Stmt *, Location>, size_t> FirstAt;
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    const Change &C = F.What;
    if (C.Kind != ChangeKind::Call || !C.InnerSite) {
      Kept.push_back(F);
      continue;
    }
    auto [It, New] = FirstAt.try_emplace({C.InnerSite, C.Loc}, Kept.size());
    if (New)
      Kept.push_back(F);
    else
      ++Kept[It->second].OtherCallSites;
  }
  Findings = std::move(Kept);
}

void UnsafeStateChangeCheck::writeFacts(TranslationUnitModel &TU,
                                        const SourceManager &SM) {
  StringRef MainFile =
      SM.getFilename(SM.getLocForStartOfFile(SM.getMainFileID()));
  llvm::SmallString<256> Source(MainFile);
  // Without the current directory the name as given still tells the
  // translation units of one run apart.
  if (llvm::sys::fs::make_absolute(Source))
    Source = MainFile;
  llvm::MD5 Hash;
  Hash.update(Source);
  llvm::MD5::MD5Result Digest;
  Hash.final(Digest);
  llvm::SmallString<256> Path(FactsDirectory);
  llvm::sys::path::append(Path, Digest.digest().str() + ".facts");
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (!EC) {
    OS << programFacts(TU, EntryPoints);
    OS.close();
    EC = OS.error();
  }
  if (EC)
    configurationDiag("cannot write the program facts of '%0' to '%1': %2",
                      DiagnosticIDs::Error)
        << Source << Path << EC.message();
}

/// How one panic step is explained in a note.  A panic function that is
/// also an allocation function (ThrowingAllocationFunctions) is named as
/// the allocator it is, not by the list it came from.
static void notePanicStep(ClangTidyCheck &Check, const PanicStep &Step,
                          const SourceManager &SM, bool First,
                          const NameSet &Allocation) {
  StringRef Callee = Step.Callee && Step.Callee->getIdentifier()
                         ? Step.Callee->getName()
                         : StringRef();
  unsigned Reason = static_cast<unsigned>(Step.Reason);
  if (Step.Reason == PanicReason::ConfiguredPanic && !Callee.empty() &&
      Allocation.matches(Callee))
    Reason = static_cast<unsigned>(PanicReason::ConfiguredPanic) + 1;
  Check.diag(
      SM.getFileLoc(Step.Call->getBeginLoc()),
      "%select{a longjmp can follow here|which can longjmp here}0: "
      "%select{'%2' jumps to a recover point|'%2' is declared noreturn "
      "and its body is not visible|the body of '%2' is not visible and "
      "it is called inside a protected region|a call through a "
      "function pointer|'%2' can longjmp|'%2' is one of the PanicFunctions|"
      "'%2' is an allocator that can longjmp}1",
      DiagnosticIDs::Note)
      << (First ? 0 : 1) << Reason << Callee;
}

void UnsafeStateChangeCheck::report(const Finding &F, TranslationUnitModel &TU,
                                    const SourceManager &SM) {
  const Change &C = F.What;
  std::string Name = pathName(C.Loc, changedLValue(C));
  // Memory written through a pointer to a record is named by the record
  // too: what a record-type IgnoredState entry matches.
  std::string Record = C.Loc.pointeeRecordName().str();
  std::string OfRecord = Record.empty() ? "" : " (a '" + Record + "')";
  switch (C.Kind) {
  case ChangeKind::Handler: // Never reported here; see the filter above.
  case ChangeKind::Write:
  case ChangeKind::Library:
    diag(F.Loc, "'%0'%1 is changed here and a longjmp can follow that leaves "
                "the change behind; change it after the last call that can "
                "longjmp, or undo it on the recovery path")
        << Name << OfRecord;
    break;
  case ChangeKind::Free:
    diag(F.Loc, "'%0'%1 still points to the memory freed here when a longjmp "
                "can follow; set it to NULL right after the free")
        << Name << OfRecord;
    break;
  case ChangeKind::Call:
    diag(F.Loc, "call to '%0' changes '%1'%2 and a longjmp can follow that "
                "leaves the change behind")
        << C.Callee->getName() << Name << OfRecord;
    break;
  }

  // The chain to the panic, one note per step, bounded against long chains.
  PanicStep Step = F.FirstPanic;
  notePanicStep(*this, Step, SM, /*First=*/true, TU.options().Allocation);
  for (unsigned Depth = 0;
       Step.Reason == PanicReason::Callee && Step.Callee && Depth < 16;
       ++Depth) {
    std::optional<PanicStep> Next = TU.witness(Step.Callee);
    if (!Next)
      break;
    Step = *Next;
    notePanicStep(*this, Step, SM, /*First=*/false, TU.options().Allocation);
  }
  if (F.RecoverPoint)
    diag(SM.getFileLoc(F.RecoverPoint->getBeginLoc()),
         "the recover point it returns to is registered here",
         DiagnosticIDs::Note);
  if (C.Kind == ChangeKind::Call && C.InnerSite) {
    // The whole chain when the write is further down: 'g', which 'f'
    // calls; 'h', called from 'f' through 'g'.
    const FunctionDecl *Writer = C.Via.empty() ? C.Callee : C.Via.back();
    std::string Through;
    for (size_t I = 0; I + 1 < C.Via.size(); ++I)
      Through += (I ? ", '" : "'") + C.Via[I]->getName().str() + "'";
    diag(SM.getFileLoc(C.InnerSite->getBeginLoc()),
         "'%0' is changed here, inside '%1'%select{|, which '%5' calls|, "
         "called from '%5' through %6}4%select{|; 1 more call site in "
         "this file leaves the same change behind and is not reported "
         "separately|; %3 more call sites in this file leave the same change "
         "behind and are not reported separately}2",
         DiagnosticIDs::Note)
        << Name << Writer->getName()
        << (F.OtherCallSites == 0   ? 0
            : F.OtherCallSites == 1 ? 1
                                    : 2)
        << F.OtherCallSites
        << (C.Via.empty()       ? 0
            : C.Via.size() == 1 ? 1
                                : 2)
        << C.Callee->getName() << Through;
  }
  // Last, so that it reads as the end of the story.
  if (!F.CompletedBy)
    return;
  if (const VarDecl *Old = F.Replaced)
    diag(SM.getFileLoc(F.CompletedBy->getBeginLoc()),
         "what '%0' pointed to before is freed here, held until then by "
         "'%1' alone; a longjmp before this point leaks it",
         DiagnosticIDs::Note)
        << Name << Old->getName();
  else
    diag(SM.getFileLoc(F.CompletedBy->getBeginLoc()),
         "'%0' is written %select{again|next}1 here; a longjmp before this "
         "point leaves the update half-done",
         DiagnosticIDs::Note)
        << (F.CompletedName.empty() ? Name : F.CompletedName)
        << (F.CompletedName.empty() || F.CompletedName == Name ? 0 : 1);
}

} // namespace clang::tidy::recover
