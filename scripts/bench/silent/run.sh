#!/usr/bin/env bash
# What silent name servers cost: the whole report for a lab name whose zone
# has one silent server of two (www.halfdead.lab), only silent servers
# (www.dead.lab) and 120 silent name servers with glue (www.wide-dead.lab),
# with dnssec-check (default options), zonemaster-cli (the zone) and DNSViz
# (probe -A | grok), in one run, against the issue's targets (3 s, 5 s, 10 s
# for dnssec-check). Needs the lab up (scripts/lab/up); everything stays on
# 127.53.0.0/16. PEERS=0 skips the peer tools (DNSViz needs minutes here).
#
#   scripts/bench/silent/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$root"
export DNSSEC_CHECK_LOOPBACK_ONLY=1
lab="${DNSSEC_LAB_DIR:-$root/.lab}"
peers="${PEERS:-1}"
limit="${PEER_LIMIT:-300}"   # seconds a peer tool may take on one name (then it is cut off: "≥ limit")
[ -f "$lab/root.hints" ] || { echo "bench: the lab is not up (scripts/lab/up)" >&2; exit 3; }
swift build -c release --product dnssec-check >/dev/null
bin="$(swift build -c release --show-bin-path)/dnssec-check"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
roots=$(awk '$3=="A" || $4=="A" {print $NF}' "$lab/root.hints" | head -1)

now() { date +%s.%N; }
# Wall seconds and peak RSS (MB) of one command: "SECONDS RSS".
measure() {
    local t0 t1
    t0=$(now)
    /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>&1 || true
    t1=$(now)
    printf '%.2f %.0f\n' "$(echo "$t1 - $t0" | bc -l)" "$(( $(tail -1 "$tmp/rss") / 1024 ))"
}

check_dnssec_check() {
    measure "$bin" "$1" --root-hints "$lab/root.hints" --trust-anchor "$lab/root-anchor.ds" -q
}
check_zonemaster() {
    local zone=${1#*.}
    measure timeout "$limit" zonemaster-cli --hints "$lab/root.hints" --no-ipv6 --no-progress --level NOTICE \
        --test dnssec --test delegation --test nameserver "${zone%.}"
}
check_dnsviz() {
    measure timeout "$limit" sh -c "dnsviz probe -A -a . -4 -R A -x '.:a.root-servers.lab=$roots' -d 0 '$1' 2>/dev/null \
        | /usr/bin/python3 '$root/scripts/bench/dnsviz-shim.py' grok -P -t '$lab/root-anchor.dnskey' -l warning"
}

cutoff() { if [ "$(echo "$1 >= $limit" | bc -l)" = 1 ]; then echo "≥ $1"; else echo "$1"; fi; }

printf '%-20s %-8s %-22s %-22s %-22s\n' name target "dnssec-check s (MB)" "zonemaster-cli s (×)" "dnsviz s (×)"
fail=0
for row in "www.halfdead.lab 3" "www.dead.lab 5" "www.wide-dead.lab 10"; do
    read -r name target <<<"$row"
    read -r ours rss < <(check_dnssec_check "$name")
    zm="-" viz="-"
    if [ "$peers" = 1 ] && command -v zonemaster-cli >/dev/null; then
        read -r s _ < <(check_zonemaster "$name")
        zm="$(cutoff "$s") ($(echo "scale=1; $s / $ours" | bc -l)×)"
    fi
    if [ "$peers" = 1 ] && command -v dnsviz >/dev/null; then
        read -r s _ < <(check_dnsviz "$name")
        viz="$(cutoff "$s") ($(echo "scale=1; $s / $ours" | bc -l)×)"
    fi
    verdict=ok
    if [ "$(echo "$ours > $target" | bc -l)" = 1 ]; then verdict=OVER; fail=1; fi
    printf '%-20s %-8s %-22s %-22s %-22s\n' "$name" "≤ ${target} s" "$ours ($rss) $verdict" "$zm" "$viz"
done
echo "× is how many times longer the peer took than dnssec-check on the same name."
exit "$fail"
