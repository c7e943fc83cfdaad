//===--- LoadGuard.cpp - refuse to load into the wrong clang-tidy ---------===//
//
// This is the file users pass to `clang-tidy --load`.  A clang-tidy plugin is
// C++ compiled against one LLVM major version; loaded into another, the
// dynamic loader either fails with a mangled-symbol message or, worse, the
// plugin runs against a different class layout and crashes.  So this small
// library depends on nothing from LLVM: its constructor finds the host's LLVM
// major version, and loads the real plugin (RecoverTidy-llvmN.so, beside this
// file) only when it matches.  Otherwise it prints one line naming both
// versions and how to rebuild, and clang-tidy goes on without the checks.
//
// Deliberately no LLVM headers here, so the built version comes from the
// build system as RECOVER_TIDY_LLVM_MAJOR.
//
//===----------------------------------------------------------------------===//

#include <dlfcn.h>
#include <link.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#ifndef RECOVER_TIDY_LLVM_MAJOR
#error "RECOVER_TIDY_LLVM_MAJOR must be defined by the build"
#endif

namespace {

constexpr unsigned BuiltMajor = RECOVER_TIDY_LLVM_MAJOR;

/// Reads the major version from a library name such as libLLVM-14.so.1,
/// libLLVM.so.22.1 or libclang-cpp.so.19.1; 0 when the name is not one.
unsigned majorFromLibraryName(const char *Path) {
  const char *Base = std::strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  static const char *const Prefixes[] = {"libLLVM-", "libLLVM.so.",
                                         "libclang-cpp.so.", "libclang-cpp-"};
  for (const char *Prefix : Prefixes) {
    size_t Len = std::strlen(Prefix);
    if (std::strncmp(Base, Prefix, Len) != 0)
      continue;
    char *End = nullptr;
    unsigned long Major = std::strtoul(Base + Len, &End, 10);
    if (End != Base + Len && Major > 0 && Major < 1000)
      return static_cast<unsigned>(Major);
  }
  return 0;
}

int findLLVMLibrary(struct dl_phdr_info *Info, size_t, void *Data) {
  unsigned Major = Info->dlpi_name ? majorFromLibraryName(Info->dlpi_name) : 0;
  if (Major == 0)
    return 0;
  *static_cast<unsigned *>(Data) = Major;
  return 1;
}

/// The LLVM major version of the process that loaded us; 0 when unknown.
unsigned hostLLVMMajor() {
  // LLVM 16 and later export the version through the C API.
  using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  if (void *Sym = dlsym(RTLD_DEFAULT, "LLVMGetVersion")) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    reinterpret_cast<GetVersionFn>(Sym)(&Major, &Minor, &Patch);
    if (Major != 0)
      return Major;
  }
  // Older ones: the name of the shared LLVM library in the process.
  unsigned Major = 0;
  dl_iterate_phdr(findLLVMLibrary, &Major);
  if (Major != 0)
    return Major;
  // A statically linked clang-tidy: Debian installs it under llvm-N/bin.
  char Exe[4096];
  ssize_t Len = readlink("/proc/self/exe", Exe, sizeof(Exe) - 1);
  if (Len > 0) {
    Exe[Len] = '\0';
    if (const char *P = std::strstr(Exe, "/llvm-"))
      return static_cast<unsigned>(std::strtoul(P + 6, nullptr, 10));
  }
  return 0;
}

/// The directory this library was loaded from, with a trailing slash.
std::string ownDirectory() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&ownDirectory), &Info) ||
      !Info.dli_fname)
    return "";
  std::string Path = Info.dli_fname;
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "" : Path.substr(0, Slash + 1);
}

__attribute__((constructor)) void loadRecoverTidy() {
  unsigned Host = hostLLVMMajor();
  if (Host != 0 && Host != BuiltMajor) {
    std::fprintf(stderr,
                 "recover-tidy: this plugin was built for LLVM %u but was "
                 "loaded into clang-tidy from LLVM %u; no recover-* checks "
                 "are available; rebuild it for this clang-tidy with "
                 "'scripts/build %u' (cmake -DRECOVER_TIDY_LLVM=%u) or run "
                 "clang-tidy-%u\n",
                 BuiltMajor, Host, Host, Host, BuiltMajor);
    return;
  }
  std::string Impl = ownDirectory() + RECOVER_TIDY_IMPL_NAME;
  // RTLD_GLOBAL and never closed: the checks register themselves with
  // clang-tidy's module registry from the implementation's constructors.
  if (!dlopen(Impl.c_str(), RTLD_NOW | RTLD_GLOBAL))
    std::fprintf(stderr, "recover-tidy: cannot load %s: %s\n", Impl.c_str(),
                 dlerror());
}

} // namespace
