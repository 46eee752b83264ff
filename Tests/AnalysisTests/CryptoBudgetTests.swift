import DNSModel
import DNSSEC
import DNSSECAnalysis
import DNSSECProbe
import DNSSECTestSupport
import DNSTransport
import Foundation
import LDNSBridge
import Testing

/// Signature floods (CVE-2023-50387) staged on the healthy `ok` capture:
/// the answers for www.ok.lab. A get many invalid RRSIGs by the ZSK's tag, before
/// or after the valid one. The analysis must stop where hardened validators
/// stop, fail the RRset as they do, and say which budget stopped it.
/// (Key-tag collisions need a re-signed DNSKEY RRset: the hostile lab's
/// KeyTrap rows and their recorded capture cover them.)
struct CryptoBudgetTests {
    /// The ok capture with `badSignatures` RRSIGs over www.ok.lab. A by
    /// the valid RRSIG's key, with random signature bytes, placed before the
    /// valid one (`validFirst` false) or after it, in every answer.
    static func signatureFlood(_ badSignatures: Int, validFirst: Bool = false) throws -> Capture {
        try MutatedCaptureTests.mutate(try MutatedCaptureTests.ok, MutatedCaptureTests.asked("www.ok.lab.", .a)) { message in
            // The same forgeries in every answer, as one hostile zone would serve them.
            var rng = SeededGenerator(seed: 50387)
            let sigs = message.answer.filter { $0.type == .rrsig }
            let others = message.answer.filter { $0.type != .rrsig }
            guard let valid = sigs.first else { return }
            let length = (try? RRSIGData(rdata: valid.rdata))?.signature.count ?? 0
            let fields = Array(valid.rdata.dropLast(length))
            let bad = (0..<badSignatures).map { _ in
                Record(owner: valid.owner, type: .rrsig, ttl: valid.ttl,
                       rdata: fields + (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) })
            }
            message.answer = others + (validFirst ? sigs + bad : bad + sigs)
        }
    }

    static func analyze(_ capture: Capture, limits: CryptoLimits = CryptoLimits()) async throws -> (NameReport, CryptoWork) {
        var policy = AnalysisPolicy()
        policy.cryptoLimits = limits
        let observation = await CaptureAnalysisTests.observe(capture)
        let analyzer = Analyzer(anchors: try CaptureAnalysisTests.anchors(of: capture), policy: policy,
                                referenceTime: Int64(capture.endTime))
        return analyzer.analyzeCounting(observation)
    }

    static func codes(_ report: NameReport) -> Set<String> { Set(report.findings.map(\.code.rawValue)) }

    @Test func aHealthyChainStaysWellInsideTheBudget() async throws {
        let (report, work) = try await Self.analyze(try MutatedCaptureTests.ok)
        #expect(report.status == .secure)
        #expect(work.signatureChecks > 0 && work.signatureChecks < CryptoLimits().verificationsPerName / 4,
                "a healthy three-zone chain needs \(work.signatureChecks) signature checks")
    }

    @Test func theValidSignatureAfterTheBudgetFailsAsInUnbound() async throws {
        let (report, work) = try await Self.analyze(try Self.signatureFlood(40))
        #expect(report.status == .bogus, "unbound answers SERVFAIL: too many RRSIG validations")
        let codes = Self.codes(report)
        #expect(codes.contains("RRSIG_VALIDATION_LIMIT"), "\(codes)")
        #expect(!codes.contains("CRYPTO_BUDGET_EXCEEDED"), "the per-RRset cap bounds the work before the name's budget")
        let limit = report.findings.first { $0.code.rawValue == "RRSIG_VALIDATION_LIMIT" }
        #expect(limit?.message.contains("41 RRSIGs; no valid signature within 8 signature checks, and 33 RRSIGs not checked") == true,
                "\(limit?.message ?? "none")")
        // 8 checks per copy, and identical copies cost nothing more.
        let (_, healthy) = try await Self.analyze(try MutatedCaptureTests.ok)
        #expect(work.signatureChecks <= healthy.signatureChecks + 8, "\(work.signatureChecks) checks, healthy \(healthy.signatureChecks)")
        // Every RRSIG is still listed, the ones not checked as such.
        let listed = report.rrsets.first?.rrsigs ?? []
        #expect(listed.filter { $0.status == .notChecked }.count == 33, "\(listed.map(\.status))")
    }

    @Test func theValidSignatureFirstStillValidates() async throws {
        let (report, _) = try await Self.analyze(try Self.signatureFlood(40, validFirst: true))
        #expect(report.status == .secure)
        #expect(!Self.codes(report).contains("RRSIG_VALIDATION_LIMIT"))
    }

    /// Without the per-RRset cap the flood would cost a check per RRSIG: the
    /// name's own budget stops it and says so.
    @Test func theNamesBudgetIsTheBackstop() async throws {
        var loose = CryptoLimits()
        loose.verificationsPerRRset = 100_000
        loose.verificationsPerName = 30
        let (report, work) = try await Self.analyze(try Self.signatureFlood(60), limits: loose)
        #expect(report.status == .bogus)
        let budget = report.findings.first { $0.code.rawValue == "CRYPTO_BUDGET_EXCEEDED" }
        #expect(budget?.message.contains("this name's budget of 30 signature checks is spent") == true, "\(Self.codes(report))")
        #expect(work.signatureChecks == 30)
    }
}

/// RFC 9276 §3.2: NSEC3 iterations are judged before any hashing. Above the
/// limit a validator treats the denial as insecure unchecked, and so does the
/// analysis: it spends no hash on it, and its check line says it is not
/// checked (the nsec3-iter200 golden shows that line).
struct NSEC3IterationTests {
    @Test func iterationsAboveTheLimitCostNoHash() async throws {
        let capture = try CaptureAnalysisTests.capture("nsec3-iter200")
        let observation = await CaptureAnalysisTests.observe(capture)
        func run(limit: UInt16) throws -> (NameReport, CryptoWork) {
            var policy = AnalysisPolicy()
            policy.nsec3IterationLimit = limit
            return Analyzer(anchors: try CaptureAnalysisTests.anchors(of: capture), policy: policy,
                            referenceTime: Int64(capture.endTime)).analyzeCounting(observation)
        }
        let (judged, unhashed) = try run(limit: 150)
        let (_, hashed) = try run(limit: 500)
        #expect(unhashed.nsec3Hashes < hashed.nsec3Hashes, "\(unhashed.nsec3Hashes) hashes at the limit, \(hashed.nsec3Hashes) above")
        #expect(judged.status == .insecure)
        let line = judged.zones.last?.checks.map(\.text).first { $0.contains("is not checked") }
        #expect(line?.contains("200 iterations, above the 150 validators accept") == true, "\(line ?? "no such check line")")
    }
}
