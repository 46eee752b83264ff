import Foundation
import Testing
@testable import DNSModel

@Suite("Open registries: RR type, class, algorithm, digest type")
struct RegistryTypeTests {
    @Test("every known RR type mnemonic round trips")
    func knownTypes() {
        for (value, mnemonic) in RRType.mnemonics {
            #expect(RRType(value).description == mnemonic)
            #expect(RRType(mnemonic: mnemonic) == RRType(value))
            #expect(RRType(mnemonic: mnemonic.lowercased()) == RRType(value))
        }
        #expect(RRType(mnemonic: "dnskey") == .dnskey)
        #expect(RRType.dnskey.rawValue == 48)
        #expect(RRType.nsec3.description == "NSEC3")
    }

    @Test("unknown RR types use the RFC 3597 generic form", arguments: [
        (UInt16(65280), "TYPE65280"), (1234, "TYPE1234"), (0, "TYPE0"), (65535, "TYPE65535"),
    ])
    func unknownTypes(value: UInt16, text: String) throws {
        #expect(RRType(value).description == text)
        #expect(RRType(mnemonic: text) == RRType(value))
        #expect(RRType(mnemonic: text.lowercased()) == RRType(value))
        let json = try JSONEncoder().encode([RRType(value)])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(text)\"]")
        #expect(try JSONDecoder().decode([RRType].self, from: json) == [RRType(value)])
    }

    @Test("generic form of a known type is accepted")
    func genericKnown() {
        #expect(RRType(mnemonic: "TYPE1") == .a)
        #expect(RRType(mnemonic: "TYPE48")?.description == "DNSKEY")
    }

    @Test("nonsense type mnemonics are rejected", arguments: ["", "FOO", "TYPE", "TYPE65536", "TYPE-1", "TYPEx"])
    func badTypes(text: String) {
        #expect(RRType(mnemonic: text) == nil)
    }

    @Test("unknown type in JSON is a decoding error")
    func badTypeJSON() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([RRType].self, from: Data(#"["FOO"]"#.utf8)) }
    }

    @Test("classes", arguments: [
        (UInt16(1), "IN"), (3, "CH"), (4, "HS"), (255, "ANY"), (42, "CLASS42"), (65535, "CLASS65535"),
    ])
    func classes(value: UInt16, text: String) {
        #expect(RRClass(value).description == text)
        #expect(RRClass(mnemonic: text) == RRClass(value))
        #expect(RRClass(mnemonic: text.lowercased()) == RRClass(value))
    }

    @Test("bad classes", arguments: ["", "INX", "CLASS", "CLASS70000"])
    func badClasses(text: String) {
        #expect(RRClass(mnemonic: text) == nil)
    }

    @Test("algorithms print their IANA mnemonic or the bare number", arguments: [
        (UInt8(5), "RSASHA1"), (7, "RSASHA1-NSEC3-SHA1"), (8, "RSASHA256"), (10, "RSASHA512"),
        (13, "ECDSAP256SHA256"), (14, "ECDSAP384SHA384"), (15, "ED25519"), (16, "ED448"),
        (200, "200"), (0, "0"), (17, "SM2SM3"), (23, "ECC-GOST12"), (255, "255"),
    ])
    func algorithms(value: UInt8, text: String) throws {
        let algorithm = DNSSECAlgorithm(value)
        #expect(algorithm.mnemonic == text)
        #expect(algorithm.description == text)
        #expect(DNSSECAlgorithm(rawValue: value) == algorithm)
        let json = try JSONEncoder().encode([algorithm])
        #expect(String(decoding: json, as: UTF8.self) == "[\(value)]")
        #expect(try JSONDecoder().decode([DNSSECAlgorithm].self, from: json) == [algorithm])
    }

    @Test("RSA algorithms are flagged as RSA")
    func rsaFlag() {
        #expect([1, 5, 7, 8, 10].allSatisfy { DNSSECAlgorithm(UInt8($0)).isRSA })
        #expect(![3, 6, 12, 13, 14, 15, 16, 200].contains { DNSSECAlgorithm(UInt8($0)).isRSA })
        #expect(DNSSECAlgorithm.rsasha256 < .ecdsaP256SHA256)
    }

    @Test("digest types", arguments: [
        (UInt8(1), "SHA-1", Optional(20)), (2, "SHA-256", 32), (3, "GOST R 34.11-94", 32),
        (4, "SHA-384", 48), (0, "0", nil), (9, "9", nil), (200, "200", nil),
    ])
    func digestTypes(value: UInt8, text: String, length: Int?) throws {
        let type = DigestType(value)
        #expect(type.mnemonic == text)
        #expect(type.digestLength == length)
        let json = try JSONEncoder().encode([type])
        #expect(try JSONDecoder().decode([DigestType].self, from: json) == [type])
    }

    @Test("rcodes and header flags print as dig does")
    func rcodesAndFlags() {
        #expect(RCode.badVers.rawValue == 16)
        #expect(RCode.badVers.description == "BADVERS")
        #expect(RCode(3).description == "NXDOMAIN")
        #expect(RCode(4000).description == "RCODE4000")
        let flags: HeaderFlags = [.qr, .aa, .rd, .ad]
        #expect(flags.description == "qr aa rd ad")
        #expect(HeaderFlags().description == "")
        #expect(ExtendedDNSError(infoCode: 6, extraText: "").description == "6 (DNSSEC Bogus)")
        #expect(ExtendedDNSError(infoCode: 7, extraText: "x").description == "7 (Signature Expired): x")
        #expect(ExtendedDNSError(infoCode: 999, extraText: "").name == "EDE 999")
    }

    /// The IANA registries' classes (issue 14: reserved, unassigned, private
    /// and "may not sign a zone" are distinct conditions, as in Zonemaster's
    /// DNSSEC01 and DNSSEC05).
    @Test func registryClassesOfAlgorithmsAndDigestTypes() {
        let algorithms: [(UInt8, DNSSECAlgorithm.RegistryClass)] = [
            (0, .notForZoneSigning), (2, .notForZoneSigning), (252, .notForZoneSigning),
            (4, .reserved), (9, .reserved), (11, .reserved), (123, .reserved), (251, .reserved), (255, .reserved),
            (18, .unassigned), (22, .unassigned), (24, .unassigned), (122, .unassigned),
            (253, .privateUse), (254, .privateUse),
            (1, .zoneSigning), (8, .zoneSigning), (13, .zoneSigning), (17, .zoneSigning), (23, .zoneSigning),
        ]
        for (value, expected) in algorithms { #expect(DNSSECAlgorithm(value).registryClass == expected, "algorithm \(value)") }
        let digests: [(UInt8, DigestType.RegistryClass)] = [
            (0, .zero), (1, .assigned), (2, .assigned), (4, .assigned), (5, .assigned), (6, .assigned),
            (7, .unassigned), (127, .unassigned), (255, .unassigned), (128, .reserved), (252, .reserved),
            (253, .privateUse), (254, .privateUse),
        ]
        for (value, expected) in digests { #expect(DigestType(value).registryClass == expected, "digest type \(value)") }
        #expect(DigestType(5).mnemonic == "GOST R 34.11-2012")
        #expect(DigestType(6).mnemonic == "SM3")
    }
}
