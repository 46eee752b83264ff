import DNSModel
import DNSSECAnalysis

/// The monitoring-plugins status of a name (and the process exit code):
/// 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
public enum MonitorStatus: Int32, Sendable, CaseIterable, Comparable {
    case ok = 0
    case warning = 1
    case critical = 2
    case unknown = 3

    /// The status word of the Nagios line: OK, WARNING, CRITICAL, UNKNOWN.
    public var word: String {
        switch self {
        case .ok: return "OK"
        case .warning: return "WARNING"
        case .critical: return "CRITICAL"
        case .unknown: return "UNKNOWN"
        }
    }

    /// Which status wins when several names are checked: CRITICAL, then
    /// UNKNOWN, then WARNING, then OK (docs/cli.md).
    public var precedence: Int {
        switch self {
        case .ok: return 0
        case .warning: return 1
        case .unknown: return 2
        case .critical: return 3
        }
    }

    public static func < (lhs: MonitorStatus, rhs: MonitorStatus) -> Bool { lhs.precedence < rhs.precedence }

    /// The worst of several statuses; OK for none.
    public static func worst<S: Sequence>(_ statuses: S) -> MonitorStatus where S.Element == MonitorStatus {
        statuses.max() ?? .ok
    }

    /// The status of one analysed name: bogus or an error finding is
    /// CRITICAL; indeterminate is CRITICAL when a zone below the root could
    /// not be had (its servers silent or broken: the name is down for every
    /// validator) and UNKNOWN when the tool itself could not work (no root
    /// server answered, or its own deadline or query budget ran out); a
    /// warning finding, or a name that does not exist (NXDOMAIN, or none of
    /// the asked types), is WARNING; an insecure name is OK unless `requireSecure`.
    public static func of(_ report: NameReport, requireSecure: Bool) -> MonitorStatus {
        switch report.status {
        case .bogus: return .critical
        case .indeterminate: return report.toolCouldNotWork ? .unknown : .critical
        case .insecure where requireSecure: return .critical
        default: break
        }
        switch report.worstSeverity {
        case .error: return .critical
        case .warning: return .warning
        default: return report.existence == .exists ? .ok : .warning
        }
    }
}

/// Settings every renderer shares: the thresholds it reports and whether an
/// insecure name is a failure.
public struct ReportPolicy: Sendable {
    public var requireSecure: Bool
    public var warnSeconds: Int64
    public var critSeconds: Int64
    /// The analysis switches, echoed in JSON so a report says how it was made.
    public var strict: Bool
    public var ignoredCodes: [String]

    public init(requireSecure: Bool = false, warnSeconds: Int64 = 3 * 86400, critSeconds: Int64 = 86400,
                strict: Bool = false, ignoredCodes: [String] = []) {
        self.requireSecure = requireSecure
        self.warnSeconds = warnSeconds
        self.critSeconds = critSeconds
        self.strict = strict
        self.ignoredCodes = ignoredCodes
    }
}

/// Whether one server of one zone answered at all during the walk.
/// A server of a zone: servers are judged, counted and shown per zone.
public struct ServerKey: Sendable, Hashable {
    public var zone: DNSName
    public var server: ServerAddress
}

public struct ServerReachability: Sendable, Hashable {
    public var zone: DNSName
    public var server: ServerAddress
    /// The NS host names of the zone at that address (none for a bare root hint).
    public var names: [DNSName] = []
    public var reachable: Bool
    /// Why not, when it did not answer ("timeout", "unreachable", …).
    public var problem: String?
}

/// One checked name, as the renderers see it: the analysis, and optionally
/// what the walk observed (for `-v`), the exchanges (for `-vv`) and how
/// long it took (for the metrics).
public struct CheckedName: Sendable {
    public var report: NameReport
    public var observation: NameObservation?
    public var exchanges: [Exchange]
    public var duration: Double?

    public init(report: NameReport, observation: NameObservation? = nil, exchanges: [Exchange] = [],
                duration: Double? = nil) {
        self.report = report
        self.observation = observation
        self.exchanges = exchanges
        self.duration = duration
    }

    public func status(_ policy: ReportPolicy) -> MonitorStatus {
        MonitorStatus.of(report, requireSecure: policy.requireSecure)
    }

    /// Per zone on the path (and the paths of CNAME targets), each server
    /// and whether it answered: from the observed exchanges when there are
    /// any, otherwise from the SERVER_UNRESPONSIVE_* / NO_SERVER_ANSWERED
    /// findings.
    public var serverReachability: [ServerReachability] {
        var result: [ServerReachability] = []
        var seen: Set<ServerKey> = []
        func add(_ item: ServerReachability) {
            if seen.insert(ServerKey(zone: item.zone, server: item.server)).inserted { result.append(item) }
        }
        if let observation {
            func walk(_ observation: NameObservation) {
                for zone in observation.zones {
                    let answers = zone.dnskeyAnswers + zone.soaAnswers
                    for server in zone.servers.sorted() {
                        let mine = answers.filter { $0.server == server }
                        guard !mine.isEmpty else { continue }
                        let answered = mine.contains { $0.exchange.response != nil }
                        let problem = mine.compactMap { $0.exchange.failure?.rawValue }.first
                        add(ServerReachability(zone: zone.zone, server: server, names: zone.hostNames(of: server),
                                               reachable: answered, problem: answered ? nil : problem))
                    }
                }
                for target in observation.cnameTarget { walk(target) }
            }
            walk(observation)
            return result
        }
        func walk(_ report: NameReport) {
            let dead: Set<DiagnosticCode> = [.serverUnresponsive, .noServerAnswered]
            for zone in report.zones {
                for server in zone.servers {
                    let failing = report.findings.first {
                        dead.contains($0.code) && $0.zone == zone.zone && $0.servers.contains(server)
                    }
                    add(ServerReachability(zone: zone.zone, server: server, names: zone.hostNames(of: server),
                                           reachable: failing == nil, problem: failing.map { _ in "timeout" }))
                }
            }
            for target in report.cnameTargets { walk(target) }
        }
        walk(report)
        return result
    }
}

extension NameReport {
    /// Findings in a stable order: severity (worst first), zone, code, subject, message.
    public var orderedFindings: [Diagnostic] {
        findings.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            return (a.zone.description, a.code, a.subject.description, a.message) < (b.zone.description, b.code, b.subject.description, b.message)
        }
    }

    func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// An indeterminate verdict that says nothing about the name's zones:
    /// the root did not answer, or the check's own limits stopped it.
    var toolCouldNotWork: Bool {
        let limits: Set<DiagnosticCode> = [.checkDeadlineExceeded, .queryBudgetExceeded]
        if findings.contains(where: { limits.contains($0.code) }) { return true }
        guard let broken = zones.first(where: { $0.status == .indeterminate }) else {
            return zones.isEmpty || cnameTargets.last?.toolCouldNotWork == true
        }
        return broken.zone.isRoot
    }

    /// The first zone on the path with the name's status (where it turns
    /// insecure or bogus), if any.
    var turningZone: DNSName? {
        guard status != .secure else { return nil }
        return zones.first { $0.status == status }?.zone
    }

    /// Where an insecure or bogus name breaks: the zone where its path
    /// turns, else the answer with that status; through a CNAME, where the
    /// target breaks: "expired.example. via CNAME www.example.".
    var breakPoint: String? {
        guard status == .insecure || status == .bogus else { return nil }
        if let zone = turningZone { return zone.description }
        if let rrset = rrsets.first(where: { $0.status == status && $0.kind != .cname }) {
            return "\(rrset.owner) \(rrset.type)"
        }
        if let target = cnameTargets.first(where: { $0.status == status }), let inner = target.breakPoint {
            return "\(inner) via CNAME \(name)"
        }
        return rrsets.first { $0.status == status }.map { "\($0.owner) \($0.type)" }
    }
}
