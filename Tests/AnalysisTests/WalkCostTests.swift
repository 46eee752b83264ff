import DNSModel
import DNSSECAnalysis
import DNSSECProbe
import DNSTransport
import Foundation
import Testing

/// A scripted transport: answers from a recorded capture (so from real lab
/// servers), counts what reaches it, and can play a deadline running out
/// after a number of questions. No network.
actor ScriptedTransport: DNSExchanging {
    let replay: ReplayTransport
    /// Questions answered before every further one fails with `deadlineExceeded`.
    let answersBeforeDeadline: Int?
    private(set) var asked: [ExchangeKey] = []

    init(_ capture: Capture, answersBeforeDeadline: Int? = nil) {
        replay = ReplayTransport(capture: capture)
        self.answersBeforeDeadline = answersBeforeDeadline
    }

    func exchange(_ question: Question, with server: ServerAddress, options: QueryOptions) async -> Exchange {
        asked.append(ExchangeKey(server: server, question: question, options: options))
        if let limit = answersBeforeDeadline, asked.count > limit {
            return Exchange(server: server, question: question, options: options, startTime: 0, duration: 0,
                            transport: options.transport, response: nil, failure: .deadlineExceeded,
                            failureDetail: "the name's deadline passed before this query was sent")
        }
        return await replay.exchange(question, with: server, options: options)
    }

    func questions(to server: ServerAddress) -> [ExchangeKey] { asked.filter { $0.server == server } }
}

@Suite("What the walk costs: silent servers, deadlines, batches")
struct WalkCostTests {
    static let silent = ServerAddress(ip: "127.53.7.1")   // halfdead.lab.'s second server: the lab's sink

    static func walk(_ capture: Capture, over transport: any DNSExchanging) async -> NameObservation {
        let walker = ChainWalker(transport: transport, rootServers: capture.rootHints.map { ServerAddress(ip: $0) })
        return await walker.observe(capture.names[0], types: capture.types)
    }

    static func analyze(_ capture: Capture, _ observation: NameObservation) throws -> NameReport {
        Analyzer(anchors: try CaptureAnalysisTests.anchors(of: capture), policy: AnalysisPolicy(),
                 referenceTime: Int64(capture.endTime)).analyze(observation)
    }

    /// What a report says, without the evidence that depends on timing.
    static func verdict(_ report: NameReport) -> [String] {
        ["\(report.status)", report.fixFirst?.code.rawValue ?? "-"]
            + report.findings.map { "\($0.code) \($0.severity) \($0.subject) \($0.servers)" }.sorted()
    }

    @Test func aSilentServerIsAskedInOneRoundOnlyAndThenNotAgainInTheRun() async throws {
        let capture = try CaptureAnalysisTests.capture("halfdead")
        let scripted = ScriptedTransport(capture)
        let health = ServerHealth()
        let first = await Self.walk(capture, over: HealthAwareTransport(inner: scripted, health: health))

        // Only the first round's questions (the zone's DNSKEY, SOA over UDP
        // and TCP, NS and the name's first type) ever reached the server.
        let firstRound: Set<RRType> = [.dnskey, .soa, .ns, .a]
        let reached = await scripted.questions(to: Self.silent)
        #expect(!reached.isEmpty && reached.count <= 5)
        #expect(reached.allSatisfy { firstRound.contains($0.question.type) })
        // Everything asked of it later is recorded as not asked, and says since when.
        let zone = try #require(first.zones.last)
        let later = (zone.cdsAnswers + zone.cdnskeyAnswers + zone.nsec3paramAnswers + zone.nxdomainProbeAnswers
            + (first.answers[.aaaa] ?? [])).filter { $0.server == Self.silent }
        #expect(!later.isEmpty)
        for answer in later {
            #expect(answer.exchange.failure == .notAsked)
            #expect(answer.exchange.failureDetail?.hasPrefix("not asked: no answer over UDP since 20") == true)
        }
        #expect(health.record(of: Self.silent, over: .udp)?.isUnresponsive == true)
        #expect(health.record(of: Self.silent, over: .tcp)?.isUnresponsive == true)
        #expect(health.record(of: ServerAddress(ip: "127.53.2.1"), over: .udp)?.isUnresponsive == false)

        // A second name in the same run asks the silent server nothing at all.
        let before = reached.count
        let second = await Self.walk(capture, over: HealthAwareTransport(inner: scripted, health: health))
        #expect(await scripted.questions(to: Self.silent).count == before)
        let fromSilent = second.allAnswers.filter { $0.server == Self.silent && $0.wasAsked }
        #expect(!fromSilent.isEmpty && fromSilent.allSatisfy { $0.exchange.failure == .notAsked })
    }

    @Test func theSilentServerIsNamedOnceWithWhatWaitingCost() async throws {
        let capture = try CaptureAnalysisTests.capture("halfdead")
        let observation = await Self.walk(capture, over: HealthAwareTransport(inner: ScriptedTransport(capture)))
        let report = try Self.analyze(capture, observation)
        let findings = report.findings.filter { $0.servers.contains(Self.silent) }
        #expect(findings.count == 1, "one finding for the silent server, not one per question or transport")
        let finding = try #require(findings.first)
        #expect(finding.code.rawValue == "SERVER_UNRESPONSIVE_UDP")
        #expect(finding.message.contains("over UDP or TCP"))
        #expect(finding.message.contains("waiting for it cost 2."), "the capture's timeouts took 2 s: \(finding.message)")
        #expect(finding.message.contains("later question(s) not sent to it"))
        #expect(report.status == .secure)
    }

    @Test func aNameReadsTheSameAloneAndInABatch() async throws {
        let capture = try CaptureAnalysisTests.capture("halfdead")
        let alone = try Self.analyze(capture, await Self.walk(capture, over: HealthAwareTransport(inner: ScriptedTransport(capture))))
        // In a batch, earlier names have already found the server silent.
        let shared = HealthAwareTransport(inner: ScriptedTransport(capture))
        for _ in 0..<3 { _ = await Self.walk(capture, over: shared) }
        let inBatch = try Self.analyze(capture, await Self.walk(capture, over: shared))
        #expect(Self.verdict(alone) == Self.verdict(inBatch))
        #expect(Self.verdict(alone).contains { $0.hasPrefix("SERVER_UNRESPONSIVE_UDP") })
        // The batch finding says the server was not asked again, not that it cost time again.
        let batchFinding = try #require(inBatch.findings.first { $0.code.rawValue == "SERVER_UNRESPONSIVE_UDP" })
        #expect(batchFinding.message.contains("it was not asked again"))
    }

    @Test func aNamePastItsDeadlineReportsWhatWasLearned() async throws {
        let capture = try CaptureAnalysisTests.capture("ok")
        // Enough answers for the root and part of the TLD, then the deadline.
        let scripted = ScriptedTransport(capture, answersBeforeDeadline: 14)
        let observation = await Self.walk(capture, over: HealthAwareTransport(inner: scripted))
        #expect(observation.questionsPastDeadline > 0)
        let report = try Self.analyze(capture, observation)
        #expect(report.status == .indeterminate, "never OK for a check that did not finish")
        let deadline = try #require(report.findings.first { $0.code.rawValue == "CHECK_DEADLINE_EXCEEDED" })
        #expect(deadline.message.contains("\(observation.questionsPastDeadline) question(s) not sent"))
        #expect(report.fixFirst?.code.rawValue == "CHECK_DEADLINE_EXCEEDED", "the cause before what it left unseen")
        // Running out of time is not blamed on the servers.
        let blamed: Set<String> = ["SERVER_UNRESPONSIVE_UDP", "SERVER_UNRESPONSIVE_TCP", "NO_SERVER_ANSWERED"]
        #expect(report.findings.allSatisfy { !blamed.contains($0.code.rawValue) }, "\(report.findings.map(\.code.rawValue))")
        // What was learned stays: the root was judged before time ran out.
        #expect(report.zones.first?.status == .secure)
    }

    @Test func zonesAnalysedOnceForARunGiveTheSameReportsAsEachNameAlone() async throws {
        let names = ["ok", "expired", "halfdead", "split", "cname-into-bogus", "nsec3-optout-nxdomain", "cds-bootstrap-signalled"]
        let cache = ZoneAnalysisCache()
        var batch: [String: NameReport] = [:]
        // Twice through the batch, the second time in reverse: every zone is a cache hit then.
        for name in names + names.reversed() {
            let capture = try CaptureAnalysisTests.capture(name)
            let observation = await CaptureAnalysisTests.observe(capture)
            let analyzer = Analyzer(anchors: try CaptureAnalysisTests.anchors(of: capture), policy: AnalysisPolicy(),
                                    referenceTime: Int64(capture.endTime), zoneCache: cache)
            let report = analyzer.analyze(observation)
            if let first = batch[name] { #expect(first == report, "\(name) from the cache") }
            batch[name] = report
        }
        #expect(cache.hits >= names.count * 3, "root, TLD and the name's zone reused: \(cache.hits) hits")
        for name in names {
            let alone = try await CaptureAnalysisTests.analyze(name)
            #expect(batch[name] == alone, "\(name) reads the same alone and in a batch")
        }
    }

    /// The zone cache's key (ZonePrint in ZoneAnalysisCache.swift) lists the
    /// fields of ZoneObservation by hand: a new field must be added there too,
    /// or two zones that differ in it would share one check.
    @Test func theZoneCacheKeyCoversEveryFieldOfAZoneObservation() {
        let observation = ZoneObservation(zone: .root, parent: nil, nameServers: [:], servers: [])
        let fields = Set(Mirror(reflecting: observation).children.compactMap(\.label))
        #expect(fields == ["zone", "parent", "nameServers", "servers", "dsAnswers", "dnskeyAnswers", "soaAnswers",
                           "cdsAnswers", "cdnskeyAnswers", "tcpAnswers", "nsec3paramAnswers", "nxdomainProbeAnswers",
                           "nsAnswers", "nameServerAddressAnswers", "nameServersWithoutGlue", "serversNotAsked",
                           "nameServersNotResolved", "badReferrals",
                           "noEDNSAnswers", "ednsVersionAnswers", "undelegated"], "update ZonePrint for: \(fields)")
    }
}
