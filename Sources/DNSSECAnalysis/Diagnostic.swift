import DNSModel

public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding: a stable code from the catalog, what it attaches to, where
/// it was seen, the concrete values, and what to do about it.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var code: String
    public var severity: Severity
    /// What the finding attaches to, e.g. "zone example.com.", "DS 12345/13/2 of example.com.".
    public var subject: String
    public var zone: String
    public var servers: [String]
    public var message: String
    public var remedy: String
    public var references: [String]

    public init(_ code: DiagnosticCode, subject: String, zone: DNSName, servers: [ServerAddress] = [],
                message: String, remedy: String? = nil, severity: Severity? = nil) {
        let entry = DiagnosticCatalog.entry(code)
        self.code = code.rawValue
        self.severity = severity ?? entry.severity
        self.subject = subject
        self.zone = zone.description
        self.servers = Array(Set(servers)).sorted().map(\.description)
        self.message = message
        self.remedy = remedy ?? entry.remedy
        self.references = entry.references
    }
}
