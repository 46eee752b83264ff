import DNSModel
import DNSSEC

/// Key policy and rollover state: algorithms, sizes, roles, and where a
/// rollover stands (RFC 6781, RFC 7583).
extension ZoneCheck {
    /// The key-management state of the zone, in plain words.
    func keyState(_ records: [Record], dsTags: Set<UInt16>, signers: Set<UInt16>) -> String {
        let keys = records.compactMap { try? DNSKEYFacts(record: $0) }
        let algorithms = Set(keys.filter { !$0.key.isRevoked }.map(\.key.algorithm))
        let ksks = keys.filter { $0.key.isSecureEntryPoint && !$0.key.isRevoked }
        let zsks = keys.filter { !$0.key.isSecureEntryPoint && !$0.key.isRevoked }
        var notes: [String] = []
        if algorithms.count > 1 {
            notes.append("algorithm rollover or multi-algorithm signing (\(algorithms.sorted().map(\.mnemonic).joined(separator: ", ")))")
        }
        let kskWithDS = ksks.filter { dsTags.contains($0.keyTag) }
        if kskWithDS.count > 1 { notes.append("KSK rollover in progress: DS for \(kskWithDS.map { String($0.keyTag) }.joined(separator: " and "))") }
        let withoutDS = ksks.filter { !dsTags.isEmpty && !dsTags.contains($0.keyTag) }
        let incoming = withoutDS.filter { signers.contains($0.keyTag) }
        let standby = withoutDS.filter { !signers.contains($0.keyTag) }
        if !incoming.isEmpty {
            notes.append("double-KSK rollover: KSK \(incoming.map { String($0.keyTag) }.joined(separator: ", ")) signs the DNSKEY RRset, its DS is not at the parent yet")
        }
        if !standby.isEmpty { notes.append("stand-by KSK \(standby.map { String($0.keyTag) }.joined(separator: ", ")) without DS") }
        let idle = zsks.filter { !signers.contains($0.keyTag) }
        if !idle.isEmpty { notes.append("pre-published or retired ZSK \(idle.map { String($0.keyTag) }.joined(separator: ", "))") }
        let revoked = keys.filter(\.key.isRevoked)
        if !revoked.isEmpty { notes.append("revoked key \(revoked.map { String($0.keyTag) }.joined(separator: ", ")) (RFC 5011)") }
        if notes.isEmpty { return "Key state: steady (\(ksks.count) KSK, \(zsks.count) ZSK)" }
        return "Key state: " + notes.joined(separator: "; ")
    }

    /// `dsUsable` is false when no DS can be validated: then which SEP key
    /// lacks a DS says nothing about stand-by keys.
    mutating func keyPolicy(_ run: inout AnalysisRun, _ records: [Record], dsUsable: Bool = true) {
        let signers = signingTags()
        let dsTags = Set(observation.dsAnswers.flatMap { $0.answerRecords(zone, .ds) }.compactMap { try? DSData(rdata: $0.rdata).keyTag })
        let state = keyState(records, dsTags: dsUsable ? dsTags : [], signers: signers)
        checks.append(.init(.info, state))
        let dnskeyTTL = observation.dnskeyAnswers.flatMap { $0.answerRecords(zone, .dnskey) }.map(\.ttl).max()
        let dsTTL = observation.dsAnswers.flatMap { $0.answerRecords(zone, .ds) }.map(\.ttl).max()
        if !state.hasPrefix("Key state: steady") {
            // The waits a safe rollover needs (RFC 7583 §3): caches keep the
            // old DNSKEY RRset for its TTL and the old DS for the DS TTL.
            var waits: [String] = []
            if let dnskeyTTL { waits.append("DNSKEY TTL \(TimeText.span(Int64(dnskeyTTL))): wait that long after publishing a key before signing with it alone") }
            if let dsTTL { waits.append("DS TTL \(TimeText.span(Int64(dsTTL))) at the parent: wait that long after a DS change before removing the old key") }
            if !waits.isEmpty { checks.append(.init(.info, "Rollover timing: " + waits.joined(separator: "; "))) }
        }
        let colliding = keyTagCollisions(&run, records)
        var seenColliding: Set<Subject> = []
        for record in records {
            guard let facts = try? DNSKEYFacts(record: record) else { continue }
            let key = facts.key
            let subject: Subject = .dnskey(zone, keyTag: facts.keyTag, algorithm: key.algorithm.rawValue)
            // Keys that share a tag are one finding (keyTagCollisions), not one per key.
            if colliding.contains(subject) && !seenColliding.insert(subject).inserted { continue }
            checks.append(.init(.info, "DNSKEY=\(facts.keyTag)\(key.isSecureEntryPoint ? "/SEP" : "") \(key.algorithm.mnemonic)\(facts.keySize.map { " \($0) bits" } ?? "")"))
            if key.isRevoked {
                run.add(.dnskeyRevoked, subject, zone: zone, "DNSKEY \(facts.keyTag) has the REVOKE flag (RFC 5011)")
            }
            switch key.algorithm.registryClass {
            case .zoneSigning: break
            case .notForZoneSigning:
                run.add(.dnskeyAlgorithmNotForZones, subject, zone: zone,
                        "DNSKEY \(facts.keyTag) uses algorithm \(key.algorithm.rawValue) (\(key.algorithm.rawValue == 0 ? "the delete-DS marker" : key.algorithm.mnemonic)), which may not sign a zone: validators ignore the key")
            case .reserved:
                run.add(.dnskeyAlgorithmReserved, subject, zone: zone,
                        "DNSKEY \(facts.keyTag) uses algorithm \(key.algorithm.rawValue), reserved in the IANA registry: no validator implements it")
            case .unassigned:
                run.add(.dnskeyAlgorithmUnassigned, subject, zone: zone,
                        "DNSKEY \(facts.keyTag) uses algorithm \(key.algorithm.rawValue), not assigned in the IANA registry: no validator implements it")
            case .privateUse:
                run.add(.dnskeyAlgorithmPrivate, subject, zone: zone,
                        "DNSKEY \(facts.keyTag) uses algorithm \(key.algorithm.rawValue) (\(key.algorithm)): only validators that know the private algorithm can use it")
            }
            if !run.policy.ignoreRFC8624 {
                switch key.algorithm.rawValue {
                case 1, 3, 6, 12:
                    run.add(.algorithmProhibited, subject, zone: zone, "DNSKEY \(facts.keyTag) uses algorithm \(key.algorithm.rawValue) (\(key.algorithm))")
                case 5, 7:
                    run.add(.algorithmNotRecommended, subject, zone: zone,
                            "DNSKEY \(facts.keyTag) uses algorithm \(key.algorithm.rawValue) (\(key.algorithm)): RFC 9905 forbids signing with SHA-1 and tells validator operators to treat it as unsupported, so validators that follow it (and SHA-1-free crypto policies such as RHEL 9's) see the zone as insecure")
                case 10:
                    run.add(.algorithmNotRecommended, subject, zone: zone,
                            "DNSKEY \(facts.keyTag) uses algorithm 10 (\(key.algorithm)): NOT RECOMMENDED for signing (RFC 8624, RFC 9904)")
                case 16, 17, 23:
                    run.add(.algorithmValidationLimited, subject, zone: zone,
                            "DNSKEY \(facts.keyTag) uses algorithm \(key.algorithm.rawValue) (\(key.algorithm)), which not every validator implements; those that do not treat the zone as insecure")
                default: break
                }
            }
            if key.algorithm.isRSA, let bits = facts.keySize, bits > 4096 {
                run.add(.rsaKeyTooLong, subject, zone: zone,
                        "DNSKEY \(facts.keyTag) is RSA with \(bits) bits, more than the 4096 that RFC 3110 and RFC 5702 allow: validators may refuse it")
            }
            if key.algorithm.isRSA, let bits = facts.keySize, bits < 2048 {
                run.add(.rsaKeyTooShort, subject, zone: zone, "DNSKEY \(facts.keyTag) is RSA with \(bits) bits",
                        severity: bits < 1024 ? .error : .warning)
            }
            // A key no validator can use is said above; it is no stand-by or pre-published key.
            let canSign = key.algorithm.registryClass == .zoneSigning
            if canSign && !key.isSecureEntryPoint && !key.isRevoked && key.isZoneKey && !signers.contains(facts.keyTag) {
                run.add(.zskPrepublished, subject, zone: zone,
                        "DNSKEY \(facts.keyTag) is published but signs nothing: a pre-published or retired ZSK")
            }
            if canSign && key.isZoneKey && dsUsable && key.isSecureEntryPoint && !key.isRevoked && !dsTags.isEmpty && !dsTags.contains(facts.keyTag) {
                if signers.contains(facts.keyTag) {
                    pendingDS(&run, record, facts: facts, dnskeyTTL: dnskeyTTL, dsTTL: dsTTL)
                } else {
                    run.add(.kskStandby, subject, zone: zone, "SEP key \(facts.keyTag) is published but no DS points to it and it signs nothing (stand-by key)")
                }
            }
        }
    }

    /// DNSKEYs sharing a key tag and algorithm (RFC 4034 §5.1 allows it; a
    /// KeyTrap zone has hundreds). Returns the subjects of the colliding keys.
    mutating func keyTagCollisions(_ run: inout AnalysisRun, _ records: [Record]) -> Set<Subject> {
        let facts = records.compactMap { try? DNSKEYFacts(record: $0) }
        let groups = Dictionary(grouping: facts) { Subject.dnskey(zone, keyTag: $0.keyTag, algorithm: $0.key.algorithm.rawValue) }
            .filter { $0.value.count > 1 }
        let limit = run.policy.cryptoLimits.keysPerRRSIG
        for (subject, keys) in groups.sorted(by: { ($0.value[0].keyTag, $0.value[0].key.algorithm.rawValue) < ($1.value[0].keyTag, $1.value[0].key.algorithm.rawValue) }) {
            let first = keys[0]
            let beyond = keys.count > limit
                ? ": validators try only a few keys per RRSIG (\(limit) here), so signatures by the others fail" : ""
            run.add(.dnskeyKeytagCollision, subject, zone: zone,
                    "\(keys.count) DNSKEYs of \(zone) share key tag \(first.keyTag) and algorithm \(first.key.algorithm.rawValue) (\(first.key.algorithm))\(beyond)",
                    severity: keys.count > limit ? .error : nil)
        }
        return Set(groups.keys)
    }

    /// A KSK that signs the DNSKEY RRset without a DS: a double-KSK rollover
    /// waiting for the parent (RFC 7583 §3.3). DNS does not say when the key
    /// was published; its signature over the DNSKEY RRset gives a lower bound,
    /// less a day for signers that backdate inception. Past the DNSKEY TTL plus
    /// the DS TTL, the DS should long be there: the rollover is stuck.
    mutating func pendingDS(_ run: inout AnalysisRun, _ record: Record, facts: DNSKEYFacts, dnskeyTTL: UInt32?, dsTTL: UInt32?) {
        let usable = observation.dnskeyAnswers.filter { $0.message?.rcode == .noError }
        let own = run.validator.validate(owner: zone, type: .dnskey, answers: usable, section: { $0.answer }, keys: [record])
        guard let signedSince = own.validWindows.map(\.inception).min() else { return }
        let backdating: Int64 = 86400
        let wait = Int64(dnskeyTTL ?? 0) + Int64(dsTTL ?? 0)
        let age = run.now - signedSince - backdating
        // A published CDS says which way the key is going: listed, it is the
        // new key; left out, it is the old one whose DS is already gone.
        let cds = Set(publishedCDS.cds.map(\.keyTag))
        let outgoing = !cds.isEmpty && !cds.contains(facts.keyTag)
        let parent = observation.parent?.description ?? "the parent"
        guard age > wait else {
            checks.append(.init(.info, outgoing
                ? "KSK \(facts.keyTag) signs the DNSKEY RRset without a DS and the CDS lists other keys: an old KSK on its way out; remove it once the DS TTL has passed"
                : "KSK \(facts.keyTag) signs the DNSKEY RRset without a DS (signature inception \(TimeText.rfc3339(signedSince))): a double-KSK rollover waiting for its DS"))
            return
        }
        let since = "has signed the DNSKEY RRset since \(TimeText.rfc3339(signedSince)) (its RRSIG's inception, \(TimeText.span(run.now - signedSince)) ago), longer than the DNSKEY TTL (\(TimeText.span(Int64(dnskeyTTL ?? 0)))) plus the DS TTL (\(TimeText.span(Int64(dsTTL ?? 0)))) and a day"
        let subject: Subject = .dnskey(zone, keyTag: facts.keyTag, algorithm: facts.key.algorithm.rawValue)
        if outgoing {
            run.add(.kskRolloverStuck, subject, zone: zone,
                    "KSK \(facts.keyTag) \(since), without a DS at \(parent), while the CDS lists only \(cds.sorted().map(String.init).joined(separator: ", ")): an old KSK left behind after its rollover",
                    remedy: "Remove KSK \(facts.keyTag) from the DNSKEY RRset and stop signing with it: its DS is gone.")
        } else if cds.contains(facts.keyTag) {
            run.add(.kskRolloverStuck, subject, zone: zone,
                    "KSK \(facts.keyTag) \(since), but \(parent) has no DS for it; its CDS is published, so a parent that polls CDS has not acted on it")
        } else {
            run.add(.kskRolloverStuck, subject, zone: zone,
                    "KSK \(facts.keyTag) \(since), but \(parent) has no DS for it: a new key whose DS never reached the parent, or an old one whose DS was removed and that is still published",
                    remedy: "If KSK \(facts.keyTag) is the new key, submit its DS to the parent (registrar); if it is the old one, remove it from the DNSKEY RRset.")
        }
    }
}
