import Foundation
import Testing
@testable import DNSModel
import DNSSECTestSupport

@Suite("Typed RDATA views")
struct RDataTests {
    /// RFC 4034 §4.3: the RDATA of `alfa.example.com. NSEC host.example.com. A MX RRSIG NSEC TYPE1234`.
    static let rfc4034NSECWire: [UInt8] =
        [0x04] + Array("host".utf8) + [0x07] + Array("example".utf8) + [0x03] + Array("com".utf8) + [0x00]
        + [0x00, 0x06, 0x40, 0x01, 0x00, 0x00, 0x00, 0x03,
           0x04, 0x1B, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x00, 0x00, 0x20]

    @Test("NSEC type bitmap: RFC 4034 §4.3 wire example")
    func nsecBitmap() throws {
        let nsec = try NSECData(rdata: Self.rfc4034NSECWire)
        #expect(nsec.nextDomainName == (try DNSName("host.example.com.")))
        #expect(nsec.types == [.a, .mx, .rrsig, .nsec, RRType(1234)])
        #expect(nsec.types.map(\.description) == ["A", "MX", "RRSIG", "NSEC", "TYPE1234"])
    }

    @Test("NSEC RDATA truncated anywhere is rejected or loses no type silently")
    func nsecTruncated() {
        let wire = Self.rfc4034NSECWire
        for length in 0..<wire.count {
            let prefix = Array(wire.prefix(length))
            // Cutting exactly after a complete window is well-formed (fewer types);
            // the only such cut points are the end of the name and the end of window 0.
            let nameEnd = 18
            let window0End = nameEnd + 2 + 6
            if length == nameEnd || length == window0End {
                #expect(throws: Never.self) { try NSECData(rdata: prefix) }
            } else {
                #expect(throws: DNSModelError.self, "length \(length)") { try NSECData(rdata: prefix) }
            }
        }
    }

    @Test("bad type bitmaps are rejected", arguments: [
        [0x00, 0x00] as [UInt8],                    // window length 0
        [0x00, 0x21] + [UInt8](repeating: 0, count: 33), // window length 33
        [0x01, 0x01, 0x40, 0x00, 0x01, 0x40],     // windows out of order
        [0x00, 0x01, 0x40, 0x00, 0x01, 0x40],     // repeated window
        [0x00, 0x05, 0x40],                        // length beyond the data
        [0x00],                                    // window number only
    ])
    func badBitmap(bitmap: [UInt8]) {
        #expect(throws: DNSModelError.self) { try NSECData(rdata: [0] + bitmap) }
        let nsec3Prefix: [UInt8] = [1, 0, 0, 0, 0, 1, 0xAA]
        #expect(throws: DNSModelError.self) { try NSEC3Data(rdata: nsec3Prefix + bitmap) }
    }

    @Test("type bitmaps across several windows")
    func multiWindowBitmap() throws {
        // Window 0: A (1); window 1: CAA (257); window 255: TYPE65280.
        let bitmap: [UInt8] = [0x00, 0x01, 0x40, 0x01, 0x01, 0x40, 0xFF, 0x01, 0x80]
        let nsec = try NSECData(rdata: [0] + bitmap)
        #expect(nsec.nextDomainName == .root)
        #expect(nsec.types == [.a, .caa, RRType(65280)])
        // An empty bitmap is allowed on the wire.
        #expect(try NSECData(rdata: [0]).types.isEmpty)
    }

    @Test("DNSKEY parse, flags and re-encode")
    func dnskey() throws {
        let rdata: [UInt8] = [0x01, 0x01, 0x03, 0x0D] + [UInt8](repeating: 0xAB, count: 64)
        let key = try DNSKEYData(rdata: rdata)
        #expect(key.flags == 257)
        #expect(key.isZoneKey && key.isSecureEntryPoint && !key.isRevoked)
        #expect(key.protocol == 3)
        #expect(key.algorithm == .ecdsaP256SHA256)
        #expect(key.publicKey.count == 64)
        #expect(key.rdata == rdata)
        let revoked = try DNSKEYData(rdata: [0x01, 0x81, 0x03, 0x08, 0x03, 0x01, 0x00, 0x01])
        #expect(revoked.isRevoked && revoked.isZoneKey && revoked.isSecureEntryPoint)
        let zsk = try DNSKEYData(rdata: [0x01, 0x00, 0x03, 0x0F, 0x00])
        #expect(zsk.isZoneKey && !zsk.isSecureEntryPoint)
        #expect(!(try DNSKEYData(rdata: [0x00, 0x01, 0x03, 0x0F])).isZoneKey)
        for length in 0..<4 {
            #expect(throws: DNSModelError.self) { try DNSKEYData(rdata: Array(rdata.prefix(length))) }
        }
    }

    @Test("DS parse, re-encode and truncation")
    func ds() throws {
        let digest = Encodings.fromHex("2BB183AF5F22588179A53B0A98631FAD1A292118")!
        let rdata: [UInt8] = [0xEC, 0x45, 0x05, 0x01] + digest
        let ds = try DSData(rdata: rdata)
        #expect(ds.keyTag == 60485)
        #expect(ds.algorithm == .rsasha1)
        #expect(ds.digestType == .sha1)
        #expect(ds.digest == digest)
        #expect(ds.rdata == rdata)
        #expect(DSData(keyTag: 60485, algorithm: .rsasha1, digestType: .sha1, digest: digest) == ds)
        for length in 0..<4 {
            #expect(throws: DNSModelError.self) { try DSData(rdata: Array(rdata.prefix(length))) }
        }
    }

    static func rrsigRDATA(signer: [UInt8], signature: [UInt8]) -> [UInt8] {
        [0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x0E, 0x10,
         0x65, 0x00, 0x00, 0x00, 0x64, 0x00, 0x00, 0x00, 0x12, 0x34] + signer + signature
    }

    @Test("RRSIG parse and every truncation inside the fixed part or signer")
    func rrsig() throws {
        let signer: [UInt8] = [7] + Array("example".utf8) + [0]
        let rdata = Self.rrsigRDATA(signer: signer, signature: [1, 2, 3, 4])
        let sig = try RRSIGData(rdata: rdata)
        #expect(sig.typeCovered == .a)
        #expect(sig.algorithm == .rsasha256)
        #expect(sig.labels == 2)
        #expect(sig.originalTTL == 3600)
        #expect(sig.expiration == 0x6500_0000)
        #expect(sig.inception == 0x6400_0000)
        #expect(sig.keyTag == 0x1234)
        #expect(sig.signerName == (try DNSName("example.")))
        #expect(sig.signature == [1, 2, 3, 4])
        for length in 0..<(18 + signer.count) {
            #expect(throws: DNSModelError.self, "length \(length)") { try RRSIGData(rdata: Array(rdata.prefix(length))) }
        }
        // A compression pointer in the signer name is not allowed in RRSIG RDATA.
        #expect(throws: DNSModelError.self) { try RRSIGData(rdata: Self.rrsigRDATA(signer: [0xC0, 0x0C], signature: [1])) }
        // Signer label longer than 63 (length byte 0x40 is an extended label type).
        #expect(throws: DNSModelError.self) {
            try RRSIGData(rdata: Self.rrsigRDATA(signer: [0x40] + [UInt8](repeating: 0x61, count: 64) + [0], signature: [1]))
        }
    }

    @Test("NSEC3 and NSEC3PARAM parse and reject truncation")
    func nsec3() throws {
        let next = [UInt8](repeating: 0x11, count: 20)
        let rdata: [UInt8] = [1, 1, 0, 12, 4, 0xAA, 0xBB, 0xCC, 0xDD, 20] + next + [0x00, 0x01, 0x40]
        let nsec3 = try NSEC3Data(rdata: rdata)
        #expect(nsec3.hashAlgorithm == 1)
        #expect(nsec3.optOut)
        #expect(nsec3.iterations == 12)
        #expect(nsec3.salt == [0xAA, 0xBB, 0xCC, 0xDD])
        #expect(nsec3.nextHashedOwner == next)
        #expect(nsec3.types == [.a])
        for length in 0..<(10 + 20) {
            #expect(throws: DNSModelError.self, "length \(length)") { try NSEC3Data(rdata: Array(rdata.prefix(length))) }
        }
        #expect(throws: DNSModelError.self, "empty next hashed owner") { try NSEC3Data(rdata: [1, 0, 0, 0, 0, 0]) }

        let param = try NSEC3PARAMData(rdata: [1, 0, 0, 12, 4, 0xAA, 0xBB, 0xCC, 0xDD])
        #expect(param.iterations == 12 && param.salt == [0xAA, 0xBB, 0xCC, 0xDD] && param.flags == 0)
        #expect(try NSEC3PARAMData(rdata: [1, 0, 0, 0, 0]).salt.isEmpty)
        for length in 0..<9 {
            #expect(throws: DNSModelError.self) { try NSEC3PARAMData(rdata: Array([1, 0, 0, 12, 4, 0xAA, 0xBB, 0xCC, 0xDD].prefix(length))) }
        }
    }

    @Test("SOA parse and truncation")
    func soa() throws {
        let mname = try DNSName("ns1.example.").wire
        let rname = try DNSName("bugs.x.w.example.").wire
        let numbers: [UInt8] = [0x40, 0x76, 0xFB, 0x31, 0, 0, 0x0E, 0x10, 0, 0, 0x01, 0x2C,
                                0, 0x36, 0xEE, 0x80, 0, 0, 0x0E, 0x10]
        let rdata = mname + rname + numbers
        let soa = try SOAData(rdata: rdata)
        #expect(soa.primary == (try DNSName("ns1.example.")))
        #expect(soa.responsible == (try DNSName("bugs.x.w.example.")))
        #expect(soa.serial == 1_081_539_377)
        #expect(soa.refresh == 3600 && soa.retry == 300 && soa.expire == 3_600_000 && soa.minimum == 3600)
        for length in 0..<rdata.count {
            #expect(throws: DNSModelError.self) { try SOAData(rdata: Array(rdata.prefix(length))) }
        }
    }

    @Test("single-name RDATA rejects trailing bytes and truncation")
    func nameData() throws {
        let wire = try DNSName("Mail.Example.").wire
        #expect(try NameData(rdata: wire).target == DNSName("mail.example."))
        #expect(throws: DNSModelError.self) { try NameData(rdata: wire + [0]) }
        for length in 0..<wire.count {
            #expect(throws: DNSModelError.self) { try NameData(rdata: Array(wire.prefix(length))) }
        }
    }

    @Test("addresses")
    func addresses() {
        #expect(AddressData.text(type: .a, rdata: [192, 0, 2, 1]) == "192.0.2.1")
        #expect(AddressData.text(type: .a, rdata: [192, 0, 2]) == nil)
        #expect(AddressData.text(type: .aaaa, rdata: [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]) == "2001:db8:0:0:0:0:0:1")
        #expect(AddressData.text(type: .mx, rdata: [1, 2, 3, 4]) == nil)
    }

    @Test("records: wire round trip, truncation and RRset grouping")
    func records() throws {
        let record = Record(owner: try DNSName("www.example."), type: .a, ttl: 300, rdata: [192, 0, 2, 1])
        let wire = record.wire
        var offset = 0
        #expect(try Record(wire: wire, offset: &offset) == record)
        #expect(offset == wire.count)
        for length in 0..<wire.count {
            var offset = 0
            #expect(throws: DNSModelError.self) { try Record(wire: Array(wire.prefix(length)), offset: &offset) }
        }
        let upper = Record(owner: try DNSName("WWW.Example."), type: .a, ttl: 100, rdata: [192, 0, 2, 2])
        let dup = Record(owner: try DNSName("www.example."), type: .a, ttl: 50, rdata: [192, 0, 2, 1])
        let other = Record(owner: try DNSName("www.example."), type: .aaaa, ttl: 300, rdata: [UInt8](repeating: 0, count: 16))
        let sets = RRset.group([record, other, upper, dup])
        #expect(sets.count == 2)
        #expect(sets[0].type == .a && sets[0].rdatas == [[192, 0, 2, 1], [192, 0, 2, 2]])
        #expect(sets[0].ttl == 50)
        #expect(sets[1].type == .aaaa)
        #expect(sets[0].records.count == 2)
    }
}

@Suite("Serial time and encodings")
struct SerialTimeEncodingTests {
    static let y2038: Int64 = 2_147_483_648 // 2038-01-19T03:14:08Z
    static let y2106: Int64 = 4_294_967_296 // 2106-02-07T06:28:16Z

    @Test("RFC 1982 arithmetic across 2038")
    func around2038() {
        let reference = Self.y2038 - 10
        let after = UInt32(Self.y2038 + 10)
        let before = UInt32(Self.y2038 - 100)
        #expect(SerialTime.offset(of: after, from: reference) == 20)
        #expect(SerialTime.offset(of: before, from: reference) == -90)
        #expect(SerialTime.absolute(after, near: reference) == Self.y2038 + 10)
        #expect(SerialTime.isBefore(before, after))
        #expect(!SerialTime.isBefore(after, before))
    }

    @Test("RFC 1982 arithmetic across the 2106 wrap of 32-bit time")
    func around2106() {
        let reference = Self.y2106 - 100 // just before the wrap
        let wrapped: UInt32 = 50         // stands for 2^32 + 50
        #expect(SerialTime.offset(of: wrapped, from: reference) == 150)
        #expect(SerialTime.absolute(wrapped, near: reference) == Self.y2106 + 50)
        let lateReference = Self.y2106 + 3600 // an hour after the wrap
        let beforeWrap = UInt32(0xFFFF_FF00)
        #expect(SerialTime.offset(of: beforeWrap, from: lateReference) == -(3600 + 256))
        #expect(SerialTime.absolute(beforeWrap, near: lateReference) == Self.y2106 - 256)
        #expect(SerialTime.isBefore(0xFFFF_FFF0, 0x10))
        #expect(!SerialTime.isBefore(0x10, 0xFFFF_FFF0))
        #expect(!SerialTime.isBefore(5, 5))
    }

    @Test("offsets just inside the half range")
    func halfRange() {
        let reference: Int64 = 1_000_000_000
        let ahead = UInt32(reference + Int64(Int32.max))
        #expect(SerialTime.offset(of: ahead, from: reference) == Int64(Int32.max))
        let behind = UInt32(truncatingIfNeeded: reference - Int64(Int32.max))
        #expect(SerialTime.offset(of: behind, from: reference) == -Int64(Int32.max))
    }

    @Test("base32hex: RFC 4648 §10 vectors (lowercase, unpadded)", arguments: [
        ("", ""), ("f", "co"), ("fo", "cpng"), ("foo", "cpnmu"), ("foob", "cpnmuog"),
        ("fooba", "cpnmuoj1"), ("foobar", "cpnmuoj1e8"),
    ])
    func base32hexVectors(plain: String, encoded: String) {
        #expect(Encodings.base32hex(Array(plain.utf8)) == encoded)
        #expect(Encodings.fromBase32hex(Array(encoded.utf8)) == Array(plain.utf8))
        #expect(Encodings.fromBase32hex(Array(encoded.uppercased().utf8)) == Array(plain.utf8))
    }

    @Test("base32hex round trip of random data, including 20-byte NSEC3 hashes")
    func base32hexRoundTrip() {
        var generator = SeededGenerator(seed: 5155)
        for length in 0...48 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Encodings.base32hex(bytes)
            #expect(text.count == (length * 8 + 4) / 5)
            #expect(Encodings.fromBase32hex(Array(text.utf8)) == bytes)
        }
        #expect(Encodings.base32hex([UInt8](repeating: 0xFF, count: 20)).count == 32)
        #expect(Encodings.fromBase32hex(Array("0p9mhaveqvm6t7vbl5lop2u3t2rp3tom".utf8))?.count == 20)
        #expect(Encodings.fromBase32hex(Array("cpnw".utf8)) == nil, "w is outside the alphabet")
        #expect(Encodings.fromBase32hex(Array("cp=".utf8)) == nil)
    }

    @Test("hex")
    func hex() {
        #expect(Encodings.hex([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(Encodings.hex([0x00, 0xAB, 0xFF], uppercase: true) == "00ABFF")
        #expect(Encodings.fromHex("00abFF") == [0x00, 0xAB, 0xFF])
        #expect(Encodings.fromHex("") == [])
        #expect(Encodings.fromHex("abc") == nil)
        #expect(Encodings.fromHex("zz") == nil)
        #expect(Encodings.base64([0xFB, 0xFF]) == "+/8=")
    }
}
