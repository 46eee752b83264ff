import DNSModel
import Foundation
import LDNSBridge
import NIOCore
import NIOPosix

/// The network side of dnssec-check: asks DNS questions over UDP (EDNS0,
/// DO) with TCP fallback on TC, accepts only answers that match per RFC 5452,
/// and records every exchange. See docs/transport.md.
///
/// Never throws and never hangs: each attempt has a timeout, the whole run
/// may have a deadline, and failures are recorded outcomes.
public actor QueryEngine: DNSExchanging {
    public struct Configuration: Sendable {
        /// The whole time one exchange may take: every UDP retransmission and
        /// a TCP fallback happen inside it, never after it.
        public var timeout: Duration
        /// Extra UDP attempts after a timeout (TCP is not retried). The
        /// attempts share `timeout`: each waits for an equal part of what is left.
        public var udpRetries: Int
        /// Exchanges on the wire at once.
        public var maxInFlight: Int
        /// Budget for the engine's whole life, from its creation: after it,
        /// exchanges fail with `deadlineExceeded` at once, and ones in flight
        /// are cut short with the same outcome.
        public var deadline: Duration?
        /// Event loop threads when the engine makes its own group (1 or 2 suffice).
        public var threads: Int
        /// Whether `recordedExchanges()` keeps every exchange of the run (for
        /// a capture or `-vv`). Off, the engine's memory stays flat: it keeps
        /// only the answer cache.
        public var recordsExchanges: Bool
        /// Completed exchanges kept to answer identical questions, at most
        /// this many (the oldest go first), each for at most the smallest TTL
        /// in its answer (a failure for `failureCacheTime`).
        public var cacheEntries: Int
        public var failureCacheTime: Duration
        /// Whether UDP sockets that got an answer are reused for the next
        /// queries to the same server (see `UDPSocketPool`).
        public var reusesUDPSockets: Bool

        public init(timeout: Duration = .seconds(2), udpRetries: Int = 1, maxInFlight: Int = 128,
                    deadline: Duration? = nil, threads: Int = 1, recordsExchanges: Bool = true,
                    cacheEntries: Int = 4096, failureCacheTime: Duration = .seconds(30),
                    reusesUDPSockets: Bool = true) {
            self.timeout = timeout
            self.udpRetries = udpRetries
            self.maxInFlight = maxInFlight
            self.deadline = deadline
            self.threads = threads
            self.recordsExchanges = recordsExchanges
            self.cacheEntries = cacheEntries
            self.failureCacheTime = failureCacheTime
            self.reusesUDPSockets = reusesUDPSockets
        }
    }

    /// Counters for tests, benchmarks and the trace summary.
    public struct Statistics: Sendable, Hashable {
        /// Distinct exchanges run (each de-duplicated key once).
        public var exchanges = 0
        /// Calls answered from an earlier or in-flight identical exchange.
        public var deduplicated = 0
        /// Calls refused at once because their walk's deadline had passed.
        public var pastDeadline = 0
        /// UDP sockets opened (fewer than UDP queries when sockets are reused).
        public var udpSocketsOpened = 0
        public var udpQueriesSent = 0
        public var tcpQueriesSent = 0
        /// Most exchanges on the wire at the same time.
        public var peakInFlight = 0
    }

    public let configuration: Configuration
    private let group: any EventLoopGroup
    /// The engine's own event loop: the actor runs on it, and its sockets
    /// live on it, so an exchange (the permit, the send, the wait, the
    /// answer) never crosses a thread; only the caller's hop in and out does.
    private let loop: any EventLoop
    public nonisolated var unownedExecutor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }
    private let ownsGroup: Bool
    private let deadlineInstant: ContinuousClock.Instant?
    /// `maxInFlight` permits, kept by the actor itself: FIFO waiters, and no
    /// hop to another actor per exchange.
    private var permits: Int
    private var permitWaiters: [CheckedContinuation<Void, Never>] = []
    private var permitWaitersHead = 0
    private let udpPool: UDPSocketPool
    private let trace: (@Sendable (Exchange) -> Void)?
    /// Exchanges in flight, joined by identical calls.
    private var tasks: [ExchangeKey: Task<Exchange, Never>] = [:]
    /// Completed exchanges, until they expire or are evicted (oldest first).
    private var cache: [ExchangeKey: (exchange: Exchange, expires: ContinuousClock.Instant)] = [:]
    private var cacheOrder: [ExchangeKey] = []
    private var cacheOrderStart = 0
    private var recorded: [Exchange] = []
    private var stats = Statistics()
    private var inFlight = 0
    private var isShutDown = false

    /// - Parameters:
    ///   - eventLoopGroup: a group to share; by default the engine makes one
    ///     of `configuration.threads` threads, closed when the engine is released.
    ///   - trace: called once as each exchange completes (not for de-duplicated calls).
    public init(configuration: Configuration = Configuration(), eventLoopGroup: (any EventLoopGroup)? = nil,
                trace: (@Sendable (Exchange) -> Void)? = nil) {
        self.configuration = configuration
        if let eventLoopGroup {
            group = eventLoopGroup
            ownsGroup = false
        } else {
            group = MultiThreadedEventLoopGroup(numberOfThreads: min(max(1, configuration.threads), 4))
            ownsGroup = true
        }
        loop = group.next()
        deadlineInstant = configuration.deadline.map { ContinuousClock.now + $0 }
        permits = max(1, configuration.maxInFlight)
        // Without reuse every socket serves one query.
        udpPool = UDPSocketPool(maxUses: configuration.reusesUDPSockets ? 64 : 1)
        self.trace = trace
    }

    // A plain deinit, not `isolated deinit`: the latter makes Swift 6.3 fail
    // with "circular reference" in optimised builds (-c release).
    deinit {
        // The group the engine made closes with it (this does not block).
        // Not in shutdown(): the actor runs on that group's loop, and its
        // own loop cannot await its own end; after shutdown() the actor
        // still answers (later exchanges fail at once, the record stays).
        if ownsGroup {
            group.shutdownGracefully { _ in }
        }
    }

    public func exchange(_ question: Question, with server: ServerAddress, options: QueryOptions) async -> Exchange {
        let key = ExchangeKey(server: server, question: question, options: options)
        if let existing = tasks[key] {
            stats.deduplicated += 1
            return await existing.value
        }
        if let cached = cache[key] {
            if ContinuousClock.now < cached.expires {
                stats.deduplicated += 1
                return cached.exchange
            }
            cache[key] = nil
        }
        guard !isShutDown else {
            return Exchange(server: server, question: question, options: options,
                            startTime: Date().timeIntervalSince1970, duration: 0, transport: options.transport,
                            response: nil, failure: .networkError, failureDetail: "the query engine is shut down")
        }
        // A walk past its own deadline asks nothing more; other walks may.
        if let walkDeadline = WalkDeadline.current, ContinuousClock.now >= walkDeadline {
            stats.pastDeadline += 1
            let refused = Self.deadlineExceeded(key, "the name's deadline passed before this query was sent")
            finish(key, refused, cacheable: false)
            return refused
        }
        stats.exchanges += 1
        let task = Task { await self.run(key) }
        tasks[key] = task
        return await task.value
    }

    /// Every exchange so far, failures included, in completion order.
    public func recordedExchanges() -> [Exchange] { recorded }

    public func statistics() -> Statistics {
        var current = stats
        current.udpSocketsOpened = udpPool.opened
        return current
    }

    /// Waits for exchanges in flight (each bounded by its timeout), then closes
    /// the event loop group if the engine made it. Later exchanges fail with
    /// `networkError`; recorded exchanges stay available.
    public func shutdown() async {
        guard !isShutDown else { return }
        isShutDown = true
        for task in Array(tasks.values) { _ = await task.value }
        udpPool.close()
    }

    // MARK: - Running one exchange

    private func run(_ key: ExchangeKey) async -> Exchange {
        // The earlier of the run's deadline and that of the walk that asked.
        let deadline = [deadlineInstant, WalkDeadline.current].compactMap { $0 }.min()
        var result = PerformResult(exchange: Self.deadlineExceeded(key, "the deadline passed before this query was sent"))
        if deadline.map({ ContinuousClock.now < $0 }) ?? true {
            await acquirePermit()
            if deadline.map({ ContinuousClock.now < $0 }) ?? true {
                inFlight += 1
                stats.peakInFlight = max(stats.peakInFlight, inFlight)
                result = await Self.perform(key, attempts: Attempts(loop: loop, pool: udpPool), configuration: configuration,
                                            deadline: deadline)
                inFlight -= 1
                stats.udpQueriesSent += result.udpSent
                stats.tcpQueriesSent += result.tcpSent
            }
            releasePermit()
        }
        tasks[key] = nil
        finish(key, result.exchange, cacheable: result.exchange.failure != .deadlineExceeded, ttl: result.ttl)
        return result.exchange
    }

    private func acquirePermit() async {
        if permits > 0 {
            permits -= 1
            return
        }
        await withCheckedContinuation { permitWaiters.append($0) }
    }

    private func releasePermit() {
        guard permitWaitersHead < permitWaiters.count else {
            permits += 1
            return
        }
        let next = permitWaiters[permitWaitersHead]
        permitWaitersHead += 1
        if permitWaitersHead > 64 && permitWaitersHead * 2 > permitWaiters.count {
            permitWaiters.removeFirst(permitWaitersHead)
            permitWaitersHead = 0
        }
        next.resume()   // the permit passes straight to the next waiter
    }

    /// Records a completed exchange, traces it, and keeps it to answer
    /// identical calls (one cut by a deadline is not: another walk may ask).
    private func finish(_ key: ExchangeKey, _ exchange: Exchange, cacheable: Bool, ttl: UInt32? = nil) {
        if configuration.recordsExchanges { recorded.append(exchange) }
        trace?(exchange)
        guard cacheable, configuration.cacheEntries > 0 else { return }
        let lifetime = exchange.response == nil ? configuration.failureCacheTime : .seconds(Int64(ttl ?? 0))
        guard lifetime > .zero else { return }
        if cache[key] == nil { cacheOrder.append(key) }
        cache[key] = (exchange, ContinuousClock.now + lifetime)
        while cache.count > configuration.cacheEntries, cacheOrderStart < cacheOrder.count {
            cache[cacheOrder[cacheOrderStart]] = nil
            cacheOrderStart += 1
        }
        // Compact the eviction queue once its consumed head dominates it.
        if cacheOrderStart > configuration.cacheEntries {
            cacheOrder = cacheOrder[cacheOrderStart...].filter { cache[$0] != nil }
            cacheOrderStart = 0
        }
    }

    static func deadlineExceeded(_ key: ExchangeKey, _ why: String) -> Exchange {
        Exchange(server: key.server, question: key.question, options: key.options,
                 startTime: Date().timeIntervalSince1970, duration: 0, transport: key.options.transport,
                 response: nil, failure: .deadlineExceeded, failureDetail: why)
    }

    struct PerformResult: Sendable {
        var exchange: Exchange
        /// The smallest TTL in an accepted answer: how long it may be reused.
        var ttl: UInt32?
        var udpSent = 0
        var tcpSent = 0
    }

    /// The whole exchange: UDP attempts with retries, TCP on TC; or TCP alone.
    /// Runs on the caller's executor (the engine's event loop), not the global pool.
    nonisolated(nonsending) static func perform(_ key: ExchangeKey, attempts: Attempts, configuration: Configuration,
                                                deadline: ContinuousClock.Instant?) async -> PerformResult {
        let clock = ContinuousClock()
        let started = clock.now
        let startTime = Date().timeIntervalSince1970
        var result = PerformResult(exchange: Exchange(
            server: key.server, question: key.question, options: key.options, startTime: startTime,
            duration: 0, transport: key.options.transport, response: nil, failure: nil))

        func finish(_ transport: Transport, _ response: [UInt8]?, _ failure: ExchangeFailure?,
                    _ detail: String?, truncated: Bool = false, parsed: ParsedResponse? = nil) -> PerformResult {
            result.exchange.transport = transport
            result.exchange.response = response
            result.exchange.parsed = parsed
            result.exchange.failure = failure
            result.exchange.failureDetail = detail
            result.exchange.truncatedOverUDP = truncated
            result.exchange.duration = Self.seconds(clock.now - started)
            return result
        }

        guard let address = try? SocketAddress(ipAddress: key.server.ip, port: Int(key.server.port)) else {
            return finish(key.options.transport, nil, .networkError, "'\(key.server.ip)' is not an IP address")
        }

        // One budget for the whole exchange, cut short by the deadline.
        let exchangeEnd = started + configuration.timeout
        let end = deadline.map { min($0, exchangeEnd) } ?? exchangeEnd
        let cutByDeadline = deadline.map { $0 < exchangeEnd } ?? false

        /// The next attempt's timeout: an equal part of what is left for the
        /// `attemptsLeft` attempts still to come; nil when nothing is left.
        func budget(attemptsLeft: Int = 1) -> TimeAmount? {
            let left = end - clock.now
            if left <= .zero { return nil }
            return Self.timeAmount(left / max(1, attemptsLeft))
        }

        func outOfTime(_ transport: Transport, _ what: String, truncated: Bool = false) -> PerformResult {
            cutByDeadline
                ? finish(transport, nil, .deadlineExceeded, "the deadline passed \(what)", truncated: truncated)
                : finish(transport, nil, .timeout,
                         "no answer within the exchange's \(Self.millis(Self.timeAmount(configuration.timeout))) \(what)",
                         truncated: truncated)
        }

        // Encoded once; each attempt (a retry, TCP after TC) gets a fresh ID in the first two bytes.
        var encoded: [UInt8]?
        func query() -> (id: UInt16, bytes: [UInt8])? {
            var rng = SystemRandomNumberGenerator()
            let id = UInt16.random(in: .min ... .max, using: &rng)
            if encoded == nil {
                let edns = key.options.edns
                    ? EDNS(udpPayloadSize: key.options.udpPayloadSize, version: key.options.ednsVersion,
                           dnssecOK: key.options.dnssecOK) : nil
                encoded = try? WireFormat.query(id: id, question: key.question,
                                                recursionDesired: key.options.recursionDesired,
                                                checkingDisabled: key.options.checkingDisabled, edns: edns)
            }
            guard var bytes = encoded, bytes.count >= 2 else { return nil }
            bytes[0] = UInt8(id >> 8)
            bytes[1] = UInt8(id & 0xFF)
            return (id, bytes)
        }

        nonisolated(nonsending) func overTCP(truncated: Bool) async -> PerformResult {
            guard let timeout = budget() else {
                return outOfTime(.tcp, "before the TCP query", truncated: truncated)
            }
            guard let (id, bytes) = query() else {
                return finish(.tcp, nil, .networkError, "the query could not be encoded", truncated: truncated)
            }
            result.tcpSent += 1
            let outcome = await attempts.tcp(to: address, query: bytes,
                                             matcher: ResponseMatcher(id: id, question: key.question),
                                             timeout: timeout)
            switch outcome {
            case .accepted(let response, let parsed):
                result.ttl = Self.smallestTTL(parsed.message)
                return finish(.tcp, response, nil, nil, truncated: truncated, parsed: parsed)
            case .malformed(let why):
                return finish(.tcp, nil, .malformedResponse, why, truncated: truncated)
            case .timedOut(let mismatched, let last):
                if cutByDeadline {
                    return outOfTime(.tcp, "while waiting over TCP", truncated: truncated)
                }
                if mismatched > 0 {
                    return finish(.tcp, nil, .mismatchedResponse,
                                  "\(mismatched) unacceptable message(s) over TCP, last: \(last ?? "?")",
                                  truncated: truncated)
                }
                return finish(.tcp, nil, .timeout, "no answer over TCP within \(Self.millis(timeout))",
                              truncated: truncated)
            case .unreachable(let why):
                return finish(.tcp, nil, .unreachable, why, truncated: truncated)
            case .reset(let why):
                return finish(.tcp, nil, .connectionReset, why, truncated: truncated)
            case .failed(let why):
                return finish(.tcp, nil, .networkError, why, truncated: truncated)
            }
        }

        if key.options.transport == .tcp {
            return await overTCP(truncated: false)
        }

        var mismatchedTotal = 0
        var lastMismatch: String?
        let attemptCount = max(0, configuration.udpRetries) + 1
        for attempt in 0..<attemptCount {
            guard let timeout = budget(attemptsLeft: attemptCount - attempt) else {
                return outOfTime(.udp, "after \(attempt) UDP attempt(s)")
            }
            guard let (id, bytes) = query() else {
                return finish(.udp, nil, .networkError, "the query could not be encoded")
            }
            result.udpSent += 1
            let outcome = await attempts.udp(to: address, query: bytes,
                                             matcher: ResponseMatcher(id: id, question: key.question),
                                             timeout: timeout)
            switch outcome {
            case .accepted(let response, let parsed):
                if parsed.message.isTruncated {
                    return await overTCP(truncated: true)
                }
                result.ttl = Self.smallestTTL(parsed.message)
                return finish(.udp, response, nil, nil, parsed: parsed)
            case .malformed(let why):
                return finish(.udp, nil, .malformedResponse, why)
            case .timedOut(let mismatched, let last):
                mismatchedTotal += mismatched
                if let last { lastMismatch = last }
            case .unreachable(let why):
                return finish(.udp, nil, .unreachable, why)
            case .reset(let why):
                return finish(.udp, nil, .connectionReset, why)
            case .failed(let why):
                return finish(.udp, nil, .networkError, why)
            }
        }
        if cutByDeadline && mismatchedTotal == 0 {
            return outOfTime(.udp, "while waiting (\(attemptCount) UDP attempt(s))")
        }
        if mismatchedTotal > 0 {
            return finish(.udp, nil, .mismatchedResponse,
                          "\(mismatchedTotal) unacceptable response(s) in \(attemptCount) attempt(s), last: \(lastMismatch ?? "?")")
        }
        return finish(.udp, nil, .timeout,
                      "no response to \(attemptCount) UDP attempt(s) within \(Self.millis(Self.timeAmount(configuration.timeout)))")
    }

    /// The TTL an answer may be cached for: its smallest record TTL (a
    /// negative answer's SOA included), at most an hour.
    static func smallestTTL(_ message: Message) -> UInt32 {
        let ttls = (message.answer + message.authority).map(\.ttl)
        return min(ttls.min() ?? 0, 3600)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    static func millis(_ amount: TimeAmount) -> String {
        "\(amount.nanoseconds / 1_000_000) ms"
    }
}

extension DNSExchanging {
    /// Asks with the default authoritative-server options.
    public func exchange(_ question: Question, with server: ServerAddress) async -> Exchange {
        await exchange(question, with: server, options: .authoritative)
    }
}
