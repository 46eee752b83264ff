# shellcheck shell=bash disable=SC2034
# The lab's zones: one `zone` line each, plus optional hooks named after the
# zone (dots and dashes become underscores):
#   pre_<zone>   runs before signing: `add` records, `publish_key`, set
#                SIGN_KEYS / SIGN_INC / SIGN_EXP / SIGN_ARGS / DS_KEYS / ...
#   sign_<zone>  replaces the default ldns-signzone step
#   post_<zone>  runs after signing: inject faults into $S, `write_ds`
# Sourced by build.sh, which defines the helpers (see there).  Every scenario
# here has one or more rows in manifest.json; see docs/lab.md for the table.
#
#    zone                         serve      NS                          keys                          denial

# --- root and TLDs ---------------------------------------------------------
zone .                            nsd-root  "a.root-servers.lab.=$ROOT_A b.root-servers.lab.=$ROOT_B" "ksk:13 zsk:13 oldksk:13" nsec
zone lab.                         nsd-tld   "ns1.nic.lab.=$TLD_1 ns2.nic.lab.=$TLD_2"   "ksk:13 zsk:13"  nsec3
zone test.                        nsd-tld   "ns1.nic.test.=$TLD_1 ns2.nic.test.=$TLD_2" "ksk:8"          nsec
# oldksk is a retired root KSK: never published, it is the trust anchor of
# the second resolver (root-anchor-old.ds), as after a missed root KSK rollover.
pre_root() { SIGN_KEYS="ksk zsk"; }
pre_lab() {   # the root servers' names live in lab. (root-servers.lab. is an empty non-terminal)
  add "a.root-servers IN A $ROOT_A"
  add "b.root-servers IN A $ROOT_B"
}

# --- healthy baselines -----------------------------------------------------
zone ok.lab.                      nsd-child - "ksk:13 zsk:13"          nsec
zone sub.ok.lab.                  nsd-gc    - "ksk:15 zsk:15"          nsec
zone deep.ent.lab.                nsd-child - "ksk:13 zsk:13"          nsec   # ent.lab. is an empty non-terminal in lab.
zone ok.test.                     nsd-child - "ksk:13 zsk:13"          nsec3
zone knot.lab.                    knot      - "ksk:15 zsk:15"          nsec3
zone wild-knot.lab.               knot      - "ksk:13 zsk:13"          nsec3
zone bind.lab.                    bind      - -                        nsec   # keys and signing by BIND tools
pre_ok_lab() {
  add "a.b IN A $DATA_NET.2"          # b.ok.lab. is an empty non-terminal
  add "mail IN MX 10 www"
}
pre_wild_knot_lab() { add "* IN A $DATA_NET.3"; }
sign_bind_lab() {
  local ksk zsk
  ksk="$(dnssec-keygen -q -K "$KD" -a ECDSAP256SHA256 -f KSK "$z")"
  zsk="$(dnssec-keygen -q -K "$KD" -a ECDSAP256SHA256 "$z")"
  cat "$KD/$ksk.key" "$KD/$zsk.key" >> "$U"
  dnssec-signzone -q -O full -K "$KD" -d "$KD" -o "$z" -f "$S" \
    -s "$(date -u -d "@$SIGN_INC" +%Y%m%d%H%M%S)" -e "$(date -u -d "@$SIGN_EXP" +%Y%m%d%H%M%S)" \
    "$U" "$KD/$ksk" "$KD/$zsk" >/dev/null
  dnssec-dsfromkey -2 "$KD/$ksk.key" | write_ds
}

# --- algorithms (RSA zones use a single combined key, a CSK, to keep up fast)
zone alg5.lab.                    nsd-child - "ksk:5"                  nsec
zone alg7.lab.                    nsd-child - "ksk:7"                  nsec3
zone alg8.lab.                    nsd-child - "ksk:8"                  nsec
zone alg10.lab.                   nsd-child - "ksk:10"                 nsec
zone alg13.lab.                   nsd-child - "ksk:13 zsk:13"          nsec
zone alg14.lab.                   nsd-child - "ksk:14 zsk:14"          nsec
zone alg15.lab.                   nsd-child - "ksk:15 zsk:15"          nsec
zone alg16.lab.                   nsd-child - "ksk:16 zsk:16"          nsec
zone alg1.lab.                    nsd-child - "ksk:1:1024"             nsec
zone alg3.lab.                    nsd-child - "ksk:3:1024"             nsec
zone multi-alg.lab.               nsd-child - "ksk:13 zsk:13 ksk8:8 zsk8:8" nsec
# Pre-delegation testing (--ns): a signed zone on the child servers that lab.
# does not delegate (yet); checked with --ns ns1/ns2.predelegation.lab. and
# their addresses, with and without --ds.
zone predelegation.lab.           nsd-child - "ksk:13 zsk:13"          nsec
undelegated predelegation.lab.
# The registrar hand-off (--expect-ds): what a DNS host would say the parent
# of multi-alg.lab. should publish, in $LAB/expect/ (manifest rows handoff-*):
# the DNSKEY RRset (both DS at lab. expected), the DS of the algorithm-13 KSK
# alone (lab.'s algorithm-8 DS unexpected), and `aws route53 get-dnssec` JSON
# listing the algorithm-13 KSK ACTIVE, the algorithm-8 KSK INACTIVE (its DS
# still at lab.) and a new KSK ACTIVE whose DS was never submitted.
post_multi_alg_lab() {
  local out="$LAB/expect"
  mkdir -p "$out"
  { key_rr ksk; key_rr zsk; key_rr ksk8; key_rr zsk8; } > "$out/multi-alg.dnskey"
  ds_of ksk > "$out/multi-alg.ds-13-only"
  [ -e "$KD/nextksk.key" ] || (keygen multi-alg.lab. nextksk 13 256) >/dev/null   # a subshell: keygen changes directory
  "$PY" - "$KD" > "$out/multi-alg.route53.json" <<'PYEOF'
import json, subprocess, sys
kd = sys.argv[1]
def key(label, name, status):
    rr = open(f"{kd}/{label}.key").read().split(";")[0].split()
    rdata = rr[rr.index("DNSKEY") + 1:]
    ds = subprocess.run(["ldns-key2ds", "-n", "-2", f"{kd}/{label}.key"], capture_output=True,
                        text=True, check=True).stdout.split()
    ds = ds[ds.index("DS") + 1:]
    return {"Name": name, "KmsArn": f"arn:aws:kms:us-east-1:111122223333:key/{label}",
            "Flag": int(rdata[0]), "SigningAlgorithmMnemonic": "ECDSAP256SHA256" if rdata[2] == "13" else "RSASHA256",
            "SigningAlgorithmType": int(rdata[2]), "DigestAlgorithmMnemonic": "SHA-256", "DigestAlgorithmType": 2,
            "KeyTag": int(ds[0]), "DigestValue": ds[3], "PublicKey": "".join(rdata[3:]),
            "DSRecord": " ".join(ds), "DNSKEYRecord": " ".join(rdata[:3] + ["".join(rdata[3:])]),
            "Status": status, "CreatedDate": "2026-11-01T10:00:00.000000+00:00",
            "LastModifiedDate": "2026-11-20T10:00:00.000000+00:00"}
print(json.dumps({"Status": {"ServeSignature": "SIGNING"},
                  "KeySigningKeys": [key("ksk", "ksk-2026", "ACTIVE"), key("ksk8", "ksk-rsa-old", "INACTIVE"),
                                     key("nextksk", "ksk-next", "ACTIVE")]}, indent=4))
PYEOF
}
# Algorithm rollover left half done: the alg-8 KSK is published, has a DS and
# signs the DNSKEY RRset, but no alg-8 ZSK signs the data (ldns-signzone signs
# data with the ZSKs only).
zone alg-roll-partial.lab.        nsd-child - "ksk:13 zsk:13 ksk8:8"   nsec
zone rsa1024.lab.                 nsd-child - "ksk:8:1024 zsk:8:1024"  nsec
zone bigkey.lab.                  nsd-child - "ksk:8:4096 zsk:8:2048"  nsec
pre_bigkey_lab() { SIGN_ARGS=(-A); }   # DNSKEY RRset signed by both RSA keys: ~1.7 KB > 1232 bytes

# --- NSEC3 parameters ------------------------------------------------------
zone nsec3.lab.                   nsd-child - "ksk:13 zsk:13"          nsec3:0:-
zone nsec3-salt.lab.              nsd-child - "ksk:13 zsk:13"          nsec3:10:aabbccdd
zone nsec3-iter200.lab.           nsd-child - "ksk:13 zsk:13"          nsec3:200:-
zone nsec3-optout.lab.            nsd-child - "ksk:13 zsk:13"          nsec3:0:-:optout
zone insecure.nsec3-optout.lab.   nsd-gc    - -                        none
zone combo-optout-iter.lab.       nsd-child - "ksk:13 zsk:13"          nsec3:200:aabbccdd:optout
zone insecure.combo-optout-iter.lab. nsd-gc - -                        none

# --- unsigned / insecure ---------------------------------------------------
zone unsigned.lab.                nsd-child - -                        none
zone sub.unsigned.lab.            nsd-gc    - "ksk:13 zsk:13"          nsec
zone unsigned.test.               nsd-child - -                        none
zone ds-unknown-alg.lab.          nsd-child - "ksk:13 zsk:13"          nsec
post_ds_unknown_alg_lab() {   # only DS: private algorithm 253 (RFC 4035 5.2: insecure)
  printf '%s\t3600\tIN\tDS\t4242 253 2 %s\n' "$z" "$(printf lab | sha256sum | cut -c1-64)" | write_ds
}

# --- signature times -------------------------------------------------------
zone expired.lab.                 nsd-child - "ksk:13 zsk:13"          nsec
zone sub.expired.lab.             nsd-gc    - "ksk:13 zsk:13"          nsec
zone future.lab.                  nsd-child - "ksk:13 zsk:13"          nsec
zone expiring.lab.                nsd-child - "ksk:13 zsk:13"          nsec
zone sig-longlived.lab.           nsd-child - "ksk:13 zsk:13"          nsec
zone ttl-long.lab.                nsd-child - "ksk:13 zsk:13"          nsec
pre_expired_lab()  { SIGN_INC=$((NOW - 32 * DAY)); SIGN_EXP=$((NOW - 2 * DAY)); }
pre_future_lab()   { SIGN_INC=$((NOW + 2 * DAY));  SIGN_EXP=$((NOW + 32 * DAY)); }
# A 30-day signature with 2 days left: a signer that stopped re-signing (an
# online signer's fresh 2-day signature is healthy and must not alarm).
pre_expiring_lab() { SIGN_INC=$((NOW - 28 * DAY)); SIGN_EXP=$((NOW + 2 * DAY)); }
zone sig-shortlived.lab.          nsd-child - "ksk:13 zsk:13"          nsec
# 3-day signatures, but secondaries may serve the zone for 14 days (SOA EXPIRE)
# after losing their primary: expired signatures from day 3.
pre_sig_shortlived_lab() { SIGN_EXP=$((NOW + 3 * DAY)); SOA_EXPIRE=1209600; }
pre_sig_longlived_lab() { SIGN_EXP=$((NOW + 400 * DAY)); }   # 400-day validity: a wide replay window
pre_ttl_long_lab() { SIGN_EXP=$((NOW + 20 * DAY)); WWW_TTL=2592000; }   # 30-day TTL, 20 days left

# --- DS / DNSKEY chain -----------------------------------------------------
zone ds-bad-digest.lab.           nsd-child - "ksk:13 zsk:13"          nsec
zone ds-stale.lab.                nsd-child - "ksk:13 zsk:13 oldksk:13" nsec
zone ds-wrong-alg.lab.            nsd-child - "ksk:13 zsk:13 rsaksk:8" nsec
zone ds-wrong-key.lab.            nsd-child - "ksk:13 ksk2:13 zsk:13"  nsec
zone ds-nokey.lab.                nsd-child - "ksk:13"                 nsec
zone ds-sha1.lab.                 nsd-child - "ksk:13 zsk:13"          nsec
zone ds-sha384.lab.               nsd-child - "ksk:13 zsk:13"          nsec
zone ds-gost.lab.                 nsd-child - "ksk:13 zsk:13"          nsec
zone ds-extra-alg.lab.            nsd-child - "ksk:13 zsk:13 ksk8:8"   nsec
zone combo-expired-baddigest.lab. nsd-child - "ksk:13 zsk:13"          nsec
post_ds_bad_digest_lab() {   # flip the first digest nibble
  ds_of ksk | awk 'BEGIN{OFS="\t"} { c = substr($NF,1,1); $NF = (c == "0" ? "1" : "0") substr($NF,2); print }' | write_ds
}
pre_ds_stale_lab()     { SIGN_KEYS="ksk zsk"; DS_KEYS="oldksk"; }       # old KSK gone, its DS stayed
pre_ds_wrong_alg_lab() { SIGN_KEYS="ksk zsk"; DS_KEYS="rsaksk"; }       # DS alg 8, zone only alg 13
pre_ds_wrong_key_lab() { SIGN_KEYS="ksk2 zsk"; DS_KEYS="ksk"; publish_key ksk; }  # DS key published, not signing
pre_ds_nokey_lab()     { SIGN_KEYS=""; DS_KEYS="ksk"; }                 # DS at parent, zone unsigned
pre_ds_sha1_lab()      { DS_DIGEST=1; }
pre_ds_sha384_lab()    { DS_DIGEST=4; }
post_ds_gost_lab() {   # only DS: digest type 3 (GOST R 34.11-94), which unbound does not implement
  ds_of ksk | awk 'BEGIN{OFS="\t"} { $(NF-1) = 3; print }' | write_ds
}
pre_ds_extra_alg_lab() { SIGN_KEYS="ksk zsk"; DS_KEYS="ksk ksk8"; publish_key ksk8; }  # alg-8 DS, alg-8 key signs nothing
pre_combo_expired_baddigest_lab() { pre_expired_lab; }
post_combo_expired_baddigest_lab() { post_ds_bad_digest_lab; }

# --- signatures ------------------------------------------------------------
zone sig-corrupt.lab.             nsd-child - "ksk:13 zsk:13"          nsec
zone rrsig-missing.lab.           nsd-child - "ksk:13 zsk:13"          nsec
zone rrsig-unknown-key.lab.       nsd-child - "ksk:13 zsk:13"          nsec
post_sig_corrupt_lab()   { corrupt_rrsig www A; }
post_rrsig_missing_lab() { drop_rrsig www A; }
pre_rrsig_unknown_key_lab() { publish_key ksk; SIGN_ARGS=(-d); }   # ZSK signs but is not published

# --- denial of existence ---------------------------------------------------
zone nonsec.test.                 nsd-child - "ksk:13 zsk:13"          nsec
zone nsec-unsigned.test.          nsd-child - "ksk:13 zsk:13"          nsec
zone nsec-noncover.test.          nsd-child - "ksk:13 zsk:13"          nsec
zone nsec-bitmap.test.            nsd-child - "ksk:13 zsk:13"          nsec
zone wild.test.                   nsd-child - "ksk:13 zsk:13"          nsec
zone wild-noproof.test.           nsd-child - "ksk:13 zsk:13"          nsec
zone nonsec3.lab.                 nsd-child - "ksk:13 zsk:13"          nsec3
zone nsec3-unsigned.lab.          nsd-child - "ksk:13 zsk:13"          nsec3
zone nsec3-flags.lab.             nsd-child - "ksk:13 zsk:13"          nsec3:0:-   # NSEC3 flags 2, signed again: validators ignore the chain
zone nsec3-noncover.lab.          nsd-child - "ksk:13 zsk:13"          nsec3
zone nsec-nowild.test.            nsd-child - "ksk:13 zsk:13"          nsec
zone nsec-nomatch.test.           nsd-child - "ksk:13 zsk:13"          nsec
zone lying-nsec.test.            nsd-child - "ksk:13 zsk:13"          nsec
zone nsec3-nomatch.lab.           nsd-child - "ksk:13 zsk:13"          nsec3
zone nsec3-noce.lab.              knot      - "ksk:13 zsk:13"          nsec3
post_nonsec_test()        { drop_type NSEC; }
post_nsec_unsigned_test() { drop_rrsigs_over NSEC; }
pre_nsec_noncover_test()  { add "a IN A $DATA_NET.4"; add "b IN A $DATA_NET.5"; }
post_nsec_noncover_test() { drop_name b; }          # a's NSEC still says "next: b": c is not covered
pre_nsec_bitmap_test()    { add "www IN TXT \"deleted after signing\""; }
# A "lying NSEC": the NSEC chain is made without www's A record, which is
# then added with a valid signature from a second signing with the same keys.
pre_lying_nsec_test()     { add "www IN TXT \"the NSEC here does not list A\""; }
sign_lying_nsec_test() {
  local u=$U s=$S
  awk '!($1 == "www" && / IN A /)' "$u" > "$u.noa"
  U="$u.noa" S="$s"; sign_ldns
  U="$u" S="$s.full"; sign_ldns
  U=$u S=$s
  awk -v o="www.$z" '$1 == o && ($4 == "A" || ($4 == "RRSIG" && $5 == "A"))' "$s.full" >> "$s"
  rm -f "$u.noa" "$s.full"
}
# A CDS/CDNSKEY pair added to the apex after the NSEC chain was made (with
# valid signatures from a second signing): the apex NSEC denies CDS and
# CDNSKEY, so a parent's CDS scanner using aggressive NSEC sees none.
zone lying-apex.test.             nsd-child - "ksk:13 zsk:13"          nsec
pre_lying_apex_test()     { cds_of ksk >> "$EXTRA"; cdnskey_of ksk >> "$EXTRA"; }
sign_lying_apex_test() {
  local u=$U s=$S
  grep -v -E '[[:space:]](CDS|CDNSKEY)[[:space:]]' "$u" > "$u.nocds"
  U="$u.nocds" S="$s"; sign_ldns
  U="$u" S="$s.full"; sign_ldns
  U=$u S=$s
  awk -v o="$z" '$1 == o && ($4 == "CDS" || $4 == "CDNSKEY" || ($4 == "RRSIG" && ($5 == "CDS" || $5 == "CDNSKEY")))' "$s.full" >> "$s"
  rm -f "$u.nocds" "$s.full"
}
post_nsec_bitmap_test()   { drop_rr www TXT; drop_rrsig www TXT; }  # NSEC bitmap still lists TXT
pre_wild_test()           { add "* IN A $DATA_NET.3"; }
pre_wild_noproof_test()   { add "* IN A $DATA_NET.3"; }
post_wild_noproof_test()  { drop_rr '*' NSEC; drop_rrsig '*' NSEC; }  # nothing covers foo.
post_nonsec3_lab()        { drop_type NSEC3; }
post_nsec3_unsigned_lab() { drop_rrsigs_over NSEC3; }
post_nsec3_flags_lab()    { /usr/bin/python3 "$(dirname "${BASH_SOURCE[0]}")/nsec3-flags.py" "$S" "$KD/zsk" 2 "$SIGN_INC" "$SIGN_EXP"; }
post_nsec_nowild_test()   { drop_rr @ NSEC; drop_rrsig @ NSEC; }       # the apex NSEC covered *.
post_nsec_nomatch_test()  { drop_rr www NSEC; drop_rrsig www NSEC; }   # NODATA at www has no NSEC of its own
post_nsec3_nomatch_lab()  { drop_name "$(nsec3_hash "www.$z")"; }        # ... nor an NSEC3
post_nsec3_noce_lab()     { drop_name "$(nsec3_hash "$z")"; }            # apex NSEC3 gone: no closest encloser
# An unsigned child whose NSEC at the parent was lost: nothing proves it has no DS.
zone noproof.test.                nsd-child - "ksk:13 zsk:13"          nsec
zone insecure.noproof.test.       nsd-gc    - -                        none
post_noproof_test()       { drop_rr insecure NSEC; drop_rrsig insecure NSEC; }
pre_nsec3_noncover_lab()  { local i; for i in 0 1 2 3 4 5 6 7; do add "d$i IN A $DATA_NET.6"; done; }
post_nsec3_noncover_lab() {
  # d0 and its NSEC3 are deleted after signing.  The hash of nx27 falls in the
  # span d0's NSEC3 covered; the NSEC3 before d0 still ends at d0's hash, so
  # nothing covers nx27 (the next closer name of the NXDOMAIN proof).
  local hd hq
  hd="$(nsec3_hash "d0.$z")"; hq="$(nsec3_hash "nx27.$z")"
  awk -v h="$hd" -v q="$hq" 'BEGIN { bad = 1 }
    $4 == "NSEC3" && substr($1, 1, 32) == h { n = tolower($9); bad = !(h < q && q < n) }
    END { exit bad }' "$S" || die "nsec3-noncover: nx27 is not in d0's NSEC3 span any more"
  drop_name d0
  drop_name "$hd"
}

# --- CDS / CDNSKEY ---------------------------------------------------------
zone cds-match.lab.               nsd-child - "ksk:13 zsk:13"          nsec
zone cds-mismatch.lab.            nsd-child - "ksk:13 zsk:13 nextksk:13" nsec
zone cdnskey-mismatch.lab.        nsd-child - "ksk:13 zsk:13 otherksk:13" nsec
zone cds-delete.lab.              nsd-child - "ksk:13 zsk:13"          nsec
zone cds-zsk-signed.lab.          nsd-child - "ksk:13 zsk:13"          nsec
pre_cds_match_lab()    { cds_of ksk >> "$EXTRA"; cdnskey_of ksk >> "$EXTRA"; }
pre_cds_mismatch_lab() { SIGN_KEYS="ksk zsk"; DS_KEYS="ksk"; cds_of nextksk >> "$EXTRA"; cdnskey_of nextksk >> "$EXTRA"; }
pre_cdnskey_mismatch_lab() { SIGN_KEYS="ksk zsk"; DS_KEYS="ksk"; cds_of ksk >> "$EXTRA"; cdnskey_of otherksk >> "$EXTRA"; }
pre_cds_delete_lab()   { add "@ IN CDS 0 0 0 00"; add "@ IN CDNSKEY 0 3 0 AA=="; }
pre_cds_zsk_signed_lab() { cds_of ksk >> "$EXTRA"; cdnskey_of ksk >> "$EXTRA"; }
post_cds_zsk_signed_lab() {   # keep only the ZSK's signatures over CDS/CDNSKEY (RFC 7344 4.1 wants a DS-matched key)
  local tag
  tag="$(ds_of ksk | awk '{print $5}')"
  awk -v tag="$tag" '!($4 == "RRSIG" && ($5 == "CDS" || $5 == "CDNSKEY") && $11 == tag)' "$S" > "$S.new" && mv "$S.new" "$S"
}

# Signed, CDS/CDNSKEY published, but no DS at lab. yet: ready for a parent
# that bootstraps from CDS (RFC 8078 §3, RFC 9615).
zone bootstrap.lab.               nsd-child - "ksk:13 zsk:13"          nsec
pre_bootstrap_lab()    { DS_KEYS=""; cds_of ksk >> "$EXTRA"; cdnskey_of ksk >> "$EXTRA"; }
# RFC 9615: two more such zones served by a DNS operator whose hosts live in
# nsop.lab., which publishes the signalling records _dsboot.<zone>._signal.<host>:
# for signal-ok.lab. a copy of its CDS/CDNSKEY, for signal-bad.lab. those of a
# key it does not use.
zone nsop.lab.                    nsd-child - "ksk:13 zsk:13"          nsec
zone signal-ok.lab.               nsd-child "ns1.nsop.lab.=$CHILD_1 ns2.nsop.lab.=$CHILD_2" "ksk:13 zsk:13" nsec
zone signal-bad.lab.              nsd-child "ns1.nsop.lab.=$CHILD_1 ns2.nsop.lab.=$CHILD_2" "ksk:13 zsk:13 otherksk:13" nsec
pre_signal_ok_lab()    { DS_KEYS=""; cds_of ksk >> "$EXTRA"; cdnskey_of ksk >> "$EXTRA"; }
pre_signal_bad_lab()   { SIGN_KEYS="ksk zsk"; DS_KEYS=""; cds_of ksk >> "$EXTRA"; cdnskey_of ksk >> "$EXTRA"; }
pre_nsop_lab() {
  local child key host owner
  for child in signal-ok.lab signal-bad.lab; do
    key=ksk; [ "$child" = signal-bad.lab ] && key=otherksk
    for host in ns1 ns2; do
      owner="_dsboot.$child._signal.$host"
      ldns-key2ds -n -2 "$KEYS/$child/$key.key" \
        | sed -E "s/^[^[:space:]]+/$owner/; s/[[:space:]]DS[[:space:]]/\tCDS\t/" >> "$EXTRA"
      sed 's/;.*//' "$KEYS/$child/$key.key" \
        | sed -E "s/^[^[:space:]]+/$owner/; s/[[:space:]]DNSKEY[[:space:]]/\tCDNSKEY\t/" >> "$EXTRA"
    done
  done
}

# --- rollovers -------------------------------------------------------------
zone roll-double-ds.lab.          nsd-child - "ksk:13 ksk2:13 zsk:13"  nsec
zone roll-standby.lab.            nsd-child - "ksk:13 ksk2:13 zsk:13"  nsec
zone roll-zsk-prepub.lab.         nsd-child - "ksk:13 zsk:13 zsk2:13"  nsec
zone revoked.lab.                 nsd-child - "ksk:13 kskrev:13 zsk:13" nsec
zone revoked-nosig.lab.           nsd-child - "ksk:13 kskrev:13 zsk:13" nsec
zone revoked-ds.lab.              nsd-child - "ksk:13 kskrev:13 zsk:13" nsec
zone combo-rollover.lab.          nsd-child - "ksk:13 zsk:13 zsk2:13 nextksk:13" nsec
# Double-DS KSK rollover, step 1: the new key's DS is at the parent before the key is published.
zone roll-ds-prepub.lab.          nsd-child - "ksk:13 zsk:13 nextksk:13" nsec
pre_roll_ds_prepub_lab()  { SIGN_KEYS="ksk zsk"; DS_KEYS="ksk nextksk"; }
pre_roll_standby_lab()    { SIGN_KEYS="ksk zsk"; DS_KEYS="ksk"; publish_key ksk2; }
pre_roll_zsk_prepub_lab() { SIGN_KEYS="ksk zsk"; publish_key zsk2; }
pre_revoked_lab()         { DS_KEYS="ksk"; }                               # revoked key self-signs
pre_revoked_nosig_lab()   { SIGN_KEYS="ksk zsk"; DS_KEYS="ksk"; publish_key kskrev; }
pre_revoked_ds_lab()      { DS_KEYS="kskrev"; }                            # the only DS is for the revoked key
# Double-KSK rollover in progress: ksk2 signs the DNSKEY RRset since up, no DS yet.
zone roll-double-ksk.lab.         nsd-child - "ksk:13 ksk2:13 zsk:13"  nsec
pre_roll_double_ksk_lab() { DS_KEYS="ksk"; }
# Double-KSK rollover stuck at the DS step: ksk2 has signed the DNSKEY RRset
# for ten days (and its CDS is out), but the parent still has only ksk's DS.
zone roll-ksk-stuck.lab.          nsd-child - "ksk:13 ksk2:13 zsk:13"  nsec
pre_roll_ksk_stuck_lab() {
  DS_KEYS="ksk"; SIGN_INC=$((NOW - 10 * DAY))
  cds_of ksk2 >> "$EXTRA"; cdnskey_of ksk2 >> "$EXTRA"
}
pre_combo_rollover_lab() {
  SIGN_KEYS="ksk zsk"; DS_KEYS="ksk"; publish_key zsk2
  cds_of nextksk >> "$EXTRA"; cdnskey_of nextksk >> "$EXTRA"
  SIGN_INC=$((NOW - 28 * DAY)); SIGN_EXP=$((NOW + 2 * DAY))
}

# --- servers ---------------------------------------------------------------
zone split.lab.    nsd-child "ns1=$CHILD_1 ns2=$BIND_1"    "ksk:13 zsk:13 oldzsk:13" nsec
zone halfdead.lab. nsd-child "ns1=$CHILD_1 ns2=$SINK_1"    "ksk:13 zsk:13"          nsec
zone dead.lab.     none      "ns1=$SINK_1"                 "ksk:13 zsk:13"          nsec
# 120 name servers with glue, none of which ever answers (a second sink on 127.53.8.1-120).
zone wide-dead.lab. none "$(for i in $(seq 1 120); do printf 'ns%03d=127.53.8.%d ' "$i" "$i"; done)" "ksk:13 zsk:13" nsec
zone notcp.lab.    nsd-child "ns1=$UDPONLY_1"              "ksk:13 zsk:13"          nsec
zone lame.lab.     nsd-child "ns1=$CHILD_1 ns2=$GC_1"      "ksk:13 zsk:13"          nsec
zone lame-noaa.lab. nsd-child "ns1=$CHILD_1 ns2=$TLD_2"    "ksk:13 zsk:13"          nsec
zone noedns.lab.   nsd-child "ns1=$CHILD_1 ns2=$NOEDNS_1"  "ksk:13 zsk:13"          nsec   # ns2 FORMERRs EDNS
zone nodo.lab.     nsd-child "ns1=$CHILD_1 ns2=$NODO_1"    "ksk:13 zsk:13"          nsec   # ns2 ignores DO
zone noopt.lab.    nsd-child "ns1=$CHILD_1 ns2=$NOOPT_1"   "ksk:13 zsk:13"          nsec   # ns2 strips OPT
zone nosoa.lab.    nsd-child "ns1=$CHILD_1 ns2=$NOSOA_1"   "ksk:13 zsk:13"          nsec   # ns2 drops the SOA from NODATA
zone noapexproof.lab.  nsd-child "ns1=$CHILD_1 ns2=$NOPROOF_1" "ksk:13 zsk:13"          nsec   # ns2 drops the NSEC from apex NODATA
zone apexrefused.lab.  nsd-child "ns1=$CHILD_1 ns2=$REFUSED_1" "ksk:13 zsk:13"          nsec   # ns2 refuses CDS, CDNSKEY, NSEC3PARAM
zone extraproof.lab.   nsd-child "ns1=$CHILD_1 ns2=$EXTRAPROOF_1" "ksk:13 zsk:13"       nsec   # ns2 adds a second NSEC to apex NODATA
zone strayanswer.lab.  nsd-child "ns1=$CHILD_1 ns2=$STRAY_1" "ksk:13 zsk:13"          nsec   # ns2 adds records not asked for to apex answers
zone garbage.lab.  nsd-child "ns1=$CHILD_1 ns2=$GARBAGE_1" "ksk:13 zsk:13"          nsec   # ns2 sends malformed answers
zone noglue.lab.   nsd-child -                             "ksk:13 zsk:13"          nsec
zone noaddr.lab.   nsd-child -                             "ksk:13 zsk:13"          nsec
NO_GLUE[noglue.lab.]="ns1.noglue.lab."   # lab. delegates to ns1 inside the zone without its address
NO_GLUE[noaddr.lab.]="*"                 # ... and here to no server with an address at all
zone ns-extra.lab. nsd-child -                             "ksk:13 zsk:13"          nsec
zone glue-mismatch.lab. nsd-child "ns1=$CHILD_1"          "ksk:13 zsk:13"          nsec
zone ns-missing.lab. nsd-child -                           "ksk:13 zsk:13"          nsec
# The parent delegates to ns1 and ns2; the zone's own NS RRset forgot ns2.
sign_ns_missing_lab() { sed -i "/^@ IN NS ns2\.$z\$/d" "$U"; sign_ldns; }
# The zone lists a third name server the parent's delegation does not.
pre_ns_extra_lab() { add "@ IN NS ns3"; add "ns3 IN A $CHILD_2"; }
# The zone gives ns1 a second address; the parent's glue has only the first.
pre_glue_mismatch_lab() { add "ns1 IN A $CHILD_2"; }
# Today's copy also publishes CDS/CDNSKEY for the KSK; yesterday's does not.
pre_split_lab() {
  SIGN_KEYS="ksk zsk"; add "new IN A $DATA_NET.7"
  cds_of ksk >> "$EXTRA"; cdnskey_of ksk >> "$EXTRA"
}
post_split_lab() {   # named serves yesterday's copy: old serial, old ZSK, old signatures, no "new", no CDS
  local stale="$ZONEDIR/split.lab.stale"
  sed -E "s/ $SERIAL 3600 600 / $((SERIAL - DAY)) 3600 600 /" "$U" | grep -v '^new ' \
    | grep -v -E '[[:space:]](CDS|CDNSKEY)[[:space:]]' > "$U.stale"
  ldns-signzone -i $((NOW - 2 * DAY)) -e $((NOW + 28 * DAY)) -o "$z" -f "$stale" \
    "$U.stale" "$KD/ksk" "$KD/oldzsk"
  serve bind "$z" "$stale"
}

# DS digest types by their registry class (Zonemaster DNSSEC01): beside the
# SHA-256 DS of the KSK, lab. publishes DS of the same key with digest type 0,
# an unassigned one (42), a reserved one (200) and a private one (253);
# validators ignore those, the zone stays secure.
zone ds-digests.lab.              nsd-child - "ksk:13 zsk:13"          nsec
post_ds_digests_lab() {
  local ds tag fake
  ds="$(ds_of ksk)"
  tag="$(awk '{ print $5 }' <<<"$ds")"
  fake="$(printf 'ab%.0s' $(seq 1 32))"
  { echo "$ds"
    for type in 0 42 200 253; do printf '%s\t3600\tIN\tDS\t%s 13 %s %s\n' "$z" "$tag" "$type" "$fake"; done
  } | write_ds
}
# Only a SHA-384 DS at lab.: RFC 8624 wants SHA-256 published (DS_SHA256_MISSING).
zone ds-sha384-only.lab.          nsd-child - "ksk:13 zsk:13"          nsec
pre_ds_sha384_only_lab() { DS_DIGEST=4; }
# DNSKEYs of algorithms that cannot sign a zone, published beside the signing
# keys (Zonemaster DNSSEC05): 2 (DH, not for zones), 200 (reserved), 100
# (unassigned), 253 (private); validators ignore them, the zone stays secure.
zone odd-algs.lab.                nsd-child - "ksk:13 zsk:13"          nsec
pre_odd_algs_lab() {
  local alg blob
  blob="$(head -c 64 /dev/urandom | base64 -w0)"
  for alg in 2 200 100 253; do add "@ IN DNSKEY 256 3 $alg $blob"; done
}
# An RSASHA256 key of 8192 bits (Zonemaster DNSKEY_TOO_LARGE_FOR_ALGO):
# exponent 65537, a random odd modulus; published beside the signing keys,
# signing nothing (so algorithm 8 is also a key algorithm without signatures).
zone rsa-long.lab.                nsd-child - "ksk:13 zsk:13"          nsec
pre_rsa_long_lab() {
  add "@ IN DNSKEY 256 3 8 $("$PY" -c 'import base64,os; m=bytearray(os.urandom(1024)); m[0]|=0x80; m[-1]|=1; print(base64.b64encode(bytes([3,1,0,1])+bytes(m)).decode())')"
}

# NSEC3PARAM oddities (Zonemaster DNSSEC03/DNSSEC10): beside the chain's own
# NSEC3PARAM (1 0 0 -, given in the zone file: ldns-signzone then adds none),
# the apex also publishes one of hash algorithm 2 and
# one with flags 1; the chain itself is a normal one, so validators are fine.
zone nsec3param-odd.lab.          nsd-child - "ksk:13 zsk:13"          nsec3
pre_nsec3param_odd_lab() { add "@ IN NSEC3PARAM 1 0 0 -"; add "@ IN NSEC3PARAM 2 0 0 -"; add "@ IN NSEC3PARAM 1 1 0 -"; }
zone nsec3param-stray.lab.        nsd-child - "ksk:13 zsk:13"          nsec   # an NSEC3PARAM left in an NSEC-signed zone
pre_nsec3param_stray_lab() { add "@ IN NSEC3PARAM 1 0 0 -"; }
# NSEC on one server, NSEC3 on the other: NSD serves the NSEC-signed zone,
# named the same zone (same serial, same keys) signed with NSEC3.
zone mixed-denial.lab. nsd-child "ns1=$CHILD_1 ns2=$BIND_1" "ksk:13 zsk:13" nsec
post_mixed_denial_lab() {
  local copy="$ZONEDIR/mixed-denial.lab.nsec3"
  ldns-signzone -n -t 0 -i "$SIGN_INC" -e "$SIGN_EXP" -o "$z" -f "$copy" "$U" "$KD/ksk" "$KD/zsk"
  serve bind "$z" "$copy"
}

# CDS/CDNSKEY whose keys lack flags (Zonemaster DNSSEC16/17): the zone is
# signed by one key without the SEP flag (a CSK labelled zsk, its DS at lab.),
# and also publishes a DNSKEY without the ZONE flag (flags 1); CDS and
# CDNSKEY describe both.
zone cds-flags.lab.               nsd-child - "zsk:13"                 nsec
pre_cds_flags_lab() {
  local nonzone
  DS_KEYS=""   # written by the post hook: ldns-key2ds needs -f for a key without SEP
  ldns-key2ds -n -f -2 "$KD/zsk.key" | sed -E 's/[[:space:]]DS[[:space:]]/\tCDS\t/' >> "$EXTRA"
  cdnskey_of zsk >> "$EXTRA"
  nonzone="$(key_rr zsk | awk '{ print $NF }' | rev | cut -c5- | rev)AAAA"   # another 64-byte P-256 point, as a blob
  add "@ IN DNSKEY 1 3 13 $nonzone"
  add "@ IN CDNSKEY 1 3 13 $nonzone"
  "$PY" - "$z" "$nonzone" >> "$EXTRA" <<'PYEOF'
import base64, hashlib, struct, sys
zone, key = sys.argv[1], base64.b64decode(sys.argv[2])
rdata = struct.pack("!HBB", 1, 3, 13) + key
wire = b"".join(bytes([len(l)]) + l.lower().encode() for l in zone.rstrip(".").split(".")) + b"\0"
ac = sum(b << 8 if i % 2 == 0 else b for i, b in enumerate(rdata))
tag = (ac + (ac >> 16)) & 0xFFFF
print("@ IN CDS %d 13 2 %s" % (tag, hashlib.sha256(wire + rdata).hexdigest()))
PYEOF
}
post_cds_flags_lab() { ldns-key2ds -n -f -2 "$KD/zsk.key" | write_ds; }

# CDS alone (no CDNSKEY), and the delete CDS/CDNSKEY beside normal ones
# (Zonemaster DS15_HAS_CDS_NO_CDNSKEY, DS16_MIXED_DELETE_CDS).
zone cds-only.lab.                nsd-child - "ksk:13 zsk:13"          nsec
pre_cds_only_lab() { cds_of ksk >> "$EXTRA"; }
zone cds-delete-mixed.lab.        nsd-child - "ksk:13 zsk:13"          nsec
pre_cds_delete_mixed_lab() {
  cds_of ksk >> "$EXTRA"; cdnskey_of ksk >> "$EXTRA"
  add "@ IN CDS 0 0 0 00"; add "@ IN CDNSKEY 0 3 0 AA=="
}

# Per-server DNSSEC presence (Zonemaster DS05_SERVER_NO_DNSSEC,
# DS07_INCONSISTENT_SIGNED): NSD serves the signed zone, named the unsigned
# file of the same serial (no DNSKEY, no RRSIG), as a secondary given the
# wrong file would.
zone nokeys-ns2.lab. nsd-child "ns1=$CHILD_1 ns2=$BIND_1" "ksk:13 zsk:13" nsec
post_nokeys_ns2_lab() { cp "$U" "$ZONEDIR/nokeys-ns2.lab.unsigned"; serve bind "$z" "$ZONEDIR/nokeys-ns2.lab.unsigned"; }

# Two signers (RFC 8901 multi-signer) that do not publish each other's ZSK:
# the same serial on both, NSD's copy signed with zsk, named's with zsk2,
# each DNSKEY RRset holding only its own ZSK. Not a stale copy: each copy
# validates alone, and a validator mixing them fails until it retries.
zone multisigner.lab. nsd-child "ns1=$CHILD_1 ns2=$BIND_1" "ksk:13 zsk:13 zsk2:13" nsec
pre_multisigner_lab() { SIGN_KEYS="ksk zsk"; }
post_multisigner_lab() {
  local other="$ZONEDIR/multisigner.lab.other"
  ldns-signzone -i $((NOW - 3600)) -e $((NOW + 30 * DAY)) -o "$z" -f "$other" "$U" "$KD/ksk" "$KD/zsk2"
  serve bind "$z" "$other"
}

# A parent whose secondary (named) still serves the copy from before the
# second DS of a KSK rollover was added: the parent's servers disagree on DS.
zone ds-split.lab.       nsd-child "ns1=$CHILD_1 ns2=$BIND_1" "ksk:13 zsk:13"         nsec
zone child.ds-split.lab. nsd-gc    -                          "ksk:13 ksk2:13 zsk:13" nsec
post_ds_split_lab() {
  local stale="$ZONEDIR/ds-split.lab.stale" second
  second="$(ldns-key2ds -n -2 "$KEYS/child.ds-split.lab/ksk2.key" | awk '{ print $NF }')"
  sed -E "s/ $SERIAL 3600 600 / $((SERIAL - 3600)) 3600 600 /" "$U" | grep -vF "$second" > "$U.stale"
  ldns-signzone -i $((NOW - 2 * 3600)) -e $((NOW + 30 * DAY)) -o "$z" -f "$stale" "$U.stale" "$KD/ksk" "$KD/zsk"
  serve bind "$z" "$stale"
}
# A re-salted NSEC3 zone whose secondary (named) still serves yesterday's
# chain (10 iterations, salt 0a0b0c0d): the servers' NSEC3 parameters differ.
zone nsec3-resalt.lab.   nsd-child "ns1=$CHILD_1 ns2=$BIND_1" "ksk:13 zsk:13"         nsec3:0:-
post_nsec3_resalt_lab() {
  local stale="$ZONEDIR/nsec3-resalt.lab.stale"
  sed -E "s/ $SERIAL 3600 600 / $((SERIAL - DAY)) 3600 600 /" "$U" > "$U.stale"
  ldns-signzone -n -t 10 -s 0a0b0c0d -i $((NOW - 2 * DAY)) -e $((NOW + 28 * DAY)) -o "$z" -f "$stale" \
    "$U.stale" "$KD/ksk" "$KD/zsk"
  serve bind "$z" "$stale"
}
# An opt-out setting changed on the signer that reached one server: NSD
# serves the chain without opt-out, the BIND secondary the same serial
# signed again with opt-out (same keys, 0 iterations, no salt), so the same
# NSEC3 owners carry different flags.
zone nsec3-optout-split.lab. nsd-child "ns1=$CHILD_1 ns2=$BIND_1" "ksk:13 zsk:13"         nsec3:0:-
post_nsec3_optout_split_lab() {
  local other="$ZONEDIR/nsec3-optout-split.lab.optout"
  ldns-signzone -n -p -t 0 -i $((NOW - 3600)) -e $((NOW + 30 * DAY)) -o "$z" -f "$other" "$U" "$KD/ksk" "$KD/zsk"
  serve bind "$z" "$other"
}

# --- CNAME into a broken zone ----------------------------------------------
zone cname.lab.                   nsd-child - "ksk:13 zsk:13"          nsec
pre_cname_lab() {
  NO_WWW=1; add "www IN CNAME www.expired.lab."; add "good IN CNAME www.ok.lab."
  # A chain of 16 CNAMEs: longer than validators follow.
  local i; for i in $(seq 1 15); do add "long$i IN CNAME long$((i + 1))"; done
  add "long16 IN CNAME www.ok.lab."
}
