import DNSModel
import DNSSEC

public enum SecurityStatus: String, Sendable, Codable, Comparable {
    case secure, insecure, indeterminate, bogus

    var rank: Int {
        switch self {
        case .secure: return 0
        case .insecure: return 1
        case .indeterminate: return 2
        case .bogus: return 3
        }
    }
    public static func < (lhs: SecurityStatus, rhs: SecurityStatus) -> Bool { lhs.rank < rhs.rank }
}

/// One line of the checklist, in the grammar operators know from the
/// Verisign analyzer: "DS=12345/SHA-256 verifies DNSKEY=12345/SEP".
public struct CheckLine: Sendable, Hashable, Codable {
    public enum Mark: String, Sendable, Codable { case ok, warning, error, info }
    public var mark: Mark
    public var text: String
    /// The finding this line is the checklist form of: the text report
    /// leaves the line out when that finding is printed below it.
    public var repeats: [DiagnosticCode] = []
    public init(_ mark: Mark, _ text: String, repeats: [DiagnosticCode] = []) {
        self.mark = mark
        self.text = text
        self.repeats = repeats
    }
}

/// How a DS record of the parent fared against the child's DNSKEYs.
public enum DSStatus: String, Sendable, Hashable, Codable {
    case matches
    case digestMismatch = "digest_mismatch"
    case noMatchingKey = "no_matching_key"
    /// Its algorithm or digest type cannot be checked.
    case unsupported
}

/// What became of one RRSIG. The raw value is the JSON spelling.
public enum SignatureStatus: String, Sendable, Hashable, Codable {
    case valid
    /// Verifies, but with a key the chain does not vouch for.
    case validButUntrusted = "valid_but_untrusted"
    case expired
    case notYetValid = "not_yet_valid"
    case invalid
    case noMatchingKey = "no_matching_key"
    /// Its key is published but not trusted (not reached from the anchor).
    case untrustedKey = "untrusted_key"
    case unsupportedAlgorithm = "unsupported_algorithm"
    case malformedKey = "malformed_key"
    case malformed
    case mismatch
    /// Not checked: the RRset copy's or the name's crypto budget was spent.
    case notChecked = "not_checked"

    /// In words, for the text report.
    public var words: String {
        switch self {
        case .valid: return "valid"
        case .validButUntrusted: return "valid but untrusted"
        case .expired: return "expired"
        case .notYetValid: return "not yet valid"
        case .invalid: return "invalid"
        case .noMatchingKey: return "no matching key"
        case .untrustedKey: return "untrusted key"
        case .unsupportedAlgorithm: return "unsupported algorithm"
        case .malformedKey: return "malformed key"
        case .malformed: return "malformed"
        case .mismatch: return "mismatch"
        case .notChecked: return "not checked"
        }
    }
}

/// What the servers answered for an asked name and type.
public enum AnswerKind: String, Sendable, Hashable, Codable {
    case positive, nxdomain, nodata, cname
    case noAnswer = "no_answer"
}

public struct DSReport: Sendable, Hashable, Codable {
    public var keyTag: UInt16
    public var algorithm: UInt8
    public var algorithmName: String
    public var digestType: UInt8
    public var digestTypeName: String
    public var digest: [UInt8]
    public var status: DSStatus
    public var matchedKeyTag: UInt16?
}

public struct DNSKEYReport: Sendable, Hashable {
    public var keyTag: UInt16
    public var flags: UInt16
    public var role: DNSKEYFacts.Role
    public var algorithm: UInt8
    public var algorithmName: String
    public var keySize: Int?
    public var revoked: Bool
    public var matchedByDS: Bool
    public var signsDNSKEYRRset: Bool
    public var servers: [ServerAddress]
}

public struct RRSIGReport: Sendable, Hashable {
    public var owner: DNSName
    public var typeCovered: RRType
    public var keyTag: UInt16
    public var algorithm: UInt8
    public var signer: DNSName
    /// The validity window in seconds since the epoch (each renderer writes
    /// it its own way: RFC 3339, "in 3d", a bar on the timeline).
    public var inception: Int64
    public var expiration: Int64
    /// Seconds from the reference time to expiration (negative when expired).
    public var secondsLeft: Int64
    public var status: SignatureStatus
    public var servers: [ServerAddress]
}

public struct RRsetReport: Sendable, Hashable {
    public var owner: DNSName
    public var type: RRType
    public var kind: AnswerKind
    public var status: SecurityStatus
    /// The records themselves: each renderer prints them its own way.
    public var records: [Record]
    public var rrsigs: [RRSIGReport]
    /// Each NSEC/NSEC3 record of the denial as it was checked.
    public var proof: [ProofLine]
    /// The same records in full, with what each one proves.
    public var proofRecords: [ProofRecord] = []
}

/// One NSEC or NSEC3 record of a denial proof (RFC 4035 §5.4, RFC 5155 §8):
/// its span, its type bitmap, whether its signature validated, and the
/// role it plays for the names of the proof.
public struct ProofRecord: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Owned by the asked name (NODATA: its bitmap lacks the type).
        case matchesName = "matches_name"
        /// Its span covers the asked name (NXDOMAIN with NSEC).
        case coversName = "covers_name"
        /// NSEC3: matches the closest encloser.
        case closestEncloser = "closest_encloser"
        /// NSEC3: covers the next closer name.
        case nextCloser = "covers_next_closer"
        /// Covers (or, for NODATA, matches) the wildcard at the closest encloser.
        case wildcard = "wildcard"
        /// An NSEC3 opt-out span covering an unsigned delegation.
        case optOut = "opt_out"
    }

    /// A name of the proof and its NSEC3 hash, as the proof used it.
    public struct Hash: Sendable, Hashable {
        public var name: DNSName
        public var hash: [UInt8]
        public var role: Role
    }

    /// The next owner name (NSEC) or the next hashed owner (NSEC3).
    public enum Next: Sendable, Hashable, CustomStringConvertible {
        case name(DNSName)
        case hash([UInt8])

        /// The name, or the hash in base32hex as NSEC3 owners are written.
        public var description: String {
            switch self {
            case .name(let name): return name.description
            case .hash(let hash): return Encodings.base32hex(hash)
            }
        }
    }

    public var owner: DNSName
    /// NSEC or NSEC3.
    public var type: RRType
    public var next: Next
    public var types: [RRType]
    public var signed: Bool
    /// The RRSIGs over its RRset, with their keys and statuses (the graph
    /// draws each from the key that made it).
    public var rrsigs: [RRSIGReport] = []
    public var roles: [Role] = []
    /// NSEC3 only: the hashes of the names it matched or covered.
    public var hashes: [Hash] = []
    public var optOut: Bool = false

    public init(owner: DNSName, type: RRType, next: Next, types: [RRType], signed: Bool, optOut: Bool = false,
                rrsigs: [RRSIGReport] = []) {
        self.owner = owner
        self.type = type
        self.next = next
        self.types = types
        self.signed = signed
        self.optOut = optOut
        self.rrsigs = rrsigs
    }
}

/// One NSEC or NSEC3 record of a denial as it was checked: "owner NSEC (signed)".
public struct ProofLine: Sendable, Hashable, CustomStringConvertible {
    public var owner: DNSName
    public var type: RRType
    public var signed: Bool

    public var description: String { "\(owner) \(type) (\(signed ? "signed" : "signature not valid"))" }
}

/// What one server of a zone gave, judged on its own answers (DNSKEY and
/// SOA): a stale or broken server is named with its own verdict.
public struct ServerVerdict: Sendable, Hashable {
    /// The zone's own status when the server's answers give it, or how the
    /// server fails on its own.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case secure, insecure, indeterminate, bogus
        case lame, unresponsive, error
        case invalidResponse = "invalid_response"

        public init(_ status: SecurityStatus) {
            switch status {
            case .secure: self = .secure
            case .insecure: self = .insecure
            case .indeterminate: self = .indeterminate
            case .bogus: self = .bogus
            }
        }

        /// Whether it is the verdict a validator would give the zone through this server.
        public func agrees(with status: SecurityStatus) -> Bool { self == Kind(status) }

        /// A server whose answers are wrong (not merely missing).
        public var isBroken: Bool { [.bogus, .invalidResponse, .lame].contains(self) }
    }

    public var server: ServerAddress
    public var verdict: Kind
    public var soaSerial: UInt32?
    /// Why, when the verdict is not the zone's own.
    public var problem: String?
}

/// What a server of a zone cost the walk: its exchanges and round trips
/// (like unbound's infrastructure cache, from the recorded exchanges, so
/// `analyze` gives the same).
public struct ServerHealthReport: Sendable, Hashable {
    public var server: ServerAddress
    /// Exchanges sent to it for the zone, answered (any response), failed
    /// (timeouts, unreachable, resets), and not sent because it had been
    /// found unresponsive earlier in the run.
    public var asked: Int
    public var answered: Int
    public var failed: Int
    public var notAsked: Int
    /// Median and largest time of its answered exchanges, in milliseconds.
    public var medianMilliseconds: Double?
    public var maxMilliseconds: Double?
}

/// One name server of a zone and the addresses the walk found for it
/// (glue from the parent's referral, or the name resolved).
public struct NameServerReport: Sendable, Hashable {
    public var name: DNSName
    public var addresses: [ServerAddress]
}

public struct ZoneReport: Sendable, Hashable {
    public var zone: DNSName
    public var parent: DNSName?
    public var status: SecurityStatus
    public var servers: [ServerAddress]
    /// The zone's NS set as the walk knew it (empty for a root from hints
    /// that gave no names), sorted by name.
    public var nameServers: [NameServerReport] = []
    public var serverHealth: [ServerHealthReport] = []
    public var ds: [DSReport]
    public var dnskeys: [DNSKEYReport]
    public var rrsigs: [RRSIGReport]
    /// The earliest expiration of a signature this zone's validation relies on.
    public var earliestExpiration: Int64?
    public var checks: [CheckLine]
    public var serverVerdicts: [ServerVerdict] = []
    /// The parent's signatures over this zone's DS RRset (the link the
    /// graph draws from the parent's key to the DS).
    public var dsRRSIGs: [RRSIGReport] = []
}

extension ZoneReport {
    /// The NS host names that have `address` among their addresses.
    public func hostNames(of address: ServerAddress) -> [DNSName] {
        nameServers.filter { $0.addresses.contains(address) }.map(\.name)
    }

    /// "ns2.example. (192.0.2.2)", or the bare address when no NS name has it.
    public func label(_ address: ServerAddress) -> String {
        ZoneObservation.label(names: hostNames(of: address), address: address)
    }
}

/// The analysis of one name: verdict, per-zone detail, the requested
/// RRsets, every finding, and when the chain turns bogus if nothing is re-signed.
public struct NameReport: Sendable, Hashable {
    public var name: DNSName
    public var types: [RRType]
    public var status: SecurityStatus
    /// Seconds since the epoch, as are all times of the report.
    public var referenceTime: Int64
    public var validUntil: Int64?
    public var validUntilSecondsLeft: Int64?
    public var zones: [ZoneReport]
    public var rrsets: [RRsetReport]
    public var findings: [Diagnostic]
    public var cnameTargets: [NameReport]

    /// Highest severity among the findings, nil when there are none.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }
}

extension NameReport {
    /// The NS host names of `address` in `zone` on this name's path (or a
    /// CNAME target's); in any zone of the path when that zone does not name it.
    public func hostNames(of address: ServerAddress, zone: DNSName) -> [DNSName] {
        let all = allZones
        if let own = all.first(where: { $0.zone == zone }), case let names = own.hostNames(of: address), !names.isEmpty {
            return names
        }
        return Array(Set(all.flatMap { $0.hostNames(of: address) })).sorted()
    }

    /// "ns2.example. (192.0.2.2)", or the bare address when no NS name has it.
    public func serverLabel(_ address: ServerAddress, zone: DNSName) -> String {
        ZoneObservation.label(names: hostNames(of: address, zone: zone), address: address)
    }

    /// The zones of the path and of every CNAME target's path.
    var allZones: [ZoneReport] { zones + cnameTargets.flatMap(\.allZones) }
}

/// Whether the asked name exists: a validated NXDOMAIN, or none of the asked
/// types present (NODATA for every one), is not an OK for a monitor.
public enum NameExistence: String, Sendable {
    case exists, nxdomain, nodata
}

extension NameReport {
    /// From the answers of the name, or of the end of its CNAME chain.
    public var existence: NameExistence {
        if let target = cnameTargets.last { return target.existence }
        guard !rrsets.isEmpty, rrsets.allSatisfy({ $0.kind == .nxdomain || $0.kind == .nodata }) else { return .exists }
        return rrsets.contains { $0.kind == .nxdomain } ? .nxdomain : .nodata
    }

    /// "NXDOMAIN: the name does not exist" or "NODATA: no A or AAAA at the name"; nil when it exists.
    public var existenceText: String? {
        switch existence {
        case .exists: return nil
        case .nxdomain: return "NXDOMAIN: \(cnameTargets.last?.name ?? name) does not exist"
        case .nodata:
            let end = cnameTargets.last ?? self
            let types = end.rrsets.map(\.type.description)
            let listed = types.count > 1 ? types.dropLast().joined(separator: ", ") + " or " + types.last! : types.joined()
            return "NODATA: \(end.name) has no \(listed) records"
        }
    }
}

