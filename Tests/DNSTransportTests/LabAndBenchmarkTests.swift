import DNSModel
@testable import DNSTransport
import Foundation
import LDNSBridge
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The lab (scripts/lab/up, another component) serves a signed hierarchy on
/// 127.53.0.0/16 port 53. These tests use it when it is up and skip otherwise;
/// they never start it.
enum Lab {
    static let root = ServerAddress(ip: "127.53.0.1", port: 53)

    static var directory: String {
        if let dir = ProcessInfo.processInfo.environment["DNSSEC_LAB_DIR"] { return dir }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repo.appendingPathComponent(".lab").path
    }

    static var isUp: Bool {
        FileManager.default.fileExists(atPath: directory) && tcpConnects(ip: root.ip, port: root.port)
    }

    /// A blocking TCP connect on loopback: refused or accepted at once.
    static func tcpConnects(ip: String, port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, ip, &address.sin_addr) == 1 else { return false }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

@Suite("Against the lab, when it is up")
struct LabTests {
    @Test(.enabled(if: Lab.isUp, "the lab is not up (scripts/lab/up)"), arguments: [Transport.udp, .tcp])
    func rootSOA(transport: Transport) async throws {
        let engine = QueryEngine()
        let exchange = await engine.exchange(Question(name: .root, type: .soa), with: Lab.root,
                                             options: QueryOptions(transport: transport))
        await engine.shutdown()
        #expect(exchange.failure == nil, "\(TraceFormatter.line(for: exchange))")
        #expect(exchange.transport == transport)
        let message = try WireFormat.parseMessage(try #require(exchange.response))
        #expect(message.rcode == .noError)
        #expect(message.isAuthoritative)
        #expect(message.answer.contains { $0.type == .soa })
        #expect(message.answer.contains { $0.type == .rrsig }, "DO was set")
        #expect(message.edns?.dnssecOK == true)
    }
}

/// The engine half of scripts/bench/transport/run.sh; skipped unless
/// DNSSEC_BENCH=1. Prints `BENCH …` lines.
@Suite("Benchmark (DNSSEC_BENCH=1)")
struct BenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DNSSEC_BENCH"] == "1", "set DNSSEC_BENCH=1 to run"))
    func engineThroughput() async throws {
        let env = ProcessInfo.processInfo.environment
        var responder: FaultResponder?
        let server: ServerAddress
        if let text = env["DNSSEC_BENCH_SERVER"], let colon = text.lastIndex(of: ":"),
           let port = UInt16(text[text.index(after: colon)...]) {
            server = ServerAddress(ip: String(text[..<colon]), port: port)
        } else {
            responder = try await FaultResponder.start(udp: .good)
            server = responder!.server
        }
        let count = Int(env["DNSSEC_BENCH_N"] ?? "") ?? 2000
        let sequentialCount = Int(env["DNSSEC_BENCH_SEQ_N"] ?? "") ?? min(count, 500)
        let types: [RRType] = [.a, .aaaa, .txt, .soa]
        func question(_ prefix: String, _ index: Int) -> Question {
            Question(name: try! DNSName("\(prefix)\(index).example."), type: types[index % types.count])
        }
        // Every 10th query over TCP: a mix like a real walk's TC fallbacks.
        func options(_ index: Int) -> QueryOptions { QueryOptions(transport: index % 10 == 9 ? .tcp : .udp) }

        let clock = ContinuousClock()
        let engine = QueryEngine(configuration: .init(timeout: .seconds(2), maxInFlight: 32))
        var start = clock.now
        let results = await withTaskGroup(of: Exchange.self) { group in
            for index in 0..<count {
                group.addTask { await engine.exchange(question("b", index), with: server, options: options(index)) }
            }
            return await group.reduce(into: [Exchange]()) { $0.append($1) }
        }
        var elapsed = QueryEngine.seconds(clock.now - start)
        let stats = await engine.statistics()
        await engine.shutdown()
        let durations = results.map(\.duration).sorted()
        print(String(format: "BENCH engine detail udp=%d tcp=%d tc-fallbacks=%d peak=%d median=%.2fms p99=%.2fms",
                     stats.udpQueriesSent, stats.tcpQueriesSent, results.filter(\.truncatedOverUDP).count,
                     stats.peakInFlight, durations[durations.count / 2] * 1000,
                     durations[durations.count * 99 / 100] * 1000))
        let failures = results.filter { $0.failure != nil }.count
        print(String(format: "BENCH engine concurrent(32) server=%@ n=%d seconds=%.3f rate=%.0f/s failures=%d",
                     server.description, count, elapsed, Double(count) / elapsed, failures))

        let sequential = QueryEngine(configuration: .init(timeout: .seconds(2), maxInFlight: 1))
        start = clock.now
        var sequentialFailures = 0
        for index in 0..<sequentialCount {
            let exchange = await sequential.exchange(question("s", index), with: server, options: .authoritative)
            if exchange.failure != nil { sequentialFailures += 1 }
        }
        elapsed = QueryEngine.seconds(clock.now - start)
        await sequential.shutdown()
        print(String(format: "BENCH engine sequential server=%@ n=%d seconds=%.3f rate=%.0f/s failures=%d",
                     server.description, sequentialCount, elapsed, Double(sequentialCount) / elapsed,
                     sequentialFailures))
        await responder?.stop()
        #expect(failures == 0 && sequentialFailures == 0)
    }
}
