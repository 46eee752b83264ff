/// A resource record type. Open set: any 16-bit value survives a round trip
/// and prints as `TYPEnnn` when it has no mnemonic (RFC 3597).
public struct RRType: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ value: UInt16) { self.rawValue = value }

    public static let a = RRType(1), ns = RRType(2), cname = RRType(5), soa = RRType(6)
    public static let ptr = RRType(12), mx = RRType(15), txt = RRType(16), aaaa = RRType(28)
    public static let srv = RRType(33), naptr = RRType(35), dname = RRType(39), opt = RRType(41)
    public static let ds = RRType(43), sshfp = RRType(44), rrsig = RRType(46), nsec = RRType(47)
    public static let dnskey = RRType(48), nsec3 = RRType(50), nsec3param = RRType(51)
    public static let tlsa = RRType(52), cds = RRType(59), cdnskey = RRType(60)
    public static let svcb = RRType(64), https = RRType(65), caa = RRType(257), any = RRType(255)

    static let mnemonics: [UInt16: String] = [
        1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 12: "PTR", 13: "HINFO", 15: "MX", 16: "TXT",
        17: "RP", 18: "AFSDB", 24: "SIG", 25: "KEY", 28: "AAAA", 29: "LOC", 33: "SRV",
        35: "NAPTR", 36: "KX", 37: "CERT", 39: "DNAME", 41: "OPT", 43: "DS", 44: "SSHFP",
        45: "IPSECKEY", 46: "RRSIG", 47: "NSEC", 48: "DNSKEY", 49: "DHCID", 50: "NSEC3",
        51: "NSEC3PARAM", 52: "TLSA", 53: "SMIMEA", 55: "HIP", 59: "CDS", 60: "CDNSKEY",
        61: "OPENPGPKEY", 62: "CSYNC", 63: "ZONEMD", 64: "SVCB", 65: "HTTPS", 99: "SPF",
        108: "EUI48", 109: "EUI64", 249: "TKEY", 250: "TSIG", 251: "IXFR", 252: "AXFR",
        255: "ANY", 256: "URI", 257: "CAA",
    ]
    static let byMnemonic: [String: UInt16] = Dictionary(
        uniqueKeysWithValues: mnemonics.map { ($0.value, $0.key) })

    /// Accepts a mnemonic (`DNSKEY`, any case) or the generic `TYPE65280`.
    public init?(mnemonic: String) {
        let upper = mnemonic.uppercased()
        if let value = Self.byMnemonic[upper] {
            self.rawValue = value
        } else if upper.hasPrefix("TYPE"), let value = UInt16(upper.dropFirst(4)) {
            self.rawValue = value
        } else {
            return nil
        }
    }

    public var description: String { Self.mnemonics[rawValue] ?? "TYPE\(rawValue)" }
    public static func < (lhs: RRType, rhs: RRType) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = RRType(mnemonic: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown RR type \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A record class (IN, CH, …), open set.
public struct RRClass: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ value: UInt16) { self.rawValue = value }

    public static let `in` = RRClass(1), ch = RRClass(3), hs = RRClass(4), any = RRClass(255)

    public init?(mnemonic: String) {
        switch mnemonic.uppercased() {
        case "IN": self = .in
        case "CH": self = .ch
        case "HS": self = .hs
        case "ANY": self = .any
        case let upper where upper.hasPrefix("CLASS"):
            guard let value = UInt16(upper.dropFirst(5)) else { return nil }
            self.rawValue = value
        default: return nil
        }
    }

    public var description: String {
        switch rawValue {
        case 1: return "IN"
        case 3: return "CH"
        case 4: return "HS"
        case 255: return "ANY"
        default: return "CLASS\(rawValue)"
        }
    }
}
