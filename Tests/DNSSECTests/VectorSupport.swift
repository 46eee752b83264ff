import DNSModel
import DNSSEC
import Foundation
import LDNSBridge
import Testing

/// Loading the RFC example files copied into Fixtures/vectors.
enum Vectors {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures/vectors") else {
            throw Missing(description: "fixture Fixtures/vectors/\(name).txt is not in the test bundle")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The text after the line containing `start` and before the line containing `end` (or the end of the text).
    static func section(_ text: String, after start: String, before end: String? = nil) throws -> String {
        guard let startRange = text.range(of: start) else { throw Missing(description: "no section '\(start)'") }
        var rest = text[startRange.upperBound...]
        if let newline = rest.firstIndex(of: "\n") { rest = rest[rest.index(after: newline)...] }
        if let end, let endRange = rest.range(of: end) {
            rest = rest[..<endRange.lowerBound]
            // Drop the partial marker line.
            if let lastNewline = rest.lastIndex(of: "\n") { rest = rest[...lastNewline] }
        }
        return String(rest)
    }

    /// Record texts in an RFC example block that is not strict zone-file syntax
    /// (private keys interleaved, unbalanced parentheses as printed): a record
    /// starts on a line `owner TTL IN TYPE` and continues on indented lines.
    /// Comments and parentheses are removed and the pieces joined.
    static func recordTexts(in text: String) -> [String] {
        var out: [String] = []
        var current: String?
        func flush() {
            if let c = current { out.append(c) }
            current = nil
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(rawLine)
            if let semicolon = line.firstIndex(of: ";") { line = String(line[..<semicolon]) }
            line = line.replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if rawLine.first.map({ !$0.isWhitespace }) ?? false {
                flush()
                let fields = trimmed.split(separator: " ", omittingEmptySubsequences: true)
                if fields.count >= 4, fields[0].hasSuffix("."), UInt32(fields[1]) != nil, fields[2] == "IN" {
                    current = trimmed
                }
            } else if trimmed.isEmpty {
                flush()
            } else if current != nil {
                current! += " " + trimmed
            }
        }
        flush()
        return out
    }

    /// Parses the record texts, keeping only `types` when given (the RFC 8080
    /// block also holds the published, broken RRSIGs, which do not parse).
    static func records(in text: String, types: Set<RRType>? = nil) throws -> [Record] {
        try recordTexts(in: text).filter { text in
            guard let types else { return true }
            let fields = text.split(separator: " ")
            return RRType(mnemonic: String(fields[3])).map(types.contains) ?? false
        }.map { try Presentation.parseRecord($0) }
    }

    /// The header line of a section: `-------- RFC 8080 Section 6.1`.
    static func marker(_ file: String, _ section: String) -> String {
        "-------- RFC \(file.dropFirst(3)) \(section)"
    }

    /// Unix time of a UTC date `YYYYMMDDHHmmSS`.
    static func time(_ text: String) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let digits = Array(text)
        func number(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
        let components = DateComponents(year: number(0..<4), month: number(4..<6), day: number(6..<8),
                                        hour: number(8..<10), minute: number(10..<12), second: number(12..<14))
        return Int64(calendar.date(from: components)!.timeIntervalSince1970)
    }
}

/// A signed example: RRsets, their RRSIGs, and the keys.
struct SignedData {
    let records: [Record]

    var rrsets: [RRset] { RRset.group(records.filter { $0.type != .rrsig }) }
    var rrsigs: [Record] { records.filter { $0.type == .rrsig } }
    var keys: [Record] { records.filter { $0.type == .dnskey } }

    func rrset(owner: DNSName, type: RRType) -> RRset? {
        rrsets.first { $0.owner == owner && $0.type == type }
    }

    func key(tag: UInt16, owner: DNSName) -> Record? {
        keys.first { $0.owner == owner && LDNSCrypto.keyTag(dnskeyRDATA: $0.rdata) == tag }
    }

    /// Every RRSIG with the RRset it covers and the key it names.
    func signedSets() throws -> [(rrsig: Record, rrset: RRset, key: Record)] {
        try rrsigs.map { rrsig in
            let sig = try RRSIGData(rdata: rrsig.rdata)
            guard let rrset = rrset(owner: rrsig.owner, type: sig.typeCovered) else {
                throw Vectors.Missing(description: "no \(sig.typeCovered) RRset at \(rrsig.owner)")
            }
            guard let key = key(tag: sig.keyTag, owner: sig.signerName) else {
                throw Vectors.Missing(description: "no key \(sig.keyTag) at \(sig.signerName)")
            }
            return (rrsig, rrset, key)
        }
    }
}

/// Builders for hand-made RRSIG and DNSKEY RDATA in the corruption tests.
enum RDATABuilder {
    static func rrsig(typeCovered: RRType, algorithm: UInt8, labels: UInt8, originalTTL: UInt32,
                      expiration: UInt32, inception: UInt32, keyTag: UInt16, signer: DNSName,
                      signature: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        func u16(_ v: UInt16) { out += [UInt8(v >> 8), UInt8(v & 0xFF)] }
        func u32(_ v: UInt32) { out += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        u16(typeCovered.rawValue)
        out += [algorithm, labels]
        u32(originalTTL)
        u32(expiration)
        u32(inception)
        u16(keyTag)
        out += signer.wire
        out += signature
        return out
    }

    static func rrsig(_ sig: RRSIGData, keyTag: UInt16? = nil, algorithm: UInt8? = nil, labels: UInt8? = nil,
                      typeCovered: RRType? = nil, signer: DNSName? = nil, signature: [UInt8]? = nil) -> [UInt8] {
        rrsig(typeCovered: typeCovered ?? sig.typeCovered, algorithm: algorithm ?? sig.algorithm.rawValue,
              labels: labels ?? sig.labels, originalTTL: sig.originalTTL, expiration: sig.expiration,
              inception: sig.inception, keyTag: keyTag ?? sig.keyTag, signer: signer ?? sig.signerName,
              signature: signature ?? sig.signature)
    }
}

extension SignatureOutcome {
    var isExpired: Bool { if case .expired = self { return true } else { return false } }
    var isNotYetValid: Bool { if case .notYetValid = self { return true } else { return false } }
    var isKeyTagMismatch: Bool { if case .keyTagMismatch = self { return true } else { return false } }
    var isAlgorithmMismatch: Bool { if case .algorithmMismatch = self { return true } else { return false } }
    var isSignerMismatch: Bool { if case .signerMismatch = self { return true } else { return false } }
    var isRRsetMismatch: Bool { if case .rrsetMismatch = self { return true } else { return false } }
    var isMalformedKey: Bool { if case .malformedKey = self { return true } else { return false } }
    var isUnsupportedAlgorithm: Bool { if case .unsupportedAlgorithm = self { return true } else { return false } }
}
