import ArgumentParser
import DNSModel
import IDNBridge
import DNSSECProbe
import DNSSECAnalysis
import DNSTransport
import Foundation
import LDNSBridge

/// Root hints and trust anchors: built in, or from files.
struct TrustInputs {
    var rootServers: [ServerAddress]
    var anchors: TrustAnchors
    var anchorText: [String]

    /// The IANA root servers' addresses (named.root).
    static let ianaRootServers: [String] = [
        "198.41.0.4", "170.247.170.2", "192.33.4.12", "199.7.91.13", "192.203.230.10", "192.5.5.241",
        "192.112.36.4", "198.97.190.53", "192.36.148.17", "192.58.128.30", "193.0.14.129", "199.7.83.42",
        "202.12.27.33", "2001:503:ba3e::2:30", "2801:1b8:10::b", "2001:500:2::c", "2001:500:2d::d",
        "2001:500:a8::e", "2001:500:2f::f", "2001:500:12::d0d", "2001:500:1::53", "2001:7fe::53",
        "2001:503:c27::2:30", "2001:7fd::1", "2001:500:9f::42", "2001:dc3::35",
    ]

    static func load(rootHints: String?, trustAnchor: String?, family: AddressFamily) throws -> TrustInputs {
        var servers: [ServerAddress]
        if let rootHints {
            let records = try readZoneFile(rootHints, what: "root hints")
            let nsTargets = Set(records.filter { $0.type == .ns && $0.owner.isRoot }.compactMap { try? NameData(rdata: $0.rdata).target })
            servers = records.filter { ($0.type == .a || $0.type == .aaaa) && (nsTargets.isEmpty || nsTargets.contains($0.owner)) }
                .compactMap { AddressData.text(type: $0.type, rdata: $0.rdata) }.map { ServerAddress(ip: $0) }
            if servers.isEmpty { throw ToolFailure("\(rootHints): no root server addresses (A/AAAA records) found") }
        } else {
            servers = ianaRootServers.map { ServerAddress(ip: $0) }
        }
        servers = family.filter(servers)
        if servers.isEmpty { throw ToolFailure("no root server address of the requested address family") }

        let anchorText: [String]
        if let trustAnchor {
            let records = try readZoneFile(trustAnchor, what: "trust anchor")
            let usable = records.filter { $0.type == .ds || $0.type == .dnskey }
            if usable.isEmpty { throw ToolFailure("\(trustAnchor): no DS or DNSKEY records found") }
            anchorText = usable.map(Presentation.render)
        } else {
            anchorText = TrustAnchors.ianaRootText.split(separator: "\n").map(String.init)
        }
        let anchors = try anchorsFrom(anchorText)
        return TrustInputs(rootServers: servers, anchors: anchors, anchorText: anchorText)
    }

    static func anchorsFrom(_ lines: [String]) throws -> TrustAnchors {
        do {
            return TrustAnchors(records: try lines.map { try Presentation.parseRecord($0) })
        } catch {
            throw ToolFailure("trust anchor: \(error)")
        }
    }

    static func readZoneFile(_ path: String, what: String) throws -> [Record] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolFailure("cannot read \(what) file \(path): no such file or not readable")
        }
        do { return try ZoneFileReader.parse(String(decoding: data, as: UTF8.self)) } catch {
            throw ToolFailure("\(path): \(error)")
        }
    }
}

typealias AddressFamily = ChainWalker.AddressFamily

extension ChainWalker.AddressFamily {
    func filter(_ servers: [ServerAddress]) -> [ServerAddress] { servers.filter(allows) }
}

/// Refuses every address outside 127.0.0.0/8 and ::1 when the environment
/// says so (the test suite and the lab set DNSSEC_CHECK_LOOPBACK_ONLY=1), so
/// that no test can ever send a packet to the real internet.
struct LoopbackGuard: DNSExchanging {
    let inner: any DNSExchanging

    static var enabled: Bool { ProcessInfo.processInfo.environment["DNSSEC_CHECK_LOOPBACK_ONLY"] == "1" }

    static func isLoopback(_ ip: String) -> Bool { ip.hasPrefix("127.") || ip == "::1" }

    func exchange(_ question: Question, with server: ServerAddress, options: QueryOptions) async -> Exchange {
        guard Self.isLoopback(server.ip) else {
            return Exchange(server: server, question: question, options: options, startTime: 0, duration: 0,
                            transport: options.transport, response: nil, failure: .networkError,
                            failureDetail: "refused: DNSSEC_CHECK_LOOPBACK_ONLY=1 and \(server.ip) is not loopback")
        }
        return await inner.exchange(question, with: server, options: options)
    }
}

/// The reference times the analysis accepts: 1970-01-01 to 9999-12-31 (RRSIG
/// times are 32-bit serial numbers around it, RFC 4034 §3.1.5).
let referenceTimeRange: ClosedRange<Int64> = 0...253_402_300_799

/// A reference time from `--at`: RFC 3339, or relative to `now` (+7d, -2h).
/// Out-of-range values are refused, never trapped on.
func parseReferenceTime(_ text: String, now: Double) throws -> Int64 {
    let base = try referenceTime(now, what: "the run's clock")
    if let sign = text.first, sign == "+" || sign == "-", let unit = text.last,
       let value = Int64(text.dropFirst().dropLast()) {
        let multiplier: Int64
        switch unit {
        case "s": multiplier = 1
        case "m": multiplier = 60
        case "h": multiplier = 3600
        case "d": multiplier = 86400
        case "w": multiplier = 7 * 86400
        default: throw ValidationError("--at: unknown unit '\(unit)' in \(text) (use s, m, h, d or w)")
        }
        let (seconds, overflow) = value.multipliedReportingOverflow(by: multiplier)
        let (moved, overflow2) = sign == "+" ? base.addingReportingOverflow(seconds) : base.subtractingReportingOverflow(seconds)
        guard !overflow, !overflow2, referenceTimeRange.contains(moved) else {
            throw ValidationError("--at: \(text) is outside the years 1970 to 9999")
        }
        return moved
    }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    if let date = formatter.date(from: text) { return try referenceTime(date.timeIntervalSince1970, what: "--at \(text)") }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return try referenceTime(date.timeIntervalSince1970, what: "--at \(text)") }
    // A plain date is its midnight, UTC.
    formatter.formatOptions = [.withFullDate]
    if text.count == 10, let date = formatter.date(from: text) {
        return try referenceTime(date.timeIntervalSince1970, what: "--at \(text)")
    }
    throw ValidationError("--at: '\(text)' is neither a date (2026-12-24), RFC 3339 (2026-12-01T00:00:00Z) nor relative (+7d, -2h)")
}

/// Seconds since 1970 as a reference time, refused when not finite or out of range.
func referenceTime(_ seconds: Double, what: String) throws -> Int64 {
    guard seconds.isFinite, seconds >= Double(referenceTimeRange.lowerBound),
          seconds <= Double(referenceTimeRange.upperBound) else {
        throw ValidationError("\(what) (\(seconds)) is outside the years 1970 to 9999")
    }
    return Int64(seconds)
}

func parseNames(_ texts: [String]) throws -> [DNSName] {
    try texts.map { text in
        do throws(HostName.Refused) { return try HostName.parse(text) } catch { throw ValidationError(error.description) }
    }
}

/// A name as a person types it: a host name, perhaps internationalized. A
/// typo must not turn into a query for a name that cannot exist (and a
/// signed NXDOMAIN that reads as OK), so what is not a host name is refused.
enum HostName {
    struct Refused: Error, CustomStringConvertible { let description: String }

    static func parse(_ raw: String) throws(Refused) -> DNSName {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text == "-" {
            throw Refused(description: "'-' is not a domain name (to read names from standard input, use -f -)")
        }
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let host = rest.prefix { !"/:?#@".contains($0) }
            throw Refused(description: "'\(text)' is a URL, not a domain name" + (host.isEmpty ? "" : ": did you mean \(host)?"))
        }
        if let bad = text.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F || "/\\:".unicodeScalars.contains($0) }) {
            let what = bad.properties.isWhitespace ? (bad == " " ? "a space" : "whitespace") : bad.value < 0x20 || bad.value == 0x7F ? "a control character"
                : "'\(Character(bad))'"
            throw Refused(description: "'\(text.debugDescription.dropFirst().dropLast())' is not a domain name: it contains \(what)")
        }
        let ascii: String
        do { ascii = try IDNA.toASCII(text) } catch {
            throw Refused(description: "'\(text)' is not a valid internationalized domain name: \(error)")
        }
        do { return try DNSName(ascii) } catch {
            throw Refused(description: "'\(text)' is not a valid domain name: \(error)")
        }
    }
}

func parseTypes(_ texts: [String]) throws -> [RRType] {
    try texts.map { text in
        guard let type = RRType(mnemonic: text) else {
            throw ValidationError("-t: '\(text)' is not a record type (a mnemonic such as A, AAAA, MX, TXT, DS, or TYPE65280)")
        }
        switch type {
        case .rrsig, .nsec, .nsec3:
            throw ValidationError("-t \(type): signatures and denial records are checked with the data they cover: ask for that type (-t A, -t MX …)")
        case .any:
            throw ValidationError("-t ANY: authoritative servers need not answer ANY fully (RFC 8482): name the types to check (-t A -t MX …)")
        case .opt:
            throw ValidationError("-t OPT: OPT is EDNS's pseudo-record, not data a name holds")
        default:
            // Meta and query-only types (RFC 6895 §3.1: 128-255, e.g. AXFR, TSIG) are not data either.
            if (128...255).contains(type.rawValue) || [249, 250].contains(type.rawValue) {
                throw ValidationError("-t \(type): a query or meta type, not data a name holds")
            }
            return type
        }
    }
}

/// What the shell completions offer: the record types people check, and
/// every diagnostic code of the catalog (for `--ignore` and `codes`).
enum Completions {
    static let recordTypes = ["A", "AAAA", "CAA", "CDNSKEY", "CDS", "CNAME", "DNAME", "DNSKEY", "DS", "HTTPS", "MX",
                              "NAPTR", "NS", "NSEC3PARAM", "PTR", "SMIMEA", "SOA", "SRV", "SSHFP", "SVCB", "TLSA", "TXT"]
    static var codes: [String] { DiagnosticCode.allCases.map(\.rawValue) }
}

/// The whole of a file, a pipe or a process substitution (`<(aws …)`), which
/// FileManager.contents(atPath:) cannot read; nil when it cannot be opened.
func readWholeFile(_ path: String) -> Data? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return try? handle.readToEnd() ?? Data()
}

/// `--ns NAME[/ADDRESS]`, as zonemaster-cli takes it: a name server of the
/// zone under pre-delegation test, with an address (repeat the option for
/// more addresses of one name); a name outside the zone may come without
/// one and is looked up.
enum UndelegatedOption {
    static func parse(_ specs: [String], zone: DNSName) throws -> Undelegated {
        var servers: [DNSName: [ServerAddress]] = [:]
        for spec in specs {
            let parts = spec.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name: DNSName
            do { name = try HostName.parse(parts[0]) } catch {
                throw ValidationError("--ns '\(spec)': \(error)")
            }
            var addresses = servers[name] ?? []
            if parts.count == 2 {
                guard let address = address(parts[1]) else {
                    throw ValidationError("--ns '\(spec)': '\(parts[1])' is not an IPv4 or IPv6 address")
                }
                if !addresses.contains(address) { addresses.append(address) }
            }
            servers[name] = addresses
        }
        for (name, addresses) in servers where addresses.isEmpty && name.isSubdomain(of: zone) {
            throw ValidationError("--ns \(name): a name server inside \(zone) needs its address (--ns \(name)/ADDRESS): nothing can look it up before the delegation exists")
        }
        return Undelegated(zone: zone, nameServers: servers.keys.sorted().map {
            Undelegated.NameServer(name: $0, addresses: servers[$0]!.sorted())
        })
    }

    /// The address in the form the walk uses for glue (ldns parses it).
    static func address(_ text: String) -> ServerAddress? {
        let type: RRType = text.contains(":") ? .aaaa : .a
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0 == ";" }),
              let rdata = presentationRDATA(text, as: type),
              let ip = AddressData.text(type: type, rdata: rdata) else { return nil }
        return ServerAddress(ip: ip)
    }
}

/// The RDATA of `type` written in presentation form (an option's or a JSON
/// field's value), parsed by ldns; nil when it is not that type's data.
/// The value is data, not zone-file text: a ';' (a comment to ldns, which
/// would drop the rest), parentheses, quotes or control bytes make it no
/// RDATA at all, rather than a prefix of what was written.
func presentationRDATA(_ text: String, as type: RRType) -> [UInt8]? {
    guard !text.unicodeScalars.contains(where: { ";()\"".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F })
    else { return nil }
    return (try? Presentation.parseRecord("rdata. 3600 IN \(type) \(text)"))?.rdata
}
