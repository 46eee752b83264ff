import DNSModel
import DNSSEC
import DNSSECAnalysis
import DNSSECProbe
import DNSTransport
import Foundation
import Testing

/// Pre-delegation testing (`--ns`, issue 14): predelegation.lab. is served
/// by the lab's child servers but lab. does not delegate it; the capture was
/// recorded with `dnssec-check probe predelegation.lab -t SOA --ns
/// ns1.predelegation.lab./127.53.2.1 --ns ns2.predelegation.lab./127.53.2.2`.
struct PredelegationTests {
    static var capture: Capture { get throws { try CaptureAnalysisTests.capture("predelegation") } }
    static let zone = try! DNSName("predelegation.lab.")

    @Test func theCaptureKeepsTheGivenNameServers() throws {
        let capture = try Self.capture
        let undelegated = try #require(capture.undelegated)
        #expect(undelegated.zone == Self.zone)
        #expect(undelegated.nameServers.map(\.name.description) == ["ns1.predelegation.lab.", "ns2.predelegation.lab."])
        let reloaded = try Capture.load(from: try capture.encoded())
        #expect(reloaded.undelegated == undelegated)
    }

    /// The walk reaches the zone only through the given servers: without
    /// them lab. answers that the name does not exist and the walk stops there.
    @Test func theWalkTakesTheGivenServersAsTheReferral() async throws {
        let capture = try Self.capture
        let observation = await CaptureAnalysisTests.observe(capture)
        let last = try #require(observation.zones.last)
        #expect(last.zone == Self.zone)
        #expect(last.undelegated)
        #expect(last.parent == (try DNSName("lab.")))
        #expect(Set(last.servers.map(\.ip)) == ["127.53.2.1", "127.53.2.2"])
        #expect(!last.dsAnswers.isEmpty, "the DS is still asked of the parent's servers")
        let plain = ChainWalker(transport: ReplayTransport(capture: capture),
                                rootServers: capture.rootHints.map { ServerAddress(ip: $0) })
        let unaided = await plain.observe(capture.names[0], types: capture.types)
        #expect(unaided.zones.last?.zone == (try DNSName("lab.")))
        #expect(!(unaided.zones.contains { $0.undelegated }))
    }

    /// Without --ds the zone is judged as if the parent published the DS of
    /// its own SEP key, and the finding lists what the parent must publish.
    @Test func theReportSaysWhatTheParentMustPublish() async throws {
        let report = try await CaptureAnalysisTests.analyze(try Self.capture)
        #expect(report.status == .secure)
        #expect(report.findings.map(\.code.rawValue) == ["UNDELEGATED_ZONE"])
        let finding = try #require(report.findings.first)
        #expect(finding.severity == .info)
        for record in ["`predelegation.lab. IN NS ns1.predelegation.lab.`", "`ns1.predelegation.lab. IN A 127.53.2.1`",
                       "`ns2.predelegation.lab. IN A 127.53.2.2`", "`predelegation.lab. IN DS "] {
            #expect(finding.message.contains(record), "\(record) in \(finding.message)")
        }
        let checks = report.zones.last?.checks.map(\.text) ?? []
        #expect(checks.contains { $0.contains("of the zone's SEP key assumed at the parent (undelegated") }, "\(checks)")
    }

    /// With --ds, that DS is the one tested: a wrong one makes the zone bogus
    /// before anything is delegated.
    @Test func aWrongDSGivenWithTheTestIsBogus() async throws {
        let capture = try Self.capture
        let plain = try await CaptureAnalysisTests.analyze(capture)
        let good = try #require(plain.zones.last?.ds.first)
        var wrong = DSData(keyTag: good.keyTag, algorithm: DNSSECAlgorithm(good.algorithm),
                           digestType: DigestType(good.digestType), digest: good.digest)
        wrong.digest[0] ^= 0xFF
        let report = try await CaptureAnalysisTests.analyze(capture, whatIfDS: [Self.zone: [wrong]])
        #expect(report.status == .bogus)
        let codes = Set(report.findings.map(\.code.rawValue))
        #expect(codes.isSuperset(of: ["UNDELEGATED_ZONE", "DIGEST_INVALID"]), "\(codes)")
        let finding = try #require(report.findings.first { $0.code.rawValue == "UNDELEGATED_ZONE" })
        #expect(finding.message.contains(Encodings.hex(wrong.digest, uppercase: true)), "\(finding.message)")
    }
}
