import DNSModel
import DNSSEC
import DNSSECAnalysis
import DNSSECProbe
import DNSSECTestSupport
import DNSTransport
import Foundation
import LDNSBridge
import Testing

/// Conditions the lab does not stage, produced from a healthy recorded
/// capture with one field changed: a garbage answer, an OPT record
/// stripped, a DS answer emptied, glue removed. Each names the one change
/// and checks the verdict and the codes it must cause.
struct MutatedCaptureTests {
    static func analyze(_ capture: Capture, anchors: TrustAnchors? = nil) async throws -> NameReport {
        try await CaptureAnalysisTests.analyze(capture, anchors: anchors)
    }

    static func codes(_ report: NameReport) -> Set<String> { Set(report.findings.map(\.code.rawValue)) }

    /// Rewrites the parsed response of every exchange that `matches`.
    static func mutate(_ capture: Capture, _ matches: (Exchange) -> Bool,
                       _ change: (inout Message) -> Void) throws -> Capture {
        var copy = capture
        var changed = 0
        for index in copy.exchanges.indices where matches(copy.exchanges[index]) {
            guard let bytes = copy.exchanges[index].response else { continue }
            var message = try WireFormat.parseMessage(bytes)
            change(&message)
            copy.exchanges[index].response = try WireFormat.encode(message)
            changed += 1
        }
        #expect(changed > 0, "the mutation matched no exchange")
        return copy
    }

    static func asked(_ name: String, _ type: RRType, at ip: String? = nil, transport: Transport = .udp) -> (Exchange) -> Bool {
        { exchange in
            exchange.question.name == (try? DNSName(name)) && exchange.question.type == type
                && (ip == nil || exchange.server.ip == ip) && exchange.options.transport == transport
        }
    }

    static var ok: Capture { get throws { try CaptureAnalysisTests.capture("ok") } }

    /// An anchor (the same holds for a DS) that matches only a key without
    /// the ZONE flag: the key is the cause, not its signature, and the report
    /// says so instead of "the trust anchor and the key it points to are right".
    @Test func anAnchorThatPointsToAKeyWithoutTheZoneFlag() async throws {
        let capture = try Self.ok
        var changed: Record?
        let mutated = try Self.mutate(capture, Self.asked(".", .dnskey)) { message in
            message.answer = message.answer.map { record in
                guard record.type == .dnskey, var key = try? DNSKEYData(rdata: record.rdata), key.isSecureEntryPoint else { return record }
                key.flags = DNSKEYData.sepFlag   // SEP, without ZONE
                var copy = record
                copy.rdata = key.rdata
                changed = copy
                return copy
            }
        }
        let key = try #require(changed)
        let digest = try #require(try LDNSCrypto.dsDigest(owner: .root, dnskey: key, digestType: DigestType(2)))
        var anchors = TrustAnchors()
        anchors.ds[.root] = [DSData(keyTag: LDNSCrypto.keyTag(dnskeyRDATA: key.rdata), algorithm: DNSSECAlgorithm(13),
                                    digestType: DigestType(2), digest: digest)]
        let report = try await Self.analyze(mutated, anchors: anchors)
        #expect(report.status == .bogus)
        let finding = try #require(report.findings.first { $0.code.rawValue == "NO_TRUST_ANCHOR_SIGNING" })
        #expect(finding.message.contains("lacks the ZONE flag"), "\(finding.message)")
        #expect(!finding.message.contains("are right"))
        #expect(finding.remedy.contains("ZONE flag"))
    }

    @Test func aTrustAnchorThatMatchesNoKey() async throws {
        let capture = try Self.ok
        var anchors = try CaptureAnalysisTests.anchors(of: capture)
        anchors.ds[.root] = anchors.ds[.root]?.map { ds in
            var wrong = ds
            wrong.digest[0] ^= 0xFF
            return wrong
        }
        let report = try await Self.analyze(capture, anchors: anchors)
        #expect(report.status == .bogus)
        #expect(Self.codes(report).contains("NO_TRUST_ANCHOR_SIGNING"))
        // The anchor is the validator's configuration: no "fix the DS at the parent" findings.
        #expect(!Self.codes(report).contains("DIGEST_INVALID"))
        let finding = report.findings.first { $0.code.rawValue == "NO_TRUST_ANCHOR_SIGNING" }
        #expect(finding?.message.contains("not its digest") == true, "\(finding?.message ?? "none")")
        #expect(report.fixFirst?.code.rawValue == "NO_TRUST_ANCHOR_SIGNING")
    }

    /// RFC 4035 §5.2 for an anchor in DNSKEY form, as for the DS form: a key
    /// of an algorithm no validator implements makes the zone insecure
    /// (unbound ignores such an anchor), not bogus (issue 14, trust anchors).
    @Test func aDNSKEYAnchorOfAnUnsupportedAlgorithmIsInsecure() async throws {
        let capture = try Self.ok
        var anchors = TrustAnchors()
        anchors.keys[.root] = [DNSKEYData(flags: 257, algorithm: DNSSECAlgorithm(12),
                                          publicKey: Array(repeating: 0xA5, count: 64))]
        let report = try await Self.analyze(capture, anchors: anchors)
        #expect(report.status == .insecure, "\(report.findings.map(\.code.rawValue))")
        let unsupported = try #require(report.findings.first { $0.code.rawValue == "ALGORITHM_NOT_SUPPORTED" })
        #expect(unsupported.severity == .warning)
        #expect(unsupported.message.contains("trust anchor DNSKEY") && unsupported.remedy.contains("--trust-anchor"),
                "\(unsupported.message) / \(unsupported.remedy)")
        #expect(!Self.codes(report).contains("NO_TRUST_ANCHOR_SIGNING"))
    }

    /// A ZSK whose signatures are seen only over NSEC and the SOA of negative
    /// answers (authority sections) signs something: no ZSK_PREPUBLISHED
    /// "signs nothing" for it (issue 14). Made by stripping the RRSIGs from
    /// the SOA answers of ok.lab., so the NXDOMAIN probe's are all that is left.
    @Test func aKeySeenSigningOnlyDenialsIsNotIdle() async throws {
        let capture = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .soa)) { message in
            message.answer.removeAll { $0.type == .rrsig }
        }
        let report = try await Self.analyze(capture)
        #expect(!Self.codes(report).contains("ZSK_PREPUBLISHED"), "\(report.findings.map { "\($0.code): \($0.message)" })")
        let zone = try #require(report.zones.last)
        #expect(zone.checks.contains { $0.text.hasPrefix("Key state: steady") }, "\(zone.checks.map(\.text))")
    }

    /// A zone trusted through an anchor in DNSKEY form has no DS RRset: a
    /// CDS that differs says the parent has no DS, not "the parent has : "
    /// (issue 14, CDS/CDNSKEY).
    @Test func aCDSComparedWithNoDSSaysSo() async throws {
        let capture = try CaptureAnalysisTests.capture("cds-bootstrap-signalled")
        let observation = await CaptureAnalysisTests.observe(capture)
        let zone = try #require(observation.zones.first { !$0.cdsAnswers.flatMap { $0.answerRecords($0.question.name, .cds) }.isEmpty })
        var anchors = try CaptureAnalysisTests.anchors(of: capture)
        anchors.keys[zone.zone] = zone.dnskeyAnswers.flatMap { $0.answerRecords(zone.zone, .dnskey) }.compactMap { try? DNSKEYData(rdata: $0.rdata) }.filter(\.isSecureEntryPoint)
        let report = try await Self.analyze(capture, anchors: anchors)
        let finding = try #require(report.findings.first { $0.code.rawValue == "CDS_INCONSISTENT_WITH_DS" },
                                   "\(report.findings.map { "\($0.code): \($0.message)" })")
        #expect(finding.message.contains("the parent has no DS (the zone's trust comes from an anchor)"), "\(finding.message)")
        #expect(!finding.message.contains("has :"))
    }

    @Test func garbageFromOneServerIsAnInvalidResponse() async throws {
        var capture = try Self.ok
        for index in capture.exchanges.indices where Self.asked("ok.lab.", .dnskey, at: "127.53.2.2")(capture.exchanges[index]) {
            var garbage = capture.exchanges[index].response ?? []
            garbage = Array(garbage.prefix(2)) + [0x81, 0x80, 0x00, 0x01, 0x00, 0x07, 0xFF, 0xFF]
            capture.exchanges[index].response = garbage
        }
        let report = try await Self.analyze(capture)
        #expect(report.status == .secure, "the other server answers")
        #expect(Self.codes(report) == ["SERVER_INVALID_RESPONSE_UDP"])
    }

    /// Malformed is not silent: when every server of ok.lab. answers with
    /// garbage, the finding is the malformed answers, never "no server
    /// answered … bring the servers back".
    @Test func garbageFromEveryServerIsNotSilence() async throws {
        var capture = try Self.ok
        var changed = 0
        for index in capture.exchanges.indices where ["127.53.2.1", "127.53.2.2"].contains(capture.exchanges[index].server.ip) {
            guard let response = capture.exchanges[index].response else { continue }
            capture.exchanges[index].response = Array(response.prefix(2)) + [0x81, 0x80, 0x00, 0x01, 0x00, 0x07, 0xFF, 0xFF]
            changed += 1
        }
        #expect(changed > 4)
        let report = try await Self.analyze(capture)
        #expect(report.status == .indeterminate, "unbound: SERVFAIL with and without +cd")
        let codes = Self.codes(report)
        #expect(codes.contains("SERVER_INVALID_RESPONSE_UDP"), "\(codes)")
        #expect(!codes.contains("NO_SERVER_ANSWERED"), "\(report.findings.map(\.message))")
        #expect(report.fixFirst?.code.rawValue == "SERVER_INVALID_RESPONSE_UDP")
    }

    /// TC=1 over TCP is not an empty answer ("servers return no DNSKEY"): it
    /// is a lost answer, with its own finding.
    @Test func truncatedOverTCPIsItsOwnFinding() async throws {
        let capture = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .soa, at: "127.53.2.2", transport: .tcp)) {
            $0.flags.insert(.tc)
            $0.answer = []
        }
        let report = try await Self.analyze(capture)
        #expect(report.status == .secure, "the UDP answers and the other server are fine")
        let finding = report.findings.first { $0.code.rawValue == "RESPONSE_TRUNCATED_TCP" }
        #expect(finding?.message.contains("ns2.ok.lab. (127.53.2.2:53) sets TC=1 over TCP for ok.lab. (SOA)") == true,
                "\(report.findings.map { "\($0.code): \($0.message)" })")
        #expect(!Self.codes(report).contains("SERVER_INVALID_RESPONSE_TCP"))
    }

    @Test func anAnswerWithoutOPTIgnoresEDNS() async throws {
        let capture = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .soa, at: "127.53.2.2")) { $0.edns = nil }
        let report = try await Self.analyze(capture)
        #expect(report.status == .secure)
        #expect(Self.codes(report) == ["EDNS_IGNORED"])
    }

    @Test func aMissingDSWithoutProofIsBogus() async throws {
        let capture = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .ds)) { message in
            message.answer = []
            message.authority = []
        }
        let report = try await Self.analyze(capture)
        #expect(report.status == .bogus)
        #expect(Self.codes(report).isSuperset(of: ["DS_ABSENCE_NOT_PROVEN", "MISSING_NSEC_FOR_NODATA"]))
    }

    @Test func parentServersDisagreeingOnTheDS() async throws {
        let capture = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .ds, at: "127.53.1.2")) { message in
            message.answer = []
        }
        let report = try await Self.analyze(capture)
        #expect(report.status == .secure, "the other parent server has the signed DS")
        #expect(Self.codes(report) == ["INCONSISTENT_DS"])
    }

    /// Issue 14 (per-server DNSSEC presence, Zonemaster DS05_SERVER_NO_DNSSEC,
    /// DS07_INCONSISTENT_SIGNED): one server answers DNSKEY with NOERROR and
    /// no DNSKEY while the other serves the keys. Named once, as that
    /// server's problem; that server's own verdict is not secure.
    @Test func aServerThatServesNoDNSKEYWhileTheOtherDoes() async throws {
        let capture = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .dnskey, at: "127.53.2.2")) { message in
            message.answer = []
        }
        let report = try await Self.analyze(capture)
        let finding = try #require(report.findings.first { $0.code.rawValue == "SERVER_NO_DNSKEY" }, "\(Self.codes(report))")
        #expect(finding.severity == .error)
        #expect(finding.servers.map(\.ip) == ["127.53.2.2"])
        #expect(finding.message.contains("127.53.2.2") && finding.message.contains("no DNSKEY"), "\(finding.message)")
        #expect(!report.findings.contains { $0.code.rawValue == "DNSKEY_MISSING_FROM_SERVERS" })
        let zone = try #require(report.zones.last)
        let verdict = try #require(zone.serverVerdicts.first { $0.server.description.hasPrefix("127.53.2.2") })
        #expect(verdict.verdict != .secure, "\(verdict)")
        #expect(report.fixFirst?.code.rawValue == "SERVER_NO_DNSKEY")
    }

    /// Issue 14, zone checks that do not depend on the chain: signal-ok.lab.
    /// is insecure (lab. proves it has no DS), yet its keys are judged as a
    /// secure zone's are: the key state, and a key of a reserved algorithm
    /// number added to its DNSKEY answers (DNSKEY_ALGORITHM_RESERVED).
    @Test func anInsecureZonesKeysAreStillJudged() async throws {
        let zone = try DNSName("signal-ok.lab.")
        let plain = try await Self.analyze(try Self.bootstrap)
        let before = try #require(plain.zones.first { $0.zone == zone })
        #expect(before.status == .insecure)
        #expect(before.checks.contains { $0.text.hasPrefix("Key state: steady") }, "\(before.checks.map(\.text))")
        let odd = DNSKEYData(flags: 256, algorithm: DNSSECAlgorithm(200), publicKey: Array(repeating: 7, count: 32))
        let capture = try Self.mutate(try Self.bootstrap, Self.asked("signal-ok.lab.", .dnskey)) { message in
            message.answer.append(Record(owner: zone, type: .dnskey, rrClass: .in, ttl: 300, rdata: odd.rdata))
        }
        let report = try await Self.analyze(capture)
        let finding = try #require(report.findings.first { $0.code.rawValue == "DNSKEY_ALGORITHM_RESERVED" }, "\(Self.codes(report))")
        #expect(finding.zone == zone)
        #expect(finding.message.contains("algorithm 200"))
        #expect(!Self.codes(report).contains("ZSK_PREPUBLISHED"), "a key no validator can use is no pre-published ZSK")
    }

    /// Issue 14, zone checks that do not depend on the chain: with no trust
    /// anchor every zone of ok.lab.'s path is insecure, yet each zone's own
    /// denial is judged with the keys that sign its DNSKEY RRset. One ok.lab.
    /// server's NXDOMAIN without NSEC is reported (before: nothing, the
    /// proof was checked only on a validated chain); a zone whose own DNSKEY
    /// RRset does not validate is left out (those findings would be
    /// consequences).
    @Test func anInsecureZonesDenialIsStillJudged() async throws {
        let zone = try DNSName("ok.lab.")
        let probe = try #require(ZoneObservation(zone: zone, parent: nil, nameServers: [:], servers: [], dsAnswers: []).nxdomainProbeName)
        let plain = try await Self.analyze(try Self.ok, anchors: TrustAnchors())
        #expect(plain.status == .insecure)
        let leaf = try #require(plain.zones.first { $0.zone == zone })
        #expect(leaf.checks.contains { $0.text == "NSEC proves that \(probe) does not exist" }, "\(leaf.checks.map(\.text))")

        let stripped = try Self.mutate(try Self.ok, Self.asked(probe.description, .a, at: "127.53.2.2")) { message in
            message.authority.removeAll { $0.type == .nsec || ($0.type == .rrsig && $0.owner != zone) }
        }
        let report = try await Self.analyze(stripped, anchors: TrustAnchors())
        #expect(report.status == .insecure, "a zone-level finding does not change the name's verdict")
        let finding = try #require(report.findings.first { $0.code.rawValue == "MISSING_NSEC_FOR_NXDOMAIN" }, "\(Self.codes(report))")
        #expect(finding.zone == zone && finding.servers.map(\.ip) == ["127.53.2.2"])
        #expect(finding.severity == .warning, "the other server proves it")

        // The zone's DNSKEY RRset no longer validates with its own keys: no denial judged.
        let unsigned = try Self.mutate(stripped, Self.asked("ok.lab.", .dnskey)) { message in
            message.answer.removeAll { $0.type == .rrsig }
        }
        let bare = try await Self.analyze(unsigned, anchors: TrustAnchors())
        #expect(!Self.codes(bare).contains("MISSING_NSEC_FOR_NXDOMAIN"), "\(Self.codes(bare))")
        #expect(!(bare.zones.first { $0.zone == zone }?.checks ?? []).contains { $0.text.contains("proves that") })
    }

    /// Issue 14, zone checks that do not depend on the chain (Zonemaster
    /// DNSSEC09): with no trust anchor ok.lab. is insecure, yet a broken SOA
    /// signature on one server is judged with the zone's own keys (before:
    /// only on a validated chain); the verdict stays insecure.
    @Test func anInsecureZonesSOASignatureIsStillJudged() async throws {
        let zone = try DNSName("ok.lab.")
        let plain = try await Self.analyze(try Self.ok, anchors: TrustAnchors())
        #expect(!Self.codes(plain).contains("SIGNATURE_INVALID"), "\(Self.codes(plain))")
        let broken = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .soa, at: "127.53.2.2")) { message in
            for index in message.answer.indices where message.answer[index].type == .rrsig {
                message.answer[index].rdata[message.answer[index].rdata.count - 1] ^= 0x55
            }
        }
        let report = try await Self.analyze(broken, anchors: TrustAnchors())
        #expect(report.status == .insecure, "a zone-level finding does not change the name's verdict")
        let finding = try #require(report.findings.first { $0.code.rawValue == "SIGNATURE_INVALID" && $0.zone == zone }, "\(Self.codes(report))")
        #expect(finding.servers.map(\.ip) == ["127.53.2.2"], "\(finding)")
    }

    /// Issue 14, zone checks that do not depend on the chain (Zonemaster
    /// DNSSEC15-17): with no trust anchor signal-ok.lab. is insecure without
    /// the bootstrap path, yet its CDS/CDNSKEY are judged with its own keys:
    /// CDNSKEY removed on every server leaves the CDS unpaired (before: only
    /// on a validated chain or the bootstrap path).
    @Test func anInsecureZonesCDSIsStillJudged() async throws {
        let zone = try DNSName("signal-ok.lab.")
        let plain = try await Self.analyze(try Self.bootstrap, anchors: TrustAnchors())
        #expect(!Self.codes(plain).contains("CDS_CDNSKEY_UNPAIRED"), "\(Self.codes(plain))")
        let capture = try Self.mutate(try Self.bootstrap, Self.asked("signal-ok.lab.", .cdnskey)) { message in
            message.answer.removeAll { $0.owner == zone }
        }
        let report = try await Self.analyze(capture, anchors: TrustAnchors())
        #expect(report.status == .insecure)
        let finding = try #require(report.findings.first { $0.code.rawValue == "CDS_CDNSKEY_UNPAIRED" }, "\(Self.codes(report))")
        #expect(finding.zone == zone && finding.message.contains("CDS but no CDNSKEY"), "\(finding)")
    }

    /// Issue 14 (Zonemaster DNSSEC10, DS10_INCONSISTENT_NSEC and
    /// DS10_NSEC_MISMATCHES_APEX): the apex's NODATA answers (here CDS, which
    /// ok.lab. does not publish) must prove themselves. One server's without
    /// its NSEC is one finding naming that server and the type; the name
    /// stays secure (its own answers validate). Before, only the SOA of
    /// those answers was looked at.
    @Test func anApexNODATAWithoutItsProofIsReported() async throws {
        let zone = try DNSName("ok.lab.")
        let plain = try await Self.analyze(try Self.ok)
        #expect(!Self.codes(plain).contains("MISSING_NSEC_FOR_NODATA"))
        let stripped = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .cds, at: "127.53.2.2")) { message in
            message.authority.removeAll { $0.type == .nsec || ($0.type == .rrsig && $0.owner == zone && (try? RRSIGData(rdata: $0.rdata))?.typeCovered == .nsec) }
        }
        let report = try await Self.analyze(stripped)
        #expect(report.status == .secure)
        let finding = try #require(report.findings.first { $0.code.rawValue == "MISSING_NSEC_FOR_NODATA" }, "\(Self.codes(report))")
        #expect(finding.zone == zone && finding.servers.map(\.ip) == ["127.53.2.2"], "\(finding.servers)")
        #expect(finding.message.contains("NODATA at the apex of ok.lab. (CDS)"), "\(finding.message)")
        #expect(finding.severity == .warning && finding.message.hasSuffix("(other servers prove it)"), "\(finding.message)")
        #expect(report.findings.filter { $0.code.rawValue == "MISSING_NSEC_FOR_NODATA" }.count == 1)

        // No server proves it: an error, one finding listing both servers.
        let everywhere = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .cds)) { message in
            message.authority.removeAll { $0.type == .nsec || ($0.type == .rrsig && $0.owner == zone && (try? RRSIGData(rdata: $0.rdata))?.typeCovered == .nsec) }
        }
        let both = try await Self.analyze(everywhere)
        let all = both.findings.filter { $0.code.rawValue == "MISSING_NSEC_FOR_NODATA" }
        #expect(all.count == 1 && all.first?.severity == .error && all.first?.servers.count == 2, "\(all)")

        // A server that sends no DNSSEC records at all (no RRSIG over its SOA) has
        // that as its finding; its unproven NODATA is a consequence, not reported.
        let unsigned = try Self.mutate(stripped, { Self.asked("ok.lab.", .soa, at: "127.53.2.2")($0) }) { message in
            message.answer.removeAll { $0.type == .rrsig }
        }
        let quiet = try await Self.analyze(unsigned)
        #expect(!quiet.findings.contains { $0.code.rawValue == "MISSING_NSEC_FOR_NODATA" }, "\(Self.codes(quiet))")
    }

    /// Issue 14 (Zonemaster DS03_ERROR_RESPONSE_NSEC_QUERY,
    /// DS10_NSEC3PARAM_QUERY_RESPONSE_ERR): a server that answers SOA and
    /// DNSKEY but refuses CDS and drops AA on NSEC3PARAM is one
    /// APEX_QUERY_FAILED finding naming each type and why. Before: nothing
    /// (those answers were skipped as unusable).
    @Test func aServerFailingOtherApexQuestionsIsNamed() async throws {
        #expect(!Self.codes(try await Self.analyze(try Self.ok)).contains("APEX_QUERY_FAILED"))
        var capture = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .cds, at: "127.53.2.2")) { message in
            message.rcode = .refused
            message.authority = []
        }
        capture = try Self.mutate(capture, Self.asked("ok.lab.", .nsec3param, at: "127.53.2.2")) { message in
            message.flags.remove(.aa)
        }
        let report = try await Self.analyze(capture)
        #expect(report.status == .secure)
        let findings = report.findings.filter { $0.code.rawValue == "APEX_QUERY_FAILED" }
        #expect(findings.count == 1, "\(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.servers.map(\.ip) == ["127.53.2.2"] && finding.severity == .warning)
        #expect(finding.message.contains("NSEC3PARAM: an answer without AA") && finding.message.contains("CDS: REFUSED"), "\(finding.message)")
    }

    /// Parent servers that disagree on the DS matter under an insecure
    /// parent too (issue 14): with no trust anchor the whole chain is
    /// insecure, and one lab. server's DS answer for ok.lab. emptied is
    /// still INCONSISTENT_DS.
    @Test func parentServersDisagreeingOnTheDSUnderAnInsecureParent() async throws {
        let capture = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .ds, at: "127.53.1.2")) { message in
            message.answer = []
        }
        let report = try await Self.analyze(capture, anchors: TrustAnchors())
        #expect(report.status == .insecure)
        let finding = try #require(report.findings.first { $0.code.rawValue == "INCONSISTENT_DS" }, "\(Self.codes(report))")
        #expect(finding.zone == (try DNSName("ok.lab.")))
        #expect(finding.message.contains("no DS on 127.53.1.2:53"), "\(finding.message)")
    }

    @Test func aNameServerTheChildDoesNotList() async throws {
        let ns2 = try DNSName("ns2.ok.lab.")
        let capture = try Self.mutate(try Self.ok, Self.asked("ok.lab.", .ns)) { message in
            message.answer.removeAll { $0.type == .ns && (try? NameData(rdata: $0.rdata).target) == ns2 }
        }
        let report = try await Self.analyze(capture)
        #expect(report.status == .secure)
        #expect(Self.codes(report) == ["NS_NAME_NOT_IN_CHILD"])
    }

    /// The referral for ok.lab. comes from lab.'s servers (127.53.1.x).
    static func referralFromLab(_ exchange: Exchange) -> Bool {
        asked("www.ok.lab.", .a)(exchange) && exchange.server.ip.hasPrefix("127.53.1.")
    }

    @Test func aNameServerWithoutGlue() async throws {
        let ns1 = try DNSName("ns1.ok.lab.")
        let capture = try Self.mutate(try Self.ok, Self.referralFromLab) { message in
            message.additional.removeAll { $0.owner == ns1 }
        }
        let report = try await Self.analyze(capture)
        #expect(report.status == .secure, "ns2 still has glue")
        #expect(Self.codes(report).contains("MISSING_GLUE_FOR_NS_NAME"))
    }

    @Test func aDelegationWithoutAnyAddressStopsTheWalk() async throws {
        let capture = try Self.mutate(try Self.ok, Self.referralFromLab) { message in
            message.additional.removeAll { $0.type == .a || $0.type == .aaaa }
        }
        let report = try await Self.analyze(capture)
        #expect(report.status == .indeterminate)
        #expect(Self.codes(report).contains("WALK_INCOMPLETE"))
    }

    @Test func aServerThatAnswersAnUnknownEDNSVersion() async throws {
        // The capture predates the EDNS-version check: add the version-1 SOA
        // exchange, answered as a server that ignores the version would (NOERROR).
        var capture = try Self.ok
        let soa = try #require(capture.exchanges.first { Self.asked("ok.lab.", .soa, at: "127.53.2.2")($0) })
        var versionOne = soa
        versionOne.options.ednsVersion = 1
        capture.exchanges.append(versionOne)
        let report = try await Self.analyze(capture)
        #expect(report.status == .secure)
        #expect(Self.codes(report) == ["EDNS_VERSION_MISMATCH"])

        // BADVERS with version 0, as RFC 6891 §6.1.3 asks, is fine.
        var badvers = versionOne
        var message = try WireFormat.parseMessage(try #require(soa.response))
        message.rcode = .badVers
        message.answer = []
        badvers.response = try WireFormat.encode(message)
        capture.exchanges[capture.exchanges.count - 1] = badvers
        #expect(Self.codes(try await Self.analyze(capture)).isEmpty)
    }

    static var bootstrap: Capture { get throws { try CaptureAnalysisTests.capture("cds-bootstrap-signalled") } }

    @Test func serversThatDisagreeOnCDSAreNotReadyForBootstrapping() async throws {
        // One server of signal-ok.lab. stops publishing CDS: a careful parent waits.
        let capture = try Self.mutate(try Self.bootstrap, Self.asked("signal-ok.lab.", .cds, at: "127.53.2.2")) { message in
            message.answer.removeAll { $0.type == .cds || $0.type == .rrsig }
        }
        let report = try await Self.analyze(capture)
        #expect(report.status == .insecure)
        #expect(Self.codes(report).contains("MULTIPLE_CDS"))
        #expect(!Self.codes(report).contains("CDS_BOOTSTRAP_READY"))
    }

    @Test func aSignalThatDoesNotValidateIsInvalid() async throws {
        // Under ns2.nsop.lab. the signalling CDNSKEY stays but the CDS answer is
        // emptied, without a denial proof: that signal is bogus.
        let capture = try Self.mutate(try Self.bootstrap,
                                      Self.asked("_dsboot.signal-ok.lab._signal.ns2.nsop.lab.", .cds)) { message in
            message.answer.removeAll { $0.type == .cds || $0.type == .rrsig }
        }
        let report = try await Self.analyze(capture)
        let invalid = report.findings.first { $0.code.rawValue == "BOOTSTRAP_SIGNAL_INVALID" }
        #expect(invalid?.message.contains("ns2.nsop.lab.: the signalling records are bogus") == true, "\(invalid?.message ?? "none")")
        #expect(invalid?.message.contains("ns1.nsop.lab.") == false)
        let ready = report.findings.first { $0.code.rawValue == "CDS_BOOTSTRAP_READY" }
        #expect(ready?.message.contains("authenticated by RFC 9615") == false, "\(ready?.message ?? "none")")
    }

    @Test func nsec3RecordsThatDisagreeWithNSEC3PARAM() async throws {
        let original = try CaptureAnalysisTests.capture("nsec3-optout-nxdomain")
        let capture = try Self.mutate(original, Self.asked("nsec3-optout.lab.", .nsec3param)) { message in
            for index in message.answer.indices where message.answer[index].type == .nsec3param {
                message.answer[index].rdata[3] = 7   // iterations 0 → 7
            }
        }
        let report = try await Self.analyze(capture)
        #expect(Self.codes(report).isSuperset(of: ["NSEC3_PARAMETERS_INCONSISTENT", "NONZERO_NSEC3_ITERATION_COUNT"]))
    }

    /// An apex NODATA answer needs the apex NSEC only (Zonemaster
    /// DS10_ERR_MULT_NSEC): one with a second NSEC record is named, once per
    /// server, and the proof still holds.
    @Test func anApexNODATAWithExtraDenialRecordsIsNamed() async throws {
        let original = try CaptureAnalysisTests.capture("ok")
        #expect(!Self.codes(try await Self.analyze(original)).contains("NODATA_EXTRA_DENIAL_RECORDS"))
        let capture = try Self.mutate(original, Self.asked("ok.lab.", .cds, at: "127.53.2.1")) { message in
            guard var extra = message.authority.first(where: { $0.type == .nsec }) else { return }
            extra.owner = try! DNSName("zz.ok.lab.")
            message.authority.append(extra)
        }
        let report = try await Self.analyze(capture)
        let found = report.findings.filter { $0.code == .nodataExtraDenialRecords }
        #expect(found.count == 1 && found.first?.severity == .warning, "\(found)")
        #expect(found.first?.servers.map(\.ip) == ["127.53.2.1"])
        #expect(found.first?.message.contains("(CDS) with up to 2 NSEC/NSEC3 records") == true, "\(found)")
        #expect(report.status == .secure)
    }

    /// The same NSEC3 record must carry the same opt-out flag on every
    /// server (Zonemaster DS03_INCONSISTENT_NSEC3_FLAGS): ns1's copy of the
    /// probe's records loses the flag, so the servers serve two signings.
    @Test func serversThatDisagreeOnNSEC3OptOutAreNamed() async throws {
        let original = try CaptureAnalysisTests.capture("nsec3-optout-nxdomain")
        #expect(!Self.codes(try await Self.analyze(original)).contains("NSEC3_OPT_OUT_INCONSISTENT"))
        let capture = try Self.mutate(original, Self.asked("dnssec-check-nx-probe.nsec3-optout.lab.", .a, at: "127.53.2.1")) { message in
            for index in message.authority.indices where message.authority[index].type == .nsec3 {
                message.authority[index].rdata[1] &= 0xFE
            }
        }
        let report = try await Self.analyze(capture)
        let found = report.findings.filter { $0.code == .nsec3OptOutInconsistent }
        #expect(found.count == 1 && found.first?.severity == .warning, "\(found)")
        #expect(found.first?.servers.map(\.ip) == ["127.53.2.1", "127.53.2.2"], "\(found)")
        #expect(found.first?.message.contains("opt-out on ns2.nsec3-optout.lab. (127.53.2.2:53) but not on ns1.nsec3-optout.lab. (127.53.2.1:53)") == true, "\(found)")
    }

    /// The answer to an apex question holds the RRset asked for and its
    /// signatures (Zonemaster DS10_NSEC3PARAM_GIVES_ERR_ANSWER,
    /// DS10_NSEC3PARAM_MISMATCHES_APEX): records of another owner or type
    /// are named per server, and a stray NSEC3PARAM is not taken as the zone's.
    @Test func recordsNotAskedForInAnApexAnswerAreNamed() async throws {
        let original = try CaptureAnalysisTests.capture("ok")
        #expect(!Self.codes(try await Self.analyze(original)).contains("UNEXPECTED_ANSWER_RECORDS"))
        var capture = try Self.mutate(original, Self.asked("ok.lab.", .nsec3param, at: "127.53.2.2")) { message in
            message.answer = [Record(owner: try! DNSName("stray.ok.lab."), type: .nsec3param, ttl: 300, rdata: [1, 0, 0, 0, 0])]
        }
        capture = try Self.mutate(capture, Self.asked("ok.lab.", .cds, at: "127.53.2.2")) { message in
            message.answer = [Record(owner: try! DNSName("ok.lab."), type: .a, ttl: 300, rdata: [127, 53, 0, 1])]
        }
        let report = try await Self.analyze(capture)
        let found = report.findings.filter { $0.code == .unexpectedAnswerRecords }
        #expect(found.count == 1 && found.first?.servers.map(\.ip) == ["127.53.2.2"], "\(found)")
        #expect(found.first?.message.contains("NSEC3PARAM with stray.ok.lab. NSEC3PARAM") == true, "\(found)")
        #expect(found.first?.message.contains("CDS with ok.lab. A") == true, "\(found)")
        #expect(!Self.codes(report).contains("NSEC3PARAM_DENIAL_MISMATCH"), "the stray record is not the zone's NSEC3PARAM")
        #expect(report.status == .secure)
    }

    /// The NSEC3PARAM must describe the chain a server denies with
    /// (Zonemaster DS10_INCONSISTENT_NSEC3): one published beside NSEC,
    /// or NSEC3 without one, is named with the servers concerned.
    @Test func anNSEC3PARAMThatDoesNotMatchTheDenialIsNamed() async throws {
        let nsec = try CaptureAnalysisTests.capture("ok")
        #expect(!Self.codes(try await Self.analyze(nsec)).contains("NSEC3PARAM_DENIAL_MISMATCH"))
        let stray = try Self.mutate(nsec, Self.asked("ok.lab.", .nsec3param, at: "127.53.2.2")) { message in
            message.answer = [Record(owner: try! DNSName("ok.lab."), type: .nsec3param, ttl: 300, rdata: [1, 0, 0, 0, 0])]
            message.authority = []
        }
        let strayReport = try await Self.analyze(stray)
        let found = strayReport.findings.filter { $0.code == .nsec3paramDenialMismatch }
        #expect(found.count == 1 && found.first?.servers.map(\.ip) == ["127.53.2.2"], "\(found)")
        #expect(found.first?.message.contains("publishes NSEC3PARAM but denies with NSEC") == true, "\(found)")

        let nsec3 = try CaptureAnalysisTests.capture("nsec3-optout-nxdomain")
        #expect(!Self.codes(try await Self.analyze(nsec3)).contains("NSEC3PARAM_DENIAL_MISMATCH"))
        let missing = try Self.mutate(nsec3, Self.asked("nsec3-optout.lab.", .nsec3param)) { message in
            message.answer.removeAll { $0.type == .nsec3param || $0.type == .rrsig }
        }
        let missingReport = try await Self.analyze(missing)
        let absent = missingReport.findings.filter { $0.code == .nsec3paramDenialMismatch }
        #expect(absent.count == 1 && absent.first?.message.contains("denies with NSEC3 but publishes no NSEC3PARAM") == true, "\(absent)")
    }

    /// RFC 5155 §8.2: an NSEC3 record with flags other than 0 or 1 is
    /// ignored by validators. Named once for the zone (with the flags),
    /// whatever its signature; the lab row nsec3-unknown-flags-nxdomain has
    /// such records correctly signed, where unbound fails the denial.
    @Test func nsec3RecordsWithUnassignedFlagsAreNamed() async throws {
        let original = try CaptureAnalysisTests.capture("nsec3-optout-nxdomain")
        #expect(!Self.codes(try await Self.analyze(original)).contains("NSEC3_UNKNOWN_FLAGS"))
        let capture = try Self.mutate(original, Self.asked("nx.nsec3-optout.lab.", .a)) { message in
            for index in message.authority.indices where message.authority[index].type == .nsec3 {
                message.authority[index].rdata[1] = 3   // opt-out and an unassigned bit
            }
        }
        let report = try await Self.analyze(capture)
        let found = report.findings.filter { $0.code == .nsec3UnknownFlags }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.severity == .error && found.first?.message.contains("flags 3") == true, "\(found)")
        #expect(report.status == .bogus)
        #expect(report.fixFirst?.code == .nsec3UnknownFlags, "the flags explain the failed denials: \(String(describing: report.fixFirst))")
    }
}

/// Hostile or broken servers: random corruption of recorded answers must
/// give a report, whatever it says, and never a trap.
struct CorruptedCaptureTests {
    @Test("random byte flips in recorded answers never trap", arguments: ["ok", "nsec3-optout-nxdomain", "wildcard-no-proof"])
    func randomFlips(_ name: String) async throws {
        let original = try CaptureAnalysisTests.capture(name)
        var random = SeededGenerator(seed: 0xD15EC)
        for round in 0..<60 {
            var capture = original
            // Flip a few bytes in a few responses; keep the header's ID so most still parse.
            for _ in 0..<3 {
                let index = Int.random(in: capture.exchanges.indices, using: &random)
                guard var bytes = capture.exchanges[index].response, bytes.count > 12 else { continue }
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let at = Int.random(in: 2..<bytes.count, using: &random)
                    bytes[at] ^= UInt8.random(in: 1...255, using: &random)
                }
                if round % 5 == 0 { bytes = Array(bytes.prefix(Int.random(in: 12..<bytes.count, using: &random))) }
                capture.exchanges[index].response = bytes
            }
            let report = try await MutatedCaptureTests.analyze(capture)
            #expect(report.name == capture.names.first, "the report is of the name the capture asked")
        }
    }
}
