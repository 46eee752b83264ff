// libFuzzer target: a recorded capture with mutated answers → the whole analysis.
//
// The captures recorded from the lab (Tests/AnalysisTests/Fixtures/captures,
// or the directory in DNSSEC_FUZZ_CAPTURES) are loaded once. Each input picks
// one of them and is then read as a short program of mutations — replace,
// flip, insert or truncate bytes of one response; set its header flags and
// rcode; swap, move, drop or copy in records (from any other answer); flip
// bytes in one record's RDATA; change a record's type, class or TTL; strip
// or alter EDNS; turn an answer into a timeout or another failure; move the
// reference time; change the policy or the trust anchor — and the result
// goes through the product:
//   - observation mode (first byte < 0x80): the capture's walk is done once
//     at start-up; the mutated answers are parsed as the walk parses them
//     and put in place of the recorded ones, so the Analyzer sees them;
//   - walk mode (first byte ≥ 0x80): the mutated exchanges are replayed
//     through ChainWalker (ReplayTransport), as `dnssec-check analyze` does,
//     so referrals, glue and CNAMEs come from the mutated answers too;
// then the Analyzer, the text report (its verbosity chosen by the input, up
// to -vv with every exchange), the JSON, Nagios and Prometheus renderers. The input format is
// in scripts/fuzz-seeds.py, which writes the seed corpus. Any verdict is
// fine; a trap or a sanitizer report is a bug in the product.
import DNSModel
import DNSSECAnalysis
import DNSSECGraph
import DNSSECProbe
import DNSSECReport
import DNSTransport
import Foundation
import LDNSBridge

/// The one place this target sees an unsafe pointer: libFuzzer's entry point
/// copies the input into a [UInt8] at once (the project's rule: only the
/// bridge targets handle unsafe pointers), and everything after works on the array.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaptureAnalysisEntry(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    CaptureFuzzer.shared.run(bytes)
    return 0
}

/// One recorded capture, walked once. Byte 0 of an input: bits 0-4 the
/// capture (sorted file names), 5-6 the text verbosity, 7 walk mode.
struct SeedCapture {
    var name: String
    var capture: Capture
    var anchors: TrustAnchors
    var observation: NameObservation
    /// The first exchange recorded for each question: the one a replay uses.
    var firstIndex: [ExchangeKey: Int]
}

final class CaptureFuzzer: @unchecked Sendable {
    static let shared = CaptureFuzzer()

    let subjects: [SeedCapture]
    /// Zone checks shared by the executions that keep the default time and
    /// policy (the cache's key covers what a zone's servers said, not those),
    /// as a batch shares them between names: an unchanged zone is not checked again.
    let zoneCache = ZoneAnalysisCache(capacity: 512)
    /// DNSSEC_FUZZ_PRINT=1: print each input's report (for reproducing, not fuzzing).
    let printReports = ProcessInfo.processInfo.environment["DNSSEC_FUZZ_PRINT"] == "1"

    init() {
        let directory = ProcessInfo.processInfo.environment["DNSSEC_FUZZ_CAPTURES"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../../Tests/AnalysisTests/Fixtures/captures").standardized.path
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        var subjects: [SeedCapture] = []
        for file in files {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path),
                  let capture = try? Capture.load(from: data), !capture.names.isEmpty else {
                FileHandle.standardError.write(Data("FuzzCaptureAnalysis: cannot load \(path)\n".utf8))
                exit(2)
            }
            let records = capture.trustAnchors.compactMap { try? Presentation.parseRecord($0) }
            let observation = Self.walk(capture, capture.exchanges)
            var firstIndex: [ExchangeKey: Int] = [:]
            for (index, exchange) in capture.exchanges.enumerated() where firstIndex[exchange.key] == nil {
                firstIndex[exchange.key] = index
            }
            subjects.append(SeedCapture(name: file, capture: capture, anchors: TrustAnchors(records: records),
                                    observation: observation, firstIndex: firstIndex))
        }
        guard !subjects.isEmpty else {
            FileHandle.standardError.write(Data("FuzzCaptureAnalysis: no captures in \(directory)\n".utf8))
            exit(2)
        }
        self.subjects = subjects
    }

    static func walk(_ capture: Capture, _ exchanges: [Exchange]) -> NameObservation {
        let walker = ChainWalker(transport: ReplayTransport(exchanges: exchanges),
                                 rootServers: capture.rootHints.map { ServerAddress(ip: $0) },
                                 undelegated: capture.undelegated)
        let name = capture.names[0], types = capture.types
        return blocking { await walker.observe(name, types: types) }
    }

    func run(_ input: [UInt8]) {
        var reader = InputReader(input)
        let first = reader.u8()
        let subject = subjects[Int(first & 0x1F) % subjects.count]
        let walkMode = first & 0x80 != 0
        // Bits 5-6: the text report's verbosity (-vv renders every exchange, and costs most).
        let verbosity: TextReport.Verbosity = [.normal, .quiet, .verbose, .exchanges][Int(first >> 5) & 3]

        var settings = Settings(referenceTime: Int64(subject.capture.endTime))
        // Exchange indexes are the capture's, in both modes.
        var mutator = Mutator(exchanges: subject.capture.exchanges)
        mutator.apply(&reader, &settings)
        var observation: NameObservation
        if walkMode {
            observation = Self.walk(subject.capture, mutator.exchanges)
        } else {
            observation = subject.observation
            // The walk was given the first exchange recorded for each question (ReplayTransport).
            var replaced: [ExchangeKey: Exchange] = [:]
            for index in mutator.changed where subject.firstIndex[subject.capture.exchanges[index].key] == index {
                replaced[subject.capture.exchanges[index].key] = mutator.exchanges[index]
            }
            if !replaced.isEmpty {
                AnswerVisitor.visit(&observation) { answer in
                    if let exchange = replaced[answer.exchange.key] { answer = Self.answer(answer, exchange) }
                }
            }
        }

        var anchors = subject.anchors
        if settings.breakAnchor {
            anchors.ds = anchors.ds.mapValues { list in list.map { ds in
                var wrong = ds
                if !wrong.digest.isEmpty { wrong.digest[0] ^= 0xFF }
                return wrong
            } }
        }
        let analyzer = Analyzer(anchors: anchors, policy: settings.policy, referenceTime: settings.referenceTime,
                                zoneCache: settings.isDefault ? zoneCache : nil)
        let report = analyzer.analyze(observation)

        let checked = CheckedName(report: report, observation: observation, exchanges: observation.allAnswers.map(\.exchange),
                                  duration: 0.5)
        let reportPolicy = ReportPolicy(strict: settings.policy.strict)
        if printReports {
            // scripts/fuzz TARGET --reproduce FILE: what the input did, and the report it gave.
            print("capture \(subject.name), \(walkMode ? "walk" : "observation") mode, exchanges changed:",
                  mutator.changed.sorted(), "reference time \(settings.referenceTime)")
            print(TextReport(verbosity: .verbose, width: 100, policy: reportPolicy).render(checked))
        }
        sink(TextReport(unicode: first & 1 == 0, verbosity: verbosity, width: 100, policy: reportPolicy).render(checked))
        sink(try? JSONReport(tool: "fuzz", names: [checked], policy: reportPolicy).encoded())
        sink(NagiosReport(policy: reportPolicy).render([checked]))
        sink(PrometheusReport(policy: reportPolicy, runTimestamp: settings.referenceTime).render([checked]))
        // The picture's model, DOT and HTML (Graphviz's layout is left out: C, not ours to fuzz here).
        let graph = ChainGraph(reports: [report], warnSeconds: reportPolicy.warnSeconds, critSeconds: reportPolicy.critSeconds)
        sink(DOTWriter().render(graph))
        sink(HTMLReport(policy: reportPolicy, referenceTime: settings.referenceTime, now: nil, tool: "fuzz")
            .render([report], graphSVG: nil))
    }

    /// A mutated exchange as the walk reads it (ChainWalker.parse): parsed
    /// when it carries a response, its failure otherwise.
    static func answer(_ old: ServerAnswer, _ exchange: Exchange) -> ServerAnswer {
        guard let bytes = exchange.response else {
            let why = exchange.failure.map { "\($0.rawValue)" + (exchange.failureDetail.map { ": \($0)" } ?? "") }
            return ServerAnswer(server: old.server, question: old.question, exchange: exchange, message: nil,
                                problem: why ?? "no response")
        }
        do {
            let message = try WireFormat.parseMessage(bytes)
            return ServerAnswer(server: old.server, question: old.question, exchange: exchange, message: message,
                                problem: nil)
        } catch {
            return ServerAnswer(server: old.server, question: old.question, exchange: exchange, message: nil,
                                problem: "malformed response: \(error)")
        }
    }
}

/// Time, policy and anchor changes an input may ask for.
struct Settings {
    var referenceTime: Int64
    var policy = AnalysisPolicy()
    var breakAnchor = false
    var isDefault = true
}

/// Every answer of an observation in a fixed order (the type-keyed answers
/// sorted by type), so an input means the same answer in every process.
enum AnswerVisitor {
    nonisolated(unsafe) static let zoneLists: [WritableKeyPath<ZoneObservation, [ServerAnswer]>] = [
        \.dsAnswers, \.dnskeyAnswers, \.soaAnswers, \.cdsAnswers, \.cdnskeyAnswers, \.tcpAnswers,
        \.nsec3paramAnswers, \.nxdomainProbeAnswers, \.nsAnswers, \.nameServerAddressAnswers,
        \.noEDNSAnswers, \.ednsVersionAnswers,
    ]

    static func visit(_ observation: inout NameObservation, _ body: (inout ServerAnswer) -> Void) {
        for zone in observation.zones.indices {
            for list in zoneLists {
                for index in observation.zones[zone][keyPath: list].indices {
                    body(&observation.zones[zone][keyPath: list][index])
                }
            }
        }
        for type in observation.answers.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            for index in observation.answers[type, default: []].indices { body(&observation.answers[type]![index]) }
        }
        for index in observation.nodataProbeAnswers.indices { body(&observation.nodataProbeAnswers[index]) }
        for index in observation.cnameTarget.indices { visit(&observation.cnameTarget[index], body) }
        for index in observation.bootstrapSignals.indices { visit(&observation.bootstrapSignals[index], body) }
    }
}

/// The input after its first byte: a sequence of operations, each an opcode
/// and its arguments (big-endian; an exhausted input reads as zeros).
struct InputReader {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }
    mutating func u8() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }
    mutating func u16() -> UInt16 { UInt16(u8()) << 8 | UInt16(u8()) }
    mutating func take(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, offset + max(0, count))
        defer { offset = end }
        return offset < end ? Array(bytes[offset..<end]) : []
    }
}

struct Mutator {
    var exchanges: [Exchange]
    var changed: Set<Int> = []

    static let failures: [ExchangeFailure] = [.timeout, .unreachable, .connectionReset, .malformedResponse,
                                              .mismatchedResponse, .deadlineExceeded, .notAsked, .networkError]

    mutating func apply(_ reader: inout InputReader, _ settings: inout Settings) {
        guard !exchanges.isEmpty else { return }
        var operations = 0
        while !reader.isAtEnd && operations < 32 {
            operations += 1
            let opcode = reader.u8() % 16
            let target = Int(reader.u16()) % exchanges.count
            switch opcode {
            case 0:  // replace the response with the next LENGTH bytes
                let length = Int(reader.u16())
                setResponse(target, reader.take(length))
            case 1:  // xor one byte
                let position = Int(reader.u16()), value = reader.u8()
                raw(target) { bytes in
                    guard !bytes.isEmpty else { return }
                    bytes[position % bytes.count] ^= value
                }
            case 2:  // insert bytes
                let position = Int(reader.u16()), inserted = reader.take(Int(reader.u8()))
                raw(target) { bytes in bytes.insert(contentsOf: inserted, at: position % (bytes.count + 1)) }
            case 3:  // truncate
                let length = Int(reader.u16())
                raw(target) { bytes in bytes = Array(bytes.prefix(length % (bytes.count + 1))) }
            case 4:  // the header's flag and rcode bytes, as sent
                let value = reader.u16()
                raw(target) { bytes in
                    guard bytes.count >= 4 else { return }
                    bytes[2] = UInt8(value >> 8)
                    bytes[3] = UInt8(value & 0xFF)
                }
            case 5:  // swap two records (across sections too)
                let a = Int(reader.u8()), b = Int(reader.u8())
                parsed(target) { message in
                    var all = Self.records(message)
                    guard !all.isEmpty else { return }
                    let i = a % all.count, j = b % all.count
                    let first = all[i].record
                    all[i].record = all[j].record
                    all[j].record = first
                    Self.setRecords(&message, all)
                }
            case 6:  // move a record to another section
                let which = Int(reader.u8()), section = Int(reader.u8()) % 3
                parsed(target) { message in
                    var all = Self.records(message)
                    guard !all.isEmpty else { return }
                    all[which % all.count].section = section
                    Self.setRecords(&message, all)
                }
            case 7:  // copy in a record of another answer
                let donor = Int(reader.u16()) % exchanges.count
                let which = Int(reader.u8()), section = Int(reader.u8()) % 3
                guard let bytes = exchanges[donor].response, let source = try? WireFormat.parseMessage(bytes) else {
                    continue
                }
                let donated = Self.records(source)
                guard !donated.isEmpty else { continue }
                let record = donated[which % donated.count].record
                parsed(target) { message in
                    var all = Self.records(message)
                    all.append((section, record))
                    Self.setRecords(&message, all)
                }
            case 8:  // drop a record
                let which = Int(reader.u8())
                parsed(target) { message in
                    var all = Self.records(message)
                    guard !all.isEmpty else { return }
                    all.remove(at: which % all.count)
                    Self.setRecords(&message, all)
                }
            case 9:  // no answer: a failure instead
                let kind = Int(reader.u8())
                exchanges[target].response = nil
                exchanges[target].failure = Self.failures[kind % Self.failures.count]
                exchanges[target].failureDetail = kind & 0x80 != 0 ? nil : "fuzzed failure"
                changed.insert(target)
            case 10:  // xor one byte of one record's RDATA
                let which = Int(reader.u8()), position = Int(reader.u16()), value = reader.u8()
                parsed(target) { message in
                    var all = Self.records(message)
                    guard !all.isEmpty else { return }
                    let i = which % all.count
                    if all[i].record.rdata.isEmpty {
                        all[i].record.rdata = [value]
                    } else {
                        all[i].record.rdata[position % all[i].record.rdata.count] ^= value
                    }
                    Self.setRecords(&message, all)
                }
            case 11:  // a record's type, class, TTL or owner
                let which = Int(reader.u8()), field = reader.u8() % 4, value = reader.u16()
                parsed(target) { message in
                    var all = Self.records(message)
                    guard !all.isEmpty else { return }
                    let i = which % all.count
                    switch field {
                    case 0: all[i].record.type = RRType(value)
                    case 1: all[i].record.rrClass = RRClass(value)
                    case 2: all[i].record.ttl = UInt32(value) << UInt32(value & 0x0F)
                    default:
                        // Owner: one label up, or a label prepended.
                        if value & 1 == 0, let parent = all[i].record.owner.parent {
                            all[i].record.owner = parent
                        } else if let longer = try? all[i].record.owner.prepending(value & 2 == 0 ? [UInt8(ascii: "*")] : [UInt8(value >> 8)]) {
                            all[i].record.owner = longer
                        }
                    }
                    Self.setRecords(&message, all)
                }
            case 12:  // rcode (extended bits need EDNS) and flags
                let rcode = reader.u16() & 0x0FFF, flags = reader.u16()
                parsed(target) { message in
                    message.rcode = RCode(rcode)
                    message.flags = HeaderFlags(rawValue: flags & 0x87B0)
                    if rcode > 15 && message.edns == nil { message.edns = EDNS() }
                }
            case 13:  // EDNS: stripped, version, DO, buffer size, an Extended DNS Error
                let field = reader.u8() % 5, value = reader.u16()
                parsed(target) { message in
                    switch field {
                    case 0: message.edns = nil
                    case 1: message.edns = message.edns ?? EDNS(); message.edns?.version = UInt8(value & 0xFF)
                    case 2: message.edns = message.edns ?? EDNS(); message.edns?.dnssecOK.toggle()
                    case 3: message.edns = message.edns ?? EDNS(); message.edns?.udpPayloadSize = value
                    default:
                        message.edns = message.edns ?? EDNS()
                        message.edns?.options.append(EDNSOption(code: EDNS.optionEDE,
                                                                data: [UInt8(value >> 8), UInt8(value & 0xFF)] + Array("fuzz".utf8)))
                    }
                }
            case 14:  // the reference time, ±32767 days (kept after 1970, as the CLI keeps it)
                let days = Int64(Int16(bitPattern: UInt16(target & 0xFFFF)))
                settings.referenceTime = max(0, settings.referenceTime + days * 86400 + Int64(reader.u8()) * 3600)
                settings.isDefault = false
            default:  // policy and trust anchor, within what the CLI accepts
                let bits = reader.u8(), value = reader.u16()
                settings.policy.strict = bits & 1 != 0
                settings.policy.ignoreRFC9276 = bits & 2 != 0
                settings.policy.ignoreRFC8624 = bits & 4 != 0
                settings.breakAnchor = bits & 8 != 0
                if bits & 16 != 0 { settings.policy.nsec3IterationLimit = value }
                if bits & 32 != 0 {
                    settings.policy.warnSeconds = Int64(value % 36501) * 86400
                    settings.policy.critSeconds = Int64(value % 37) * 86400
                }
                if bits & 64 != 0, let code = DiagnosticCode.allCases.randomElementStable(Int(value)) {
                    settings.policy.ignoredCodes.insert(code)
                }
                if bits & 128 != 0 { exchanges[target].truncatedOverUDP.toggle(); changed.insert(target) }
                settings.isDefault = false
            }
        }
    }

    mutating func setResponse(_ index: Int, _ bytes: [UInt8]) {
        exchanges[index].response = bytes
        exchanges[index].failure = nil
        exchanges[index].failureDetail = nil
        changed.insert(index)
    }

    /// Changes the raw bytes (an exchange without a response starts from none).
    mutating func raw(_ index: Int, _ change: (inout [UInt8]) -> Void) {
        var bytes = exchanges[index].response ?? []
        change(&bytes)
        setResponse(index, bytes)
    }

    /// Changes the parsed message and encodes it again; an answer that does
    /// not parse (or a change ldns cannot encode) is left as it is.
    mutating func parsed(_ index: Int, _ change: (inout Message) -> Void) {
        guard let bytes = exchanges[index].response, var message = try? WireFormat.parseMessage(bytes) else { return }
        change(&message)
        guard let encoded = try? WireFormat.encode(message) else { return }
        setResponse(index, encoded)
    }

    typealias Placed = (section: Int, record: Record)

    static func records(_ message: Message) -> [Placed] {
        message.answer.map { (0, $0) } + message.authority.map { (1, $0) } + message.additional.map { (2, $0) }
    }

    static func setRecords(_ message: inout Message, _ all: [Placed]) {
        message.answer = all.filter { $0.section == 0 }.map(\.record)
        message.authority = all.filter { $0.section == 1 }.map(\.record)
        message.additional = all.filter { $0.section == 2 }.map(\.record)
    }
}

extension Collection {
    /// The element at `seed` modulo the count (the same one in every process).
    func randomElementStable(_ seed: Int) -> Element? {
        isEmpty ? nil : self[index(startIndex, offsetBy: seed % count)]
    }
}

/// Runs async work to completion from libFuzzer's synchronous callback.
final class ResultBox<T>: @unchecked Sendable { var value: T? }

func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// Keeps results alive so the optimizer cannot drop the work that made them.
@inline(never)
func sink<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
