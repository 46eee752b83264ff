import DNSModel
import DNSSECAnalysis
import Foundation
import LDNSBridge

/// Renders reports for a person at a terminal or in a CI log: per zone from
/// the trust anchor down, one line per check in the Verisign analyzer's
/// grammar, the findings of each zone with their remedies, the requested
/// RRsets, and a verdict line with `valid_until`. Lines wrap at `width`
/// with a hanging indent; colour and Unicode marks are optional.
///
/// Verbosity: `quiet` prints the one-line summary only; `normal` the
/// checklist; `verbose` adds the records, dig-style, grouped by the servers
/// that gave them; `exchanges` adds every exchange on the name's path.
public struct TextReport {
    public enum Verbosity: Int, Sendable, Comparable {
        case quiet = 0, normal = 1, verbose = 2, exchanges = 3
        public static func < (lhs: Verbosity, rhs: Verbosity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var color: Bool
    public var unicode: Bool
    public var verbosity: Verbosity
    public var width: Int
    public var policy: ReportPolicy

    public init(color: Bool = false, unicode: Bool = true, verbosity: Verbosity = .normal, width: Int = 80,
                policy: ReportPolicy = ReportPolicy()) {
        self.color = color
        self.unicode = unicode
        self.verbosity = verbosity
        self.width = max(width, 40)
        self.policy = policy
    }

    public func render(_ report: NameReport) -> String {
        render(CheckedName(report: report))
    }

    public func render(_ checked: CheckedName) -> String {
        let text = renderUnicode(checked)
        return unicode ? text : Self.asciiOnly(text)
    }

    /// For terminals and logs that are not UTF-8: the few non-ASCII
    /// characters the reports use, spelt in ASCII; anything else as '?'.
    static func asciiOnly(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "…": out += "..."
            case "§": out += "sec. "
            case "—": out += "--"
            case "–": out += "-"
            case "→": out += "->"
            case "‘", "’": out += "'"
            case "“", "”": out += "\""
            case "✓": out += "+"
            case "✗": out += "x"
            case "·": out += "-"
            case "\u{A0}": out += " "
            default: out += "?"
            }
        }
        return out
    }

    func renderUnicode(_ checked: CheckedName) -> String {
        if verbosity == .quiet { return summary(checked.report) + "\n" }
        var out = body(checked.report, observation: checked.observation)
        if verbosity >= .exchanges {
            out.append(contentsOf: exchangeLines(checked))
        }
        out.append(contentsOf: wrap(summary(checked.report), plain: Self.summaryText(checked.report, policy: policy),
                                    indent: "", hanging: "    "))
        if let first = checked.report.fixFirst {
            out.append(contentsOf: wrap("fix first: \(first.code) (\(first.subject)): \(first.remedy)", indent: "", hanging: "    "))
        }
        if checked.report.status == .insecure && !policy.requireSecure {
            out.append(contentsOf: wrap("note: \(checked.report.name) is not protected by DNSSEC (not an error; "
                                        + "--require-secure makes it CRITICAL)", indent: "", hanging: "      "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - The body

    /// `shownAbove`: zones the report of the name that led here (through a
    /// CNAME) already showed, with their status: shown as "as above", once.
    func body(_ report: NameReport, observation: NameObservation?, shownAbove: [DNSName: SecurityStatus] = [:]) -> [String] {
        var out: [String] = []
        out.append(contentsOf: wrap(bold("\(report.name) \(report.types.map(\.description).joined(separator: ", "))") + " at \(TimeText.rfc3339(report.referenceTime))",
                                    plain: "\(report.name) \(report.types.map(\.description).joined(separator: ", ")) at \(TimeText.rfc3339(report.referenceTime))",
                                    indent: "", hanging: "    "))
        out.append("")
        let findings = report.orderedFindings
        let now = report.referenceTime
        for zone in report.zones {
            if shownAbove[zone.zone] == zone.status {
                out.append(bold("Zone \(zone.zone)") + "  " + status(zone.status) + ", as above")
                continue
            }
            out.append(bold("Zone \(zone.zone)") + "  " + status(zone.status))
            // A check line that only repeats a finding printed below it goes.
            let printed = Set(findings.filter { $0.zone == zone.zone }.map(\.code))
            for check in zone.checks where check.repeats.allSatisfy({ !printed.contains($0) }) {
                out.append(contentsOf: checkLine(check.mark, check.text))
            }
            if let earliest = zone.earliestExpiration, zone.status == .secure {
                out.append(contentsOf: checkLine(.info, "Signatures of \(zone.zone) relied on expire first at "
                                                 + when(earliest, now: now)))
            }
            if verbosity >= .verbose {
                out.append(contentsOf: zoneDetail(zone, observation: observation?.zones.first { $0.zone == zone.zone },
                                                  now: now))
            }
            for finding in findings where finding.zone == zone.zone {
                out.append(contentsOf: findingLines(finding, in: report))
            }
            out.append("")
        }
        if report.zones.last.map({ shownAbove[$0.zone] == $0.status }) == true { out.append("") }
        for rrset in report.rrsets {
            let verdict = status(rrset.status) + "  " + Self.kindText(rrset.kind)
            if rrset.owner.description.count + rrset.type.description.count + 30 > 80 {
                // A very long owner name gets its own line; the verdict follows, indented.
                out.append(bold(rrset.owner.description))
                out.append(bold("  \(rrset.type)") + "  " + verdict)
            } else {
                out.append(bold("\(rrset.owner) \(rrset.type)") + "  " + verdict)
            }
            let limit = verbosity >= .verbose ? Int.max : 5
            for record in rrset.records.prefix(limit) {
                out.append("  " + Presentation.renderElided(record))
            }
            if rrset.records.count > limit {
                out.append("  … and \(rrset.records.count - limit) more (-v shows all)")
            }
            let signatures = JSONReport.sortedSignatures(rrset.rrsigs)

            for sig in signatures.prefix(limit) {
                // What the signature covers (CNAME, DNAME), not the type asked.
                let covered = sig.typeCovered
                let alg = DNSSECAlgorithm(sig.algorithm).mnemonic
                if sig.status == .validButUntrusted {
                    out.append(contentsOf: checkLine(.warning, "RRSIG=\(sig.keyTag)/\(alg) over the \(covered) RRset verifies with "
                                                     + "DNSKEY=\(sig.keyTag), but that key is not trusted (the zone is bogus), expires \(when(sig.expiration, now: now))"))
                } else if sig.status == .valid {
                    out.append(contentsOf: checkLine(.ok, "RRSIG=\(sig.keyTag)/\(alg) and DNSKEY=\(sig.keyTag) verifies the "
                                                     + "\(covered) RRset, expires \(when(sig.expiration, now: now))"))
                } else {
                    out.append(contentsOf: checkLine(.error, "RRSIG=\(sig.keyTag)/\(alg) over the \(covered) RRset is "
                                                     + "\(sig.status.words), "
                                                     + "expires \(when(sig.expiration, now: now))"))
                }
                if verbosity >= .verbose && !sig.servers.isEmpty {
                    out.append(contentsOf: wrap("from \(sig.servers.map(\.description).sorted().joined(separator: ", "))",
                                                indent: "      ", hanging: "        "))
                }
            }
            if signatures.count > limit {
                out.append("  … and \(signatures.count - limit) more RRSIGs (-v shows all)")
            }
            // The proof in full with -v, and always when it fails.
            if (verbosity >= .verbose || rrset.status == .bogus) && !rrset.proofRecords.isEmpty {
                for record in rrset.proofRecords {
                    out.append(contentsOf: checkLine(record.signed ? .info : .error, Self.proofLine(record)))
                }
            } else {
                for line in rrset.proof { out.append(contentsOf: checkLine(.info, line.description)) }
            }
            out.append("")
        }
        // Findings of a CNAME target's zones are printed with the target, once.
        func zones(_ report: NameReport) -> [DNSName] { report.zones.map(\.zone) + report.cnameTargets.flatMap(zones) }
        let shown = Set(zones(report)).union(shownAbove.keys)
        let others = findings.filter { !shown.contains($0.zone) }
        if !others.isEmpty {
            out.append(bold("Other findings"))
            for finding in others { out.append(contentsOf: findingLines(finding, in: report)) }
            out.append("")
        }
        for (index, target) in report.cnameTargets.enumerated() {
            out.append(bold("CNAME target \(target.name)") + "  " + status(target.status))
            out.append("")
            let targetObservation = observation.flatMap { $0.cnameTarget.indices.contains(index) ? $0.cnameTarget[index] : nil }
            // The target's lines are indented by two, so they wrap two columns earlier.
            var inner = self
            inner.width = width - 2
            var above = shownAbove
            for zone in report.zones { above[zone.zone] = zone.status }
            out.append(contentsOf: inner.body(target, observation: targetObservation, shownAbove: above)
                .map { $0.isEmpty ? $0 : "  " + $0 })
            out.append(contentsOf: wrap("  " + summary(target), plain: "  " + Self.summaryText(target, policy: policy),
                                        indent: "", hanging: "      "))
            out.append("")
        }
        return out
    }

    public static func kindText(_ kind: AnswerKind) -> String {
        switch kind {
        case .positive: return "(answer)"
        case .nxdomain: return "(NXDOMAIN: the name does not exist)"
        case .nodata: return "(NODATA: no record of this type)"
        case .cname: return "(CNAME)"
        case .noAnswer: return "(no answer)"
        }
    }

    /// "NSEC3 k8ud….example. → 1bq… [A RRSIG] (signed): closest encloser
    /// example. (hash k8ud…)": a denial record, its span, and what it proves.
    static func proofLine(_ record: ProofRecord) -> String {
        var text = "\(record.type) \(record.owner) → \(record.next) [\(record.types.map(\.description).joined(separator: " "))]"
        text += record.signed ? " (signed" : " (signature not valid"
        text += record.optOut ? ", opt-out)" : ")"
        let hashed = Dictionary(record.hashes.map { ($0.role, $0) }, uniquingKeysWith: { first, _ in first })
        let roles = record.roles.map { role -> String in
            let name = hashed[role].map { " \($0.name) (hash \(Encodings.base32hex($0.hash)))" } ?? ""
            switch role {
            case .matchesName: return "matches the name" + name
            case .coversName: return "covers the name"
            case .closestEncloser: return "matches the closest encloser" + name
            case .nextCloser: return "covers the next closer name" + name
            case .wildcard: return "denies the wildcard" + name
            case .optOut: return "opt-out span over" + name
            }
        }
        return text + ": " + (roles.isEmpty ? "plays no part in the proof" : roles.joined(separator: "; "))
    }

    /// "2026-12-29T02:15:14Z (in 29d 23h)".
    func when(_ time: Int64, now: Int64) -> String {
        TimeText.describe(time, from: now)
    }

    // MARK: - -v: records and servers

    func zoneDetail(_ zone: ZoneReport, observation: ZoneObservation?, now: Int64) -> [String] {
        var out: [String] = []
        for key in zone.dnskeys.sorted(by: { ($0.keyTag, $0.algorithm) < ($1.keyTag, $1.algorithm) }) {
            var text = "DNSKEY=\(key.keyTag) flags \(key.flags) (\(key.role.rawValue)) \(key.algorithmName)"
            if let size = key.keySize { text += " \(size) bits" }
            if key.revoked { text += ", REVOKED" }
            if key.matchedByDS { text += ", matched by DS" }
            if key.signsDNSKEYRRset { text += ", signs the DNSKEY RRset" }
            out.append(contentsOf: wrap(text, indent: "    ", hanging: "        "))
        }
        for sig in JSONReport.sortedSignatures(zone.rrsigs) {
            let text = "RRSIG \(sig.typeCovered) \(sig.owner) by \(sig.keyTag)/\(DNSSECAlgorithm(sig.algorithm).mnemonic): "
                + "\(sig.status.words), valid from \(TimeText.rfc3339(sig.inception)) "
                + "until \(when(sig.expiration, now: now))"
                + (sig.servers.isEmpty ? "" : "; from \(sig.servers.sorted().map(zone.label).joined(separator: ", "))")
            out.append(contentsOf: wrap(text, indent: "    ", hanging: "        "))
        }
        if !zone.nameServers.isEmpty {
            let set = zone.nameServers.map { ns in
                ns.name.description + (ns.addresses.isEmpty ? " (no address)" : " (\(ns.addresses.map(\.description).joined(separator: ", ")))")
            }
            out.append(contentsOf: wrap("NS: " + set.joined(separator: ", "), indent: "    ", hanging: "        "))
        }
        guard let observation else { return out }
        if !observation.servers.isEmpty {
            let answers = observation.dnskeyAnswers + observation.soaAnswers
            var parts: [String] = []
            for server in observation.servers.sorted() {
                let mine = answers.filter { $0.server == server }
                let label = observation.label(server)
                let health = zone.serverHealth.first { $0.server == server }
                let cost = health.map { h in
                    " (\(h.answered)/\(h.asked)" + (h.medianMilliseconds.map { String(format: ", %.1f ms median", $0) } ?? "") + ")"
                } ?? ""
                if mine.isEmpty { parts.append("\(label) not asked") }
                else if mine.contains(where: { $0.exchange.response != nil }) { parts.append("\(label) answered" + cost) }
                else { parts.append("\(label) no answer\(health.map { " to \($0.asked)" } ?? "") (\(mine.compactMap { $0.exchange.failure?.rawValue }.first ?? "failed"))") }
            }
            out.append(contentsOf: wrap("Servers: " + parts.joined(separator: ", "), indent: "    ", hanging: "        "))
        }
        if let parent = observation.parent, !observation.dsAnswers.isEmpty {
            out.append(contentsOf: answerGroups("DS for \(observation.zone) at \(parent)", observation.dsAnswers,
                                                type: .ds, owner: observation.zone))
        }
        out.append(contentsOf: answerGroups("DNSKEY", observation.dnskeyAnswers, type: .dnskey, owner: observation.zone,
                                            label: observation.label))
        out.append(contentsOf: answerGroups("SOA", observation.soaAnswers, type: .soa, owner: observation.zone,
                                            label: observation.label))
        return out
    }

    /// The answers to one question, grouped by identical content, dig-style,
    /// each group headed by the servers that gave it.
    func answerGroups(_ title: String, _ answers: [ServerAnswer], type: RRType, owner: DNSName,
                      label: (ServerAddress) -> String = { $0.description }) -> [String] {
        guard !answers.isEmpty else { return [] }
        var groups: [(servers: [ServerAddress], lines: [String])] = []
        var failures: [String] = []
        for answer in answers.sorted(by: { $0.server < $1.server }) {
            guard let message = answer.message else {
                let why = answer.exchange.failure?.rawValue ?? answer.problem ?? "no usable answer"
                failures.append("\(label(answer.server)): \(why)")
                continue
            }
            var records = message.answer.filter { $0.owner == owner && ($0.type == type || Self.covers($0, type)) }
            var head: [String] = []
            if records.isEmpty {
                head.append(";; \(message.rcode), no \(type) in the answer")
                records = message.authority.filter { [.soa, .nsec, .nsec3, .rrsig, .ns, .ds].contains($0.type) }
            }
            let lines = head + records.map(Presentation.renderElided)
            if let index = groups.firstIndex(where: { $0.lines == lines }) {
                groups[index].servers.append(answer.server)
            } else {
                groups.append(([answer.server], lines))
            }
        }
        var out: [String] = []
        for group in groups {
            out.append(contentsOf: wrap("\(title), from \(group.servers.map(label).joined(separator: ", ")):",
                                        indent: "    ", hanging: "        "))
            out.append(contentsOf: group.lines.map { "      " + $0 })
        }
        for failure in failures {
            out.append(contentsOf: wrap("\(title): \(failure)", indent: "    ", hanging: "        "))
        }
        return out
    }

    static func covers(_ record: Record, _ type: RRType) -> Bool {
        guard record.type == .rrsig, let sig = try? RRSIGData(rdata: record.rdata) else { return false }
        return sig.typeCovered == type
    }

    // MARK: - -vv: exchanges

    func exchangeLines(_ checked: CheckedName) -> [String] {
        let relevant = Self.exchanges(for: checked)
        guard !relevant.isEmpty else { return [] }
        var out = [bold("Exchanges (\(relevant.count))")]
        for exchange in relevant {
            out.append(contentsOf: wrap(Self.exchangeLine(exchange), indent: "  ", hanging: "      "))
        }
        out.append("")
        return out
    }

    /// The exchanges on the name's path: questions about the name, its
    /// ancestors, its CNAME targets and their ancestors, and the name
    /// servers the walk had to resolve; in the order they started.
    static func exchanges(for checked: CheckedName) -> [Exchange] {
        var names: [DNSName] = []
        var nameServers: Set<DNSName> = []
        func collect(_ report: NameReport, _ observation: NameObservation?) {
            names.append(report.name)
            for zone in observation?.zones ?? [] { nameServers.formUnion(zone.nameServers.keys) }
            for (index, target) in report.cnameTargets.enumerated() {
                let next = observation.flatMap { $0.cnameTarget.indices.contains(index) ? $0.cnameTarget[index] : nil }
                collect(target, next)
            }
        }
        collect(checked.report, checked.observation)
        return checked.exchanges.filter { exchange in
            let question = exchange.question.name
            return nameServers.contains(question) || names.contains { $0 == question || $0.isSubdomain(of: question) }
        }.sorted {
            ($0.startTime, $0.server, $0.question.name.description, $0.question.type.description)
                < ($1.startTime, $1.server, $1.question.name.description, $1.question.type.description)
        }
    }

    /// `127.53.0.1:53 ok.lab./DNSKEY udp 0.4 ms NOERROR [qr aa] 2 answers 512 B`
    static func exchangeLine(_ exchange: Exchange) -> String {
        let transport = exchange.truncatedOverUDP ? "udp>tcp" : exchange.transport.rawValue
        let rtt = String(format: "%.1f ms", exchange.duration * 1000)
        let head = "\(exchange.server) \(exchange.question.name)/\(exchange.question.type) \(transport) \(rtt)"
        if let failure = exchange.failure {
            return "\(head) \(failure.rawValue.uppercased())" + (exchange.failureDetail.map { ": \($0)" } ?? "")
        }
        guard let response = exchange.response else { return "\(head) no response" }
        guard let message = try? WireFormat.parseMessage(response) else { return "\(head) unparseable \(response.count) B" }
        return "\(head) \(message.rcode) [\(message.flags)] \(message.answer.count) answer, "
            + "\(message.authority.count) authority, \(response.count) B"
    }

    // MARK: - Summary

    /// The one-line summary, painted: verdict, valid_until, finding counts, monitor status.
    public func summary(_ report: NameReport) -> String {
        let text = Self.summaryText(report, policy: policy)
        return bold(paint(text, for: MonitorStatus.of(report, requireSecure: policy.requireSecure)))
    }

    /// `www.example.com.: SECURE, valid until 2026-12-29T02:15:14Z (in 29d 23h); 0 errors, 1 warning [WARNING]`
    public static func summaryText(_ report: NameReport, policy: ReportPolicy) -> String {
        let status = MonitorStatus.of(report, requireSecure: policy.requireSecure)
        var text = "\(report.name): \(report.status.rawValue.uppercased())"
        switch report.status {
        case .secure:
            if let until = report.validUntil, let left = report.validUntilSecondsLeft {
                text += ", valid until \(TimeText.rfc3339(until)) (" + (left >= 0 ? "in \(TimeText.span(left))" : "\(TimeText.span(left)) ago") + ")"
            }
        case .insecure, .bogus:
            if let point = report.breakPoint { text += " at \(point)" }
        case .indeterminate:
            break
        }
        if let existence = report.existenceText { text += ", " + existence }
        if report.findings.contains(where: { $0.code == .undelegatedZone }) {
            text += " (undelegated: checked on the --ns servers)"
        }
        let errors = report.count(.error), warnings = report.count(.warning)
        text += "; \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        text += " [\(status.word)]"
        return text
    }

    // MARK: - Lines

    func checkLine(_ mark: CheckLine.Mark, _ text: String) -> [String] {
        wrap(self.mark(mark) + " " + text, plain: "x " + text, indent: "  ", hanging: "      ")
    }

    func findingLines(_ finding: Diagnostic, in report: NameReport) -> [String] {
        let m: CheckLine.Mark = finding.severity == .error ? .error : finding.severity == .warning ? .warning : .info
        var lines = wrap(mark(m) + " " + finding.code.rawValue + ": " + finding.message,
                         plain: "x \(finding.code): \(finding.message)", indent: "  ", hanging: "      ")
        if !finding.servers.isEmpty && verbosity >= .verbose {
            let servers = finding.servers.map { report.serverLabel($0, zone: finding.zone) }
            lines.append(contentsOf: wrap("seen on \(servers.joined(separator: ", "))", indent: "      ",
                                          hanging: "        "))
        }
        if finding.severity != .info {
            lines.append(contentsOf: wrap("fix: \(finding.remedy)", indent: "      ", hanging: "           "))
        }
        return lines
    }

    /// Word-wraps `text` (which may contain colour codes; `plain` is the
    /// same text without them, and decides the breaks) at `width`: the
    /// first line after `indent`, the others after `hanging`. A word longer
    /// than a line stays whole, and so do short parentheticals ("(in 3d
    /// 4h)") and a number with its unit ("2 errors").
    func wrap(_ text: String, plain: String? = nil, indent: String, hanging: String) -> [String] {
        let plainText = plain ?? text
        if indent.count + plainText.count <= width { return [indent + text] }
        let words = plainText.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var painted = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if painted.count != words.count { painted = words }
        let units = Self.units(words)
        var lines: [String] = []
        var current = "", currentWidth = 0
        var prefix = indent
        for range in units {
            let word = words[range].joined(separator: " ")
            let shown = painted[range].joined(separator: " ")
            if currentWidth == 0 {
                current = shown
                currentWidth = word.count
            } else if prefix.count + currentWidth + 1 + word.count <= width {
                current += " " + shown
                currentWidth += 1 + word.count
            } else {
                lines.append(prefix + current)
                prefix = hanging
                current = shown
                currentWidth = word.count
            }
        }
        lines.append(prefix + current)
        return lines
    }

    /// Groups word indices into unbreakable units.
    static func units(_ words: [String]) -> [Range<Int>] {
        var units: [Range<Int>] = []
        var index = 0
        while index < words.count {
            var end = index + 1
            let word = words[index]
            if word.hasPrefix("(") && !word.contains(")") {
                // A short parenthetical stays on one line.
                var probe = index + 1, length = word.count
                while probe < words.count && length <= 24 {
                    length += 1 + words[probe].count
                    if words[probe].contains(")") {
                        if length <= 24 { end = probe + 1 }
                        break
                    }
                    probe += 1
                }
            } else if !word.isEmpty && word.allSatisfy(\.isNumber) && index + 1 < words.count {
                end = index + 2
            }
            units.append(index..<end)
            index = end
        }
        return units
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
        switch status {
        case .secure: return paint("SECURE", code: "32")
        case .insecure: return paint("INSECURE", code: "33")
        case .bogus: return paint("BOGUS", code: "31")
        case .indeterminate: return paint("INDETERMINATE", code: "35")
        }
    }

    func paint(_ text: String, for status: MonitorStatus) -> String {
        switch status {
        case .ok: return paint(text, code: "32")
        case .warning: return paint(text, code: "33")
        case .critical: return paint(text, code: "31")
        case .unknown: return paint(text, code: "35")
        }
    }

    func paint(_ text: String, code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
