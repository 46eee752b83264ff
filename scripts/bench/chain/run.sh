#!/usr/bin/env bash
# Times a full chain-of-trust analysis of lab names with dnssec-check, with
# DNSViz (probe -A + grok through scripts/bench/dnsviz-shim.py, which works
# around Debian 12's grok exiting at once; the same authoritative walk) and
# with delv (validation through the lab's unbound resolver), in one run,
# and prints the ratios. Needs the lab up (scripts/lab/up) and the dnsviz
# package; everything stays on 127.53.0.0/16.
#
#   scripts/bench/chain/run.sh [ROUNDS] [NAME…]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$root"
export DNSSEC_CHECK_LOOPBACK_ONLY=1
lab="${DNSSEC_LAB_DIR:-$root/.lab}"
rounds="${1:-5}"
shift || true
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(www.ok.lab www.sub.ok.lab www.alg8.lab)

[ -f "$lab/root.hints" ] || { echo "bench: the lab is not up (scripts/lab/up)" >&2; exit 3; }
command -v dnsviz >/dev/null || { echo "bench: dnsviz is not installed (apt-get install dnsviz)" >&2; exit 3; }
swift build -c release >/dev/null
bin="$(swift build -c release --show-bin-path)/dnssec-check"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# delv wants the anchor in named.conf syntax.
read -r _ _ _ _ tag alg dt digest < "$lab/root-anchor.ds"
printf 'trust-anchors { . static-ds %s %s %s "%s"; };\n' "$tag" "$alg" "$dt" "$digest" > "$tmp/delv.anchor"
roots=$(awk '$3=="A" || $4=="A" {print $NF}' "$lab/root.hints" | head -1)

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }

# One tool's check of one name, by name of the tool.
check_dnssec_check() {
    "$bin" "$1" -t A --root-hints "$lab/root.hints" --trust-anchor "$lab/root-anchor.ds" -q >/dev/null || true
}
check_dnsviz() {
    dnsviz probe -A -a . -4 -R A -x ".:a.root-servers.lab=$roots" -d 0 "$1" 2>/dev/null \
        | /usr/bin/python3 "$root/scripts/bench/dnsviz-shim.py" grok -P -t "$lab/root-anchor.dnskey" -l warning \
            >/dev/null 2>"$tmp/grok.err" \
        || { echo "bench: dnsviz grok failed, so it analysed nothing: $(head -c 300 "$tmp/grok.err")" >&2; exit 3; }
}
check_delv() {
    delv @127.53.0.53 -a "$tmp/delv.anchor" "$1" A +root=. >/dev/null 2>&1 || true
}

# Seconds for every round of every name with one tool.
time_tool() {
    local t0 t1
    t0=$(now)
    for _ in $(seq "$rounds"); do
        for n in "${names[@]}"; do "check_$1" "$n"; done
    done
    t1=$(now)
    elapsed "$t0" "$t1"
}

echo "bench: ${#names[@]} names × $rounds rounds: ${names[*]}"
ours=$(time_tool dnssec_check)
viz=$(time_tool dnsviz)
dv=$(time_tool delv)
per() { echo "scale=1; 1000 * $1 / ($rounds * ${#names[@]})" | bc -l; }
printf '%-34s %10s %12s %10s\n' tool "total s" "ms per name" "ratio"
printf '%-34s %10.2f %12s %10s\n' "dnssec-check (full walk)" "$ours" "$(per "$ours")" "1.0"
printf '%-34s %10.2f %12s %9.1fx\n' "dnsviz probe -A | grok" "$viz" "$(per "$viz")" "$(echo "$viz / $ours" | bc -l)"
printf '%-34s %10.2f %12s %9.1fx\n' "delv via unbound (cached)" "$dv" "$(per "$dv")" "$(echo "$dv / $ours" | bc -l)"
echo "ratio > 1 means dnssec-check is that many times faster. delv only validates through a"
echo "caching resolver (no per-server walk), so it is a floor, not a like-for-like comparison."
