/// A DNSSEC security algorithm number (IANA registry), open set.
public struct DNSSECAlgorithm: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ value: UInt8) { self.rawValue = value }

    public static let rsamd5 = DNSSECAlgorithm(1), dh = DNSSECAlgorithm(2), dsa = DNSSECAlgorithm(3)
    public static let rsasha1 = DNSSECAlgorithm(5), dsaNSEC3SHA1 = DNSSECAlgorithm(6)
    public static let rsasha1NSEC3SHA1 = DNSSECAlgorithm(7), rsasha256 = DNSSECAlgorithm(8)
    public static let rsasha512 = DNSSECAlgorithm(10), eccGOST = DNSSECAlgorithm(12)
    public static let ecdsaP256SHA256 = DNSSECAlgorithm(13), ecdsaP384SHA384 = DNSSECAlgorithm(14)
    public static let ed25519 = DNSSECAlgorithm(15), ed448 = DNSSECAlgorithm(16)
    public static let indirect = DNSSECAlgorithm(252), privateDNS = DNSSECAlgorithm(253)
    public static let privateOID = DNSSECAlgorithm(254)

    static let names: [UInt8: String] = [
        1: "RSAMD5", 2: "DH", 3: "DSA", 5: "RSASHA1", 6: "DSA-NSEC3-SHA1",
        7: "RSASHA1-NSEC3-SHA1", 8: "RSASHA256", 10: "RSASHA512", 12: "ECC-GOST",
        13: "ECDSAP256SHA256", 14: "ECDSAP384SHA384", 15: "ED25519", 16: "ED448",
        17: "SM2SM3", 23: "ECC-GOST12",
        252: "INDIRECT", 253: "PRIVATEDNS", 254: "PRIVATEOID",
    ]

    /// Where the number sits in the IANA registry ("DNS Security Algorithm
    /// Numbers"): only the first kind can sign a zone.
    public enum RegistryClass: Sendable, Equatable {
        case zoneSigning
        /// 0 (delete DS, RFC 8078), 2 (DH), 252 (INDIRECT): assigned, but may not sign a zone.
        case notForZoneSigning
        /// 4, 9, 11, 123–251, 255.
        case reserved
        /// 18–22, 24–122.
        case unassigned
        /// 253 (PRIVATEDNS), 254 (PRIVATEOID).
        case privateUse
    }

    public var registryClass: RegistryClass {
        switch rawValue {
        case 0, 2, 252: return .notForZoneSigning
        case 4, 9, 11, 123...251, 255: return .reserved
        case 18...22, 24...122: return .unassigned
        case 253, 254: return .privateUse
        default: return .zoneSigning
        }
    }

    /// The IANA mnemonic, or the bare number for an unassigned value.
    public var mnemonic: String { Self.names[rawValue] ?? String(rawValue) }
    public var description: String { mnemonic }

    /// RSA-based algorithms, whose key size varies and is worth reporting.
    public var isRSA: Bool { [1, 5, 7, 8, 10].contains(rawValue) }

    public static func < (lhs: DNSSECAlgorithm, rhs: DNSSECAlgorithm) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(UInt8.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A DS digest type (IANA registry), open set.
public struct DigestType: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ value: UInt8) { self.rawValue = value }

    public static let sha1 = DigestType(1), sha256 = DigestType(2), gost = DigestType(3)
    public static let sha384 = DigestType(4)

    static let names: [UInt8: String] = [1: "SHA-1", 2: "SHA-256", 3: "GOST R 34.11-94", 4: "SHA-384",
                                         5: "GOST R 34.11-2012", 6: "SM3"]

    /// Where the number sits in the IANA registry ("DS RR Type Digest Algorithms").
    public enum RegistryClass: Sendable, Equatable {
        case assigned
        /// 0: reserved, never a digest (RFC 3658).
        case zero
        /// 7–127, 255.
        case unassigned
        /// 128–252.
        case reserved
        /// 253, 254.
        case privateUse
    }

    public var registryClass: RegistryClass {
        switch rawValue {
        case 0: return .zero
        case 1...6: return .assigned
        case 128...252: return .reserved
        case 253, 254: return .privateUse
        default: return .unassigned
        }
    }

    public var mnemonic: String { Self.names[rawValue] ?? String(rawValue) }
    public var description: String { mnemonic }

    /// Digest length in bytes for the types whose length is fixed.
    public var digestLength: Int? {
        switch rawValue {
        case 1: return 20
        case 2, 3: return 32
        case 4: return 48
        default: return nil
        }
    }

    public static func < (lhs: DigestType, rhs: DigestType) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(UInt8.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
