// Typed views over the RDATA of the record types DNSSEC analysis reads.
// Each is parsed from uncompressed wire RDATA and throws on malformed data.

/// DNSKEY / CDNSKEY RDATA (RFC 4034 §2.1).
public struct DNSKEYData: Sendable, Hashable {
    public var flags: UInt16
    public var `protocol`: UInt8
    public var algorithm: DNSSECAlgorithm
    public var publicKey: [UInt8]

    public static let zoneFlag: UInt16 = 0x0100
    public static let revokeFlag: UInt16 = 0x0080
    public static let sepFlag: UInt16 = 0x0001

    public init(flags: UInt16, protocol: UInt8 = 3, algorithm: DNSSECAlgorithm, publicKey: [UInt8]) {
        self.flags = flags
        self.protocol = `protocol`
        self.algorithm = algorithm
        self.publicKey = publicKey
    }

    public init(rdata: [UInt8]) throws(DNSModelError) {
        var reader = ByteReader(rdata, context: "DNSKEY RDATA")
        flags = try reader.u16()
        self.protocol = try reader.u8()
        algorithm = DNSSECAlgorithm(try reader.u8())
        publicKey = reader.rest()
    }

    public var isZoneKey: Bool { flags & Self.zoneFlag != 0 }
    public var isSecureEntryPoint: Bool { flags & Self.sepFlag != 0 }
    public var isRevoked: Bool { flags & Self.revokeFlag != 0 }

    public var rdata: [UInt8] {
        var writer = ByteWriter()
        writer.u16(flags)
        writer.u8(`protocol`)
        writer.u8(algorithm.rawValue)
        writer.append(publicKey)
        return writer.bytes
    }
}

/// DS / CDS RDATA (RFC 4034 §5.1).
public struct DSData: Sendable, Hashable {
    public var keyTag: UInt16
    public var algorithm: DNSSECAlgorithm
    public var digestType: DigestType
    public var digest: [UInt8]

    public init(keyTag: UInt16, algorithm: DNSSECAlgorithm, digestType: DigestType, digest: [UInt8]) {
        self.keyTag = keyTag
        self.algorithm = algorithm
        self.digestType = digestType
        self.digest = digest
    }

    public init(rdata: [UInt8]) throws(DNSModelError) {
        var reader = ByteReader(rdata, context: "DS RDATA")
        keyTag = try reader.u16()
        algorithm = DNSSECAlgorithm(try reader.u8())
        digestType = DigestType(try reader.u8())
        digest = reader.rest()
    }

    public var rdata: [UInt8] {
        var writer = ByteWriter()
        writer.u16(keyTag)
        writer.u8(algorithm.rawValue)
        writer.u8(digestType.rawValue)
        writer.append(digest)
        return writer.bytes
    }
}

/// RRSIG RDATA (RFC 4034 §3.1).
public struct RRSIGData: Sendable, Hashable {
    public var typeCovered: RRType
    public var algorithm: DNSSECAlgorithm
    public var labels: UInt8
    public var originalTTL: UInt32
    /// Seconds since the epoch modulo 2^32; compare with `SerialTime`.
    public var expiration: UInt32
    public var inception: UInt32
    public var keyTag: UInt16
    public var signerName: DNSName
    public var signature: [UInt8]

    public init(rdata: [UInt8]) throws(DNSModelError) {
        var reader = ByteReader(rdata, context: "RRSIG RDATA")
        typeCovered = RRType(try reader.u16())
        algorithm = DNSSECAlgorithm(try reader.u8())
        labels = try reader.u8()
        originalTTL = try reader.u32()
        expiration = try reader.u32()
        inception = try reader.u32()
        keyTag = try reader.u16()
        signerName = try reader.name()
        signature = reader.rest()
    }

    /// The type an RRSIG covers, read from its first two bytes without
    /// parsing the rest (grouping a zone's records by RRset), or nil when
    /// the RDATA is too short to be an RRSIG.
    public static func typeCovered(rdata: [UInt8]) -> RRType? {
        guard rdata.count >= 18 else { return nil }
        return RRType(UInt16(rdata[0]) << 8 | UInt16(rdata[1]))
    }
}

/// NSEC RDATA (RFC 4034 §4.1).
public struct NSECData: Sendable, Hashable {
    public var nextDomainName: DNSName
    public var types: [RRType]

    public init(rdata: [UInt8]) throws(DNSModelError) {
        var reader = ByteReader(rdata, context: "NSEC RDATA")
        nextDomainName = try reader.name()
        types = try reader.typeBitmap()
    }
}

/// NSEC3 RDATA (RFC 5155 §3.1).
public struct NSEC3Data: Sendable, Hashable {
    public var hashAlgorithm: UInt8
    public var flags: UInt8
    public var iterations: UInt16
    public var salt: [UInt8]
    public var nextHashedOwner: [UInt8]
    public var types: [RRType]

    public var optOut: Bool { flags & 0x01 != 0 }
    /// Flag bits other than opt-out, the only one assigned (RFC 5155 §3.1.2):
    /// validators ignore such a record (§8.2).
    public var hasUnassignedFlags: Bool { flags & ~0x01 != 0 }

    public init(rdata: [UInt8]) throws(DNSModelError) {
        var reader = ByteReader(rdata, context: "NSEC3 RDATA")
        hashAlgorithm = try reader.u8()
        flags = try reader.u8()
        iterations = try reader.u16()
        salt = try reader.take(Int(try reader.u8()))
        nextHashedOwner = try reader.take(Int(try reader.u8()))
        if nextHashedOwner.isEmpty { throw .malformed("NSEC3 with an empty next hashed owner") }
        types = try reader.typeBitmap()
    }
}

/// NSEC3PARAM RDATA (RFC 5155 §4.1).
public struct NSEC3PARAMData: Sendable, Hashable {
    public var hashAlgorithm: UInt8
    public var flags: UInt8
    public var iterations: UInt16
    public var salt: [UInt8]

    public init(rdata: [UInt8]) throws(DNSModelError) {
        var reader = ByteReader(rdata, context: "NSEC3PARAM RDATA")
        hashAlgorithm = try reader.u8()
        flags = try reader.u8()
        iterations = try reader.u16()
        salt = try reader.take(Int(try reader.u8()))
    }
}

/// SOA RDATA (RFC 1035 §3.3.13).
public struct SOAData: Sendable, Hashable {
    public var primary: DNSName
    public var responsible: DNSName
    public var serial: UInt32
    public var refresh: UInt32
    public var retry: UInt32
    public var expire: UInt32
    public var minimum: UInt32

    public init(rdata: [UInt8]) throws(DNSModelError) {
        var reader = ByteReader(rdata, context: "SOA RDATA")
        primary = try reader.name()
        responsible = try reader.name()
        serial = try reader.u32()
        refresh = try reader.u32()
        retry = try reader.u32()
        expire = try reader.u32()
        minimum = try reader.u32()
    }
}

/// The single name in NS, CNAME, DNAME and PTR RDATA.
public struct NameData: Sendable, Hashable {
    public var target: DNSName
    public init(rdata: [UInt8]) throws(DNSModelError) {
        var reader = ByteReader(rdata, context: "name RDATA")
        target = try reader.name()
        if !reader.isAtEnd { throw .malformed("trailing bytes after a name in RDATA") }
    }
}

/// A and AAAA RDATA as an address string.
public enum AddressData {
    public static func text(type: RRType, rdata: [UInt8]) -> String? {
        if type == .a && rdata.count == 4 { return rdata.map(String.init).joined(separator: ".") }
        if type == .aaaa && rdata.count == 16 {
            return stride(from: 0, to: 16, by: 2)
                .map { String(UInt16(rdata[$0]) << 8 | UInt16(rdata[$0 + 1]), radix: 16) }
                .joined(separator: ":")
        }
        return nil
    }
}
