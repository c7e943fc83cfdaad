"""The reports of a run: SARIF 2.1.0 for code scanning, and the summary
that ends a text run."""
import collections
import os

# Each check's one-line and full description, for SARIF's rules.
RULES = {
    "recover-unsafe-state-change": (
        "A change of state that a longjmp which can follow would leave half-done.",
        "A write to state that outlives the jump (a global, a static local, memory "
        "reached through a pointer the caller can see) is followed by a call that can "
        "longjmp, and the recovery the program performs observes the half-done state: "
        "a torn multi-part update, a freed pointer left set, an unrestored balance."),
    "recover-clobbered-local": (
        "A non-volatile local changed after setjmp and read after a longjmp "
        "returns there (C11 7.13.2.1p3).",
        "After a longjmp, a local of the function that called setjmp that is not "
        "volatile and was changed between the setjmp and the longjmp has an "
        "indeterminate value; reading it on the recovery path is undefined."),
    "recover-setjmp-context": (
        "setjmp used where the C standard leaves its behaviour undefined "
        "(C11 7.13.1.1).",
        "setjmp may appear only as the whole controlling expression of a selection or "
        "iteration statement, compared with an integer constant, negated, or as an "
        "expression statement; anywhere else (an assignment, an argument, arithmetic) "
        "the behaviour is undefined."),
    "recover-dangling-jmp-buf": (
        "A registered jmp_buf that outlives its stack frame.",
        "A jmp_buf set by setjmp is stored where a longjmp can reach it (a global "
        "handler, a list) and left there when the function that called setjmp "
        "returns; a later longjmp to it jumps into a dead frame."),
    "recover-longjmp-target": (
        "A longjmp with the value 0, to a jmp_buf no setjmp has set, to a copy, to "
        "another thread's buffer, or out of a signal handler without restoring the "
        "signal mask.",
        "The target of a longjmp must be a jmp_buf that setjmp has set in a frame that "
        "is still live, in the same thread; its value must not be 0 (it becomes 1), "
        "and a jump out of a signal handler should use siglongjmp."),
}
# The note that marks a torn update: the same object written again after
# the call that can longjmp, the analysis' surest finding.
TORN = ("' is written again here;", "' is written next here;")


def findings_of(diags):
    """The recover-* warnings of \\p diags."""
    return [d for d in diags if d["level"] == "warning" and d["check"].startswith("recover-")]


def level(finding):
    """SARIF level by confidence: a torn update is an error."""
    if any(t in n["message"] for n in finding.get("notes", []) for t in TORN):
        return "error"
    return "warning"


def _uri(path, root):
    if root:
        return os.path.relpath(path, root).replace(os.sep, "/")
    rel = os.path.relpath(path)
    if not rel.startswith(".."):
        return rel.replace(os.sep, "/")
    return "file://" + path


def _rule(check, docs_url, docs_dir, root):
    """SARIF's rule for \\p check: its descriptions, and its page as help
    (the text, and a link: \\p docs_url when configured, else the page's
    file URI -- left out with \\p root, since code scanning uploads take no
    file URIs)."""
    short, full = RULES.get(check, (check, check))
    rule = {"id": check, "name": check, "shortDescription": {"text": short},
            "fullDescription": {"text": full}, "help": {"text": full}}
    page = os.path.join(docs_dir, check + ".md") if docs_dir else None
    if docs_url:
        rule["helpUri"] = docs_url + check + ".md"
    elif page and os.path.isfile(page) and not root:
        rule["helpUri"] = "file://" + page
    if page and os.path.isfile(page):
        with open(page) as f:
            rule["help"]["markdown"] = f.read()
    return rule


def sarif(findings, fingerprints, version, docs_url, docs_dir=None, root=None):
    """The SARIF 2.1.0 log of \\p findings, each with its fingerprint.  With
    \\p root, every artifact URI is relative to it, under %SRCROOT%."""
    rules, index = [], {}
    results = []

    def loc(x, message=None):
        artifact = {"uri": _uri(x["file"], root)}
        if root:
            artifact["uriBaseId"] = "%SRCROOT%"
        out = {"physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": x["line"], "startColumn": x["column"]}}}
        if message is not None:
            out["message"] = {"text": message}
        return out

    for d, fp in zip(findings, fingerprints):
        check = d["check"]
        if check not in index:
            index[check] = len(rules)
            rules.append(_rule(check, docs_url, docs_dir, root))
        result = {"ruleId": check, "ruleIndex": index[check], "level": level(d),
                  "message": {"text": d["message"]}, "locations": [loc(d)],
                  "partialFingerprints": {"recoverTidyFinding/v1": fp}}
        if d["notes"]:
            result["relatedLocations"] = [dict(loc(n, n["message"]), id=i)
                                          for i, n in enumerate(d["notes"])]
            # The chain from the change to the jump, in the order the notes
            # tell it.
            steps = [{"location": loc(d, d["message"]), "nestingLevel": 0}]
            steps += [{"location": loc(n, n["message"]), "nestingLevel": 1}
                      for n in d["notes"]]
            result["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
        results.append(result)
    driver = {"name": "recover-tidy", "version": version, "rules": rules}
    if docs_url:
        driver["informationUri"] = docs_url
    run = {"tool": {"driver": driver},
           "results": results}
    if root:
        run["columnKind"] = "unicodeCodePoints"
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [run]}


def counts(findings):
    """Per check and per file (relative), as JSON carries them."""
    per_check = collections.Counter(d["check"] for d in findings)
    per_file = collections.Counter(os.path.relpath(d["file"]) for d in findings)
    return {"per_check": dict(sorted(per_check.items())),
            "top_files": [{"file": f, "findings": n}
                          for f, n in sorted(per_file.items(), key=lambda x: (-x[1], x[0]))[:10]]}


def summary_text(findings):
    """The summary that ends a text run on standard error."""
    if not findings:
        return ""
    c = counts(findings)
    width = max(len(k) for k in c["per_check"])
    lines = ["recover-tidy: findings per check:"]
    lines += ["  %-*s %d" % (width, k, n) for k, n in c["per_check"].items()]
    lines.append("recover-tidy: files with the most findings:")
    lines += ["  %5d  %s" % (x["findings"], x["file"]) for x in c["top_files"]]
    lines.append("recover-tidy: --format json or --format sarif -o FILE for tools; "
                 "--quiet leaves this summary out")
    return "\n".join(lines) + "\n"
