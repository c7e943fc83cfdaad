# -*- Python -*-
import os
import shutil

import lit.formats

config.name = "recover-tidy"
config.test_format = lit.formats.ShTest(not lit_config.isWindows)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.recover_tidy_obj_root, "test")

# FileCheck, not and split-file come from the same LLVM as clang-tidy.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
for var in ("HOME", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

inputs = os.path.join(config.test_source_root, "Inputs")
# Tests never see the machine's C library headers: only the mock ones.
config.substitutions.append(("%mock_headers", "-nostdinc -isystem " + inputs))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(
    ("%clang_tidy", config.clang_tidy + " --quiet --load=" + config.recover_tidy_plugin))
config.substitutions.append(("%clang_tidy_bare", config.clang_tidy))
config.substitutions.append(("%plugin", config.recover_tidy_plugin))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%src_root", config.recover_tidy_src_root))
config.substitutions.append(("%obj_root", config.recover_tidy_obj_root))
config.substitutions.append(("%llvm_major", config.llvm_major))
config.available_features.add("llvm-" + config.llvm_major)

# Another installed clang-tidy, for the load guard's test.
for other in ("14", "19", "22", "15", "16", "17", "18", "20", "21"):
    candidate = "/usr/lib/llvm-%s/bin/clang-tidy" % other
    if other != config.llvm_major and os.path.exists(candidate):
        config.available_features.add("other-clang-tidy")
        config.substitutions.append(("%other_clang_tidy", candidate))
        config.substitutions.append(("%other_llvm_major", other))
        break

# Files a test writes under the build tree would otherwise pick up the
# repository's own C++ lint configuration (with WarningsAsErrors).
os.makedirs(config.test_exec_root, exist_ok=True)
with open(os.path.join(config.test_exec_root, ".clang-tidy"), "w") as f:
    f.write("# Written by lit.cfg.py: tests choose their checks themselves.\n"
            "Checks: '-*'\n")

# The command-line tool, as built, and what installing and packaging need.
config.substitutions.append(
    ("%recover_tidy", os.path.join(config.recover_tidy_obj_root, "bin", "recover-tidy")))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%cpack", config.cpack))
config.substitutions.append(("%examples", os.path.join(config.recover_tidy_src_root, "examples")))
if shutil.which("git"):
    config.available_features.add("git")
if os.path.exists("/usr/bin/pre-commit"):
    config.available_features.add("pre-commit")
