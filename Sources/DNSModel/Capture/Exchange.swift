import Foundation

/// Where a query went: an IP address (v4 or v6, textual) and a port.
public struct ServerAddress: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var ip: String
    public var port: UInt16

    public init(ip: String, port: UInt16 = 53) {
        self.ip = ip
        self.port = port
    }

    public var isIPv6: Bool { ip.contains(":") }
    public var description: String { isIPv6 ? "[\(ip)]:\(port)" : "\(ip):\(port)" }
    public static func < (lhs: ServerAddress, rhs: ServerAddress) -> Bool {
        (lhs.ip, lhs.port) < (rhs.ip, rhs.port)
    }
}

public enum Transport: String, Sendable, Hashable, Codable {
    case udp, tcp
}

/// How one query is asked. Two exchanges with equal options to the same
/// server for the same question are the same exchange (asked once).
public struct QueryOptions: Sendable, Hashable, Codable {
    /// The first transport tried; UDP falls back to TCP on TC.
    public var transport: Transport
    public var edns: Bool
    public var udpPayloadSize: UInt16
    public var dnssecOK: Bool
    public var checkingDisabled: Bool
    public var recursionDesired: Bool
    /// The EDNS version sent (0; 1 only to check that servers answer BADVERS).
    public var ednsVersion: UInt8

    public init(transport: Transport = .udp, edns: Bool = true, udpPayloadSize: UInt16 = 1232,
                dnssecOK: Bool = true, checkingDisabled: Bool = false, recursionDesired: Bool = false,
                ednsVersion: UInt8 = 0) {
        self.transport = transport
        self.edns = edns
        self.udpPayloadSize = udpPayloadSize
        self.dnssecOK = dnssecOK
        self.checkingDisabled = checkingDisabled
        self.recursionDesired = recursionDesired
        self.ednsVersion = ednsVersion
    }

    public static let authoritative = QueryOptions()

    enum CodingKeys: String, CodingKey {
        case transport, edns, udpPayloadSize, dnssecOK, checkingDisabled, recursionDesired, ednsVersion
    }

    // Captures of format 1.0 made before `ednsVersion` existed read as version 0.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(transport: try c.decode(Transport.self, forKey: .transport),
                  edns: try c.decode(Bool.self, forKey: .edns),
                  udpPayloadSize: try c.decode(UInt16.self, forKey: .udpPayloadSize),
                  dnssecOK: try c.decode(Bool.self, forKey: .dnssecOK),
                  checkingDisabled: try c.decode(Bool.self, forKey: .checkingDisabled),
                  recursionDesired: try c.decode(Bool.self, forKey: .recursionDesired),
                  ednsVersion: try c.decodeIfPresent(UInt8.self, forKey: .ednsVersion) ?? 0)
    }
}

/// Why an exchange produced no usable answer.
public enum ExchangeFailure: String, Sendable, Hashable, Codable {
    /// No response before the per-exchange timeout, after all retries.
    case timeout
    /// The server refused the connection or the port is unreachable (ICMP).
    case unreachable
    case connectionReset
    /// A response arrived but could not be parsed.
    case malformedResponse
    /// Responses arrived but none matched the query (ID, question, source).
    case mismatchedResponse
    /// The analysis deadline passed before this exchange could run.
    case deadlineExceeded
    /// Not sent: the server had not answered over this transport earlier in
    /// the run (after every retry), so asking again would only cost another
    /// timeout. `failureDetail` says since when and why.
    case notAsked
    /// Any other network error.
    case networkError
}

/// One query and what came of it, as recorded in a capture.
public struct Exchange: Sendable, Hashable, Codable {
    public var server: ServerAddress
    public var question: Question
    public var options: QueryOptions
    /// Unix time (seconds, fractional) the exchange started.
    public var startTime: Double
    /// Seconds from the first send to the final outcome.
    public var duration: Double
    /// The transport the final answer (or failure) came over: UDP, or TCP after TC.
    public var transport: Transport
    /// Raw response bytes when a response was accepted.
    public var response: [UInt8]?
    public var failure: ExchangeFailure?
    /// Human-readable detail of the failure (errno text, parse error).
    public var failureDetail: String?
    /// True when a UDP answer had TC set and the exchange was retried over TCP.
    public var truncatedOverUDP: Bool
    /// The response as the transport parsed it when it accepted it, so the
    /// walk does not parse the same bytes again. Not recorded (a replayed
    /// exchange parses `response`), and not part of the exchange's identity:
    /// it is a function of `response`.
    public var parsed: ParsedResponse?

    public static func == (a: Exchange, b: Exchange) -> Bool {
        a.server == b.server && a.question == b.question && a.options == b.options && a.startTime == b.startTime
            && a.duration == b.duration && a.transport == b.transport && a.response == b.response
            && a.failure == b.failure && a.failureDetail == b.failureDetail && a.truncatedOverUDP == b.truncatedOverUDP
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(server)
        hasher.combine(question)
        hasher.combine(options)
        hasher.combine(startTime)
        hasher.combine(duration)
        hasher.combine(transport)
        hasher.combine(response.map { $0.count })
        response?.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(failure)
        hasher.combine(failureDetail)
        hasher.combine(truncatedOverUDP)
    }

    public init(server: ServerAddress, question: Question, options: QueryOptions, startTime: Double,
                duration: Double, transport: Transport, response: [UInt8]?, failure: ExchangeFailure?,
                failureDetail: String? = nil, truncatedOverUDP: Bool = false) {
        self.server = server
        self.question = question
        self.options = options
        self.startTime = startTime
        self.duration = duration
        self.transport = transport
        self.response = response
        self.failure = failure
        self.failureDetail = failureDetail
        self.truncatedOverUDP = truncatedOverUDP
    }

    public var key: ExchangeKey { ExchangeKey(server: server, question: question, options: options) }

    /// The failure detail a replay gives for a question the capture does not hold.
    public static let notInCaptureDetail = "not in capture"
}

/// A response already parsed: the message and how many bytes followed its
/// last record (ldns ignores them; the analysis reports them).
public struct ParsedResponse: Sendable {
    public var message: Message
    public var trailingBytes: Int

    public init(message: Message, trailingBytes: Int) {
        self.message = message
        self.trailingBytes = trailingBytes
    }
}

/// Identity of an exchange for de-duplication: "nothing asked twice".
public struct ExchangeKey: Sendable, Hashable {
    public var server: ServerAddress
    public var question: Question
    public var options: QueryOptions

    public init(server: ServerAddress, question: Question, options: QueryOptions) {
        self.server = server
        self.question = question
        self.options = options
    }
}

extension Question: Codable {
    enum CodingKeys: String, CodingKey { case name, type, `class` }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(DNSName.self, forKey: .name)
        let type = try container.decode(RRType.self, forKey: .type)
        let classText = try container.decodeIfPresent(String.self, forKey: .class) ?? "IN"
        guard let rrClass = RRClass(mnemonic: classText) else {
            throw DecodingError.dataCorruptedError(forKey: .class, in: container,
                                                   debugDescription: "unknown class \(classText)")
        }
        self.init(name: name, type: type, rrClass: rrClass)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(rrClass.description, forKey: .class)
    }
}

extension Exchange {
    enum CodingKeys: String, CodingKey {
        case server, question, options, startTime, duration, transport, response, failure,
             failureDetail, truncatedOverUDP
    }

    // Response bytes are stored as base64: compact, and what dig +qr users expect.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        server = try c.decode(ServerAddress.self, forKey: .server)
        question = try c.decode(Question.self, forKey: .question)
        options = try c.decode(QueryOptions.self, forKey: .options)
        startTime = try c.decode(Double.self, forKey: .startTime)
        duration = try c.decode(Double.self, forKey: .duration)
        transport = try c.decode(Transport.self, forKey: .transport)
        if let text = try c.decodeIfPresent(String.self, forKey: .response) {
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(forKey: .response, in: c,
                                                       debugDescription: "response is not base64")
            }
            response = [UInt8](data)
        } else {
            response = nil
        }
        failure = try c.decodeIfPresent(ExchangeFailure.self, forKey: .failure)
        failureDetail = try c.decodeIfPresent(String.self, forKey: .failureDetail)
        truncatedOverUDP = try c.decodeIfPresent(Bool.self, forKey: .truncatedOverUDP) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(server, forKey: .server)
        try c.encode(question, forKey: .question)
        try c.encode(options, forKey: .options)
        try c.encode(startTime, forKey: .startTime)
        try c.encode(duration, forKey: .duration)
        try c.encode(transport, forKey: .transport)
        try c.encodeIfPresent(response.map { Data($0).base64EncodedString() }, forKey: .response)
        try c.encodeIfPresent(failure, forKey: .failure)
        try c.encodeIfPresent(failureDetail, forKey: .failureDetail)
        try c.encode(truncatedOverUDP, forKey: .truncatedOverUDP)
    }
}
