import ArgumentParser
import DNSSECReport
import DNSModel
import DNSSECAnalysis
import Foundation

/// Options for where the walk starts and how it talks to servers.
struct NetworkOptions: ParsableArguments {
    @Option(help: "Root hints file (zone-file syntax: NS and A/AAAA records); the IANA root servers by default.",
            completion: .file())
    var rootHints: String?

    @Option(help: "Trust anchors: DS or DNSKEY records in zone-file syntax, for any zone; the IANA root KSKs by default.",
            completion: .file())
    var trustAnchor: String?

    @Option(name: [.customShort("t"), .long], help: "Record type to check (repeatable); A and AAAA by default.",
            completion: .list(Completions.recordTypes))
    var type: [String] = []

    @Option(help: "Seconds one exchange with a server may take, its UDP retransmissions and a TCP fallback included.")
    var timeout: Double = 2

    @Option(help: "Seconds the check of each name may take; a name that runs out is reported with what was learned.")
    var deadline: Double = 30

    @Option(help: "Seconds the whole run may take (no limit by default); names not finished by then are reported as out of time.")
    var totalDeadline: Double?

    @Option(help: "Questions the check of each name may ask, nested walks included (10 to 100000).")
    var maxQueries: Int = 1000

    @Option(name: .customLong("ns"),
            help: ArgumentHelp("Pre-delegation test: check the zone named by the first name on this name server, as if its parent delegated it here (repeatable; ADDRESS is required for a name inside the zone); with --ds for the DS the parent would publish.",
                               valueName: "NAME[/ADDRESS]"))
    var nameServers: [String] = []

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
        guard (10...100_000).contains(maxQueries) else { throw ValidationError("--max-queries must be between 10 and 100000") }
        if let totalDeadline, !(totalDeadline > 0 && totalDeadline <= 7 * 86400) {
            throw ValidationError("--total-deadline must be between 0 and 604800 seconds (7 days)")
        }
    }

    var family: AddressFamily { ipv4Only ? .ipv4 : ipv6Only ? .ipv6 : .any }
    var settings: Pipeline.NetworkSettings {
        .init(timeout: timeout, deadline: deadline, totalDeadline: totalDeadline, trace: trace, family: family,
              maxQueries: maxQueries)
    }

    /// `--ns`: the first name is the zone under test; every name checked must be in it.
    func undelegated(names: [DNSName]) throws -> Undelegated? {
        guard !nameServers.isEmpty else { return nil }
        guard let zone = names.first else { return nil }
        guard !zone.isRoot else { throw ValidationError("--ns: the root cannot be undelegated") }
        for name in names where !name.isSubdomain(of: zone) {
            throw ValidationError("--ns tests the zone \(zone) (the first name): \(name) is not in it")
        }
        return try UndelegatedOption.parse(nameServers, zone: zone)
    }
}

/// Where the names come from: arguments and/or `-f FILE`, and how many are
/// walked at once.
struct NameOptions: ParsableArguments {
    @Argument(help: "Domain names to check.")
    var names: [String] = []

    @Option(name: [.customShort("f"), .customLong("file")],
            help: ArgumentHelp("Read names from FILE ('-' for standard input), one per line; '#' starts a comment, blank lines are ignored.",
                               valueName: "file"),
            completion: .file())
    var file: String?

    @Option(help: "How many names to walk at once (with -f or several names).")
    var jobs: Int = 8

    @Option(help: ArgumentHelp("Check only the names of shard K of N (K from 0 to N-1), by a stable hash of the name: N runs with K = 0…N-1 check every name once, with no coordination.",
                               valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Skip the names already reported in this JSONL file (from an interrupted run with --format jsonl): append the new lines to it.",
                               valueName: "file.jsonl"),
            completion: .file(extensions: ["jsonl"]))
    var resume: String?

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256") }
        if names.isEmpty && file == nil { throw ValidationError("Missing expected argument '<names> ...' (or -f FILE)") }
        if let shard { _ = try Shard(shard) }
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
                do { result.append(try HostName.parse(text)) } catch {
                    printError("dnssec-check: \(file == "-" ? "<stdin>" : file):\(number + 1): \(error)")
                    bad += 1
                }
            }
        }
        // A name listed twice is checked and reported once (one Prometheus series per name).
        var seen: Set<DNSName> = []
        result = result.filter { seen.insert($0).inserted }
        if let shard {
            let part = try Shard(shard)
            result = result.filter(part.contains)
        }
        if let resume {
            let done = try Self.namesReported(in: resume)
            result = result.filter { !done.contains($0) }
            if result.isEmpty {
                printError("dnssec-check: every name is already in \(resume)")
                return ([], bad)
            }
        }
        if result.isEmpty { throw ToolFailure(shard == nil ? "no names to check" : "no names in shard \(shard!)") }
        return (result, bad)
    }

    /// The names of the reports in a JSONL file; a torn last line (the run
    /// was killed while writing it) is not a report.
    static func namesReported(in path: String) throws -> Set<DNSName> {
        guard let data = FileManager.default.contents(atPath: path) else {
            if !FileManager.default.fileExists(atPath: path) { return [] }   // nothing done yet
            throw ToolFailure("cannot read \(path) for --resume: not readable")
        }
        struct Line: Decodable {
            struct Report: Decodable { var name: String }
            var reports: [Report]
        }
        var names: Set<DNSName> = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let parsed = try? JSONDecoder().decode(Line.self, from: Data(line)) else { continue }
            for report in parsed.reports {
                if let name = try? DNSName(report.name) { names.insert(name) }
            }
        }
        return names
    }
}

/// `--shard K/N`: a stable partition of the names (FNV-1a of the name in
/// lower case), the same on every machine and run.
struct Shard {
    var index: UInt64
    var count: UInt64

    init(_ text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = UInt64(parts[0]), let n = UInt64(parts[1]), n >= 1, n <= 1_000_000, k < n else {
            throw ValidationError("--shard must be K/N with 0 <= K < N <= 1000000 (for example 0/4), not '\(text)'")
        }
        index = k
        count = n
    }

    func contains(_ name: DNSName) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.description.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash % count == index
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

    @Option(name: [.customShort("o"), .customLong("capture")], help: "Also save every exchange to this capture file.",
            completion: .file(extensions: ["json"]))
    var capture: String?

    func run() async throws {
        try await nagiosFailure(report.format) {
            let (names, bad) = try source.load()
            if names.isEmpty { throw ExitCode(bad > 0 ? MonitorStatus.unknown.rawValue : 0) }   // --resume: all done
            try report.checkPictureLimit(names: names.count)
            let types = try parseTypes(network.type)
            let inputs = try TrustInputs.load(rootHints: network.rootHints, trustAnchor: network.trustAnchor, family: network.family)
            let now = Date().timeIntervalSince1970
            let referenceTime = try report.at.map { try parseReferenceTime($0, now: now) } ?? Int64(now)
            let work = try report.work(jobs: source.jobs, anchors: inputs.anchors, referenceTime: referenceTime)
            let sink = report.sink(total: names.count, referenceTime: referenceTime)
            var settings = network.settings
            settings.undelegated = try network.undelegated(names: names)
            try await Pipeline.probe(names: names, types: types, inputs: inputs, settings: settings,
                                     work: work, captureTo: capture) { walked in
                if let checked = walked.checked { sink.accept(walked.index, checked) }
            }
            var status = sink.finish()
            if bad > 0 && status < .unknown { status = .unknown }
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


/// `dnssec-check probe NAME… -o capture.json`: collect only.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Ask every server what the analysis needs and save the exchanges to a capture, without analysing."
    )

    @OptionGroup var source: NameOptions
    @OptionGroup var network: NetworkOptions

    @Option(name: [.customShort("o"), .long], help: "Capture file to write ('-' for standard output).",
            completion: .file(extensions: ["json"]))
    var output: String

    func run() async throws {
        let (names, bad) = try source.load()
        if names.isEmpty { throw ExitCode(bad > 0 ? MonitorStatus.unknown.rawValue : 0) }
        let types = try parseTypes(network.type)
        let inputs = try TrustInputs.load(rootHints: network.rootHints, trustAnchor: network.trustAnchor, family: network.family)
        var settings = network.settings
        settings.undelegated = try network.undelegated(names: names)
        let saved = try await Pipeline.probe(names: names, types: types, inputs: inputs, settings: settings,
                                             work: Pipeline.Work(analyze: nil, jobs: source.jobs), captureTo: output) { _ in }
        if output != "-" { printError("dnssec-check: \(saved) exchanges saved to \(output)") }
        if bad > 0 { throw ExitCode(MonitorStatus.unknown.rawValue) }
    }
}

/// `dnssec-check analyze capture.json`: offline analysis of a capture.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a capture without any network; the reference time is the capture's end unless --at is given."
    )

    @Argument(help: "Capture file written by `probe` or `check -o`.", completion: .file(extensions: ["json"]))
    var capture: String

    @Option(help: "Trust anchors to use instead of those recorded in the capture.", completion: .file())
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
        // A capture's times are data from a file: checked, never trusted.
        guard loaded.startTime.isFinite, let end = try? referenceTime(loaded.endTime, what: "endTime") else {
            throw ToolFailure("\(capture): endTime \(loaded.endTime) is not a time between 1970 and 9999")
        }
        let referenceTime = try report.at.map { try parseReferenceTime($0, now: loaded.endTime) } ?? end
        try report.checkPictureLimit(names: loaded.names.count)
        let work = try report.work(jobs: 8, anchors: anchors, referenceTime: referenceTime)
        let sink = report.sink(total: loaded.names.count, referenceTime: referenceTime)
        await Pipeline.replay(loaded, work: work) { walked in
            if let checked = walked.checked { sink.accept(walked.index, checked) }
        }
        throw ExitCode(sink.finish().rawValue)
    }
}
