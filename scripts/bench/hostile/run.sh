#!/usr/bin/env bash
# The hostile lab against its target (issue 12): every manifest row of the
# hostile root ("hints": "hostile/root.hints") is checked by its own
# dnssec-check process (release build) under /usr/bin/time -v, and the row
# meets the target when it takes at most 1 s of CPU (user + sys), 5 s of wall
# time and 100 MB of peak RSS, and gives unbound's verdict.  Needs the lab up
# (scripts/lab/up); everything stays on 127.53.9.0/24.
#
#   scripts/bench/hostile/run.sh [ID ...]     all hostile rows, or only these
#
# UNBOUND=manifest takes unbound's verdict from the manifest (which
# scripts/lab/check-manifest checks against unbound) instead of asking the
# hostile unbound again (about 2 minutes).  LIMIT (default 60) is the wall
# time after which a row's process is killed (reported as "killed").
# Exit 0 when every row meets the target, 1 when any misses, 3 when the lab
# is not up.  The table is also written to .lab/hostile/bench.tsv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$root"
export DNSSEC_CHECK_LOOPBACK_ONLY=1
lab="${DNSSEC_LAB_DIR:-$root/.lab}"
limit="${LIMIT:-60}"
py=/usr/bin/python3
[ -s "$lab/hostile/root.hints" ] && [ -s "$lab/hostile/root-anchor.ds" ] \
    || { echo "bench: the hostile lab is not up (scripts/lab/up)" >&2; exit 3; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (Debian package time)" >&2; exit 3; }
swift build -c release --product dnssec-check >/dev/null
bin="$(swift build -c release --show-bin-path)/dnssec-check"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The hostile rows, one a line: id <TAB> name <TAB> type <TAB> verdict <TAB> codes <TAB> options
$py - "$@" > "$tmp/rows" <<'PY'
import json, sys
rows = [r for r in json.load(open("scripts/lab/manifest.json"))["scenarios"] if r.get("hints") == "hostile/root.hints"]
want = sys.argv[1:]
unknown = set(want) - {r["id"] for r in rows}
if unknown:
    sys.exit("bench: no such hostile row: %s" % ", ".join(sorted(unknown)))
for r in rows:
    if not want or r["id"] in want:
        print("\t".join([r["id"], r["name"], r["type"], r["verdict"], ",".join(r["codes"]), " ".join(r.get("options", []))]))
PY

# unbound's verdicts: asked again (default) or as the manifest records them
if [ "${UNBOUND:-live}" = manifest ]; then
    cut -f1,4 "$tmp/rows" > "$tmp/unbound"
else
    # shellcheck disable=SC2046
    $py scripts/lab/unbound-verdicts --json $(cut -f1 "$tmp/rows") \
        | $py -c 'import json, sys
for line in sys.stdin:
    v = json.loads(line); print(v["id"] + "\t" + v["verdict"])' > "$tmp/unbound"
fi

fmt='%-26s %7s %7s %6s  %-13s %-13s %-5s %s\n'
printf "$fmt" ROW "WALL s" "CPU s" "RSS MB" DNSSEC-CHECK UNBOUND TARGET "MISSES / CODES MISSING"
printf 'row\twall_s\tcpu_s\trss_mb\tverdict\tunbound\tmeets\tmisses\tmissing_codes\n' > "$tmp/tsv"
fail=0
while IFS=$'\t' read -r id name type _ codes options; do
    unbound="$(awk -F'\t' -v id="$id" '$1 == id {print $2}' "$tmp/unbound")"
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$tmp/time" timeout -s KILL "$limit" "$bin" "$name" -t "$type" \
        --root-hints "$lab/hostile/root.hints" --trust-anchor "$lab/hostile/root-anchor.ds" \
        --timeout 1 --format json $options > "$tmp/out" 2>/dev/null || true
    # wall, CPU and RSS from time -v; verdict and missing codes from the JSON report
    read -r wall cpu rss < <($py - "$tmp/time" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def field(label):
    m = re.search(re.escape(label) + r": (.*)", t)
    return m.group(1).strip() if m else "0"
parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
print("%.2f %.2f %.0f" % (wall, cpu, int(field("Maximum resident set size (kbytes)")) / 1024))
PY
)
    read -r verdict missing < <($py - "$tmp/out" "$codes" <<'PY'
import json, sys
try:
    report = json.load(open(sys.argv[1]))["reports"][0]
except Exception:
    print("killed-or-none -"); sys.exit()
found = {f.get("code") for f in report.get("findings", [])}
missing = [c for c in sys.argv[2].split(",") if c and c not in found]
print(report.get("status", "?"), ",".join(missing) or "-")
PY
)
    misses=""
    [ "$(echo "$cpu > 1" | bc -l)" = 1 ] && misses+="cpu,"
    [ "$(echo "$wall > 5" | bc -l)" = 1 ] && misses+="wall,"
    [ "$rss" -gt 100 ] && misses+="rss,"
    [ "$verdict" = "$unbound" ] || misses+="verdict,"
    misses="${misses%,}"
    if [ -n "$misses" ]; then meets=no; fail=1; else meets=yes; misses=-; fi
    printf "$fmt" "$id" "$wall" "$cpu" "$rss" "$verdict" "$unbound" "$meets" "$misses / $missing"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$wall" "$cpu" "$rss" "$verdict" "$unbound" "$meets" "$misses" "$missing" >> "$tmp/tsv"
done < "$tmp/rows"
mkdir -p "$lab/hostile"
cp "$tmp/tsv" "$lab/hostile/bench.tsv"
rows=$(($(wc -l < "$tmp/tsv") - 1))
met=$(awk -F'\t' 'NR > 1 && $7 == "yes"' "$tmp/tsv" | wc -l)
echo "$met of $rows rows meet the target (≤ 1 s CPU, ≤ 5 s wall, ≤ 100 MB RSS, unbound's verdict); table in $lab/hostile/bench.tsv"
exit "$fail"
