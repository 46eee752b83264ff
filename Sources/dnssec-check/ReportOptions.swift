import ArgumentParser
import DNSModel
import DNSSECAnalysis
import DNSSECReport
import Foundation
import LDNSBridge

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Options shared by `check` and `analyze`: policy, output and exit codes.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: text or json.")
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

    @Option(name: .customLong("ds"), help: ArgumentHelp("What-if: check as if the parent published this DS (repeatable).", valueName: "DS RR"))
    var whatIfDS: [String] = []

    @Option(help: "What-if: DS records (zone-file syntax) the parent would publish.")
    var dsFile: String?

    @Option(help: "Colour: auto (when standard output is a terminal), always, never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "More detail: keys and signatures.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Only the one-line summary per name.")
    var quiet = false

    func policy() throws -> AnalysisPolicy {
        guard warnDays >= 0, critDays >= 0 else { throw ValidationError("--warn-days and --crit-days must not be negative") }
        var policy = AnalysisPolicy()
        policy.warnSeconds = Int64(warnDays * 86400)
        policy.critSeconds = Int64(critDays * 86400)
        policy.strict = strict
        policy.ignoreRFC9276 = ignoreRFC9276
        policy.ignoreRFC8624 = ignoreRFC8624
        return policy
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

    func analyze(_ observations: [NameObservation], anchors: TrustAnchors, referenceTime: Int64) throws -> [NameReport] {
        let analyzer = Analyzer(anchors: anchors, policy: try policy(), referenceTime: referenceTime, whatIfDS: try whatIf())
        return observations.map { analyzer.analyze($0) }
    }

    /// Prints the reports and returns the exit status (docs/cli.md).
    func emit(_ reports: [NameReport]) throws -> ExitStatus {
        switch format {
        case .json:
            print(try JSONReport(tool: "dnssec-check \(DNSSECCheck.version)", reports: reports).encoded())
        case .text:
            let useColor: Bool
            switch color {
            case .always: useColor = true
            case .never: useColor = false
            case .auto: useColor = isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            }
            let renderer = TextReport(color: useColor, unicode: true,
                                      verbosity: quiet ? .quiet : verbose ? .verbose : .normal)
            for report in reports { print(renderer.render(report), terminator: "") }
        }
        return reports.map(exitStatus).max { $0.precedence < $1.precedence } ?? .ok
    }

    func exitStatus(_ report: NameReport) -> ExitStatus {
        switch report.status {
        case .bogus: return .critical
        case .indeterminate: return .unknown
        case .insecure where requireSecure: return .critical
        default: break
        }
        switch report.worstSeverity {
        case .error: return .critical
        case .warning: return .warning
        default: return .ok
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
