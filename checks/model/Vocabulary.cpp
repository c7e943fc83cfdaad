//===--- Vocabulary.cpp - which functions recover and which panic ---------===//

#include "checks/model/Vocabulary.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

namespace recover::model {

// glibc's setjmp and sigsetjmp are macros for _setjmp and __sigsetjmp, so the
// callee a CallExpr names is one of these whatever the user wrote.
static constexpr llvm::StringLiteral BuiltinRecover =
    "setjmp;_setjmp;sigsetjmp;__sigsetjmp;__builtin_setjmp";
static constexpr llvm::StringLiteral BuiltinPanic =
    "longjmp;_longjmp;siglongjmp;__builtin_longjmp;__longjmp_chk";

const clang::DeclRefExpr *calleeReference(const clang::CallExpr &Call) {
  const clang::Expr *E = Call.getCallee();
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *Comma = llvm::dyn_cast<clang::BinaryOperator>(E)) {
      if (Comma->getOpcode() != clang::BO_Comma)
        return nullptr;
      E = Comma->getRHS();
      continue;
    }
    if (const auto *Unary = llvm::dyn_cast<clang::UnaryOperator>(E)) {
      if (Unary->getOpcode() != clang::UO_Deref &&
          Unary->getOpcode() != clang::UO_AddrOf)
        return nullptr;
      E = Unary->getSubExpr();
      continue;
    }
    const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E);
    return Ref && llvm::isa<clang::FunctionDecl>(Ref->getDecl()) ? Ref
                                                                 : nullptr;
  }
  return nullptr;
}

const clang::ParmVarDecl *calleeParameter(const clang::CallExpr &Call) {
  const clang::Expr *E = Call.getCallee()->IgnoreParenImpCasts();
  if (const auto *Unary = llvm::dyn_cast<clang::UnaryOperator>(E);
      Unary && Unary->getOpcode() == clang::UO_Deref)
    E = Unary->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E);
  return Ref ? llvm::dyn_cast<clang::ParmVarDecl>(Ref->getDecl()) : nullptr;
}

const clang::FunctionDecl *calledFunction(const clang::CallExpr &Call) {
  if (const clang::FunctionDecl *Direct = Call.getDirectCallee())
    return Direct;
  const clang::DeclRefExpr *Ref = calleeReference(Call);
  return Ref ? llvm::cast<clang::FunctionDecl>(Ref->getDecl()) : nullptr;
}

void NameSet::addList(llvm::StringRef List, llvm::StringRef Option,
                      llvm::SmallVectorImpl<VocabularyError> &Errors) {
  llvm::SmallVector<llvm::StringRef, 8> Entries;
  List.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    // An identifier needs no regex engine; most entries are identifiers.
    bool IsIdentifier = llvm::all_of(Entry, [](char C) {
      return C == '_' || (C >= '0' && C <= '9') || (C >= 'a' && C <= 'z') ||
             (C >= 'A' && C <= 'Z');
    });
    if (IsIdentifier) {
      addName(Entry);
      continue;
    }
    llvm::Regex Pattern(("^(" + Entry + ")$").str());
    std::string Reason;
    if (!Pattern.isValid(Reason)) {
      Errors.push_back({Option.str(), Entry.str(),
                        "not a valid regular expression (" + Reason + ")"});
      continue;
    }
    Patterns.push_back(std::move(Pattern));
  }
}

bool NameSet::matches(llvm::StringRef Name) const {
  for (const std::string &N : Names)
    if (Name == N)
      return true;
  for (const llvm::Regex &P : Patterns)
    if (P.match(Name))
      return true;
  return false;
}

Vocabulary::Vocabulary(llvm::StringRef RecoverFunctions,
                       llvm::StringRef PanicFunctions,
                       llvm::SmallVectorImpl<VocabularyError> &Errors) {
  // The built-in lists are plain names and cannot fail.
  RecoverNames.addList(BuiltinRecover, "", Errors);
  PanicNames.addList(BuiltinPanic, "", Errors);
  BuiltinPanicNames.addList(BuiltinPanic, "", Errors);
  RecoverNames.addList(RecoverFunctions, "RecoverFunctions", Errors);
  PanicNames.addList(PanicFunctions, "PanicFunctions", Errors);
}

bool Vocabulary::isBuiltinPanic(const clang::FunctionDecl *FD) const {
  return FD && FD->getIdentifier() && BuiltinPanicNames.matches(FD->getName());
}

FunctionRole Vocabulary::roleOf(const clang::FunctionDecl *FD) const {
  if (!FD)
    return FunctionRole::None;
  FD = FD->getCanonicalDecl();
  auto It = Cache.find(FD);
  if (It != Cache.end())
    return It->second;
  FunctionRole Role = FunctionRole::None;
  if (const clang::IdentifierInfo *II = FD->getIdentifier()) {
    llvm::StringRef Name = II->getName();
    if (RecoverNames.matches(Name))
      Role = FunctionRole::Recover;
    else if (PanicNames.matches(Name))
      Role = FunctionRole::Panic;
  }
  Cache.try_emplace(FD, Role);
  return Role;
}

} // namespace recover::model
