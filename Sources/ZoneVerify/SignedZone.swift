import DNSModel

/// A zone file's records, grouped the way DNSSEC reads them: RRsets in
/// canonical order (RFC 4034 §6.1), each with the RRSIGs that cover it,
/// and for each owner whether it is authoritative data, a delegation point
/// or glue/occluded data below one (RFC 4035 §2.2: only authoritative
/// RRsets, and the DS and NSEC/NSEC3 at a delegation, are signed).
public struct SignedZone: Sendable {
    public struct Set: Sendable {
        public var rrset: RRset
        public var rrsigs: [Record]
    }

    public enum Place: Sendable, Equatable {
        case apex, authoritative, delegation
        /// At or below a delegation point, not the point itself: glue or occluded data.
        case belowCut
    }

    public let apex: DNSName
    /// Every RRset but RRSIGs, in canonical order of owner, then type.
    public let sets: [Set]
    /// RRSIGs whose covered RRset is not in the file.
    public let orphanSignatures: [Record]
    /// The distinct owners in canonical order, with where each sits.
    public let owners: [(name: DNSName, place: Place)]
    public let recordCount: Int

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case empty
        case noSOA
        case severalSOA([DNSName])
        case outOfZone(DNSName, apex: DNSName)

        public var description: String {
            switch self {
            case .empty: return "the file holds no records"
            case .noSOA: return "no SOA record: not a zone file (give --origin if the file has relative names)"
            case .severalSOA(let owners): return "SOA records at \(owners.map(\.description).joined(separator: ", ")): one zone per file"
            case .outOfZone(let name, let apex): return "\(name) is not inside the zone \(apex)"
            }
        }
    }

    public init(records: [Record]) throws(Failure) {
        guard !records.isEmpty else { throw .empty }
        let soaOwners = Array(Swift.Set(records.filter { $0.type == .soa }.map(\.owner)))
        guard let apex = soaOwners.first else { throw .noSOA }
        guard soaOwners.count == 1 else { throw .severalSOA(soaOwners.sorted()) }
        if let stray = records.first(where: { !$0.owner.isSubdomain(of: apex) }) { throw .outOfZone(stray.owner, apex: apex) }
        self.apex = apex
        recordCount = records.count

        // Canonical order once; RRsets and their signatures are then runs of it.
        // The type an RRSIG covers, read once: it sorts next to its RRset.
        let typeKeys = records.map { record -> UInt16 in
            record.type == .rrsig ? (RRSIGData.typeCovered(rdata: record.rdata)?.rawValue ?? 0) : record.type.rawValue
        }
        let sortedIndices = records.indices.sorted { i, j in
            let order = DNSName.canonicalCompare(records[i].owner, records[j].owner)
            if order != 0 { return order < 0 }
            if typeKeys[i] != typeKeys[j] { return typeKeys[i] < typeKeys[j] }
            return (records[i].type == .rrsig ? 1 : 0) < (records[j].type == .rrsig ? 1 : 0)
        }
        let sorted = sortedIndices.map { records[$0] }
        var sets: [Set] = []
        var orphans: [Record] = []
        var owners: [(DNSName, Place)] = []
        var cuts: [DNSName] = []
        var index = 0
        while index < sorted.count {
            let owner = sorted[index].owner
            var end = index
            while end < sorted.count && sorted[end].owner == owner { end += 1 }
            let here = sorted[index..<end]
            // Where the owner sits: below a cut seen earlier (canonical order visits a cut before its descendants).
            while let last = cuts.last, !owner.isSubdomain(of: last) { cuts.removeLast() }
            let place: Place
            if owner == apex { place = .apex }
            else if !cuts.isEmpty { place = .belowCut }
            else if here.contains(where: { $0.type == .ns }) { place = .delegation; cuts.append(owner) }
            else { place = .authoritative }
            owners.append((owner, place))

            // Within the owner, each type's records come before the RRSIGs covering it.
            var run = index
            while run < end {
                let key = typeKeys[sortedIndices[run]]
                var stop = run
                while stop < end && typeKeys[sortedIndices[stop]] == key { stop += 1 }
                let group = sorted[run..<stop]
                let data = group.filter { $0.type != .rrsig }
                let signatures = group.filter { $0.type == .rrsig }
                if data.isEmpty {
                    orphans += signatures
                } else {
                    let rrset = RRset(owner: owner, type: data[0].type, rrClass: data[0].rrClass, ttl: data.map(\.ttl).min() ?? 0,
                                      rdatas: Self.distinct(data.map(\.rdata)))
                    sets.append(Set(rrset: rrset, rrsigs: signatures))
                }
                run = stop
            }
            index = end
        }
        self.sets = sets
        self.orphanSignatures = orphans
        self.owners = owners
    }

    /// RDATAs without repeats, in file order (duplicates are one record: RFC 2181 §5).
    static func distinct(_ rdatas: [[UInt8]]) -> [[UInt8]] {
        guard rdatas.count > 1 else { return rdatas }
        var seen = Swift.Set<[UInt8]>()
        return rdatas.filter { seen.insert($0).inserted }
    }

    /// Whether the RRset must be signed: authoritative data, and at a
    /// delegation point only DS and NSEC/NSEC3 (RFC 4035 §2.2).
    public func mustBeSigned(_ set: Set, place: Place) -> Bool {
        switch place {
        case .apex, .authoritative: return true
        case .delegation: return [.ds, .nsec, .nsec3].contains(set.rrset.type)
        case .belowCut: return false
        }
    }

    /// The apex RRset of `type`, if the file has one.
    public func apexSet(_ type: RRType) -> RRset? {
        sets.first { $0.rrset.owner == apex && $0.rrset.type == type }?.rrset
    }
}
