"""The triage of the evaluation: every finding of a project gets a verdict.

A project's triage is `bench/triage/<project>.txt`, one rule a line:

    verdict | check | where | location | why

- verdict: `tp` (a real partial-update, dangling or clobber hazard),
  `intended` (a real state change the project deliberately relies on, e.g.
  state that its error handler resets or discards) or `fp` (the analysis is
  wrong; `why` names the cause);
- check: the check's name without `recover-`, or `*`;
- where: a glob of the file, relative to the project's source folder,
  optionally with `:LINE` or `:FIRST-LAST`;
- location: a regular expression matching the whole changed location as
  the message names it (`lua_State.top`, `*out`; for checks other than
  recover-unsafe-state-change, the first name quoted), or `*`;
- why: one line, the reason.

The first rule that matches a finding decides; `#` starts a comment.  A
finding no rule matches is untriaged, and a rule that matches nothing is
stale: both are reported, so that the triage stays current when the checks
change.
"""
import fnmatch
import os
import re
import sys

# The name a finding is about, as the recover-tidy command's identities
# name it: one definition for the triage and the tool.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "scripts"))
from recover_tidy.identity import location  # noqa: E402

VERDICTS = ("tp", "intended", "fp")


class Rule:
    def __init__(self, path, lineno, text):
        fields = [f.strip() for f in text.split("|", 4)]
        if len(fields) != 5 or fields[0] not in VERDICTS or not fields[4]:
            raise SystemExit("%s:%d: expected 'verdict | check | where | location | why' "
                             "with verdict one of %s" % (path, lineno, ", ".join(VERDICTS)))
        self.verdict, self.check, where, location, self.why = fields
        self.origin = "%s:%d" % (os.path.basename(path), lineno)
        self.glob, _, lines = where.partition(":")
        first, _, last = lines.partition("-")
        self.lines = (int(first), int(last or first)) if first else None
        try:
            self.location = None if location == "*" else re.compile(location)
        except re.error as e:
            raise SystemExit("%s:%d: bad location expression: %s" % (path, lineno, e))
        self.used = 0

    def matches(self, finding):
        if self.check != "*" and "recover-" + self.check != finding["check"]:
            return False
        if not fnmatch.fnmatchcase(finding["file"], self.glob):
            return False
        if self.lines and not self.lines[0] <= finding["line"] <= self.lines[1]:
            return False
        return self.location is None or bool(self.location.fullmatch(location(finding)))


def load(path):
    rules = []
    with open(path) as f:
        for lineno, text in enumerate(f, 1):
            text = text.split("#", 1)[0].strip()
            if text:
                rules.append(Rule(path, lineno, text))
    return rules


def apply(rules, findings):
    """Gives each finding its verdict, why and rule; returns the counts per
    verdict (with `untriaged`) and the stale rules."""
    counts = dict.fromkeys(VERDICTS + ("untriaged",), 0)
    for f in findings:
        rule = next((r for r in rules if r.matches(f)), None)
        if rule:
            rule.used += 1
            f.update(verdict=rule.verdict, why=rule.why, rule=rule.origin)
        else:
            f.update(verdict="untriaged", why="", rule="")
        counts[f["verdict"]] += 1
    return counts, [r.origin for r in rules if not r.used]


def precision(counts):
    """The share of findings that are true positives: the measure of the
    default configuration.  A finding the project's error handling resets
    or discards (intended) is a warning read for nothing."""
    total = sum(counts.values())
    return counts["tp"] / total if total else 1.0


def explained(counts):
    """The share of findings that are true positives or intended: the
    analysis is right about the change, whether or not it matters."""
    total = sum(counts.values())
    return (counts["tp"] + counts["intended"]) / total if total else 1.0


def finding_table(result):
    """Every finding of a project with its verdict, as Markdown."""
    rows = ["| file:line:col | check | location | verdict | why |",
            "| --- | --- | --- | --- | --- |"]
    for f in result["findings"]:
        rows.append("| %s:%d:%d | %s | `%s` | %s | %s |" % (
            f["file"], f["line"], f["column"], f["check"][len("recover-"):],
            location(f), f["verdict"], f["why"].replace("|", "\\|")))
    return "\n".join(rows)


def summary_table(results):
    """Findings per check and per verdict, per project, as Markdown."""
    checks = ["recover-unsafe-state-change", "recover-clobbered-local",
              "recover-setjmp-context", "recover-dangling-jmp-buf",
              "recover-longjmp-target"]
    rows = ["| project | config | " + " | ".join(c[len("recover-"):] for c in checks) +
            " | tp | intended | fp | untriaged | tp / all | tp + intended |",
            "| --- | --- |" + " --- |" * (len(checks) + 6)]
    for r in results:
        counts = r["triage"]
        rows.append("| %s | [%s](%s) | %s | %s | %s | %s | %s | %.0f%% | %.0f%% |" % (
            r["project"], os.path.basename(r["config"]), os.path.relpath(r["config"], "docs"),
            " | ".join(str(r["findings_per_check"].get(c, 0)) for c in checks),
            counts["tp"], counts["intended"], counts["fp"], counts["untriaged"],
            100 * precision(counts), 100 * explained(counts)))
    return "\n".join(rows)


def modes_table(results):
    """The default configuration against audit mode, per project, as
    Markdown: findings, true positives and tp / all of each, and how many
    default findings the configuration's IgnoredState hides."""
    rows = ["| project | default: findings | tp | tp / all | suppressed by IgnoredState | "
            "audit mode: findings | tp | tp / all |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        d, a = r["triage"], r["audit_triage"]
        rows.append("| %s | %d | %d | %.0f%% | %d | %d | %d | %.1f%% |" % (
            r["project"], sum(d.values()), d["tp"], 100 * precision(d),
            r.get("suppressed", 0), sum(a.values()), a["tp"], 100 * precision(a)))
    return "\n".join(rows)


def replace_between(path, name, text):
    """Replaces the text between `<!-- bench:NAME -->` and
    `<!-- bench:end NAME -->` in path."""
    with open(path) as f:
        doc = f.read()
    begin, end = "<!-- bench:%s -->" % name, "<!-- bench:end %s -->" % name
    head, found, rest = doc.partition(begin)
    _, found_end, tail = rest.partition(end)
    if not found or not found_end:
        raise SystemExit("bench: %s has no %s ... %s" % (path, begin, end))
    with open(path, "w") as f:
        f.write(head + begin + "\n" + text + "\n" + end + tail)
