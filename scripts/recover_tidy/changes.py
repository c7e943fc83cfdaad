"""The lines a change touches, from git: for --changed-since REV (the
working tree against REV) and --staged (the index against HEAD, what the
next commit holds)."""
import os
import re
import subprocess

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    pass


def _git(args, cwd):
    proc = subprocess.run(["git"] + args, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise GitError((proc.stderr.strip().splitlines() or ["git %s failed" % args[0]])[-1])
    return proc.stdout


def changed_lines(since=None, staged=False, cwd=None):
    """{absolute path: set of changed line numbers (1-based, new side)} of
    the git repository around \\p cwd.  A file that is new has all its
    lines; a deleted one has none and does not appear."""
    cwd = cwd or os.getcwd()
    try:
        top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except (GitError, OSError) as e:
        raise GitError("not in a git repository (%s)" % e)
    args = ["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames"]
    if staged:
        args.append("--cached")
    else:
        args.append(since)
    out = _git(args + ["--"], top)
    result, current = {}, None
    for line in out.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else os.path.realpath(
                os.path.join(top, name[2:] if name.startswith("b/") else name))
            if current:
                result.setdefault(current, set())
            continue
        m = HUNK.match(line)
        if m and current:
            start, count = int(m.group(1)), int(m.group(2) or "1")
            result[current].update(range(start, start + count))
    return result


def touches(finding, changed):
    """Whether the warning or one of its notes lies on a changed line."""
    for at in [finding] + finding.get("notes", []):
        lines = changed.get(os.path.realpath(at["file"])) or changed.get(at["file"])
        if lines and at["line"] in lines:
            return True
    return False
