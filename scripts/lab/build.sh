#!/usr/bin/env bash
# Build the lab's state under $LAB: keys, zones (signed, with faults injected),
# server configs, root hints and trust anchors.  Called by `up`; starts nothing.
#
# The zones and their faults are declared in scenarios.sh.  This file is the
# machinery: key generation, zone skeletons, delegations, signing, DS records,
# fault helpers and config writers.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NOW=$(date +%s)
DAY=86400
KEYS="$LAB/keys"
ZONEDIR="$LAB/zones"
DSDIR="$LAB/ds"

# ---------------------------------------------------------------------------
# Zone registry, filled by `zone` lines in scenarios.sh
# ---------------------------------------------------------------------------
ZONES=()
declare -A Z_SERVE Z_NS Z_KEYS Z_DENIAL
declare -A SERVED   # instance -> lines "zone file"

# zone NAME SERVE NS KEYS DENIAL
#   SERVE  nsd-root|nsd-tld|nsd-child|nsd-gc|knot|bind|none
#   NS     "-" (the SERVE instance's addresses) or "label=addr ..." where
#          label is relative to the zone or an absolute name ending in "."
#   KEYS   "-" (unsigned) or "label:alg[:bits] ...": labels containing "ksk"
#          get the SEP flag, labels containing "rev" also the REVOKE flag
#   DENIAL nsec | nsec3[:iterations[:salt[:optout]]] | none
zone() {
  local z=$1
  ZONES+=("$z")
  Z_SERVE[$z]=$2
  Z_NS[$z]=$3
  Z_KEYS[$z]=$4
  Z_DENIAL[$z]=$5
}

zdir() { if [ "$1" = . ]; then echo root; else echo "${1%.}"; fi; }
hookname() { local h; h="$(zdir "$1")"; h="${h//./_}"; echo "${h//-/_}"; }
labels() { if [ "$1" = . ]; then echo 0; else local d="${1//[^.]/}"; echo "${#d}"; fi; }

default_ns() {
  case "$1" in
    nsd-child|none) echo "ns1=$CHILD_1 ns2=$CHILD_2" ;;
    nsd-gc)         echo "ns1=$GC_1 ns2=$GC_2" ;;
    knot)           echo "ns1=$KNOT_1" ;;
    bind)           echo "ns1=$BIND_1" ;;
    *) die "no default NS for server $1" ;;
  esac
}

# ns_list ZONE -> lines "fqdn addr"
ns_list() {
  local z=$1 spec item name addr
  spec="${Z_NS[$z]}"
  [ "$spec" = - ] && spec="$(default_ns "${Z_SERVE[$z]}")"
  for item in $spec; do
    name="${item%%=*}" addr="${item#*=}"
    case "$name" in *.) ;; *) name="$name.$z" ;; esac
    echo "$name $addr"
  done
}

# in_zone NAME ZONE -> NAME is ZONE or below it
in_zone() { [ "$2" = . ] || [ "$1" = "$2" ] || [[ "$1" == *".$2" ]]; }

declare -A Z_PARENT
compute_parents() {   # the parent of a zone is the longest other zone it is below
  local z p best nb np
  for z in "${ZONES[@]}"; do
    best=. nb=0
    for p in "${ZONES[@]}"; do
      [ "$p" = "$z" ] || [ "$p" = . ] && continue
      if [[ "$z" == *".$p" ]]; then
        np="${p//[^.]/}"; np=${#np}
        [ "$np" -gt "$nb" ] && best=$p nb=$np
      fi
    done
    Z_PARENT[$z]=$best
  done
}

# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------
alg_name() {
  case "$1" in
    1) echo RSAMD5 ;; 3) echo DSA ;; 5) echo RSASHA1 ;; 7) echo RSASHA1-NSEC3-SHA1 ;; 8) echo RSASHA256 ;;
    10) echo RSASHA512 ;; 13) echo ECDSAP256SHA256 ;; 14) echo ECDSAP384SHA384 ;;
    15) echo ED25519 ;; 16) echo ED448 ;; *) die "unknown algorithm $1" ;;
  esac
}

# keygen ZONE LABEL ALG BITS: one key, stored as $KEYS/<zone>/LABEL.{key,private}
keygen() {
  local z=$1 label=$2 alg=$3 bits=$4 dir base flags=()
  dir="$KEYS/$(zdir "$z")"
  [[ "$label" == *ksk* ]] && flags=(-k)
  cd "$dir"
  base="$(ldns-keygen -a "$(alg_name "$alg")" -b "$bits" "${flags[@]}" "$z")"
  mv "$base.key" "$label.key"
  mv "$base.private" "$label.private"
  rm -f "$base.ds"
  if [[ "$label" == *rev* ]]; then    # set the REVOKE bit: flags 257 -> 385
    sed -i -E 's/(DNSKEY[[:space:]]+)257 /\1385 /' "$label.key"
  fi
}

generate_keys() {
  local z spec label alg bits jobs="$KEYS/jobs"
  : > "$jobs"
  for z in "${ZONES[@]}"; do
    mkdir -p "$KEYS/$(zdir "$z")"
    [ "${Z_KEYS[$z]}" = - ] && continue
    for spec in ${Z_KEYS[$z]}; do
      IFS=: read -r label alg bits <<<"$spec"
      bits="${bits:-2048}"
      # slow keys first so the parallel pool finishes evenly
      if [ "$alg" -le 10 ]; then echo "$bits $z $label $alg"; else echo "0 $z $label $alg"; fi
    done
  done | sort -rn | while read -r bits z label alg; do
    [ "$bits" = 0 ] && bits=256
    echo "$z $label $alg $bits"
  done > "$jobs"
  export -f keygen alg_name zdir die
  export KEYS
  xargs -P "$(( $(nproc) * 2 ))" -L 1 bash -c 'keygen "$@"' _ < "$jobs"
}

# ---------------------------------------------------------------------------
# Helpers for scenario hooks.  In a hook: $z zone, $U unsigned file,
# $S signed file, $KD key dir.  A pre_ hook may `add` records and set
# SIGN_KEYS, SIGN_INC, SIGN_EXP, SIGN_ARGS, DS_KEYS, DS_DIGEST, SERIAL,
# WWW_TTL, NO_WWW, SOA_EXPIRE; a post_ hook edits $S and may write_ds.
# ---------------------------------------------------------------------------
add() { echo "$*" >> "$EXTRA"; }
fq() { case "$1" in @) echo "$z" ;; *.) echo "$1" ;; *) echo "$1.$z" ;; esac; }
key_rr() { sed 's/;.*//' "$KD/$1.key"; }               # DNSKEY RR of a key
publish_key() { key_rr "$1" >> "$EXTRA"; }                  # publish without signing
ds_of() { ldns-key2ds -n "-${2:-2}" "$KD/$1.key"; }     # DS RR for a key
cds_of() { ds_of "$1" "${2:-2}" | sed -E 's/[[:space:]]DS[[:space:]]/\tCDS\t/'; }
cdnskey_of() { key_rr "$1" | sed -E 's/[[:space:]]DNSKEY[[:space:]]/\tCDNSKEY\t/'; }
write_ds() { cat > "$DSDIR/$(zdir "$z").ds"; }         # override parent DS from stdin
nsec3_hash() {     # nsec3_hash NAME: hash label with the zone's NSEC3 parameters
  local iter salt
  IFS=: read -r _ iter salt _ <<<"${Z_DENIAL[$z]}"
  if [ -n "$salt" ] && [ "$salt" != - ]; then
    ldns-nsec3-hash -t "${iter:-0}" -s "$salt" "$1"
  else
    ldns-nsec3-hash -t "${iter:-0}" "$1"
  fi | tr -d . | tr 'A-Z' 'a-z'
}

# Fault injection on the signed file $S (ldns-signzone output, one RR a line).
drop_rr() {        # drop_rr OWNER TYPE: remove the RRset (not its RRSIGs)
  local o; o="$(fq "$1")"
  awk -v o="$o" -v t="$2" '!($1 == o && $4 == t)' "$S" > "$S.tmp" && mv "$S.tmp" "$S"
}
drop_rrsig() {     # drop_rrsig OWNER COVERED-TYPE
  local o; o="$(fq "$1")"
  awk -v o="$o" -v t="$2" '!($1 == o && $4 == "RRSIG" && $5 == t)' "$S" > "$S.tmp" && mv "$S.tmp" "$S"
}
drop_type() {      # drop_type TYPE: remove every RR of TYPE and every RRSIG over TYPE
  awk -v t="$1" '!($4 == t || ($4 == "RRSIG" && $5 == t))' "$S" > "$S.tmp" && mv "$S.tmp" "$S"
}
drop_rrsigs_over() {  # drop_rrsigs_over TYPE: remove every RRSIG covering TYPE
  awk -v t="$1" '!($4 == "RRSIG" && $5 == t)' "$S" > "$S.tmp" && mv "$S.tmp" "$S"
}
drop_name() {      # drop_name OWNER: remove every RR at OWNER
  local o; o="$(fq "$1")"
  awk -v o="$o" '$1 != o' "$S" > "$S.tmp" && mv "$S.tmp" "$S"
}
corrupt_rrsig() {  # corrupt_rrsig OWNER COVERED-TYPE: flip one byte of the signature
  local o; o="$(fq "$1")"
  awk -v o="$o" -v t="$2" 'BEGIN { OFS = "\t" }
    $1 == o && $4 == "RRSIG" && $5 == t {
      c = substr($NF, 20, 1); r = (c == "A") ? "B" : "A"
      $NF = substr($NF, 1, 19) r substr($NF, 21)
    } { print }' "$S" > "$S.tmp" && mv "$S.tmp" "$S"
}
serve() { SERVED[$1]+="$2 $3"$'\n'; }   # serve INSTANCE ZONE FILE

# ---------------------------------------------------------------------------
# Zone construction
# ---------------------------------------------------------------------------
skeleton() {  # skeleton ZONE SERIAL: SOA, NS, in-zone NS addresses, a few names
  local z=$1 serial=$2 mname name addr
  mname="$(ns_list "$z" | awk 'NR == 1 { print $1 }')"
  echo "\$ORIGIN $z"
  echo "\$TTL 300"
  echo "@ 300 IN SOA $mname hostmaster.$mname $serial 3600 600 $SOA_EXPIRE 300"
  while read -r name addr; do
    echo "@ IN NS $name"
    in_zone "$name" "$z" && echo "$name IN A $addr"
  done < <(ns_list "$z")
  if [ "$(labels "$z")" -ge 2 ]; then
    [ -n "$NO_WWW" ] || echo "www $WWW_TTL IN A $DATA_NET.1"
    echo "@ IN TXT \"dnssec-check lab zone $z\""
  fi
}

# NO_GLUE[CHILD]: in-zone name servers the parent publishes without glue
# ("*" for all of them); set in scenarios.sh.
declare -A NO_GLUE
# undelegated ZONE: served and signed, but its parent has no delegation for it
# (pre-delegation testing with --ns).
declare -A Z_UNDELEGATED
undelegated() { Z_UNDELEGATED[$1]=1; }

skip_glue() { local list=" ${NO_GLUE[$1]:-} "; [[ "$list" == *" $2 "* || "$list" == " * " ]]; }

delegation() {  # delegation CHILD: NS + glue (+ DS) as the parent publishes them
  local c=$1 name addr
  while read -r name addr; do
    echo "$c IN NS $name"
    if in_zone "$name" "$c" && ! skip_glue "$c" "$name"; then echo "$name IN A $addr"; fi
  done < <(ns_list "$c")
  if [ -s "$DSDIR/$(zdir "$c").ds" ]; then cat "$DSDIR/$(zdir "$c").ds"; fi
}

optout_parent() { [[ "${Z_DENIAL[$1]}" == *optout* ]]; }

sign_ldns() {
  local args=(-i "$SIGN_INC" -e "$SIGN_EXP" -o "$z" -f "$S") files=() l iter salt optout
  case "${Z_DENIAL[$z]}" in
    nsec3*)
      IFS=: read -r _ iter salt optout <<<"${Z_DENIAL[$z]}"
      args+=(-n -t "${iter:-0}")
      [ -n "$salt" ] && [ "$salt" != - ] && args+=(-s "$salt")
      [ "$optout" = optout ] && args+=(-p)
      ;;
  esac
  for l in $SIGN_KEYS; do files+=("$KD/$l"); done
  ldns-signzone "${args[@]}" "${SIGN_ARGS[@]}" "$U" "${files[@]}"
}

build_zone() {
  local z=$1 h c spec zd
  zd="$(zdir "$z")"
  h="$(hookname "$z")"
  U="$ZONEDIR/$zd.zone"
  S="$ZONEDIR/$zd.signed"
  KD="$KEYS/$zd"
  SERIAL=$NOW
  SIGN_INC=$((NOW - 3600))
  SIGN_EXP=$((NOW + 30 * DAY))
  SIGN_ARGS=()
  SIGN_KEYS="" DS_KEYS="" DS_DIGEST=2
  if [ "${Z_KEYS[$z]}" != - ]; then
    for spec in ${Z_KEYS[$z]}; do
      SIGN_KEYS+="${spec%%:*} "
      [[ "$spec" == *ksk* ]] && DS_KEYS+="${spec%%:*} "
    done
  fi
  rm -f "$DSDIR/$zd.ds"

  EXTRA="$U.extra"
  : > "$EXTRA"
  WWW_TTL="" NO_WWW="" SOA_EXPIRE=86400
  if declare -F "pre_$h" >/dev/null; then "pre_$h"; fi
  {
    skeleton "$z" "$SERIAL"
    cat "$EXTRA"
    for c in "${ZONES[@]}"; do
      [ "$c" != "$z" ] && [ "${Z_PARENT[$c]}" = "$z" ] || continue
      [ -z "${Z_UNDELEGATED[$c]:-}" ] || continue
      if optout_parent "$z" && [ "${Z_KEYS[$c]}" = - ]; then continue; fi
      delegation "$c"
    done
  } > "$U"
  rm -f "$EXTRA"

  if declare -F "sign_$h" >/dev/null; then "sign_$h"
  elif [ -n "${SIGN_KEYS// /}" ]; then sign_ldns
  else cp "$U" "$S"
  fi
  # opt-out: unsigned delegations added after signing get no NSEC3 of their own
  if optout_parent "$z"; then
    for c in "${ZONES[@]}"; do
      [ "${Z_PARENT[$c]}" = "$z" ] && [ "${Z_KEYS[$c]}" = - ] || continue
      { echo "\$ORIGIN $z"; delegation "$c"; } >> "$S"
    done
  fi
  if declare -F "post_$h" >/dev/null; then "post_$h"; fi

  if [ ! -e "$DSDIR/$zd.ds" ] && [ "$z" != . ]; then
    for l in $DS_KEYS; do ds_of "$l" "$DS_DIGEST"; done > "$DSDIR/$zd.ds"
  fi
  [ "${Z_SERVE[$z]}" = none ] || serve "${Z_SERVE[$z]}" "$z" "$S"
}

# ---------------------------------------------------------------------------
# Config writers
# ---------------------------------------------------------------------------
write_nsd_conf() {   # write_nsd_conf INSTANCE: its addresses and served zones
  nsd_conf "$1" "$LAB/nsd/$1" "nsd-$1" "${NSD_ADDRS[$1]}" "${SERVED[nsd-$1]:-}"
}

write_knot_conf() {
  local dir="$LAB/knot" z f
  mkdir -p "$dir"
  {
    cat <<EOF
server:
    rundir: "$dir"
    pidfile: "$RUN/knot.pid"
    user: root:root
    listen: $KNOT_1@53
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
    identity: "knot"
database:
    storage: "$dir"
control:
    listen: "$dir/knot.sock"
log:
  - target: "$LOG/knot.log"
    any: info
template:
  - id: default
    storage: "$ZONEDIR"
    dnssec-signing: off
    semantic-checks: off
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
zone:
EOF
    while read -r z f; do
      [ -n "$z" ] || continue
      printf '  - domain: "%s"\n    file: "%s"\n' "$z" "$f"
    done <<<"${SERVED[knot]:-}"
  } > "$dir/knot.conf"
}

write_bind_conf() {
  local dir="$LAB/bind" z f
  mkdir -p "$dir"
  {
    cat <<EOF
options {
    directory "$dir";
    pid-file "$RUN/bind.pid";
    session-keyfile "$dir/session.key";
    managed-keys-directory "$dir";
    listen-on port 53 { $BIND_1; };
    listen-on-v6 { none; };
    recursion no;
    dnssec-validation no;
    notify no;
    allow-transfer { none; };
    server-id "bind";
    version none;
};
controls { };
logging {
    channel lab { file "$LOG/bind.log"; severity info; print-time yes; };
    category default { lab; };
    category lame-servers { null; };
};
EOF
    while read -r z f; do
      [ -n "$z" ] || continue
      printf 'zone "%s" { type primary; file "%s"; };\n' "$z" "$f"
    done <<<"${SERVED[bind]:-}"
  } > "$dir/named.conf"
}

# write_unbound_conf NAME ADDRESS ANCHOR-FILE [HINTS-FILE]: a validating resolver.
write_unbound_conf() {   # NAME ADDRESS ANCHOR [HINTS [EXTRA SERVER LINES]]
  local name=$1 address=$2 anchor=$3 hints=${4:-$LAB/root.hints} extra=${5:-} dir="$LAB/$1"
  mkdir -p "$dir"
  cat > "$dir/unbound.conf" <<EOF
# Validating recursive resolver for the lab (reference validator).
server:
    verbosity: 1
    interface: $address
    port: 53
    outgoing-interface: $address
    do-ip6: no
    access-control: 127.0.0.0/8 allow
    do-not-query-localhost: no
    chroot: ""
    username: ""
    directory: "$dir"
    pidfile: "$RUN/$name.pid"
    logfile: "$LOG/$name.log"
    use-syslog: no
    log-servfail: yes
    num-threads: 1
    so-reuseport: no
    root-hints: "$hints"
    trust-anchor-file: "$anchor"
    module-config: "validator iterator"
    val-log-level: 2
    ede: yes
    qname-minimisation: yes
    aggressive-nsec: no
    prefetch: no
    serve-expired: no
    cache-max-ttl: 86400
    val-bogus-ttl: 10
    infra-host-ttl: 60
    infra-cache-max-rtt: 1000
    outbound-msg-retry: 3
    # never drop a slow answer (dead servers make answers slow on purpose)
    discard-timeout: 0
    edns-buffer-size: 1232
    # test. is a special-use name (RFC 6761) that unbound answers locally by default
    local-zone: "test." nodefault
$extra
remote-control:
    control-enable: yes
    control-interface: "$RUN/$name.ctl"
    control-use-cert: no
EOF
}

write_hints_and_anchors() {
  local kd="$KEYS/root"
  cat > "$LAB/root.hints" <<EOF
; Root hints for the dnssec-check lab (named.root format)
.                        3600000      NS    a.root-servers.lab.
a.root-servers.lab.      3600000      A     $ROOT_A
.                        3600000      NS    b.root-servers.lab.
b.root-servers.lab.      3600000      A     $ROOT_B
EOF
  ldns-key2ds -n -2 "$kd/ksk.key" | awk 'BEGIN{OFS="\t"} {$2 = 86400; print}' > "$LAB/root-anchor.ds"
  # A stale anchor: a root KSK that was retired (never published here), as
  # a validator left with the old key after a root KSK rollover has.
  ldns-key2ds -n -2 "$kd/oldksk.key" | awk 'BEGIN{OFS="\t"} {$2 = 86400; print}' > "$LAB/root-anchor-old.ds"
  sed 's/;.*//' "$kd/ksk.key" | awk 'BEGIN{OFS="\t"} {print $1, 86400, $2, $3, $4, $5, $6, $7}' \
    > "$LAB/root-anchor.dnskey"
}

# ---------------------------------------------------------------------------
main() {
  rm -rf "$KEYS" "$ZONEDIR" "$DSDIR" "$LAB/nsd" "$LAB/knot" "$LAB/bind" "$LAB/unbound" "$LAB/unbound-old-anchor" "$LAB/unbound-predelegation" "$LAB/unbound-hostile"
  mkdir -p "$KEYS" "$ZONEDIR" "$DSDIR" "$RUN" "$LOG"
  # shellcheck source=scenarios.sh
  . "$LAB_SCRIPTS/scenarios.sh"

  local t=$SECONDS
  compute_parents
  generate_keys
  say "keys generated (${#ZONES[@]} zones, $((SECONDS - t)) s)"; t=$SECONDS

  local z order
  # children before parents: a parent needs its children's DS records
  order="$(for z in "${ZONES[@]}"; do echo "$(labels "$z") $z"; done | sort -s -k1,1nr | cut -d' ' -f2)"
  for z in $order; do build_zone "$z"; done
  say "zones built and signed ($((SECONDS - t)) s)"

  local i
  for i in $NSD_INSTANCES; do write_nsd_conf "$i"; done
  write_knot_conf
  write_bind_conf
  write_unbound_conf unbound "$RESOLVER" "$LAB/root-anchor.ds"
  write_unbound_conf unbound-old-anchor "$RESOLVER_OLD_ANCHOR" "$LAB/root-anchor-old.ds"
  # the hostile part's resolver: hints and anchor are written by hostile.py when it starts
  write_unbound_conf unbound-hostile "$HOSTILE_RESOLVER" "$LAB/hostile/root-anchor.ds" "$LAB/hostile/root.hints"
  write_hints_and_anchors
  # The --ns rows' reference: predelegation.lab. (which lab. does not
  # delegate) reached through a stub zone on its servers and trusted from the
  # DS of its KSK, as if lab. published that delegation and DS.
  cat "$LAB/root-anchor.ds" "$DSDIR/predelegation.lab.ds" > "$LAB/predelegation-anchors.ds"
  write_unbound_conf unbound-predelegation "$RESOLVER_PREDELEGATION" "$LAB/predelegation-anchors.ds" "$LAB/root.hints" \
    "$(printf 'stub-zone:\n    name: "predelegation.lab."\n    stub-addr: %s\n    stub-addr: %s' "$CHILD_1" "$CHILD_2")"
  echo "$NOW" > "$LAB/built-at"
}

main "$@"
