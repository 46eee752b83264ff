import DNSModel
import NIOCore
import NIOPosix

/// Several query engines, one per event loop thread, each owning the
/// servers whose address hashes to it. A server's questions always go to
/// the same engine, so its answer cache, its in-flight de-duplication and
/// its sockets stay whole ("nothing asked twice" holds across the run),
/// while a batch's exchanges spread over the threads instead of queueing
/// on one loop.
public final class EngineShards: DNSExchanging {
    private let group: MultiThreadedEventLoopGroup
    private let engines: [QueryEngine]

    /// - Parameter shards: engines (and event loop threads), at least 1.
    public init(shards: Int, configuration: QueryEngine.Configuration,
                trace: (@Sendable (Exchange) -> Void)? = nil) {
        let count = max(1, shards)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: count)
        self.group = group
        // The run's limit on exchanges in flight is shared out among them.
        var each = configuration
        each.maxInFlight = max(1, configuration.maxInFlight / count)
        // group.next() hands out the loops in turn: one engine per loop.
        engines = (0..<count).map { _ in
            QueryEngine(configuration: each, eventLoopGroup: group, trace: trace)
        }
    }

    public func exchange(_ question: Question, with server: ServerAddress, options: QueryOptions) async -> Exchange {
        await engines[Self.shard(of: server, among: engines.count)].exchange(question, with: server, options: options)
    }

    /// A stable shard for an address (not Swift's seeded hash: the same
    /// address lands on the same engine in every run, which keeps traces alike).
    static func shard(of server: ServerAddress, among count: Int) -> Int {
        var hash: UInt32 = 2_166_136_261   // FNV-1a
        for byte in server.ip.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        hash = (hash ^ UInt32(server.port & 0xFF)) &* 16_777_619
        return Int(hash % UInt32(count))
    }

    public func statistics() async -> QueryEngine.Statistics {
        var total = QueryEngine.Statistics()
        for engine in engines {
            let s = await engine.statistics()
            total.exchanges += s.exchanges
            total.deduplicated += s.deduplicated
            total.pastDeadline += s.pastDeadline
            total.udpSocketsOpened += s.udpSocketsOpened
            total.udpQueriesSent += s.udpQueriesSent
            total.tcpQueriesSent += s.tcpQueriesSent
            total.peakInFlight += s.peakInFlight
        }
        return total
    }

    /// Shuts every engine down, then the threads.
    public func shutdown() async {
        for engine in engines { await engine.shutdown() }
        try? await group.shutdownGracefully()
    }
}
