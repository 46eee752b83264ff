#!/usr/bin/python3
"""Lab fault: give every NSEC3 record of a signed zone unassigned flags and
sign the changed NSEC3 RRsets again, so the chain is correctly signed but
carries flags validators must ignore (RFC 5155 §8.2). ldns-signzone cannot
write such records; dnspython signs them with the zone's own ZSK.

    nsec3-flags.py SIGNED-FILE KEY-BASE FLAGS INCEPTION EXPIRATION

SIGNED-FILE: ldns-signzone output (one record a line), rewritten in place.
KEY-BASE: the ZSK as ldns-keygen wrote it (KEY-BASE.key, KEY-BASE.private).
"""
import base64
import sys

import dns.dnssec
import dns.name
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rrset
from cryptography.hazmat.primitives.asymmetric import ec


def private_key(path):
    fields = dict(line.split(": ", 1) for line in open(path).read().splitlines() if ": " in line)
    if not fields.get("Algorithm", "").startswith("13 "):
        sys.exit(f"nsec3-flags: {path}: only ECDSAP256SHA256 (13) keys are supported")
    scalar = int.from_bytes(base64.b64decode(fields["PrivateKey"]), "big")
    return ec.derive_private_key(scalar, ec.SECP256R1())


def main():
    signed, key_base, flags, inception, expiration = sys.argv[1:6]
    # "owner [TTL] IN DNSKEY rdata ;{comment}", as ldns-keygen writes it.
    key_line = [l for l in open(key_base + ".key").read().splitlines() if l and not l.startswith(";")][0]
    fields = key_line.split(";")[0].split()
    signer = dns.name.from_text(fields[0])
    dnskey = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.DNSKEY, " ".join(fields[fields.index("DNSKEY") + 1:]))
    key = private_key(key_base + ".private")

    kept, nsec3 = [], {}
    for line in open(signed).read().splitlines():
        fields = line.split()
        if len(fields) > 4 and fields[3] == "RRSIG" and fields[4] == "NSEC3":
            continue                                   # signed again below
        if len(fields) > 5 and fields[3] == "NSEC3":
            fields[5] = flags
            owner, ttl = fields[0], int(fields[1])
            nsec3.setdefault((owner, ttl), []).append(" ".join(fields[4:]))
            kept.append("\t".join(fields[:4]) + "\t" + " ".join(fields[4:]))
            continue
        kept.append(line)
    for (owner, ttl), rdatas in nsec3.items():
        rrset = dns.rrset.from_text_list(owner, ttl, "IN", "NSEC3", rdatas)
        rrsig = dns.dnssec.sign(rrset, key, signer, dnskey, inception=int(inception), expiration=int(expiration))
        kept.append(f"{owner}\t{ttl}\tIN\tRRSIG\t{rrsig.to_text()}")
    with open(signed, "w") as out:
        out.write("\n".join(kept) + "\n")


if __name__ == "__main__":
    main()
