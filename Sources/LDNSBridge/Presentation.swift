import CLDNS
import DNSModel
import Dispatch
import Foundation
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

    /// The record as `render` prints it, with its key or signature (the
    /// last field of DNSKEY, CDNSKEY and RRSIG) cut to its first 10 and last
    /// 6 characters when longer than 24, so dig-style lines stay readable
    /// at 80 columns. Every other record prints whole.
    public static func renderElided(_ record: Record) -> String {
        guard [.dnskey, .cdnskey, .rrsig].contains(record.type), let rr = try? OwnedRR(record) else { return render(record) }
        let line = rr.presentation   // what render prints, from the same ldns record
        guard let blob = rr.rdataFields.last, blob.count > 24, line.hasSuffix(blob) else { return line }
        return line.dropLast(blob.count) + blob.prefix(10) + "…" + blob.suffix(6)
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
        try parse(bytes: Array(text.utf8), origin: origin, defaultTTL: defaultTTL)
    }

    /// The same for a large file, read by `threads` ldns parsers at once:
    /// the text is cut only where a record starts on a line of its own
    /// (outside parentheses, quotes and comments, with an owner name), and
    /// each piece starts with the `$ORIGIN` and `$TTL` in force there, so
    /// the records and their order are exactly the one-reader parse's; an
    /// error's line is the whole file's. Text with `$INCLUDE` is read whole.
    public static func parse(bytes: [UInt8], origin: DNSName? = nil, defaultTTL: UInt32 = 3600,
                             threads: Int) throws(ZoneFileError) -> [Record] {
        try bytes.withUnsafeBufferPointer { buffer throws(ZoneFileError) in
            try parse(buffer: buffer, origin: origin, defaultTTL: defaultTTL, threads: threads)
        }
    }

    /// The same over a file's contents as read, without copying them whole
    /// into an array first (a zone file of 60 MB was held twice).
    public static func parse(contents: Data, origin: DNSName? = nil, defaultTTL: UInt32 = 3600,
                             threads: Int) throws(ZoneFileError) -> [Record] {
        let result = contents.withUnsafeBytes { raw in
            Result { () throws(ZoneFileError) in
                try parse(buffer: raw.bindMemory(to: UInt8.self), origin: origin, defaultTTL: defaultTTL, threads: threads)
            }
        }
        return try result.get()
    }

    static func parse(buffer bytes: UnsafeBufferPointer<UInt8>, origin: DNSName?, defaultTTL: UInt32,
                      threads: Int) throws(ZoneFileError) -> [Record] {
        let pieces = threads > 1 && bytes.count > 1 << 20 ? split(bytes, into: threads * 4) : []
        guard pieces.count > 1 else { return try parse(bytes: Array(bytes), origin: origin, defaultTTL: defaultTTL) }
        let results = PieceResults(count: pieces.count)
        let shared = ReadOnlyBytes(buffer: bytes)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            let bytes = shared.buffer
            let piece = pieces[index]
            let end = index + 1 < pieces.count ? pieces[index + 1].start : bytes.count
            let prefix = Array(piece.prefix.utf8)
            let prefixLines = piece.prefix.filter { $0 == "\n" }.count
            do throws(ZoneFileError) {
                results.set(index, .success(try parse(bytes: prefix + bytes[piece.start..<end], origin: origin, defaultTTL: defaultTTL)))
            } catch {
                let line = error.line > prefixLines ? error.line - prefixLines + piece.line - 1 : piece.line
                results.set(index, .failure(ZoneFileError(line: line, reason: error.reason)))
            }
        }
        return try results.joined()
    }

    struct Piece {
        var start: Int
        /// The 1-based line the piece starts on.
        var line: Int
        /// `$ORIGIN` and `$TTL` lines in force at the start.
        var prefix: String
    }

    /// Cut points about `count` equal parts apart, each at the start of a
    /// line that begins a record with an owner name, outside parentheses.
    static func split<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, into count: Int) -> [Piece] where Bytes.Index == Int {
        let target = max(1, bytes.count / count)
        var pieces = [Piece(start: 0, line: 1, prefix: "")]
        var depth = 0, inQuote = false, inComment = false, line = 1
        var origin: String? = nil, ttl: String? = nil
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                inComment = false
                // A directive on the line that just ended changes what later pieces need.
                if depth == 0, bytes[lineStart] == UInt8(ascii: "$") {
                    let text = String(decoding: bytes[lineStart..<index], as: UTF8.self)
                    let word = text.split(separator: " ", maxSplits: 1).first.map { $0.uppercased() } ?? ""
                    if word.hasPrefix("$INCLUDE") { return [] }
                    if word == "$ORIGIN" { origin = text }
                    if word == "$TTL" { ttl = text }
                }
                line += 1
                lineStart = index + 1
                if depth == 0, !inQuote, lineStart < bytes.count, lineStart - pieces[pieces.count - 1].start >= target {
                    let first = bytes[lineStart]
                    let startsRecord = ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                                         UInt8(ascii: ";"), UInt8(ascii: "$")].contains(first)
                    if startsRecord {
                        pieces.append(Piece(start: lineStart, line: line,
                                            prefix: [origin, ttl].compactMap { $0 }.map { $0 + "\n" }.joined()))
                    }
                }
            } else if inComment {
                // nothing until the end of the line
            } else if inQuote {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inQuote = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inQuote = true
                case UInt8(ascii: ";"): inComment = true
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"): depth = max(0, depth - 1)
                case UInt8(ascii: "\\"): index += 1
                default: break
                }
            }
            index += 1
        }
        return pieces
    }

    static func parse(bytes input: [UInt8], origin: DNSName?, defaultTTL: UInt32) throws(ZoneFileError) -> [Record] {
        var bytes = input
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
            var lines = LineCounter()
            while feof(file) == 0 {
                var rr: UnsafeMutablePointer<ldns_rr>?
                let startLine = lines.lineOfLastToken(buffer, consumed: ftell(file)) + 1
                let status = ldns_rr_new_frm_fp_l(&rr, file, &ttl, &originRDF, &previous, &line)
                switch status {
                case LDNS_STATUS_OK:
                    guard let rr else { continue }
                    let owned = OwnedRR(taking: rr)
                    // ldns reads "owner word" as a record of type 0 rather than failing.
                    if ldns_rr_get_type(rr).rawValue == 0 {
                        failure = ZoneFileError(line: lines.lineOfLastToken(buffer, consumed: ftell(file)), reason: "unknown or missing record type")
                        return
                    }
                    do {
                        var record = try owned.record()
                        // A zone file repeats each owner for several records: one name for all of them.
                        if let last = records.last, last.owner.labels == record.owner.labels { record.owner = last.owner }
                        records.append(record)
                    } catch {
                        failure = ZoneFileError(line: startLine, reason: (error as? LDNSError)?.message ?? "\(error)")
                        return
                    }
                case LDNS_STATUS_SYNTAX_EMPTY, LDNS_STATUS_SYNTAX_TTL, LDNS_STATUS_SYNTAX_ORIGIN:
                    if let rr { ldns_rr_free(rr) }
                    continue
                default:
                    if let rr { ldns_rr_free(rr) }
                    let reason = ldns_get_errorstr_by_id(status).map { String(cString: $0) } ?? "syntax error"
                    failure = ZoneFileError(line: lines.lineOfLastToken(buffer, consumed: ftell(file)), reason: reason)
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
    /// line ahead after a newline). Counted incrementally, since ldns only
    /// moves forward: a zone of millions of lines is read in linear time.
    struct LineCounter {
        var position = 0
        var newlines = 0

        mutating func lineOfLastToken(_ buffer: UnsafeMutableBufferPointer<UInt8>, consumed: Int) -> Int {
            var end = min(max(consumed, 0), buffer.count - 1)
            while end > 0, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0].contains(buffer[end - 1]) {
                end -= 1
            }
            while position < end {
                if buffer[position] == UInt8(ascii: "\n") { newlines += 1 }
                position += 1
            }
            while position > end {
                position -= 1
                if buffer[position] == UInt8(ascii: "\n") { newlines -= 1 }
            }
            return 1 + newlines
        }
    }
}

/// The file's bytes, read (never written) by the piece parsers while the
/// caller keeps them alive: `parse(buffer:)` returns only when all are done.
struct ReadOnlyBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// Each piece's records (or its error), put in order after the parallel parse.
final class PieceResults: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [Result<[Record], ZoneFileError>?]
    init(count: Int) { pieces = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<[Record], ZoneFileError>) { lock.withLock { pieces[index] = result } }

    /// The records in file order, or the first error in file order.
    func joined() throws(ZoneFileError) -> [Record] {
        let all = lock.withLock { pieces }
        var records: [Record] = []
        for piece in all {
            switch piece {
            case .success(let part): records += part
            case .failure(let error): throw error
            case nil: throw ZoneFileError(line: 0, reason: "a part of the file was not read")
            }
        }
        return records
    }
}
