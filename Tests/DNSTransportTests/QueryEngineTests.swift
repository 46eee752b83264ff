import DNSModel
@testable import DNSTransport
import Foundation
import LDNSBridge
import Testing

/// Short timeouts keep the suite fast; assertions on time are loose (the
/// machine may be busy building), outcomes and query counts are exact.
let testTimeout: Duration = .milliseconds(500)
let fastConfig = QueryEngine.Configuration(timeout: testTimeout, udpRetries: 1)
/// On a busy CI machine (every suite in parallel, some spawning processes)
/// a task can stall for seconds: a CI run once took 10.8 s for a refused
/// connection. Wall-clock upper bounds therefore only prove that nothing
/// hangs; the outcome (`.unreachable`, `.malformedResponse`, not `.timeout`)
/// and the query counts prove what happened.
let busyMachineSlack: Duration = .seconds(15)
/// Upper bound for a full failed UDP exchange: both attempts share one timeout.
let udpFailureBound: Duration = testTimeout + busyMachineSlack
/// "Without waiting for a timeout": the outcome says so; this only bounds it.
let promptly: Duration = testTimeout * 0.8 + busyMachineSlack

func question(_ name: String = "www.example.", _ type: RRType = .a) -> Question {
    Question(name: try! DNSName(name), type: type)
}

/// Runs one exchange against a fresh responder and engine, and tidies up.
func run(_ fault: UDPFault, tcp: TCPBehaviour = .answer, options: QueryOptions = .authoritative,
         config: QueryEngine.Configuration = fastConfig) async throws
    -> (exchange: Exchange, elapsed: Duration, log: ResponderLog, stats: QueryEngine.Statistics) {
    let responder = try await FaultResponder.start(udp: fault, tcp: tcp)
    let engine = QueryEngine(configuration: config)
    let clock = ContinuousClock()
    let start = clock.now
    let exchange = await engine.exchange(question(), with: responder.server, options: options)
    let elapsed = clock.now - start
    let stats = await engine.statistics()
    await engine.shutdown()
    await responder.stop()
    return (exchange, elapsed, responder.snapshot, stats)
}

@Suite("Query engine against a loopback fault responder")
struct FaultTests {
    @Test func goodAnswerOverUDP() async throws {
        let (exchange, elapsed, log, _) = try await run(.good)
        #expect(exchange.failure == nil)
        #expect(exchange.transport == .udp)
        #expect(!exchange.truncatedOverUDP)
        let response = try #require(exchange.response)
        let message = try WireFormat.parseMessage(response)
        #expect(message.questions == [question()])
        #expect(message.answer.count == 1)
        #expect(elapsed < testTimeout + busyMachineSlack)
        #expect(exchange.duration > 0 && exchange.duration < 1 + busyMachineSlack / .seconds(1))
        // The query went out with EDNS0, a 1232-byte buffer, DO, no RD.
        let query = try #require(log.lastQuery)
        #expect(query.edns?.udpPayloadSize == 1232)
        #expect(query.edns?.dnssecOK == true)
        #expect(!query.flags.contains(.rd))
        #expect(log.udpQueries == 1 && log.tcpQueries == 0)
    }

    @Test func queryFlagsFollowOptions() async throws {
        let options = QueryOptions(edns: true, udpPayloadSize: 4096, dnssecOK: false, checkingDisabled: true,
                                   recursionDesired: true)
        let (exchange, _, log, _) = try await run(.good, options: options)
        #expect(exchange.failure == nil)
        let query = try #require(log.lastQuery)
        #expect(query.edns?.udpPayloadSize == 4096)
        #expect(query.edns?.dnssecOK == false)
        #expect(query.flags.contains(.rd) && query.flags.contains(.cd))

        let (_, _, plainLog, _) = try await run(.good, options: QueryOptions(edns: false))
        #expect(try #require(plainLog.lastQuery).edns == nil)
    }

    @Test func wrongIDIsIgnored() async throws {
        let (exchange, elapsed, log, _) = try await run(.wrongID)
        #expect(exchange.failure == .mismatchedResponse)
        #expect(exchange.response == nil)
        #expect(exchange.failureDetail?.contains("ID") == true)
        #expect(log.udpQueries == 2, "one retry after the first attempt's half of the timeout")
        #expect(elapsed >= testTimeout * 0.9 && elapsed < udpFailureBound, "the retry happens inside --timeout")
    }

    @Test func wrongQuestionIsIgnored() async throws {
        let (exchange, elapsed, _, _) = try await run(.wrongQuestion)
        #expect(exchange.failure == .mismatchedResponse)
        #expect(exchange.failureDetail?.contains("wrong.example.") == true)
        #expect(elapsed < udpFailureBound)
    }

    @Test func keepsWaitingPastAMismatch() async throws {
        let (exchange, elapsed, log, _) = try await run(.wrongIDThenGood)
        #expect(exchange.failure == nil)
        #expect(exchange.response != nil)
        #expect(log.udpQueries == 1)
        #expect(elapsed < promptly)
    }

    @Test func truncatedPacketIsMalformed() async throws {
        let (exchange, elapsed, log, _) = try await run(.truncatedPacket)
        #expect(exchange.failure == .malformedResponse)
        #expect(exchange.response == nil)
        #expect(exchange.failureDetail != nil)
        #expect(log.udpQueries == 1 && elapsed < promptly, "a malformed answer ends the exchange")
    }

    @Test func garbageWithOurIDIsMalformed() async throws {
        let (exchange, _, _, _) = try await run(.garbageWithID)
        #expect(exchange.failure == .malformedResponse)
        #expect(exchange.response == nil)
    }

    @Test func garbageWithAnotherIDIsMismatched() async throws {
        let (exchange, elapsed, _, _) = try await run(.garbage)
        #expect(exchange.failure == .mismatchedResponse)
        #expect(elapsed < udpFailureBound)
    }

    @Test func compressionLoopIsMalformed() async throws {
        let (exchange, _, _, _) = try await run(.compressionLoop)
        #expect(exchange.failure == .malformedResponse)
        #expect(exchange.response == nil)
    }

    @Test func answerFromAnotherPortIsNotAccepted() async throws {
        // The UDP socket is connected, so the kernel drops the datagram:
        // the engine never sees it and times out.
        let (exchange, elapsed, log, _) = try await run(.fromOtherPort)
        #expect(exchange.failure == .timeout || exchange.failure == .mismatchedResponse)
        #expect(exchange.response == nil)
        #expect(log.udpQueries == 2)
        #expect(elapsed < udpFailureBound)
    }

    @Test func oversizedUDPAnswerIsReceivedWhole() async throws {
        let (exchange, _, _, _) = try await run(.oversized)
        #expect(exchange.failure == nil)
        #expect(exchange.transport == .udp)
        let response = try #require(exchange.response)
        #expect(response.count > 3800, "larger than the 1232 bytes advertised: recorded as is for the analysis")
        #expect(try WireFormat.parseMessage(response).answer.count > 10)
    }

    @Test func truncationFallsBackToTCP() async throws {
        let (exchange, _, log, stats) = try await run(.truncatedFlag, tcp: .answer)
        #expect(exchange.failure == nil)
        #expect(exchange.transport == .tcp)
        #expect(exchange.truncatedOverUDP)
        let message = try WireFormat.parseMessage(try #require(exchange.response))
        #expect(!message.isTruncated && message.answer.count == 1)
        #expect(log.udpQueries == 1 && log.tcpQueries == 1)
        #expect(stats.udpQueriesSent == 1 && stats.tcpQueriesSent == 1)
    }

    @Test func truncationWithNoTCPListenerIsUnreachable() async throws {
        let (exchange, elapsed, _, _) = try await run(.truncatedFlag, tcp: .noListener)
        #expect(exchange.failure == .unreachable)
        #expect(exchange.transport == .tcp)
        #expect(exchange.truncatedOverUDP)
        #expect(exchange.response == nil)
        #expect(elapsed < testTimeout + busyMachineSlack)
    }

    @Test func truncationWithTCPClosedOnAcceptIsReset() async throws {
        let (exchange, _, _, _) = try await run(.truncatedFlag, tcp: .closeOnAccept)
        #expect(exchange.failure == .connectionReset)
        #expect(exchange.transport == .tcp)
        #expect(exchange.truncatedOverUDP)
    }

    @Test func silentTCPTimesOut() async throws {
        let (exchange, elapsed, _, _) = try await run(.good, tcp: .silent, options: QueryOptions(transport: .tcp))
        #expect(exchange.failure == .timeout)
        #expect(exchange.transport == .tcp)
        #expect(elapsed >= testTimeout && elapsed < testTimeout + busyMachineSlack)
    }

    @Test func tcpFramingAcrossPiecesAndMismatchIgnored() async throws {
        let (exchange, _, _, _) = try await run(.silent, tcp: .answerInPieces, options: QueryOptions(transport: .tcp))
        #expect(exchange.failure == nil)
        #expect(try WireFormat.parseMessage(try #require(exchange.response)).answer.count == 1)
    }

    @Test func tcpCloseMidMessageIsReset() async throws {
        let (exchange, elapsed, _, _) = try await run(.silent, tcp: .closeMidMessage, options: QueryOptions(transport: .tcp))
        #expect(exchange.failure == .connectionReset)
        #expect(elapsed < promptly)
    }

    @Test func tcpFirstWhenAsked() async throws {
        let (exchange, _, log, _) = try await run(.silent, tcp: .answer, options: QueryOptions(transport: .tcp))
        #expect(exchange.failure == nil)
        #expect(exchange.transport == .tcp && !exchange.truncatedOverUDP)
        #expect(log.udpQueries == 0 && log.tcpQueries == 1)
    }

    @Test func slowAnswerAfterTimeoutIsATimeout() async throws {
        let (exchange, elapsed, log, _) = try await run(.slow(testTimeout + .milliseconds(400)))
        #expect(exchange.failure == .timeout)
        #expect(exchange.response == nil)
        #expect(log.udpQueries == 2)
        #expect(elapsed < udpFailureBound)
    }

    @Test func slowAnswerWithinTimeoutIsAccepted() async throws {
        let (exchange, _, _, _) = try await run(.slow(.milliseconds(100)))
        #expect(exchange.failure == nil)
        #expect(exchange.duration >= 0.09)
    }

    @Test func noAnswerIsATimeoutBoundedByTimeoutAndRetries() async throws {
        let (exchange, elapsed, log, stats) = try await run(.silent)
        #expect(exchange.failure == .timeout)
        #expect(exchange.response == nil)
        #expect(log.udpQueries == 2 && stats.udpQueriesSent == 2)
        #expect(elapsed >= testTimeout * 0.9, "both attempts share the one timeout")
        #expect(elapsed < udpFailureBound)
        #expect(exchange.duration >= 0.45 && exchange.duration < 0.6 + busyMachineSlack / .seconds(1))
    }

    @Test func noAnswerIsBoundedByAShorterDeadline() async throws {
        let responder = try await FaultResponder.start(udp: .silent)
        var config = fastConfig
        config.timeout = .seconds(2)
        config.deadline = .milliseconds(400)
        let engine = QueryEngine(configuration: config)
        let clock = ContinuousClock()
        let start = clock.now
        let exchange = await engine.exchange(question(), with: responder.server, options: .authoritative)
        let elapsed = clock.now - start
        #expect(exchange.failure == .deadlineExceeded)
        #expect(elapsed < .milliseconds(3500), "bounded by the 0.4 s deadline, not by the 2 s timeout")

        // After the deadline, exchanges fail at once without touching the network.
        let before = responder.snapshot.udpQueries
        let later = clock.now
        let next = await engine.exchange(question("other.example."), with: responder.server, options: .authoritative)
        #expect(next.failure == .deadlineExceeded)
        #expect(clock.now - later < busyMachineSlack)
        #expect(responder.snapshot.udpQueries == before)
        #expect(await engine.recordedExchanges().count == 2)
        await engine.shutdown()
        await responder.stop()
    }

    @Test func closedUDPPortIsUnreachable() async throws {
        let responder = try await FaultResponder.start(udp: .good, tcp: .noListener)
        let dead = responder.server
        await responder.stop()
        let engine = QueryEngine(configuration: fastConfig)
        let clock = ContinuousClock()
        let start = clock.now
        let exchange = await engine.exchange(question(), with: dead, options: .authoritative)
        #expect(exchange.failure == .unreachable)
        #expect(clock.now - start < promptly, "ICMP port unreachable ends the exchange at once")
        let overTCP = await engine.exchange(question(), with: dead, options: QueryOptions(transport: .tcp))
        #expect(overTCP.failure == .unreachable)
        await engine.shutdown()
    }

    @Test func invalidServerAddressIsANetworkError() async {
        let engine = QueryEngine(configuration: fastConfig)
        let exchange = await engine.exchange(question(), with: ServerAddress(ip: "not-an-ip"), options: .authoritative)
        #expect(exchange.failure == .networkError)
        await engine.shutdown()
    }

    @Test func aWalkPastItsDeadlineAsksNothingAndOtherWalksStillAsk() async throws {
        let responder = try await FaultResponder.start(udp: .good)
        let engine = QueryEngine(configuration: fastConfig)
        let past = ContinuousClock.now - .seconds(1)
        let refused = await WalkDeadline.$current.withValue(past) {
            await engine.exchange(question(), with: responder.server, options: .authoritative)
        }
        #expect(refused.failure == .deadlineExceeded)
        #expect(responder.snapshot.udpQueries == 0, "nothing sent for a walk out of time")
        // Another walk, with time left, gets a real answer: the refusal was not cached.
        let answered = await WalkDeadline.$current.withValue(ContinuousClock.now + .seconds(30)) {
            await engine.exchange(question(), with: responder.server, options: .authoritative)
        }
        #expect(answered.failure == nil && answered.response != nil)
        #expect(responder.snapshot.udpQueries == 1)
        #expect(await engine.statistics().pastDeadline == 1)
        await engine.shutdown()
        await responder.stop()
    }

    @Test func answersAreReusedWithinTheirTTLAndTheCacheIsBounded() async throws {
        let responder = try await FaultResponder.start(udp: .good)
        var config = fastConfig
        config.cacheEntries = 2
        config.recordsExchanges = false
        let engine = QueryEngine(configuration: config)
        for name in ["a.example.", "a.example.", "b.example.", "c.example.", "a.example."] {
            _ = await engine.exchange(question(name), with: responder.server, options: .authoritative)
        }
        // a (asked), a (cached, TTL 300), b, c (evicts a), a (asked again).
        #expect(responder.snapshot.udpQueries == 4)
        #expect(await engine.statistics().deduplicated == 1)
        #expect(await engine.recordedExchanges().isEmpty, "nothing kept without recordsExchanges")
        await engine.shutdown()
        await responder.stop()
    }

    @Test func aSocketThatGotAnAnswerIsReusedAndOneThatTimedOutIsNot() async throws {
        let good = try await FaultResponder.start(udp: .good)
        let silent = try await FaultResponder.start(udp: .silent)
        let engine = QueryEngine(configuration: fastConfig)
        for name in ["a.example.", "b.example.", "c.example."] {
            let exchange = await engine.exchange(question(name), with: good.server, options: .authoritative)
            #expect(exchange.failure == nil)
        }
        #expect(await engine.statistics().udpSocketsOpened == 1, "one socket served three answered queries")
        _ = await engine.exchange(question(), with: silent.server, options: .authoritative)
        let stats = await engine.statistics()
        #expect(stats.udpQueriesSent == 5)
        #expect(stats.udpSocketsOpened == 3, "the retransmission after a timeout goes out on a fresh socket")
        var fresh = fastConfig
        fresh.reusesUDPSockets = false
        let unpooled = QueryEngine(configuration: fresh)
        for name in ["a.example.", "b.example."] {
            _ = await unpooled.exchange(question(name), with: good.server, options: .authoritative)
        }
        #expect(await unpooled.statistics().udpSocketsOpened == 2)
        await engine.shutdown()
        await unpooled.shutdown()
        await good.stop()
        await silent.stop()
    }
}
