//===--- ProgramSummary.h - which functions can run under a recover point -===//
//
// Part of the shared setjmp/longjmp model.
//
// Spec.  Whether a function can run while a recover point is registered is a
// question about the whole program: a translation unit that calls the error
// function does not see the setjmp, nor who calls it.  A project whose own
// recover points catch every jump it makes (tcc's `tcc_compile`) can answer
// it in two passes:
//  1. For each translation unit, programFacts() writes down what the
//     answer needs: the functions it defines; which functions each of them
//     calls or names (a function named, e.g. passed as a callback, counts as
//     called); the calls through pointers, with the type called; the
//     functions whose address is taken, with their type ("*" when the address
//     is cast to another type, or the type has no prototype); and what the
//     protected region of each recover point calls or names.
//  2. The facts of every translation unit are merged (recover-tidy
//     --whole-program does it): every function reachable from a protected
//     region -- through calls, names, and calls through pointers to any
//     address-taken function of the same type -- can run under a recover
//     point.  The summary lists the defined functions that cannot.
// A function is named by its name when it has external linkage, and by
// `name@file` (the base name of the file it is defined in) when it has
// internal linkage, so that the facts of separate translation units meet.
//
// What a summary is good for: in a function it lists, no longjmp can land
// anywhere but in the function's own recover points, so only state changes
// inside those regions can be left half-done.  A function it does not list
// (new since the summary was made, or reachable) is treated as before.
//
// The formats are line-based text, documented in docs/user-guide.md:
//   facts:   "recover-tidy facts 1", then lines of
//            `def F`, `call F G`, `icall F TYPE`, `addr G TYPE`,
//            `root G`, `iroot TYPE`, `afresh F KEY`, `readfirst F KEY`,
//            `restores KEY`, `entry F`, `export F`, `recovers F`,
//            `frame R`, `framein R F`, `nonframe R`, `within R S`
//   summary: "# recover-tidy program summary 1", then `outside F`,
//            `afresh KEY`, `restored KEY` and `frameonly R` lines.
// The `afresh` facts say which locations a function sets afresh at the top
// of its body (RecoveryFacts.cpp); the summary keeps those of the functions
// that protected regions call directly, the entry of every run.  The
// `restores` facts name the locations that a recovery path or the error
// branch of a protected call accesses (ProtectedCalls.cpp); the summary
// keeps them all, so that a restore in one translation unit excuses the
// changes of the same location in the others.  `entry` names a function
// that EntryPoints says runs under a recover point of another program (a
// library's API); `export`, a function with external linkage.  The
// `frame`... facts say where records live (FrameRecords.cpp); `frameonly`
// names the records that live only in frames a jump unwinds.
//
//===----------------------------------------------------------------------===//

#ifndef RECOVER_TIDY_CHECKS_MODEL_PROGRAMSUMMARY_H
#define RECOVER_TIDY_CHECKS_MODEL_PROGRAMSUMMARY_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <string>

namespace clang {
class FunctionDecl;
class SourceManager;
} // namespace clang

namespace recover::model {

class NameSet;
class TranslationUnitModel;

/// The name of \p FD in program facts and summaries: its name, with
/// `@file` added when it has internal linkage.
std::string programKey(const clang::FunctionDecl &FD,
                       const clang::SourceManager &SM);

/// The program facts of the translation unit of \p TU (pass 1), one fact
/// per line, in a deterministic order.
/// \p EntryPoints names the functions that run under recover points of
/// other programs.
std::string programFacts(TranslationUnitModel &TU, const NameSet &EntryPoints);

/// A program summary read from a file (pass 2).
class ProgramSummary {
public:
  /// Reads the summary at \p Path; on failure returns false and says why in
  /// \p Error.
  bool load(llvm::StringRef Path, std::string &Error);
  /// Whether the summary says that no protected region can reach \p FD.
  bool outsideRecovery(const clang::FunctionDecl &FD,
                       const clang::SourceManager &SM) const;

  /// Whether a function that a protected region of the program calls
  /// directly sets the location with entry key \p Key afresh (see
  /// entryKey() and RecoveryFacts.cpp).
  bool setAfreshByEntry(llvm::StringRef Key) const {
    return Afresh.count(Key) != 0;
  }

  /// Whether the record with key \p Key (recordKey()) lives only in stack
  /// frames throughout the program.
  bool frameOnly(llvm::StringRef Key) const {
    return FrameOnly.count(Key) != 0;
  }
  /// Whether the pointer with entry key \p Key is the top of a value stack
  /// that the program moves and the entry of every run sets afresh.
  bool resetStack(llvm::StringRef Key) const { return Stacks.count(Key) != 0; }
  /// Whether a recovery path or an error branch of a protected call in the
  /// program accesses the location with entry key \p Key.
  bool restoredByRecovery(llvm::StringRef Key) const {
    return Restored.count(Key) != 0;
  }

private:
  void clear();
  llvm::StringSet<> Outside;
  llvm::StringSet<> Afresh;
  llvm::StringSet<> Restored;
  llvm::StringSet<> FrameOnly;
  llvm::StringSet<> Stacks;
};

} // namespace recover::model

#endif // RECOVER_TIDY_CHECKS_MODEL_PROGRAMSUMMARY_H
