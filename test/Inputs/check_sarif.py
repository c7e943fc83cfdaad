"""Checks a SARIF 2.1.0 log for the properties the schema requires and that
GitHub code scanning reads: version, runs[].tool.driver.name, and for every
result a message text, a ruleId known to the driver's rules, and physical
locations with an artifact URI and a start line; and for code scanning's
tracking, what recover-tidy promises: every rule has a short and a full
description and help, every result a level and partialFingerprints, and a
codeFlow's locations are valid.  Prints one line per result as
"ruleId file:line (N related)"; with --details also the level, the
fingerprint and the number of codeFlow steps.  Exits 1 with a reason on the
first problem."""
import json
import sys


def need(cond, what):
    if not cond:
        print("invalid SARIF: " + what)
        sys.exit(1)


def location(loc, where):
    phys = loc.get("physicalLocation")
    need(isinstance(phys, dict), where + ": physicalLocation")
    need(isinstance(phys.get("artifactLocation", {}).get("uri"), str), where + ": artifactLocation.uri")
    line = phys.get("region", {}).get("startLine")
    need(isinstance(line, int) and line >= 1, where + ": region.startLine")
    return "%s:%d" % (phys["artifactLocation"]["uri"], line)


details = "--details" in sys.argv[1:]
paths = [a for a in sys.argv[1:] if a != "--details"]
log = json.load(open(paths[0]))
need(log.get("version") == "2.1.0", "version must be 2.1.0")
need(isinstance(log.get("runs"), list) and log["runs"], "runs")
for run in log["runs"]:
    driver = run.get("tool", {}).get("driver", {})
    need(isinstance(driver.get("name"), str), "tool.driver.name")
    rules = [r.get("id") for r in driver.get("rules", [])]
    need(all(isinstance(r, str) for r in rules), "rules[].id")
    for r in driver.get("rules", []):
        for key in ("shortDescription", "fullDescription", "help"):
            need(isinstance(r.get(key, {}).get("text"), str), "rules[%s].%s.text" % (r["id"], key))
    need(isinstance(run.get("results"), list), "results")
    for i, res in enumerate(run["results"]):
        where = "results[%d]" % i
        need(isinstance(res.get("message", {}).get("text"), str), where + ": message.text")
        need(res.get("ruleId") in rules, where + ": ruleId among the rules")
        need(rules.index(res["ruleId"]) == res.get("ruleIndex"), where + ": ruleIndex")
        need(isinstance(res.get("locations"), list) and res["locations"], where + ": locations")
        at = location(res["locations"][0], where)
        related = res.get("relatedLocations", [])
        for j, rel in enumerate(related):
            location(rel, "%s.relatedLocations[%d]" % (where, j))
            need(isinstance(rel.get("message", {}).get("text"), str),
                 "%s.relatedLocations[%d]: message.text" % (where, j))
        need(res.get("level") in ("none", "note", "warning", "error"), where + ": level")
        prints = res.get("partialFingerprints")
        need(isinstance(prints, dict) and prints and
             all(isinstance(v, str) for v in prints.values()), where + ": partialFingerprints")
        steps = 0
        for flow in res.get("codeFlows", []):
            for thread in flow.get("threadFlows", []):
                need(isinstance(thread.get("locations"), list), where + ": threadFlows[].locations")
                for step in thread["locations"]:
                    location(step.get("location", {}), where + ": codeFlow step")
                    steps += 1
        line = "%s %s (%d related)" % (res["ruleId"], at, len(related))
        if details:
            line += " %s %s %d steps" % (res["level"], ",".join(sorted(prints.values())), steps)
        print(line)
