import DNSModel
import DNSSEC
@testable import LDNSBridge
import Testing

/// The record-by-record signed form (LDNSCrypto.checkLargeSignature), which
/// takes over past 60 KB because ldns 1.8.3 corrupts signed forms over 64 KB,
/// gives the same verdicts as ldns's own path on every published example:
/// RSA, ECDSA, Ed25519/Ed448, NSEC3 zones and a wildcard expansion.
@Suite("Signatures of any size")
struct LargeRRsetSignatureTests {
    static func everySignedSet() throws -> [(rrsig: Record, rrset: RRset, key: Record)] {
        try RFCSignatureTests.examples.flatMap { try $0.data().signedSets() }
            + ExampleZones.zone("rfc4035").signedSets()
            + ExampleZones.zone("rfc5155").signedSets()
    }

    @Test func theRecordByRecordFormVerifiesWhatLDNSVerifies() throws {
        let sets = try Self.everySignedSet()
        #expect(sets.count > 40)
        for (rrsig, rrset, key) in sets {
            #expect(LDNSCrypto.checkSignature(rrset: rrset.records, rrsig: rrsig, key: key) == .valid)
            #expect(LDNSCrypto.checkLargeSignature(rrset: rrset.records, rrsig: rrsig, key: key) == .valid,
                    "\(rrset.owner) \(rrset.type)")
            // One changed byte in the data: both paths say so.
            var changed = rrset.records
            changed[0].rdata[changed[0].rdata.count - 1] ^= 0x01
            #expect(LDNSCrypto.checkLargeSignature(rrset: changed, rrsig: rrsig, key: key) != .valid,
                    "\(rrset.owner) \(rrset.type) with a byte changed")
        }
    }

    @Test func aWildcardExpansionUsesTheWildcardOwner() throws {
        let zone = try ExampleZones.zone("rfc4035")
        let wildcard = try DNSName("*.w.example.")
        let rrsig = try #require(zone.rrsigs.first { $0.owner == wildcard && (try? RRSIGData(rdata: $0.rdata).typeCovered) == .mx })
        var answer = try #require(zone.rrset(owner: wildcard, type: .mx))
        answer.owner = try DNSName("a.z.w.example.")
        let key = try #require(zone.key(tag: 38519, owner: try DNSName("example.")))
        let expanded = answer.records
        #expect(LDNSCrypto.checkLargeSignature(rrset: expanded, rrsig: rrsig, key: key) == .valid)
    }
}
