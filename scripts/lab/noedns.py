#!/usr/bin/python3
"""A misbehaving DNS front end for UPSTREAM:53, over UDP and TCP (lab
helpers, see docs/lab.md). MODE says how it misbehaves:

  formerr  answers FORMERR to every query that carries an OPT record (EDNS0),
           as old servers and broken middleboxes do; relays the others
  nodo     clears the DO bit of every query before relaying it, so the
           answers come back without DNSSEC records, as from a server or
           middlebox that ignores DO
  noopt    relays queries as they are and removes the OPT record from the
           answers, as a server that does not implement EDNS would
  nosoa    relays queries as they are and removes the SOA record (and the
           RRSIG over it) from the authority section of NODATA answers
           (NOERROR, no answer), as some load balancers and online signers do
  noapexproof  relays queries as they are and removes the NSEC/NSEC3
           records (and the RRSIGs over them) from NODATA answers to the
           apex-only types CDS, CDNSKEY and NSEC3PARAM, so those negative
           answers prove nothing (Zonemaster DNSSEC10); every other answer,
           the name's own NODATA among them, keeps its proof
  extraproof   relays queries as they are and adds a second NSEC/NSEC3
               record (a copy of the proof's, under another owner) to
               NODATA answers to CDS, CDNSKEY and NSEC3PARAM
  strayanswer  relays queries as they are and adds records not asked for
               to the answer section of answers to CDS, CDNSKEY and
               NSEC3PARAM: an A record of the apex, and to NSEC3PARAM an
               NSEC3PARAM owned by "stray." + the apex (Zonemaster
               DS10_NSEC3PARAM_GIVES_ERR_ANSWER, ..._MISMATCHES_APEX);
               rewritten with dnspython, the only mode that needs it
  apexrefused  answers REFUSED itself to CDS, CDNSKEY and NSEC3PARAM
           queries and relays every other, as a filtering front end that
           knows only some types would (Zonemaster DNSSEC03/10)
  garbage  answers every query itself with a malformed message: the right ID
           and question, then an answer record cut off in its RDATA, as a
           broken server or a mangling middlebox would

usage: noedns.py LISTEN UPSTREAM LOGFILE PIDFILE [MODE]
"""
import socket
import struct
import sys
import threading

import labsock


def opt_offset(query):
    """Offset of the OPT record's TTL field (extended RCODE, version, flags),
    or None when the query carries no OPT record."""
    if len(query) < 12:
        return None
    qd, an, ns, ar = struct.unpack("!HHHH", query[4:12])
    if ar == 0:
        return None
    pos = 12
    try:
        for _ in range(qd):
            while query[pos] != 0:
                pos += 1 + query[pos]
            pos += 5
        for _ in range(an + ns + ar):
            if query[pos] & 0xC0 == 0xC0:
                pos += 2
            else:
                while query[pos] != 0:
                    pos += 1 + query[pos]
                pos += 1
            rtype, = struct.unpack("!H", query[pos:pos + 2])
            if rtype == 41:
                return pos + 4
            rdlen, = struct.unpack("!H", query[pos + 8:pos + 10])
            pos += 10 + rdlen
    except (IndexError, struct.error):
        return None
    return None


def has_opt(query):
    """True when the additional section holds an OPT record (type 41)."""
    return opt_offset(query) is not None


def without_opt(message):
    """The message with its OPT record removed (and ARCOUNT lowered)."""
    try:
        qd, an, ns, ar = struct.unpack("!HHHH", message[4:12])
        pos = 12
        for _ in range(qd):
            pos = skip_name(message, pos) + 4
        for index in range(an + ns + ar):
            start = pos
            pos = skip_name(message, pos)
            rtype, = struct.unpack("!H", message[pos:pos + 2])
            rdlen, = struct.unpack("!H", message[pos + 8:pos + 10])
            pos += 10 + rdlen
            if rtype == 41 and index >= an + ns:
                return message[:10] + struct.pack("!H", ar - 1) + message[12:start] + message[pos:]
    except (IndexError, struct.error):
        pass
    return message


def without_nodata_records(message, dropped_types, question_types=None):
    """A NODATA answer (NOERROR, ANCOUNT 0), to a question of one of
    question_types (any when None), without the authority records of
    dropped_types and the RRSIGs over them; any other message as it is."""
    try:
        flags, qd, an, ns, ar = struct.unpack("!HHHHH", message[2:12])
        if flags & 0x000F != 0 or an != 0 or ns == 0:
            return message
        if question_types is not None and (qd != 1 or query_type(message) not in question_types):
            return message
        pos = skip_question(message, qd)
        kept, dropped = [], 0
        for _ in range(ns):
            start = pos
            pos = skip_name(message, pos)
            rtype, = struct.unpack("!H", message[pos:pos + 2])
            rdlen, = struct.unpack("!H", message[pos + 8:pos + 10])
            covered = struct.unpack("!H", message[pos + 10:pos + 12])[0] if rtype == 46 else None
            pos += 10 + rdlen
            if rtype in dropped_types or covered in dropped_types:
                dropped += 1
            else:
                kept.append(message[start:pos])
        # Names compressed against a dropped record would break: NSD puts the
        # SOA first in the authority section and the proof after it, and
        # nothing kept points into either.
        header = message[:8] + struct.pack("!HH", ns - dropped, ar)
        return header + message[12:skip_question(message, qd)] + b"".join(kept) + message[pos:]
    except (IndexError, struct.error):
        return message


def without_nodata_soa(message):
    """A NODATA answer without the SOA and the RRSIG over it."""
    return without_nodata_records(message, (6,))


APEX_TYPES = (59, 60, 51)   # CDS, CDNSKEY, NSEC3PARAM


def query_type(message):
    """The type of the first question, or None."""
    try:
        pos = skip_name(message, 12)
        return struct.unpack("!H", message[pos:pos + 2])[0]
    except (IndexError, struct.error):
        return None


def without_apex_proof(message):
    """A NODATA answer to CDS, CDNSKEY or NSEC3PARAM without its NSEC or
    NSEC3 records and the RRSIGs over them."""
    return without_nodata_records(message, (47, 50), APEX_TYPES)


def with_extra_apex_denial(message):
    """A NODATA answer to CDS, CDNSKEY or NSEC3PARAM with a second NSEC or
    NSEC3 record: a copy of its own, owned by "extra." + the original owner
    (a new label and a pointer to the original name), at the end of the
    authority section. Pointers stay valid: the copy's point backwards, and
    nothing after the insertion point points past it."""
    try:
        flags, qd, an, ns, ar = struct.unpack("!HHHHH", message[2:12])
        if flags & 0x000F != 0 or an != 0 or ns == 0 or qd != 1 or query_type(message) not in APEX_TYPES:
            return message
        pos = skip_question(message, qd)
        copy = None
        for _ in range(ns):
            start = pos
            pos = skip_name(message, pos)
            rtype, = struct.unpack("!H", message[pos:pos + 2])
            rdlen, = struct.unpack("!H", message[pos + 8:pos + 10])
            if rtype in (47, 50) and copy is None and start < 0x3FFF:
                copy = b"\x05extra" + struct.pack("!H", 0xC000 | start) + message[pos:pos + 10 + rdlen]
            pos += 10 + rdlen
        if copy is None:
            return message
        header = message[:8] + struct.pack("!HH", ns + 1, ar)
        return header + message[12:pos] + copy + message[pos:]
    except (IndexError, struct.error):
        return message


def with_stray_answer(message):
    """An answer to CDS, CDNSKEY or NSEC3PARAM with records not asked for
    in its answer section (the message is parsed and written again, so the
    compression of the other sections stays right)."""
    import dns.message
    import dns.name
    import dns.rrset
    try:
        parsed = dns.message.from_wire(message)
    except Exception:
        return message
    if len(parsed.question) != 1 or parsed.question[0].rdtype not in APEX_TYPES:
        return message
    apex = parsed.question[0].name
    parsed.answer.append(dns.rrset.from_text(apex, 300, "IN", "A", "127.53.255.11"))
    if parsed.question[0].rdtype == 51:
        stray = dns.name.Name((b"stray",) + apex.labels)
        parsed.answer.append(dns.rrset.from_text(stray, 300, "IN", "NSEC3PARAM", "1 0 0 -"))
    return parsed.to_wire()


def skip_question(message, qd):
    pos = 12
    for _ in range(qd):
        pos = skip_name(message, pos) + 4
    return pos


def skip_name(message, pos):
    while True:
        length = message[pos]
        if length & 0xC0 == 0xC0:
            return pos + 2
        if length == 0:
            return pos + 1
        pos += 1 + length


def without_do(query):
    """The query with the DO bit of its OPT record cleared."""
    offset = opt_offset(query)
    if offset is None:
        return query
    flags = bytearray(query)
    flags[offset + 2] &= 0x7F
    return bytes(flags)


def formerr(query, rcode=1):
    """FORMERR (or another RCODE) with the question echoed and no OPT."""
    qid, flags = struct.unpack("!HH", query[:4])
    qd, = struct.unpack("!H", query[4:6])
    pos = 12
    for _ in range(qd):
        while pos < len(query) and query[pos] != 0:
            pos += 1 + query[pos]
        pos += 5
    question = query[12:pos]
    flags = 0x8000 | (flags & 0x7900) | rcode  # QR, opcode and RD copied
    return struct.pack("!HHHHHH", qid, flags, qd, 0, 0, 0) + question


def garbage(query):
    """The query's ID and question, QR and AA set, ANCOUNT 1, and an answer
    record whose RDLENGTH (200) runs past the end of the message."""
    qid, flags = struct.unpack("!HH", query[:4])
    pos = 12
    while pos < len(query) and query[pos] != 0:
        pos += 1 + query[pos]
    question = query[12:pos + 5]
    flags = 0x8400 | (flags & 0x7900)  # QR, AA; opcode and RD copied; NOERROR
    record = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 200) + b"\x7f\x35"
    return struct.pack("!HHHHHH", qid, flags, 1, 1, 0, 0) + question + record


def ask(listen, upstream, query, tcp):
    kind = socket.SOCK_STREAM if tcp else socket.SOCK_DGRAM
    up = socket.socket(socket.AF_INET, kind)
    try:
        up.bind((listen, 0))  # keep the traffic inside the lab range
        up.settimeout(2.0)
        if tcp:
            up.connect((upstream, 53))
            up.sendall(struct.pack("!H", len(query)) + query)
            length, = struct.unpack("!H", read_exactly(up, 2))
            return read_exactly(up, length)
        up.sendto(query, (upstream, 53))
        return up.recvfrom(65535)[0]
    finally:
        up.close()


def read_exactly(sock, count):
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise OSError("connection closed")
        data += chunk
    return data


MODE = "formerr"


def answer(listen, upstream, query, tcp):
    if MODE == "garbage":
        return garbage(query)
    if MODE == "nodo":
        return ask(listen, upstream, without_do(query), tcp)
    if MODE == "noopt":
        return without_opt(ask(listen, upstream, query, tcp))
    if MODE == "nosoa":
        return without_nodata_soa(ask(listen, upstream, query, tcp))
    if MODE == "noapexproof":
        return without_apex_proof(ask(listen, upstream, query, tcp))
    if MODE == "extraproof":
        return with_extra_apex_denial(ask(listen, upstream, query, tcp))
    if MODE == "strayanswer":
        return with_stray_answer(ask(listen, upstream, query, tcp))
    if MODE == "apexrefused":
        if query_type(query) in APEX_TYPES:
            return formerr(query, rcode=5)
        return ask(listen, upstream, query, tcp)
    if has_opt(query):
        return formerr(query)
    return ask(listen, upstream, query, tcp)


def serve_udp(sock, listen, upstream):
    while True:
        query, peer = sock.recvfrom(65535)
        def handle(q=query, p=peer):
            try:
                sock.sendto(answer(listen, upstream, q, False), p)
            except (OSError, struct.error):
                pass
        threading.Thread(target=handle, daemon=True).start()


def serve_tcp(server, listen, upstream):
    while True:
        conn, _ = server.accept()
        def handle(c=conn):
            try:
                c.settimeout(5.0)
                while True:
                    length, = struct.unpack("!H", read_exactly(c, 2))
                    reply = answer(listen, upstream, read_exactly(c, length), True)
                    c.sendall(struct.pack("!H", len(reply)) + reply)
            except (OSError, struct.error):
                pass
            finally:
                c.close()
        threading.Thread(target=handle, daemon=True).start()


def main():
    global MODE
    listen, upstream, logfile, pidfile = sys.argv[1:5]
    if len(sys.argv) > 5:
        MODE = sys.argv[5]
    log = open(logfile, "a", buffering=1)
    udp = labsock.listen_udp(listen)
    tcp = labsock.listen_tcp(listen)
    labsock.write_pid(pidfile)
    log.write("%s relay %s:53 -> %s:53\n" % (MODE, listen, upstream))
    threading.Thread(target=serve_tcp, args=(tcp, listen, upstream), daemon=True).start()
    serve_udp(udp, listen, upstream)


if __name__ == "__main__":
    main()
