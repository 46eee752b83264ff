import DNSModel
@testable import DNSTransport
import Foundation
import LDNSBridge
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// True when a UDP socket can be bound to ::1 (not the case in some containers).
func loopbackIPv6Available() -> Bool {
    let fd = socket(AF_INET6, Int32(SOCK_DGRAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in6()
    address.sin6_family = sa_family_t(AF_INET6)
    address.sin6_addr = in6addr_loopback
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0
        }
    }
}

@Suite("Query engine: de-duplication, limits, recording, replay")
struct EngineBehaviourTests {
    @Test func identicalConcurrentExchangesShareOneQuery() async throws {
        let responder = try await FaultResponder.start(udp: .slow(.milliseconds(150)))
        let engine = QueryEngine(configuration: fastConfig)
        let server = responder.server
        async let first = engine.exchange(question("www.example."), with: server, options: .authoritative)
        async let second = engine.exchange(question("WWW.Example."), with: server, options: .authoritative)
        let (a, b) = await (first, second)
        #expect(a == b)
        #expect(a.failure == nil)
        #expect(responder.snapshot.udpQueries == 1)
        // Asked again later: still no new query.
        let third = await engine.exchange(question("www.EXAMPLE."), with: server, options: .authoritative)
        #expect(third == a)
        #expect(responder.snapshot.udpQueries == 1)
        // Different options are a different exchange.
        let other = await engine.exchange(question("www.example."), with: server, options: QueryOptions(dnssecOK: false))
        #expect(other.failure == nil)
        #expect(responder.snapshot.udpQueries == 2)
        #expect(await engine.recordedExchanges().count == 2)
        let stats = await engine.statistics()
        #expect(stats.exchanges == 2 && stats.deduplicated == 2)
        await engine.shutdown()
        await responder.stop()
    }

    @Test func concurrencyLimitIsKept() async throws {
        let responder = try await FaultResponder.start(udp: .slow(.milliseconds(100)))
        var config = fastConfig
        config.maxInFlight = 2
        let engine = QueryEngine(configuration: config)
        let server = responder.server
        let clock = ContinuousClock()
        let start = clock.now
        let results = await withTaskGroup(of: Exchange.self) { group in
            for index in 0..<6 {
                group.addTask { await engine.exchange(question("n\(index).example."), with: server, options: .authoritative) }
            }
            return await group.reduce(into: [Exchange]()) { $0.append($1) }
        }
        #expect(results.count == 6)
        #expect(results.allSatisfy { $0.failure == nil })
        #expect(responder.snapshot.peakInFlight <= 2)
        #expect(await engine.statistics().peakInFlight == 2)
        #expect(clock.now - start >= .milliseconds(300), "6 queries of 100 ms, 2 at a time")
        await engine.shutdown()
        await responder.stop()
    }

    @Test func manyConcurrentExchangesAllComplete() async throws {
        let responder = try await FaultResponder.start(udp: .good)
        let engine = QueryEngine(configuration: fastConfig)
        let server = responder.server
        let results = await withTaskGroup(of: Exchange.self) { group in
            for index in 0..<200 {
                group.addTask { await engine.exchange(question("m\(index).example."), with: server, options: .authoritative) }
            }
            return await group.reduce(into: [Exchange]()) { $0.append($1) }
        }
        #expect(results.filter { $0.failure == nil }.count == 200)
        #expect(await engine.statistics().peakInFlight <= fastConfig.maxInFlight, "the default limit (128) holds")
        await engine.shutdown()
        await responder.stop()
    }

    @Test(.enabled(if: loopbackIPv6Available(), "::1 is not available here"))
    func ipv6Loopback() async throws {
        let responder = try await FaultResponder.start(host: "::1", udp: .truncatedFlag, tcp: .answer)
        #expect(responder.server.isIPv6)
        let engine = QueryEngine(configuration: fastConfig)
        let exchange = await engine.exchange(question(), with: responder.server, options: .authoritative)
        #expect(exchange.failure == nil)
        #expect(exchange.truncatedOverUDP && exchange.transport == .tcp)
        await engine.shutdown()
        await responder.stop()

        let plain = try await FaultResponder.start(host: "::1", udp: .good)
        let engine2 = QueryEngine(configuration: fastConfig)
        let udp = await engine2.exchange(question(), with: plain.server, options: .authoritative)
        #expect(udp.failure == nil && udp.transport == .udp)
        await engine2.shutdown()
        await plain.stop()
    }

    @Test func recordingTraceAndCaptureRoundTrip() async throws {
        let good = try await FaultResponder.start(udp: .good)
        let tc = try await FaultResponder.start(udp: .truncatedFlag, tcp: .answer)
        let silent = try await FaultResponder.start(udp: .silent)
        let traced = Mutex<[Exchange]>([])
        let engine = QueryEngine(configuration: fastConfig) { exchange in traced.withLock { $0.append(exchange) } }
        let asked: [(Question, ServerAddress, QueryOptions)] = [
            (question("a.example."), good.server, .authoritative),
            (question("b.example.", .aaaa), good.server, QueryOptions(dnssecOK: false)),
            (question("c.example.", .dnskey), tc.server, .authoritative),
            (question("d.example."), silent.server, .authoritative),
            (question("a.example."), good.server, .authoritative),  // duplicate
        ]
        var returned: [Exchange] = []
        for (q, server, options) in asked {
            returned.append(await engine.exchange(q, with: server, options: options))
        }
        let recorded = await engine.recordedExchanges()
        #expect(recorded.count == 4)
        #expect(recorded == Array(returned.prefix(4)))
        #expect(traced.withLock { $0 } == recorded, "the trace hook saw each exchange once, in order")
        #expect(recorded[2].truncatedOverUDP)
        #expect(recorded[3].failure == .timeout)

        // Trace lines.
        let okLine = TraceFormatter.line(for: recorded[0])
        #expect(okLine.hasPrefix("\(good.server) a.example./A udp "))
        #expect(okLine.contains("NOERROR") && okLine.contains("qr aa") && okLine.contains(" B"))
        #expect(TraceFormatter.line(for: recorded[2]).contains("udp>tcp"))
        let failLine = TraceFormatter.line(for: recorded[3])
        #expect(failLine.contains("TIMEOUT"))

        // Capture round trip.
        let capture = Capture(tool: "dnssec-check test", startTime: 1_700_000_000, endTime: 1_700_000_010,
                              names: [try DNSName("a.example.")], types: [.a, .dnskey],
                              trustAnchors: [], rootHints: [], exchanges: recorded)
        let loaded = try Capture.load(from: try capture.encoded())
        #expect(loaded == capture)

        // Replay gives the same exchanges, by key, whatever the name's case.
        let replay = ReplayTransport(capture: loaded)
        for (q, server, options) in asked {
            let live = await engine.exchange(q, with: server, options: options)
            let replayed = await replay.exchange(q, with: server, options: options)
            #expect(replayed == live)
        }
        let upper = await replay.exchange(question("A.EXAMPLE."), with: good.server, options: .authoritative)
        #expect(upper == recorded[0])
        let unknown = await replay.exchange(question("zzz.example."), with: good.server, options: .authoritative)
        #expect(unknown.failure == .networkError)
        #expect(unknown.failureDetail == "not in capture")
        #expect(unknown.response == nil)

        await engine.shutdown()
        for responder in [good, tc, silent] { await responder.stop() }
    }

    @Test func shutdownIsCleanAndFinal() async throws {
        let responder = try await FaultResponder.start(udp: .slow(.milliseconds(100)))
        let engine = QueryEngine(configuration: fastConfig)
        let server = responder.server
        async let inFlight = engine.exchange(question(), with: server, options: .authoritative)
        try await Task.sleep(for: .milliseconds(20))
        await engine.shutdown()
        #expect(await inFlight.failure == nil, "shutdown waits for exchanges in flight")
        let after = await engine.exchange(question("late.example."), with: server, options: .authoritative)
        #expect(after.failure == .networkError)
        #expect(await engine.recordedExchanges().count == 1)
        await engine.shutdown()  // twice is harmless
        await responder.stop()
    }

    @Test func sharedEventLoopGroupIsNotShutDown() async throws {
        let responder = try await FaultResponder.start(udp: .good)
        let engine = QueryEngine(configuration: fastConfig, eventLoopGroup: FaultResponder.group)
        #expect(await engine.exchange(question(), with: responder.server, options: .authoritative).failure == nil)
        await engine.shutdown()
        // The group still works for others.
        let again = QueryEngine(configuration: fastConfig, eventLoopGroup: FaultResponder.group)
        #expect(await again.exchange(question(), with: responder.server, options: .authoritative).failure == nil)
        await again.shutdown()
        await responder.stop()
    }

    @Test func matcherRules() throws {
        let q = question("Example.COM.", .soa)
        let matcher = ResponseMatcher(id: 0x1234, question: q)
        let query = try WireFormat.parseMessage(try WireFormat.query(id: 0x1234, question: q))
        let good = FaultResponder.answer(to: query, question: question("example.com.", .soa))
        guard case .accept = matcher.check(good) else { Issue.record("case-insensitive name"); return }
        let otherType = FaultResponder.answer(to: query, question: question("example.com.", .a))
        guard case .ignore = matcher.check(otherType) else { Issue.record("type must match"); return }
        let otherClass = FaultResponder.answer(to: query, question: Question(name: q.name, type: .soa, rrClass: .ch))
        guard case .ignore = matcher.check(otherClass) else { Issue.record("class must match"); return }
        // Our own query reflected back (QR clear) is not an answer.
        guard case .ignore = matcher.check(try WireFormat.query(id: 0x1234, question: q)) else {
            Issue.record("QR must be set"); return
        }
        guard case .malformed = matcher.check([0x12, 0x34, 0x80]) else { Issue.record("runt with our ID"); return }
        guard case .ignore = matcher.check([0x12]) else { Issue.record("one byte"); return }
        guard case .ignore = matcher.check([]) else { Issue.record("empty"); return }
    }
}
