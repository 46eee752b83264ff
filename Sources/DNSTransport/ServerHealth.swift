import DNSModel
import Foundation

/// What the run has learnt of each server address, per transport, like
/// unbound's infrastructure cache: whether it answers, how fast, and since
/// when it has been silent. A server whose exchange over a transport failed
/// (timeout, unreachable) without it having answered anything over that
/// transport within `backoff` is *unresponsive*: it is not asked again
/// until `backoff` has passed, then one probe is let through.
///
/// A server that answers some questions and drops others stays responsive:
/// each of its questions is asked, so its report shows which it drops.
///
/// A lock, not an actor: it is consulted twice per exchange, and a short
/// critical section is cheaper than two hops.
public final class ServerHealth: @unchecked Sendable {
    public struct Record: Sendable, Hashable {
        /// Answers (any bytes) and failures seen over this transport.
        public var answers = 0
        public var failures = 0
        /// Smoothed round-trip time of the answers, in seconds.
        public var smoothedRTT: Double?
        /// Exchanges not sent because the server was unresponsive.
        public var notAsked = 0
        var lastAnswer: ContinuousClock.Instant?
        /// When it was found unresponsive (monotonic, and wall clock for reports),
        /// and what the failure cost.
        var silentSince: ContinuousClock.Instant?
        /// "2026-12-01T21:30:05Z (timeout, 2.0 s)": since when, why, and what it cost.
        var silence = ""
        var probing = false
        public var isUnresponsive: Bool { silentSince != nil }
    }

    struct Key: Hashable {
        var server: ServerAddress
        var transport: Transport
    }

    public let backoff: Duration
    private let clock = ContinuousClock()
    private var records: [Key: Record] = [:]
    private let lock = NSLock()

    public init(backoff: Duration = .seconds(60)) {
        self.backoff = backoff
    }

    public func record(of server: ServerAddress, over transport: Transport) -> Record? {
        lock.withLock { records[Key(server: server, transport: transport)] }
    }

    /// Nil when the exchange may be sent; otherwise the exchange to record
    /// instead, with a failure of `.notAsked`.
    func admit(_ question: Question, to server: ServerAddress, options: QueryOptions) -> Exchange? {
        lock.withLock { admitLocked(question, to: server, options: options) }
    }

    private func admitLocked(_ question: Question, to server: ServerAddress, options: QueryOptions) -> Exchange? {
        let key = Key(server: server, transport: options.transport)
        guard var record = records[key], let since = record.silentSince else { return nil }
        if clock.now - since >= backoff && !record.probing {
            record.probing = true   // one exchange finds out whether it is back
            records[key] = record
            return nil
        }
        record.notAsked += 1
        records[key] = record
        let detail = "not asked: no answer over \(options.transport.rawValue.uppercased()) since \(record.silence)"
        return Exchange(server: server, question: question, options: options,
                        startTime: Date().timeIntervalSince1970, duration: 0, transport: options.transport,
                        response: nil, failure: .notAsked, failureDetail: detail)
    }

    /// Learns from a completed exchange.
    func learn(from exchange: Exchange) {
        lock.withLock { learnLocked(from: exchange) }
    }

    private func learnLocked(from exchange: Exchange) {
        if exchange.truncatedOverUDP {
            answered(Key(server: exchange.server, transport: .udp), rtt: nil)
        }
        let key = Key(server: exchange.server, transport: exchange.transport)
        if exchange.response != nil || exchange.failure == .malformedResponse || exchange.failure == .mismatchedResponse {
            // Bytes came back: broken perhaps, but not silent.
            answered(key, rtt: exchange.failure == nil && !exchange.truncatedOverUDP ? exchange.duration : nil)
            return
        }
        guard let failure = exchange.failure, [.timeout, .unreachable, .connectionReset].contains(failure) else {
            return   // not the server's doing (deadline, local error, a replay's gap)
        }
        var record = records[key] ?? Record()
        record.failures += 1
        let probeFailed = record.probing
        record.probing = false
        let answeredRecently = record.lastAnswer.map { clock.now - $0 < backoff } ?? false
        if !answeredRecently && (record.silentSince == nil || probeFailed) {
            record.silentSince = clock.now
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            record.silence = formatter.string(from: Date(timeIntervalSince1970: exchange.startTime))
                + " (\(failure.rawValue) after \(String(format: "%.1f s", exchange.duration)))"
        }
        records[key] = record
    }

    private func answered(_ key: Key, rtt: Double?) {
        var record = records[key] ?? Record()
        record.answers += 1
        record.lastAnswer = clock.now
        record.silentSince = nil
        record.probing = false
        if let rtt { record.smoothedRTT = record.smoothedRTT.map { 0.875 * $0 + 0.125 * rtt } ?? rtt }
        records[key] = record
    }
}

/// Asks through `inner` unless `health` knows the server is unresponsive
/// over that transport: then the question is answered at once with a
/// `.notAsked` exchange, handed to `recordSkipped` so a capture holds it too
/// (and `analyze` reports the same).
public struct HealthAwareTransport: DNSExchanging {
    let inner: any DNSExchanging
    public let health: ServerHealth
    let recordSkipped: (@Sendable (Exchange) -> Void)?

    public init(inner: any DNSExchanging, health: ServerHealth = ServerHealth(),
                recordSkipped: (@Sendable (Exchange) -> Void)? = nil) {
        self.inner = inner
        self.health = health
        self.recordSkipped = recordSkipped
    }

    public func exchange(_ question: Question, with server: ServerAddress, options: QueryOptions) async -> Exchange {
        if let skipped = health.admit(question, to: server, options: options) {
            recordSkipped?(skipped)
            return skipped
        }
        let exchange = await inner.exchange(question, with: server, options: options)
        health.learn(from: exchange)
        return exchange
    }
}
