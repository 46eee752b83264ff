import DNSModel
import DNSSEC
import Foundation

/// The result of validating one RRset as returned by each server.
struct RRsetValidation {
    init(problems: [SignatureProblem] = []) { self.problems = problems }

    /// Servers whose copy validated with at least one signature.
    var validServers: [ServerAddress] = []
    /// Servers that returned the RRset.
    var servedBy: [ServerAddress] = []
    var rrset: RRset?
    var signatures: [RRSIGReport] = []
    var problems: [SignatureProblem] = []
    /// Latest expiration among valid signatures (the RRset stays valid until then).
    var validUntil: Int64?
    /// Keys that produced a valid signature.
    var signingKeyTags: Set<UInt16> = []
    /// The labels field of a valid signature (less than the owner's for a wildcard expansion).
    var validLabels: UInt8?
    /// Inception and expiration of each signature that validated.
    var validWindows: [SignatureWindow] = []
    /// Algorithms of the RRSIGs each server returned over the RRset.
    var signatureAlgorithms: [ServerAddress: Set<DNSSECAlgorithm>] = [:]

    var isSecure: Bool { !validServers.isEmpty }
}

/// The validity period of one valid signature, in absolute Unix seconds.
struct SignatureWindow: Equatable {
    var keyTag: UInt16
    var signer: DNSName
    var inception: Int64
    var expiration: Int64
    var lifetime: Int64 { expiration - inception }
}

/// A signature that did not validate, with the servers that returned it.
struct SignatureProblem {
    var code: DiagnosticCode
    var message: String
    var servers: [ServerAddress]
    /// The signature's expiration or inception when that is the problem.
    var time: Int64? = nil
}

/// Validates RRsets against a set of keys at a reference time, caching
/// crypto so that an RRSIG returned by ten servers is checked once, and
/// spending from the name's crypto budget (`CryptoLimits`) before each check.
final class Validator {
    let referenceTime: Int64
    let limits: CryptoLimits
    private var cache: [CacheKey: SignatureOutcome] = [:]
    private var hashes: [HashKey: [UInt8]] = [:]
    private var digests: [DigestKey: [UInt8]?] = [:]
    /// Signature checks and NSEC3 hashes done so far for this name.
    private(set) var verifications = 0
    private(set) var nsec3Hashes = 0

    struct CacheKey: Hashable {
        var rrsig: [UInt8]
        var owner: DNSName
        var rdatas: [[UInt8]]
        var key: [UInt8]
    }

    struct HashKey: Hashable {
        var name: DNSName
        var iterations: UInt16
        var salt: [UInt8]
    }

    struct DigestKey: Hashable {
        var owner: DNSName
        var key: [UInt8]
        var type: UInt8
    }

    init(referenceTime: Int64, limits: CryptoLimits = CryptoLimits()) {
        self.referenceTime = referenceTime
        self.limits = limits
    }

    var verificationBudgetSpent: Bool { verifications >= limits.verificationsPerName }
    var nsec3BudgetSpent: Bool { nsec3Hashes >= limits.nsec3HashesPerName }

    /// nil when the name's budget of signature checks is spent (and the answer is not cached).
    func verify(_ rrsig: Record, _ rrset: RRset, _ key: Record) -> SignatureOutcome? {
        let cacheKey = CacheKey(rrsig: rrsig.rdata, owner: rrset.owner, rdatas: rrset.rdatas.sorted { $0.lexicographicallyPrecedes($1) },
                                key: key.rdata)
        if let cached = cache[cacheKey] { return cached }
        guard !verificationBudgetSpent else { return nil }
        verifications += 1
        let outcome = SignatureVerifier.verify(rrsig, covering: rrset, with: key, at: referenceTime)
        cache[cacheKey] = outcome
        return outcome
    }

    /// The NSEC3 hash of `name` (RFC 5155 §5), each distinct one computed once;
    /// nil when it cannot be computed or the name's NSEC3 budget is spent.
    func nsec3Hash(_ name: DNSName, iterations: UInt16, salt: [UInt8]) -> [UInt8]? {
        let key = HashKey(name: name.lowercased(), iterations: iterations, salt: salt)
        if let known = hashes[key] { return known }
        guard !nsec3BudgetSpent else { return nil }
        nsec3Hashes += 1
        guard let hash = try? Denial.nsec3Hash(name, iterations: iterations, salt: salt) else { return nil }
        hashes[key] = hash
        return hash
    }

    /// `DSDigest.match` with each key's digest computed once per digest type:
    /// hundreds of DS for one key cost one digest, not hundreds.
    func dsMatch(_ ds: DSData, owner: DNSName, key: DNSKEYData) -> DSMatch {
        DSDigest.match(ds, key: key) { type in
            let digestKey = DigestKey(owner: owner, key: key.rdata, type: type.rawValue)
            if let known = digests[digestKey] { return known }
            let computed = DSDigest.compute(owner: owner, key: key, type: type)
            digests[digestKey] = computed
            return computed
        }
    }

    /// Validates `owner`/`type` as found in `section` of each answer, with `keys` (records at `zone`).
    /// `published` are keys of the zone that are not trusted (for the DNSKEY
    /// RRset: keys no DS points to): a signature by one of them is not
    /// reported as made by a missing key.
    ///
    /// Each server's copy gets at most `verificationsPerRRset` signature
    /// checks and each RRSIG at most `keysPerRRSIG` keys with its tag, in the
    /// order received (as unbound does); a copy that has not validated when
    /// its budget runs out fails, as it fails in those validators.
    func validate(owner: DNSName, type: RRType, answers: [ServerAnswer], section: (Message) -> [Record],
                  keys: [Record], published: [Record] = []) -> RRsetValidation {
        var result = RRsetValidation()
        var reports: [String: RRSIGReport] = [:]
        var problems: [String: SignatureProblem] = [:]
        // Tag, algorithm and signer of each key, worked out once, not once per RRSIG.
        let keyIDs = keys.map(Self.keyID)
        let publishedIDs = Set(published.compactMap(Self.keyID))

        func note(_ code: DiagnosticCode, _ message: String, _ server: ServerAddress, time: Int64? = nil) {
            let key = code.rawValue + message
            problems[key, default: SignatureProblem(code: code, message: message, servers: [], time: time)].servers.append(server)
        }

        for answer in answers {
            guard let message = answer.message else { continue }
            let records = section(message)
            let matching = records.filter { $0.owner == owner && $0.type == type }
            guard !matching.isEmpty, let rrset = RRset.group(matching).first else { continue }
            result.servedBy.append(answer.server)
            if result.rrset == nil { result.rrset = rrset }
            let sigs = answer.signatures(over: type, at: owner, in: records)
            if sigs.isEmpty {
                note(.missingRRSIG, "\(owner) \(type): no RRSIG", answer.server)
                continue
            }
            var serverValid = false
            // This copy's own notes: dropped for the limit's finding when a budget stops it.
            let before = problems
            var checks = 0
            var collision = 0
            var stoppedByName = false
            var unchecked = 0
            for sig in sigs {
                guard let data = try? RRSIGData(rdata: sig.rdata) else { continue }
                result.signatureAlgorithms[answer.server, default: []].insert(data.algorithm)
                let id = KeyID(tag: data.keyTag, algorithm: data.algorithm.rawValue, signer: data.signerName)
                let allCandidates = keys.indices.filter { keyIDs[$0] == id }.map { keys[$0] }
                collision = max(collision, allCandidates.count)
                let candidates = allCandidates.prefix(limits.keysPerRRSIG)
                // nil: not (fully) checked, because a budget ran out first.
                var outcome: SignatureOutcome? = candidates.isEmpty ? .keyTagMismatch(rrsig: data.keyTag, key: 0) : nil
                for key in candidates {
                    guard checks < limits.verificationsPerRRset else { outcome = nil; break }
                    checks += 1
                    outcome = verify(sig, rrset, key)
                    if outcome == nil { stoppedByName = true; break }
                    if outcome?.isValid == true { break }
                }
                let reportKey = Encodings.hex(sig.rdata)
                guard let outcome else {
                    // Not checked: the copy's or the name's budget is spent.
                    unchecked += 1
                    var report = reports[reportKey] ?? Self.report(sig: data, owner: owner, status: .notChecked, at: referenceTime)
                    report.servers.append(answer.server)
                    reports[reportKey] = report
                    continue
                }
                let status = Self.statusName(outcome, hadKey: !candidates.isEmpty)
                var report = reports[reportKey] ?? Self.report(sig: data, owner: owner, status: status, at: referenceTime)
                report.servers.append(answer.server)
                reports[reportKey] = report

                let when = TimeText.describe(SerialTime.absolute(data.expiration, near: referenceTime), from: referenceTime)
                let label = "RRSIG \(type) \(owner) by \(data.keyTag)/\(data.algorithm.rawValue)"
                switch outcome {
                case .valid where Self.signedSize(rrset, sig) > 65_535:
                    // True, but unbound and ldns-based validators cannot check it: they see it bogus.
                    note(.signedRRsetTooLarge, "\(label) is valid, but the RRset's signed form is \(Self.signedSize(rrset, sig)) bytes, over 65,535: unbound fails it (bogus)", answer.server)
                case .valid:
                    serverValid = true
                    result.signingKeyTags.insert(data.keyTag)
                    result.validLabels = data.labels
                    let expiry = SerialTime.absolute(data.expiration, near: referenceTime)
                    result.validUntil = max(result.validUntil ?? expiry, expiry)
                    let window = SignatureWindow(keyTag: data.keyTag, signer: data.signerName,
                                                 inception: SerialTime.absolute(data.inception, near: referenceTime),
                                                 expiration: expiry)
                    if !result.validWindows.contains(window) { result.validWindows.append(window) }
                case _ where candidates.isEmpty:
                    if publishedIDs.contains(id) {
                        reports[reportKey]?.status = .untrustedKey
                    } else if !SignatureVerifier.supportedAlgorithms.contains(data.algorithm) {
                        note(.algorithmNotSupported, "\(label): algorithm \(data.algorithm) cannot be validated", answer.server)
                    } else {
                        note(.rrsigNoMatchingDNSKEY, "\(label): no DNSKEY \(data.keyTag)/\(data.algorithm.rawValue) in \(data.signerName)", answer.server)
                    }
                case .expired:
                    note(.expirationInPast, "\(label) expired \(when)", answer.server,
                         time: SerialTime.absolute(data.expiration, near: referenceTime))
                case .notYetValid:
                    let start = TimeText.describe(SerialTime.absolute(data.inception, near: referenceTime), from: referenceTime)
                    note(.inceptionInFuture, "\(label) is valid only from \(start)", answer.server,
                         time: SerialTime.absolute(data.inception, near: referenceTime))
                case .signatureInvalid where allCandidates.count > candidates.count:
                    note(.rrsigValidationLimit, "\(label): no valid signature with the first \(candidates.count) of \(allCandidates.count) keys with that tag; the rest are not tried", answer.server)
                case .signatureInvalid:
                    note(.signatureInvalid, "\(label): signature does not verify", answer.server)
                case .unsupportedAlgorithm(let alg):
                    note(.algorithmNotSupported, "\(label): algorithm \(alg) cannot be validated", answer.server)
                default:
                    note(.signatureInvalid, "\(label): \(outcome)", answer.server)
                }
            }
            if unchecked > 0 && !serverValid {
                // The signatures checked before the budget ran out failed, but
                // the cause to report is the flood, not each forged signature.
                problems = before
                if stoppedByName {
                    note(.cryptoBudgetExceeded, "\(owner) \(type): \(unchecked) of \(sigs.count) RRSIGs not checked: this name's budget of \(limits.verificationsPerName) signature checks is spent", answer.server)
                } else {
                    let keysNote = collision > 1 ? " (up to \(collision) DNSKEYs share one RRSIG's key tag)" : ""
                    note(.rrsigValidationLimit, "\(owner) \(type): \(sigs.count) RRSIGs\(keysNote); no valid signature within \(limits.verificationsPerRRset) signature checks, and \(unchecked) RRSIGs not checked: validators stop there too (unbound: \"too many RRSIG validations\") and fail the answer", answer.server)
                }
            }
            if serverValid { result.validServers.append(answer.server) }
        }
        // A total order: two signatures by one key (a stale server's older one) must not swap between runs.
        // Ties (a flood of RRSIGs alike but for their signature bytes) fall to the RDATA itself.
        result.signatures = reports.sorted {
            ($0.value.keyTag, $0.value.typeCovered.description, $0.value.inception, $0.value.expiration, $0.value.servers.map(\.description).joined(separator: ","), $0.key)
                < ($1.value.keyTag, $1.value.typeCovered.description, $1.value.inception, $1.value.expiration, $1.value.servers.map(\.description).joined(separator: ","), $1.key)
        }.map(\.value)
        result.problems = problems.values.sorted { $0.message < $1.message }
        return result
    }

    /// Bytes the signature covers (RFC 4034 §3.1.8.1): the RRSIG RDATA
    /// before the signature, then every record with its owner (the same for all).
    static func signedSize(_ rrset: RRset, _ sig: Record) -> Int {
        let fields = sig.rdata.count - ((try? RRSIGData(rdata: sig.rdata))?.signature.count ?? 0)
        return fields + rrset.rdatas.reduce(0) { $0 + rrset.owner.wireLength + 10 + $1.count }
    }

    /// What an RRSIG names of its key: tag, algorithm, signer.
    struct KeyID: Hashable {
        var tag: UInt16
        var algorithm: UInt8
        var signer: DNSName
    }

    static func keyID(_ key: Record) -> KeyID? {
        guard let data = try? DNSKEYData(rdata: key.rdata) else { return nil }
        return KeyID(tag: DNSKEYFacts(owner: key.owner, key: data).keyTag, algorithm: data.algorithm.rawValue, signer: key.owner)
    }

    static func statusName(_ outcome: SignatureOutcome, hadKey: Bool) -> SignatureStatus {
        if !hadKey { return .noMatchingKey }
        switch outcome {
        case .valid: return .valid
        case .expired: return .expired
        case .notYetValid: return .notYetValid
        case .signatureInvalid: return .invalid
        case .unsupportedAlgorithm: return .unsupportedAlgorithm
        case .malformedKey: return .malformedKey
        case .malformedSignature: return .malformed
        default: return .mismatch
        }
    }

    static func report(sig: RRSIGData, owner: DNSName, status: SignatureStatus, at time: Int64) -> RRSIGReport {
        let expiration = SerialTime.absolute(sig.expiration, near: time)
        let inception = SerialTime.absolute(sig.inception, near: time)
        return RRSIGReport(owner: owner, typeCovered: sig.typeCovered, keyTag: sig.keyTag,
                           algorithm: sig.algorithm.rawValue, signer: sig.signerName,
                           inception: inception, expiration: expiration, secondsLeft: expiration - time,
                           status: status, servers: [])
    }
}

/// Times as RFC 3339 UTC and as "in 3d 4h" / "3d ago".
public enum TimeText {
    /// `2026-12-01T00:00:00Z`. Computed directly (days to civil date, after
    /// H. Hinnant): a report formats hundreds of times, and a Foundation
    /// formatter per call cost more than all the signature checks.
    public static func rfc3339(_ unix: Int64) -> String {
        let days = unix >= 0 ? unix / 86400 : (unix - 86399) / 86400
        let secondsOfDay = unix - days * 86400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))Z"
    }

    /// The inverse of `rfc3339` for the exact form it writes; nil otherwise.
    public static func parse(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        guard b.count == 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 90 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for i in range {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                value = value * 10 + Int64(b[i] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86400 + hour * 3600 + minute * 60 + second
    }

    public static func span(_ seconds: Int64) -> String {
        let s = abs(seconds)
        let days = s / 86400, hours = (s % 86400) / 3600, minutes = (s % 3600) / 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(s)s"
    }

    /// "2026-12-01T00:00:00Z (in 2d 3h)" or "… (3d ago)".
    public static func describe(_ unix: Int64, from reference: Int64) -> String {
        let delta = unix - reference
        return "\(rfc3339(unix)) (" + (delta >= 0 ? "in \(span(delta))" : "\(span(delta)) ago") + ")"
    }
}
