import DNSModel
import DNSSEC

/// What the DNS host says the parent should publish (`--expect-ds`): the
/// registrar hand-off. Compared with the DS RRset the parent's servers
/// actually serve, whatever the chain's status, so an operator sees the DS
/// to submit before the zone is secure and the DS to withdraw before a key
/// is deleted.
public struct ExpectedDS: Sendable, Hashable {
    public struct Key: Sendable, Hashable {
        public var keyTag: UInt16
        public var algorithm: DNSSECAlgorithm
        /// The key itself, when the host gave it: a parent DS of any digest
        /// type that matches it is the expected one.
        public var dnskey: DNSKEYData?
        /// The DS records to submit (the host's own, or SHA-256 of `dnskey`).
        public var ds: [DSData]
        /// False for a key the host lists as no longer in use (Route 53's
        /// INACTIVE, DELETING): its DS should be gone from the parent.
        public var active: Bool
        /// The host's words for the key ("Route 53 KSK 'ksk-2024', status INACTIVE").
        public var label: String

        public init(keyTag: UInt16, algorithm: DNSSECAlgorithm, dnskey: DNSKEYData? = nil, ds: [DSData],
                    active: Bool = true, label: String) {
            self.keyTag = keyTag
            self.algorithm = algorithm
            self.dnskey = dnskey
            self.ds = ds
            self.active = active
            self.label = label
        }

        /// Whether the parent's `parentDS` stands for this key.
        func matches(_ parentDS: DSData, owner: DNSName) -> Bool {
            if ds.contains(parentDS) { return true }
            guard let dnskey, parentDS.keyTag == keyTag, parentDS.algorithm == algorithm else { return false }
            return DSDigest.match(parentDS, owner: owner, key: dnskey) == .matches
        }
    }

    public var keys: [Key]
    /// Where the expectation came from, for the messages ("route53.json").
    public var source: String

    public init(keys: [Key], source: String) {
        self.keys = keys
        self.source = source
    }
}

/// The expectations of a run: per zone (records that carry their owner),
/// and one for the zone of every name checked (the Route 53 JSON, which
/// names no zone).
public struct DSExpectations: Sendable, Hashable {
    public var byZone: [DNSName: ExpectedDS]
    public var forNamesZone: ExpectedDS?

    public init(byZone: [DNSName: ExpectedDS] = [:], forNamesZone: ExpectedDS? = nil) {
        self.byZone = byZone
        self.forNamesZone = forNamesZone
    }

    public var isEmpty: Bool { byZone.isEmpty && forNamesZone == nil }

    func expectation(for zone: DNSName, isNamesZone: Bool) -> ExpectedDS? {
        byZone[zone] ?? (isNamesZone ? forNamesZone : nil)
    }
}

extension AnalysisRun {
    /// Compares the DS RRset the parent's servers serve for `zone` with what
    /// the DNS host expects; adds the findings and the checklist lines.
    mutating func expectationCheck(_ zone: ZoneObservation, _ expected: ExpectedDS, report: inout ZoneReport) {
        guard let parent = zone.parent else { return }
        let owner = zone.zone
        let usable = zone.usableDSAnswers
        guard !usable.isEmpty else {
            report.checks.append(.init(.warning, "The DS at \(parent) could not be compared with \(expected.source): no server of \(parent) answered"))
            return
        }
        let published = zone.publishedDS
        let servers = usable.map(\.server)
        func subject(_ ds: DSData) -> Subject {
            .ds(owner, keyTag: ds.keyTag, algorithm: ds.algorithm.rawValue, digestType: ds.digestType.rawValue)
        }
        func render(_ ds: DSData) -> String { ds.zoneFileLine(owner: owner) }
        var missing: [ExpectedDS.Key] = []
        for key in expected.keys {
            let atParent = published.filter { key.matches($0, owner: owner) }
            switch (key.active, atParent.isEmpty) {
            case (true, false):
                let tags = atParent.map { "DS=\($0.keyTag)/\($0.digestType)" }.joined(separator: ", ")
                report.checks.append(.init(.ok, "\(tags) at \(parent) is the DS \(expected.source) expects for key \(key.keyTag)"))
            case (true, true):
                missing.append(key)
            case (false, false):
                for ds in atParent {
                    add(.dsOfInactiveKey, subject(ds), zone: owner, servers: servers,
                        "\(parent) still publishes DS \(ds.keyTag)/\(ds.algorithm.rawValue)/\(ds.digestType.rawValue) for key \(key.keyTag), which \(expected.source) lists as no longer in use (\(key.label))",
                        remedy: "Ask the registrar to remove `\(render(ds))` before the DNS host deletes key \(key.keyTag): once the key is gone, a DS that is the only one for the zone's algorithm makes validators fail the zone.")
                }
            case (false, true):
                report.checks.append(.init(.ok, "No DS at \(parent) for key \(key.keyTag), which \(expected.source) lists as no longer in use"))
            }
        }
        for key in missing {
            let records = key.ds.isEmpty ? "" : ": " + key.ds.map { "`\(render($0))`" }.joined(separator: " or ")
            let consequence = published.isEmpty
                ? "the parent has no DS for \(owner), so validators treat the zone as insecure"
                : "the parent's DS RRset (\(published.map { "\($0.keyTag)/\($0.algorithm.rawValue)/\($0.digestType.rawValue)" }.joined(separator: ", "))) does not vouch for it"
            add(.expectedDSMissing, .ds(owner, keyTag: key.keyTag, algorithm: key.algorithm.rawValue,
                                        digestType: key.ds.first?.digestType.rawValue ?? 2),
                zone: owner, servers: servers,
                "\(expected.source) expects a DS for key \(key.keyTag) (algorithm \(key.algorithm.rawValue), \(key.label)) at \(parent), and none of its servers serves one: \(consequence)",
                remedy: "Submit this DS to the registrar\(records); keep the old DS until validators have the new one (its TTL at \(parent)).")
        }
        for ds in published where !expected.keys.contains(where: { $0.matches(ds, owner: owner) }) {
            add(.unexpectedDS, subject(ds), zone: owner, servers: servers,
                "\(parent) publishes DS \(ds.keyTag)/\(ds.algorithm.rawValue)/\(ds.digestType.rawValue) for \(owner), which \(expected.source) does not list",
                remedy: "If the DNS host no longer uses key \(ds.keyTag), ask the registrar to remove `\(render(ds))`; if it does, the host's list is out of date.")
        }
    }
}
