/// A question: name, type and class.
public struct Question: Sendable, Hashable, CustomStringConvertible {
    public var name: DNSName
    public var type: RRType
    public var rrClass: RRClass

    public init(name: DNSName, type: RRType, rrClass: RRClass = .in) {
        self.name = name
        self.type = type
        self.rrClass = rrClass
    }

    public var description: String { "\(name) \(rrClass) \(type)" }
}

/// Response codes, including the extended ones carried in OPT (RFC 6891).
public struct RCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ value: UInt16) { self.rawValue = value }

    public static let noError = RCode(0), formErr = RCode(1), servFail = RCode(2)
    public static let nxDomain = RCode(3), notImp = RCode(4), refused = RCode(5)
    public static let yxDomain = RCode(6), notAuth = RCode(9), badVers = RCode(16)
    public static let badCookie = RCode(23)

    static let names: [UInt16: String] = [
        0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED",
        6: "YXDOMAIN", 7: "YXRRSET", 8: "NXRRSET", 9: "NOTAUTH", 10: "NOTZONE", 16: "BADVERS",
        23: "BADCOOKIE",
    ]
    public var description: String { Self.names[rawValue] ?? "RCODE\(rawValue)" }
}

/// Header flags of a message (RFC 1035 §4.1.1, RFC 4035 §3.2 for AD and CD).
public struct HeaderFlags: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let qr = HeaderFlags(rawValue: 0x8000)
    public static let aa = HeaderFlags(rawValue: 0x0400)
    public static let tc = HeaderFlags(rawValue: 0x0200)
    public static let rd = HeaderFlags(rawValue: 0x0100)
    public static let ra = HeaderFlags(rawValue: 0x0080)
    public static let ad = HeaderFlags(rawValue: 0x0020)
    public static let cd = HeaderFlags(rawValue: 0x0010)

    /// Lowercase names as dig prints them: `qr aa rd`.
    public var description: String {
        [(Self.qr, "qr"), (.aa, "aa"), (.tc, "tc"), (.rd, "rd"), (.ra, "ra"), (.ad, "ad"), (.cd, "cd")]
            .filter { contains($0.0) }.map(\.1).joined(separator: " ")
    }
}

/// An Extended DNS Error option (RFC 8914).
public struct ExtendedDNSError: Sendable, Hashable, CustomStringConvertible {
    public var infoCode: UInt16
    public var extraText: String

    public init(infoCode: UInt16, extraText: String) {
        self.infoCode = infoCode
        self.extraText = extraText
    }

    static let names: [UInt16: String] = [
        0: "Other Error", 1: "Unsupported DNSKEY Algorithm", 2: "Unsupported DS Digest Type",
        3: "Stale Answer", 4: "Forged Answer", 5: "DNSSEC Indeterminate", 6: "DNSSEC Bogus",
        7: "Signature Expired", 8: "Signature Not Yet Valid", 9: "DNSKEY Missing",
        10: "RRSIGs Missing", 11: "No Zone Key Bit Set", 12: "NSEC Missing",
        13: "Cached Error", 14: "Not Ready", 15: "Blocked", 16: "Censored", 17: "Filtered",
        18: "Prohibited", 19: "Stale NXDomain Answer", 20: "Not Authoritative",
        21: "Not Supported", 22: "No Reachable Authority", 23: "Network Error",
        24: "Invalid Data", 25: "Signature Expired before Valid", 26: "Too Early",
        27: "Unsupported NSEC3 Iterations Value",
    ]

    public var name: String { Self.names[infoCode] ?? "EDE \(infoCode)" }
    public var description: String {
        extraText.isEmpty ? "\(infoCode) (\(name))" : "\(infoCode) (\(name)): \(extraText)"
    }
}

/// The EDNS(0) pseudo-section of a message (RFC 6891).
public struct EDNS: Sendable, Hashable {
    public static let optionEDE: UInt16 = 15

    public var udpPayloadSize: UInt16
    public var version: UInt8
    public var dnssecOK: Bool
    /// The 15 flag bits after DO (must be zero, RFC 6891 §6.1.4).
    public var otherFlags: UInt16
    public var options: [EDNSOption]

    public init(udpPayloadSize: UInt16 = 1232, version: UInt8 = 0, dnssecOK: Bool = true,
                otherFlags: UInt16 = 0, options: [EDNSOption] = []) {
        self.udpPayloadSize = udpPayloadSize
        self.version = version
        self.dnssecOK = dnssecOK
        self.otherFlags = otherFlags
        self.options = options
    }

    /// Splits the OPT RDATA into options; malformed tails are rejected.
    public static func parseOptions(_ rdata: [UInt8]) throws(DNSModelError) -> [EDNSOption] {
        var reader = ByteReader(rdata, context: "EDNS option")
        var options: [EDNSOption] = []
        while !reader.isAtEnd {
            let code = try reader.u16()
            let length = Int(try reader.u16())
            options.append(EDNSOption(code: code, data: try reader.take(length)))
        }
        return options
    }

    public var extendedErrors: [ExtendedDNSError] {
        options.filter { $0.code == Self.optionEDE && $0.data.count >= 2 }.map {
            ExtendedDNSError(infoCode: UInt16($0.data[0]) << 8 | UInt16($0.data[1]),
                             extraText: String(decoding: $0.data.dropFirst(2), as: UTF8.self))
        }
    }
}

public struct EDNSOption: Sendable, Hashable {
    public var code: UInt16
    public var data: [UInt8]
    public init(code: UInt16, data: [UInt8]) {
        self.code = code
        self.data = data
    }
}

/// A DNS message with its sections. The OPT record lives in `edns`, not in
/// `additional`; `rcode` includes the extended bits.
public struct Message: Sendable, Hashable {
    public var id: UInt16
    public var flags: HeaderFlags
    public var opcode: UInt8
    public var rcode: RCode
    public var questions: [Question]
    public var answer: [Record]
    public var authority: [Record]
    public var additional: [Record]
    public var edns: EDNS?

    public init(id: UInt16, flags: HeaderFlags, opcode: UInt8 = 0, rcode: RCode = .noError,
                questions: [Question], answer: [Record] = [], authority: [Record] = [],
                additional: [Record] = [], edns: EDNS? = nil) {
        self.id = id
        self.flags = flags
        self.opcode = opcode
        self.rcode = rcode
        self.questions = questions
        self.answer = answer
        self.authority = authority
        self.additional = additional
        self.edns = edns
    }

    public var question: Question? { questions.first }
    public var isTruncated: Bool { flags.contains(.tc) }
    public var isAuthoritative: Bool { flags.contains(.aa) }
}
