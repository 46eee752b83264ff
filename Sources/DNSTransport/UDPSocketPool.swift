import Foundation
import NIOCore
import NIOPosix

/// Connected UDP sockets kept open between queries to the same server, so
/// a batch does not pay for a socket, a bind, a connect and a close on
/// every query. Each socket still has its own random source port, every
/// query a fresh random ID (RFC 5452 §9.2 and §10); a socket is reused only
/// after its last query was answered (so no late answer to an earlier query
/// can be waiting on it), and at most `maxUses` times, then closed.
final class UDPSocketPool: @unchecked Sendable {
    struct Lease: Sendable {
        let channel: any Channel
        let handler: PooledUDPHandler
    }

    let maxUses: Int
    let maxIdlePerServer: Int
    private let lock = NSLock()
    private var idle: [SocketAddress: [Lease]] = [:]
    private var closed = false
    private var openedCount = 0

    /// Sockets opened so far (each query that found none idle opened one).
    var opened: Int { lock.withLock { openedCount } }

    func noteOpened() { lock.withLock { openedCount += 1 } }

    init(maxUses: Int = 64, maxIdlePerServer: Int = 64) {
        self.maxUses = maxUses
        self.maxIdlePerServer = maxIdlePerServer
    }

    /// An idle socket connected to `address`, if there is one.
    func take(_ address: SocketAddress) -> Lease? {
        lock.lock()
        defer { lock.unlock() }
        return idle[address]?.popLast()
    }

    /// Returns a socket after an answered query; closes it when it has
    /// served enough queries, or when the pool is full or closed.
    func give(back lease: Lease, to address: SocketAddress) {
        lock.lock()
        let keep = !closed && lease.handler.uses < maxUses && (idle[address]?.count ?? 0) < maxIdlePerServer
        if keep { idle[address, default: []].append(lease) }
        lock.unlock()
        if !keep { lease.channel.close(promise: nil) }
    }

    /// Closes every idle socket; later returns are closed at once.
    func close() {
        // Not awaited one by one: the event loop group's shutdown waits for them.
        for lease in drain() { lease.channel.close(promise: nil) }
    }

    private func drain() -> [Lease] {
        lock.withLock {
            closed = true
            defer { idle = [:] }
            return idle.values.flatMap { $0 }
        }
    }
}

/// The handler of a pooled socket: one attempt at a time is armed on it
/// (`arm`), and only on the channel's event loop, which is why it may be
/// handed across tasks (`@unchecked Sendable`). Datagrams that arrive with
/// no attempt armed are dropped.
final class PooledUDPHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let server: SocketAddress
    private var state: AttemptState?
    /// Queries sent on this socket, and whether it broke (an error, closed).
    private(set) var uses = 0
    private(set) var broken = false

    init(server: SocketAddress) { self.server = server }

    /// On the event loop: the next attempt's state, started now.
    func arm(_ state: AttemptState, on loop: any EventLoop) {
        uses += 1
        self.state = state
        state.start(on: loop)
    }

    /// On the event loop: the attempt is over.
    func disarm() {
        state?.stop()
        state = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let state else { return }
        let envelope = unwrapInboundIn(data)
        guard sameEndpoint(envelope.remoteAddress, server) else {
            state.ignored("response from \(envelope.remoteAddress) instead of \(server)")
            return
        }
        var buffer = envelope.data
        state.received(buffer.readBytes(length: buffer.readableBytes) ?? [])
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        broken = true
        state?.finish(AttemptOutcome.classify(error))
    }

    func channelInactive(context: ChannelHandlerContext) {
        broken = true
        state?.finish(.failed("socket closed"))
        context.fireChannelInactive()
    }
}
