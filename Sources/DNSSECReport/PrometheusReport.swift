import DNSModel
import DNSSECAnalysis

/// `--format prometheus`: the Prometheus text exposition format (0.0.4),
/// for node_exporter's textfile collector. Every metric has HELP and TYPE;
/// names follow the Prometheus conventions (`_seconds`, `_timestamp_seconds`,
/// base units); a zone or server seen by several names appears once.
public struct PrometheusReport {
    public var policy: ReportPolicy
    /// Unix time of the run (the reference time), for staleness alerts.
    public var runTimestamp: Int64?

    public init(policy: ReportPolicy = ReportPolicy(), runTimestamp: Int64? = nil) {
        self.policy = policy
        self.runTimestamp = runTimestamp
    }

    struct Family {
        let name: String
        let help: String
        var samples: [(labels: [(String, String)], value: String)] = []
    }

    public func render(_ names: [CheckedName]) -> String {
        var status = Family(name: "dnssec_check_status",
                            help: "DNSSEC verdict of the name: 1 for its current status (secure, insecure, bogus, indeterminate), 0 for the others.")
        var monitor = Family(name: "dnssec_check_monitor_status",
                             help: "Monitoring status of the name, as the exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.")
        var until = Family(name: "dnssec_check_valid_until_timestamp_seconds",
                           help: "Unix time at which the chain of trust turns bogus unless re-signed (secure names only).")
        var left = Family(name: "dnssec_check_valid_until_seconds",
                          help: "Seconds from the check until valid_until (secure names only).")
        var zones = Family(name: "dnssec_check_rrsig_earliest_expiry_timestamp_seconds",
                           help: "Unix time of the earliest expiration among the signatures each zone's validation relies on.")
        var findings = Family(name: "dnssec_check_findings",
                              help: "Number of findings for the name by severity (error, warning, info).")
        var reach = Family(name: "dnssec_check_server_reachable",
                           help: "1 when the name server address answered during the walk, 0 when it did not.")
        var duration = Family(name: "dnssec_check_analysis_duration_seconds",
                              help: "Seconds the walk and analysis of the name took.")
        var run = Family(name: "dnssec_check_last_run_timestamp_seconds",
                         help: "Unix time of the check (its reference time).")
        var fixFirst = Family(name: "dnssec_check_fix_first_info",
                              help: "The finding to fix first for the name (code, severity, zone of the finding); always 1, absent when there is nothing to fix.")

        var zoneExpiry: [DNSName: Int64] = [:]
        var zoneOrder: [DNSName] = []
        var servers: [ServerKey: ServerReachability] = [:]
        var serverOrder: [ServerKey] = []
        var latest: Int64? = runTimestamp

        for checked in names {
            let report = checked.report
            let name = [("name", report.name.description)]
            for value in [SecurityStatus.secure, .insecure, .bogus, .indeterminate] {
                status.samples.append((name + [("status", value.rawValue)], report.status == value ? "1" : "0"))
            }
            monitor.samples.append((name, String(checked.status(policy).rawValue)))
            if let validUntil = report.validUntil, let seconds = report.validUntilSecondsLeft {
                until.samples.append((name, String(validUntil)))
                left.samples.append((name, String(seconds)))
            }
            for severity in [Severity.error, .warning, .info] {
                findings.samples.append((name + [("severity", severity.rawValue)], String(report.count(severity))))
            }
            if let first = report.fixFirst {
                fixFirst.samples.append((name + [("code", first.code.rawValue), ("severity", first.severity.rawValue), ("zone", first.zone.description)], "1"))
            }
            if let seconds = checked.duration {
                duration.samples.append((name, Self.number(seconds)))
            }
            if runTimestamp == nil {
                latest = max(latest ?? report.referenceTime, report.referenceTime)
            }
            func collect(_ report: NameReport) {
                for zone in report.zones {
                    guard let expiry = zone.earliestExpiration else { continue }
                    if zoneExpiry[zone.zone] == nil { zoneOrder.append(zone.zone) }
                    zoneExpiry[zone.zone] = min(zoneExpiry[zone.zone] ?? expiry, expiry)
                }
                report.cnameTargets.forEach(collect)
            }
            collect(report)
            for item in checked.serverReachability {
                let key = ServerKey(zone: item.zone, server: item.server)
                if let known = servers[key] {
                    if known.reachable && !item.reachable { servers[key] = item }
                } else {
                    servers[key] = item
                    serverOrder.append(key)
                }
            }
        }
        for zone in zoneOrder {
            zones.samples.append(([("zone", zone.description)], String(zoneExpiry[zone]!)))
        }
        for key in serverOrder {
            let item = servers[key]!
            reach.samples.append(([("zone", item.zone.description), ("server", item.server.description),
                                   ("name", item.names.map(\.description).joined(separator: ","))], item.reachable ? "1" : "0"))
        }
        if let latest { run.samples.append(([], String(latest))) }

        var out = ""
        for family in [status, monitor, until, left, zones, findings, fixFirst, reach, duration, run] where !family.samples.isEmpty {
            out += "# HELP \(family.name) \(Self.escapeHelp(family.help))\n"
            out += "# TYPE \(family.name) gauge\n"
            for sample in family.samples {
                let labels = sample.labels.isEmpty ? ""
                    : "{" + sample.labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
                out += "\(family.name)\(labels) \(sample.value)\n"
            }
        }
        return out
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return String(rounded)
    }

    static func escapeLabel(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}
