import ArgumentParser
import DNSModel
import DNSSEC
import Foundation
import LDNSBridge

/// `dnssec-check ds`: the DS records to hand to the registrar for some DNSKEYs.
struct DSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ds",
        abstract: "Print the DS records for DNSKEY records read from a file or standard input.",
        discussion: """
            Reads DNSKEY records in zone-file syntax (comments, $ORIGIN and $TTL, \
            multi-line parentheses) and prints one DS record per secure entry point \
            (SEP) key, or per zone key with --all. Revoked and non-zone keys are \
            skipped with a note on standard error. Also reads the JSON that \
            `aws route53 get-dnssec` prints (give the zone with --zone): one DS \
            per key-signing key whose status is not INACTIVE or DELETING.
            """
    )

    @Argument(help: "File with DNSKEY records; standard input when omitted or '-'.", completion: .file())
    var file: String?

    @Flag(help: "Print DS records for every zone key, not only SEP keys.")
    var all = false

    @Option(help: ArgumentHelp("Digest types, comma-separated: 1 (SHA-1), 2 (SHA-256), 4 (SHA-384).",
                               valueName: "types"))
    var digest = "2"

    @Option(help: "Output format: text or json.")
    var format: DSOutputFormat = .text

    @Option(help: "The zone of the keys, for input that does not name it (the Route 53 JSON).")
    var zone: String?

    func run() throws {
        let digestTypes = try parseDigestTypes(digest)
        let text = try readInput()
        let records: [Record]
        if text.drop(while: \.isWhitespace).first == "{" {
            records = try route53Records(text)
        } else {
            do { records = try ZoneFileReader.parse(text) } catch {
                throw ToolFailure("\(file ?? "stdin"): \(error.description)")
            }
        }
        var output: [DSLine] = []
        var keysSeen = 0
        for record in records where record.type == .dnskey || record.type == .cdnskey {
            keysSeen += 1
            let facts: DNSKEYFacts
            do { facts = try DNSKEYFacts(record: record) } catch {
                throw ToolFailure("\(record.owner) DNSKEY: \(error)")
            }
            let key = facts.key
            if !key.isZoneKey {
                printError("note: skipping \(record.owner) key \(facts.keyTag): ZONE flag not set, not a DNSSEC zone key")
                continue
            }
            if key.isRevoked {
                printError("note: skipping \(record.owner) key \(facts.keyTag): REVOKE flag set")
                continue
            }
            if !all && !key.isSecureEntryPoint {
                printError("note: skipping \(record.owner) key \(facts.keyTag): not a SEP key (use --all)")
                continue
            }
            for type in digestTypes {
                guard let ds = DSDigest.makeDS(owner: record.owner, key: key, type: type) else {
                    throw ToolFailure("digest type \(type.rawValue) is not supported")
                }
                let dsRecord = Record(owner: record.owner, type: .ds, rrClass: record.rrClass,
                                      ttl: record.ttl, rdata: ds.rdata)
                output.append(DSLine(record: dsRecord, ds: ds, keySize: facts.keySize))
            }
        }
        if keysSeen == 0 { throw ToolFailure("no DNSKEY records found in \(file ?? "standard input")") }
        switch format {
        case .text:
            for line in output { print(Presentation.render(line.record)) }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(output.map(\.json))
            print(String(decoding: data, as: UTF8.self))
        }
    }

    /// The DNSKEYs of the active key-signing keys of a Route 53 hosted zone
    /// (`aws route53 get-dnssec`), owned by --zone.
    private func route53Records(_ text: String) throws -> [Record] {
        guard let zone else {
            throw ValidationError("the Route 53 JSON does not name its zone: give it with --zone (for example --zone example.com)")
        }
        let owner: DNSName
        do { owner = try HostName.parse(zone) } catch { throw ValidationError("--zone: \(error)") }
        let keys = try ExpectedDSFile.route53Keys(Data(text.utf8), source: file ?? "stdin")
        var records: [Record] = []
        for key in keys {
            guard key.active else {
                printError("note: skipping key \(key.keyTag) ('\(key.name)'): status \(key.status)")
                continue
            }
            guard let dnskey = key.dnskey else {
                throw ToolFailure("key \(key.keyTag) ('\(key.name)') has no DNSKEYRecord to compute its DS from")
            }
            // Route 53's own DS covers the zone name: a mismatch means --zone is not the hosted zone.
            if let listed = key.ds, DSDigest.match(listed, owner: owner, key: dnskey) != .matches {
                throw ToolFailure("key \(key.keyTag) ('\(key.name)'): its DSRecord is not the DS of its DNSKEY for \(owner): is --zone the hosted zone's name?")
            }
            records.append(Record(owner: owner, type: .dnskey, rrClass: .in, ttl: 3600, rdata: dnskey.rdata))
        }
        if records.isEmpty { throw ToolFailure("no active key-signing key in \(file ?? "standard input")") }
        return records
    }

    private func readInput() throws -> String {
        if file == nil || file == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return String(decoding: data, as: UTF8.self)
        }
        guard let path = file else { return "" }
        guard let data = readWholeFile(path) else {
            throw ToolFailure("cannot read \(path): no such file or not readable")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func parseDigestTypes(_ text: String) throws -> [DigestType] {
        // An empty list would print nothing and still exit 0.
        guard !text.split(separator: ",").isEmpty else {
            throw ValidationError("--digest takes 1, 2 or 4 (comma-separated), not an empty list")
        }
        return try text.split(separator: ",").map { part in
            guard let value = UInt8(part.trimmingCharacters(in: .whitespaces)),
                  DSDigest.supported.contains(DigestType(value)) else {
                throw ValidationError("--digest takes 1, 2 or 4 (comma-separated), not '\(part)'")
            }
            return DigestType(value)
        }
    }
}

enum DSOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct DSLine {
    let record: Record
    let ds: DSData
    let keySize: Int?

    struct JSON: Encodable {
        let owner: String
        let ttl: UInt32
        let key_tag: UInt16
        let algorithm: UInt8
        let algorithm_name: String
        let digest_type: UInt8
        let digest_type_name: String
        let digest: String
        let key_size: Int?
        let record: String
    }

    var json: JSON {
        JSON(owner: record.owner.description, ttl: record.ttl, key_tag: ds.keyTag,
             algorithm: ds.algorithm.rawValue, algorithm_name: ds.algorithm.mnemonic,
             digest_type: ds.digestType.rawValue, digest_type_name: ds.digestType.mnemonic,
             digest: Encodings.hex(ds.digest), key_size: keySize,
             record: Presentation.render(record))
    }
}
