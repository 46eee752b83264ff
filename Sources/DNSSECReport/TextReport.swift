import DNSSECAnalysis

/// Renders reports for a person at a terminal or in a CI log: per zone from
/// the trust anchor down, one line per check, findings with their remedies,
/// and a verdict line. Fits 80 columns; colour and Unicode are optional.
public struct TextReport {
    public enum Verbosity: Int, Sendable { case quiet = 0, normal = 1, verbose = 2 }

    public var color: Bool
    public var unicode: Bool
    public var verbosity: Verbosity

    public init(color: Bool = false, unicode: Bool = true, verbosity: Verbosity = .normal) {
        self.color = color
        self.unicode = unicode
        self.verbosity = verbosity
    }

    public func render(_ report: NameReport) -> String {
        if verbosity == .quiet { return summary(report) + "\n" }
        var out: [String] = []
        out.append(bold("\(report.name) (\(report.types.joined(separator: ", "))) at \(report.referenceTime)"))
        out.append("")
        for zone in report.zones {
            out.append(bold("Zone \(zone.zone)") + "  " + status(zone.status))
            for check in zone.checks where verbosity == .verbose || check.mark != .info {
                out.append("  \(mark(check.mark)) \(check.text)")
            }
            if verbosity == .verbose {
                for key in zone.dnskeys {
                    out.append("    DNSKEY \(key.keyTag) \(key.role) \(key.algorithmName)\(key.keySize.map { " \($0) bits" } ?? "")\(key.revoked ? " REVOKED" : "")")
                }
                for sig in zone.rrsigs {
                    out.append("    RRSIG \(sig.typeCovered) by \(sig.keyTag): \(sig.status), expires \(sig.expiration) on \(sig.servers.joined(separator: ", "))")
                }
            }
            for finding in report.findings where finding.zone == zone.zone {
                out.append(contentsOf: findingLines(finding))
            }
            out.append("")
        }
        for rrset in report.rrsets {
            out.append(bold("\(rrset.owner) \(rrset.type)") + "  " + status(rrset.status) + "  (\(rrset.kind))")
            for record in rrset.records.prefix(verbosity == .verbose ? 100 : 5) {
                out.append("  \(record)")
            }
            for sig in rrset.rrsigs {
                let m: CheckLine.Mark = sig.status == "valid" ? .ok : .error
                out.append("  \(mark(m)) RRSIG=\(sig.keyTag) \(sig.status == "valid" ? "and DNSKEY=\(sig.keyTag) verifies" : "(\(sig.status)) over") the \(rrset.type) RRset, expires \(sig.expiration)")
            }
            for line in rrset.proof { out.append("  \(mark(.info)) \(line)") }
            out.append("")
        }
        let shown = Set(report.zones.map(\.zone))
        for finding in report.findings where !shown.contains(finding.zone) {
            out.append(contentsOf: findingLines(finding))
        }
        for target in report.cnameTargets {
            out.append(bold("CNAME target:"))
            out.append(render(target))
        }
        out.append(summary(report))
        return out.joined(separator: "\n") + "\n"
    }

    /// The one-line summary: verdict, time left, finding counts.
    public func summary(_ report: NameReport) -> String {
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        var text = "\(report.name): \(report.status.rawValue.uppercased())"
        if let left = report.validUntilSecondsLeft, let until = report.validUntil {
            text += ", signatures valid for \(TimeText.span(left)) (until \(until))"
        }
        text += "; \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        return bold(paint(text, for: report.status))
    }

    func findingLines(_ finding: Diagnostic) -> [String] {
        let m: CheckLine.Mark = finding.severity == .error ? .error : finding.severity == .warning ? .warning : .info
        var lines = ["  \(mark(m)) \(finding.code): \(finding.message)"]
        if !finding.servers.isEmpty && verbosity == .verbose {
            lines.append("      seen on \(finding.servers.joined(separator: ", "))")
        }
        if finding.severity != .info {
            lines.append("      fix: \(finding.remedy)")
        }
        return lines
    }

    func mark(_ mark: CheckLine.Mark) -> String {
        switch mark {
        case .ok: return paint(unicode ? "✓" : "+", code: "32")
        case .warning: return paint("!", code: "33")
        case .error: return paint(unicode ? "✗" : "x", code: "31")
        case .info: return unicode ? "·" : "-"
        }
    }

    func status(_ status: SecurityStatus) -> String {
        paint(status.rawValue.uppercased(), for: status)
    }

    func paint(_ text: String, for status: SecurityStatus) -> String {
        switch status {
        case .secure: return paint(text, code: "32")
        case .insecure: return paint(text, code: "33")
        case .bogus: return paint(text, code: "31")
        case .indeterminate: return paint(text, code: "35")
        }
    }

    func paint(_ text: String, code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
