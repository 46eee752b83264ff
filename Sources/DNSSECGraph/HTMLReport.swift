import DNSModel
import DNSSECAnalysis
import LDNSBridge
import DNSSECReport

/// One self-contained HTML file for a ticket attachment: inline CSS and
/// SVG, no script, no font or image from the network. At the top the
/// verdict and `fix first` of each name, then the chain graph, the expiry
/// timeline, the findings with their remedies, and a table section per
/// zone (DS, DNSKEY, RRSIG windows, servers), each zone once however many
/// names share it. The markup is also well-formed XML (tested with xmllint).
public struct HTMLReport: Sendable {
    public var policy: ReportPolicy
    public var referenceTime: Int64
    /// When the report was made, if that is not the reference time (`--at`, a capture).
    public var now: Int64?
    public var tool: String

    public init(policy: ReportPolicy, referenceTime: Int64, now: Int64?, tool: String) {
        self.policy = policy
        self.referenceTime = referenceTime
        self.now = now
        self.tool = tool
    }

    /// `graphSVG`: the chain graph as Graphviz rendered it (its XML prolog is dropped).
    public func render(_ reports: [NameReport], graphSVG: String?) -> String {
        var out: [String] = []
        let title = reports.map(\.name.description).prefix(3).joined(separator: ", ") + (reports.count > 3 ? ", …" : "")
        out.append("<!DOCTYPE html>")
        out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">")
        out.append("<head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        out.append("<title>\(HTML.escape("DNSSEC: \(title)"))</title>")
        out.append("<style>\(Self.css)</style></head>")
        out.append("<body>")
        out.append("<h1>DNSSEC chain of trust</h1>")
        out.append("<p class=\"meta\">\(HTML.escape(tool)) · checked at \(HTML.escape(TimeText.rfc3339(referenceTime)))"
                   + (now.flatMap { abs($0 - referenceTime) > 60 ? " · report made \(HTML.escape(TimeText.rfc3339($0)))" : nil } ?? "")
                   + " · warn \(HTML.escape(TimeText.span(policy.warnSeconds))), crit \(HTML.escape(TimeText.span(policy.critSeconds)))</p>")

        // The verdicts and what to fix first.
        out.append("<section id=\"verdicts\">")
        for report in reports {
            let status = MonitorStatus.of(report, requireSecure: policy.requireSecure)
            out.append("<div class=\"verdict \(status.word.lowercased())\"><p class=\"summary\">"
                       + HTML.escape(TextReport.summaryText(report, policy: policy)) + "</p>")
            if let first = report.fixFirst {
                out.append("<p class=\"fix\"><strong>Fix first:</strong> <code>\(HTML.escape(first.code.rawValue))</code> ("
                           + HTML.escape(first.subject.description) + "): " + HTML.escape(first.remedy) + "</p>")
            }
            out.append("</div>")
        }
        out.append("</section>")

        if let graphSVG {
            out.append("<section id=\"graph\"><h2>Chain of trust</h2><div class=\"graph\">\(Self.inline(graphSVG))</div></section>")
        }
        let timeline = ExpiryTimeline(reports: reports, referenceTime: referenceTime, now: now,
                                      warnSeconds: policy.warnSeconds, critSeconds: policy.critSeconds)
        out.append("<section id=\"timeline\"><h2>Signature validity</h2>")
        if let earliest = timeline.earliestExpiration {
            let left = earliest - referenceTime
            out.append("<p>Next expiration on the validation path: <strong>\(HTML.escape(TimeText.rfc3339(earliest)))</strong> ("
                       + HTML.escape(left >= 0 ? "in \(TimeText.span(left))" : "\(TimeText.span(left)) ago")
                       + "): re-sign before then.</p>")
        }
        out.append("<div class=\"graph\">\(timeline.svg())</div></section>")

        for report in reports { out.append(contentsOf: findings(report)) }

        // Each zone once, from the root down, in the order the names reach them.
        var seen: Set<DNSName> = []
        out.append("<section id=\"zones\"><h2>Zones</h2>")
        func zones(_ report: NameReport) {
            for zone in report.zones where seen.insert(zone.zone).inserted { out.append(contentsOf: zoneSection(zone)) }
            for target in report.cnameTargets { zones(target) }
        }
        for report in reports { zones(report) }
        out.append("</section>")
        out.append("</body></html>")
        return out.joined(separator: "\n") + "\n"
    }

    func findings(_ report: NameReport) -> [String] {
        var out = ["<section class=\"name\"><h2>\(HTML.escape(report.name.description)) · \(HTML.escape(report.status.rawValue))</h2>"]
        var answers = ["<table><thead><tr><th>Answer</th><th>Status</th><th>Records</th><th>Signatures</th></tr></thead><tbody>"]
        func proofText(_ record: ProofRecord) -> String {
            let types = record.types.map(\.description).joined(separator: " ")
            let roles = record.roles.isEmpty ? "" : " " + record.roles.map(\.rawValue).joined(separator: ", ")
            return HTML.escape("\(record.type) \(record.owner) → \(record.next) [\(types)]" + roles)
        }
        func rows(_ report: NameReport) {
            for rrset in report.rrsets {
                let records = rrset.kind == .positive || rrset.kind == .cname
                    ? rrset.records.prefix(8).map { HTML.escape(Presentation.render($0)) }.joined(separator: "<br/>")
                    : HTML.escape(TextReport.kindText(rrset.kind)) + (rrset.proofRecords.isEmpty ? "" : "<br/>" + rrset.proofRecords.map(proofText).joined(separator: "<br/>"))
                let sigs = rrset.rrsigs.map { HTML.escape("\($0.keyTag)/\($0.algorithm) \($0.status.words)") }.joined(separator: "<br/>")
                answers.append("<tr class=\"\(rrset.status.rawValue)\"><td>\(HTML.escape("\(rrset.owner) \(rrset.type)"))</td><td>\(HTML.escape(rrset.status.rawValue))</td><td class=\"mono\">\(records)</td><td>\(sigs)</td></tr>")
            }
            for target in report.cnameTargets { rows(target) }
        }
        rows(report)
        answers.append("</tbody></table>")
        out += answers
        let findings = report.orderedFindings
        if findings.isEmpty {
            out.append("<p>No findings.</p>")
        } else {
            out.append("<table class=\"findings\"><thead><tr><th>Severity</th><th>Code</th><th>About</th><th>Finding</th><th>Fix</th></tr></thead><tbody>")
            for finding in findings {
                let servers = finding.servers.map { report.serverLabel($0, zone: finding.zone) }
                out.append("<tr class=\"\(finding.severity.rawValue)\"><td>\(finding.severity.rawValue)</td><td><code>\(HTML.escape(finding.code.rawValue))</code></td>"
                           + "<td>\(HTML.escape(finding.subject.description))</td><td>\(HTML.escape(finding.message))"
                           + (servers.isEmpty ? "" : "<br/><small>seen on \(HTML.escape(servers.joined(separator: ", ")))</small>")
                           + "</td><td>\(finding.severity == .info ? "" : HTML.escape(finding.remedy))</td></tr>")
            }
            out.append("</tbody></table>")
        }
        out.append("</section>")
        return out
    }

    /// The servers a signature was seen on, by name: which copy of the zone
    /// carries it (a stale secondary's old signature stands out). The DS
    /// RRSIGs come from the parent's servers, named by their address.
    func servedBy(_ sig: RRSIGReport, in zone: ZoneReport) -> String {
        guard !sig.servers.isEmpty else { return "" }
        let shown = sig.servers.prefix(4).map { HTML.escape(zone.label($0)) }
        return shown.joined(separator: "<br/>") + (sig.servers.count > 4 ? "<br/>and \(sig.servers.count - 4) more" : "")
    }

    func zoneSection(_ zone: ZoneReport) -> [String] {
        var out = ["<div class=\"zone \(zone.status.rawValue)\"><h3>\(HTML.escape(zone.zone.description)) · \(HTML.escape(zone.status.rawValue))</h3>"]
        if !zone.ds.isEmpty {
            out.append("<table><caption>\(zone.parent == nil ? "Trust anchor" : "DS at \(HTML.escape(zone.parent!.description))")</caption><thead><tr><th>Key tag</th><th>Algorithm</th><th>Digest</th><th>Status</th></tr></thead><tbody>")
            for ds in zone.ds.prefix(64) {
                out.append("<tr><td>\(ds.keyTag)</td><td>\(ds.algorithm) \(HTML.escape(ds.algorithmName))</td><td class=\"mono\">\(ds.digestType) \(HTML.escape(ds.digestTypeName)) \(HTML.escape(Encodings.hex(ds.digest)))</td><td>\(HTML.escape(ds.status.rawValue.replacingOccurrences(of: "_", with: " ")))</td></tr>")
            }
            out.append("</tbody></table>")
        }
        if !zone.dnskeys.isEmpty {
            out.append("<table><caption>DNSKEY</caption><thead><tr><th>Key tag</th><th>Flags</th><th>Role</th><th>Algorithm</th><th>Size</th><th>DS</th><th>Signs DNSKEY</th></tr></thead><tbody>")
            for key in zone.dnskeys.prefix(64) {
                out.append("<tr><td>\(key.keyTag)</td><td>\(key.flags)</td><td>\(HTML.escape(key.role.rawValue + (key.revoked ? ", revoked" : "")))</td><td>\(key.algorithm) \(HTML.escape(key.algorithmName))</td><td>\(key.keySize.map(String.init) ?? "")</td><td>\(key.matchedByDS ? "yes" : "")</td><td>\(key.signsDNSKEYRRset ? "yes" : "")</td></tr>")
            }
            out.append("</tbody></table>")
        }
        let sigs = zone.dsRRSIGs + zone.rrsigs
        if !sigs.isEmpty {
            out.append("<table><caption>RRSIG</caption><thead><tr><th>Covers</th><th>Key</th><th>Inception</th><th>Expiration</th><th>Left</th><th>Status</th><th>Served by</th></tr></thead><tbody>")
            for sig in sigs.prefix(64) {
                let left = sig.secondsLeft >= 0 ? "in \(TimeText.span(sig.secondsLeft))" : "\(TimeText.span(sig.secondsLeft)) ago"
                out.append("<tr><td>\(HTML.escape("\(sig.owner) \(sig.typeCovered)"))</td><td>\(sig.keyTag)/\(sig.algorithm)</td><td>\(HTML.escape(TimeText.rfc3339(sig.inception)))</td><td>\(HTML.escape(TimeText.rfc3339(sig.expiration)))</td><td>\(HTML.escape(left))</td><td>\(HTML.escape(sig.status.words))</td><td>\(servedBy(sig, in: zone))</td></tr>")
            }
            out.append("</tbody></table>")
        }
        if !zone.serverVerdicts.isEmpty {
            out.append("<table><caption>Servers</caption><thead><tr><th>Server</th><th>Verdict</th><th>SOA serial</th><th>Exchanges</th><th>RTT (median)</th><th>Problem</th></tr></thead><tbody>")
            for verdict in zone.serverVerdicts.prefix(64) {
                let health = zone.serverHealth.first { $0.server == verdict.server }
                let exchanges = health.map { "\($0.answered)/\($0.asked) answered" + ($0.notAsked > 0 ? ", \($0.notAsked) not asked" : "") } ?? ""
                let rtt = health?.medianMilliseconds.map { "\(Double(Int($0 * 10)) / 10) ms" } ?? ""
                out.append("<tr class=\"\(verdict.verdict.agrees(with: zone.status) ? "" : "odd")\"><td>\(HTML.escape(zone.label(verdict.server)))</td><td>\(HTML.escape(verdict.verdict.rawValue))</td><td>\(verdict.soaSerial.map(String.init) ?? "")</td><td>\(HTML.escape(exchanges))</td><td>\(HTML.escape(rtt))</td><td>\(HTML.escape(verdict.problem ?? ""))</td></tr>")
            }
            out.append("</tbody></table>")
        }
        out.append("</div>")
        return out
    }

    /// Graphviz's SVG without its XML declaration, DOCTYPE and comments, to sit inside the page.
    static func inline(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var body = String(svg[start.lowerBound...])
        while let open = body.range(of: "<!--"), let close = body.range(of: "-->", range: open.upperBound..<body.endIndex) {
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return body
    }

    static let css = """
    body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:14px;color:#222;margin:24px;max-width:1400px}
    h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
    h3{font-size:15px;margin:18px 0 6px} .meta{color:#666;margin:0 0 16px}
    .verdict{border-left:6px solid #999;padding:6px 12px;margin:8px 0;background:#f7f7f7}
    .verdict.ok{border-color:#0a7f8f} .verdict.warning{border-color:#d97800} .verdict.critical{border-color:#c21a1a} .verdict.unknown{border-color:#a58b00}
    .summary{font-weight:bold;margin:2px 0} .fix{margin:4px 0;background:#fff2a8;padding:4px 6px}
    .graph{overflow-x:auto;border:1px solid #eee;padding:6px} .graph svg{max-width:100%;height:auto}
    table{border-collapse:collapse;margin:6px 0 12px;font-size:13px} caption{text-align:left;font-weight:bold;padding:2px 0}
    th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top} th{background:#f0f0f0}
    .mono,code{font-family:"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all}
    tr.error td:first-child,tr.bogus td:nth-child(2){color:#c21a1a;font-weight:bold} tr.warning td:first-child{color:#d97800;font-weight:bold}
    tr.odd td{background:#fdecec} .zone h3{color:#0a7f8f} .zone.bogus h3{color:#c21a1a} .zone.insecure h3{color:#555} .zone.indeterminate h3{color:#a58b00}
    """
}

/// Escaping for HTML and XML text and attribute values.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most control characters, even escaped.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { out += "\u{FFFD}"; continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
