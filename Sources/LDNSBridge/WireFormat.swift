import CLDNS
import DNSModel

/// DNS messages to and from wire format, through ldns.
public enum WireFormat {
    /// Parses a complete DNS message. Truncated data, compression loops,
    /// bad lengths and the like throw; they never trap.
    public static func parseMessage(_ bytes: [UInt8]) throws(LDNSError) -> Message {
        var packet: UnsafeMutablePointer<ldns_pkt>?
        let status = bytes.withUnsafeBufferPointer { ldns_wire2pkt(&packet, $0.baseAddress, $0.count) }
        guard status == LDNS_STATUS_OK, let packet else {
            if let packet { ldns_pkt_free(packet) }
            throw LDNSError(status, context: "malformed DNS message")
        }
        let owned = OwnedPacket(taking: packet)
        return try message(from: owned)
    }

    /// A complete message with the count of bytes after its last record.
    public static func parseResponse(_ bytes: [UInt8]) throws(LDNSError) -> ParsedResponse {
        let message = try parseMessage(bytes)
        let length = messageLength(bytes) ?? bytes.count
        return ParsedResponse(message: message, trailingBytes: max(0, bytes.count - length))
    }

    private static func message(from owned: OwnedPacket) throws(LDNSError) -> Message {
        let pkt = owned.pointer
        var flags = HeaderFlags()
        if ldns_pkt_qr(pkt) != 0 { flags.insert(.qr) }
        if ldns_pkt_aa(pkt) != 0 { flags.insert(.aa) }
        if ldns_pkt_tc(pkt) != 0 { flags.insert(.tc) }
        if ldns_pkt_rd(pkt) != 0 { flags.insert(.rd) }
        if ldns_pkt_ra(pkt) != 0 { flags.insert(.ra) }
        if ldns_pkt_ad(pkt) != 0 { flags.insert(.ad) }
        if ldns_pkt_cd(pkt) != 0 { flags.insert(.cd) }

        var edns: EDNS?
        var rcode = UInt16(ldns_pkt_get_rcode(pkt).rawValue)
        if ldns_pkt_edns(pkt) != 0 {
            let z = ldns_pkt_edns_z(pkt)
            var options: [EDNSOption] = []
            if let data = ldns_pkt_edns_data(pkt), ldns_rdf_size(data) > 0, let start = ldns_rdf_data(data) {
                let raw = Array(UnsafeBufferPointer(start: start, count: ldns_rdf_size(data)))
                do { options = try EDNS.parseOptions(raw) } catch {
                    throw LDNSError(message: "malformed DNS message: \(error)")
                }
            }
            edns = EDNS(udpPayloadSize: ldns_pkt_edns_udp_size(pkt), version: ldns_pkt_edns_version(pkt),
                        dnssecOK: ldns_pkt_edns_do(pkt) != 0, otherFlags: z & 0x7FFF, options: options)
            rcode |= UInt16(ldns_pkt_edns_extended_rcode(pkt)) << 4
        }

        let questions = try records(ldns_pkt_question(pkt), section: LDNS_SECTION_QUESTION).map {
            Question(name: $0.owner, type: $0.type, rrClass: $0.rrClass)
        }
        return Message(
            id: ldns_pkt_id(pkt), flags: flags, opcode: UInt8(ldns_pkt_get_opcode(pkt).rawValue),
            rcode: RCode(rcode), questions: questions,
            answer: try records(ldns_pkt_answer(pkt), section: LDNS_SECTION_ANSWER),
            authority: try records(ldns_pkt_authority(pkt), section: LDNS_SECTION_AUTHORITY),
            additional: try records(ldns_pkt_additional(pkt), section: LDNS_SECTION_ADDITIONAL),
            edns: edns)
    }

    private static func records(_ list: UnsafeMutablePointer<ldns_rr_list>?, section: ldns_pkt_section) throws(LDNSError) -> [Record] {
        guard let list else { return [] }
        var out: [Record] = []
        let count = ldns_rr_list_rr_count(list)
        out.reserveCapacity(count)
        for index in 0..<count {
            guard let rr = ldns_rr_list_rr(list, index) else { continue }
            // ldns accepts RDATA that ends before the type's mandatory fields
            // (an SOA of two names); a response with such a record is malformed.
            if section != LDNS_SECTION_QUESTION, let descriptor = ldns_rr_descript(UInt16(ldns_rr_get_type(rr).rawValue)),
               descriptor.pointee._type == ldns_rr_get_type(rr),
               ![254, 255].contains(ldns_rr_get_class(rr).rawValue),
               ldns_rr_rd_count(rr) < ldns_rr_descriptor_minimum(descriptor) {
                throw LDNSError(message: "malformed DNS message: \(RRType(UInt16(ldns_rr_get_type(rr).rawValue))) RDATA is missing fields")
            }
            let wire = try LDNSError.check("encoding a record") { dest, size in
                ldns_rr2wire(dest, rr, Int32(section.rawValue), size)
            }
            var offset = 0
            do {
                if section == LDNS_SECTION_QUESTION {
                    // A question entry has no TTL or RDATA: pad it so the record parser reads it.
                    var padded = wire
                    padded.append(contentsOf: [0, 0, 0, 0, 0, 0])
                    out.append(try Record(wire: padded, offset: &offset))
                } else {
                    out.append(try Record(wire: wire, offset: &offset))
                }
            } catch {
                throw LDNSError(message: "malformed DNS message: \(error)")
            }
        }
        return out
    }

    /// Where a well-formed message ends: the header and every record its
    /// counts announce, read with ldns's record decoder. Bytes after that are
    /// trailing garbage (ldns_wire2pkt ignores them). nil when the records do
    /// not parse (`parseMessage` says why).
    public static func messageLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 12 else { return nil }
        func count(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        let sections: [(ldns_pkt_section, Int)] = [(LDNS_SECTION_QUESTION, count(4)), (LDNS_SECTION_ANSWER, count(6)),
                                                   (LDNS_SECTION_AUTHORITY, count(8)), (LDNS_SECTION_ADDITIONAL, count(10))]
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var position = 12
            for (section, records) in sections {
                for _ in 0..<records {
                    var rr: UnsafeMutablePointer<ldns_rr>?
                    let status = ldns_wire2rr(&rr, buffer.baseAddress, buffer.count, &position, section)
                    if let rr { ldns_rr_free(rr) }
                    guard status == LDNS_STATUS_OK else { return nil }
                }
            }
            return position
        }
    }

    /// Encodes a message (a query, or a scripted response in tests).
    public static func encode(_ message: Message) throws(LDNSError) -> [UInt8] {
        guard let pkt = ldns_pkt_new() else { throw LDNSError(message: "out of memory") }
        let owned = OwnedPacket(taking: pkt)
        ldns_pkt_set_id(pkt, message.id)
        ldns_pkt_set_qr(pkt, cBool(message.flags.contains(.qr)))
        ldns_pkt_set_aa(pkt, cBool(message.flags.contains(.aa)))
        ldns_pkt_set_tc(pkt, cBool(message.flags.contains(.tc)))
        ldns_pkt_set_rd(pkt, cBool(message.flags.contains(.rd)))
        ldns_pkt_set_ra(pkt, cBool(message.flags.contains(.ra)))
        ldns_pkt_set_ad(pkt, cBool(message.flags.contains(.ad)))
        ldns_pkt_set_cd(pkt, cBool(message.flags.contains(.cd)))
        ldns_pkt_set_opcode(pkt, ldns_pkt_opcode(rawValue: UInt32(message.opcode)))
        ldns_pkt_set_rcode(pkt, UInt8(message.rcode.rawValue & 0x0F))

        for question in message.questions {
            guard let rr = ldns_rr_new() else { throw LDNSError(message: "out of memory") }
            let owner = try OwnedRDF(name: question.name)
            ldns_rr_set_owner(rr, ldns_rdf_clone(owner.pointer))
            ldns_rr_set_type(rr, ldns_rr_type(rawValue: UInt32(question.type.rawValue)))
            ldns_rr_set_class(rr, ldns_rr_class(rawValue: UInt32(question.rrClass.rawValue)))
            ldns_rr_set_question(rr, cBool(true))
            ldns_pkt_push_rr(pkt, LDNS_SECTION_QUESTION, rr)
        }
        for (section, records) in [(LDNS_SECTION_ANSWER, message.answer),
                                   (LDNS_SECTION_AUTHORITY, message.authority),
                                   (LDNS_SECTION_ADDITIONAL, message.additional)] {
            for record in records {
                let rr = try OwnedRR(record)
                guard let clone = ldns_rr_clone(rr.pointer) else { throw LDNSError(message: "out of memory") }
                ldns_pkt_push_rr(pkt, section, clone)
            }
        }
        if let edns = message.edns {
            ldns_pkt_set_edns_udp_size(pkt, edns.udpPayloadSize)
            ldns_pkt_set_edns_version(pkt, edns.version)
            ldns_pkt_set_edns_extended_rcode(pkt, UInt8(message.rcode.rawValue >> 4))
            ldns_pkt_set_edns_z(pkt, (edns.dnssecOK ? 0x8000 : 0) | (edns.otherFlags & 0x7FFF))
            var optionBytes: [UInt8] = []
            for option in edns.options {
                optionBytes += [UInt8(option.code >> 8), UInt8(option.code & 0xFF),
                                UInt8(option.data.count >> 8), UInt8(option.data.count & 0xFF)]
                optionBytes += option.data
            }
            if !optionBytes.isEmpty {
                let rdf = optionBytes.withUnsafeBufferPointer {
                    ldns_rdf_new_frm_data(LDNS_RDF_TYPE_UNKNOWN, $0.count, $0.baseAddress)
                }
                ldns_pkt_set_edns_data(pkt, rdf)
            }
        }
        return try LDNSError.check("encoding a DNS message") { dest, size in
            ldns_pkt2wire(dest, owned.pointer, size)
        }
    }

    /// A query as dnssec-check sends it to an authoritative server: RD off
    /// unless asked, EDNS0 with the DO bit and a 1232-byte buffer by default.
    public static func query(id: UInt16, question: Question, recursionDesired: Bool = false,
                             checkingDisabled: Bool = false, edns: EDNS? = EDNS()) throws(LDNSError) -> [UInt8] {
        var flags = HeaderFlags()
        if recursionDesired { flags.insert(.rd) }
        if checkingDisabled { flags.insert(.cd) }
        return try encode(Message(id: id, flags: flags, questions: [question], edns: edns))
    }
}
