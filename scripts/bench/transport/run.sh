#!/usr/bin/env bash
# Transport benchmark: the query engine (through the opt-in Swift Testing
# benchmark, debug build) against kdig, drill and dig asking the same
# questions of the same server, sequentially. Loopback only.
#
#   scripts/bench/transport/run.sh [--local] [N]
#
# Server: the lab root (127.53.0.1:53) when it answers, else (or with
# --local) a tiny Python responder on 127.0.0.1. N queries for the engine's
# concurrent run (default 2000); the sequential runs use M = min(N, 200).
# Env: PKG (package dir, default the repo), SCRATCH (default .build-transport).
# Debug build only: an optimised build of the test module (-c release
# -Xswiftc -enable-testing) fails with "circular reference" in Swift 6.3.1.
# Numbers on a shared 2-core machine move a lot with other load: run twice.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PKG="${PKG:-$(cd "$here/../../.." && pwd)}"
SCRATCH="${SCRATCH:-.build-transport}"
local_only=""; [ "${1:-}" = --local ] && { local_only=1; shift; }
N="${1:-2000}"
M=$(( N < 200 ? N : 200 ))

responder_pid=""
cleanup() { [ -n "$responder_pid" ] && kill "$responder_pid" 2>/dev/null || true; }
trap cleanup EXIT

ip=127.53.0.1 port=53
if [ -n "$local_only" ] || ! kdig @"$ip" -p "$port" . SOA +time=1 +retry=0 >/dev/null 2>&1; then
  ip=127.0.0.1
  fifo="$(mktemp -u)"; mkfifo "$fifo"
  python3 "$here/responder.py" >"$fifo" & responder_pid=$!
  read -r port <"$fifo"; rm -f "$fifo"
  echo "server: local Python responder $ip:$port"
else
  echo "server: lab root $ip:$port"
fi

types=(A AAAA TXT SOA)
names=(); qtypes=()
for ((i = 0; i < M; i++)); do names+=("t$i.example."); qtypes+=("${types[i % 4]}"); done

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }

declare -A rates
time_loop() {  # name, command prefix...
  local label="$1"; shift
  local start end
  start="$(now)"
  for ((i = 0; i < M; i++)); do "$@" "${names[i]}" "${qtypes[i]}" >/dev/null 2>&1 || true; done
  end="$(now)"
  rates[$label]="$(rate "$M" "$start" "$end")"
  printf '%-28s %6d queries %7.2f s %7s q/s\n' "$label" "$M" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "${rates[$label]}"
}
time_batch() {  # name, command prefix... (all questions in one process)
  local label="$1"; shift
  local args=() start end
  for ((i = 0; i < M; i++)); do args+=("${names[i]}" "${qtypes[i]}"); done
  start="$(now)"; "$@" "${args[@]}" >/dev/null 2>&1 || true; end="$(now)"
  rates[$label]="$(rate "$M" "$start" "$end")"
  printf '%-28s %6d queries %7.2f s %7s q/s\n' "$label" "$M" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "${rates[$label]}"
}

echo "== command-line tools (sequential, one process per query unless 'batch')"
command -v kdig >/dev/null && time_loop "kdig (loop)" kdig @"$ip" -p "$port" +dnssec +norec +time=2 +retry=1
command -v kdig >/dev/null && time_batch "kdig (batch, 1 process)" kdig @"$ip" -p "$port" +dnssec +norec +time=2 +retry=1
command -v dig >/dev/null && time_loop "dig (loop)" dig @"$ip" -p "$port" +dnssec +norec +time=2 +tries=2
command -v dig >/dev/null && time_batch "dig (batch, 1 process)" dig @"$ip" -p "$port" +dnssec +norec +time=2 +tries=2
drill_q() { drill -D -p "$port" "$1" @"$ip" "$2"; }
command -v drill >/dev/null && time_loop "drill (loop)" drill_q

echo "== query engine (swift test, debug build; builds first if needed)"
out="$(cd "$PKG" && DNSSEC_BENCH=1 DNSSEC_BENCH_SERVER="$ip:$port" DNSSEC_BENCH_N="$N" DNSSEC_BENCH_SEQ_N="$M" \
  swift test --scratch-path "$SCRATCH" --filter BenchmarkTests 2>&1)" || { echo "$out" | tail -30; exit 1; }
echo "$out" | grep '^BENCH' | sed 's/^BENCH /  /'
seq_rate="$(echo "$out" | sed -n 's/^BENCH engine sequential .*rate=\([0-9]*\).*/\1/p')"
con_rate="$(echo "$out" | sed -n 's/^BENCH engine concurrent.*rate=\([0-9]*\).*/\1/p')"

echo "== ratios (engine q/s ÷ tool q/s)"
for label in "${!rates[@]}"; do
  awk -v l="$label" -v s="$seq_rate" -v c="$con_rate" -v t="${rates[$label]}" \
    'BEGIN { printf "  %-26s sequential x%.1f   concurrent(32) x%.1f\n", l, s / t, c / t }'
done | sort
