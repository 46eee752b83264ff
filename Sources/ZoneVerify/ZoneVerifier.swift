import DNSModel
import DNSSEC
import DNSSECAnalysis
import Dispatch
import Foundation
import LDNSBridge

/// Offline verification of a signed zone file (issue 16): every RRSIG
/// (fields, key, window, crypto), every RRset signed by every algorithm of
/// the DNSKEY RRset, no signatures on glue, the NSEC or NSEC3 chain, the
/// apex (a SEP key signs the DNSKEY RRset; CDS/CDNSKEY; the parent's DS
/// from --ds-file), and the forecasts (earliest expiration, signatures
/// inside the warn/crit windows, TTLs beyond them), with the catalog's
/// codes. Pure: no clock (the reference time is given), no network.
public struct ZoneVerifier: Sendable {
    public struct Options: Sendable {
        public var referenceTime: Int64
        public var warnSeconds: Int64 = 3 * 86400
        public var critSeconds: Int64 = 86400
        /// The parent's DS (`--ds-file`), checked against the apex keys.
        public var parentDS: [DSData] = []
        /// Threads verifying signatures (default: every core).
        public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
        /// Keys tried per key tag and algorithm (a hostile file may repeat a tag).
        public var keysPerTag = 4
        /// NSEC3 iterations above which the chain is not hashed (RFC 9276 §3.2: validators treat it as insecure).
        public var maxNSEC3Iterations: UInt16 = 500

        public init(referenceTime: Int64) { self.referenceTime = referenceTime }
    }

    public let options: Options
    /// A key by tag and algorithm, as RRSIGs and DS name it.
    static func keyID(_ tag: UInt16, _ algorithm: DNSSECAlgorithm) -> UInt32 { UInt32(tag) << 8 | UInt32(algorithm.rawValue) }

    /// Longer validity is a replay window (RFC 6781 §4.4.2): the same 180 days as for names.
    static let maxSignatureLifetime = AnalysisPolicy().maxSignatureLifetime

    public init(options: Options) { self.options = options }

    public func verify(_ zone: SignedZone) -> ZoneVerification {
        var findings = FindingCollector(zone: zone.apex)
        let apex = zone.apex
        let keys = zone.apexSet(.dnskey).map { $0.records } ?? []
        let zoneKeys = keys.filter { (try? DNSKEYData(rdata: $0.rdata))?.isZoneKey == true }
        var keysByTag: [UInt32: [Record]] = [:]
        for key in zoneKeys {
            guard let data = try? DNSKEYData(rdata: key.rdata) else { continue }
            let id = Self.keyID(LDNSCrypto.keyTag(dnskeyRDATA: key.rdata), data.algorithm)
            keysByTag[id, default: []].append(key)
        }
        let algorithms = Set(zoneKeys.compactMap { try? DNSKEYData(rdata: $0.rdata).algorithm })
        if zoneKeys.isEmpty {
            findings.add(.zoneNotSigned, .rrset(apex, .dnskey), owner: apex,
                         "\(apex) has no DNSKEY RRset with a zone key: the zone is not signed")
        }
        let place = Dictionary(zone.owners.map { ($0.name, $0.place) }, uniquingKeysWith: { a, _ in a })

        // 1. Which signatures to check, and the structural faults found on the way.
        // Only what is read after the check: a parsed RRSIG (signer, signature) per job would hold as much as the zone.
        struct Job { var set: Int; var rrsig: Record; var keyTag: UInt16; var algorithm: DNSSECAlgorithm
                     var inception: UInt32; var expiration: UInt32; var keys: [Record] }
        // The candidate keys of each tag and algorithm, one array shared by every job.
        let candidatesByID = keysByTag.mapValues { Array($0.prefix(options.keysPerTag)) }
        var jobs: [Job] = []
        var signedCount = 0
        for (index, set) in zone.sets.enumerated() {
            let owner = set.rrset.owner
            let position = place[owner] ?? .authoritative
            guard zone.mustBeSigned(set, place: position) else {
                if !set.rrsigs.isEmpty {
                    findings.add(.glueSigned, .rrsigs(owner, covering: set.rrset.type), owner: owner,
                                 "\(owner) \(set.rrset.type) is \(position == .belowCut ? "glue or occluded data below a delegation" : "the delegation's NS set") but carries \(set.rrsigs.count) RRSIG\(set.rrsigs.count == 1 ? "" : "s")")
                }
                continue
            }
            if zoneKeys.isEmpty { continue }
            signedCount += 1
            if set.rrsigs.isEmpty {
                findings.add(.missingRRSIG, .rrset(owner, set.rrset.type), owner: owner, "\(owner) \(set.rrset.type) has no RRSIG")
                continue
            }
            var sigAlgorithms: Set<DNSSECAlgorithm> = []
            for rrsig in set.rrsigs {
                guard let sig = try? RRSIGData(rdata: rrsig.rdata) else {
                    findings.add(.signatureInvalid, .rrsigs(owner, covering: set.rrset.type), owner: owner,
                                 "an RRSIG over \(owner) \(set.rrset.type) cannot be parsed")
                    continue
                }
                sigAlgorithms.insert(sig.algorithm)
                if sig.signerName != apex {
                    findings.add(.rrsigSignerMismatch, .rrsigs(owner, covering: set.rrset.type), owner: owner,
                                 "RRSIG \(set.rrset.type) \(owner) by \(sig.keyTag) names signer \(sig.signerName), not the zone \(apex)")
                    continue
                }
                if Int(sig.labels) != owner.rrsigLabelCount {
                    findings.add(.rrsigLabelsMismatch, .rrsigs(owner, covering: set.rrset.type), owner: owner,
                                 "RRSIG \(set.rrset.type) \(owner) by \(sig.keyTag) has labels \(sig.labels), the owner has \(owner.rrsigLabelCount)")
                    continue
                }
                if sig.originalTTL != set.rrset.ttl {
                    findings.add(.rrsigOriginalTTLMismatch, .rrsigs(owner, covering: set.rrset.type), owner: owner,
                                 "RRSIG \(set.rrset.type) \(owner) by \(sig.keyTag) has original TTL \(sig.originalTTL), the RRset \(set.rrset.ttl)")
                }
                let id = Self.keyID(sig.keyTag, sig.algorithm)
                guard let candidates = candidatesByID[id] else {
                    findings.add(.rrsigNoMatchingDNSKEY, .rrsigs(owner, covering: set.rrset.type), owner: owner,
                                 "RRSIG \(set.rrset.type) \(owner) names key \(sig.keyTag)/\(sig.algorithm.rawValue), which the DNSKEY RRset does not hold")
                    continue
                }
                jobs.append(Job(set: index, rrsig: rrsig, keyTag: sig.keyTag, algorithm: sig.algorithm,
                                inception: sig.inception, expiration: sig.expiration, keys: candidates))
            }
            let missing = algorithms.subtracting(sigAlgorithms)
            if !missing.isEmpty {
                findings.add(.missingRRSIGForAlg, .rrset(owner, set.rrset.type), owner: owner,
                             "\(owner) \(set.rrset.type) has no RRSIG with algorithm \(missing.map { String($0.rawValue) }.sorted().joined(separator: ", ")) of the DNSKEY RRset")
            }
        }
        for orphan in zone.orphanSignatures {
            let covered = RRSIGData.typeCovered(rdata: orphan.rdata) ?? RRType(0)
            findings.add(.glueSigned, .rrsigs(orphan.owner, covering: covered), owner: orphan.owner,
                         "an RRSIG at \(orphan.owner) covers \(covered), which the zone does not have there")
        }

        // 4. (started now) The denial chain needs no signature: it is walked on a
        // thread of its own while the signatures are checked, and its findings
        // join the others' after them, as if it had run last.
        let denial = DenialChainCheck(zone: zone, place: place, maxIterations: options.maxNSEC3Iterations)
        let denialFindings = Background { () -> FindingCollector in
            var found = FindingCollector(zone: apex)
            denial.run(&found)
            return found
        }

        // 2. The cryptography, in parallel: each signature against its candidate keys.
        let outcomes = Self.parallelMap(jobs, threads: options.threads) { job, prepared -> SignatureOutcome in
            var last = SignatureOutcome.signatureInvalid
            for key in job.keys {
                let outcome = SignatureVerifier.verify(job.rrsig, covering: zone.sets[job.set].rrset, with: key, at: options.referenceTime,
                                                       prepared: prepared.key(key))
                if outcome.isValid { return outcome }
                last = outcome
            }
            return last
        }
        // Every key that signed the DNSKEY RRset, valid or not: a broken one is its own finding, not NO_SEP's.
        let dnskeySigners = Set(jobs.filter { zone.sets[$0.set].rrset.type == .dnskey && zone.sets[$0.set].rrset.owner == apex }
            .map { Self.keyID($0.keyTag, $0.algorithm) })
        let soaExpire = zone.apexSet(.soa).flatMap { $0.rdatas.first }.flatMap { try? SOAData(rdata: $0) }.map { Int64($0.expire) }
        var earliest: Int64? = nil
        var earliestWhat = ""
        for (job, outcome) in zip(jobs, outcomes) {
            let rrset = zone.sets[job.set].rrset
            let subject = Subject.rrsigs(rrset.owner, covering: rrset.type)
            let expiration = SerialTime.absolute(job.expiration, near: options.referenceTime)
            let left = expiration - options.referenceTime
            switch outcome {
            case .valid:
                if earliest == nil || expiration < earliest! {
                    earliest = expiration
                    earliestWhat = "RRSIG \(rrset.type) \(rrset.owner) by \(job.keyTag)"
                }
                let inception = SerialTime.absolute(job.inception, near: options.referenceTime)
                let lifetime = expiration - inception
                if lifetime > Self.maxSignatureLifetime {
                    findings.add(.rrsigValidityTooLong, subject, owner: rrset.owner,
                                 "RRSIG \(rrset.type) \(rrset.owner) by \(job.keyTag) is valid for \(TimeText.span(lifetime)) (\(TimeText.rfc3339(inception)) to \(TimeText.rfc3339(expiration))), more than \(TimeText.span(Self.maxSignatureLifetime))")
                }
                if let soaExpire, lifetime < soaExpire {
                    findings.add(.rrsigValidityTooShort, subject, owner: rrset.owner,
                                 "RRSIG \(rrset.type) \(rrset.owner) by \(job.keyTag) is valid for \(TimeText.span(lifetime)), less than the SOA EXPIRE (\(TimeText.span(soaExpire))): a secondary cut off from its primary serves expired signatures before it stops serving the zone")
                }
                if let severity = ExpiryRule.severity(left: left, lifetime: lifetime, warnSeconds: options.warnSeconds,
                                                      critSeconds: options.critSeconds) {
                    findings.add(.rrsigExpiresSoon, subject, owner: rrset.owner, time: expiration,
                                 "RRSIG \(rrset.type) \(rrset.owner) by \(job.keyTag) expires \(TimeText.rfc3339(expiration)) (in \(TimeText.span(left)))",
                                 severity: severity)
                }
                if Int64(rrset.ttl) > left {
                    findings.add(.ttlBeyondExpiration, .rrset(rrset.owner, rrset.type), owner: rrset.owner, time: expiration,
                                 "\(rrset.owner) \(rrset.type) has TTL \(rrset.ttl) s, beyond its signature's expiration in \(TimeText.span(left)): caches keep it past the expiration")
                }
            case .expired:
                findings.add(.expirationInPast, subject, owner: rrset.owner, time: expiration,
                             "RRSIG \(rrset.type) \(rrset.owner) by \(job.keyTag) expired \(TimeText.rfc3339(expiration)) (\(TimeText.span(left)) ago)")
            case .notYetValid:
                let inception = SerialTime.absolute(job.inception, near: options.referenceTime)
                findings.add(.inceptionInFuture, subject, owner: rrset.owner, time: inception,
                             "RRSIG \(rrset.type) \(rrset.owner) by \(job.keyTag) is valid only from \(TimeText.rfc3339(inception))")
            case .unsupportedAlgorithm(let algorithm):
                findings.add(.algorithmNotSupported, subject, owner: rrset.owner,
                             "RRSIG \(rrset.type) \(rrset.owner) by \(job.keyTag) uses algorithm \(algorithm.rawValue), which dnssec-check does not validate")
            default:
                findings.add(.signatureInvalid, subject, owner: rrset.owner,
                             "RRSIG \(rrset.type) \(rrset.owner) by \(job.keyTag)/\(job.algorithm.rawValue): \(outcome)")
            }
        }

        // 3. The apex: a SEP key signs the DNSKEY RRset; the DS the parent holds points at a key that signs it.
        let sepKeys = zoneKeys.filter { (try? DNSKEYData(rdata: $0.rdata))?.isSecureEntryPoint == true }
        let sepSigning = sepKeys.contains { key in
            guard let data = try? DNSKEYData(rdata: key.rdata) else { return false }
            return dnskeySigners.contains(Self.keyID(LDNSCrypto.keyTag(dnskeyRDATA: key.rdata), data.algorithm))
        }
        if !zoneKeys.isEmpty && !sepSigning {
            findings.add(.noSEP, .rrset(apex, .dnskey), owner: apex,
                         sepKeys.isEmpty ? "the DNSKEY RRset of \(apex) has no key with the SEP flag"
                                         : "no key with the SEP flag (\(sepKeys.map { String(LDNSCrypto.keyTag(dnskeyRDATA: $0.rdata)) }.joined(separator: ", "))) signs the DNSKEY RRset")
        }
        for ds in options.parentDS {
            let subject = Subject.ds(apex, keyTag: ds.keyTag, algorithm: ds.algorithm.rawValue, digestType: ds.digestType.rawValue)
            let sameTag = zoneKeys.filter { LDNSCrypto.keyTag(dnskeyRDATA: $0.rdata) == ds.keyTag }
            guard !sameTag.isEmpty else {
                findings.add(.dsNoMatchingDNSKEY, subject, owner: apex,
                             "DS \(ds.keyTag)/\(ds.algorithm.rawValue)/\(ds.digestType.rawValue) of --ds-file matches no DNSKEY of \(apex)")
                continue
            }
            let matching = sameTag.filter { key in
                ((try? LDNSCrypto.dsDigest(owner: apex, dnskey: key, digestType: ds.digestType)) ?? nil) == ds.digest
            }
            if matching.isEmpty {
                findings.add(.digestInvalid, subject, owner: apex,
                             "DS \(ds.keyTag)/\(ds.algorithm.rawValue)/\(ds.digestType.rawValue) of --ds-file: its digest matches no DNSKEY \(ds.keyTag) of \(apex)")
            } else if !dnskeySigners.contains(Self.keyID(ds.keyTag, ds.algorithm)) {
                // (A signature by it that fails is reported as itself: the cause, not this consequence.)
                findings.add(.noSEP, subject, owner: apex,
                             "DS \(ds.keyTag) of --ds-file matches DNSKEY \(ds.keyTag), which does not sign the DNSKEY RRset: validators following that DS fail")
            }
        }
        for type in [RRType.cds, RRType.cdnskey] {
            guard let set = zone.apexSet(type) else { continue }
            for rdata in set.rdatas {
                let pointsAtKey: Bool
                if type == .cds, let cds = try? DSData(rdata: rdata) {
                    if cds.algorithm.rawValue == 0 { continue }   // the delete request (RFC 8078 §4)
                    pointsAtKey = zoneKeys.contains { key in
                        LDNSCrypto.keyTag(dnskeyRDATA: key.rdata) == cds.keyTag
                            && ((try? LDNSCrypto.dsDigest(owner: apex, dnskey: key, digestType: cds.digestType)) ?? nil) == cds.digest
                    }
                } else if type == .cdnskey, let key = try? DNSKEYData(rdata: rdata) {
                    if key.algorithm.rawValue == 0 { continue }
                    pointsAtKey = zoneKeys.contains { $0.rdata == rdata }
                } else { continue }
                if !pointsAtKey {
                    findings.add(.cdsWouldBreakChain, .rrset(apex, type), owner: apex,
                                 "a \(type) record of \(apex) points at no DNSKEY of the zone: a parent that follows it would publish a DS for no key")
                }
            }
        }

        findings.merge(denialFindings.value)

        return ZoneVerification(zone: apex, referenceTime: options.referenceTime, records: zone.recordCount,
                                rrsets: zone.sets.count, signedRRsets: signedCount, signaturesChecked: jobs.count,
                                earliestExpiration: earliest, earliestExpiring: earliestWhat,
                                denial: denial.method, findings: findings.diagnostics())
    }

    /// `transform` over `items` on `threads` threads, results in order;
    /// each chunk has its own cache of prepared keys (OpenSSL key objects
    /// are not shared between threads).
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], threads: Int,
                                                      _ transform: @Sendable (T, PreparedKeys) -> R) -> [R] {
        let chunks = max(1, min(threads * 8, items.count / 64))
        guard threads > 1, chunks > 1 else {
            let keys = PreparedKeys()
            return items.map { transform($0, keys) }
        }
        let results = ChunkResults<R>(count: chunks)
        let size = (items.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * size)..<min(items.count, (chunk + 1) * size)
            let keys = PreparedKeys()
            results.set(chunk, range.isEmpty ? [] : items[range].map { transform($0, keys) })
        }
        return results.joined()
    }
}

/// One chunk's DNSKEYs converted for OpenSSL, each once.
final class PreparedKeys {
    private var byRDATA: [[UInt8]: LDNSCrypto.PreparedKey?] = [:]

    func key(_ record: Record) -> LDNSCrypto.PreparedKey? {
        if let known = byRDATA[record.rdata] { return known }
        let made = (try? DNSKEYData(rdata: record.rdata)).flatMap { LDNSCrypto.PreparedKey(dnskey: $0) }
        byRDATA[record.rdata] = made
        return made
    }
}

/// A value computed on a thread of its own; `value` waits for it.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    var value: Value {
        done.wait()
        done.signal()   // a second read does not wait forever
        return result!
    }
}

/// The per-chunk results of a parallel map, each written once under a lock.
final class ChunkResults<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [[R]]
    init(count: Int) { chunks = Array(repeating: [], count: count) }
    func set(_ index: Int, _ values: [R]) { lock.withLock { chunks[index] = values } }
    func joined() -> [R] { lock.withLock { chunks.flatMap { $0 } } }
}

/// What the verification found: one finding per condition, with how many
/// places have it and the first few owners.
public struct ZoneVerification: Sendable {
    public var zone: DNSName
    public var referenceTime: Int64
    public var records: Int
    public var rrsets: Int
    public var signedRRsets: Int
    public var signaturesChecked: Int
    /// The earliest expiration of a valid signature: the zone goes bogus then unless re-signed.
    public var earliestExpiration: Int64?
    public var earliestExpiring: String
    /// "NSEC", "NSEC3" or "none".
    public var denial: String
    public var findings: [ZoneFinding]

    public var worstSeverity: Severity? { findings.map(\.diagnostic.severity).max() }
    /// bogus when any error, else secure (insecure when not signed at all).
    public var status: SecurityStatus {
        if findings.contains(where: { $0.diagnostic.code == .zoneNotSigned }) { return .insecure }
        return worstSeverity == .error ? .bogus : .secure
    }
}

public struct ZoneFinding: Sendable {
    /// The first occurrence, with the catalog's severity and remedy.
    public var diagnostic: Diagnostic
    /// How many RRsets, records or signatures have the condition.
    public var count: Int
    /// The first few owners where it was seen, in canonical order of discovery.
    public var owners: [DNSName]
}

/// Folds every occurrence of a condition into one finding.
struct FindingCollector {
    let zone: DNSName
    var order: [String] = []
    var byCode: [String: ZoneFinding] = [:]
    static let ownersShown = 5

    init(zone: DNSName) { self.zone = zone }

    mutating func add(_ code: DiagnosticCode, _ subject: Subject, owner: DNSName, time: Int64? = nil, _ message: String,
                      severity: Severity? = nil) {
        // Codes whose severity depends on the case (RRSIG_EXPIRES_SOON within crit) fold per severity.
        let key = code.rawValue + (severity.map { "/\($0.rawValue)" } ?? "")
        if var existing = byCode[key] {
            existing.count += 1
            if existing.owners.count < Self.ownersShown && !existing.owners.contains(owner) { existing.owners.append(owner) }
            if let time, let earlier = existing.diagnostic.time, time < earlier { existing.diagnostic.time = time }
            byCode[key] = existing
        } else {
            order.append(key)
            byCode[key] = ZoneFinding(diagnostic: Diagnostic(code, subject: subject, zone: zone, time: time, message: message,
                                                             severity: severity),
                                      count: 1, owners: [owner])
        }
    }

    /// Another collector's findings, as if each had been added here after
    /// what this one holds.
    mutating func merge(_ other: FindingCollector) {
        for key in other.order {
            guard let found = other.byCode[key] else { continue }
            guard var existing = byCode[key] else {
                order.append(key)
                byCode[key] = found
                continue
            }
            existing.count += found.count
            for owner in found.owners where existing.owners.count < Self.ownersShown && !existing.owners.contains(owner) {
                existing.owners.append(owner)
            }
            if let time = found.diagnostic.time, let earlier = existing.diagnostic.time, time < earlier { existing.diagnostic.time = time }
            byCode[key] = existing
        }
    }

    func diagnostics() -> [ZoneFinding] {
        order.compactMap { byCode[$0] }.sorted { a, b in
            if a.diagnostic.severity != b.diagnostic.severity { return a.diagnostic.severity > b.diagnostic.severity }
            return a.diagnostic.code < b.diagnostic.code
        }
    }
}
