#!/usr/bin/env bash
# Zone-file verification benchmark (issue 16): signs zones of N names (an A
# and a TXT per name, ECDSA P-256, with dnssec-signzone), once with NSEC and
# once with NSEC3 (no salt, 0 iterations), and times in the same run
# `dnssec-check zone`, kzonecheck, dnssec-verify, ldns-verify-zone and
# validns on each, under /usr/bin/time for the peak RSS. Prints a table per
# zone with seconds, peak RSS, each tool's verdict (its exit status), and
# how many times slower than dnssec-check each peer is; then the machine's
# OpenSSL P-256 verification rate, the floor for the signature checks.
#
#   scripts/bench/zone/run.sh [N ...]          default: 10000 100000
#
# Environment:
#   BENCH_BIN=PATH        benchmark this binary instead of `swift build -c release`'s
#   BENCH_NO_INSTALL=1    never apt-get install a missing tool (skip the tool instead)
#   BENCH_DIR=DIR         where the zones are signed and kept (default .lab/bench-zone; reused)
#
# Nothing touches the network. Run as root (it may apt-get install the peers:
# knot-dnssecutils, bind9-utils, ldnsutils, validns, time). Exit 3 when
# something needed is missing or a tool crashes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
for n in "${sizes[@]}"; do [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] || { echo "bench: N must be a number >= 1, not '$n'" >&2; exit 3; }; done
dir="${BENCH_DIR:-$root/.lab/bench-zone}"
say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 3; }

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
updated=""
ensure_pkg() {
  have_pkg "$1" && return 0
  [ -z "${BENCH_NO_INSTALL:-}" ] || return 1
  if [ -z "$updated" ]; then apt-get update -qq >/dev/null 2>&1 || true; updated=1; fi
  say "apt-get install $1"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1 || return 1
}
ensure_pkg time || die "package time (/usr/bin/time) is missing"
ensure_pkg bind9-utils || die "bind9-utils (dnssec-keygen, dnssec-signzone) is missing"
for pkg in knot-dnssecutils ldnsutils validns; do ensure_pkg "$pkg" || say "$pkg not installed: its tool is left out"; done

if [ -n "${BENCH_BIN:-}" ]; then
  bin=$BENCH_BIN
else
  say "swift build -c release"
  swift build -c release >/dev/null
  bin=$root/.build/release/dnssec-check
fi
[ -x "$bin" ] || die "no dnssec-check binary at $bin"

# make_zone N DIR: the unsigned zone and its keys (cached).
make_zone() {
  local n=$1 out=$2
  mkdir -p "$out"
  [ -s "$out/bench.zone" ] && return 0
  python3 - "$n" "$out/bench.zone" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write("$ORIGIN bench.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n")
    for i in range(n):
        f.write(f"h{i} IN A 192.0.2.{i % 250 + 1}\nh{i} IN TXT \"name {i}\"\n")
PY
  (cd "$out" && rm -f Kbench.* && dnssec-keygen -q -a ECDSAP256SHA256 bench. >/dev/null && dnssec-keygen -q -a ECDSAP256SHA256 -f KSK bench. >/dev/null)
}

# sign DIR MODE: bench.MODE.signed (MODE nsec or nsec3), cached.
sign() {
  local out=$1 mode=$2
  [ -s "$out/bench.$mode.signed" ] && return 0
  local extra=()
  [ "$mode" = nsec3 ] && extra=(-3 - -H 0)
  # -S: smart signing, the keys of $out (-K) published and used by their roles.
  (cd "$out" && dnssec-signzone -q -S -K . -o bench. "${extra[@]}" -f "bench.$mode.signed" bench.zone >/dev/null)
}

# measure NAME COMMAND...: prints "NAME seconds rss_mb exit"
measure() {
  local name=$1; shift
  local log; log=$(mktemp)
  local status=0
  /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>&1 || status=$?
  local seconds rss
  read -r seconds rss < <(tail -1 "$log")
  rm -f "$log"
  if (( status > 128 )); then die "$name crashed (exit $status)"; fi
  printf '%s %s %s %s\n' "$name" "$seconds" "$((rss / 1024))" "$status"
}

rate=$(openssl speed -seconds 2 ecdsap256 2>/dev/null | awk '/nistp256/ {print $NF}')
for n in "${sizes[@]}"; do
  out="$dir/$n"
  say "zone of $n names: keys and signing (cached in $out)"
  make_zone "$n" "$out"
  for mode in nsec nsec3; do
    sign "$out" "$mode"
    zone="$out/bench.$mode.signed"
    # The signatures, as dnssec-check counts them (untimed).
    sigs=$("$bin" zone "$zone" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["counts"]["signatures_checked"])' || true)
    say "$n names, $mode: $sigs signatures; timing"
    results=()
    results+=("$(measure dnssec-check "$bin" zone "$zone")")
    command -v kzonecheck >/dev/null && results+=("$(measure kzonecheck kzonecheck -o bench. -d on "$zone")")
    results+=("$(measure dnssec-verify dnssec-verify -q -o bench. "$zone")")
    command -v ldns-verify-zone >/dev/null && results+=("$(measure ldns-verify-zone ldns-verify-zone "$zone")")
    # validns checks structure fast, but Debian 12's 0.8 cannot build ECDSA keys ("error building pkey"): exit 1.
    command -v validns >/dev/null && results+=("$(measure validns validns -z bench. "$zone")")
    base=$(printf '%s\n' "${results[0]}" | awk '{print $2}')
    echo
    echo "### $n names, $mode ($sigs signatures, $(du -m "$zone" | cut -f1) MB)"
    echo
    echo "| Tool | seconds | peak RSS MB | exit | dnssec-check is … faster |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    for line in "${results[@]}"; do
      read -r tool seconds rss status <<<"$line"
      ratio=$(awk -v a="$seconds" -v b="$base" 'BEGIN { printf (b > 0 ? "%.2f×" : "—"), a / b }')
      [ "$tool" = dnssec-check ] && ratio="1.00×"
      echo "| \`$tool\` | $seconds | $rss | $status | $ratio |"
    done
    floor=$(awk -v s="$sigs" -v r="$rate" -v c="$(nproc)" 'BEGIN { if (r > 0) printf "%.1f", s / (r * c); else print "?" }')
    echo
    echo "OpenSSL P-256 verifications here: $rate/s per core; the floor for $sigs signatures on $(nproc) cores: $floor s."
  done
done
