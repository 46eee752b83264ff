import DNSModel
import DNSSECAnalysis
import LDNSBridge

/// The chain of trust of one run as a graph, the picture DNSViz users know:
/// each zone a cluster from the trust anchor down (ancestors shared between
/// names drawn once), its DNSKEYs, the DS records at the parent with an arrow
/// to the key each matches (or to a "no such key" node), the RRsets and
/// denial proofs of the names asked, an arrow for every RRSIG from the key
/// that made it to what it covers, and the servers that differ from their
/// zone drawn apart. Built from the reports alone (no network, no clock),
/// so `analyze` draws the same picture, and in a stable order, so the DOT
/// of a capture can be compared with a golden file.
public struct ChainGraph: Sendable, Hashable {
    /// What a node or an arrow shows, and so its colour and line style.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case secure, insecure, bogus, expired
        case expiringSoon = "expiring_soon"
        case indeterminate
        /// Not checked (an unsupported algorithm or digest, a spent budget).
        case unchecked

        public var words: String {
            switch self {
            case .expiringSoon: return "expiring soon"
            case .unchecked: return "not checked"
            default: return rawValue
            }
        }

        /// A signature's status: expiring soon inside the warn window.
        init(_ sig: RRSIGReport, warnSeconds: Int64) {
            switch sig.status {
            case .valid: self = sig.secondsLeft < warnSeconds ? .expiringSoon : .secure
            case .validButUntrusted, .untrustedKey: self = .insecure
            case .expired, .notYetValid: self = .expired
            case .unsupportedAlgorithm, .notChecked: self = .unchecked
            case .invalid, .noMatchingKey, .malformedKey, .malformed, .mismatch: self = .bogus
            }
        }

        init(_ status: SecurityStatus) {
            switch status {
            case .secure: self = .secure
            case .insecure: self = .insecure
            case .bogus: self = .bogus
            case .indeterminate: self = .indeterminate
            }
        }
    }

    public struct Node: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case dnskey, ds, rrset, proof, server
            /// A key a DS or an RRSIG names that the zone does not publish.
            case missingKey = "missing_key"
            /// "… and 12 more": what a cap left out.
            case more
        }

        public var id: String
        public var kind: Kind
        public var lines: [String]
        public var status: Status
        /// Revoked, stand-by or unsigned: drawn dashed.
        public var dashed = false
        /// The finding to fix first is about it.
        public var highlighted = false

        public init(id: String, kind: Kind, lines: [String], status: Status, dashed: Bool = false, highlighted: Bool = false) {
            (self.id, self.kind, self.lines, self.status, self.dashed, self.highlighted) = (id, kind, lines, status, dashed, highlighted)
        }
    }

    public struct Edge: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// A signature, from the key that made it to what it covers.
            case rrsig
            /// A DS, to the key whose digest it holds.
            case digest
            /// An answer to the NSEC/NSEC3 records that prove it.
            case proof
            /// A CNAME to its target's answer.
            case alias
            /// Not drawn: keeps an answer with no signature below its zone's keys.
            case layout
        }

        public var from: String
        public var to: String
        public var kind: Kind
        public var status: Status
        public var label: String?
        public var highlighted = false
    }

    public struct Cluster: Sendable, Hashable {
        public var id: String
        /// The zone ("." for the root), or nil for the trust anchor.
        public var zone: String?
        public var label: String
        public var status: Status
        public var nodes: [Node]
        public var highlighted = false

        public init(id: String, zone: String?, label: String, status: Status, nodes: [Node], highlighted: Bool = false) {
            (self.id, self.zone, self.label, self.status, self.nodes, self.highlighted) = (id, zone, label, status, nodes, highlighted)
        }
    }

    public var clusters: [Cluster] = []
    public var edges: [Edge] = []
    /// "Fix first: …" of each name that has one, for the graph's caption.
    public var fixFirst: [String] = []

    /// How much one graph draws at most: Graphviz's layout grows faster than
    /// linearly, and a hostile zone may publish hundreds of keys or DS.
    public struct Limits: Sendable {
        public var keysPerZone = 16
        public var dsPerDelegation = 12
        public var edgesPerSignedSet = 48
        public var rrsetsPerName = 12
        public var recordsPerRRset = 3
        public var proofRecordsPerAnswer = 6
        public var serversPerZone = 8
        public init() {}
    }

    init() {}

    public init(reports: [NameReport], warnSeconds: Int64 = 3 * 86400, critSeconds: Int64 = 86400, limits: Limits = Limits()) {
        var builder = Builder(warnSeconds: warnSeconds, limits: limits)
        for report in reports { builder.add(report) }
        self = builder.graph
    }
}

// MARK: - Identifiers

/// Node identifiers are readable and stable: the kind, the zone or owner in
/// presentation form, and the key tag / algorithm / digest type. The DOT
/// writer quotes them, so any name is safe.
enum GraphID {
    static func cluster(_ zone: String) -> String { "cluster zone \(zone)" }
    static let anchorCluster = "cluster trust anchor"
    static func key(_ zone: String, _ tag: UInt16, _ algorithm: UInt8) -> String { "dnskey \(zone) \(tag)/\(algorithm)" }
    static func missingKey(_ zone: String, _ tag: UInt16, _ algorithm: UInt8) -> String { "no dnskey \(zone) \(tag)/\(algorithm)" }
    static func ds(_ child: String, _ tag: UInt16, _ algorithm: UInt8, _ digestType: UInt8, _ index: Int) -> String {
        "ds \(child) \(tag)/\(algorithm)/\(digestType)" + (index > 0 ? " #\(index + 1)" : "")
    }
    static func rrset(_ owner: DNSName, _ type: RRType) -> String { "rrset \(owner) \(type)" }
    static func proof(_ owner: DNSName, _ type: RRType) -> String { "\(type.description.lowercased()) \(owner)" }
    static func server(_ zone: String, _ server: String) -> String { "server \(zone) \(server)" }
}

// MARK: - Building

struct Builder {
    let warnSeconds: Int64
    let limits: ChainGraph.Limits
    var graph = ChainGraph()
    var clusterIndex: [String: Int] = [:]
    var nodeIDs: Set<String> = []
    var edgeKeys: Set<String> = []

    init(warnSeconds: Int64, limits: ChainGraph.Limits) {
        self.warnSeconds = warnSeconds
        self.limits = limits
    }

    /// A name and its CNAME targets; the caption names the fix of the name asked, once.
    mutating func add(_ report: NameReport, asked: Bool = true) {
        for zone in report.zones where clusterIndex[zone.zone.description] == nil {
            addZone(zone)
        }
        addAnswers(report)
        for target in report.cnameTargets { add(target, asked: false) }
        if let first = report.fixFirst {
            highlight(first, in: report)
            if asked { graph.fixFirst.append("\(report.name): fix first \(first.code) (\(first.subject)): \(first.remedy)") }
        }
    }

    // MARK: Zones

    mutating func addZone(_ zone: ZoneReport) {
        // The graph's identifiers and labels are text: the zone's names once, here.
        let name = zone.zone.description, parentName = zone.parent?.description
        let status = ChainGraph.Status(zone.status)
        graph.clusters.append(.init(id: GraphID.cluster(name), zone: name,
                                    label: "\(zone.zone.isRoot ? ". (root)" : name)  \(zone.status.rawValue)",
                                    status: status, nodes: []))
        clusterIndex[name] = graph.clusters.count - 1

        // The keys, in the order the report lists them (by key tag).
        let shown = Array(zone.dnskeys.prefix(limits.keysPerZone))
        for key in shown {
            let id = GraphID.key(name, key.keyTag, key.algorithm)
            guard !nodeIDs.contains(id) else { continue }   // two keys with one tag and algorithm: drawn once
            var lines = ["DNSKEY \(key.keyTag)", "alg \(key.algorithm) \(key.algorithmName)" + (key.keySize.map { ", \($0) bits" } ?? "")]
            var role = key.role.rawValue
            if key.flags & DNSKEYData.sepFlag != 0 { role += " (SEP)" }
            if key.revoked { role += ", revoked" }
            let isKSK = key.flags & DNSKEYData.sepFlag != 0
            // A SEP key that made none of the DNSKEY RRset's signatures waits in reserve.
            let signsKeys = key.signsDNSKEYRRset || zone.rrsigs.contains {
                $0.typeCovered == .dnskey && $0.keyTag == key.keyTag && $0.algorithm == key.algorithm
            }
            let standBy = isKSK && !signsKeys && !key.revoked
            if standBy { role += ", stand-by" }
            lines.append(role)
            let keyStatus: ChainGraph.Status = zone.status == .secure && !key.matchedByDS && !key.signsDNSKEYRRset
                && !zone.rrsigs.contains(where: { $0.keyTag == key.keyTag && $0.algorithm == key.algorithm && $0.status == .valid })
                ? .insecure : status
            addNode(.init(id: id, kind: .dnskey, lines: lines, status: keyStatus, dashed: key.revoked || standBy), to: name)
        }
        if zone.dnskeys.count > shown.count {
            addNode(.init(id: "more dnskey \(name)", kind: .more,
                          lines: ["… and \(zone.dnskeys.count - shown.count) more DNSKEYs"], status: status), to: name)
        }

        // The DS records, at the parent (the anchor for the top zone), each
        // pointing at the key it matches.
        let dsHome = parentName.flatMap { clusterIndex[$0] != nil ? $0 : nil }
        if parentName == nil && !zone.ds.isEmpty { ensureAnchorCluster() }
        let parentStatus: ChainGraph.Status = parentName.flatMap { clusterIndex[$0].map { graph.clusters[$0].status } }
            ?? (parentName == nil ? .secure : status)
        var dsIDs: [String] = []
        var seenDS: [String: Int] = [:]
        for ds in zone.ds.prefix(limits.dsPerDelegation) {
            let base = GraphID.ds(name, ds.keyTag, ds.algorithm, ds.digestType, 0)
            let index = seenDS[base, default: 0]
            seenDS[base] = index + 1
            let id = GraphID.ds(name, ds.keyTag, ds.algorithm, ds.digestType, index)
            dsIDs.append(id)
            let dsStatus: ChainGraph.Status
            switch ds.status {
            // A DS that matches its key is a good link whatever breaks below it;
            // it is as trusted as the parent that signs it.
            case .matches: dsStatus = parentStatus
            case .digestMismatch, .noMatchingKey: dsStatus = .bogus
            case .unsupported: dsStatus = .unchecked
            }
            let what = parentName == nil ? "trust anchor" : "at \(parentName!)"
            addNode(.init(id: id, kind: .ds,
                          lines: ["DS \(ds.keyTag)/\(ds.algorithm)/\(ds.digestType)", "\(ds.digestTypeName) \(what)"],
                          status: dsStatus), to: parentName == nil ? "" : (dsHome ?? name))
            switch ds.status {
            case .matches:
                let key = GraphID.key(name, ds.matchedKeyTag ?? ds.keyTag, ds.algorithm)
                addEdge(.init(from: id, to: key, kind: .digest, status: dsStatus))
            case .digestMismatch:
                let key = GraphID.key(name, ds.keyTag, ds.algorithm)
                if nodeIDs.contains(key) {
                    addEdge(.init(from: id, to: key, kind: .digest, status: .bogus, label: "digest mismatch"))
                } else {
                    addEdge(.init(from: id, to: missingKey(name, ds.keyTag, ds.algorithm), kind: .digest, status: .bogus,
                                  label: "digest mismatch"))
                }
            case .noMatchingKey:
                addEdge(.init(from: id, to: missingKey(name, ds.keyTag, ds.algorithm), kind: .digest, status: .bogus,
                              label: "no such key"))
            case .unsupported:
                let key = GraphID.key(name, ds.keyTag, ds.algorithm)
                if nodeIDs.contains(key) {
                    addEdge(.init(from: id, to: key, kind: .digest, status: .unchecked, label: "not checked"))
                }
            }
        }
        if zone.ds.count > limits.dsPerDelegation {
            addNode(.init(id: "more ds \(name)", kind: .more,
                          lines: ["… and \(zone.ds.count - limits.dsPerDelegation) more DS"], status: status),
                    to: dsHome ?? name)
        }
        // The parent's signatures over the DS RRset.
        if let parent = parentName {
            for sig in zone.dsRRSIGs {
                let signer = signingKey(parent, sig.keyTag, sig.algorithm)
                for id in dsIDs.prefix(limits.edgesPerSignedSet) {
                    addEdge(signatureEdge(sig, from: signer, to: id))
                }
            }
        }

        // The DNSKEY RRset's signatures: from the signing key to every key of the set.
        let keyIDs = shown.map { GraphID.key(name, $0.keyTag, $0.algorithm) }
        var drawn = 0
        for sig in zone.rrsigs where sig.typeCovered == .dnskey {
            let signer = signingKey(name, sig.keyTag, sig.algorithm)
            for id in keyIDs where drawn < limits.edgesPerSignedSet {
                addEdge(signatureEdge(sig, from: signer, to: id))
                drawn += 1
            }
        }

        // Servers that are not what their zone is: a stale copy, a lame or silent server.
        // A server with another SOA serial than the newest is a stale copy, even when its answers validate.
        let newest = zone.serverVerdicts.compactMap(\.soaSerial).max()
        var servers = 0
        for verdict in zone.serverVerdicts where servers < limits.serversPerZone {
            var behind: UInt32? = nil
            if let newest, let serial = verdict.soaSerial, serial != newest { behind = newest }
            guard !verdict.verdict.agrees(with: zone.status) || behind != nil else { continue }
            servers += 1
            var lines = [zone.label(verdict.server), verdict.verdict.agrees(with: zone.status) ? "stale copy" : verdict.verdict.rawValue]
            if let serial = verdict.soaSerial {
                lines.append("serial \(serial)" + (behind.map { " (newest \($0))" } ?? ""))
            }
            if let problem = verdict.problem { lines.append(Self.clip(problem, 60)) }
            let serverStatus: ChainGraph.Status = verdict.verdict.isBroken ? .bogus : .indeterminate
            addNode(.init(id: GraphID.server(name, verdict.server.description), kind: .server, lines: lines,
                          status: serverStatus, dashed: true), to: name)
        }
    }

    mutating func ensureAnchorCluster() {
        guard clusterIndex[""] == nil else { return }
        graph.clusters.insert(.init(id: GraphID.anchorCluster, zone: nil, label: "trust anchor", status: .secure, nodes: []), at: 0)
        for (zone, index) in clusterIndex { clusterIndex[zone] = index + 1 }
        clusterIndex[""] = 0
    }

    /// The key node of `zone` with this tag and algorithm, or a "not
    /// published" node standing in for it.
    mutating func signingKey(_ zone: String, _ tag: UInt16, _ algorithm: UInt8) -> String {
        let id = GraphID.key(zone, tag, algorithm)
        return nodeIDs.contains(id) ? id : missingKey(zone, tag, algorithm)
    }

    /// The key node an answer's (or proof record's) signature comes from: in
    /// its signer's zone when that zone is drawn, else in the zone holding it.
    mutating func signingKey(of sig: RRSIGReport, homeZone: String?) -> String {
        let signer = sig.signer.description
        return signingKey(clusterIndex[signer] != nil ? signer : (homeZone ?? signer), sig.keyTag, sig.algorithm)
    }

    mutating func missingKey(_ zone: String, _ tag: UInt16, _ algorithm: UInt8) -> String {
        let id = GraphID.missingKey(zone, tag, algorithm)
        if !nodeIDs.contains(id) {
            addNode(.init(id: id, kind: .missingKey, lines: ["DNSKEY \(tag)", "alg \(algorithm)", "not published"],
                          status: .bogus, dashed: true),
                    to: zone)
        }
        return id
    }

    func signatureEdge(_ sig: RRSIGReport, from: String, to: String) -> ChainGraph.Edge {
        let status = ChainGraph.Status(sig, warnSeconds: warnSeconds)
        let label: String?
        switch sig.status {
        case .valid: label = status == .expiringSoon ? "expires in \(TimeText.span(sig.secondsLeft))" : nil
        case .expired: label = "expired \(TimeText.span(sig.secondsLeft)) ago"
        default: label = sig.status.words
        }
        return .init(from: from, to: to, kind: .rrsig, status: status, label: label)
    }

    // MARK: Answers

    /// The zone of the path that holds `owner`: the deepest one it is at or under.
    func home(of owner: DNSName, in report: NameReport) -> String? {
        (report.zones.reversed().first { owner.isSubdomain(of: $0.zone) } ?? report.zones.last)?.zone.description
    }

    mutating func addAnswers(_ report: NameReport) {
        for rrset in report.rrsets.prefix(limits.rrsetsPerName) {
            let id = GraphID.rrset(rrset.owner, rrset.type)
            guard !nodeIDs.contains(id) else { continue }
            let zone = home(of: rrset.owner, in: report)
            var lines = ["\(rrset.owner) \(rrset.type)"]
            switch rrset.kind {
            case .positive, .cname:
                for record in rrset.records.prefix(limits.recordsPerRRset) { lines.append(Self.clip(Presentation.renderRDATA(record), 48)) }
                if rrset.records.count > limits.recordsPerRRset { lines.append("… \(rrset.records.count - limits.recordsPerRRset) more") }
            case .nxdomain: lines.append("NXDOMAIN")
            case .nodata: lines.append("NODATA")
            case .noAnswer: lines.append("no answer")
            }
            let status = ChainGraph.Status(rrset.status)
            addNode(.init(id: id, kind: .rrset, lines: lines, status: status), to: zone)
            if rrset.rrsigs.isEmpty, let zone, let index = clusterIndex[zone],
               let anchor = graph.clusters[index].nodes.first(where: { $0.kind == .dnskey }) {
                addEdge(.init(from: anchor.id, to: id, kind: .layout, status: status))
            }
            for sig in rrset.rrsigs.prefix(limits.edgesPerSignedSet) {
                addEdge(signatureEdge(sig, from: signingKey(of: sig, homeZone: zone), to: id))
            }
            for record in rrset.proofRecords.prefix(limits.proofRecordsPerAnswer) {
                let proof = GraphID.proof(record.owner, record.type)
                if !nodeIDs.contains(proof) {
                    var lines = ["\(record.type) \(record.owner)", "→ \(record.next)"]
                    lines.append(Self.clip(record.types.map(\.description).joined(separator: " "), 48))
                    if record.optOut { lines.append("opt-out") }
                    if !record.signed { lines.append("unsigned") }
                    addNode(.init(id: proof, kind: .proof, lines: lines,
                                  status: record.signed ? status : .bogus, dashed: !record.signed), to: zone)
                    // Each signature over the proof record, from the key that made it.
                    for sig in record.rrsigs.prefix(limits.edgesPerSignedSet) {
                        addEdge(signatureEdge(sig, from: signingKey(of: sig, homeZone: zone), to: proof))
                    }
                }
                let roles = record.roles.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }
                addEdge(.init(from: id, to: proof, kind: .proof, status: status,
                              label: roles.isEmpty ? nil : roles.joined(separator: ", ")))
            }
        }
        // A CNAME points at its target's answers.
        for rrset in report.rrsets where rrset.kind == .cname {
            for target in report.cnameTargets {
                for answer in target.rrsets.prefix(limits.rrsetsPerName) {
                    // The target's nodes are added when the target is; the edge waits for them.
                    pendingAliases.append(.init(from: GraphID.rrset(rrset.owner, rrset.type),
                                                to: GraphID.rrset(answer.owner, answer.type), kind: .alias,
                                                status: ChainGraph.Status(answer.status), label: "CNAME"))
                }
            }
        }
        flushAliases()
    }

    var pendingAliases: [ChainGraph.Edge] = []

    mutating func flushAliases() {
        var waiting: [ChainGraph.Edge] = []
        for edge in pendingAliases {
            if nodeIDs.contains(edge.to) { addEdge(edge) } else { waiting.append(edge) }
        }
        pendingAliases = waiting
    }

    // MARK: Fix first

    /// Marks what the finding to fix first is about: the node, the arrows
    /// of the signatures, or the zone's box.
    mutating func highlight(_ finding: Diagnostic, in report: NameReport) {
        flushAliases()
        var nodes: [String] = []
        var edgeMatch: ((ChainGraph.Edge) -> Bool)? = nil
        let zone = finding.zone.description
        switch finding.subject {
        case .ds(let owner, let tag, let algorithm, let digest):
            nodes = [GraphID.ds(owner.description, tag, algorithm, digest, 0)]
        case .dnskey(let owner, let tag, let algorithm):
            nodes = [GraphID.key(owner.description, tag, algorithm), GraphID.missingKey(owner.description, tag, algorithm)]
        case .rrset(let owner, let type) where type == .dnskey:
            let prefix = "dnskey \(owner) "
            edgeMatch = { $0.kind == .rrsig && $0.to.hasPrefix(prefix) }
        case .rrset(let owner, let type) where type == .ds:
            let prefix = "ds \(owner) "
            nodes = graph.clusters.flatMap(\.nodes).map(\.id).filter { $0.hasPrefix(prefix) }
        case .rrset(let owner, let type), .denial(let owner, let type):
            nodes = [GraphID.rrset(owner, type)]
        case .rrsigs(let owner, let type):
            if type == .dnskey {
                let prefix = "dnskey \(owner) "
                edgeMatch = { $0.kind == .rrsig && $0.to.hasPrefix(prefix) }
            } else if type == .ds {
                let prefix = "ds \(owner) "
                edgeMatch = { $0.kind == .rrsig && $0.to.hasPrefix(prefix) }
            } else {
                let target = GraphID.rrset(owner, type)
                edgeMatch = { $0.kind == .rrsig && $0.to == target }
                nodes = [target]
            }
        case .server(let address, _, let serverZone):
            nodes = [GraphID.server(serverZone.description, address.description)]
        case .name(let name):
            let prefix = "rrset \(name) "
            nodes = graph.clusters.flatMap(\.nodes).map(\.id).filter { $0.hasPrefix(prefix) }
        case .delegation(_, let child):
            let prefix = "ds \(child) "
            nodes = graph.clusters.flatMap(\.nodes).map(\.id).filter { $0.hasPrefix(prefix) }
        case .zone, .nxdomainProof:
            break
        }
        var marked = false
        for c in graph.clusters.indices {
            for n in graph.clusters[c].nodes.indices where nodes.contains(graph.clusters[c].nodes[n].id) {
                graph.clusters[c].nodes[n].highlighted = true
                marked = true
            }
        }
        if let edgeMatch {
            for e in graph.edges.indices where edgeMatch(graph.edges[e]) {
                graph.edges[e].highlighted = true
                marked = true
            }
        }
        // Nothing drawn is the subject: the zone's box is.
        if !marked, let index = clusterIndex[zone] { graph.clusters[index].highlighted = true }
    }

    // MARK: Helpers

    mutating func addNode(_ node: ChainGraph.Node, to zone: String?) {
        guard nodeIDs.insert(node.id).inserted else { return }
        let index = zone.flatMap { clusterIndex[$0] } ?? {
            // A node with no zone drawn (a key of a zone off the path): a box of its own.
            let key = zone ?? "?"
            graph.clusters.append(.init(id: GraphID.cluster(key), zone: key, label: key, status: node.status, nodes: []))
            clusterIndex[key] = graph.clusters.count - 1
            return graph.clusters.count - 1
        }()
        graph.clusters[index].nodes.append(node)
    }

    mutating func addEdge(_ edge: ChainGraph.Edge) {
        let key = "\(edge.from)\u{0}\(edge.to)\u{0}\(edge.kind.rawValue)\u{0}\(edge.status.rawValue)\u{0}\(edge.label ?? "")"
        guard edgeKeys.insert(key).inserted else { return }
        graph.edges.append(edge)
    }

    static func clip(_ text: String, _ count: Int) -> String { clipped(text, count) }
}

/// `text` cut to `count` characters with an ellipsis, for labels.
func clipped(_ text: String, _ count: Int) -> String {
    text.count <= count ? text : String(text.prefix(count - 1)) + "…"
}
