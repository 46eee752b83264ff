import DNSModel
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What one attempt (one query sent over one socket) came to.
enum AttemptOutcome: Sendable {
    case accepted(bytes: [UInt8], parsed: ParsedResponse)
    case malformed(String)
    /// Nothing acceptable before the attempt's timeout; `mismatched` packets were ignored.
    case timedOut(mismatched: Int, lastMismatch: String?)
    case unreachable(String)
    case reset(String)
    case failed(String)

    /// Maps a NIO / socket error to an outcome.
    /// A socket error in words, for a report a person reads (not NIO's
    /// "(error set): Connection refused) (errno: 111)").
    static func words(_ code: Int32) -> String {
        switch code {
        case ECONNREFUSED: return "connection refused: nothing listens on the DNS port there"
        case EHOSTUNREACH, EHOSTDOWN: return "no route to the server (host unreachable)"
        case ENETUNREACH: return "no route to the server's network"
        case EADDRNOTAVAIL: return "the address cannot be used from this machine"
        case ECONNRESET: return "connection reset by the server"
        case EPIPE, ECONNABORTED: return "connection closed by the server"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    static func classify(_ error: any Error) -> AttemptOutcome {
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EHOSTDOWN, EADDRNOTAVAIL:
                return .unreachable(words(io.errnoCode))
            case ECONNRESET, EPIPE, ECONNABORTED:
                return .reset(words(io.errnoCode))
            case ETIMEDOUT:
                return .timedOut(mismatched: 0, lastMismatch: nil)
            default:
                return .failed(words(io.errnoCode))
            }
        }
        if let connection = error as? NIOConnectionError, let first = connection.connectionErrors.first {
            return classify(first.error)
        }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout:
                return .timedOut(mismatched: 0, lastMismatch: nil)
            case .eof, .alreadyClosed, .ioOnClosedChannel, .outputClosed, .inputClosed:
                return .reset("connection closed: \(channel)")
            default:
                return .failed("\(channel)")
            }
        }
        if error is ByteToMessageDecoderError {
            return .reset("connection closed in the middle of a message")
        }
        return .failed(String(describing: error))
    }
}

/// Sends queries over NIO channels: one TCP connection per query; for UDP
/// a connected socket per server with a random source port, fresh for each
/// query unless a `pool` lends one that answered its last query.
///
/// Every socket lives on `loop`; called on that loop (the query engine's
/// executor), an attempt arms, sends and disarms without a thread hop.
struct Attempts: Sendable {
    let loop: any EventLoop
    let pool: UDPSocketPool

    /// The largest UDP payload: receive whatever arrives, whole, and let the
    /// analysis judge its size against what the query advertised.
    static let maxDatagram = 65_536

    /// One UDP attempt, on an idle socket of the pool or a fresh one.
    nonisolated(nonsending) func udp(to address: SocketAddress, query: [UInt8], matcher: ResponseMatcher,
                                     timeout: TimeAmount) async -> AttemptOutcome {
        let lease: UDPSocketPool.Lease
        if let idle = pool.take(address) {
            lease = idle
        } else {
            let handler = PooledUDPHandler(server: address)
            do {
                let channel = try await DatagramBootstrap(group: loop)
                    .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: Self.maxDatagram))
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(handler) }
                    }
                    // Connected: the kernel reports ICMP port unreachable as ECONNREFUSED.
                    .connect(to: address).get()
                lease = UDPSocketPool.Lease(channel: channel, handler: handler)
                pool.noteOpened()
            } catch {
                return AttemptOutcome.classify(error)
            }
        }
        let loop = lease.channel.eventLoop
        let promise = loop.makePromise(of: AttemptOutcome.self)
        // The attempt's own timer (armed with the state) bounds the wait.
        let sent: @Sendable () -> Void = {
            lease.handler.arm(AttemptState(matcher: matcher, timeout: timeout, promise: promise), on: loop)
            lease.channel.writeAndFlush(ByteBuffer(bytes: query)).whenFailure { error in
                promise.succeed(AttemptOutcome.classify(error))
            }
        }
        if loop.inEventLoop { sent() } else { loop.execute(sent) }
        let outcome: AttemptOutcome
        do { outcome = try await promise.futureResult.get() } catch { outcome = .failed(String(describing: error)) }
        let answered: Bool
        switch outcome {
        case .accepted, .malformed: answered = true
        default: answered = false
        }
        let reusable: Bool?
        if loop.inEventLoop {
            lease.handler.disarm()
            reusable = answered && !lease.handler.broken
        } else {
            reusable = try? await loop.submit { () -> Bool in
                lease.handler.disarm()
                return answered && !lease.handler.broken
            }.get()
        }
        if reusable == true {
            pool.give(back: lease, to: address)
        } else {
            lease.channel.close(promise: nil)
        }
        return outcome
    }

    nonisolated(nonsending) func tcp(to address: SocketAddress, query: [UInt8], matcher: ResponseMatcher,
                                     timeout: TimeAmount) async -> AttemptOutcome {
        await attempt(timeout: timeout) { loop, promise in
            let channelFuture = ClientBootstrap(group: loop)
                .connectTimeout(timeout)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LengthPrefixedFrameDecoder()))
                        try channel.pipeline.syncOperations.addHandler(
                            TCPResponseHandler(query: query, matcher: matcher, timeout: timeout, promise: promise))
                    }
                }
                .connect(to: address)
            channelFuture.whenFailure { error in
                promise.succeed(AttemptOutcome.classify(error))
            }
            return channelFuture
        }
    }

    /// What UDP and TCP attempts share: one event loop and promise, a safety
    /// net in case the channel never gets going (every wait is bounded), and
    /// the channel closed once the outcome is known.
    nonisolated(nonsending) private func attempt(
        timeout: TimeAmount,
        _ open: (any EventLoop, EventLoopPromise<AttemptOutcome>) -> EventLoopFuture<any Channel>
    ) async -> AttemptOutcome {
        let promise = loop.makePromise(of: AttemptOutcome.self)
        let safety = loop.scheduleTask(in: timeout + .milliseconds(500)) {
            promise.succeed(.timedOut(mismatched: 0, lastMismatch: nil))
        }
        let channelFuture = open(loop, promise)
        let outcome = await Self.wait(promise)
        safety.cancel()
        channelFuture.whenSuccess { $0.close(promise: nil) }
        return outcome
    }

    nonisolated(nonsending) private static func wait(_ promise: EventLoopPromise<AttemptOutcome>) async -> AttemptOutcome {
        do {
            return try await promise.futureResult.get()
        } catch {
            return .failed(String(describing: error))
        }
    }
}

/// What the UDP and TCP handlers share: the attempt's timer, the count of
/// unacceptable messages, and completing the promise once.
final class AttemptState {
    private let matcher: ResponseMatcher
    private let timeout: TimeAmount
    private let promise: EventLoopPromise<AttemptOutcome>
    private(set) var mismatched = 0
    private(set) var lastMismatch: String?
    private var timer: Scheduled<Void>?

    init(matcher: ResponseMatcher, timeout: TimeAmount, promise: EventLoopPromise<AttemptOutcome>) {
        self.matcher = matcher
        self.timeout = timeout
        self.promise = promise
    }

    /// Starts the timer: without an acceptable answer in time, the attempt times out.
    func start(on loop: any EventLoop) {
        timer = loop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            finish(.timedOut(mismatched: mismatched, lastMismatch: lastMismatch))
        }
    }

    func stop() {
        timer?.cancel()
        timer = nil
    }

    /// Judges one received message: accepted and malformed ones end the attempt.
    func received(_ bytes: [UInt8]) {
        switch matcher.check(bytes) {
        case .accept(let parsed): finish(.accepted(bytes: bytes, parsed: parsed))
        case .malformed(let why): finish(.malformed(why))
        case .ignore(let why): ignored(why)
        }
    }

    func ignored(_ why: String) {
        mismatched += 1
        lastMismatch = why
    }

    func finish(_ outcome: AttemptOutcome) {
        stop()
        promise.succeed(outcome)  // later completions are ignored by NIO
    }
}

/// Same IP address (textual form normalised by the system) and port.
func sameEndpoint(_ a: SocketAddress, _ b: SocketAddress) -> Bool {
    guard let pa = a.port, let pb = b.port, pa == pb else { return false }
    guard let ia = a.ipAddress, let ib = b.ipAddress else { return false }
    return ia == ib
}

/// Sends one length-prefixed query when the connection opens and waits for
/// an acceptable length-prefixed answer (RFC 1035 §4.2.2, RFC 7766).
final class TCPResponseHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let query: [UInt8]
    private let state: AttemptState
    private var wasActive = false

    init(query: [UInt8], matcher: ResponseMatcher, timeout: TimeAmount, promise: EventLoopPromise<AttemptOutcome>) {
        self.query = query
        self.state = AttemptState(matcher: matcher, timeout: timeout, promise: promise)
    }

    func handlerAdded(context: ChannelHandlerContext) { state.start(on: context.eventLoop) }

    func handlerRemoved(context: ChannelHandlerContext) { state.stop() }

    func channelActive(context: ChannelHandlerContext) {
        wasActive = true
        var buffer = context.channel.allocator.buffer(capacity: query.count + 2)
        buffer.writeInteger(UInt16(truncatingIfNeeded: query.count))
        buffer.writeBytes(query)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var frame = unwrapInboundIn(data)
        state.received(frame.readBytes(length: frame.readableBytes) ?? [])
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        state.finish(AttemptOutcome.classify(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if wasActive {
            // Something came, but nothing that answers us: a broken server, not a silent one.
            state.finish(state.mismatched > 0
                ? .timedOut(mismatched: state.mismatched, lastMismatch: state.lastMismatch)
                : .reset("connection closed by the server before an acceptable answer"))
        }
        context.fireChannelInactive()
    }
}

/// Splits a TCP byte stream into DNS messages by their 2-byte length prefix.
struct LengthPrefixedFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self),
              buffer.readableBytes >= 2 + Int(length) else {
            return .needMoreData
        }
        buffer.moveReaderIndex(forwardBy: 2)
        guard let frame = buffer.readSlice(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(frame))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer,
                             seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        // A partial message at EOF is dropped; the connection handler reports
        // the close as a reset.
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}
