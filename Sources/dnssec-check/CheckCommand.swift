import ArgumentParser
import DNSModel
import DNSSECAnalysis
import Foundation

/// Options for where the walk starts and how it talks to servers.
struct NetworkOptions: ParsableArguments {
    @Option(help: "Root hints file (zone-file syntax: NS and A/AAAA records); the IANA root servers by default.")
    var rootHints: String?

    @Option(help: "Trust anchors: DS or DNSKEY records in zone-file syntax, for any zone; the IANA root KSKs by default.")
    var trustAnchor: String?

    @Option(name: [.customShort("t"), .long], help: "Record type to check (repeatable); A and AAAA by default.")
    var type: [String] = []

    @Option(help: "Seconds to wait for one answer before retrying.")
    var timeout: Double = 2

    @Option(help: "Seconds the whole run may take.")
    var deadline: Double = 60

    @Flag(name: .customShort("4"), help: "Use IPv4 only.")
    var ipv4Only = false

    @Flag(name: .customShort("6"), help: "Use IPv6 only.")
    var ipv6Only = false

    @Flag(help: "Print each exchange to standard error as it completes.")
    var trace = false

    func validate() throws {
        if ipv4Only && ipv6Only { throw ValidationError("-4 and -6 exclude each other") }
        guard timeout > 0, timeout <= 60 else { throw ValidationError("--timeout must be between 0 and 60 seconds") }
        guard deadline > 0, deadline <= 3600 else { throw ValidationError("--deadline must be between 0 and 3600 seconds") }
    }

    var family: AddressFamily { ipv4Only ? .ipv4 : ipv6Only ? .ipv6 : .any }
    var settings: Pipeline.NetworkSettings { .init(timeout: timeout, deadline: deadline, trace: trace, family: family) }
}

/// Where the names come from: arguments and/or `-f FILE`, and how many are
/// walked at once.
struct NameOptions: ParsableArguments {
    @Argument(help: "Domain names to check.")
    var names: [String] = []

    @Option(name: [.customShort("f"), .customLong("file")],
            help: ArgumentHelp("Read names from FILE ('-' for standard input), one per line; '#' starts a comment, blank lines are ignored.",
                               valueName: "file"))
    var file: String?

    @Option(help: "How many names to walk at once (with -f or several names).")
    var jobs: Int = 8

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256") }
        if names.isEmpty && file == nil { throw ValidationError("Missing expected argument '<names> ...' (or -f FILE)") }
    }

    /// The names to walk; lines of the file that are not names are reported
    /// on standard error and skipped (and make the run UNKNOWN at least).
    func load() throws -> (names: [DNSName], bad: Int) {
        var result = try parseNames(names)
        var bad = 0
        if let file {
            let data: Data?
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = FileManager.default.contents(atPath: file)
            }
            guard let data else { throw ToolFailure("cannot read names file \(file): no such file or not readable") }
            for (number, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var line = Substring(raw)
                if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
                let text = line.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                do { result.append(try DNSName(text)) } catch {
                    printError("dnssec-check: \(file == "-" ? "<stdin>" : file):\(number + 1): '\(text)' is not a valid domain name: \(error)")
                    bad += 1
                }
            }
        }
        if result.isEmpty { throw ToolFailure("no names to check") }
        return (result, bad)
    }
}

/// `dnssec-check [check] NAME…`: walk, analyse, report.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the chain of trust from the root (or a trust anchor) to each name (the default command)."
    )

    @OptionGroup var source: NameOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var report: ReportOptions

    @Option(name: [.customShort("o"), .customLong("capture")], help: "Also save every exchange to this capture file.")
    var capture: String?

    func run() async throws {
        try await nagiosFailure(report.format) {
            let (names, bad) = try source.load()
            let types = try parseTypes(network.type)
            let inputs = try TrustInputs.load(rootHints: network.rootHints, trustAnchor: network.trustAnchor, family: network.family)
            let now = Date().timeIntervalSince1970
            let referenceTime = try report.at.map { try parseReferenceTime($0, now: now) } ?? Int64(now)
            let work = try report.work(jobs: source.jobs, anchors: inputs.anchors, referenceTime: referenceTime)
            let sink = report.sink(total: names.count, referenceTime: referenceTime)
            let recorded = await Pipeline.probe(names: names, types: types, inputs: inputs, settings: network.settings,
                                                work: work) { walked in
                if let checked = walked.checked { sink.accept(walked.index, checked) }
            }
            if let capture { try save(recorded, to: capture) }
            var status = sink.finish()
            if bad > 0 && status.precedence < ExitStatus.unknown.precedence { status = .unknown }
            throw ExitCode(status.rawValue)
        }
    }
}

/// With `--format nagios`, a failure before any name is checked still
/// prints a status line on standard output, as monitors expect.
func nagiosFailure(_ format: OutputFormat, _ body: () async throws -> Void) async throws {
    do { try await body() } catch let error where format == .nagios && !(error is ExitCode) {
        let message = (error as? ToolFailure)?.description ?? "\(error)"
        print("DNSSEC UNKNOWN - \(message)".replacingOccurrences(of: "|", with: "/"))
        throw error
    }
}

func save(_ capture: Capture, to path: String) throws {
    do { try capture.encoded().write(to: URL(fileURLWithPath: path)) } catch {
        throw ToolFailure("cannot write capture \(path): \(error.localizedDescription)")
    }
}

/// `dnssec-check probe NAME… -o capture.json`: collect only.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Ask every server what the analysis needs and save the exchanges to a capture, without analysing."
    )

    @OptionGroup var source: NameOptions
    @OptionGroup var network: NetworkOptions

    @Option(name: [.customShort("o"), .long], help: "Capture file to write ('-' for standard output).")
    var output: String

    func run() async throws {
        let (names, bad) = try source.load()
        let types = try parseTypes(network.type)
        let inputs = try TrustInputs.load(rootHints: network.rootHints, trustAnchor: network.trustAnchor, family: network.family)
        let capture = await Pipeline.probe(names: names, types: types, inputs: inputs, settings: network.settings,
                                           work: Pipeline.Work(analyze: nil, jobs: source.jobs)) { _ in }
        if output == "-" {
            print(String(decoding: try capture.encoded(), as: UTF8.self))
        } else {
            try save(capture, to: output)
            printError("dnssec-check: \(capture.exchanges.count) exchanges saved to \(output)")
        }
        if bad > 0 { throw ExitCode(ExitStatus.unknown.rawValue) }
    }
}

/// `dnssec-check analyze capture.json`: offline analysis of a capture.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a capture without any network; the reference time is the capture's end unless --at is given."
    )

    @Argument(help: "Capture file written by `probe` or `check -o`.")
    var capture: String

    @Option(help: "Trust anchors to use instead of those recorded in the capture.")
    var trustAnchor: String?

    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await nagiosFailure(report.format) { try await analyze() }
    }

    func analyze() async throws {
        guard let data = FileManager.default.contents(atPath: capture) else {
            throw ToolFailure("cannot read capture \(capture): no such file or not readable")
        }
        let loaded: Capture
        do { loaded = try Capture.load(from: data) } catch { throw ToolFailure("\(capture): \(error.description)") }
        let anchors = try trustAnchor.map {
            try TrustInputs.load(rootHints: nil, trustAnchor: $0, family: .any).anchors
        } ?? TrustInputs.anchorsFrom(loaded.trustAnchors)
        let referenceTime = try report.at.map { try parseReferenceTime($0, now: loaded.endTime) } ?? Int64(loaded.endTime)
        let work = try report.work(jobs: 8, anchors: anchors, referenceTime: referenceTime)
        let sink = report.sink(total: loaded.names.count, referenceTime: referenceTime)
        await Pipeline.replay(loaded, work: work) { walked in
            if let checked = walked.checked { sink.accept(walked.index, checked) }
        }
        throw ExitCode(sink.finish().rawValue)
    }
}
