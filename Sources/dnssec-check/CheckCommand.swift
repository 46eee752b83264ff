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

    var family: AddressFamily { ipv4Only ? .v4 : ipv6Only ? .v6 : .any }
    var settings: Pipeline.NetworkSettings { .init(timeout: timeout, deadline: deadline, trace: trace) }
}

/// `dnssec-check [check] NAME…`: walk, analyse, report.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the chain of trust from the root (or a trust anchor) to each name (the default command)."
    )

    @Argument(help: "Domain names to check.")
    var names: [String]

    @OptionGroup var network: NetworkOptions
    @OptionGroup var report: ReportOptions

    @Option(name: [.customShort("o"), .customLong("capture")], help: "Also save every exchange to this capture file.")
    var capture: String?

    func run() async throws {
        let names = try parseNames(self.names)
        let types = try parseTypes(network.type)
        let inputs = try TrustInputs.load(rootHints: network.rootHints, trustAnchor: network.trustAnchor, family: network.family)
        let now = Date().timeIntervalSince1970
        let referenceTime = try report.at.map { try parseReferenceTime($0, now: now) } ?? Int64(now)
        _ = try report.policy()
        _ = try report.whatIf()
        let (observations, recorded) = await Pipeline.probe(names: names, types: types, inputs: inputs, settings: network.settings)
        if let capture { try save(recorded, to: capture) }
        let reports = try report.analyze(observations, anchors: inputs.anchors, referenceTime: referenceTime)
        throw ExitCode(try report.emit(reports).rawValue)
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

    @Argument(help: "Domain names to probe.")
    var names: [String]

    @OptionGroup var network: NetworkOptions

    @Option(name: [.customShort("o"), .long], help: "Capture file to write ('-' for standard output).")
    var output: String

    func run() async throws {
        let names = try parseNames(self.names)
        let types = try parseTypes(network.type)
        let inputs = try TrustInputs.load(rootHints: network.rootHints, trustAnchor: network.trustAnchor, family: network.family)
        let (_, capture) = await Pipeline.probe(names: names, types: types, inputs: inputs, settings: network.settings)
        if output == "-" {
            print(String(decoding: try capture.encoded(), as: UTF8.self))
        } else {
            try save(capture, to: output)
            printError("dnssec-check: \(capture.exchanges.count) exchanges saved to \(output)")
        }
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
        guard let data = FileManager.default.contents(atPath: capture) else {
            throw ToolFailure("cannot read capture \(capture): no such file or not readable")
        }
        let loaded: Capture
        do { loaded = try Capture.load(from: data) } catch { throw ToolFailure("\(capture): \(error.description)") }
        let anchors = try trustAnchor.map {
            try TrustInputs.load(rootHints: nil, trustAnchor: $0, family: .any).anchors
        } ?? TrustInputs.anchorsFrom(loaded.trustAnchors)
        let referenceTime = try report.at.map { try parseReferenceTime($0, now: loaded.endTime) } ?? Int64(loaded.endTime)
        let observations = await Pipeline.replay(loaded)
        let reports = try report.analyze(observations, anchors: anchors, referenceTime: referenceTime)
        throw ExitCode(try report.emit(reports).rawValue)
    }
}
