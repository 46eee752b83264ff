import DNSModel
import DNSSECAnalysis
import DNSSECReport

/// The verification of a zone file as text, JSON, a Nagios line and
/// Prometheus samples; the monitor status (and exit code) as for names:
/// an error finding is CRITICAL, a warning WARNING.
public struct ZoneVerificationReport: Sendable {
    public var verification: ZoneVerification
    public var file: String

    public init(_ verification: ZoneVerification, file: String) {
        self.verification = verification
        self.file = file
    }

    public var monitorStatus: MonitorStatus {
        switch verification.worstSeverity {
        case .error: return .critical
        case .warning: return .warning
        default: return .ok
        }
    }

    var summary: String {
        let v = verification
        let errors = v.findings.filter { $0.diagnostic.severity == .error }.count
        let warnings = v.findings.filter { $0.diagnostic.severity == .warning }.count
        var text = "\(v.zone) (\(file)): \(v.status.rawValue.uppercased())"
        if let until = v.earliestExpiration {
            let left = until - v.referenceTime
            text += ", valid until \(TimeText.rfc3339(until)) (" + (left >= 0 ? "in \(TimeText.span(left))" : "\(TimeText.span(left)) ago") + ")"
        }
        text += "; \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") [\(monitorStatus.word)]"
        return text
    }

    public func text(ascii: Bool = false) -> String {
        let v = verification
        var lines: [String] = []
        lines.append("Zone \(v.zone)  \(v.status.rawValue.uppercased())  (\(file))")
        lines.append("  \(v.records) records, \(v.rrsets) RRsets (\(v.signedRRsets) to be signed), \(v.signaturesChecked) signatures checked, denial by \(v.denial)")
        if let until = v.earliestExpiration {
            lines.append("  earliest expiration: \(TimeText.rfc3339(until)), \(v.earliestExpiring)")
        }
        for finding in v.findings {
            let d = finding.diagnostic
            let mark = ascii ? (d.severity == .error ? "x" : d.severity == .warning ? "!" : "-")
                             : (d.severity == .error ? "✗" : d.severity == .warning ? "!" : "·")
            let places = finding.count == 1 ? "" : " (\(finding.count) times; first at \(finding.owners.map(\.description).joined(separator: ", "))\(finding.count > finding.owners.count ? ", …" : ""))"
            lines.append("  \(mark) \(d.code): \(d.message)\(places)")
            if d.severity != .info { lines.append("      fix: \(d.remedy)") }
        }
        if v.findings.isEmpty { lines.append("  \(ascii ? "+" : "✓") every signature, the denial chain and the apex verify") }
        lines.append(summary)
        if let first = v.findings.first, first.diagnostic.severity != .info {
            lines.append("fix first: \(first.diagnostic.code): \(first.diagnostic.remedy)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json(tool: String) -> String {
        let v = verification
        let findings: [JSONValue] = v.findings.map { finding in
            let d = finding.diagnostic
            return .object([
                "code": .string(d.code.rawValue), "severity": .string(d.severity.rawValue), "subject": .string(d.subject.description),
                "message": .string(d.message), "remedy": .string(d.remedy), "references": .strings(d.references),
                "count": .int(finding.count), "owners": .strings(finding.owners.map(\.description)),
                "time": d.time.map { .string(TimeText.rfc3339($0)) } ?? .null,
            ])
        }
        let document: JSONValue = .object([
            "format_version": .string("1.0"), "tool": .string(tool), "kind": .string("zone"),
            "zone": .string(v.zone.description), "file": .string(file), "status": .string(v.status.rawValue),
            "monitor_status": .string(monitorStatus.word), "exit_code": .int(monitorStatus.rawValue),
            "reference_time": .string(TimeText.rfc3339(v.referenceTime)),
            "valid_until": .optional(v.earliestExpiration.map(TimeText.rfc3339)),
            "valid_until_seconds_left": .optional(v.earliestExpiration.map { $0 - v.referenceTime }),
            "counts": .object(["records": .int(v.records), "rrsets": .int(v.rrsets), "signed_rrsets": .int(v.signedRRsets),
                               "signatures_checked": .int(v.signaturesChecked)]),
            "denial": .string(v.denial), "summary": .string(summary), "findings": .array(findings),
            "fix_first": v.findings.first.map { .object(["code": .string($0.diagnostic.code.rawValue), "remedy": .string($0.diagnostic.remedy)]) } ?? .null,
        ])
        return document.serialized(pretty: true) + "\n"
    }

    public func nagios() -> String {
        let v = verification
        let left = v.earliestExpiration.map { $0 - v.referenceTime }
        let problems = v.findings.filter { $0.diagnostic.severity != .info }.prefix(3).map { "\($0.diagnostic.code) (\($0.count))" }
        return "DNSSEC \(monitorStatus.word) - zone \(v.zone) \(v.status.rawValue.uppercased())"
            + (problems.isEmpty ? "" : ": " + problems.joined(separator: ", "))
            + " | signatures=\(v.signaturesChecked) findings=\(v.findings.count)"
            + (left.map { " valid_until_seconds=\($0)s" } ?? "") + "\n"
    }

    public func prometheus() -> String {
        let v = verification
        let zone = v.zone.description.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        var out = [
            "# HELP dnssec_check_zone_status Monitor status of the zone file (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).",
            "# TYPE dnssec_check_zone_status gauge",
            "dnssec_check_zone_status{zone=\"\(zone)\"} \(monitorStatus.rawValue)",
            "# HELP dnssec_check_zone_valid_until_seconds Seconds until the earliest signature expiration in the zone file.",
            "# TYPE dnssec_check_zone_valid_until_seconds gauge",
        ]
        if let until = v.earliestExpiration { out.append("dnssec_check_zone_valid_until_seconds{zone=\"\(zone)\"} \(until - v.referenceTime)") }
        out += [
            "# HELP dnssec_check_zone_findings Places with each condition found in the zone file.",
            "# TYPE dnssec_check_zone_findings gauge",
        ]
        for finding in v.findings {
            out.append("dnssec_check_zone_findings{zone=\"\(zone)\",code=\"\(finding.diagnostic.code)\",severity=\"\(finding.diagnostic.severity.rawValue)\"} \(finding.count)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
