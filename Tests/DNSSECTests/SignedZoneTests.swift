import DNSModel
import DNSSEC
import Foundation
import LDNSBridge
import Testing

// Zones signed at test time by ldns-signzone and dnssec-signzone, for
// algorithms 5, 7, 8, 10, 13, 14, 15 and 16, with NSEC and NSEC3. Keys are
// generated once per tool and algorithm; signing runs in parallel.

private func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

@Suite("Zones signed by ldns-signzone and dnssec-signzone")
struct SignedZoneTests {
    @Test("ldns-signzone: every RRSIG verifies with the right key",
          .enabled(if: Tools.ldnsAvailable, "ldns-keygen/ldns-signzone not installed (apt-get install ldnsutils)"),
          arguments: SigningCase.cases(for: .ldns))
    func ldnsSigned(signingCase: SigningCase) throws {
        try Self.checkEveryRRSIG(try SignedZoneFixture.shared.zone(signingCase))
    }

    @Test("dnssec-signzone: every RRSIG verifies with the right key",
          .enabled(if: Tools.bindAvailable, "dnssec-keygen/dnssec-signzone not installed (apt-get install bind9-utils)"),
          arguments: SigningCase.cases(for: .bind))
    func bindSigned(signingCase: SigningCase) throws {
        try Self.checkEveryRRSIG(try SignedZoneFixture.shared.zone(signingCase))
    }

    static func checkEveryRRSIG(_ zone: SignedZone) throws {
        let data = zone.data
        let signed = try data.signedSets()
        let time = now()
        var failures: [String] = []
        for (rrsig, rrset, key) in signed {
            let sig = try RRSIGData(rdata: rrsig.rdata)
            #expect(sig.algorithm.rawValue == zone.signingCase.algorithm)
            let outcome = SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: time)
            if outcome != .valid { failures.append("\(rrset.owner) \(rrset.type) key \(sig.keyTag): \(outcome)") }
        }
        #expect(failures.isEmpty, "\(zone.signingCase):\n\(failures.joined(separator: "\n"))")

        // What is signed, and what is not.
        let coveredKeys = Set(try signed.map { "\($0.rrset.owner.lowercased()) \($0.rrset.type)" })
        for expected in ["example. SOA", "example. DNSKEY", "example. MX", "example. NS", "*.wild.example. TXT",
                         "*.wild.example. MX", "sub.example. DS", "www.example. CNAME", "host.example. A",
                         "a.b.ent.example. TXT", "upper.lower.mixed.example. A"] {
            #expect(coveredKeys.contains(expected), "\(zone.signingCase): \(expected) is not signed")
        }
        #expect(!coveredKeys.contains("sub.example. NS"), "delegation NS must not be signed")
        #expect(!coveredKeys.contains("ns.sub.example. A"), "glue must not be signed")
        let denialType: RRType = zone.signingCase.nsec3 ? .nsec3 : .nsec
        #expect(data.records.contains { $0.type == denialType })
        #expect(!data.records.contains { $0.type == (zone.signingCase.nsec3 ? RRType.nsec : .nsec3) })

        // Both keys are in the apex DNSKEY RRset; the KSK signs it.
        let keys = try data.keys.map { try DNSKEYFacts(record: $0) }
        #expect(keys.count == 2)
        #expect(Set(keys.map(\.role)) == [.ksk, .zsk])
        let ksk = try #require(keys.first { $0.role == .ksk })
        let dnskeySigners = try signed.filter { $0.rrset.type == .dnskey }.map { try RRSIGData(rdata: $0.rrsig.rdata).keyTag }
        #expect(dnskeySigners.contains(ksk.keyTag))

        // The wildcard's RRSIG has labels 2 and verifies over an expansion.
        let wildcard = try #require(signed.first { $0.rrset.owner.isWildcard && $0.rrset.type == .txt })
        #expect(try RRSIGData(rdata: wildcard.rrsig.rdata).labels == 2)
        var expanded = wildcard.rrset
        expanded.owner = try DNSName("Anything.Goes.Wild.Example.")
        var expandedSig = wildcard.rrsig
        expandedSig.owner = expanded.owner
        #expect(SignatureVerifier.verify(expandedSig, covering: expanded, with: wildcard.key, at: time) == .valid)
    }
}

@Suite("Corrupted signatures, RRsets and keys")
struct CorruptionTests {
    static var allCases: [SigningCase] {
        (Tools.ldnsAvailable ? SigningCase.cases(for: .ldns) : []) + (Tools.bindAvailable ? SigningCase.cases(for: .bind) : [])
    }

    /// The two-record A RRset at Host.Example., its RRSIG and the ZSK.
    static func hostA(_ signingCase: SigningCase) throws -> (rrsig: Record, rrset: RRset, key: Record, zone: SignedData) {
        let zone = try SignedZoneFixture.shared.zone(signingCase).data
        let host = try DNSName("host.example.")
        let entry = try #require(try zone.signedSets().first { $0.rrset.owner == host && $0.rrset.type == .a })
        #expect(entry.rrset.rdatas.count == 2)
        return (entry.rrsig, entry.rrset, entry.key, zone)
    }

    @Test("single-byte and field corruptions give the right outcome",
          .enabled(if: Tools.ldnsAvailable || Tools.bindAvailable, "neither ldnsutils nor bind9-utils is installed"),
          arguments: allCases)
    func corruptions(signingCase: SigningCase) throws {
        let (rrsig, rrset, key, zone) = try Self.hostA(signingCase)
        let time = now()
        let sig = try RRSIGData(rdata: rrsig.rdata)
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: time) == .valid)

        // A flipped bit anywhere in the signature.
        for position in [0, sig.signature.count / 2, sig.signature.count - 1] {
            var bytes = sig.signature
            bytes[position] ^= 0x01
            var bad = rrsig
            bad.rdata = RDATABuilder.rrsig(sig, signature: bytes)
            #expect(SignatureVerifier.verify(bad, covering: rrset, with: key, at: time) == .signatureInvalid,
                    "\(signingCase): signature byte \(position)")
        }
        // A truncated signature: RSA signatures just fail; ECDSA and EdDSA ones have a
        // fixed size (RFC 6605 §4, RFC 8080 §4), so a wrong size is a malformed RRSIG.
        for cut in [1, sig.signature.count / 2] {
            var short = rrsig
            short.rdata = RDATABuilder.rrsig(sig, signature: Array(sig.signature.dropLast(cut)))
            let outcome = SignatureVerifier.verify(short, covering: rrset, with: key, at: time)
            if signingCase.algorithm >= 13 {
                if case .malformedSignature = outcome {} else { Issue.record("\(signingCase): short signature gave \(outcome)") }
            } else {
                #expect(outcome == .signatureInvalid, "\(signingCase): short signature")
            }
        }

        // Changed RDATA of a signed record, an extra record, a missing record.
        var changed = rrset
        changed.rdatas[0][3] ^= 0x80
        #expect(SignatureVerifier.verify(rrsig, covering: changed, with: key, at: time) == .signatureInvalid)
        var extra = rrset
        extra.rdatas.append([192, 0, 2, 200])
        #expect(SignatureVerifier.verify(rrsig, covering: extra, with: key, at: time) == .signatureInvalid)
        var missing = rrset
        missing.rdatas.removeLast()
        #expect(SignatureVerifier.verify(rrsig, covering: missing, with: key, at: time) == .signatureInvalid)
        // Record order and owner case do not matter (canonical form, RFC 4034 §6).
        var reordered = rrset
        reordered.rdatas.reverse()
        reordered.owner = try DNSName("hOsT.eXaMpLe.")
        #expect(SignatureVerifier.verify(rrsig, covering: reordered, with: key, at: time) == .valid)

        // Another owner name with the same label count: the signed data differs.
        var renamed = rrset
        renamed.owner = try DNSName("hosx.example.")
        #expect(SignatureVerifier.verify(rrsig, covering: renamed, with: key, at: time) == .signatureInvalid)
        // An owner with fewer labels than the RRSIG's labels field.
        renamed.owner = try DNSName("example.")
        #expect(SignatureVerifier.verify(rrsig, covering: renamed, with: key, at: time).isRRsetMismatch)
        // Another type.
        let aaaa = try #require(zone.rrset(owner: try DNSName("mail.example."), type: .aaaa))
        #expect(SignatureVerifier.verify(rrsig, covering: aaaa, with: key, at: time).isRRsetMismatch)

        // RFC 4035 §5.3.3: the validator rebuilds the signed data with the RRSIG's
        // Original TTL, so a TTL above (or below) it as received still verifies;
        // the TTL is then capped, not treated as bogus.
        var longer = rrset
        longer.ttl = sig.originalTTL + 86_400
        #expect(SignatureVerifier.verify(rrsig, covering: longer, with: key, at: time) == .valid)
        var shorter = rrset
        shorter.ttl = 1
        #expect(SignatureVerifier.verify(rrsig, covering: shorter, with: key, at: time) == .valid)
        // The Original TTL field itself is signed.
        var ttlField = rrsig
        ttlField.rdata[4] ^= 0x01
        #expect(SignatureVerifier.verify(ttlField, covering: rrset, with: key, at: time) == .signatureInvalid)

        // Key material with one flipped byte: the key tag changes first…
        var tampered = key
        tampered.rdata[tampered.rdata.count - 2] ^= 0x01
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: tampered, at: time).isKeyTagMismatch)
        // …and with the RRSIG's tag set to match, the signature fails (or the key is unusable).
        var retagged = rrsig
        retagged.rdata = RDATABuilder.rrsig(sig, keyTag: LDNSCrypto.keyTag(dnskeyRDATA: tampered.rdata))
        let tamperedOutcome = SignatureVerifier.verify(retagged, covering: rrset, with: tampered, at: time)
        #expect(tamperedOutcome == .signatureInvalid || tamperedOutcome.isMalformedKey, "\(signingCase): \(tamperedOutcome)")

        // Wrong key tag in the RRSIG.
        var wrongTag = rrsig
        wrongTag.rdata = RDATABuilder.rrsig(sig, keyTag: sig.keyTag &+ 1)
        #expect(SignatureVerifier.verify(wrongTag, covering: rrset, with: key, at: time)
                == .keyTagMismatch(rrsig: sig.keyTag &+ 1, key: sig.keyTag))

        // The other key of the zone (the KSK), with the tag made to match: bogus.
        let ksk = try #require(zone.keys.first { $0.rdata != key.rdata })
        var kskTagged = rrsig
        kskTagged.rdata = RDATABuilder.rrsig(sig, keyTag: LDNSCrypto.keyTag(dnskeyRDATA: ksk.rdata))
        #expect(SignatureVerifier.verify(kskTagged, covering: rrset, with: ksk, at: time) == .signatureInvalid)

        // Algorithm mismatch: the RRSIG claims another algorithm than the key.
        let otherAlgorithm: UInt8 = signingCase.algorithm == 13 ? 8 : 13
        var otherAlg = rrsig
        otherAlg.rdata = RDATABuilder.rrsig(sig, algorithm: otherAlgorithm)
        #expect(SignatureVerifier.verify(otherAlg, covering: rrset, with: key, at: time)
                == .algorithmMismatch(rrsig: DNSSECAlgorithm(otherAlgorithm), key: DNSSECAlgorithm(signingCase.algorithm)))

        // Signer mismatch: the key lives elsewhere, or the RRSIG names another signer.
        var elsewhere = key
        elsewhere.owner = try DNSName("other.example.")
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: elsewhere, at: time).isSignerMismatch)
        var otherSigner = rrsig
        otherSigner.rdata = RDATABuilder.rrsig(sig, signer: try DNSName("sub.example."))
        #expect(SignatureVerifier.verify(otherSigner, covering: rrset, with: key, at: time)
                == .signerMismatch(signer: try DNSName("sub.example."), keyOwner: key.owner))
        // The signer name compares case-insensitively.
        var upperSigner = rrsig
        upperSigner.rdata = RDATABuilder.rrsig(sig, signer: try DNSName("EXAMPLE."))
        #expect(SignatureVerifier.verify(upperSigner, covering: rrset, with: key, at: time) == .valid)

        // A key without the ZONE flag (tag made to match) must not be used.
        var noZone = key
        noZone.rdata[0] &= 0xFE // flags high byte: clear bit 7 (0x0100)
        #expect(!(try DNSKEYData(rdata: noZone.rdata)).isZoneKey)
        var noZoneSig = rrsig
        noZoneSig.rdata = RDATABuilder.rrsig(sig, keyTag: LDNSCrypto.keyTag(dnskeyRDATA: noZone.rdata))
        #expect(SignatureVerifier.verify(noZoneSig, covering: rrset, with: noZone, at: time).isMalformedKey)
        // A protocol field other than 3.
        var badProtocol = key
        badProtocol.rdata[2] = 2
        var badProtocolSig = rrsig
        badProtocolSig.rdata = RDATABuilder.rrsig(sig, keyTag: LDNSCrypto.keyTag(dnskeyRDATA: badProtocol.rdata))
        #expect(SignatureVerifier.verify(badProtocolSig, covering: rrset, with: badProtocol, at: time).isMalformedKey)
        // Truncated RDATA: malformed RRSIG / key.
        var truncatedSig = rrsig
        truncatedSig.rdata = Array(rrsig.rdata.prefix(10))
        if case .malformedSignature = SignatureVerifier.verify(truncatedSig, covering: rrset, with: key, at: time) {} else {
            Issue.record("a 10-byte RRSIG must be reported as malformed")
        }
        var truncatedKey = key
        truncatedKey.rdata = Array(key.rdata.prefix(3))
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: truncatedKey, at: time).isMalformedKey)

        // The validity window: before inception and after expiration.
        let inception = SerialTime.absolute(sig.inception, near: time)
        let expiration = SerialTime.absolute(sig.expiration, near: time)
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: expiration + 10) == .expired(secondsAgo: 10))
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: inception - 10) == .notYetValid(secondsUntilInception: 10))
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: inception) == .valid)
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: expiration) == .valid)
    }

    @Test("algorithms dnssec-check does not validate are reported as unsupported", arguments: [
        UInt8(1), 3, 6, 12, 200, 253, 254,
    ])
    func unsupportedAlgorithms(algorithm: UInt8) throws {
        let owner = try DNSName("example.")
        let keyRDATA: [UInt8] = [0x01, 0x01, 0x03, algorithm] + (0..<64).map { UInt8($0) }
        let key = Record(owner: owner, type: .dnskey, ttl: 3600, rdata: keyRDATA)
        let rrset = RRset(owner: try DNSName("www.example."), type: .a, ttl: 3600, rdatas: [[192, 0, 2, 1]])
        let time: Int64 = 1_700_000_000
        let rdata = RDATABuilder.rrsig(typeCovered: .a, algorithm: algorithm, labels: 2, originalTTL: 3600,
                                       expiration: UInt32(time + 86400), inception: UInt32(time - 86400),
                                       keyTag: LDNSCrypto.keyTag(dnskeyRDATA: keyRDATA), signer: owner,
                                       signature: [UInt8](repeating: 0x5A, count: 64))
        let rrsig = Record(owner: rrset.owner, type: .rrsig, ttl: 3600, rdata: rdata)
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: time)
                == .unsupportedAlgorithm(DNSSECAlgorithm(algorithm)))
        #expect(!SignatureVerifier.supportedAlgorithms.contains(DNSSECAlgorithm(algorithm)))
    }

    @Test("garbage key material for a supported algorithm is not a crash", arguments: [UInt8(8), 13, 14, 15, 16])
    func garbageKeys(algorithm: UInt8) throws {
        let owner = try DNSName("example.")
        let rrset = RRset(owner: try DNSName("www.example."), type: .a, ttl: 3600, rdatas: [[192, 0, 2, 1]])
        let time: Int64 = 1_700_000_000
        for keyBytes in [[], [0x00], [0x00, 0x00, 0x00], [UInt8](repeating: 0xFF, count: 7), [UInt8](repeating: 0x01, count: 200)] as [[UInt8]] {
            let keyRDATA: [UInt8] = [0x01, 0x01, 0x03, algorithm] + keyBytes
            let key = Record(owner: owner, type: .dnskey, ttl: 3600, rdata: keyRDATA)
            let signatureLength = [14: 96, 16: 114][Int(algorithm)] ?? 64
            let rdata = RDATABuilder.rrsig(typeCovered: .a, algorithm: algorithm, labels: 2, originalTTL: 3600,
                                           expiration: UInt32(time + 86400), inception: UInt32(time - 86400),
                                           keyTag: LDNSCrypto.keyTag(dnskeyRDATA: keyRDATA), signer: owner,
                                           signature: [UInt8](repeating: 0x5A, count: signatureLength))
            let rrsig = Record(owner: rrset.owner, type: .rrsig, ttl: 3600, rdata: rdata)
            let outcome = SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: time)
            #expect(outcome == .signatureInvalid || outcome.isMalformedKey, "\(algorithm) \(keyBytes.count) bytes: \(outcome)")
        }
    }
}

@Suite("Authenticated denial in the signed zones")
struct SignedDenialTests {
    static var nsec3Cases: [SigningCase] { CorruptionTests.allCases.filter(\.nsec3) }
    static var nsecCases: [SigningCase] { CorruptionTests.allCases.filter { !$0.nsec3 } }

    @Test("NSEC3 owner hashes are the hashes of the zone's names, and spans cover the rest",
          .enabled(if: Tools.ldnsAvailable || Tools.bindAvailable, "neither ldnsutils nor bind9-utils is installed"),
          arguments: nsec3Cases)
    func nsec3(signingCase: SigningCase) throws {
        let zone = try SignedZoneFixture.shared.zone(signingCase).data
        let param = try NSEC3PARAMData(rdata: try #require(zone.records.first { $0.type == .nsec3param }).rdata)
        let salt = try #require(Encodings.fromHex(TestZone.nsec3Salt))
        #expect(param.salt == salt)
        #expect(Int(param.iterations) == TestZone.nsec3Iterations)
        var spans: [(owner: [UInt8], next: [UInt8])] = []
        for record in zone.records where record.type == .nsec3 {
            let data = try NSEC3Data(rdata: record.rdata)
            #expect(data.salt == salt && Int(data.iterations) == TestZone.nsec3Iterations)
            #expect(record.owner.parent == TestZone.origin)
            spans.append((try #require(Denial.nsec3OwnerHash(record.owner)), data.nextHashedOwner))
        }
        // Existing names and empty non-terminals, not the glue below the delegation.
        let names = TestZone.authoritativeNames + TestZone.emptyNonTerminals
        let expected = Set(try names.map { try Denial.nsec3Hash($0, iterations: param.iterations, salt: param.salt) })
        #expect(Set(spans.map(\.owner)) == expected, "\(signingCase)")
        #expect(spans.count == expected.count)
        for name in names {
            let hash = try Denial.nsec3Hash(name, iterations: param.iterations, salt: param.salt)
            #expect(spans.filter { Denial.nsec3Matches(ownerHash: $0.owner, hash: hash) }.count == 1)
            #expect(spans.filter { Denial.nsec3Covers(ownerHash: $0.owner, nextHash: $0.next, hash: hash) }.isEmpty)
        }
        // Closed chain in hash order, the last span wrapping to the first.
        let sorted = spans.sorted { $0.owner.lexicographicallyPrecedes($1.owner) }
        for (index, span) in sorted.enumerated() {
            #expect(span.next == sorted[(index + 1) % sorted.count].owner)
        }
        let last = try #require(sorted.last)
        #expect(Denial.nsec3Covers(ownerHash: last.owner, nextHash: last.next, hash: [UInt8](repeating: 0xFF, count: 20)))
        #expect(Denial.nsec3Covers(ownerHash: last.owner, nextHash: last.next, hash: [UInt8](repeating: 0x00, count: 20)))
        #expect(!Denial.nsec3Covers(ownerHash: sorted[0].owner, nextHash: sorted[0].next, hash: [UInt8](repeating: 0xFF, count: 20)))
        // Names that do not exist are covered by exactly one span.
        for name in TestZone.nonexistent {
            let hash = try Denial.nsec3Hash(name, iterations: param.iterations, salt: param.salt)
            #expect(spans.filter { Denial.nsec3Covers(ownerHash: $0.owner, nextHash: $0.next, hash: hash) }.count == 1, "\(name)")
        }
    }

    @Test("NSEC owners are the zone's names, chained in canonical order, wrapping at the end",
          .enabled(if: Tools.ldnsAvailable || Tools.bindAvailable, "neither ldnsutils nor bind9-utils is installed"),
          arguments: nsecCases)
    func nsec(signingCase: SigningCase) throws {
        let zone = try SignedZoneFixture.shared.zone(signingCase).data
        let nsecs = try zone.records.filter { $0.type == .nsec }.map { ($0.owner, try NSECData(rdata: $0.rdata)) }
        #expect(Set(nsecs.map(\.0)) == Set(TestZone.authoritativeNames), "\(signingCase)")
        let sorted = nsecs.sorted { $0.0 < $1.0 }
        for (index, (owner, data)) in sorted.enumerated() {
            #expect(data.nextDomainName == sorted[(index + 1) % sorted.count].0, "\(owner)")
        }
        // The delegation's NSEC lists NS DS RRSIG NSEC only.
        let sub = try #require(nsecs.first { $0.0 == (try! DNSName("sub.example.")) })
        #expect(Set(sub.1.types) == [.ns, .ds, .rrsig, .nsec])
        let apex = try #require(nsecs.first { $0.0 == TestZone.origin })
        #expect(Set(apex.1.types).isSuperset(of: [.soa, .ns, .mx, .txt, .dnskey, .rrsig, .nsec]))
        for name in TestZone.authoritativeNames {
            #expect(nsecs.filter { Denial.nsecMatches(owner: $0.0, name: name) }.count == 1)
            #expect(nsecs.filter { Denial.nsecCovers(owner: $0.0, next: $0.1.nextDomainName, name: name) }.isEmpty)
        }
        // Missing names and empty non-terminals are covered by exactly one NSEC.
        for name in TestZone.nonexistent + TestZone.emptyNonTerminals {
            #expect(nsecs.filter { Denial.nsecCovers(owner: $0.0, next: $0.1.nextDomainName, name: name) }.count == 1, "\(name)")
        }
        // After the last name in canonical order: the wrap-around NSEC.
        let last = try #require(sorted.last)
        #expect(last.1.nextDomainName == TestZone.origin)
        #expect(Denial.nsecCovers(owner: last.0, next: last.1.nextDomainName, name: try DNSName("zzzzzz.Example.")))
        #expect(!Denial.nsecCovers(owner: last.0, next: last.1.nextDomainName, name: TestZone.origin))
    }
}
