import CLDNS
import DNSModel
#if canImport(Glibc)
import Glibc
#endif

/// Presentation (zone-file) format, through ldns.
public enum Presentation {
    /// Parses one record such as `example.com. 3600 IN DNSKEY 257 3 13 …`.
    public static func parseRecord(_ text: String, origin: DNSName? = nil, defaultTTL: UInt32 = 3600) throws(LDNSError) -> Record {
        var rr: UnsafeMutablePointer<ldns_rr>?
        let originRDF = try origin.map { (name: DNSName) throws(LDNSError) in try OwnedRDF(name: name) }
        let status = ldns_rr_new_frm_str(&rr, text, defaultTTL, originRDF?.pointer, nil)
        guard status == LDNS_STATUS_OK, let rr else {
            if let rr { ldns_rr_free(rr) }
            throw LDNSError(status, context: "cannot parse record")
        }
        return try OwnedRR(taking: rr).record()
    }

    /// The record in presentation format, tab-separated as dig and ldns print it.
    public static func render(_ record: Record) -> String {
        guard let rr = try? OwnedRR(record) else {
            // RDATA ldns cannot parse still prints, in RFC 3597 generic form.
            return "\(record.owner)\t\(record.ttl)\t\(record.rrClass)\t\(record.type)\t\\# \(record.rdata.count) \(Encodings.hex(record.rdata))"
        }
        return rr.presentation
    }

    /// Only the RDATA in presentation format ("192.0.2.1", "10 mx.example."),
    /// for renderers that show values without their owner, TTL and type.
    public static func renderRDATA(_ record: Record) -> String {
        guard let rr = try? OwnedRR(record) else { return "\\# \(record.rdata.count) \(Encodings.hex(record.rdata))" }
        return rr.rdataPresentation
    }
}

/// A syntax error in zone-file text, with the line it was found on.
public struct ZoneFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let reason: String
    public var description: String { "line \(line): \(reason)" }
}

/// Reads records in zone-file syntax: comments, `$ORIGIN` and `$TTL`
/// directives, multi-line parentheses, relative names and omitted owners.
public enum ZoneFileReader {
    public static func parse(_ text: String, origin: DNSName? = nil, defaultTTL: UInt32 = 3600) throws(ZoneFileError) -> [Record] {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return [] }
        bytes.append(0)
        var records: [Record] = []
        var failure: ZoneFileError?
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let file = fmemopen(buffer.baseAddress, buffer.count - 1, "r") else {
                failure = ZoneFileError(line: 0, reason: "cannot read the text")
                return
            }
            defer { fclose(file) }
            var ttl = defaultTTL
            var originRDF: UnsafeMutablePointer<ldns_rdf>? = origin.flatMap { try? OwnedRDF(name: $0) }
                .flatMap { ldns_rdf_clone($0.pointer) }
            var previous: UnsafeMutablePointer<ldns_rdf>?
            defer {
                if let originRDF { ldns_rdf_deep_free(originRDF) }
                if let previous { ldns_rdf_deep_free(previous) }
            }
            var line: Int32 = 1
            while feof(file) == 0 {
                var rr: UnsafeMutablePointer<ldns_rr>?
                let startLine = lineOfLastToken(buffer, consumed: ftell(file)) + 1
                let status = ldns_rr_new_frm_fp_l(&rr, file, &ttl, &originRDF, &previous, &line)
                switch status {
                case LDNS_STATUS_OK:
                    guard let rr else { continue }
                    let owned = OwnedRR(taking: rr)
                    // ldns reads "owner word" as a record of type 0 rather than failing.
                    if ldns_rr_get_type(rr).rawValue == 0 {
                        failure = ZoneFileError(line: lineOfLastToken(buffer, consumed: ftell(file)), reason: "unknown or missing record type")
                        return
                    }
                    do { records.append(try owned.record()) } catch {
                        failure = ZoneFileError(line: startLine, reason: (error as? LDNSError)?.message ?? "\(error)")
                        return
                    }
                case LDNS_STATUS_SYNTAX_EMPTY, LDNS_STATUS_SYNTAX_TTL, LDNS_STATUS_SYNTAX_ORIGIN:
                    if let rr { ldns_rr_free(rr) }
                    continue
                default:
                    if let rr { ldns_rr_free(rr) }
                    let reason = ldns_get_errorstr_by_id(status).map { String(cString: $0) } ?? "syntax error"
                    failure = ZoneFileError(line: lineOfLastToken(buffer, consumed: ftell(file)), reason: reason)
                    _ = drainOpenSSLErrors()
                    return
                }
            }
        }
        if let failure { throw failure }
        return records
    }

    /// The 1-based line of the last non-blank byte ldns consumed: where it
    /// stopped reading is where the error is (ldns's own counter runs one
    /// line ahead after a newline).
    private static func lineOfLastToken(_ buffer: UnsafeMutableBufferPointer<UInt8>, consumed: Int) -> Int {
        var end = min(max(consumed, 0), buffer.count - 1)
        while end > 0, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0].contains(buffer[end - 1]) {
            end -= 1
        }
        return 1 + buffer[0..<end].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
