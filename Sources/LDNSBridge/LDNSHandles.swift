import CLDNS
import DNSModel

// Ownership of ldns objects. Every ldns allocation made by this target is
// held by one of these classes and freed in deinit; nothing else in the
// package ever sees a C pointer.

/// Owns one `ldns_rr`.
final class OwnedRR {
    let pointer: UnsafeMutablePointer<ldns_rr>

    init(taking pointer: UnsafeMutablePointer<ldns_rr>) { self.pointer = pointer }
    deinit { ldns_rr_free(pointer) }

    /// Builds an ldns_rr from a model record through its wire form.
    convenience init(_ record: Record) throws(LDNSError) {
        self.init(taking: try Self.make(record))
    }

    /// A new ldns_rr for `record`, owned by the caller (an OwnedRR or an OwnedRRList).
    static func make(_ record: Record) throws(LDNSError) -> UnsafeMutablePointer<ldns_rr> {
        let wire = record.wire
        var rr: UnsafeMutablePointer<ldns_rr>?
        var position = 0
        let status = wire.withUnsafeBufferPointer {
            ldns_wire2rr(&rr, $0.baseAddress, $0.count, &position, LDNS_SECTION_ANSWER)
        }
        guard status == LDNS_STATUS_OK, let rr else {
            throw LDNSError(status, context: "converting \(record.owner) \(record.type) for ldns")
        }
        return rr
    }

    /// The record in model form, through its uncompressed wire form.
    func record(section: ldns_pkt_section = LDNS_SECTION_ANSWER) throws(LDNSError) -> Record {
        let wire = try LDNSError.check("encoding a record") { dest, size in
            ldns_rr2wire(dest, pointer, Int32(section.rawValue), size)
        }
        do {
            var offset = 0
            return try Record(wire: wire, offset: &offset)
        } catch {
            throw LDNSError(message: "ldns produced a record the model rejects: \(error)")
        }
    }

    /// Presentation format as ldns prints it, without comments.
    var presentation: String {
        guard let text = CLDNSShims_rr2str_nocomments(pointer) else { return "" }
        defer { free(text) }
        var string = String(cString: text)
        while string.last == "\n" { string.removeLast() }
        return string
    }

    /// The RDATA fields alone in presentation format, space-separated.
    var rdataPresentation: String { rdataFields.joined(separator: " ") }

    /// Each RDATA field in presentation format, in order.
    var rdataFields: [String] {
        var fields: [String] = []
        for index in 0..<ldns_rr_rd_count(pointer) {
            guard let rdf = ldns_rr_rdf(pointer, index), let text = ldns_rdf2str(rdf) else { continue }
            fields.append(String(cString: text))
            free(text)
        }
        return fields
    }
}

/// Owns an `ldns_rr_list` and every record in it.
final class OwnedRRList {
    let pointer: UnsafeMutablePointer<ldns_rr_list>

    init() { pointer = ldns_rr_list_new() }
    deinit { ldns_rr_list_deep_free(pointer) }

    /// Appends a copy of `rr` (the list owns its own copies).
    func append(_ rr: OwnedRR) {
        if let clone = ldns_rr_clone(rr.pointer) { ldns_rr_list_push_rr(pointer, clone) }
    }

    convenience init(_ records: [Record]) throws(LDNSError) {
        self.init()
        for record in records { ldns_rr_list_push_rr(pointer, try OwnedRR.make(record)) }
    }
}

/// Owns an `ldns_buffer`.
final class OwnedBuffer {
    let pointer: UnsafeMutablePointer<ldns_buffer>

    init?(capacity: Int) {
        guard let buffer = ldns_buffer_new(capacity) else { return nil }
        pointer = buffer
    }
    deinit { ldns_buffer_free(pointer) }

    /// A buffer holding `bytes`, positioned at their end (as ldns's writers leave it).
    convenience init?(bytes: [UInt8]) {
        self.init(capacity: max(1, bytes.count))
        bytes.withUnsafeBufferPointer { ldns_buffer_write(pointer, $0.baseAddress, $0.count) }
    }

    /// The bytes written so far.
    var written: [UInt8] {
        guard let start = ldns_buffer_begin(pointer) else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: ldns_buffer_position(pointer)))
    }
}

/// Owns an `ldns_pkt`.
final class OwnedPacket {
    let pointer: UnsafeMutablePointer<ldns_pkt>
    init(taking pointer: UnsafeMutablePointer<ldns_pkt>) { self.pointer = pointer }
    deinit { ldns_pkt_free(pointer) }
}

/// Owns an `ldns_rdf`.
final class OwnedRDF {
    let pointer: UnsafeMutablePointer<ldns_rdf>
    init(taking pointer: UnsafeMutablePointer<ldns_rdf>) { self.pointer = pointer }
    deinit { ldns_rdf_deep_free(pointer) }

    var bytes: [UInt8] {
        guard let data = ldns_rdf_data(pointer) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: ldns_rdf_size(pointer)))
    }

    /// A dname rdf from a model name.
    convenience init(name: DNSName) throws(LDNSError) {
        let wire = name.wire
        guard let rdf = wire.withUnsafeBufferPointer({
            ldns_dname_new_frm_data(UInt16($0.count), $0.baseAddress)
        }) else { throw LDNSError(message: "cannot convert name \(name)") }
        self.init(taking: rdf)
    }
}

/// ldns's C `bool` is imported as a small integer.
func cBool<T: BinaryInteger>(_ value: Bool) -> T { value ? 1 : 0 }
