#!/usr/bin/python3
"""The hostile part of the lab: a private signed DNS tree with its own root,
served by one Python process on addresses in 127.53.9.0/24, whose child zones
each answer in one hostile way (KeyTrap key-tag collisions, hundreds of
RRSIGs or DS, costly NSEC3, glueless NS fan-out, referral loops, CNAME and
DNAME loops, malformed messages, stuck or dripping TCP).  See "Hostile part"
in docs/lab.md.

Everything is built in memory at start-up (keys, zones, signatures: about a
second) and written out as OUTDIR/root.hints, root-anchor.ds and
root-anchor.dnskey, so a validator can use the tree.  Then the process
serves UDP and TCP on port 53 of every address of SERVERS below, and writes
its pid file last (the lab's "up" waits for it).

usage: hostile.py OUTDIR LOGFILE PIDFILE
"""
import bisect
import hashlib
import os
import random
import selectors
import socket
import struct
import sys
import threading
import time

import dns.dnssec
import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rcode
import dns.rrset
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

import labsock

NET = "127.53.9."
ROOT_ADDR = NET + "1"       # a-root.hostile.: the private root
TLD_ADDR = NET + "2"        # ns1.hostile.: the TLD hostile.
CHILD_ADDR = NET + "3"      # most child zones
SINKS = [NET + str(i) for i in range(130, 250)]  # glueless NS targets that never answer

NOW = int(time.time())
INCEPTION = NOW - 3600
EXPIRATION = NOW + 30 * 86400
TTL = 3600
A_DATA = "127.53.255.9"     # A record data (nothing listens there)
# the two kinds of hostile zones of the KeyTrap rows: (label, algorithm, keys, RRSIGs per RRset)
KEYTRAP = [("ed25519", 15, 256, 250), ("p256", 13, 256, 250), ("rsa", 8, 96, 96)]
MALFORMED = ["ptr-loop", "ptr-past-end", "label64", "name-too-long", "counts", "rdlength",
             "opt-in-answer", "rrsig-short", "random", "trailing"]

LOG = sys.stderr


def log(text):
    LOG.write("%d %s\n" % (time.time(), text))


def name(text):
    return dns.name.from_text(text)


def under(label, origin):
    """The name LABEL.ORIGIN."""
    return dns.name.Name((label.encode(),) + origin.labels)


# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------

class Key:
    """One real signing key: the private key and its DNSKEY (flags 257, a CSK)."""

    def __init__(self, algorithm):
        self.algorithm = algorithm
        if algorithm == 13:
            self.private = ec.generate_private_key(ec.SECP256R1())
        elif algorithm == 15:
            self.private = ed25519.Ed25519PrivateKey.generate()
        elif algorithm == 8:
            self.private = rsa.generate_private_key(65537, 2048)
        else:
            raise ValueError(algorithm)
        self.dnskey = dns.dnssec.make_dnskey(self.private.public_key(), algorithm, flags=257)
        self.tag = dns.dnssec.key_id(self.dnskey)


def key_tag_sum(data):
    """RFC 4034 appendix B before the final fold: even bytes high, odd bytes low."""
    return sum(b << 8 if i % 2 == 0 else b for i, b in enumerate(data))


def fake_key_bytes(algorithm):
    """Random public-key bytes of the right length and shape for ALGORITHM."""
    if algorithm == 8:
        # exponent 65537, then a 2048-bit modulus: top bit set, odd
        modulus = bytearray(os.urandom(256))
        modulus[0] |= 0x80
        modulus[-1] |= 0x01
        return b"\x03\x01\x00\x01" + bytes(modulus)
    return os.urandom(32 if algorithm == 15 else 64)


def colliding_dnskey(real):
    """A made-up DNSKEY with the real key's flags, algorithm and key tag:
    two bytes near the end of random key bytes are chosen so the RFC 4034
    key tag comes out equal (no key pair behind it, so it costs nothing)."""
    while True:
        key = bytearray(fake_key_bytes(real.algorithm))
        pos = len(key) - 4           # an even offset in the rdata: the high byte of a pair
        key[pos] = key[pos + 1] = 0
        rdata = struct.pack("!HBB", 257, 3, real.algorithm) + bytes(key)
        s = key_tag_sum(rdata)
        for high in (s >> 16, (s >> 16) + 1):
            total = (high << 16) + ((real.tag - high) & 0xFFFF)
            v = total - s
            if 0 <= v <= 0xFFFF:
                key[pos], key[pos + 1] = v >> 8, v & 0xFF
                fake = dns.rdata.from_wire(dns.rdataclass.IN, dns.rdatatype.DNSKEY,
                                           struct.pack("!HBB", 257, 3, real.algorithm) + bytes(key), 0,
                                           4 + len(key))
                if dns.dnssec.key_id(fake) == real.tag and fake != real.dnskey:
                    return fake


def signature_length(algorithm):
    return 256 if algorithm == 8 else 64


# ---------------------------------------------------------------------------
# Zones
# ---------------------------------------------------------------------------

class Zone:
    """The records of one zone, its denial chain and its signatures, and the
    authoritative answer to any query for it."""

    def __init__(self, origin, algorithm=13, signed=True, nsec3=None, ns_addr=CHILD_ADDR):
        self.origin = name(origin)
        self.rrsets = {}              # (owner, type) -> RRset
        self.sigs = {}                # (owner, covered type) -> RRSIG RRset
        self.key = Key(algorithm) if signed else None
        self.nsec3 = nsec3            # None (NSEC) or (iterations, salt bytes)
        self.all_nsec3_in_denial = False
        self.ds = None                # the DS RRset the parent publishes
        mname = "ns1." + origin if origin != "." else "a-root.hostile."
        soa = "%s hostmaster.%s 1 3600 600 86400 300" % (mname, origin.lstrip("."))
        self.add(origin, "SOA", soa)
        if ns_addr:
            self.add(origin, "NS", "ns1." + origin)
            self.add("ns1." + origin, "A", ns_addr)
        if signed:
            self.add_rdata(self.origin, dns.rdatatype.DNSKEY, [self.key.dnskey])

    def add(self, owner, rdtype, *texts, ttl=TTL):
        rdtype = dns.rdatatype.from_text(rdtype)
        owner = owner if isinstance(owner, dns.name.Name) else name(owner)
        rdatas = [dns.rdata.from_text(dns.rdataclass.IN, rdtype, t, origin=self.origin, relativize=False) for t in texts]
        self.add_rdata(owner, rdtype, rdatas, ttl)

    def add_rdata(self, owner, rdtype, rdatas, ttl=TTL):
        rrset = self.rrsets.get((owner, rdtype))
        if rrset is None:
            rrset = self.rrsets[(owner, rdtype)] = dns.rrset.RRset(owner, dns.rdataclass.IN, rdtype)
        for r in rdatas:
            rrset.add(r, ttl)

    def delegate(self, child, glue=None):
        """NS (and in-zone glue, and DS when the child is signed) for CHILD."""
        ns = child.rrsets[(child.origin, dns.rdatatype.NS)]
        self.add_rdata(child.origin, dns.rdatatype.NS, list(ns), TTL)
        for r in ns:
            a = child.rrsets.get((r.target, dns.rdatatype.A))
            if a is not None and r.target.is_subdomain(child.origin):
                self.add_rdata(r.target, dns.rdatatype.A, list(a), TTL)
        if child.key is not None:
            ds = child.ds or [dns.dnssec.make_ds(child.origin, child.key.dnskey, "SHA256")]
            self.add_rdata(child.origin, dns.rdatatype.DS, ds, TTL)

    # --- after all records are in: names, denial chain, signatures ---

    def finish(self):
        owners = {o for (o, _) in self.rrsets}
        self.cuts = {o for (o, t) in self.rrsets if t == dns.rdatatype.NS and o != self.origin}
        # names below a cut are glue, not data of this zone
        self.names = {o for o in owners if not any(o != c and o.is_subdomain(c) for c in self.cuts)}
        self.ents = set()
        for o in self.names:
            parent = o
            while parent != self.origin:
                parent = parent.parent()
                if parent not in self.names:
                    self.ents.add(parent)
        if self.key is None:
            return
        if self.nsec3 is None:
            self.make_nsec_chain()
        else:
            self.make_nsec3_chain()
        for (owner, rdtype), rrset in list(self.rrsets.items()):
            if owner not in self.names:
                continue  # glue
            if owner in self.cuts and rdtype != dns.rdatatype.DS and rdtype != dns.rdatatype.NSEC:
                continue  # the delegation NS is not signed by the parent
            self.sign(rrset)
        for rrset in getattr(self, "nsec3_rrsets", []):
            self.sign(rrset)

    def sign(self, rrset, key=None):
        key = key or self.key
        rrsig = dns.dnssec.sign(rrset, key.private, self.origin, key.dnskey,
                                inception=INCEPTION, expiration=EXPIRATION)
        sigs = dns.rrset.RRset(rrset.name, dns.rdataclass.IN, dns.rdatatype.RRSIG, rrset.rdtype)
        sigs.add(rrsig, rrset.ttl)
        self.sigs[(rrset.name, rrset.rdtype)] = sigs
        return rrsig

    def types_at(self, owner):
        types = {t for (o, t) in self.rrsets if o == owner}
        if owner in self.cuts:
            types &= {dns.rdatatype.NS, dns.rdatatype.DS}
        return types

    def make_nsec_chain(self):
        self.chain = sorted(self.names)
        for i, owner in enumerate(self.chain):
            nxt = self.chain[(i + 1) % len(self.chain)]
            types = self.types_at(owner) | {dns.rdatatype.NSEC, dns.rdatatype.RRSIG}
            text = "%s %s" % (nxt, " ".join(sorted(dns.rdatatype.to_text(t) for t in types)))
            self.add(owner, "NSEC", text, ttl=300)

    def hash(self, owner):
        iterations, salt = self.nsec3
        return dns.dnssec.nsec3_hash(owner, salt, iterations, 1)

    def make_nsec3_chain(self):
        iterations, salt = self.nsec3
        salt_text = salt.hex() if salt else "-"
        self.add(self.origin, "NSEC3PARAM", "1 0 %d %s" % (iterations, salt_text), ttl=0)
        hashed = sorted((self.hash(o), o) for o in self.names | self.ents)
        self.hashes = [h for h, _ in hashed]
        self.nsec3_rrsets = []
        for i, (h, owner) in enumerate(hashed):
            nxt = self.hashes[(i + 1) % len(hashed)]
            types = self.types_at(owner)
            if types and not (owner in self.cuts and dns.rdatatype.DS not in types):
                types |= {dns.rdatatype.RRSIG}
            text = "1 0 %d %s %s %s" % (iterations, salt_text, nxt,
                                        " ".join(sorted(dns.rdatatype.to_text(t) for t in types)))
            rrset = dns.rrset.from_text(under(h.lower(), self.origin), 300, "IN", "NSEC3", text)
            self.nsec3_rrsets.append(rrset)

    # --- answering ---

    def with_sig(self, rrset, do):
        out = [rrset]
        sig = self.sigs.get((rrset.name, rrset.rdtype))
        if do and sig is not None:
            out.append(sig)
        return out

    def get(self, owner, rdtype):
        return self.rrsets.get((owner, rdtype))

    def covering_nsec(self, owner):
        i = bisect.bisect_right(self.chain, owner) - 1   # -1 wraps to the last NSEC
        return self.get(self.chain[i], dns.rdatatype.NSEC)

    def nsec3_for(self, owner, matching):
        """The NSEC3 matching OWNER (matching=True) or covering its hash."""
        h = self.hash(owner)
        i = bisect.bisect_left(self.hashes, h)
        if matching:
            return self.nsec3_rrsets[i] if i < len(self.hashes) and self.hashes[i] == h else None
        return self.nsec3_rrsets[i - 1]

    def closest_encloser(self, qname):
        ce = qname.parent()
        while ce not in self.names and ce not in self.ents:
            ce = ce.parent()
        return ce

    def denial(self, qname, nxdomain, do):
        """SOA and the NSEC/NSEC3 records that prove the answer."""
        auth = self.with_sig(self.get(self.origin, dns.rdatatype.SOA), do)
        if not do or self.key is None:
            return auth
        proofs = []
        if self.nsec3 is None:
            if not nxdomain and qname in self.names:
                proofs.append(self.get(qname, dns.rdatatype.NSEC))
            else:
                proofs.append(self.covering_nsec(qname))
                if nxdomain:
                    proofs.append(self.covering_nsec(under("*", self.closest_encloser(qname))))
        elif not nxdomain:
            proofs.append(self.nsec3_for(qname, True))
        else:
            ce = self.closest_encloser(qname)
            next_closer = dns.name.Name(qname.labels[-(len(ce.labels) + 1):])
            proofs += [self.nsec3_for(ce, True), self.nsec3_for(next_closer, False),
                       self.nsec3_for(under("*", ce), False)]
            if self.all_nsec3_in_denial:
                proofs += self.nsec3_rrsets   # hostile: every NSEC3 of the zone
        seen = []
        for p in proofs:
            if p is not None and all(p is not s for s in seen):
                seen.append(p)
                auth += self.with_sig(p, do)
        return auth

    def referral(self, cut, do):
        ns = self.get(cut, dns.rdatatype.NS)
        auth = [ns]
        if do and self.key is not None:
            ds = self.get(cut, dns.rdatatype.DS)
            if ds is not None:
                auth += self.with_sig(ds, True)
            elif self.nsec3 is None:
                auth += self.with_sig(self.get(cut, dns.rdatatype.NSEC), True)
            else:
                auth += self.with_sig(self.nsec3_for(cut, True), True)
        glue = [self.get(r.target, dns.rdatatype.A) for r in ns]
        return dns.rcode.NOERROR, False, [], auth, [g for g in glue if g is not None]

    def answer(self, qname, qtype, do):
        """(rcode, authoritative, answer, authority, additional) for one query."""
        # walk down from the apex: a delegation or a DNAME on the way wins
        depth = len(self.origin.labels)
        for n in range(depth, len(qname.labels) + 1):
            here = dns.name.Name(qname.labels[-n:])
            if here in self.cuts and not (here == qname and qtype == dns.rdatatype.DS):
                return self.referral(here, do)
            dname = self.get(here, dns.rdatatype.DNAME)
            if dname is not None and here != qname:
                return self.dname_answer(qname, dname, do)
        if qname in self.names:
            rrset = self.get(qname, qtype)
            if rrset is not None:
                return dns.rcode.NOERROR, True, self.with_sig(rrset, do), [], []
            cname = self.get(qname, dns.rdatatype.CNAME)
            if cname is not None:   # not chased: the resolver asks again for the target
                return dns.rcode.NOERROR, True, self.with_sig(cname, do), [], []
            return dns.rcode.NOERROR, True, [], self.denial(qname, False, do), []
        if qname in self.ents:
            return dns.rcode.NOERROR, True, [], self.denial(qname, False, do), []
        return dns.rcode.NXDOMAIN, True, [], self.denial(qname, True, do), []

    def dname_answer(self, qname, dname, do):
        """RFC 6672: the signed DNAME and a synthesized CNAME, which is unsigned."""
        try:
            target = dns.name.Name(qname.labels[:len(qname) - len(dname.name)]).concatenate(dname[0].target)
        except dns.name.NameTooLong:
            return dns.rcode.YXDOMAIN, True, self.with_sig(dname, do), [], []
        cname = dns.rrset.from_text(qname, dname.ttl, "IN", "CNAME", target.to_text())
        return dns.rcode.NOERROR, True, self.with_sig(dname, do) + [cname], [], []


def build_tree():
    """Every zone of the hostile tree.  Returns (zones by origin, servers):
    servers maps an address to (mode, zones served there)."""
    zones = []
    servers = {}

    def serve(addr, mode, *zs):
        servers.setdefault(addr, [mode, []])[1].extend(zs)

    def child(label, addr=CHILD_ADDR, mode="normal", **kw):
        z = Zone(label + ".hostile.", ns_addr=addr, **kw)
        z.add("www." + label + ".hostile.", "A", A_DATA)
        zones.append(z)
        serve(addr, mode, z)
        return z

    root = Zone(".", ns_addr=None)
    root.add(".", "NS", "a-root.hostile.")
    tld = Zone("hostile.", ns_addr=None)
    tld.add("hostile.", "NS", "ns1.hostile.")
    tld.add("ns1.hostile.", "A", TLD_ADDR)
    tld.add("a-root.hostile.", "A", ROOT_ADDR)
    root.add("a-root.hostile.", "A", ROOT_ADDR)
    root.add("ns1.hostile.", "A", TLD_ADDR)
    serve(ROOT_ADDR, "normal", root)
    serve(TLD_ADDR, "normal", tld)

    child("ok")   # a healthy baseline

    # KeyTrap: many DNSKEYs with the real key's tag, many RRSIGs of that tag
    keytrap = []
    for label, alg, nkeys, nsigs in KEYTRAP:
        for variant in ("last", "none"):
            z = child("kt-%s-%s" % (label, variant), algorithm=alg)
            fakes = [colliding_dnskey(z.key) for _ in range(nkeys - 1)]
            z.add_rdata(z.origin, dns.rdatatype.DNSKEY, fakes)
            keytrap.append((z, nsigs, variant == "last"))

    # 400 RRSIGs on www A, only the last valid
    rrsig400 = child("rrsig-400")
    # 300 DS for one key at the parent, only the last valid
    ds300 = child("ds-300")
    real_ds = dns.dnssec.make_ds(ds300.origin, ds300.key.dnskey, "SHA256")
    ds300.ds = [real_ds.replace(digest=os.urandom(32)) for _ in range(299)] + [real_ds]

    # NSEC3: 2,500 iterations and a 255-byte salt
    nsec3_2500 = child("nsec3-2500", nsec3=(2500, os.urandom(255)))
    # NSEC3 with 150 iterations, 250 names, a denial carrying every NSEC3
    labels = child("nsec3-labels", nsec3=(150, b""))
    for i in range(1, 251):
        labels.add("h%03d.nsec3-labels.hostile." % i, "A", A_DATA)
    labels.all_nsec3_in_denial = True
    # the same kind of zone with an honest three-record proof: only the labels cost
    child("nsec3-deep", nsec3=(150, b""))

    # 120 glueless NS names, answering (names-ok) and silent (names-dead)
    names_ok, names_dead = child("names-ok"), child("names-dead")
    glueless_ok = Zone("glueless-ok.hostile.", ns_addr=None)
    glueless_ok.add("www.glueless-ok.hostile.", "A", A_DATA)
    zones.append(glueless_ok)
    serve(CHILD_ADDR, "normal", glueless_ok)
    glueless_dead = Zone("glueless-dead.hostile.", ns_addr=None)
    zones.append(glueless_dead)
    for i in range(1, 121):
        names_ok.add("ns%03d.names-ok.hostile." % i, "A", CHILD_ADDR)
        names_dead.add("ns%03d.names-dead.hostile." % i, "A", SINKS[i - 1])
        glueless_ok.add("glueless-ok.hostile.", "NS", "ns%03d.names-ok.hostile." % i)
        glueless_dead.add("glueless-dead.hostile.", "NS", "ns%03d.names-dead.hostile." % i)
    glueless_dead.add("www.glueless-dead.hostile.", "A", A_DATA)
    # a glueless cycle: each zone's only NS is in the other
    cycle_a = Zone("cycle-a.hostile.", ns_addr=None)
    cycle_b = Zone("cycle-b.hostile.", ns_addr=None)
    cycle_a.add("cycle-a.hostile.", "NS", "ns1.cycle-b.hostile.")
    cycle_b.add("cycle-b.hostile.", "NS", "ns1.cycle-a.hostile.")
    for z in (cycle_a, cycle_b):
        z.add(under("ns1", z.origin), "A", CHILD_ADDR)
        z.add(under("www", z.origin), "A", A_DATA)
        zones.append(z)
        serve(CHILD_ADDR, "normal", z)   # reachable only through the cycle, i.e. never

    # referral loop (two servers refer loop.hostile. to each other) and an
    # upward referral (the child's server refers to the root): unsigned zones
    loop = child("loop", addr=NET + "30", mode="refer-loop", signed=False)
    serve(NET + "31", "refer-loop", loop)
    upward = child("upward", addr=NET + "32", mode="refer-up", signed=False)

    # CNAME loop and a 20-hop chain
    cname = child("cname")
    cname.add("loop1.cname.hostile.", "CNAME", "loop2.cname.hostile.")
    cname.add("loop2.cname.hostile.", "CNAME", "loop1.cname.hostile.")
    for i in range(1, 21):
        cname.add("c%02d.cname.hostile." % i, "CNAME",
                  "c%02d.cname.hostile." % (i + 1) if i < 20 else "www.cname.hostile.")
    # a signed DNAME into another zone, and two DNAMEs that point at each other
    child("target")
    dname = child("dname")
    dname.add("d.dname.hostile.", "DNAME", "target.hostile.")
    dloop = child("dname-loop")
    dloop.add("a.dname-loop.hostile.", "DNAME", "b.dname-loop.hostile.")
    dloop.add("b.dname-loop.hostile.", "DNAME", "a.dname-loop.hostile.")

    # one zone per malformed message, each on its own server; TC and TCP traps
    for i, kind in enumerate(MALFORMED):
        child("mal-" + kind, addr=NET + str(10 + i), mode="mal-" + kind)
    for i, mode in enumerate(["tc", "tcp-silent", "tcp-drip", "tcp-junk"]):
        child(mode, addr=NET + str(20 + i), mode=mode)

    # RRsets that fill a TCP answer: 228 TXT of 255 bytes at w.big.hostile.
    # (61 KB on the wire, 64 KB in canonical form), and 240 under a 115-byte
    # owner name (64 KB on the wire, but about 92 KB in canonical form: the
    # names are compressed in the message, not in what the signature covers)
    big = child("big")
    big.add("w.big.hostile.", "TXT", *['"%03d%s"' % (i, "x" * 252) for i in range(228)])
    owner = "%s.%s.big.hostile." % ("a" * 50, "b" * 50)
    big.add(owner, "TXT", *['"%03d%s"' % (i, "x" * 252) for i in range(240)])

    for z in zones:
        tld.delegate(z)
    root_zone_children = [tld]
    for z in root_zone_children:
        root.delegate(z)
    for z in zones + [tld, root]:
        z.finish()

    # the hostile signatures replace the honest ones after signing
    for z, nsigs, valid_last in keytrap:
        for rdtype in (dns.rdatatype.DNSKEY, dns.rdatatype.A):
            owner = z.origin if rdtype == dns.rdatatype.DNSKEY else under("www", z.origin)
            many_sigs(z, z.get(owner, rdtype), nsigs, valid_last)
    many_sigs(rrsig400, rrsig400.get(under("www", rrsig400.origin), dns.rdatatype.A), 400, True)
    return root, zones + [tld, root], servers


def many_sigs(zone, rrset, count, valid_last):
    """COUNT RRSIGs by the zone key's tag over RRSET: random signatures,
    then the real one last if VALID_LAST."""
    real = zone.sigs[(rrset.name, rrset.rdtype)][0]
    sigs = dns.rrset.RRset(rrset.name, dns.rdataclass.IN, dns.rdatatype.RRSIG, rrset.rdtype)
    size = signature_length(zone.key.algorithm)
    for _ in range(count - 1 if valid_last else count):
        sigs.add(real.replace(signature=os.urandom(size)), rrset.ttl)
    if valid_last:
        sigs.add(real, rrset.ttl)
    zone.sigs[(rrset.name, rrset.rdtype)] = sigs


# ---------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------

def question_end(query):
    """Offset just past the (first) question of a query, or None."""
    pos = 12
    try:
        while query[pos] != 0:
            pos += 1 + query[pos]
        return pos + 5 if pos + 5 <= len(query) else None
    except IndexError:
        return None


def header(query, flags, an=0, ns=0, ar=0):
    qid, qflags = struct.unpack("!HH", query[:4])
    return struct.pack("!HHHHHH", qid, flags | (qflags & 0x0100), 1, an, ns, ar)


def tc_only(query):
    """An empty answer with TC set: "ask again over TCP"."""
    return header(query, 0x8600) + query[12:question_end(query)]


A_RECORD = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + bytes([127, 53, 255, 9])


def malformed(kind, query, good):
    """The answer of a mal-KIND server: GOOD (the honest answer) broken in
    one way, or a hand-made message with the query's ID and question."""
    question = query[12:question_end(query)]
    aa = 0x8400
    base = 12 + len(question)
    if kind == "ptr-loop":
        # a label, then a pointer back to that label: the name never ends
        owner = b"\x01a" + struct.pack("!H", 0xC000 | base)
        return header(query, aa, an=1) + question + owner + A_RECORD[2:]
    if kind == "ptr-past-end":
        return header(query, aa, an=1) + question + b"\xff\xff" + A_RECORD[2:]
    if kind == "label64":
        return header(query, aa, an=1) + question + b"\x40" + b"a" * 64 + b"\x00" + A_RECORD[2:]
    if kind == "name-too-long":
        return header(query, aa, an=1) + question + (b"\x3f" + b"a" * 63) * 5 + b"\x00" + A_RECORD[2:]
    if kind == "counts":
        return header(query, aa, an=4, ns=2) + question + A_RECORD
    if kind == "rdlength":
        record = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 200) + bytes([127, 53])
        return header(query, aa, an=1) + question + record
    if kind == "opt-in-answer":
        opt = b"\x00" + struct.pack("!HHIH", 41, 1232, 0, 0)
        return header(query, aa, an=2) + question + A_RECORD + opt
    if kind == "rrsig-short":
        rrsig = b"\xc0\x0c" + struct.pack("!HHIH", 46, 1, 300, 10) + struct.pack("!HBBIH", 1, 13, 3, 300, 0x6a00)
        return header(query, aa, an=2) + question + A_RECORD + rrsig
    if kind == "random":
        # the same junk for the same question, so runs repeat
        rng = random.Random(hashlib.sha256(question).digest())
        return query[:2] + bytes(rng.randrange(256) for _ in range(300))
    if kind == "trailing":
        return good + b"\xde\xad\xbe\xef" * 8
    raise ValueError(kind)


class Server:
    """Answers for one address: its MODE and the zones it serves."""

    def __init__(self, addr, mode, zones):
        self.addr, self.mode, self.zones = addr, mode, zones
        self.cache = {}
        self.lock = threading.Lock()

    def zone_for(self, qname, qtype):
        best = None
        for z in self.zones:
            if qname.is_subdomain(z.origin) and (best is None or len(z.origin) > len(best.origin)):
                # a DS query for a zone apex belongs to the parent, if served here
                if qtype == dns.rdatatype.DS and qname == z.origin and z.origin != dns.name.root:
                    parent = [p for p in self.zones if z.origin.parent().is_subdomain(p.origin)]
                    if parent:
                        continue
                best = z
        return best

    def honest(self, query, tcp):
        """The wire answer an honest server would give (cached without ID)."""
        try:
            msg = dns.message.from_wire(query)
        except Exception:
            return None
        if len(msg.question) != 1:
            return None
        q = msg.question[0]
        do = bool(msg.ednsflags & dns.flags.DO)
        limit = 65535 if tcp else (max(512, msg.payload) if msg.edns >= 0 else 512)
        key = (q.name.to_wire(), q.rdtype, msg.edns, do, msg.flags & dns.flags.RD, limit)
        with self.lock:
            cached = self.cache.get(key)
        if cached is None:
            cached = self.render(msg, q.name, q.rdtype, do, limit)
            with self.lock:
                self.cache[key] = cached
        return query[:2] + cached[2:]

    def render(self, msg, qname, qtype, do, limit):
        resp = dns.message.make_response(msg, our_payload=1232)
        if msg.edns >= 0 and do:
            resp.ednsflags |= dns.flags.DO
        if msg.edns > 0:
            # EDNS versions above 0 are not implemented: BADVERS (RFC 6891 6.1.3)
            resp.set_rcode(dns.rcode.BADVERS)
        elif self.mode == "refer-loop":
            # each of the two servers says the other one serves the zone
            other = "ns2" if self.addr.endswith(".30") else "ns1"
            other_addr = NET + ("31" if other == "ns2" else "30")
            resp.authority.append(dns.rrset.from_text("loop.hostile.", TTL, "IN", "NS", other + ".loop.hostile."))
            resp.additional.append(dns.rrset.from_text(other + ".loop.hostile.", TTL, "IN", "A", other_addr))
        elif self.mode == "refer-up":
            # a referral back up to the root
            resp.authority.append(dns.rrset.from_text(".", TTL, "IN", "NS", "a-root.hostile."))
            resp.additional.append(dns.rrset.from_text("a-root.hostile.", TTL, "IN", "A", ROOT_ADDR))
        else:
            zone = self.zone_for(qname, qtype)
            if zone is None:
                resp.set_rcode(dns.rcode.REFUSED)
            else:
                rcode, aa, answer, authority, additional = zone.answer(qname, qtype, do)
                resp.set_rcode(rcode)
                if aa:
                    resp.flags |= dns.flags.AA
                resp.answer, resp.authority, resp.additional = answer, authority, additional
        try:
            # no shuffling: the order of the RRSIGs is part of the scenario ("valid one last")
            return resp.to_wire(max_size=limit, want_shuffle=False)
        except dns.exception.TooBig:
            resp.answer, resp.authority, resp.additional = [], [], []
            resp.flags |= dns.flags.TC
            return resp.to_wire(max_size=limit)

    def udp_reply(self, query):
        if question_end(query) is None:
            return None
        if self.mode in ("tc", "tcp-silent", "tcp-drip", "tcp-junk"):
            return tc_only(query)
        good = self.honest(query, False)
        if self.mode.startswith("mal-") and good is not None:
            return malformed(self.mode[4:], query, good)
        return good

    def tcp_session(self, conn):
        """One TCP connection: queries answered in turn (or not, per mode)."""
        conn.settimeout(30)
        while True:
            query = read_message(conn)
            if query is None or question_end(query) is None:
                return
            if self.mode == "tcp-silent":
                # accepted and read, never answered: wait until the client gives up
                while conn.recv(65535):
                    pass
                return
            if self.mode == "tcp-junk":
                conn.sendall(b"\xff\xff" + query[:2] + os.urandom(65533))
                return
            if self.mode == "tc":
                reply = tc_only(query)
            else:
                reply = self.honest(query, True)
                if reply is None:
                    return
                if self.mode.startswith("mal-"):
                    reply = malformed(self.mode[4:], query, reply)
            data = struct.pack("!H", len(reply)) + reply
            if self.mode == "tcp-drip":
                for i in range(len(data)):    # one byte a second
                    conn.sendall(data[i:i + 1])
                    time.sleep(1)
                return
            conn.sendall(data)


def read_exactly(conn, count):
    data = b""
    while len(data) < count:
        chunk = conn.recv(count - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def read_message(conn):
    try:
        length = read_exactly(conn, 2)
        if length is None:
            return None
        return read_exactly(conn, struct.unpack("!H", length)[0])
    except OSError:
        return None


# ---------------------------------------------------------------------------
# Serving
# ---------------------------------------------------------------------------

MAX_TCP = 200   # connections held at once across the process (drip and silent ones linger)
tcp_slots = threading.BoundedSemaphore(MAX_TCP)


def serve_udp(sock, server):
    while True:
        query, peer = sock.recvfrom(65535)
        try:
            reply = server.udp_reply(query)
            if reply is not None:
                sock.sendto(reply, peer)
        except Exception as e:  # one bad query must not stop the server
            log("%s udp error: %r" % (server.addr, e))


def serve_tcp(listener, server):
    while True:
        conn, _ = listener.accept()
        if not tcp_slots.acquire(blocking=False):
            conn.close()
            continue

        def session(c=conn):
            try:
                server.tcp_session(c)
            except Exception as e:
                if not isinstance(e, OSError):
                    log("%s tcp error: %r" % (server.addr, e))
            finally:
                c.close()
                tcp_slots.release()
        threading.Thread(target=session, daemon=True).start()


def serve_sinks(addrs):
    """The glueless NS targets: read UDP and TCP, never answer."""
    sel = selectors.DefaultSelector()
    for a in addrs:
        sel.register(labsock.listen_udp(a), selectors.EVENT_READ, "udp")
        sel.register(labsock.listen_tcp(a), selectors.EVENT_READ, "listen")
    conns = []

    def loop():
        while True:
            for key, _ in sel.select():
                if key.data == "udp":
                    key.fileobj.recvfrom(65535)
                elif key.data == "listen":
                    c, _ = key.fileobj.accept()
                    sel.register(c, selectors.EVENT_READ, "conn")
                    conns.append(c)
                    if len(conns) > 64:
                        old = conns.pop(0)
                        sel.unregister(old)
                        old.close()
                else:
                    try:
                        data = key.fileobj.recv(65535)
                    except OSError:
                        data = b""
                    if not data:
                        sel.unregister(key.fileobj)
                        conns.remove(key.fileobj)
                        key.fileobj.close()
    threading.Thread(target=loop, daemon=True).start()


def write_files(outdir, root):
    """Root hints and trust anchor of the hostile tree, in the formats of the
    main lab's .lab/root.hints, root-anchor.ds and root-anchor.dnskey."""
    os.makedirs(outdir, exist_ok=True)
    ds = dns.dnssec.make_ds(dns.name.root, root.key.dnskey, "SHA256")
    files = {
        "root.hints": ".\t3600000\tNS\ta-root.hostile.\na-root.hostile.\t3600000\tA\t%s\n" % ROOT_ADDR,
        "root-anchor.ds": ".\t86400\tIN\tDS\t%s\n" % ds.to_text(),
        "root-anchor.dnskey": ".\t86400\tIN\tDNSKEY\t%s\n" % root.key.dnskey.to_text(),
    }
    for fname, text in files.items():
        tmp = os.path.join(outdir, fname + ".tmp")
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, os.path.join(outdir, fname))


def main():
    global LOG
    outdir, logfile, pidfile = sys.argv[1:4]
    LOG = open(logfile, "a", buffering=1)
    t0 = time.time()
    root, zones, servers = build_tree()
    write_files(outdir, root)
    log("built %d zones in %.1f s" % (len(zones), time.time() - t0))
    for addr, (mode, served) in sorted(servers.items()):
        server = Server(addr, mode, served)
        threading.Thread(target=serve_udp, args=(labsock.listen_udp(addr), server), daemon=True).start()
        threading.Thread(target=serve_tcp, args=(labsock.listen_tcp(addr), server), daemon=True).start()
        log("%s %s: %s" % (addr, mode, " ".join(z.origin.to_text() for z in served)))
    serve_sinks(SINKS)
    labsock.write_pid(pidfile)
    log("listening on %d addresses (and %d sinks), up in %.1f s" % (len(servers), len(SINKS), time.time() - t0))
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
