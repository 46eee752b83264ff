import DNSModel
import DNSSEC

/// The DS RRset as the parent's servers serve it, judged for every zone the
/// walk reached whatever the chain's status (an unsigned parent, a missing
/// anchor, a bogus DS): the servers' agreement and each record's digest
/// type, as Zonemaster's DNSSEC01 does at the delegation point.
extension ZoneCheck {
    mutating func parentDSChecks(_ run: inout AnalysisRun) {
        guard let parent = observation.parent, !observation.undelegated else { return }
        let usable = observation.usableDSAnswers
        let authoritative = usable.filter { $0.message?.isAuthoritative == true }
        let dsSets = Dictionary(grouping: authoritative) { Set($0.answerRecords(zone, .ds).map(\.rdata)) }
        if dsSets.count > 1 {
            let text = dsSets.map { set, answers in
                let tags = set.compactMap { try? DSData(rdata: $0).keyTag }.sorted().map(String.init)
                return "\(tags.isEmpty ? "no DS" : "DS " + tags.joined(separator: ", ")) on \(answers.map(\.server.description).sorted().joined(separator: ", "))"
            }.sorted()
            run.add(.inconsistentDS, .delegation(parent: parent, child: zone), zone: zone, servers: usable.map(\.server),
                    "the servers of \(parent) disagree: " + text.joined(separator: "; "))
        }
        digestTypeChecks(&run, observation.publishedDS, from: parent)
    }

    /// Each DS by the class of its digest type, and a key whose DS records
    /// include no SHA-256 one (RFC 8624 §3.3: SHA-256 MUST be published).
    mutating func digestTypeChecks(_ run: inout AnalysisRun, _ records: [DSData], from parent: DNSName) {
        for ds in records {
            let subject: Subject = .ds(zone, keyTag: ds.keyTag, algorithm: ds.algorithm.rawValue, digestType: ds.digestType.rawValue)
            let type = ds.digestType.rawValue
            switch ds.digestType.registryClass {
            case .zero:
                run.add(.dsDigestTypeZero, subject, zone: zone,
                        "\(parent) publishes DS \(ds.keyTag) with digest type 0, which is reserved and never a digest: validators ignore it")
            case .reserved:
                run.add(.dsDigestTypeReserved, subject, zone: zone,
                        "\(parent) publishes DS \(ds.keyTag) with digest type \(type), in the range the IANA registry reserves (128-252): no validator computes it, so it is ignored")
            case .unassigned:
                run.add(.dsDigestTypeUnassigned, subject, zone: zone,
                        "\(parent) publishes DS \(ds.keyTag) with digest type \(type), which the IANA registry has not assigned: no validator computes it, so it is ignored")
            case .privateUse:
                run.add(.dsDigestTypePrivate, subject, zone: zone,
                        "\(parent) publishes DS \(ds.keyTag) with digest type \(type), reserved for private use: validators outside the one that agreed on it ignore it")
            case .assigned:
                if (ds.digestType == .sha1 || ds.digestType == .gost) && !run.policy.ignoreRFC8624 {
                    run.add(.digestAlgorithmProhibited, subject, zone: zone,
                            "DS \(ds.keyTag) uses digest type \(type) (\(ds.digestType))")
                }
            }
        }
        guard !run.policy.ignoreRFC8624 else { return }
        for (tag, group) in Dictionary(grouping: records, by: { "\($0.keyTag)/\($0.algorithm.rawValue)" }).sorted(by: { $0.key < $1.key })
        where !group.contains(where: { $0.digestType == .sha256 }) {
            guard let first = group.first else { continue }
            let types = Array(Set(group.map(\.digestType))).sorted().map { "\($0.rawValue) (\($0))" }
            run.add(.dsSHA256Missing, .ds(zone, keyTag: first.keyTag, algorithm: first.algorithm.rawValue, digestType: 2), zone: zone,
                    "the DS records of key \(tag) at \(parent) use digest type\(types.count == 1 ? "" : "s") \(types.joined(separator: ", ")) and none SHA-256 (2), the one every validator implements")
        }
    }
}
