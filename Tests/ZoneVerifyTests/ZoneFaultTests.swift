import DNSModel
import DNSSECAnalysis
import DNSSECTestSupport
import Foundation
import LDNSBridge
import Testing
import ZoneVerify

/// `dnssec-check zone` on zones signed at test time by ldns-signzone (NSEC
/// and NSEC3), each with one fault injected by editing the signed text:
/// every fault is named with its code, a clean zone has no finding, and
/// ldns-verify-zone rejects the same faulted zones we call bogus.
struct ZoneFaultTests {
    static let hasLDNS = TestProcess.which("ldns-keygen") != nil && TestProcess.which("ldns-signzone") != nil

    static let unsigned = """
        $ORIGIN example.
        $TTL 300
        @       IN SOA ns1 hostmaster 2026120101 7200 3600 1209600 300
        @       IN NS  ns1
        @       IN MX  10 mail
        ns1     IN A   192.0.2.1
        mail    IN A   192.0.2.2
        www     IN A   192.0.2.3
        www     IN AAAA 2001:db8::3
        a.b.ent IN TXT "below an empty non-terminal"
        sub     IN NS  ns.sub
        ns.sub  IN A   192.0.2.53
        secure  IN NS  ns.secure
        secure  IN DS  12345 13 2 0c5a2cbd3c0d2a1e6b2c5d0f1e3a5b7c9d1f3e5a7b9c1d3e5f7a9b1c3d5e7f9a
        ns.secure IN A 192.0.2.54
        """

    /// A signed copy of `unsigned` (NSEC, or NSEC3 with no salt and 0 iterations), and its KSK as a DS line.
    struct Signed {
        var text: String
        var ksk: String
        var directory: URL
    }

    static func sign(nsec3: Bool, extraAlgorithm: Bool = false, expired: Bool = false) throws -> Signed {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func tool(_ name: String, _ arguments: [String]) throws -> String {
            let result = try TestProcess.run(try #require(TestProcess.which(name)), arguments, directory: directory)
            guard result.status == 0 else { throw TestProcessFailure("\(name) \(arguments): \(result.stderr)") }
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let zsk = try tool("ldns-keygen", ["-a", "ECDSAP256SHA256", "example."])
        let ksk = try tool("ldns-keygen", ["-a", "ECDSAP256SHA256", "-k", "example."])
        var keys = [zsk, ksk]
        // A second algorithm, as a KSK and a ZSK: every RRset is then signed with both (RFC 4035 §2.2).
        if extraAlgorithm {
            keys.append(try tool("ldns-keygen", ["-a", "ED25519", "example."]))
            keys.append(try tool("ldns-keygen", ["-a", "ED25519", "-k", "example."]))
        }
        try unsigned.write(to: directory.appendingPathComponent("example.zone"), atomically: true, encoding: .utf8)
        var arguments = ["-o", "example."]
        if nsec3 { arguments += ["-n", "-t", "0"] }
        if expired { arguments += ["-i", "20200101000000", "-e", "20200201000000"] }
        _ = try tool("ldns-signzone", arguments + ["example.zone"] + keys)
        let text = try String(contentsOf: directory.appendingPathComponent("example.zone.signed"), encoding: .utf8)
        let ds = try String(contentsOf: directory.appendingPathComponent("\(ksk).ds"), encoding: .utf8)
        return Signed(text: text, ksk: ds.trimmingCharacters(in: .whitespacesAndNewlines), directory: directory)
    }

    static let now = Int64(Date().timeIntervalSince1970)

    /// Verified now (ldns-signzone's inception is the moment it signs), or at `time`.
    static func verify(_ text: String, ds: [String] = [], at time: Int64? = nil) throws -> ZoneVerification {
        let time = time ?? Int64(Date().timeIntervalSince1970) + 1
        let zone = try SignedZone(records: try ZoneFileReader.parse(text))
        var options = ZoneVerifier.Options(referenceTime: time)
        options.parentDS = try ds.map { try DSData(rdata: try Presentation.parseRecord($0).rdata) }
        return ZoneVerifier(options: options).verify(zone)
    }

    static func codes(_ verification: ZoneVerification) -> Set<String> { Set(verification.findings.map(\.diagnostic.code.rawValue)) }

    /// The signed text with each line for which `matches` holds replaced by `change` (nil drops it).
    static func edit(_ text: String, where matches: (String) -> Bool, _ change: (String) -> String?, count: Int = 1) -> String {
        var done = 0
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            let line = String(line)
            guard done < count, matches(line) else { return line }
            done += 1
            return change(line)
        }.joined(separator: "\n")
    }

    static func fields(_ line: String) -> [String] { line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }

    /// An RRSIG line covering `type` at `owner`.
    static func rrsig(_ owner: String, _ type: String) -> (String) -> Bool {
        { line in let f = fields(line); return f.count > 5 && f[0] == owner && f[3] == "RRSIG" && f[4] == type }
    }

    /// The peer verifiers installed here and how each is run on a file of `example.`.
    static let peers = ["ldns-verify-zone", "dnssec-verify", "kzonecheck"].filter { TestProcess.which($0) != nil }

    static func peerArguments(_ peer: String, _ file: String) -> [String] {
        switch peer {
        case "dnssec-verify": return ["-q", "-o", "example.", file]
        case "kzonecheck": return ["-o", "example.", "-d", "on", file]
        default: return [file]
        }
    }

    /// Each installed peer's verdict on the text (at the current time): true when it accepts.
    static func peerVerdicts(_ text: String, in directory: URL) throws -> [String: Bool] {
        let file = directory.appendingPathComponent("check-\(UUID().uuidString).zone")
        try text.write(to: file, atomically: true, encoding: .utf8)
        var verdicts: [String: Bool] = [:]
        for peer in peers {
            verdicts[peer] = try TestProcess.run(TestProcess.which(peer)!, peerArguments(peer, file.path)).status == 0
        }
        return verdicts
    }

    @Test(.enabled(if: hasLDNS, "apt-get install ldnsutils"), arguments: [false, true])
    func aCleanZoneVerifies(nsec3: Bool) throws {
        let signed = try Self.sign(nsec3: nsec3)
        let result = try Self.verify(signed.text, ds: [signed.ksk])
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.diagnostic.code): \($0.diagnostic.message)" })")
        #expect(result.status == .secure)
        #expect(result.denial == (nsec3 ? "NSEC3" : "NSEC"))
        #expect(result.signaturesChecked >= 10)
        #expect(result.earliestExpiration.map { $0 > Self.now } == true)
        let verdicts = try Self.peerVerdicts(signed.text, in: signed.directory)
        #expect(verdicts.values.allSatisfy { $0 }, "peers reject a clean zone: \(verdicts)")
    }

    /// One fault, the code it must produce, and whether ldns-verify-zone must reject it too.
    struct Fault: CustomStringConvertible, Sendable {
        var name: String
        var nsec3: Bool
        var code: DiagnosticCode
        var peerRejects: Bool
        /// Peers known not to see this fault (recorded, so a change in them shows).
        var peersThatMiss: Set<String> = []
        var description: String { "\(name)\(nsec3 ? " (NSEC3)" : "")" }
    }

    static let faults: [Fault] = [
        Fault(name: "bad signature", nsec3: false, code: .signatureInvalid, peerRejects: true),
        Fault(name: "missing RRSIG", nsec3: false, code: .missingRRSIG, peerRejects: true),
        Fault(name: "broken NSEC link", nsec3: false, code: .nsecChainBroken, peerRejects: true),
        Fault(name: "NSEC bitmap", nsec3: false, code: .nsecBitmapMismatch, peerRejects: true),
        Fault(name: "NSEC3 bitmap", nsec3: true, code: .nsec3BitmapMismatch, peerRejects: true),
        Fault(name: "NSEC3 of other parameters", nsec3: true, code: .nsec3ParametersInconsistent, peerRejects: true),
        Fault(name: "missing NSEC3", nsec3: true, code: .nsec3Missing, peerRejects: true),
        // (Its signature no longer verifies either: that is what the peers see.)
        Fault(name: "NSEC3 with unassigned flags", nsec3: true, code: .nsec3UnknownFlags, peerRejects: true),
        Fault(name: "glue signed", nsec3: false, code: .glueSigned, peerRejects: false),
        Fault(name: "CDS for no key", nsec3: false, code: .cdsWouldBreakChain, peerRejects: true),
        Fault(name: "DS file for no key", nsec3: false, code: .dsNoMatchingDNSKEY, peerRejects: false),
    ]

    @Test(.enabled(if: hasLDNS, "apt-get install ldnsutils"), arguments: faults)
    func eachFaultIsNamed(_ fault: Fault) throws {
        let signed = try Self.sign(nsec3: fault.nsec3)
        var text = signed.text
        var ds = [signed.ksk]
        switch fault.name {
        case "bad signature":
            // Flip one character of the base64 signature of www's A RRSIG.
            text = Self.edit(text, where: Self.rrsig("www.example.", "A")) { line in
                var chars = Array(line)
                let index = chars.count - 5
                chars[index] = chars[index] == "A" ? "B" : "A"
                return String(chars)
            }
        case "missing RRSIG":
            text = Self.edit(text, where: Self.rrsig("mail.example.", "A")) { _ in nil }
        case "broken NSEC link":
            text = Self.edit(text, where: { Self.fields($0).count > 4 && Self.fields($0)[0] == "mail.example." && Self.fields($0)[3] == "NSEC" }) { line in
                var f = Self.fields(line)
                f[4] = "zzz.example."
                return f.joined(separator: "\t")
            }
        case "NSEC bitmap", "NSEC3 bitmap":
            // Drop AAAA from www's bitmap (NSEC: at www; NSEC3: the record whose bitmap has AAAA).
            text = Self.edit(text, where: { line in
                let f = Self.fields(line)
                return f.count > 4 && (f[3] == "NSEC" || f[3] == "NSEC3") && f.contains("AAAA")
            }) { line in Self.fields(line).filter { $0 != "AAAA" }.joined(separator: "\t") }
        case "NSEC3 of other parameters":
            // One NSEC3 with 5 iterations instead of 0 (fields: owner ttl class NSEC3 alg flags iterations salt next types).
            text = Self.edit(text, where: { Self.fields($0).count > 6 && Self.fields($0)[3] == "NSEC3" }) { line in
                var f = Self.fields(line)
                f[6] = "5"
                return f.joined(separator: "\t")
            }
        case "NSEC3 with unassigned flags":
            text = Self.edit(text, where: { Self.fields($0).count > 6 && Self.fields($0)[3] == "NSEC3" }) { line in
                var f = Self.fields(line)
                f[5] = "2"
                return f.joined(separator: "\t")
            }
        case "missing NSEC3":
            text = Self.edit(text, where: { Self.fields($0).count > 3 && Self.fields($0)[3] == "NSEC3" }) { _ in nil }
        case "glue signed":
            // An RRSIG over the glue below sub. (a copy of www's, renamed).
            let line = try #require(text.split(separator: "\n").map(String.init).first(where: Self.rrsig("www.example.", "A")))
            var f = Self.fields(line)
            f[0] = "ns.sub.example."
            text += "\n" + f.joined(separator: "\t") + "\n"
        case "CDS for no key":
            text += "\nexample.\t300\tIN\tCDS\t54321 13 2 0c5a2cbd3c0d2a1e6b2c5d0f1e3a5b7c9d1f3e5a7b9c1d3e5f7a9b1c3d5e7f9a\n"
        case "DS file for no key":
            ds = ["example. IN DS 54321 13 2 0c5a2cbd3c0d2a1e6b2c5d0f1e3a5b7c9d1f3e5a7b9c1d3e5f7a9b1c3d5e7f9a"]
        default:
            Issue.record("unknown fault \(fault.name)")
        }
        #expect(text != signed.text || fault.name == "DS file for no key", "the fault was injected")
        let result = try Self.verify(text, ds: ds)
        #expect(Self.codes(result).contains(fault.code.rawValue),
                "\(fault): expected \(fault.code.rawValue), got \(result.findings.map { "\($0.diagnostic.code): \($0.diagnostic.message)" })")
        let finding = try #require(result.findings.first { $0.diagnostic.code == fault.code })
        #expect(!finding.owners.isEmpty)
        if fault.peerRejects {
            #expect(result.worstSeverity == .error)
            let verdicts = try Self.peerVerdicts(text, in: signed.directory)
            for (peer, accepted) in verdicts where !fault.peersThatMiss.contains(peer) {
                #expect(!accepted, "\(fault): \(peer) accepts what we reject")
            }
        }
    }

    @Test(.enabled(if: hasLDNS, "apt-get install ldnsutils"))
    func expiredAndExpiringSignaturesAreForecast() throws {
        let expired = try Self.sign(nsec3: false, expired: true)
        let old = try Self.verify(expired.text)
        #expect(Self.codes(old).contains(DiagnosticCode.expirationInPast.rawValue))
        let finding = try #require(old.findings.first { $0.diagnostic.code == .expirationInPast })
        #expect(finding.count >= 10, "one finding for every expired signature: \(finding.count)")
        #expect(!Self.codes(old).contains(DiagnosticCode.noSEP.rawValue), "the expiry is the cause; NO_SEP would be its consequence")
        // A fresh zone checked 29.5 days ahead (ldns-signzone signs for 4 weeks): inside --crit-days.
        let fresh = try Self.sign(nsec3: false)
        let ahead = try Self.verify(fresh.text, at: Self.now + 27 * 86400 + 12 * 3600)
        let soon = try #require(ahead.findings.first { $0.diagnostic.code == .rrsigExpiresSoon })
        #expect(soon.diagnostic.severity == .error)
        #expect(ahead.earliestExpiration.map { $0 - ahead.referenceTime < 86400 } == true)
    }

    @Test(.enabled(if: hasLDNS, "apt-get install ldnsutils"))
    func anRRsetNotSignedByEveryAlgorithm() throws {
        let signed = try Self.sign(nsec3: false, extraAlgorithm: true)
        let clean = try Self.verify(signed.text)
        #expect(clean.findings.isEmpty, "\(clean.findings.map { "\($0.diagnostic.code): \($0.diagnostic.message)" })")
        // Drop www A's Ed25519 RRSIG (algorithm 15).
        let text = Self.edit(signed.text, where: { line in
            let f = Self.fields(line)
            return f.count > 6 && f[0] == "www.example." && f[3] == "RRSIG" && f[4] == "A" && f[5] == "15"
        }) { _ in nil }
        let result = try Self.verify(text)
        #expect(Self.codes(result).contains(DiagnosticCode.missingRRSIGForAlg.rawValue), "\(result.findings.map(\.diagnostic.code.rawValue))")
    }

    @Test func whatIsNotAZoneIsRefusedInWords() throws {
        #expect(throws: SignedZone.Failure.noSOA) { try SignedZone(records: try ZoneFileReader.parse("www.example. 300 IN A 192.0.2.1\n")) }
        #expect(throws: SignedZone.Failure.empty) { try SignedZone(records: []) }
        let two = "a. 300 IN SOA ns.a. h.a. 1 2 3 4 5\nb. 300 IN SOA ns.b. h.b. 1 2 3 4 5\n"
        #expect(throws: SignedZone.Failure.self) { try SignedZone(records: try ZoneFileReader.parse(two)) }
    }

    @Test func anUnsignedZoneIsSaidToBeUnsigned() throws {
        let result = try Self.verify(Self.unsigned)
        #expect(Self.codes(result) == [DiagnosticCode.zoneNotSigned.rawValue])
    }
}

/// Every code only `dnssec-check zone` reports is produced by a fault here
/// (the lab's names cannot show them; LabScenarioTests leaves them out).
struct ZoneOnlyCodeTests {
    @Test(.enabled(if: ZoneFaultTests.hasLDNS, "apt-get install ldnsutils"))
    func everyZoneOnlyCodeIsProducedByAFault() throws {
        var seen: Set<String> = []
        let nsec = try ZoneFaultTests.sign(nsec3: false)
        let nsec3 = try ZoneFaultTests.sign(nsec3: true)
        func add(_ text: String) throws { seen.formUnion(ZoneFaultTests.codes(try ZoneFaultTests.verify(text))) }
        let f = ZoneFaultTests.fields
        func lines(_ text: String, _ change: (String) -> String?) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { change(String($0)) }.joined(separator: "\n")
        }
        func replace(_ text: String, where matches: @escaping (String) -> Bool, _ change: @escaping (String) -> String?) -> String {
            ZoneFaultTests.edit(text, where: matches, change)
        }
        try add(ZoneFaultTests.unsigned)                                                          // ZONE_NOT_SIGNED
        let wwwSig = try #require(nsec.text.split(separator: "\n").map(String.init).first(where: ZoneFaultTests.rrsig("www.example.", "A")))
        var glue = f(wwwSig); glue[0] = "ns.sub.example."
        try add(nsec.text + "\n" + glue.joined(separator: "\t") + "\n")                          // GLUE_SIGNED
        try add(replace(nsec.text, where: ZoneFaultTests.rrsig("www.example.", "A")) { line in   // RRSIG_SIGNER_MISMATCH
            var x = f(line); x[11] = "other."; return x.joined(separator: "\t") })
        try add(replace(nsec.text, where: ZoneFaultTests.rrsig("www.example.", "A")) { line in   // RRSIG_LABELS_MISMATCH
            var x = f(line); x[6] = "5"; return x.joined(separator: "\t") })
        try add(replace(nsec.text, where: ZoneFaultTests.rrsig("www.example.", "A")) { line in   // RRSIG_ORIGINAL_TTL_MISMATCH
            var x = f(line); x[7] = "86400"; return x.joined(separator: "\t") })
        try add(lines(nsec.text) { f($0).count > 3 && f($0)[3] == "NSEC" ? nil : $0 })           // NSEC_CHAIN_MISSING
        try add(replace(nsec.text, where: { f($0).count > 3 && f($0)[0] == "mail.example." && f($0)[3] == "NSEC" }) { _ in nil })  // NSEC_MISSING
        try add(replace(nsec.text, where: { f($0).count > 4 && f($0)[0] == "mail.example." && f($0)[3] == "NSEC" }) { line in   // NSEC_CHAIN_BROKEN
            var x = f(line); x[4] = "zzz.example."; return x.joined(separator: "\t") })
        try add(replace(nsec.text, where: { f($0).count > 4 && f($0)[0] == "www.example." && f($0)[3] == "NSEC" }) { line in   // NSEC_BITMAP_MISMATCH
            f(line).filter { $0 != "AAAA" }.joined(separator: "\t") })
        try add(nsec.text + "\nold.example.\t300\tIN\tNSEC\twww.example. NSEC RRSIG\n")          // NSEC_EXTRA
        try add(replace(nsec3.text, where: { f($0).count > 3 && f($0)[3] == "NSEC3" }) { _ in nil })   // NSEC3_MISSING
        try add(replace(nsec3.text, where: { f($0).count > 9 && f($0)[3] == "NSEC3" }) { line in  // NSEC3_CHAIN_BROKEN
            var x = f(line); x[8] = "00000000000000000000000000000000"; return x.joined(separator: "\t") })
        try add(replace(nsec3.text, where: { f($0).count > 4 && f($0)[3] == "NSEC3" && f($0).contains("AAAA") }) { line in   // NSEC3_BITMAP_MISMATCH
            f(line).filter { $0 != "AAAA" }.joined(separator: "\t") })
        try add(nsec3.text + "\nvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv.example.\t300\tIN\tNSEC3\t1 0 0 - 00000000000000000000000000000000 A\n")  // NSEC3_EXTRA
        let missing = Set(DiagnosticCode.zoneFileOnly.map(\.rawValue)).subtracting(seen)
        #expect(missing.isEmpty, "zone-only codes no fault produced: \(missing.sorted())")
    }
}
