import ArgumentParser
import DNSModel
import DNSSECAnalysis
import DNSSECGraph
import DNSSECReport
import GraphvizBridge
import Foundation
import LDNSBridge

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, nagios, prometheus, dot, svg, png, html

    /// The pictures: one graph of the whole run, at most `maxNames` names.
    var isPicture: Bool { [.dot, .svg, .png, .html].contains(self) }
    static let maxPictureNames = 50
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// --warn-days and --crit-days, for names and zone files: at most a century,
/// beyond which the seconds no longer fit the analysis' arithmetic.
func checkExpiryDays(warn: Double, crit: Double) throws {
    guard (0...36_500).contains(warn), (0...36_500).contains(crit) else {
        throw ValidationError("--warn-days and --crit-days must be between 0 and 36500 days")
    }
}

/// Options shared by `check` and `analyze`: policy, output and exit codes.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Output format: text (people), json (one document), jsonl (one line per name as each finishes), nagios (monitoring-plugins line), prometheus (textfile collector), dot, svg or png (the chain-of-trust graph), html (one self-contained page: verdicts, graph, expiry timeline, findings, zone tables).",
        valueName: "format"))
    var format: OutputFormat = .text

    @Option(help: "Reference time for every validity check: RFC 3339 or relative (+7d, -2h).")
    var at: String?

    @Option(help: "Warn when a signature on the chain expires within this many days.")
    var warnDays: Double = 3

    @Option(help: "Critical when a signature on the chain expires within this many days.")
    var critDays: Double = 1

    @Flag(help: "Promote warnings to errors.")
    var strict = false

    @Flag(help: "Treat an insecure (unsigned) name as CRITICAL.")
    var requireSecure = false

    @Flag(help: "Do not apply the RFC 9276 NSEC3 parameter checks (iterations, salt).")
    var ignoreRFC9276 = false

    @Flag(help: "Do not apply the RFC 8624 algorithm recommendations.")
    var ignoreRFC8624 = false

    @Option(help: "Signature checks the analysis of each name may make, every zone and server included (10 to 100000; docs/limits.md).")
    var maxSignatureChecks: Int = CryptoLimits().verificationsPerName

    @Option(name: .customLong("ignore"),
            help: ArgumentHelp("Accept a diagnostic code (repeatable or comma-separated): it is still reported, as info, and no longer raises the exit status (a bogus or unresolvable name still does). `dnssec-check codes` lists them.",
                               valueName: "CODE"),
            completion: .list(Completions.codes))
    var ignoredCodes: [String] = []

    @Option(name: .customLong("ds"), help: ArgumentHelp("What-if: check as if the parent published this DS (repeatable).", valueName: "DS RR"))
    var whatIfDS: [String] = []

    @Option(help: "What-if: DS records (zone-file syntax) the parent would publish.", completion: .file())
    var dsFile: String?

    @Option(help: ArgumentHelp("The registrar hand-off: compare the DS at the parent with what the DNS host says it should be: DS or DNSKEY records in zone-file syntax, or the JSON of `aws route53 get-dnssec` (for the zone of the names checked).",
                               valueName: "file"),
            completion: .file())
    var expectDS: String?

    @Option(help: "Colour: auto (when standard output is a terminal and NO_COLOR is unset), always, never.")
    var color: ColorChoice = .auto

    @Flag(help: "ASCII marks (+ ! x -) instead of ✓ ! ✗ ·; the default when the locale (LC_ALL, LC_CTYPE, LANG) is not UTF-8.")
    var ascii = false

    @Flag(name: .shortAndLong, help: "More detail: -v adds the records (dig-style) and which server said what, -vv every exchange.")
    var verbose: Int

    @Flag(name: .shortAndLong, help: "Only the one-line summary per name.")
    var quiet = false

    func policy() throws -> AnalysisPolicy {
        try checkExpiryDays(warn: warnDays, crit: critDays)
        guard (10...100_000).contains(maxSignatureChecks) else {
            throw ValidationError("--max-signature-checks must be between 10 and 100000")
        }
        var policy = AnalysisPolicy()
        policy.cryptoLimits.verificationsPerName = maxSignatureChecks
        policy.warnSeconds = Int64(warnDays * 86400)
        policy.critSeconds = Int64(critDays * 86400)
        policy.strict = strict
        policy.ignoreRFC9276 = ignoreRFC9276
        policy.ignoreRFC8624 = ignoreRFC8624
        for text in ignoredCodes.flatMap({ $0.split(separator: ",") }) {
            let name = text.trimmingCharacters(in: .whitespaces).uppercased()
            guard let code = DiagnosticCode(rawValue: name) else {
                throw ValidationError("--ignore: '\(text)' is not a diagnostic code (`dnssec-check codes` lists them)")
            }
            policy.ignoredCodes.insert(code)
        }
        return policy
    }

    var reportPolicy: ReportPolicy {
        ReportPolicy(requireSecure: requireSecure, warnSeconds: Int64(warnDays * 86400), critSeconds: Int64(critDays * 86400),
                     strict: strict,
                     ignoredCodes: Set(ignoredCodes.flatMap { $0.split(separator: ",") }
                        .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }).sorted())
    }

    func whatIf() throws -> [DNSName: [DSData]] {
        var records: [Record] = []
        for text in whatIfDS {
            do { records.append(try Presentation.parseRecord(text)) } catch {
                throw ValidationError("--ds '\(text)': \(error)")
            }
        }
        if let dsFile { records += try TrustInputs.readZoneFile(dsFile, what: "DS") }
        var result: [DNSName: [DSData]] = [:]
        for record in records {
            guard record.type == .ds, let ds = try? DSData(rdata: record.rdata) else {
                throw ValidationError("--ds/--ds-file: \(record.owner) \(record.type) is not a DS record")
            }
            result[record.owner, default: []].append(ds)
        }
        return result
    }

    /// The analysis step of the pipeline, run for each name as its walk ends.
    func analysis(anchors: TrustAnchors, referenceTime: Int64) throws -> @Sendable (NameObservation) -> NameReport {
        let policy = try policy()
        let whatIf = try whatIf()
        // The root and TLDs are analysed once for the whole run.
        let expected = try expectDS.map { try ExpectedDSFile.load($0).expectations } ?? DSExpectations()
        let analyzer = Analyzer(anchors: anchors, policy: policy, referenceTime: referenceTime, whatIfDS: whatIf,
                                expectedDS: expected, zoneCache: ZoneAnalysisCache())
        return { observation in analyzer.analyze(observation) }
    }

    var verbosity: TextReport.Verbosity {
        if quiet { return .quiet }
        switch verbose {
        case 0: return .normal
        case 1: return .verbose
        default: return .exchanges
        }
    }

    func work(jobs: Int, anchors: TrustAnchors, referenceTime: Int64) throws -> Pipeline.Work {
        Pipeline.Work(analyze: try analysis(anchors: anchors, referenceTime: referenceTime),
                      wantExchanges: format == .text && verbosity >= .exchanges, jobs: jobs)
    }

    /// The pictures draw every name of the run in one graph: a bounded number.
    func checkPictureLimit(names: Int) throws {
        guard format.isPicture, names > OutputFormat.maxPictureNames else { return }
        throw ValidationError("--format \(format.rawValue) draws at most \(OutputFormat.maxPictureNames) names in one picture, not \(names): split the list, or use --format json or jsonl")
    }

    func sink(total: Int, referenceTime: Int64) -> ReportSink {
        let environment = ProcessInfo.processInfo.environment
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = isatty(1) != 0 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
        let text = TextReport(color: useColor, unicode: !ascii && Self.localeIsUTF8(environment),
                              verbosity: verbosity, policy: reportPolicy)
        return ReportSink(format: format, text: text, policy: reportPolicy, total: total, referenceTime: referenceTime)
    }

    /// Whether the locale's character set is UTF-8: the first of LC_ALL,
    /// LC_CTYPE and LANG that is set decides, as setlocale(3) does.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                let lower = value.lowercased()
                return lower.contains("utf-8") || lower.contains("utf8")
            }
        }
        return false
    }
}

/// Where reports go as names finish: text streams in the order the names
/// were given (each as soon as it and those before it are done), jsonl in
/// the order they finish, one line written whole as each name completes (an
/// interrupted run loses no finished name); json, nagios and prometheus need
/// every name and are written at the end. A name's report is dropped once
/// written, so a long text or jsonl run keeps only the statuses. Also keeps
/// the progress line on standard error.
final class ReportSink {
    let format: OutputFormat
    let text: TextReport
    let policy: ReportPolicy
    let total: Int
    let referenceTime: Int64
    /// Reports not written yet: text waiting for an earlier name, or every
    /// name for the formats written at the end.
    var pending: [Int: CheckedName] = [:]
    var statuses: [MonitorStatus] = []
    var nextToPrint = 0
    var failed = 0
    let progress: Progress?

    init(format: OutputFormat, text: TextReport, policy: ReportPolicy, total: Int, referenceTime: Int64,
         showProgress: Bool? = nil) {
        self.format = format
        self.text = text
        self.policy = policy
        self.total = total
        self.referenceTime = referenceTime
        let wanted = showProgress ?? (isatty(2) != 0 && total >= Progress.threshold)
        progress = wanted ? Progress(total: total) : nil
    }

    static let tool = "dnssec-check \(DNSSECCheck.version)"

    func accept(_ index: Int, _ checked: CheckedName) {
        let status = checked.status(policy)
        statuses.append(status)
        if status > .warning { failed += 1 }
        switch format {
        case .text:
            pending[index] = checked
            while let next = pending.removeValue(forKey: nextToPrint) {
                write(nextToPrint == 0 ? text.render(next) : (text.verbosity == .quiet ? "" : "\n") + text.render(next))
                nextToPrint += 1
            }
        case .jsonl:
            write(JSONReport(tool: Self.tool, names: [checked], policy: policy).document.serialized(pretty: false) + "\n")
        case .json, .nagios, .prometheus, .dot, .svg, .png, .html:
            pending[index] = checked
        }
        progress?.update(done: statuses.count, failed: failed)
    }

    /// Writes whatever waits for the end and returns the worst status.
    func finish() -> MonitorStatus {
        progress?.clear()
        let ordered = pending.keys.sorted().map { pending[$0]! }
        switch format {
        case .text, .jsonl:
            break
        case .json:
            write(JSONReport(tool: Self.tool, names: ordered, policy: policy).document.serialized(pretty: true) + "\n")
        case .nagios:
            if ordered.isEmpty { write("DNSSEC UNKNOWN - no names checked\n") }
            else { write(NagiosReport(policy: policy).render(ordered)) }
        case .prometheus:
            write(PrometheusReport(policy: policy, runTimestamp: referenceTime).render(ordered))
        case .dot, .svg, .png, .html:
            if let failure = picture(ordered.map(\.report)) {
                printError("dnssec-check: \(failure)")
                return .unknown
            }
        }
        if statuses.isEmpty { return .unknown }
        return MonitorStatus.worst(statuses)
    }

    /// The graph of every name (DOT, or laid out by Graphviz), or the HTML
    /// page around it; the reason when Graphviz failed.
    func picture(_ reports: [NameReport]) -> String? {
        let graph = ChainGraph(reports: reports, warnSeconds: policy.warnSeconds, critSeconds: policy.critSeconds)
        let dot = DOTWriter(title: Self.tool, captionsFixFirst: format != .html).render(graph)
        do {
            switch format {
            case .dot: write(dot)
            case .svg: writeBytes(try GraphvizLayout.render(dot: dot, format: .svg))
            case .png: writeBytes(try GraphvizLayout.render(dot: dot, format: .png))
            case .html:
                let svg = String(decoding: try GraphvizLayout.render(dot: dot, format: .svg), as: UTF8.self)
                let now = Int64(Date().timeIntervalSince1970)
                write(HTMLReport(policy: policy, referenceTime: referenceTime, now: now, tool: Self.tool)
                        .render(reports, graphSVG: svg))
            default: break
            }
        } catch {
            return "the graph could not be drawn: \(error)"
        }
        return nil
    }

    func writeBytes(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    func write(_ output: String) {
        guard !output.isEmpty else { return }
        progress?.clear()
        FileHandle.standardOutput.write(Data(output.utf8))
        progress?.redraw()
    }
}

/// A one-line progress bar on standard error, for long runs on a terminal:
/// `[##########          ] 50/100 names, 3 failing, 12 s, 4 names/s ETA 12 s`.
final class Progress {
    static let threshold = 10
    let total: Int
    let started = Date()
    var done = 0
    var failed = 0
    var shown = false

    init(total: Int) { self.total = total }

    func update(done: Int, failed: Int) {
        self.done = done
        self.failed = failed
        redraw()
    }

    func redraw() {
        guard done < total else { return }
        let width = 20
        let filled = total == 0 ? 0 : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? " ETA \(Int(Double(total - done) / rate)) s" : ""
        let line = "\r\u{1B}[K[\(bar)] \(done)/\(total) names, \(failed) failing, \(Int(elapsed)) s, "
            + String(format: "%.0f names/s", rate) + eta
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}

#if canImport(Glibc)
import Glibc
#endif
