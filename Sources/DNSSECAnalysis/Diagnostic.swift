import DNSModel

public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What a finding is about, as values: renderers write it (`description`)
/// and machines read its parts (JSON `about`), so nothing is parsed back.
public enum Subject: Sendable, Hashable, CustomStringConvertible {
    /// A zone as a whole: "zone example."
    case zone(DNSName)
    /// The delegation from a parent (nil when unknown) to a child: "delegation com. → example.com."
    case delegation(parent: DNSName?, child: DNSName)
    /// One name server, with the NS host names that have its address, for a zone.
    case server(ServerAddress, names: [DNSName], zone: DNSName)
    /// A name as a whole (its answers, a walk problem): "www.example."
    case name(DNSName)
    /// One RRset: "www.example. A"
    case rrset(DNSName, RRType)
    /// The signatures over one RRset, on the validation path: "RRSIG A www.example."
    case rrsigs(DNSName, covering: RRType)
    /// One DS record, by key tag, algorithm and digest type: "DS 12345/13/2 of example."
    case ds(DNSName, keyTag: UInt16, algorithm: UInt8, digestType: UInt8)
    /// One DNSKEY, by key tag and algorithm: "DNSKEY 12345/13 of example."
    case dnskey(DNSName, keyTag: UInt16, algorithm: UInt8)
    /// A denial proof of the zone's: "NXDOMAIN proof of example."
    case nxdomainProof(DNSName)
    /// The signed denial of one name and type: "NSEC proof for www.example. AAAA"
    case denial(DNSName, RRType)

    public var description: String {
        switch self {
        case .zone(let zone): return "zone \(zone)"
        case .delegation(let parent, let child): return "delegation \(parent?.description ?? "?") → \(child)"
        case .server(let address, let names, let zone):
            return "server \(ZoneObservation.label(names: names, address: address)) for \(zone)"
        case .name(let name): return name.description
        case .rrset(let owner, let type): return "\(owner) \(type)"
        case .rrsigs(let owner, let type): return "RRSIG \(type) \(owner)"
        case .ds(let owner, let tag, let algorithm, let digest): return "DS \(tag)/\(algorithm)/\(digest) of \(owner)"
        case .dnskey(let owner, let tag, let algorithm): return "DNSKEY \(tag)/\(algorithm) of \(owner)"
        case .nxdomainProof(let zone): return "NXDOMAIN proof of \(zone)"
        case .denial(let name, let type): return "NSEC proof for \(name) \(type)"
        }
    }

    /// The name the subject is at (the zone, the owner, the child).
    public var owner: DNSName {
        switch self {
        case .zone(let name), .name(let name), .nxdomainProof(let name): return name
        case .delegation(_, let child): return child
        case .server(_, _, let zone): return zone
        case .rrset(let owner, _), .rrsigs(let owner, _), .denial(let owner, _), .ds(let owner, _, _, _), .dnskey(let owner, _, _): return owner
        }
    }
}

/// One finding: a stable code from the catalog, what it attaches to (a
/// typed subject), the zone and the servers where it was seen, the time it
/// is about when there is one, the sentence for people, and what to do.
public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var subject: Subject
    public var zone: DNSName
    /// Where it was seen, in address order.
    public var servers: [ServerAddress]
    /// The moment the finding is about, when it is about one (a signature's
    /// expiration or inception), in seconds since the epoch.
    public var time: Int64?
    public var message: String
    public var remedy: String
    public var references: [String]

    public init(_ code: DiagnosticCode, subject: Subject, zone: DNSName, servers: [ServerAddress] = [],
                time: Int64? = nil, message: String, remedy: String? = nil, severity: Severity? = nil) {
        let entry = DiagnosticCatalog.entry(code)
        self.code = code
        self.severity = severity ?? entry.severity
        self.subject = subject
        self.zone = zone
        self.servers = Array(Set(servers)).sorted()
        self.time = time
        self.message = message
        self.remedy = remedy ?? entry.remedy
        self.references = entry.references
    }
}
