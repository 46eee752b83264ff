#!/usr/bin/env bash
# Build the bulk lab's state under $BULK (<lab>/bulk): keys, ZONES small signed
# leaf zones zNNNNN.bulk. (a few broken on purpose, chosen by zone number), the
# TLD bulk., a private root, NSD configs, root hints, trust anchors, names.txt,
# expected.tsv and zones.tsv.  Called by `scripts/lab/bulk up`; starts nothing.
#
#   bulk-build.sh ZONES NAMES_PER_ZONE
#   bulk-build.sh --chunk N...      internal: one xargs worker, builds zones N...
#
# Zone n's kind (n % 50): 1 expired, 2 bad-ds, 3 unsigned, 4 silent-secondary,
# anything else ok; a signed zone uses NSEC3 (0 iterations, no salt) when
# n % 7 == 5, else NSEC.  Keep in sync with kind_of below and docs/lab.md.
set -euo pipefail

DAY=86400
ALG=ECDSAP256SHA256

# Keys are where ldns-keygen puts them: $KEYS/K<zone>+013+<tag>.{key,private}
# (and .ds for KSKs); $KEYS/<zone>.txt names each zone's keys.
build_chunk() {
  cd "$KEYS"
  local n z zone kind U S ksk zsk bad inc exp ds i first frag
  local -a args
  printf -v first '%05d' "$1"
  frag="$DELEG/$first.txt"
  : > "$frag"
  for n in "$@"; do
    printf -v z 'z%05d' "$n"
    zone="$z.bulk."
    case $((n % 50)) in
      1) kind=expired ;; 2) kind=bad-ds ;; 3) kind=unsigned ;; 4) kind=silent-secondary ;; *) kind=ok ;;
    esac
    U="$ZONEDIR/$z.zone" S="$ZONEDIR/$z.signed"
    [ "$kind" = unsigned ] && U="$S"     # served as written
    {
      printf '$ORIGIN %s\n$TTL 300\n' "$zone"
      printf '@ 300 IN SOA ns1 hostmaster.ns1 %s 3600 600 86400 300\n' "$NOW"
      printf '@ IN NS ns1\n@ IN NS ns2\nns1 IN A %s\nns2 IN A %s\n' "$LEAF_1" "$LEAF_2"
      [ "$kind" = silent-secondary ] && printf '@ IN NS ns3\nns3 IN A %s\n' "$SINK"
      printf '@ IN TXT "dnssec-check bulk lab zone %s (%s)"\n' "$zone" "$kind"
      printf 'www IN A %s.%d\n' "$DATA" $(( (n + 0) % 254 + 1 ))
      for ((i = 2; i <= NAMES; i++)); do
        printf 'w%d IN A %s.%d\n' "$i" "$DATA" $(( (n + i - 1) % 254 + 1 ))
      done
    } > "$U"
    {
      printf '%s IN NS ns1.%s\n%s IN NS ns2.%s\n' "$zone" "$zone" "$zone" "$zone"
      printf 'ns1.%s IN A %s\nns2.%s IN A %s\n' "$zone" "$LEAF_1" "$zone" "$LEAF_2"
      if [ "$kind" = silent-secondary ]; then
        printf '%s IN NS ns3.%s\nns3.%s IN A %s\n' "$zone" "$zone" "$zone" "$SINK"
      fi
    } >> "$frag"
    [ "$kind" = unsigned ] && continue

    ksk="$(ldns-keygen -a "$ALG" -k "$zone")"
    zsk="$(ldns-keygen -a "$ALG" "$zone")"
    inc=$((NOW - 3600)) exp=$((NOW + 30 * DAY))
    # expired: a signer that stopped 40 days ago (30-day signatures, ended 10 days ago)
    [ "$kind" = expired ] && inc=$((NOW - 40 * DAY)) exp=$((NOW - 10 * DAY))
    args=(-i "$inc" -e "$exp" -o "$zone" -f "$S")
    [ $((n % 7)) -eq 5 ] && args+=(-n -t 0)
    ldns-signzone "${args[@]}" "$U" "$ksk" "$zsk"
    ds="$ksk.ds"
    if [ "$kind" = bad-ds ]; then   # the parent's DS is for a KSK the zone never publishes
      bad="$(ldns-keygen -a "$ALG" -k "$zone")"
      ds="$bad.ds"
      printf 'ksk %s\nzsk %s\nunpublished-ksk %s (its DS is at bulk.)\n' "$ksk" "$zsk" "$bad" > "$z.txt"
    else
      printf 'ksk %s\nzsk %s\n' "$ksk" "$zsk" > "$z.txt"
    fi
    IFS= read -r i < "$ds"
    printf '%s\n' "$i" >> "$frag"
  done
}

if [ "${1:-}" = --chunk ]; then
  shift
  build_chunk "$@"
  exit 0
fi

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # LAB is the bulk dir here (see bulk)
BULK="$LAB"
ZONES=${1:?usage: bulk-build.sh ZONES NAMES_PER_ZONE}
NAMES=${2:?usage: bulk-build.sh ZONES NAMES_PER_ZONE}
NOW=$(date +%s)
KEYS="$BULK/keys" ZONEDIR="$BULK/zones" DELEG="$BULK/deleg"
say()  { printf 'bulk: %s\n' "$*"; }
die()  { printf 'bulk: error: %s\n' "$*" >&2; exit 1; }

# sign_apex ZONE FILE: a KSK + ZSK for ZONE, NSEC, 30 days; echoes the KSK base name
sign_apex() {
  local zone=$1 file=$2 ksk zsk
  ksk="$(cd "$KEYS" && ldns-keygen -a "$ALG" -k "$zone")"
  zsk="$(cd "$KEYS" && ldns-keygen -a "$ALG" "$zone")"
  (cd "$KEYS" && ldns-signzone -i $((NOW - 3600)) -e $((NOW + 30 * DAY)) -o "$zone" \
     -f "${file%.zone}.signed" "$file" "$ksk" "$zsk")
  printf 'ksk %s\nzsk %s\n' "$ksk" "$zsk" > "$KEYS/${zone%.}.txt"
  echo "$ksk"
}

write_nsd_conf() {   # write_nsd_conf INSTANCE "ADDR..." ZONE-AND-FILE-LINES
  # Many TCP connections at once: a batch asks every zone's SOA over TCP.
  nsd_conf "$1" "$BULK/nsd/$1" "bulk-nsd-$1" "$2" "$3" "  tcp-count: 512"
}

main() {
  local t0 t n ksk tld_ksk root_ksk
  t0=$(date +%s%N)
  ms() { echo "$(( ($(date +%s%N) - $1) / 1000000 )) ms"; }
  rm -rf "$KEYS" "$ZONEDIR" "$DELEG" "$BULK/nsd" "$BULK/build.ok"
  mkdir -p "$KEYS" "$ZONEDIR" "$DELEG" "$RUN" "$LOG"

  # 1. leaf zones: keys, zone, signature and delegation, in parallel chunks
  t=$(date +%s%N)
  export NOW NAMES KEYS ZONEDIR DELEG ALG DAY
  export LEAF_1="$BULK_LEAF_1" LEAF_2="$BULK_LEAF_2" SINK="$BULK_SINK" DATA="$DATA_NET"
  local jobs per
  jobs="${BULK_BUILD_JOBS:-$(nproc)}"
  per=$(( (ZONES + jobs * 8 - 1) / (jobs * 8) ))   # about 8 chunks per worker
  [ "$per" -gt 200 ] && per=200
  seq 1 "$ZONES" | xargs -P "$jobs" -n "$per" bash "$LAB_SCRIPTS/bulk-build.sh" --chunk \
    || die "building the leaf zones failed (see the messages above)"
  say "$ZONES leaf zones keyed and signed ($jobs workers, $(ms "$t"))"

  # 2. the TLD bulk.: every delegation with glue and DS
  t=$(date +%s%N)
  {
    printf '$ORIGIN bulk.\n$TTL 300\n'
    printf '@ 300 IN SOA ns1.nic.bulk. hostmaster.nic.bulk. %s 3600 600 86400 300\n' "$NOW"
    printf '@ IN NS ns1.nic.bulk.\nns1.nic.bulk. IN A %s\n' "$BULK_TLD"
    printf 'a.root-servers.bulk. IN A %s\n' "$BULK_ROOT"
    printf '@ IN TXT "dnssec-check bulk lab TLD: %s zones"\n' "$ZONES"
    cat "$DELEG"/*.txt
  } > "$ZONEDIR/bulk.zone"
  tld_ksk="$(sign_apex bulk. "$ZONEDIR/bulk.zone")"

  # 3. the root: bulk. only
  {
    printf '$ORIGIN .\n$TTL 86400\n'
    printf '. 86400 IN SOA a.root-servers.bulk. hostmaster.nic.bulk. %s 1800 900 604800 86400\n' "$NOW"
    printf '. IN NS a.root-servers.bulk.\na.root-servers.bulk. IN A %s\n' "$BULK_ROOT"
    printf 'bulk. IN NS ns1.nic.bulk.\nns1.nic.bulk. IN A %s\n' "$BULK_TLD"
    cat "$KEYS/$tld_ksk.ds"
  } > "$ZONEDIR/root.zone"
  root_ksk="$(sign_apex . "$ZONEDIR/root.zone")"
  say "TLD bulk. and root signed ($(ms "$t"))"

  # 4. servers, hints, anchors, name lists
  write_nsd_conf root "$BULK_ROOT" ". $ZONEDIR/root.signed"
  write_nsd_conf tld "$BULK_TLD" "bulk. $ZONEDIR/bulk.signed"
  write_nsd_conf leaf "$BULK_LEAF_1 $BULK_LEAF_2" \
    "$(for ((n = 1; n <= ZONES; n++)); do printf 'z%05d.bulk. %s/z%05d.signed\n' "$n" "$ZONEDIR" "$n"; done)"

  cat > "$BULK/root.hints" <<EOF
; Root hints for the dnssec-check bulk lab (named.root format)
.                        3600000      NS    a.root-servers.bulk.
a.root-servers.bulk.     3600000      A     $BULK_ROOT
EOF
  ldns-key2ds -n -2 "$KEYS/$root_ksk.key" | awk 'BEGIN{OFS="\t"} {$2 = 86400; print}' > "$BULK/root-anchor.ds"
  sed 's/;.*//' "$KEYS/$root_ksk.key" | awk 'BEGIN{OFS="\t"} {print $1, 86400, $2, $3, $4, $5, $6, $7}' \
    > "$BULK/root-anchor.dnskey"

  awk -v Z="$ZONES" -v N="$NAMES" -v names="$BULK/names.txt" -v expf="$BULK/expected.tsv" \
      -v zones="$BULK/zones.tsv" 'BEGIN {
    for (n = 1; n <= Z; n++) {
      k = n % 50
      kind = k == 1 ? "expired" : k == 2 ? "bad-ds" : k == 3 ? "unsigned" : k == 4 ? "silent-secondary" : "ok"
      v = (kind == "ok" || kind == "silent-secondary") ? "secure" : kind == "unsigned" ? "insecure" : "bogus"
      d = kind == "unsigned" ? "none" : (n % 7 == 5 ? "nsec3" : "nsec")
      zone = sprintf("z%05d.bulk.", n)
      printf "%s\t%s\t%s\t%s\n", zone, v, kind, d > zones
      for (i = 1; i <= N; i++) {
        name = (i == 1 ? "www" : "w" i) "." zone
        print name > names
        printf "%s\t%s\t%s\n", name, v, kind > expf
      }
    }
  }'
  printf 'zones=%s names=%s script=%s built=%s\n' "$ZONES" "$NAMES" \
    "$(sha1sum "$LAB_SCRIPTS/bulk-build.sh" | cut -c1-12)" "$NOW" > "$BULK/build.ok"
  say "built $ZONES zones, $((ZONES * NAMES)) names in $(ms "$t0")"
}

main "$@"
