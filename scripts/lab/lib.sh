# shellcheck shell=bash
# Shared definitions for the private signed DNS lab (scripts/lab/*).
# Sourced by up, down, status and build.sh; never run directly.
#
# Everything the lab creates at run time lives under $LAB (default <repo>/.lab,
# override with DNSSEC_LAB_DIR).  Every server listens on port 53 of an
# address in 127.53.0.0/16; see docs/lab.md for the address plan.

LAB_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$LAB_SCRIPTS/../.." && pwd)"
LAB="${DNSSEC_LAB_DIR:-$REPO/.lab}"
mkdir -p "$LAB"
LAB="$(cd "$LAB" && pwd)"

RUN="$LAB/run"      # pid files, control sockets
LOG="$LAB/log"      # one log file per process
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# ---------------------------------------------------------------------------
# Address plan.  Keep in sync with docs/lab.md.
# ---------------------------------------------------------------------------
ROOT_A=127.53.0.1          # a.root-servers.lab.   (nsd-root)
ROOT_B=127.53.0.2          # b.root-servers.lab.   (nsd-root)
RESOLVER=127.53.0.53       # unbound, validating recursive resolver
RESOLVER_OLD_ANCHOR=127.53.0.54  # a second unbound whose trust anchor is a root KSK the root no longer has
RESOLVER_PREDELEGATION=127.53.0.55  # a third unbound: predelegation.lab. as a stub zone, trusted from its KSK's DS (the --ns rows)
TLD_1=127.53.1.1           # ns1.nic.lab. / ns1.nic.test.   (nsd-tld)
TLD_2=127.53.1.2           # ns2.nic.lab. / ns2.nic.test.   (nsd-tld)
CHILD_1=127.53.2.1         # most child zones                (nsd-child)
CHILD_2=127.53.2.2
GC_1=127.53.3.1            # grandchild zones                (nsd-gc)
GC_2=127.53.3.2
KNOT_1=127.53.4.1          # knotd
BIND_1=127.53.5.1          # named
SINK_1=127.53.7.1          # python sink: reads queries, never answers
# 120 more addresses of a second sink process: the name servers of wide-dead.lab.
SINK_WIDE="$(seq -s, -f '127.53.8.%g' 1 120)"
UDPONLY_1=127.53.7.2       # python UDP-only forwarder to $CHILD_1, no TCP
NOEDNS_1=127.53.7.3        # python relay to $CHILD_1 that answers FORMERR to EDNS queries
NODO_1=127.53.7.4          # python relay to $CHILD_1 that clears the DO bit (no DNSSEC records)
NOOPT_1=127.53.7.5         # python relay to $CHILD_1 that strips the OPT record from answers
GARBAGE_1=127.53.7.6       # python server that answers every query with a malformed message
NOSOA_1=127.53.7.7         # python relay to $CHILD_1 that drops the SOA from NODATA answers
NOPROOF_1=127.53.7.8       # python relay to $CHILD_1 that drops the NSEC proof from apex NODATA (CDS, CDNSKEY, NSEC3PARAM)
REFUSED_1=127.53.7.9       # python relay to $CHILD_1 that answers REFUSED to CDS, CDNSKEY and NSEC3PARAM
EXTRAPROOF_1=127.53.7.10   # python relay to $CHILD_1 that adds a second NSEC to apex NODATA (CDS, CDNSKEY, NSEC3PARAM)
STRAY_1=127.53.7.11        # python relay to $CHILD_1 that adds records not asked for to apex answers (CDS, CDNSKEY, NSEC3PARAM)
DATA_NET=127.53.255        # A record *data* (nothing listens there)
# The opt-in bulk lab (scripts/lab/bulk, state in $LAB/bulk) uses only
# 127.53.100.0/24, so it can run beside this lab; see "Bulk part" in docs/lab.md.
BULK_ROOT=127.53.100.1     # a.root-servers.bulk.   (bulk nsd-root: its own private root)
BULK_TLD=127.53.100.2      # ns1.nic.bulk.          (bulk nsd-tld: bulk.)
BULK_LEAF_1=127.53.100.3   # ns1.zNNNNN.bulk.       (bulk nsd-leaf: every zNNNNN.bulk.)
BULK_LEAF_2=127.53.100.4   # ns2.zNNNNN.bulk.       (bulk nsd-leaf)
BULK_SINK=127.53.100.9     # ns3.zNNNNN.bulk. of the silent-secondary zones (bulk sink.py)
BULK_RESOLVER=127.53.100.53  # unbound, only while `scripts/lab/bulk check` runs
# The hostile part (scripts/lab/hostile.py: its own private root and trust
# anchor, files in $LAB/hostile) uses only 127.53.9.0/24; see "Hostile part"
# in docs/lab.md for the addresses of its servers.
HOSTILE_ROOT=127.53.9.1       # a-root.hostile.  (hostile: the hostile root)
HOSTILE_CHILD=127.53.9.3      # ns1.ok.hostile. and most hostile child zones
HOSTILE_RESOLVER=127.53.9.53  # unbound-hostile: validating resolver for the hostile root

# NSD instances: name -> listen addresses
declare -A NSD_ADDRS=(
  [root]="$ROOT_A $ROOT_B"
  [tld]="$TLD_1 $TLD_2"
  [child]="$CHILD_1 $CHILD_2"
  [gc]="$GC_1 $GC_2"
)
NSD_INSTANCES="root tld child gc"

# Every process the lab runs, in start order.  For each: a probe
# "address qname qtype" that must answer NOERROR when healthy ("-" = no probe).
PROCS="nsd-root nsd-tld nsd-child nsd-gc knot bind sink sink-wide udponly noedns nodo noopt nosoa noapexproof apexrefused extraproof strayanswer garbage hostile unbound unbound-old-anchor unbound-predelegation unbound-hostile"
declare -A PROBE=(
  [nsd-root]="$ROOT_A . SOA"
  [nsd-tld]="$TLD_1 lab. SOA"
  [nsd-child]="$CHILD_1 ok.lab. SOA"
  [nsd-gc]="$GC_1 sub.ok.lab. SOA"
  [knot]="$KNOT_1 knot.lab. SOA"
  [bind]="$BIND_1 bind.lab. SOA"
  [sink]="-"
  [sink-wide]="-"
  [udponly]="$UDPONLY_1 notcp.lab. SOA"
  [noedns]="$NOEDNS_1 noedns.lab. SOA +noedns"
  [nodo]="$NODO_1 nodo.lab. SOA"
  [noopt]="$NOOPT_1 noopt.lab. SOA"
  [nosoa]="$NOSOA_1 nosoa.lab. SOA"
  [noapexproof]="$NOPROOF_1 noapexproof.lab. SOA"
  [apexrefused]="$REFUSED_1 apexrefused.lab. SOA"
  [extraproof]="$EXTRAPROOF_1 extraproof.lab. SOA"
  [strayanswer]="$STRAY_1 strayanswer.lab. SOA"
  [garbage]="-"
  [hostile]="$HOSTILE_CHILD ok.hostile. SOA"
  [unbound]="$RESOLVER ok.lab. SOA"
  [unbound-old-anchor]="$RESOLVER_OLD_ANCHOR ok.lab. SOA +cd"   # validation fails there by design
  [unbound-predelegation]="$RESOLVER_PREDELEGATION predelegation.lab. SOA"
  [unbound-hostile]="$HOSTILE_RESOLVER ok.hostile. SOA"
)
declare -A PROC_ADDRS=(
  [nsd-root]="$ROOT_A $ROOT_B" [nsd-tld]="$TLD_1 $TLD_2"
  [nsd-child]="$CHILD_1 $CHILD_2" [nsd-gc]="$GC_1 $GC_2"
  [knot]="$KNOT_1" [bind]="$BIND_1" [sink]="$SINK_1" [sink-wide]="127.53.8.1-120"
  [udponly]="$UDPONLY_1 (UDP only)" [noedns]="$NOEDNS_1 (FORMERR to EDNS)" [nodo]="$NODO_1 (ignores DO)" [noopt]="$NOOPT_1 (strips OPT)" [nosoa]="$NOSOA_1 (NODATA without SOA)" [noapexproof]="$NOPROOF_1 (apex NODATA without NSEC)" [apexrefused]="$REFUSED_1 (REFUSED to CDS, CDNSKEY, NSEC3PARAM)" [extraproof]="$EXTRAPROOF_1 (apex NODATA with a second NSEC)" [strayanswer]="$STRAY_1 (apex answers with records not asked for)"
  [garbage]="$GARBAGE_1 (malformed answers)" [unbound]="$RESOLVER" [unbound-old-anchor]="$RESOLVER_OLD_ANCHOR (stale trust anchor)"
  [unbound-predelegation]="$RESOLVER_PREDELEGATION (predelegation.lab. as if delegated)"
  [hostile]="127.53.9.1-32, 127.53.9.130-249 (hostile root and zones)" [unbound-hostile]="$HOSTILE_RESOLVER (hostile root)"
)

# nsd_conf INSTANCE DIR IDENTITY "ADDR..." "ZONE FILE" LINES [EXTRA SERVER LINES]
# Writes DIR/nsd.conf for one NSD instance of the lab (or of the bulk lab):
# its addresses on port 53, its zones (from $ZONEDIR), pid and log by name
# under $RUN and $LOG, and no response rate limiting (a test or a batch asks
# many questions of the same servers from one address within a second).
nsd_conf() {
  local i=$1 dir=$2 identity=$3 addrs=$4 zones=$5 extra=${6:-} a z f
  mkdir -p "$dir"
  {
    echo "server:"
    for a in $addrs; do echo "  ip-address: $a"; done
    cat <<EOF
  port: 53
  do-ip4: yes
  do-ip6: no
  server-count: 1
  reuseport: no
  username: ""
  chroot: ""
  database: ""
  zonesdir: "$ZONEDIR"
  zonelistfile: "$dir/zone.list"
  xfrdfile: "$dir/xfrd.state"
  xfrdir: "$dir"
  pidfile: "$RUN/nsd-$i.pid"
  logfile: "$LOG/nsd-$i.log"
  verbosity: 1
  hide-version: yes
  identity: "$identity"
  zonefiles-check: yes
  zonefiles-write: 0
  refuse-any: no
  rrl-ratelimit: 0
  rrl-whitelist-ratelimit: 0
EOF
    [ -z "$extra" ] || printf '%s\n' "$extra"
    printf 'remote-control:\n  control-enable: no\n'
    while read -r z f; do
      [ -n "$z" ] || continue
      # AXFR from loopback only, for `dnssec-check zone --axfr` (LabScenarioTests).
      printf 'zone:\n  name: "%s"\n  zonefile: "%s"\n  provide-xfr: 127.0.0.0/8 NOKEY\n' "$z" "$f"
    done <<<"$zones"
  } > "$dir/nsd.conf"
}

say()  { printf 'lab: %s\n' "$*"; }
warn() { printf 'lab: %s\n' "$*" >&2; }
die()  { printf 'lab: error: %s\n' "$*" >&2; exit 1; }

pidfile() { echo "$RUN/$1.pid"; }

# Print the pid of lab process $1 if it is running, else nothing.
# A pid only counts if its command line mentions our lab directory, so a
# recycled pid never makes us touch someone else's process.
proc_pid() {
  local f pid
  f="$(pidfile "$1")"
  [ -s "$f" ] || return 1
  pid="$(tr -dc '0-9' < "$f")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$LAB/" || return 1
  echo "$pid"
}

# dig_probe ADDR QNAME QTYPE [extra dig args] -> prints rcode, 0 if NOERROR
dig_probe() {
  local addr=$1 name=$2 type=$3; shift 3
  local out
  out="$(dig +time=1 +tries=1 +norec "$@" @"$addr" "$name" "$type" 2>/dev/null)" || return 1
  grep -q 'status: NOERROR' <<<"$out"
}

# proc_healthy NAME -> 0 if the process runs and answers its probe
proc_healthy() {
  local p=$1 probe
  proc_pid "$p" >/dev/null || return 1
  probe="${PROBE[$p]}"
  [ "$probe" = "-" ] && return 0
  # shellcheck disable=SC2086
  if [[ "$p" == unbound* ]]; then
    set -- $probe; dig_probe "$@" +rec +time=3
  else
    set -- $probe; dig_probe "$@"
  fi
}

# alive PID: the process exists and is not a zombie waiting to be reaped
alive() {
  local st
  st="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [ -n "$st" ] && [ "$st" != Z ]
}

# children PID: pids whose parent is PID (NSD's xfrd and server processes)
children() {
  local f
  for f in /proc/[0-9]*/stat; do
    [ "$(sed 's/.*) //' "$f" 2>/dev/null | cut -d' ' -f2)" = "$1" ] && { f="${f#/proc/}"; echo "${f%/stat}"; }
  done
  return 0
}

# Stop lab process $1 by its pid file, and its direct children; wait
# (bounded) until all have exited.  Prints the pid it stopped.
stop_proc() {
  local p=$1 pid pids q i left
  pid="$(proc_pid "$p")" || { rm -f "$(pidfile "$p")"; return 0; }
  pids="$pid $(children "$pid" | tr '\n' ' ')"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 150); do
    left=""
    for q in $pids; do alive "$q" && left+="$q "; done
    [ -z "$left" ] && break
    sleep 0.1
  done
  if [ -n "$left" ]; then
    warn "$p: pid(s) $left still running 15 s after TERM; sending KILL"
    for q in $left; do kill -KILL "$q" 2>/dev/null || true; done
    sleep 0.3
  fi
  rm -f "$(pidfile "$p")"
  echo "$pid"
}

# Serialize the lab scripts on one lab directory (up, down, check-manifest
# may be run by several people or test runs at once).  Nested calls skip it.
lab_lock() {
  [ -n "${DNSSEC_LAB_LOCKED:-}" ] && return 0
  exec 9>>"$LAB/.lock"
  flock -w 300 9 || die "another lab script has held $LAB/.lock for 5 minutes"
  export DNSSEC_LAB_LOCKED=1
}

# Pids of any process whose command line mentions the lab directory
# (used only to report leftovers, never to kill by name).
lab_leftovers() {
  local d pid cl
  for d in /proc/[0-9]*; do
    pid="${d#/proc/}"
    [ "$pid" = "$$" ] && continue
    [ -r "$d/cmdline" ] || continue
    cl="$({ tr '\0' ' ' < "$d/cmdline"; } 2>/dev/null)" || continue   # the redirection error too: the process may exit mid-scan
    case "$cl" in
      *"$LAB/bulk/"*) continue ;;   # the bulk lab's own processes (scripts/lab/bulk down stops them)
    esac
    if grep -qF "$LAB/" <<<"$cl"; then
      case "$(cat "$d/comm" 2>/dev/null)" in
        bash|sh|grep|tr|cat|dig) continue ;;   # our own scripts and pipes
      esac
      echo "$pid"
    fi
  done
}

# named only listens on addresses configured on an interface (it scans the
# interface list), unlike NSD, Knot, unbound and the python helpers, which
# bind any 127/8 address.  So `up` adds $BIND_1/32 to lo if it is missing
# and `down` removes it again (only if `up` added it).
ensure_bind_addr() {
  if ! ip -4 -o addr show dev lo | grep -qF " $BIND_1/"; then
    ip addr add "$BIND_1/32" dev lo || die "cannot add $BIND_1/32 to lo (named needs it; run as root)"
    touch "$RUN/bind-addr-added"
  fi
}
release_bind_addr() {
  if [ -e "$RUN/bind-addr-added" ]; then
    ip addr del "$BIND_1/32" dev lo 2>/dev/null || true
    rm -f "$RUN/bind-addr-added"
  fi
}
