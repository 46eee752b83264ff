import DNSSECAnalysis

/// `--format nagios`: output for Nagios, Icinga, Naemon and anything that
/// runs monitoring plugins (https://www.monitoring-plugins.org/doc/guidelines.html).
///
/// One name:
///
///     DNSSEC OK - www.example.com. secure, signatures valid for 9d 3h | valid_until_seconds=788400s;259200:;86400: findings_error=0 findings_warning=0
///
/// Several names: the first line carries the worst status and the counts;
/// one line per name follows, worst first; the per-name performance data
/// comes after a `|` on the last line, as the guidelines allow.
public struct NagiosReport {
    public var policy: ReportPolicy

    public init(policy: ReportPolicy = ReportPolicy()) {
        self.policy = policy
    }

    public func render(_ names: [CheckedName]) -> String {
        guard names.count != 1 else {
            let only = names[0]
            let status = only.status(policy)
            return "DNSSEC \(status.word) - \(describe(only.report)) | \(perfdata(only.report, prefix: nil))\n"
        }
        let statuses = names.map { $0.status(policy) }
        let worst = MonitorStatus.worst(statuses)
        let ordered = names.indices.sorted { a, b in
            statuses[a] != statuses[b] ? statuses[a] > statuses[b] : a < b
        }
        let counts = [MonitorStatus.critical, .unknown, .warning, .ok].map { status in
            "\(statuses.filter { $0 == status }.count) \(status.word.lowercased())"
        }
        var first = "DNSSEC \(worst.word) - \(names.count) names: \(counts.joined(separator: ", "))"
        if let top = ordered.first, worst != .ok {
            first += "; worst: \(describe(names[top].report))"
        }
        let totals = [MonitorStatus.critical, .unknown, .warning, .ok].map { status in
            "names_\(status.word.lowercased())=\(statuses.filter { $0 == status }.count);;;0;\(names.count)"
        }
        var lines = [first + " | names=\(names.count);;;0 " + totals.joined(separator: " ")]
        for index in ordered {
            lines.append("\(statuses[index].word) - \(describe(names[index].report))")
        }
        let perf = ordered.map { perfdata(names[$0].report, prefix: names[$0].report.name.description) }
        if !perf.isEmpty { lines[lines.count - 1] += " | " + perf.joined(separator: " ") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "www.example.com. secure, signatures valid for 9d 3h; warnings: SERVER_UNRESPONSIVE_UDP;
    /// fix first: SERVER_UNRESPONSIVE_UDP (server 192.0.2.2:53 for example.com.)"
    func describe(_ report: NameReport) -> String {
        var text = "\(report.name) \(report.status.rawValue)"
        switch report.status {
        case .secure:
            if let left = report.validUntilSecondsLeft {
                text += ", signatures valid for \(TimeText.span(left))"
            }
        case .insecure, .bogus:
            if let point = report.breakPoint { text += " at \(point)" }
            if report.status == .insecure && MonitorStatus.of(report, requireSecure: policy.requireSecure) == .ok {
                text += " (not an alarm without --require-secure)"
            }
        case .indeterminate:
            break
        }
        if let existence = report.existenceText { text += ", " + existence }
        for severity in [Severity.error, .warning] {
            var codes: [DiagnosticCode] = []
            for finding in report.orderedFindings where finding.severity == severity && !codes.contains(finding.code) {
                codes.append(finding.code)
            }
            guard !codes.isEmpty else { continue }
            let shown = codes.prefix(3).map(\.rawValue).joined(separator: ", ") + (codes.count > 3 ? " and \(codes.count - 3) more" : "")
            text += "; \(severity == .error ? "errors" : "warnings"): \(shown)"
        }
        if let first = report.fixFirst {
            text += "; fix first: \(first.code) (\(first.subject))"
        }
        return text.replacingOccurrences(of: "|", with: "/")
    }

    /// Performance data per the guidelines: `'label'=value[UOM];[warn];[crit];[min];[max]`.
    func perfdata(_ report: NameReport, prefix: String?) -> String {
        func label(_ text: String) -> String {
            guard let prefix else { return text }
            return "'" + "\(prefix) \(text)".replacingOccurrences(of: "'", with: "''") + "'"
        }
        var items: [String] = []
        if let left = report.validUntilSecondsLeft {
            items.append("\(label("valid_until_seconds"))=\(left)s;\(policy.warnSeconds):;\(policy.critSeconds):")
        }
        items.append("\(label("findings_error"))=\(report.count(.error))")
        items.append("\(label("findings_warning"))=\(report.count(.warning))")
        return items.joined(separator: " ")
    }
}
