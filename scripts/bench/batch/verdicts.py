#!/usr/bin/python3
"""Verdicts of one tool's batch run against the bulk lab's ground truth
(.lab/bulk/expected.tsv: name, verdict, kind), for scripts/bench/batch/run.sh.

usage:
  verdicts.py dnssec-check EXPECTED.tsv RESULTS.jsonl
  verdicts.py dnsviz       EXPECTED.tsv PRINT.txt      (output of `dnsviz print`)
  verdicts.py zonemaster   EXPECTED.tsv DIR            (DIR/<zone>.jsonl from zonemaster-cli --json-stream)

The names compared are those of $SAMPLE_FILE (one a line) if set, else every
name of EXPECTED.tsv.  Prints KEY=VALUE lines (values without spaces): total, agree, counts
(verdict:count,...), mismatches (kind/expected->got:count,...), missing
(names in the sample without a verdict), then free-text lines starting
with '#' (examples of disagreements).
"""
import collections
import json
import os
import sys


def norm(name):
    return name.strip().rstrip(".").lower()


def load_expected(path):
    exp = {}
    with open(path) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, verdict, kind = line.rstrip("\n").split("\t")[:3]
            exp[norm(name)] = (verdict, kind)
    return exp


def dnssec_check(path):
    """name -> .reports[0].status of each JSONL document (docs/report-schema.md)."""
    got = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            doc = json.loads(line)
            for rep in doc.get("reports", []):
                got[norm(rep["name"])] = rep.get("status") or "none"
    return got


DNSVIZ_MARK = {".": "secure", "-": "insecure", "!": "bogus", "?": "indeterminate"}


def dnsviz(path):
    """name -> status of its A RRset in `dnsviz print` (first character of the
    [..] mark: . secure, - insecure, ! bogus, ? indeterminate)."""
    got, current = {}, None
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line[0].isspace():
                current = norm(line.split()[0])
                continue
            s = line.strip()
            if current and current not in got and s.startswith("[") and "]  A:" in s:
                got[current] = DNSVIZ_MARK.get(s[1], "indeterminate")
    return got


def zonemaster(directory, names):
    """zone -> verdict from the DNSSEC module's messages: NOT_SIGNED (or
    NEITHER_DNSKEY_NOR_DS) is insecure, any DNSSEC ERROR or CRITICAL is bogus,
    else secure; every name of the zone gets the zone's verdict."""
    got = {}
    for name in names:
        zone = name.split(".", 1)[1] if "." in name else name
        path = os.path.join(directory, zone + ".jsonl")
        if not os.path.exists(path):
            continue
        tags, errors = set(), 0
        with open(path) as f:
            for line in f:
                try:
                    m = json.loads(line)
                except ValueError:
                    continue
                if m.get("module", "").upper() != "DNSSEC":
                    continue
                tags.add(m.get("tag", ""))
                if m.get("level") in ("ERROR", "CRITICAL"):
                    errors += 1
        if tags & {"NOT_SIGNED", "NEITHER_DNSKEY_NOR_DS"}:
            got[name] = "insecure"
        elif errors:
            got[name] = "bogus"
        else:
            got[name] = "secure"
    return got


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    mode, expected_path, result = sys.argv[1:]
    exp = load_expected(expected_path)
    sample = os.environ.get("SAMPLE_FILE")
    if sample:
        with open(sample) as f:
            names = [norm(l) for l in f if l.strip() and not l.startswith("#")]
    else:
        names = list(exp)
    if mode == "dnssec-check":
        got = dnssec_check(result)
    elif mode == "dnsviz":
        got = dnsviz(result)
    elif mode == "zonemaster":
        got = zonemaster(result, names)
    else:
        sys.exit(__doc__)

    counts = collections.Counter()
    mism = collections.Counter()
    examples = []
    agree = missing = 0
    for n in names:
        want, kind = exp.get(n, ("unknown", "unknown"))
        g = got.get(n)
        if g is None:
            missing += 1
            g = "missing"
        counts[g] += 1
        if g == want:
            agree += 1
        else:
            mism["%s/%s->%s" % (kind, want, g)] += 1
            if len(examples) < 5:
                examples.append("%s (%s): expected %s, got %s" % (n, kind, want, g))
    print("total=%d" % len(names))
    print("agree=%d" % agree)
    print("missing=%d" % missing)
    print("counts=" + ",".join("%s:%d" % kv for kv in sorted(counts.items())))
    print("mismatches=" + (",".join("%s:%d" % kv for kv in sorted(mism.items())) or "none"))
    for e in examples:
        print("# " + e)


if __name__ == "__main__":
    main()
