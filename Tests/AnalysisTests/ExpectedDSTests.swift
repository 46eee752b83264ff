import DNSModel
import DNSSEC
import DNSSECAnalysis
import Foundation
import Testing

/// The registrar hand-off (`--expect-ds`, issue 14): the DS the parent's
/// servers serve, compared with what the DNS host says they should, on
/// recorded captures, whatever the chain's status.
struct ExpectedDSTests {
    /// The SEP keys the zone's own servers serve, as the host would list them.
    static func servedKSKs(_ observation: NameObservation, zone: DNSName) throws -> [DNSKEYData] {
        let zoneObservation = try #require(observation.zones.first { $0.zone == zone })
        let keys = zoneObservation.dnskeyAnswers.flatMap { $0.answerRecords(zone, .dnskey) }
            .compactMap { try? DNSKEYData(rdata: $0.rdata) }.filter(\.isSecureEntryPoint)
        return Array(Set(keys)).sorted { $0.publicKey.lexicographicallyPrecedes($1.publicKey) }
    }

    static func key(_ dnskey: DNSKEYData, zone: DNSName, active: Bool = true) -> ExpectedDS.Key {
        let tag = DNSKEYFacts(owner: zone, key: dnskey).keyTag
        return ExpectedDS.Key(keyTag: tag, algorithm: dnskey.algorithm, dnskey: dnskey,
                              ds: [DSDigest.makeDS(owner: zone, key: dnskey, type: .sha256)!], active: active,
                              label: active ? "test key" : "test key, status INACTIVE")
    }

    static func analyze(_ capture: Capture, _ expectations: DSExpectations,
                        cache: ZoneAnalysisCache? = nil) async throws -> NameReport {
        let observation = await CaptureAnalysisTests.observe(capture)
        let analyzer = Analyzer(anchors: try CaptureAnalysisTests.anchors(of: capture),
                                referenceTime: Int64(capture.endTime), expectedDS: expectations, zoneCache: cache)
        return analyzer.analyze(observation)
    }

    static func finding(_ report: NameReport, _ code: String) -> Diagnostic? {
        report.findings.first { $0.code.rawValue == code }
    }

    @Test func theDSTheHostListsIsAtTheParent() async throws {
        let capture = try CaptureAnalysisTests.capture("ok")
        let zone = try DNSName("ok.lab.")
        let observation = await CaptureAnalysisTests.observe(capture)
        let ksks = try Self.servedKSKs(observation, zone: zone)
        #expect(!ksks.isEmpty)
        let expected = ExpectedDS(keys: ksks.map { Self.key($0, zone: zone) }, source: "host.txt")
        let report = try await Self.analyze(capture, DSExpectations(byZone: [zone: expected]))
        #expect(report.status == .secure)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.code.rawValue))")
        let checks = report.zones.last?.checks.map(\.text) ?? []
        #expect(checks.contains { $0.contains("is the DS host.txt expects") }, "\(checks)")
    }

    /// A key the host retired whose DS is still at the parent, and a new key
    /// whose DS never got there: one finding each, with the record to remove
    /// or submit in the remedy; the chain itself is still secure.
    @Test func aRetiredKeysDSAndANewKeysMissingDS() async throws {
        let capture = try CaptureAnalysisTests.capture("ok")
        let zone = try DNSName("ok.lab.")
        let observation = await CaptureAnalysisTests.observe(capture)
        let ksk = try #require(try Self.servedKSKs(observation, zone: zone).first)
        var newKey = ksk
        newKey.publicKey[0] ^= 0x55   // another key of the same algorithm (only its DS matters here)
        let newTag = DNSKEYFacts(owner: zone, key: newKey).keyTag
        let expected = ExpectedDS(keys: [Self.key(ksk, zone: zone, active: false), Self.key(newKey, zone: zone)],
                                  source: "route53.json")
        let report = try await Self.analyze(capture, DSExpectations(forNamesZone: expected))
        #expect(report.status == .secure)
        let inactive = try #require(Self.finding(report, "DS_OF_INACTIVE_KEY"))
        #expect(inactive.severity == .warning)
        #expect(inactive.message.contains("status INACTIVE"))
        #expect(inactive.remedy.contains("ok.lab. IN DS \(DNSKEYFacts(owner: zone, key: ksk).keyTag) 13 2 "), "\(inactive.remedy)")
        let missing = try #require(Self.finding(report, "EXPECTED_DS_MISSING"))
        #expect(missing.severity == .error)
        let newDS = DSDigest.makeDS(owner: zone, key: newKey, type: .sha256)!
        #expect(missing.remedy.contains("ok.lab. IN DS \(newTag) 13 2 \(Encodings.hex(newDS.digest, uppercase: true))"),
                "\(missing.remedy)")
        #expect(missing.subject == .ds(zone, keyTag: newTag, algorithm: 13, digestType: 2))
        #expect(!report.findings.contains { $0.code.rawValue == "UNEXPECTED_DS" })
        #expect(report.fixFirst?.code.rawValue == "EXPECTED_DS_MISSING")
    }

    /// The hand-off is judged when the chain is broken too: a DS with the
    /// wrong digest at the parent is unexpected, the right one missing.
    @Test func aBrokenChainStillSaysWhatToSubmitAndWhatToRemove() async throws {
        let capture = try CaptureAnalysisTests.capture("ds-bad-digest")
        let observation = await CaptureAnalysisTests.observe(capture)
        let zone = try #require(observation.zones.last?.zone)
        let ksks = try Self.servedKSKs(observation, zone: zone)
        let expected = ExpectedDS(keys: ksks.map { Self.key($0, zone: zone) }, source: "host.txt")
        let report = try await Self.analyze(capture, DSExpectations(byZone: [zone: expected]))
        #expect(report.status == .bogus)
        let codes = Set(report.findings.map(\.code.rawValue))
        #expect(codes.isSuperset(of: ["DIGEST_INVALID", "EXPECTED_DS_MISSING", "UNEXPECTED_DS"]), "\(codes)")
    }

    /// A DS-only expectation matches the parent's record exactly; a zone
    /// that is not on the name's path is not compared at all.
    @Test func onlyTheZonesOnThePathAreCompared() async throws {
        let capture = try CaptureAnalysisTests.capture("ok")
        let other = try DNSName("example.net.")
        let expected = ExpectedDS(keys: [.init(keyTag: 1, algorithm: DNSSECAlgorithm(13),
                                               ds: [DSData(keyTag: 1, algorithm: DNSSECAlgorithm(13), digestType: DigestType(2),
                                                           digest: Array(repeating: 0, count: 32))],
                                               label: "DS in other.txt")],
                                  source: "other.txt")
        let report = try await Self.analyze(capture, DSExpectations(byZone: [other: expected]))
        #expect(report.findings.isEmpty, "\(report.findings.map(\.code.rawValue))")
    }

    /// The comparison stays out of the zone cache: the same zone checked
    /// first without and then with an expectation (one run's cache) reads
    /// as it does alone.
    @Test func aCachedZoneIsStillCompared() async throws {
        let capture = try CaptureAnalysisTests.capture("ok")
        let zone = try DNSName("ok.lab.")
        let observation = await CaptureAnalysisTests.observe(capture)
        let ksk = try #require(try Self.servedKSKs(observation, zone: zone).first)
        let expected = DSExpectations(byZone: [zone: ExpectedDS(keys: [Self.key(ksk, zone: zone, active: false)],
                                                                source: "host.txt")])
        let cache = ZoneAnalysisCache()
        _ = try await Self.analyze(capture, DSExpectations(), cache: cache)
        let cached = try await Self.analyze(capture, expected, cache: cache)
        let alone = try await Self.analyze(capture, expected)
        #expect(cache.hits > 0)
        #expect(cached == alone)
        #expect(cached.findings.contains { $0.code.rawValue == "DS_OF_INACTIVE_KEY" })
    }
}
