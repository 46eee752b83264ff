import DNSModel
import DNSSEC
import Foundation
import LDNSBridge
import Testing

/// A published RRSIG example: where it is, and a time inside its validity window.
struct SignatureExample: Sendable, CustomTestStringConvertible {
    let file: String
    let section: String
    /// Key tags of the RRSIGs expected in the section.
    let keyTags: [UInt16]
    let inception: Int64
    let expiration: Int64
    var testDescription: String { "\(file) \(section)" }

    var reference: Int64 { inception + (expiration - inception) / 2 }

    func data() throws -> SignedData {
        let all = try Vectors.text(file)
        var text = try Vectors.section(all, after: Vectors.marker(file, section), before: "; --------")
        var records: [Record]
        if file == "rfc8080" {
            // The RRSIGs as published are broken (Errata ID 4935): use the corrected ones.
            records = try Vectors.records(in: text, types: [.dnskey, .mx])
            text = try Vectors.section(all, after: "-------- RFC 8080 Errata ID 4935")
            records += try Vectors.records(in: text, types: [.rrsig]).filter {
                (try? RRSIGData(rdata: $0.rdata)).map { keyTags.contains($0.keyTag) } ?? false
            }
        } else {
            records = try Vectors.records(in: text, types: [.dnskey, .a, .mx, .rrsig])
        }
        return SignedData(records: records)
    }
}

@Suite("RFC vectors: signature verification")
struct RFCSignatureTests {
    static let examples: [SignatureExample] = [
        SignatureExample(file: "rfc5702", section: "Section 6.1", keyTags: [9033],
                         inception: Vectors.time("20000101000000"), expiration: Vectors.time("20300101000000")),
        SignatureExample(file: "rfc5702", section: "Section 6.2", keyTags: [3740],
                         inception: Vectors.time("20000101000000"), expiration: Vectors.time("20300101000000")),
        SignatureExample(file: "rfc6605", section: "Section 6.1", keyTags: [55648],
                         inception: Vectors.time("20100812100439"), expiration: Vectors.time("20100909100439")),
        SignatureExample(file: "rfc6605", section: "Section 6.2", keyTags: [10771],
                         inception: Vectors.time("20100812102025"), expiration: Vectors.time("20100909102025")),
        SignatureExample(file: "rfc8080", section: "Section 6.1", keyTags: [3613, 35217],
                         inception: 1_438_207_200, expiration: 1_440_021_600),
        SignatureExample(file: "rfc8080", section: "Section 6.2", keyTags: [9713, 38353],
                         inception: 1_438_207_200, expiration: 1_440_021_600),
    ]

    @Test("each published RRSIG is valid inside its window, expired after, not yet valid before",
          arguments: examples)
    func publishedExamples(example: SignatureExample) throws {
        let data = try example.data()
        let signed = try data.signedSets()
        let tags = try signed.map { try RRSIGData(rdata: $0.rrsig.rdata).keyTag }
        #expect(tags == example.keyTags)
        for (rrsig, rrset, key) in signed {
            let tag = try RRSIGData(rdata: rrsig.rdata).keyTag
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.reference) == .valid,
                    "\(example.testDescription) key \(tag)")
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.inception) == .valid)
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.expiration) == .valid)
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.expiration + 1)
                    == .expired(secondsAgo: 1))
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.expiration + 86400 * 30).isExpired)
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.inception - 1)
                    == .notYetValid(secondsUntilInception: 1))
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.inception - 86400 * 365).isNotYetValid)
        }
    }

    @Test("RFC 8080 as published (before Errata 4935) does not verify")
    func rfc8080PublishedSignaturesAreBroken() throws {
        // Published: "RRSIG MX 3 3600 (1440021600 …" has no algorithm field. Rebuild what the
        // authors meant (algorithm 15/16, labels 2) with the published signature bytes: bogus.
        let text = try Vectors.section(try Vectors.text("rfc8080"), after: Vectors.marker("rfc8080", "Section 6.1"), before: "; --------")
        let key = try #require(try Vectors.records(in: text, types: [.dnskey]).first)
        let mx = try #require(try Vectors.records(in: text, types: [.mx]).first)
        let published = try #require(Data(base64Encoded: "Edk+IB9KNNWg0HAjm7FazXyrd5m3Rk8zNZbvNpAcM+eysqcUOMIjWoevFkjH5GaMWeG96GUVZu6ECKOQmemHDg=="))
        let rdata = RDATABuilder.rrsig(typeCovered: .mx, algorithm: 15, labels: 2, originalTTL: 3600,
                                       expiration: 1_440_021_600, inception: 1_438_207_200, keyTag: 3613,
                                       signer: key.owner, signature: [UInt8](published))
        let rrsig = Record(owner: mx.owner, type: .rrsig, ttl: 3600, rdata: rdata)
        let rrset = RRset(owner: mx.owner, type: .mx, ttl: 3600, rdatas: [mx.rdata])
        #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: 1_439_000_000) == .signatureInvalid)
    }

    static let rfc4035Window = (inception: Vectors.time("20040409183619"), expiration: Vectors.time("20040509183619"))

    @Test("RFC 4035 Appendix A: every RRSIG in the signed zone verifies with the zone's keys")
    func rfc4035Zone() throws {
        let zone = try ExampleZones.zone("rfc4035")
        let signed = try zone.signedSets()
        // SOA NS MX NSEC DNSKEY×2 | a: DS NSEC | ai: A HINFO AAAA NSEC | b: NSEC | ns1: A NSEC |
        // ns2: A NSEC | *.w: MX NSEC | x.w: MX NSEC | x.y.w: MX NSEC | xx: A HINFO AAAA NSEC
        #expect(signed.count == 27)
        let window = Self.rfc4035Window
        let reference = Vectors.time("20040420000000")
        for (rrsig, rrset, key) in signed {
            let sig = try RRSIGData(rdata: rrsig.rdata)
            let label = "\(rrset.owner) \(rrset.type) key \(sig.keyTag)"
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: reference) == .valid, "\(label)")
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: window.expiration + 3600)
                    == .expired(secondsAgo: 3600), "\(label)")
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: window.inception - 3600)
                    == .notYetValid(secondsUntilInception: 3600), "\(label)")
        }
        // The DNSKEY RRset is signed by both keys, everything else by the ZSK 38519.
        let dnskeySigners = try signed.filter { $0.rrset.type == .dnskey }.map { try RRSIGData(rdata: $0.rrsig.rdata).keyTag }
        #expect(Set(dnskeySigners) == [9465, 38519])
        // The KSK does not validate what the ZSK signed.
        let soa = try #require(signed.first { $0.rrset.type == .soa })
        let ksk = try #require(zone.key(tag: 9465, owner: try DNSName("example.")))
        #expect(SignatureVerifier.verify(soa.rrsig, covering: soa.rrset, with: ksk, at: reference) == .keyTagMismatch(rrsig: 38519, key: 9465))
    }

    /// The zone verifier's path (a key prepared once, its own verification
    /// context and digest) must say what ldns's own verification says.
    @Test("RFC 6605: a prepared P-256/P-384 key verifies the published RRSIGs and rejects a changed RRset or signature",
          arguments: examples.filter { $0.file == "rfc6605" })
    func preparedKeyAgreesWithLDNS(example: SignatureExample) throws {
        for (rrsig, rrset, key) in try example.data().signedSets() {
            let prepared = try #require(LDNSCrypto.PreparedKey(dnskey: try DNSKEYData(rdata: key.rdata)))
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.reference, prepared: prepared) == .valid)
            // Twice with the same key: the context is reused.
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.reference, prepared: prepared) == .valid)
            var changed = rrset
            changed.rdatas[0][changed.rdatas[0].count - 1] ^= 1
            #expect(SignatureVerifier.verify(rrsig, covering: changed, with: key, at: example.reference, prepared: prepared) == .signatureInvalid)
            #expect(SignatureVerifier.verify(rrsig, covering: changed, with: key, at: example.reference) == .signatureInvalid)
            var tampered = rrsig
            tampered.rdata[tampered.rdata.count - 1] ^= 1
            #expect(SignatureVerifier.verify(tampered, covering: rrset, with: key, at: example.reference, prepared: prepared) == .signatureInvalid)
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: example.reference, prepared: prepared) == .valid)
        }
    }

    /// RFC 4035 Appendix B.6: the wildcard *.w.example MX expanded to a.z.w.example.
    @Test("RFC 4035 B.6: a wildcard-expanded answer verifies with the wildcard's RRSIG")
    func wildcardExpansion() throws {
        let zone = try ExampleZones.zone("rfc4035")
        let wildcard = try DNSName("*.w.example.")
        let expanded = try DNSName("a.z.w.example.")
        let rrsig = try #require(zone.rrsigs.first {
            $0.owner == wildcard && (try? RRSIGData(rdata: $0.rdata).typeCovered) == .mx
        })
        let rrset = try #require(zone.rrset(owner: wildcard, type: .mx))
        let key = try #require(zone.key(tag: 38519, owner: try DNSName("example.")))
        let reference = Vectors.time("20040420000000")
        var answer = rrset
        answer.owner = expanded
        var answerSig = rrsig
        answerSig.owner = expanded
        #expect(try RRSIGData(rdata: rrsig.rdata).labels == 2)
        #expect(SignatureVerifier.verify(answerSig, covering: answer, with: key, at: reference) == .valid)
        // Deeper expansions verify too; a name outside *.w does not.
        answer.owner = try DNSName("b.a.z.w.example.")
        #expect(SignatureVerifier.verify(answerSig, covering: answer, with: key, at: reference) == .valid)
        answer.owner = try DNSName("a.z.v.example.")
        #expect(SignatureVerifier.verify(answerSig, covering: answer, with: key, at: reference) == .signatureInvalid)
        // Labels field larger than the owner's label count: mismatch before any crypto.
        answer.owner = try DNSName("example.")
        #expect(SignatureVerifier.verify(answerSig, covering: answer, with: key, at: reference).isRRsetMismatch)
    }

    @Test("RFC 5155 Appendix A: every RRSIG in the NSEC3-signed zone verifies (RSASHA1-NSEC3-SHA1)")
    func rfc5155Zone() throws {
        let zone = try ExampleZones.zone("rfc5155")
        let signed = try zone.signedSets()
        #expect(signed.count >= 25)
        let reference = Vectors.time("20100101000000")
        var failures: [String] = []
        for (rrsig, rrset, key) in signed {
            let outcome = SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: reference)
            if outcome != .valid { failures.append("\(rrset.owner) \(rrset.type): \(outcome)") }
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: Vectors.time("20150421000000")).isExpired)
            #expect(SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: Vectors.time("20051020000000")).isNotYetValid)
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
