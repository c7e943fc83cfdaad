"""What makes a finding the same finding after unrelated edits, and the
baseline of known findings built on it.

A finding's identity is its check, the base name of its file, the function
it is in, the name it is about (the changed location, the clobbered
variable) and a hash of its source line and the nearest non-blank line on
either side, each with its white space collapsed.  Line numbers are not
part of it, so lines inserted above a finding, reformatting elsewhere in
the file and moving the file to another directory keep it; editing the
line itself, or its neighbours, makes it a new finding.  Two findings with
one identity (the same statement repeated) are told apart by their order in
the file.

The baseline is a text file, one known finding a line, sorted, for a
repository: a line is the identity's fields separated by tabs.
"""
import collections
import hashlib
import os
import re

BASELINE_HEADER = "# recover-tidy baseline 1: check, file, function, name, source hash"
QUOTED = re.compile(r"'([^']*)'")
# A line that starts a function definition at the left margin: a name
# followed by its parameter list, not a declaration ending in ';'.
FUNCTION_HEAD = re.compile(r"^[A-Za-z_][^;=]*?\b([A-Za-z_]\w*)\s*\([^;]*$")
NOT_A_HEAD = re.compile(r"^(?:#|/\*|\*|//|\}|typedef\b|struct\b[^(]*\{|if\b|for\b|while\b|switch\b)")


class Sources:
    """The lines of the files findings are in, read once."""

    def __init__(self):
        self.files = {}

    def lines(self, path):
        if path not in self.files:
            try:
                with open(path, errors="replace") as f:
                    self.files[path] = f.read().splitlines()
            except OSError:
                self.files[path] = []
        return self.files[path]


def _normalised(text):
    return " ".join(text.split())


def _function(lines, index):
    """The function whose body line \\p index (0-based) is in: the nearest
    definition head above it at the left margin; '' if none."""
    for i in range(min(index, len(lines) - 1), -1, -1):
        line = lines[i]
        if not line or line[0].isspace() or NOT_A_HEAD.match(line):
            continue
        m = FUNCTION_HEAD.match(line)
        if m:
            return m.group(1)
    return ""


def identity(finding, sources):
    """The identity of \\p finding (a dict with file, line, check, message)
    as a tuple of strings, without the occurrence number."""
    lines = sources.lines(finding["file"])
    index = finding["line"] - 1
    context = []
    if 0 <= index < len(lines):
        above = next((_normalised(lines[i]) for i in range(index - 1, -1, -1)
                      if lines[i].strip()), "")
        below = next((_normalised(lines[i]) for i in range(index + 1, len(lines))
                      if lines[i].strip()), "")
        context = [above, _normalised(lines[index]), below]
    digest = hashlib.sha1("\n".join(context).encode()).hexdigest()[:12]
    return (finding["check"], os.path.basename(finding["file"]),
            _function(lines, index) or "-", location(finding) or "-", digest)


def location(finding):
    """The name a finding is about: what a call changes ('call to 'push'
    changes 'state.top''), else the first name its message quotes."""
    names = QUOTED.findall(finding["message"])
    if finding["message"].startswith("call to ") and len(names) > 1:
        return names[1]
    return names[0] if names else ""


def fingerprints(findings, sources):
    """One fingerprint string per finding, in order: the identity and its
    occurrence number among the findings with that identity."""
    seen = collections.Counter()
    out = []
    for f in findings:
        key = identity(f, sources)
        seen[key] += 1
        out.append("/".join(key) + "/%d" % seen[key])
    return out


def read_baseline(path):
    """The known identities of the baseline file \\p path, counted.  Raises
    ValueError with a reason when it is not a baseline."""
    known = collections.Counter()
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 5:
                raise ValueError("%s:%d: expected five tab-separated fields "
                                 "(check, file, function, name, hash)" % (path, number))
            known[tuple(fields)] += 1
    return known


def split_known(findings, known, sources):
    """(new findings, number of known ones): each known identity accounts
    for as many findings as the baseline lists it."""
    left = collections.Counter(known)
    new, matched = [], 0
    for f in findings:
        key = identity(f, sources)
        if left[key] > 0:
            left[key] -= 1
            matched += 1
        else:
            new.append(f)
    return new, matched


def write_baseline(path, findings, checked_files, sources):
    """Writes the baseline \\p path: the identities of \\p findings, and of an
    existing baseline the entries of files this run did not check (so
    fixed findings drop out, and a run over part of the program keeps the
    rest).  Returns the number of entries written."""
    entries = [identity(f, sources) for f in findings]
    if os.path.exists(path):
        checked = {os.path.basename(p) for p in checked_files}
        for key, count in read_baseline(path).items():
            if key[1] not in checked:
                entries.extend([key] * count)
    entries.sort()
    with open(path, "w") as f:
        f.write(BASELINE_HEADER + "\n")
        for key in entries:
            f.write("\t".join(key) + "\n")
    return len(entries)
