import DNSModel
@testable import DNSTransport
import Foundation
import LDNSBridge
import NIOCore
import NIOPosix
import Synchronization

/// What the loopback responder does with each UDP query.
enum UDPFault: Sendable {
    case good
    case wrongID
    case wrongQuestion
    /// A wrong-ID answer, then the right one: the engine must keep waiting.
    case wrongIDThenGood
    /// The first 20 bytes of a good answer (ID intact).
    case truncatedPacket
    /// The query's ID followed by bytes that are no DNS message.
    case garbageWithID
    /// Random bytes with a different ID.
    case garbage
    /// A question name that is a compression pointer to itself.
    case compressionLoop
    /// A good answer, sent from another port of the same address.
    case fromOtherPort
    /// A good answer padded with TXT records to about 4000 bytes.
    case oversized
    /// An empty answer with TC=1 (the TCP side decides the rest).
    case truncatedFlag
    /// A good answer after a delay.
    case slow(Duration)
    /// Nothing, ever.
    case silent
}

/// What the responder's TCP side does.
enum TCPBehaviour: Sendable {
    case answer
    /// No TCP listener at all on the port: connections are refused.
    case noListener
    /// Accepts, then closes without answering.
    case closeOnAccept
    case silent
    /// A wrong-ID message, then the answer, written a few bytes at a time.
    case answerInPieces
    /// Half an answer, then close.
    case closeMidMessage
}

struct ResponderLog: Sendable {
    var udpQueries = 0
    var tcpQueries = 0
    var inFlight = 0
    var peakInFlight = 0
    var lastQuery: Message?
    var names: [DNSName] = []
}

/// A DNS responder on loopback (127.0.0.1 or ::1, ephemeral port, UDP and
/// TCP) that misbehaves on purpose, one scenario per instance.
final class FaultResponder: Sendable {
    let host: String
    let port: Int
    private let udp: any Channel
    private let other: any Channel
    private let tcp: (any Channel)?
    let log: Mutex<ResponderLog>
    let udpFault: UDPFault
    let tcpBehaviour: TCPBehaviour

    var server: ServerAddress { ServerAddress(ip: host, port: UInt16(port)) }
    var snapshot: ResponderLog { log.withLock { $0 } }

    private init(host: String, port: Int, udp: any Channel, other: any Channel, tcp: (any Channel)?,
                 udpFault: UDPFault, tcpBehaviour: TCPBehaviour) {
        self.host = host
        self.port = port
        self.udp = udp
        self.other = other
        self.tcp = tcp
        self.log = Mutex(ResponderLog())
        self.udpFault = udpFault
        self.tcpBehaviour = tcpBehaviour
    }

    static let group = MultiThreadedEventLoopGroup.singleton

    static func start(host: String = "127.0.0.1", udp udpFault: UDPFault = .good,
                      tcp tcpBehaviour: TCPBehaviour = .answer) async throws -> FaultResponder {
        let box = ResponderBox()
        for _ in 0..<20 {
            let other = try await DatagramBootstrap(group: group).bind(host: host, port: 0).get()
            let udp = try await DatagramBootstrap(group: group)
                .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 65_536))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            UDPFaultHandler(box: box, fault: udpFault, other: other))
                    }
                }
                .bind(host: host, port: 0).get()
            let port = udp.localAddress!.port!
            var tcp: (any Channel)?
            if case .noListener = tcpBehaviour {
                tcp = nil
            } else {
                do {
                    tcp = try await ServerBootstrap(group: group)
                        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                        .childChannelInitializer { channel in
                            channel.eventLoop.makeCompletedFuture {
                                try channel.pipeline.syncOperations.addHandler(
                                    ByteToMessageHandler(LengthPrefixedFrameDecoder()))
                                try channel.pipeline.syncOperations.addHandler(
                                    TCPFaultHandler(box: box, behaviour: tcpBehaviour))
                            }
                        }
                        .bind(host: host, port: port).get()
                } catch {
                    try? await udp.close()
                    try? await other.close()
                    continue  // the TCP port was taken: try another
                }
            }
            let responder = FaultResponder(host: host, port: port, udp: udp, other: other, tcp: tcp,
                                           udpFault: udpFault,
                                           tcpBehaviour: tcpBehaviour)
            box.responder.withLock { $0 = responder }
            return responder
        }
        throw ResponderError.noPort
    }

    enum ResponderError: Error { case noPort }

    func stop() async {
        try? await udp.close()
        try? await other.close()
        try? await tcp?.close()
    }

    // MARK: Building answers

    static func answer(to query: Message, flags extra: HeaderFlags = [], id: UInt16? = nil,
                       question: Question? = nil, padTo size: Int = 0) -> [UInt8] {
        let q = question ?? query.questions.first!
        var answer: [Record] = []
        if !extra.contains(.tc) {
            answer.append(Record(owner: q.name, type: .a, ttl: 300, rdata: [192, 0, 2, 1]))
        }
        var bytes = 0
        while bytes < size {
            let text = [UInt8](repeating: UInt8(ascii: "x"), count: 255)
            answer.append(Record(owner: q.name, type: .txt, ttl: 300, rdata: [255] + text))
            bytes += 256 + 12
        }
        let message = Message(id: id ?? query.id, flags: HeaderFlags([.qr, .aa]).union(extra),
                              questions: [q], answer: answer,
                              edns: query.edns.map { EDNS(udpPayloadSize: 1232, dnssecOK: $0.dnssecOK) })
        return try! WireFormat.encode(message)
    }

    func received(_ query: Message, tcp: Bool) {
        log.withLock {
            if tcp { $0.tcpQueries += 1 } else { $0.udpQueries += 1 }
            $0.inFlight += 1
            $0.peakInFlight = max($0.peakInFlight, $0.inFlight)
            $0.lastQuery = query
            if let name = query.questions.first?.name { $0.names.append(name) }
        }
    }

    func answered() {
        log.withLock { $0.inFlight -= 1 }
    }
}

/// Lets handlers made before the responder object exists reach it.
final class ResponderBox: Sendable {
    let responder = Mutex<FaultResponder?>(nil)
    var value: FaultResponder? { responder.withLock { $0 } }
}

final class UDPFaultHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    let box: ResponderBox
    let fault: UDPFault
    let other: any Channel

    init(box: ResponderBox, fault: UDPFault, other: any Channel) {
        self.box = box
        self.fault = fault
        self.other = other
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        var buffer = envelope.data
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        guard let query = try? WireFormat.parseMessage(bytes), let responder = box.value else { return }
        responder.received(query, tcp: false)
        let peer = envelope.remoteAddress

        func send(_ reply: [UInt8]) {
            context.writeAndFlush(wrapOutboundOut(AddressedEnvelope(remoteAddress: peer, data: ByteBuffer(bytes: reply))),
                                  promise: nil)
        }

        switch fault {
        case .good:
            send(FaultResponder.answer(to: query))
        case .wrongID:
            send(FaultResponder.answer(to: query, id: query.id &+ 1))
        case .wrongQuestion:
            send(FaultResponder.answer(to: query, question: Question(name: try! DNSName("wrong.example."), type: .a)))
        case .wrongIDThenGood:
            send(FaultResponder.answer(to: query, id: query.id &+ 1))
            send(FaultResponder.answer(to: query))
        case .truncatedPacket:
            send(Array(FaultResponder.answer(to: query).prefix(20)))
        case .garbageWithID:
            // QDCOUNT 0xFFFF and nothing to back it.
            send([UInt8(query.id >> 8), UInt8(query.id & 0xFF), 0x84, 0x00, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0]
                 + (0..<40).map { _ in UInt8.random(in: 0...255) })
        case .garbage:
            let id = ~query.id
            send([UInt8(id >> 8), UInt8(id & 0xFF)] + (0..<60).map { _ in UInt8.random(in: 0...255) })
        case .compressionLoop:
            send([UInt8(query.id >> 8), UInt8(query.id & 0xFF), 0x84, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
                  0xC0, 0x0C, 0, 1, 0, 1])
        case .fromOtherPort:
            let reply = FaultResponder.answer(to: query)
            other.writeAndFlush(AddressedEnvelope(remoteAddress: peer, data: ByteBuffer(bytes: reply)), promise: nil)
        case .oversized:
            send(FaultResponder.answer(to: query, padTo: 3800))
        case .truncatedFlag:
            send(FaultResponder.answer(to: query, flags: .tc))
        case .slow(let delay):
            let reply = FaultResponder.answer(to: query)
            context.eventLoop.assumeIsolated().scheduleTask(in: QueryEngine.timeAmount(delay)) {
                send(reply)
                responder.answered()
            }
            return
        case .silent:
            return
        }
        responder.answered()
    }
}

final class TCPFaultHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let box: ResponderBox
    let behaviour: TCPBehaviour

    init(box: ResponderBox, behaviour: TCPBehaviour) {
        self.box = box
        self.behaviour = behaviour
    }

    func channelActive(context: ChannelHandlerContext) {
        if case .closeOnAccept = behaviour {
            context.close(promise: nil)
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var frame = unwrapInboundIn(data)
        let bytes = frame.readBytes(length: frame.readableBytes) ?? []
        guard let query = try? WireFormat.parseMessage(bytes), let responder = box.value else { return }
        responder.received(query, tcp: true)
        defer { responder.answered() }
        func framed(_ reply: [UInt8]) -> [UInt8] { [UInt8(reply.count >> 8), UInt8(reply.count & 0xFF)] + reply }
        switch behaviour {
        case .answer:
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: framed(FaultResponder.answer(to: query)))),
                                  promise: nil)
        case .answerInPieces:
            let stream = framed(FaultResponder.answer(to: query, id: query.id &+ 1)) + framed(FaultResponder.answer(to: query))
            let loop = context.eventLoop.assumeIsolated()
            var offset = 0
            var step = 0
            while offset < stream.count {
                let piece = Array(stream[offset..<min(offset + 7, stream.count)])
                offset += piece.count
                step += 1
                loop.scheduleTask(in: .milliseconds(Int64(step))) {
                    context.writeAndFlush(self.wrapOutboundOut(ByteBuffer(bytes: piece)), promise: nil)
                }
            }
        case .closeMidMessage:
            let half = Array(framed(FaultResponder.answer(to: query)).prefix(20))
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: half)), promise: nil)
            context.close(promise: nil)
        case .noListener, .closeOnAccept, .silent:
            break
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
