#!/usr/bin/env bash
# Batch benchmark: dnssec-check over every name of the bulk lab in ONE run
# (-f names.txt --format jsonl --jobs 32), timed under /usr/bin/time -v for
# the peak RSS, its verdicts checked against the lab's ground truth; then
# DNSViz (probe -A | grok) and zonemaster-cli on a sample of the same names,
# for names/s and the ratio to dnssec-check.  Ends with a block to paste into
# docs/benchmarks.md.  Everything stays on 127.53.100.0/24 (the bulk lab,
# scripts/lab/bulk; docs/lab.md "Bulk part").
#
#   scripts/bench/batch/run.sh [ZONES] [NAMES_PER_ZONE] [SAMPLE]    defaults 3000 1 20
#
# The sample is the www name of each of the first SAMPLE zones (z00001 on:
# zones 1-4 are the expired, bad-ds, unsigned and silent-secondary ones, so
# every kind is in it; the silent one costs DNSViz and zonemaster-cli their
# timeouts, as it costs dnssec-check in the sample run).
#
# A larger list: BENCH_NAMES=50000 scripts/bench/batch/run.sh
#   builds ZONES=5000 NAMES_PER_ZONE=10 (the same as `run.sh 5000 10`); any
#   BENCH_NAMES=N means ceil(N/10) zones of 10 names.  Building 5000 zones
#   takes about 40 s the first time (cached after that).
#
# Environment:
#   BENCH_NAMES=N            see above (ignored when ZONES is given)
#   BENCH_JOBS=32            --jobs of the dnssec-check runs
#   BENCH_BIN=PATH           benchmark this binary instead of `swift build -c release`'s
#   BENCH_SKIP_DNSVIZ=1, BENCH_SKIP_ZONEMASTER=1   leave that tool out
#   BENCH_NO_INSTALL=1       never apt-get install a missing tool (skip the tool instead)
#
# Tools: /usr/bin/time (package time), dnsviz and zonemaster-cli are
# installed with apt-get when missing (checked with dpkg-query first).
# Results stay in <lab>/bulk/bench/.  If this script started the bulk lab,
# it stops it again at the end (scripts/lab/bulk down).  Run as root.
# Exit 3 when something needed is missing or a tool fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
here="$root/scripts/bench/batch"
cd "$root"
export DNSSEC_CHECK_LOOPBACK_ONLY=1
lab="${DNSSEC_LAB_DIR:-$root/.lab}"
bulk="$lab/bulk"
PY=/usr/bin/python3

if [ $# -ge 1 ]; then
  zones=$1 per=${2:-1}
elif [ -n "${BENCH_NAMES:-}" ]; then
  [[ "$BENCH_NAMES" =~ ^[0-9]+$ ]] || { echo "bench: BENCH_NAMES must be a number" >&2; exit 3; }
  per=10 zones=$(( (BENCH_NAMES + 9) / 10 ))
else
  zones=3000 per=1
fi
sample=${3:-20}
jobs=${BENCH_JOBS:-32}
[[ "$sample" =~ ^[0-9]+$ ]] && [ "$sample" -ge 1 ] || { echo "bench: SAMPLE must be a number >= 1" >&2; exit 3; }

say() { printf 'bench: %s\n' "$*"; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 3; }
[ "$(id -u)" -eq 0 ] || die "run as root (the bulk lab listens on port 53)"

# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
apt_updated=""
# ensure_pkg PKG: 0 installed (now or before), 1 not installed (install refused
# or failed), 2 no installable candidate on this system
ensure_pkg() {
  have_pkg "$1" && return 0
  [ -z "${BENCH_NO_INSTALL:-}" ] || return 1
  if [ -z "$apt_updated" ]; then
    say "apt-get update (to install $1)"
    apt-get update -qq >/dev/null 2>&1 || true
    apt_updated=1
  fi
  apt-cache policy "$1" 2>/dev/null | grep -E 'Candidate: [0-9]' >/dev/null || return 2   # not grep -q: with pipefail, apt-cache's SIGPIPE would fail the pipe
  say "apt-get install $1"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1 || return 1
  have_pkg "$1"
}
ensure_pkg time || die "/usr/bin/time is missing and package time could not be installed"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing"

viz_status=skipped zm_status=skipped
if [ -z "${BENCH_SKIP_DNSVIZ:-}" ]; then
  if ensure_pkg dnsviz; then viz_status=ok
  else viz_status="not installed (apt-get install dnsviz failed or refused)"; fi
fi
if [ -z "${BENCH_SKIP_ZONEMASTER:-}" ]; then
  rc=0; ensure_pkg zonemaster-cli || rc=$?
  case $rc in
    0) zm_status=ok ;;
    2) zm_status="not installable here (apt-cache policy zonemaster-cli: no candidate); skipped" ;;
    *) zm_status="not installed (apt-get install zonemaster-cli failed or refused); skipped" ;;
  esac
fi

# ---------------------------------------------------------------------------
# The lab and the binary
# ---------------------------------------------------------------------------
started_lab=""
if ! "$root/scripts/lab/bulk" status >/dev/null 2>&1; then started_lab=1; fi
cleanup() {
  if [ -n "$started_lab" ]; then "$root/scripts/lab/bulk" down >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
t_lab=$(date +%s%N)
up_log="$(mktemp)"
"$root/scripts/lab/bulk" up "$zones" "$per" 2>&1 | tee "$up_log" || { rm -f "$up_log"; die "scripts/lab/bulk up $zones $per failed"; }
"$root/scripts/lab/bulk" status >/dev/null || die "the bulk lab is not healthy after up"
lab_ms=$(( ($(date +%s%N) - t_lab) / 1000000 ))
if grep -q '^bulk: built ' "$up_log"; then
  lab_note="built from scratch: $(sed -n 's/^bulk: built .* in //p' "$up_log"), up in $lab_ms ms"
else
  lab_note="build cached, up in $lab_ms ms"
fi
rm -f "$up_log"
out="$bulk/bench"
rm -rf "$out"; mkdir -p "$out"

if [ -n "${BENCH_BIN:-}" ]; then
  bin="$BENCH_BIN"
else
  say "swift build -c release (SwiftPM waits if another build holds .build)"
  if ! swift build -c release >"$out/swift-build.log" 2>&1; then
    tail -n 20 "$out/swift-build.log" >&2
    die "swift build -c release failed (work in progress? retry later; log: $out/swift-build.log)"
  fi
  bin="$(swift build -c release --show-bin-path)/dnssec-check"
fi
[ -x "$bin" ] || die "no binary at $bin"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$root" status --porcelain -- Sources Package.swift 2>/dev/null)" ]; then commit+="+local changes"; fi

now_ns() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", n / s; else print "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "-") printf "%.1f", a / b; else print "-" }'; }
rss_mb() { awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$1"; }
field() { sed -n "s/^$1=//p" "$2"; }

# run_check NAMESFILE TAG: one dnssec-check batch run; sets ck_s, ck_rss, ck_rc
run_check() {
  local t0 t1
  t0=$(now_ns)
  set +e
  /usr/bin/time -v -o "$out/$2.time" "$bin" -f "$1" --root-hints "$bulk/root.hints" \
    --trust-anchor "$bulk/root-anchor.ds" --format jsonl --jobs "$jobs" \
    >"$out/$2.jsonl" 2>"$out/$2.stderr"
  ck_rc=$?
  set -e
  t1=$(now_ns)
  ck_s=$(secs "$t0" "$t1")
  ck_rss=$(rss_mb "$out/$2.time")
  if [ "$ck_rc" -gt 3 ]; then
    tail -n 20 "$out/$2.stderr" >&2
    die "dnssec-check exited $ck_rc on $1 (stderr: $out/$2.stderr)"
  fi
}

names_file="$bulk/names.txt"
n_names=$(grep -c . "$names_file")
# one name (www) of each of the first SAMPLE zones: every broken kind is in zones 1-4
# grep -m, not "| head": with pipefail a grep cut off by head fails the script (SIGPIPE)
grep -m "$sample" '^www\.' "$names_file" > "$out/sample.txt"
sample=$(grep -c . "$out/sample.txt")

# ---------------------------------------------------------------------------
# 1. dnssec-check: every name, one run
# ---------------------------------------------------------------------------
say "dnssec-check: $n_names names in one run (--jobs $jobs), bin $bin"
run_check "$names_file" all
all_s=$ck_s all_rss=$ck_rss all_rc=$ck_rc
all_rate=$(rate "$n_names" "$all_s")
all_cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$out/all.time")
"$PY" "$here/verdicts.py" dnssec-check "$bulk/expected.tsv" "$out/all.jsonl" > "$out/all.verdicts"
all_agree=$(field agree "$out/all.verdicts") all_total=$(field total "$out/all.verdicts")
all_counts=$(field counts "$out/all.verdicts") all_mism=$(field mismatches "$out/all.verdicts")
lines=$(grep -c . "$out/all.jsonl" || true)

# the same command on the sample, for a like-for-like comparison with the others
run_check "$out/sample.txt" sample
smp_s=$ck_s smp_rss=$ck_rss
smp_rate=$(rate "$sample" "$smp_s")
SAMPLE_FILE="$out/sample.txt" "$PY" "$here/verdicts.py" dnssec-check "$bulk/expected.tsv" "$out/sample.jsonl" > "$out/sample.verdicts"
smp_agree=$(field agree "$out/sample.verdicts")

# ---------------------------------------------------------------------------
# 2. DNSViz on the sample: one probe of every sample name (2 threads), one grok
# ---------------------------------------------------------------------------
viz_s=- viz_rate=- viz_rss=- viz_agree=- viz_counts=- viz_mism=-
if [ "$viz_status" = ok ]; then
  say "dnsviz: probe -A -t 2 | grok on $sample names"
  rootaddr=$(awk '$3 == "A" || $4 == "A" { print $NF; exit }' "$bulk/root.hints")
  rootname=$(awk '$3 == "A" || $4 == "A" { sub(/\.$/, "", $1); print $1; exit }' "$bulk/root.hints")
  t0=$(now_ns)
  if /usr/bin/time -f %M -o "$out/dnsviz-probe.rss" dnsviz probe -A -a . -4 -R A \
       -x ".:$rootname=$rootaddr" -d 0 -t 2 -f "$out/sample.txt" >"$out/dnsviz.json" 2>"$out/dnsviz-probe.log" \
     && /usr/bin/time -f %M -o "$out/dnsviz-grok.rss" "$PY" "$here/../dnsviz-shim.py" grok -P -l warning \
       -t "$bulk/root-anchor.dnskey" <"$out/dnsviz.json" >"$out/dnsviz-grok.json" 2>"$out/dnsviz-grok.log"; then
    t1=$(now_ns)
    viz_s=$(secs "$t0" "$t1")
    viz_rate=$(rate "$sample" "$viz_s")
    viz_rss=$(cat "$out/dnsviz-probe.rss" "$out/dnsviz-grok.rss" | awk '$1 ~ /^[0-9]+$/ && $1 > m { m = $1 } END { printf "%.0f", m / 1024 }')
    # verdicts (not timed): `dnsviz print` marks every RRset secure/insecure/bogus
    "$PY" "$here/../dnsviz-shim.py" print -t "$bulk/root-anchor.dnskey" <"$out/dnsviz.json" \
      >"$out/dnsviz-print.txt" 2>"$out/dnsviz-print.log" || true
    SAMPLE_FILE="$out/sample.txt" "$PY" "$here/verdicts.py" dnsviz "$bulk/expected.tsv" "$out/dnsviz-print.txt" > "$out/dnsviz.verdicts"
    viz_agree=$(field agree "$out/dnsviz.verdicts") viz_counts=$(field counts "$out/dnsviz.verdicts")
    viz_mism=$(field mismatches "$out/dnsviz.verdicts")
  else
    viz_status="failed (see $out/dnsviz-probe.log, $out/dnsviz-grok.log)"
    tail -n 5 "$out/dnsviz-probe.log" "$out/dnsviz-grok.log" >&2 || true
  fi
fi

# ---------------------------------------------------------------------------
# 3. zonemaster-cli on the zones of the sample: one process per zone
# ---------------------------------------------------------------------------
zm_s=- zm_rate=- zm_rss=- zm_agree=- zm_counts=- zm_mism=- zm_zones=0
if [ "$zm_status" = ok ]; then
  # Only the private root (--hints), IPv4, and no connectivity03: its ASN
  # look-ups name databases outside the lab.  Every other test case runs.
  zonemaster-cli --dump-profile 2>/dev/null | "$PY" -c '
import json, sys
d = json.load(sys.stdin)
json.dump({"net": {"ipv4": True, "ipv6": False},
           "test_cases": [t for t in d["test_cases"] if t != "connectivity03"]}, sys.stdout)' \
    > "$out/zonemaster-profile.json" || die "zonemaster-cli --dump-profile failed"
  mkdir -p "$out/zonemaster"
  awk '{ z = $0; sub(/^[^.]*\./, "", z); sub(/\.$/, "", z); if (!seen[z]++) print z }' "$out/sample.txt" > "$out/sample-zones.txt"
  zm_zones=$(grep -c . "$out/sample-zones.txt")
  say "zonemaster-cli: $zm_zones zones of the sample, one after the other"
  t0=$(now_ns)
  while read -r z; do
    /usr/bin/time -f %M -o "$out/zonemaster/$z.rss" zonemaster-cli --profile "$out/zonemaster-profile.json" \
      --hints "$bulk/root.hints" --no-ipv6 --no-progress --level NOTICE --json-stream "$z" \
      >"$out/zonemaster/$z.jsonl" 2>"$out/zonemaster/$z.log" || true
  done < "$out/sample-zones.txt"
  t1=$(now_ns)
  zm_s=$(secs "$t0" "$t1")
  zm_rate=$(rate "$zm_zones" "$zm_s")
  zm_rss=$(cat "$out"/zonemaster/*.rss | awk '$1 ~ /^[0-9]+$/ && $1 > m { m = $1 } END { printf "%.0f", m / 1024 }')
  SAMPLE_FILE="$out/sample.txt" "$PY" "$here/verdicts.py" zonemaster "$bulk/expected.tsv" "$out/zonemaster" > "$out/zonemaster.verdicts"
  zm_agree=$(field agree "$out/zonemaster.verdicts") zm_counts=$(field counts "$out/zonemaster.verdicts")
  zm_mism=$(field mismatches "$out/zonemaster.verdicts")
fi

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------
echo
echo "dnssec-check batch run ($n_names names, one process, --jobs $jobs; exit $all_rc; $lines JSONL lines)"
printf '  %-22s %s\n' names "$n_names" "wall seconds" "$all_s" "names/s" "$all_rate" \
  "peak RSS MB" "$all_rss" "CPU seconds" "$all_cpu" "verdicts" "$all_counts" \
  "agree with expected" "$all_agree of $all_total" "disagreements" "$all_mism"
grep '^# ' "$out/all.verdicts" | sed 's/^# /    /' || true
echo "sample of $sample names (www of the first $sample zones)"
printf '  %-34s %8s %9s %8s %s\n' tool seconds names/s "RSS MB" "agree / ratio"
printf '  %-34s %8s %9s %8s %s\n' "dnssec-check -f sample" "$smp_s" "$smp_rate" "$smp_rss" "$smp_agree/$sample"
if [ "$viz_status" = ok ]; then
  printf '  %-34s %8s %9s %8s %s\n' "dnsviz probe -A -t 2 | grok" "$viz_s" "$viz_rate" "$viz_rss" \
    "$viz_agree/$sample; dnssec-check batch is $(ratio "$all_rate" "$viz_rate")x faster (sample run $(ratio "$smp_rate" "$viz_rate")x)"
  echo "    dnsviz verdicts (dnsviz print): $viz_counts; disagreements: $viz_mism"
else
  echo "  dnsviz: $viz_status"
fi
if [ "$zm_status" = ok ]; then
  printf '  %-34s %8s %9s %8s %s\n' "zonemaster-cli ($zm_zones zones)" "$zm_s" "$zm_rate" "$zm_rss" \
    "$zm_agree/$sample; dnssec-check batch is $(ratio "$all_rate" "$zm_rate")x faster (sample run $(ratio "$smp_rate" "$zm_rate")x)"
  echo "    zonemaster verdicts (DNSSEC module: NOT_SIGNED insecure, any ERROR bogus): $zm_counts; disagreements: $zm_mism"
else
  echo "  zonemaster-cli: $zm_status"
fi
echo "  results in $out"

cat <<EOF

---8<--- paste into docs/benchmarks.md ---
## Thousands of names in one run: \`scripts/bench/batch/run.sh\`

The bulk lab (\`scripts/lab/bulk up $zones $per\`): $zones leaf zones
\`zNNNNN.bulk.\` with their own keys under a private root and the TLD \`bulk.\`,
$per name(s) each, 8 % broken on purpose (expired signatures, a DS matching
no key, unsigned, a silent third name server). One \`dnssec-check -f\` run over
all $n_names names (\`--format jsonl --jobs $jobs\`, release build $commit,
$(date -u +%Y-%m-%d)), then DNSViz and zonemaster-cli on the www names of the first $sample zones:

| Tool | names | seconds | names/s | peak RSS MB | agrees with expected.tsv | dnssec-check is … faster |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| \`dnssec-check -f names.txt --jobs $jobs\` | $n_names | $all_s | $all_rate | $all_rss | $all_agree / $all_total | 1.0× |
| \`dnssec-check -f sample.txt --jobs $jobs\` | $sample | $smp_s | $smp_rate | $smp_rss | $smp_agree / $sample | — |
EOF
if [ "$viz_status" = ok ]; then
  echo "| \`dnsviz probe -A -t 2 … \\| dnsviz grok\` | $sample | $viz_s | $viz_rate | $viz_rss | $viz_agree / $sample | $(ratio "$all_rate" "$viz_rate")× |"
else
  echo "| DNSViz | — | — | — | — | $viz_status | — |"
fi
if [ "$zm_status" = ok ]; then
  echo "| \`zonemaster-cli --hints …\` (one process per zone) | $zm_zones zones | $zm_s | $zm_rate | $zm_rss | $zm_agree / $sample | $(ratio "$all_rate" "$zm_rate")× |"
else
  echo "| zonemaster-cli | — | — | — | — | $zm_status | — |"
fi
cat <<EOF

dnssec-check verdicts: $all_counts (disagreements with expected.tsv: $all_mism).
Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end of the run;
bulk lab: $lab_note.
---8<---
EOF
