import DNSModel
import DNSSEC
import DNSSECAnalysis
import Foundation
import LDNSBridge

/// Reads what a DNS host says the parent should publish, for `--expect-ds`
/// and `dnssec-check ds`: DS, CDS, DNSKEY or CDNSKEY records in zone-file
/// syntax (each carries its zone), or the JSON `aws route53 get-dnssec`
/// prints (which names no zone: it is the zone of the names checked, or
/// `ds --zone`).
enum ExpectedDSFile {
    /// The parsed file: expectations per zone, or one without a zone (JSON).
    struct Contents {
        var expectations: DSExpectations
        /// The Route 53 keys as they came, for `dnssec-check ds`.
        var route53: [Route53Key] = []
    }

    static func load(_ path: String) throws -> Contents {
        guard let data = readWholeFile(path) else {
            throw ToolFailure("cannot read --expect-ds file \(path): no such file or not readable")
        }
        let source = URL(fileURLWithPath: path).lastPathComponent
        return try parse(data, source: source)
    }

    static func parse(_ data: Data, source: String) throws -> Contents {
        let text = String(decoding: data, as: UTF8.self)
        if text.drop(while: \.isWhitespace).first == "{" {
            let keys = try route53Keys(data, source: source)
            let expected = ExpectedDS(keys: keys.map(\.expected), source: source)
            return Contents(expectations: DSExpectations(forNamesZone: expected), route53: keys)
        }
        let records: [Record]
        do { records = try ZoneFileReader.parse(text) } catch { throw ToolFailure("\(source): \(error.description)") }
        var byZone: [DNSName: [ExpectedDS.Key]] = [:]
        for record in records {
            switch record.type {
            case .ds, .cds:
                guard let ds = try? DSData(rdata: record.rdata) else {
                    throw ToolFailure("\(source): \(record.owner) \(record.type): malformed DS data")
                }
                byZone[record.owner, default: []].append(
                    .init(keyTag: ds.keyTag, algorithm: ds.algorithm, ds: [ds], label: "\(record.type) in \(source)"))
            case .dnskey, .cdnskey:
                let facts: DNSKEYFacts
                do { facts = try DNSKEYFacts(record: record) } catch {
                    throw ToolFailure("\(source): \(record.owner) \(record.type): \(error)")
                }
                // The host's whole DNSKEY RRset may be pasted: only its SEP keys belong at the parent.
                guard facts.key.isZoneKey, facts.key.isSecureEntryPoint else { continue }
                let ds = DSDigest.makeDS(owner: record.owner, key: facts.key, type: .sha256).map { [$0] } ?? []
                byZone[record.owner, default: []].append(
                    .init(keyTag: facts.keyTag, algorithm: facts.key.algorithm, dnskey: facts.key, ds: ds,
                          active: !facts.key.isRevoked,
                          label: facts.key.isRevoked ? "revoked \(record.type) in \(source)" : "\(record.type) in \(source)"))
            default:
                throw ToolFailure("\(source): \(record.owner) \(record.type) is not a DS, CDS, DNSKEY or CDNSKEY record")
            }
        }
        guard !byZone.isEmpty else {
            throw ToolFailure("\(source): no DS records and no DNSKEY records with the SEP flag")
        }
        return Contents(expectations: DSExpectations(byZone: byZone.mapValues { ExpectedDS(keys: $0, source: source) }))
    }

    // MARK: - Route 53

    /// One key-signing key of `aws route53 get-dnssec` (the GetDNSSEC API's
    /// KeySigningKey: Name, Flag, KeyTag, DSRecord "TAG ALG DIGESTTYPE HEX",
    /// DNSKEYRecord "FLAGS 3 ALG BASE64", Status ACTIVE | INACTIVE | DELETING
    /// | ACTION_NEEDED | INTERNAL_FAILURE).
    struct Route53Key {
        var name: String
        var status: String
        var dnskey: DNSKEYData?
        var ds: DSData?
        var keyTag: UInt16
        var active: Bool

        var expected: ExpectedDS.Key {
            ExpectedDS.Key(keyTag: keyTag, algorithm: dnskey?.algorithm ?? ds!.algorithm, dnskey: dnskey,
                           ds: ds.map { [$0] } ?? [], active: active,
                           label: "Route 53 KSK '\(name)', status \(status)")
        }
    }

    private struct Document: Decodable {
        struct Status: Decodable { var ServeSignature: String? }
        struct Key: Decodable {
            var Name: String?
            var KeyTag: Int?
            var DSRecord: String?
            var DNSKEYRecord: String?
            var Status: String?
        }
        var Status: Status?
        var KeySigningKeys: [Key]?
    }

    static func route53Keys(_ data: Data, source: String) throws -> [Route53Key] {
        let document: Document
        do { document = try JSONDecoder().decode(Document.self, from: data) } catch {
            throw ToolFailure("\(source): not the JSON of `aws route53 get-dnssec`: \(Self.describe(error))")
        }
        guard let keys = document.KeySigningKeys else {
            throw ToolFailure("\(source): no KeySigningKeys: not the JSON of `aws route53 get-dnssec`")
        }
        guard !keys.isEmpty else { throw ToolFailure("\(source): KeySigningKeys is empty: the hosted zone has no key-signing key") }
        // A zone Route 53 no longer signs must have no DS at all (or it goes bogus).
        let serving = document.Status?.ServeSignature.map { !["NOT_SIGNING", "DELETING"].contains($0) } ?? true
        return try keys.enumerated().map { index, key in
            let name = key.Name ?? "#\(index + 1)"
            let what = "\(source): KeySigningKeys[\(index)] ('\(name)')"
            let dnskey = try key.DNSKEYRecord.map { text in
                guard let parsed = presentationRDATA(text, as: .dnskey).flatMap({ try? DNSKEYData(rdata: $0) }) else {
                    throw ToolFailure("\(what): DNSKEYRecord '\(text)' is not DNSKEY data (FLAGS 3 ALGORITHM BASE64)")
                }
                return parsed
            }
            let ds = try key.DSRecord.map { text in
                guard let parsed = presentationRDATA(text, as: .ds).flatMap({ try? DSData(rdata: $0) }) else {
                    throw ToolFailure("\(what): DSRecord '\(text)' is not DS data (KEYTAG ALGORITHM DIGESTTYPE HEX)")
                }
                return parsed
            }
            guard dnskey != nil || ds != nil else { throw ToolFailure("\(what): neither DSRecord nor DNSKEYRecord") }
            let keyTag = dnskey.map { DNSKEYFacts(owner: .root, key: $0).keyTag } ?? ds!.keyTag
            if let ds, let dnskey {
                // The digest covers the owner, which the JSON does not give: the tag and algorithm must agree.
                guard ds.keyTag == keyTag, ds.algorithm == dnskey.algorithm else {
                    throw ToolFailure("\(what): DSRecord (key tag \(ds.keyTag), algorithm \(ds.algorithm.rawValue)) is not the DS of its DNSKEYRecord (key tag \(keyTag), algorithm \(dnskey.algorithm.rawValue))")
                }
            }
            if let stated = key.KeyTag, stated != Int(keyTag) {
                throw ToolFailure("\(what): KeyTag \(stated) is not the tag of its key (\(keyTag))")
            }
            let status = key.Status ?? "ACTIVE"
            let retired = ["INACTIVE", "DELETING"].contains(status.uppercased())
            return Route53Key(name: name, status: serving ? status : "\(status), zone \(document.Status?.ServeSignature ?? "")",
                              dnskey: dnskey, ds: ds, keyTag: keyTag, active: serving && !retired)
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.keyNotFound(_, let context), DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
