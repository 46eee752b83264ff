import DNSModel
import DNSSEC
import Foundation
import LDNSBridge
import Testing

// Published examples from the DNSSEC RFCs (Fixtures/vectors, copied from the
// RFC texts): key tags, DS digests, NSEC3 hashes.

@Suite("RFC vectors: key tags and DS digests")
struct KeyTagAndDSVectorTests {
    static func keys(_ file: String, section: String? = nil, before: String? = nil) throws -> [Record] {
        var text = try Vectors.text(file)
        if let section { text = try Vectors.section(text, after: Vectors.marker(file, section), before: before) }
        return try Vectors.records(in: text, types: [.dnskey])
    }

    @Test("key tags of the published keys", arguments: [
        ("rfc4034", "Section 2.3", [UInt16(2642)]),      // the key the §3.3 RRSIG names
        ("rfc4034", "Section 5.4", [60485]),
        ("rfc4509", "Section 2.3", [60485]),
        ("rfc5702", "Section 6.1", [9033]),
        ("rfc5702", "Section 6.2", [3740]),
        ("rfc6605", "Section 6.1", [55648]),
        ("rfc6605", "Section 6.2", [10771]),
        ("rfc8080", "Section 6.1", [3613, 35217]),
        ("rfc8080", "Section 6.2", [9713, 38353]),
    ])
    func keyTags(file: String, section: String, expected: [UInt16]) throws {
        let keys = try Self.keys(file, section: section, before: "; --------")
        #expect(keys.count == expected.count)
        #expect(keys.map { LDNSCrypto.keyTag(dnskeyRDATA: $0.rdata) } == expected)
        #expect(try keys.map { try DNSKEYFacts(record: $0).keyTag } == expected)
    }

    @Test("key tags and sizes of the keys in the RFC 4035 and RFC 5155 example zones", arguments: [
        ("rfc4035", [UInt16(38519), 9465]),
        ("rfc5155", [40430, 12708]),
    ])
    func zoneKeyTags(file: String, expected: [UInt16]) throws {
        let zone = try ExampleZones.zone(file)
        let keys = zone.keys
        #expect(keys.map { LDNSCrypto.keyTag(dnskeyRDATA: $0.rdata) } == expected)
        let facts = try keys.map { try DNSKEYFacts(record: $0) }
        #expect(facts.map(\.role) == [.zsk, .ksk])
        #expect(facts.allSatisfy { ($0.keySize ?? 0) >= 512 })
    }

    @Test("key sizes of the RFC 5702, 6605 and 8080 keys")
    func keySizes() throws {
        let rsa256 = try Self.keys("rfc5702", section: "Section 6.1", before: "; --------")
        #expect(try DNSKEYFacts(record: rsa256[0]).keySize == 512)
        let rsa512 = try Self.keys("rfc5702", section: "Section 6.2", before: "; --------")
        #expect(try DNSKEYFacts(record: rsa512[0]).keySize == 1024)
        let p256 = try Self.keys("rfc6605", section: "Section 6.1", before: "; --------")
        #expect(try DNSKEYFacts(record: p256[0]).keySize == 256)
        let p384 = try Self.keys("rfc6605", section: "Section 6.2", before: "; --------")
        #expect(try DNSKEYFacts(record: p384[0]).keySize == 384)
        let ed25519 = try Self.keys("rfc8080", section: "Section 6.1", before: "; --------")
        #expect(try ed25519.map { try DNSKEYFacts(record: $0).keySize } == [256, 256])
        let ed448 = try Self.keys("rfc8080", section: "Section 6.2", before: "; --------")
        #expect(try ed448.map { try DNSKEYFacts(record: $0).keySize } == [456, 456])
    }

    /// Each DS in these sections is the digest of the DNSKEY with its key tag.
    @Test("published DS records are reproduced", arguments: [
        ("rfc4034", "Section 5.4", 1),
        ("rfc4509", "Section 2.3", 1),
        ("rfc6605", "Section 6.1", 1),
        ("rfc6605", "Section 6.2", 1),
        ("rfc8080", "Section 6.1", 2),
        ("rfc8080", "Section 6.2", 2),
    ])
    func dsDigests(file: String, section: String, count: Int) throws {
        let text = try Vectors.section(try Vectors.text(file), after: Vectors.marker(file, section), before: "; --------")
        let records = try Vectors.records(in: text, types: [.dnskey, .ds])
        let dsRecords = records.filter { $0.type == .ds }
        #expect(dsRecords.count == count)
        for dsRecord in dsRecords {
            let ds = try DSData(rdata: dsRecord.rdata)
            let keyRecord = try #require(records.first {
                $0.type == .dnskey && LDNSCrypto.keyTag(dnskeyRDATA: $0.rdata) == ds.keyTag
            })
            let key = try DNSKEYData(rdata: keyRecord.rdata)
            let made = try #require(DSDigest.makeDS(owner: keyRecord.owner, key: key, type: ds.digestType))
            #expect(made == ds, "\(file) DS \(ds.keyTag) digest type \(ds.digestType.rawValue)")
            #expect(DSDigest.match(ds, owner: keyRecord.owner, key: key) == .matches)
            // The owner name is part of the digest, case-insensitively.
            let upper = try DNSName(keyRecord.owner.description.uppercased())
            #expect(DSDigest.compute(owner: upper, key: key, type: ds.digestType) == ds.digest)
            #expect(DSDigest.compute(owner: try DNSName("other.example."), key: key, type: ds.digestType) != ds.digest)
        }
    }

    @Test("RFC 4034 §5.4 SHA-1 and RFC 4509 SHA-256 digests of the same key")
    func dskeyDigests() throws {
        let key = try #require(try Self.keys("rfc4034", section: "Section 5.4", before: "; --------").first)
        let data = try DNSKEYData(rdata: key.rdata)
        #expect(DSDigest.compute(owner: key.owner, key: data, type: .sha1).map { Encodings.hex($0) }
                == "2BB183AF5F22588179A53B0A98631FAD1A292118".lowercased())
        #expect(DSDigest.compute(owner: key.owner, key: data, type: .sha256).map { Encodings.hex($0) }
                == "D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A".lowercased())
        #expect(DSDigest.compute(owner: key.owner, key: data, type: .sha384)?.count == 48)
        #expect(DSDigest.compute(owner: key.owner, key: data, type: .gost) == nil)
        #expect(DSDigest.compute(owner: key.owner, key: data, type: DigestType(200)) == nil)
    }

    @Test("DS matching outcomes")
    func dsMatchOutcomes() throws {
        let text = try Vectors.section(try Vectors.text("rfc4034"), after: Vectors.marker("rfc4034", "Section 5.4"), before: "; --------")
        let records = try Vectors.records(in: text, types: [.dnskey, .ds])
        let keyRecord = try #require(records.first { $0.type == .dnskey })
        let key = try DNSKEYData(rdata: keyRecord.rdata)
        let ds = try DSData(rdata: try #require(records.first { $0.type == .ds }).rdata)
        #expect(DSDigest.match(ds, owner: keyRecord.owner, key: key) == .matches)
        var wrongDigest = ds
        wrongDigest.digest[0] ^= 0x01
        #expect(DSDigest.match(wrongDigest, owner: keyRecord.owner, key: key) == .digestMismatch(expected: ds.digest))
        var wrongTag = ds
        wrongTag.keyTag &+= 1
        #expect(DSDigest.match(wrongTag, owner: keyRecord.owner, key: key) == .keyTagMismatch)
        var wrongAlgorithm = ds
        wrongAlgorithm.algorithm = .rsasha256
        #expect(DSDigest.match(wrongAlgorithm, owner: keyRecord.owner, key: key) == .algorithmMismatch)
        var gost = ds
        gost.digestType = .gost
        #expect(DSDigest.match(gost, owner: keyRecord.owner, key: key) == .unsupportedDigestType)
        var unknown = ds
        unknown.digestType = DigestType(99)
        #expect(DSDigest.match(unknown, owner: keyRecord.owner, key: key) == .unsupportedDigestType)
        // Same key at another owner: the digest no longer matches.
        if case .digestMismatch = DSDigest.match(ds, owner: try DNSName("example.com."), key: key) {} else {
            Issue.record("a DS for dskey.example.com. must not match the key at example.com.")
        }
    }
}

/// The signed example zones of RFC 4035 Appendix A and RFC 5155 Appendix A.
enum ExampleZones {
    static func zone(_ file: String) throws -> SignedData {
        let text = try Vectors.section(try Vectors.text(file), after: "Appendix A", before: "Appendix B.1")
        return SignedData(records: try ZoneFileReader.parse(text, defaultTTL: 3600))
    }
}

@Suite("RFC 5155 Appendix A: NSEC3 hashes")
struct NSEC3VectorTests {
    static let salt: [UInt8] = [0xAA, 0xBB, 0xCC, 0xDD]

    /// The `; H(name) = hash` list at the top of Appendix A.
    static func hashList() throws -> [(DNSName, String)] {
        let text = try Vectors.section(try Vectors.text("rfc5155"), after: "Appendix A", before: "Appendix B.1")
        let lines = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(";") }
        var out: [(DNSName, String)] = []
        var pending: DNSName?
        for line in lines {
            let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("H("), let close = body.firstIndex(of: ")") {
                let name = try DNSName(String(body[body.index(body.startIndex, offsetBy: 2)..<close]))
                let rest = body[body.index(after: close)...].trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("=") {
                    out.append((name, rest.dropFirst().trimmingCharacters(in: .whitespaces)))
                } else {
                    pending = name
                }
            } else if let name = pending, body.hasPrefix("=") {
                out.append((name, body.dropFirst().trimmingCharacters(in: .whitespaces)))
                pending = nil
            }
        }
        return out
    }

    @Test("the hashed owner names of the example zone (salt AABBCCDD, 12 iterations)")
    func hashes() throws {
        let list = try Self.hashList()
        #expect(list.count == 12)
        for (name, expected) in list {
            let hash = try Denial.nsec3Hash(name, iterations: 12, salt: Self.salt)
            #expect(hash.count == 20)
            #expect(Encodings.base32hex(hash) == expected, "H(\(name))")
            // Case does not change the hash.
            let upper = try DNSName(name.description.uppercased())
            #expect(try Denial.nsec3Hash(upper, iterations: 12, salt: Self.salt) == hash)
        }
        // H(example) with other parameters differs.
        let example = try DNSName("example.")
        #expect(try Denial.nsec3Hash(example, iterations: 11, salt: Self.salt) != Denial.nsec3Hash(example, iterations: 12, salt: Self.salt))
        #expect(try Denial.nsec3Hash(example, iterations: 12, salt: []) != Denial.nsec3Hash(example, iterations: 12, salt: Self.salt))
    }

    @Test("NSEC3 owners are hashes of zone names and form a closed chain")
    func chain() throws {
        let zone = try ExampleZones.zone("rfc5155")
        let nsec3s = zone.records.filter { $0.type == .nsec3 }
        #expect(nsec3s.count == 12)
        let expectedHashes = Set(try Self.hashList().map(\.1))
        var spans: [([UInt8], [UInt8])] = []
        for record in nsec3s {
            let data = try NSEC3Data(rdata: record.rdata)
            #expect(data.iterations == 12 && data.salt == Self.salt && data.hashAlgorithm == 1)
            let ownerHash = try #require(Denial.nsec3OwnerHash(record.owner))
            #expect(expectedHashes.contains(Encodings.base32hex(ownerHash)), "\(record.owner)")
            spans.append((ownerHash, data.nextHashedOwner))
        }
        let sorted = spans.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        for (index, span) in sorted.enumerated() {
            #expect(span.1 == sorted[(index + 1) % sorted.count].0, "chain link \(index)")
        }
        // The last span wraps around to the first hash.
        let last = try #require(sorted.last)
        #expect(!last.0.lexicographicallyPrecedes(last.1))
        #expect(Denial.nsec3Covers(ownerHash: last.0, nextHash: last.1, hash: [UInt8](repeating: 0xFF, count: 20)))
        #expect(Denial.nsec3Covers(ownerHash: last.0, nextHash: last.1, hash: [UInt8](repeating: 0x00, count: 20)))

        // Every existing name matches exactly one NSEC3 and is covered by none.
        // (The zone has an A record at 2t7b4g4vsa5smi47k61mv5bv1a22bojr.example, the
        // hashed owner of ns1.example, so that name is in the list too.)
        for (name, _) in try Self.hashList() {
            let hash = try Denial.nsec3Hash(name, iterations: 12, salt: Self.salt)
            #expect(sorted.filter { Denial.nsec3Matches(ownerHash: $0.0, hash: hash) }.count == 1, "\(name)")
            #expect(sorted.filter { Denial.nsec3Covers(ownerHash: $0.0, nextHash: $0.1, hash: hash) }.isEmpty, "\(name)")
        }
        // A name that does not exist is covered by exactly one span (RFC 5155 B.1: a.c.x.w.example → c.x.w.example).
        for missing in ["c.x.w.example.", "nonexistent.example.", "zzz.example.", "a.b.c.example."] {
            let hash = try Denial.nsec3Hash(try DNSName(missing), iterations: 12, salt: Self.salt)
            #expect(sorted.filter { Denial.nsec3Covers(ownerHash: $0.0, nextHash: $0.1, hash: hash) }.count == 1, "\(missing)")
            #expect(!sorted.contains { Denial.nsec3Matches(ownerHash: $0.0, hash: hash) })
        }
    }

    @Test("RFC 5155 B.1: the NSEC3 covering c.x.w.example is the one published")
    func nameErrorCover() throws {
        let hash = try Denial.nsec3Hash(try DNSName("c.x.w.example."), iterations: 12, salt: Self.salt)
        // Published in B.1: 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom.example. → 2t7b4g4vsa5smi47k61mv5bv1a22bojr
        let owner = try #require(Encodings.fromBase32hex(Array("0p9mhaveqvm6t7vbl5lop2u3t2rp3tom".utf8)))
        let next = try #require(Encodings.fromBase32hex(Array("2t7b4g4vsa5smi47k61mv5bv1a22bojr".utf8)))
        #expect(Denial.nsec3Covers(ownerHash: owner, nextHash: next, hash: hash))
    }
}

@Suite("RFC 4035 Appendix A: NSEC chain")
struct NSECVectorTests {
    @Test("every NSEC's span and the wrap-around last NSEC")
    func nsecChain() throws {
        let zone = try ExampleZones.zone("rfc4035")
        let nsecs = try zone.records.filter { $0.type == .nsec }.map { ($0.owner, try NSECData(rdata: $0.rdata)) }
        #expect(nsecs.count == 10)
        let owners = nsecs.map(\.0)
        #expect(owners == owners.sorted(), "the zone lists NSECs in canonical order")
        for (index, (owner, data)) in nsecs.enumerated() {
            let expectedNext = index + 1 < owners.count ? owners[index + 1] : owners[0]
            #expect(data.nextDomainName == expectedNext)
            #expect(Denial.nsecMatches(owner: owner, name: owner))
            #expect(!Denial.nsecCovers(owner: owner, next: data.nextDomainName, name: owner))
            #expect(!Denial.nsecCovers(owner: owner, next: data.nextDomainName, name: data.nextDomainName))
        }
        func covering(_ text: String) throws -> [DNSName] {
            let name = try DNSName(text)
            return nsecs.filter { Denial.nsecCovers(owner: $0.0, next: $0.1.nextDomainName, name: name) }.map(\.0)
        }
        // RFC 4035 B.2: ml.example is covered by b.example → ns1.example.
        #expect(try covering("ml.example.") == [DNSName("b.example.")])
        // B.6-style: a.z.w.example lies after x.y.w.example and before xx.example.
        #expect(try covering("a.z.w.example.") == [DNSName("x.y.w.example.")])
        // After the last name: covered by the last NSEC, whose next wraps to the apex.
        #expect(try covering("zzz.example.") == [DNSName("xx.example.")])
        #expect(try covering("zz.xx.example.") == [DNSName("xx.example.")])
        // Between the apex and a.example.
        #expect(try covering("0.example.") == [DNSName("example.")])
        // Existing names are covered by nothing.
        for owner in owners { #expect(try covering(owner.description).isEmpty) }
    }

    @Test("NSEC types in the example zone")
    func nsecTypes() throws {
        let zone = try ExampleZones.zone("rfc4035")
        let apex = try #require(zone.records.first { $0.type == .nsec && $0.owner == (try! DNSName("example.")) })
        #expect(try NSECData(rdata: apex.rdata).types == [.ns, .soa, .mx, .rrsig, .nsec, .dnskey])
    }
}
