import DNSModel
import DNSSECAnalysis
import DNSSECProbe
import DNSSECReport
import DNSTransport
import Foundation

/// Probe (network or replay) → observations → analysis. The CLI commands
/// share it; the analysis half never touches the network.
///
/// Names are walked concurrently (at most `jobs` at a time) over one
/// transport, so common ancestors are asked once; each name is analysed as
/// soon as its own walk ends and handed to the consumer, so output streams.
enum Pipeline {
    struct NetworkSettings {
        /// Seconds one exchange may take, retransmissions included.
        var timeout: Double
        /// Seconds each name's walk may take, and the whole run (optional).
        var deadline: Double
        var totalDeadline: Double? = nil
        var trace: Bool
        var family: AddressFamily = .any
        /// Questions each name's walk may ask (ChainWalker.Limits.maxQueriesPerName).
        var maxQueries = ChainWalker.Limits().maxQueriesPerName
        /// `--ns`: the zone under pre-delegation test and its name servers.
        var undelegated: Undelegated? = nil
    }

    /// What to do with each walked name.
    struct Work: Sendable {
        /// Turns an observation into a report (nil for `probe`, which only collects).
        var analyze: (@Sendable (NameObservation) -> NameReport)?
        /// Whether each result should carry the exchanges (for `-vv`).
        var wantExchanges = false
        var jobs = 8
    }

    /// Walks every name from the live network; `consume` gets each result
    /// (with its index in `names`) as soon as it is ready. With `captureTo`
    /// every exchange is streamed to that capture file as it completes;
    /// otherwise exchanges are dropped as they complete (kept only for
    /// `-vv`), so memory stays flat. Returns the number of exchanges captured.
    @discardableResult
    static func probe(names: [DNSName], types: [RRType], inputs: TrustInputs, settings: NetworkSettings,
                      work: Work, captureTo: String? = nil, consume: (Walked) async -> Void) async throws -> Int {
        let writer = try captureTo.map {
            try CaptureWriter(path: $0, tool: "dnssec-check \(DNSSECCheck.version)",
                              startTime: Date().timeIntervalSince1970, names: names, types: types,
                              trustAnchors: inputs.anchorText, rootHints: inputs.rootServers.map(\.ip),
                              undelegated: settings.undelegated)
        }
        let log = ExchangeLog(keeps: work.wantExchanges, writer: writer)
        let trace = settings.trace
        // Every exchange, sent or not asked, is traced and logged the same way.
        let record: @Sendable (Exchange) -> Void = { exchange in
            if trace { printError(TraceFormatter.line(for: exchange)) }
            log.append(exchange)
        }
        // One engine per core, each owning a share of the servers.
        let engine = EngineShards(
            shards: min(2, ProcessInfo.processInfo.activeProcessorCount),
            configuration: .init(timeout: .milliseconds(Int64(settings.timeout * 1000)),
                                 deadline: settings.totalDeadline.map { .milliseconds(Int64($0 * 1000)) },
                                 recordsExchanges: false),
            trace: record)
        let guarded: any DNSExchanging = LoopbackGuard.enabled ? LoopbackGuard(inner: engine) : engine
        // Servers found silent are not asked again in this run; what they
        // would have been asked is recorded as not asked.
        let transport = HealthAwareTransport(inner: guarded, recordSkipped: record)
        await run(names: names, types: types, transport: transport, roots: inputs.rootServers, work: work,
                  family: settings.family, deadline: .milliseconds(Int64(settings.deadline * 1000)),
                  maxQueries: settings.maxQueries, undelegated: settings.undelegated,
                  exchanges: { log.snapshot() }, consume: consume)
        await engine.shutdown()
        return try writer?.finish(endTime: Date().timeIntervalSince1970) ?? 0
    }

    /// Re-walks a capture offline: the walker asks the same questions and the
    /// replay answers them from the recorded exchanges.
    static func replay(_ capture: Capture, work: Work, consume: (Walked) async -> Void) async {
        let transport = ReplayTransport(capture: capture)
        let roots = capture.rootHints.map { ServerAddress(ip: $0) }
        let recorded = capture.exchanges
        await run(names: capture.names, types: capture.types, transport: transport, roots: roots, work: work,
                  undelegated: capture.undelegated, exchanges: { recorded }, consume: consume)
    }

    /// The bounded-concurrency walk: `work.jobs` names in flight, the next
    /// one started as each finishes. A name's walk never throws; whatever
    /// went wrong with it is in its observation and report.
    static func run(names: [DNSName], types: [RRType], transport: any DNSExchanging, roots: [ServerAddress],
                    work: Work, family: AddressFamily = .any, deadline: Duration? = nil,
                    maxQueries: Int = ChainWalker.Limits().maxQueriesPerName, undelegated: Undelegated? = nil,
                    exchanges: @escaping @Sendable () async -> [Exchange],
                    consume: (Walked) async -> Void) async {
        var limits = ChainWalker.Limits()
        limits.addressFamily = family
        limits.maxQueriesPerName = maxQueries
        let walker = ChainWalker(transport: transport, rootServers: roots, limits: limits, undelegated: undelegated)
        let jobs = max(1, work.jobs)
        await withTaskGroup(of: Walked.self) { group in
            var next = 0
            func job(_ index: Int) -> @Sendable () async -> Walked {
                let name = names[index]
                return {
                    let started = Date()
                    // Each name has its own deadline; names after it start afresh.
                    let walkDeadline = deadline.map { ContinuousClock.now + $0 }
                    let observation = await WalkDeadline.$current.withValue(walkDeadline) {
                        await walker.observe(name, types: types)
                    }
                    let report = work.analyze?(observation)
                    let duration = Date().timeIntervalSince(started)
                    let seen = work.wantExchanges ? await exchanges() : []
                    return Walked(index: index, observation: observation, report: report, duration: duration,
                                  exchanges: seen)
                }
            }
            while next < min(jobs, names.count) {
                group.addTask(operation: job(next))
                next += 1
            }
            for await walked in group {
                await consume(walked)
                if next < names.count {
                    group.addTask(operation: job(next))
                    next += 1
                }
            }
        }
    }

    /// One walked (and, unless probing, analysed) name.
    struct Walked: Sendable {
        var index: Int
        var observation: NameObservation
        var report: NameReport?
        var duration: Double
        var exchanges: [Exchange]

        /// What the renderers take; nil when nothing was analysed (`probe`).
        var checked: CheckedName? {
            report.map { CheckedName(report: $0, observation: observation, exchanges: exchanges, duration: duration) }
        }
    }
}

/// The exchanges of a run, in completion order: kept when something shows
/// them (`-vv`), streamed to the capture file when there is one, otherwise
/// dropped.
final class ExchangeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var exchanges: [Exchange] = []
    let keeps: Bool
    let writer: CaptureWriter?

    init(keeps: Bool, writer: CaptureWriter? = nil) {
        self.keeps = keeps
        self.writer = writer
    }

    func append(_ exchange: Exchange) {
        writer?.add(exchange)
        guard keeps else { return }
        lock.withLock { exchanges.append(exchange) }
    }

    func snapshot() -> [Exchange] {
        lock.withLock { exchanges }
    }
}
