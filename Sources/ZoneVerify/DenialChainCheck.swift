import DNSModel
import DNSSECAnalysis
import LDNSBridge

/// The zone's NSEC chain (RFC 4034 §4, RFC 4035 §2.3) or NSEC3 chain
/// (RFC 5155 §7.1): one record per name that must have one, each pointing
/// at the next in order and the last back to the first, type bitmaps equal
/// to the types present, one set of NSEC3 parameters, opt-out spans only
/// over unsigned delegations, and RFC 9276's iterations and salt.
struct DenialChainCheck {
    let zone: SignedZone
    let place: [DNSName: SignedZone.Place]
    let maxIterations: UInt16
    /// Per owner: its RRset types, and whether any of them is signed (built once: zones have millions of names).
    let typesAt: [DNSName: Set<RRType>]
    let signedAt: Set<DNSName>

    init(zone: SignedZone, place: [DNSName: SignedZone.Place], maxIterations: UInt16) {
        self.zone = zone
        self.place = place
        self.maxIterations = maxIterations
        var types: [DNSName: Set<RRType>] = [:]
        var signed: Set<DNSName> = []
        for set in zone.sets {
            types[set.rrset.owner, default: []].insert(set.rrset.type)
            if !set.rrsigs.isEmpty { signed.insert(set.rrset.owner) }
        }
        typesAt = types
        signedAt = signed
    }

    /// The chain's parameters: the NSEC3PARAM's, or the first NSEC3's.
    struct Parameters {
        var hashAlgorithm: UInt8
        var iterations: UInt16
        var salt: [UInt8]
    }

    var method: String {
        if zone.sets.contains(where: { $0.rrset.type == .nsec3 }) || zone.apexSet(.nsec3param) != nil { return "NSEC3" }
        if zone.sets.contains(where: { $0.rrset.type == .nsec }) { return "NSEC" }
        return "none"
    }

    func run(_ findings: inout FindingCollector) {
        switch method {
        case "NSEC3": nsec3(&findings)
        case "NSEC": nsec(&findings)
        default:
            if zone.apexSet(.dnskey) != nil {
                findings.add(.nsecChainMissing, .zone(zone.apex), owner: zone.apex,
                             "\(zone.apex) is signed but has neither NSEC nor NSEC3 records: no name or type can be proven absent")
            }
        }
    }

    /// The types an owner's bitmap must list: what is there, but at a
    /// delegation point only the NS, DS and the DNSSEC records.
    func typesPresent(at owner: DNSName, adding extra: [RRType]) -> Set<RRType> {
        var types = typesAt[owner] ?? []
        if signedAt.contains(owner) { types.insert(.rrsig) }
        if place[owner] == .delegation { types.formIntersection([.ns, .ds, .rrsig, .nsec, .nsec3]) }
        types.formUnion(extra)
        types.remove(.nsec3)
        return types
    }

    // MARK: NSEC

    func nsec(_ findings: inout FindingCollector) {
        // Names that must have an NSEC: every owner with authoritative data or a delegation.
        let names = zone.owners.filter { $0.place != .belowCut }.map(\.name)
        let withData = names.filter { !(typesAt[$0] ?? []).subtracting([.nsec, .rrsig]).isEmpty }
        let nsecs = zone.sets.filter { $0.rrset.type == .nsec }
        var nsecAt: [DNSName: NSECData] = [:]
        for set in nsecs {
            if place[set.rrset.owner] == .belowCut {
                findings.add(.nsecExtra, .rrset(set.rrset.owner, .nsec), owner: set.rrset.owner,
                             "NSEC at \(set.rrset.owner), glue or occluded data below a delegation")
                continue
            }
            guard set.rrset.rdatas.count == 1, let data = try? NSECData(rdata: set.rrset.rdatas[0]) else {
                findings.add(.nsecChainBroken, .rrset(set.rrset.owner, .nsec), owner: set.rrset.owner,
                             "\(set.rrset.owner) has \(set.rrset.rdatas.count) NSEC records (or one that cannot be read), not one")
                continue
            }
            nsecAt[set.rrset.owner] = data
        }
        for (position, name) in withData.enumerated() {
            guard let data = nsecAt[name] else {
                findings.add(.nsecMissing, .rrset(name, .nsec), owner: name, "\(name) has data but no NSEC record")
                continue
            }
            let expectedNext = withData[(position + 1) % withData.count]
            if data.nextDomainName != expectedNext {
                findings.add(.nsecChainBroken, .rrset(name, .nsec), owner: name,
                             "the NSEC at \(name) points to \(data.nextDomainName), but the next name in the zone is \(expectedNext)")
            }
            let expected = typesPresent(at: name, adding: [.nsec])
            let listed = Set(data.types)
            if listed != expected {
                findings.add(.nsecBitmapMismatch, .rrset(name, .nsec), owner: name,
                             "the NSEC at \(name) lists \(Self.list(listed)); the name has \(Self.list(expected))" + Self.difference(listed, expected))
            }
        }
        let expectedSet = Set(withData)
        for name in nsecAt.keys.sorted() where !expectedSet.contains(name) {
            findings.add(.nsecExtra, .rrset(name, .nsec), owner: name, "NSEC at \(name), a name with no other data")
        }
    }

    // MARK: NSEC3

    func nsec3(_ findings: inout FindingCollector) {
        let apex = zone.apex
        let nsec3Sets = zone.sets.filter { $0.rrset.type == .nsec3 }
        var parameters: Parameters?
        if let param = zone.apexSet(.nsec3param) {
            let all = param.rdatas.compactMap { try? NSEC3PARAMData(rdata: $0) }
            parameters = (all.first { $0.flags == 0 } ?? all.first).map {
                Parameters(hashAlgorithm: $0.hashAlgorithm, iterations: $0.iterations, salt: $0.salt)
            }
            if all.count > 1 {
                findings.add(.nsec3paramMultiple, .rrset(apex, .nsec3param), owner: apex, "\(apex) has \(all.count) NSEC3PARAM records")
            }
        } else {
            findings.add(.nsec3ParametersInconsistent, .rrset(apex, .nsec3param), owner: apex,
                         "\(apex) has NSEC3 records but no NSEC3PARAM at the apex: a signer or secondary cannot tell which chain is current")
        }
        // The chain's records, by hash; their parameters must be the NSEC3PARAM's.
        var byHash: [[UInt8]: (owner: DNSName, data: NSEC3Data)] = [:]
        for set in nsec3Sets {
            guard let firstLabel = set.rrset.owner.labels.first, set.rrset.owner.parent == apex,
                  let hash = Self.base32hexDecode(firstLabel) else {
                findings.add(.nsec3Extra, .rrset(set.rrset.owner, .nsec3), owner: set.rrset.owner,
                             "NSEC3 at \(set.rrset.owner): its owner is not a hash label directly under \(apex)")
                continue
            }
            for rdata in set.rrset.rdatas {
                guard let data = try? NSEC3Data(rdata: rdata) else { continue }
                if data.hasUnassignedFlags {
                    findings.add(.nsec3UnknownFlags, .rrset(set.rrset.owner, .nsec3), owner: set.rrset.owner,
                                 "NSEC3 at \(set.rrset.owner) has flags \(data.flags): only opt-out (1) is assigned, and validators ignore such a record (RFC 5155 §8.2)")
                }
                if parameters == nil { parameters = Parameters(hashAlgorithm: data.hashAlgorithm, iterations: data.iterations, salt: data.salt) }
                if let parameters, data.hashAlgorithm != parameters.hashAlgorithm || data.iterations != parameters.iterations || data.salt != parameters.salt {
                    findings.add(.nsec3ParametersInconsistent, .rrset(set.rrset.owner, .nsec3), owner: set.rrset.owner,
                                 "NSEC3 at \(set.rrset.owner) has iterations \(data.iterations), salt \(data.salt.isEmpty ? "-" : Encodings.hex(data.salt)); the chain's are \(parameters.iterations), \(parameters.salt.isEmpty ? "-" : Encodings.hex(parameters.salt))")
                    continue
                }
                byHash[hash] = (set.rrset.owner, data)
            }
        }
        guard let parameters else { return }
        if parameters.iterations > 0 {
            findings.add(.nonzeroNSEC3IterationCount, .rrset(apex, .nsec3param), owner: apex,
                         "the NSEC3 chain of \(apex) uses \(parameters.iterations) extra iterations; RFC 9276 asks for 0")
        }
        if !parameters.salt.isEmpty {
            findings.add(.nonemptyNSEC3Salt, .rrset(apex, .nsec3param), owner: apex,
                         "the NSEC3 chain of \(apex) uses a salt (\(Encodings.hex(parameters.salt))); RFC 9276 asks for none")
        }
        guard parameters.hashAlgorithm == 1 else {
            findings.add(.nsec3HashAlgorithmUnsupported, .rrset(apex, .nsec3param), owner: apex,
                         "the NSEC3 chain of \(apex) uses hash algorithm \(parameters.hashAlgorithm), not SHA-1: it cannot be checked")
            return
        }
        guard parameters.iterations <= maxIterations else {
            findings.add(.nsec3IterationsInsecure, .rrset(apex, .nsec3param), owner: apex,
                         "the NSEC3 chain of \(apex) uses \(parameters.iterations) iterations: validators treat the zone's denials as insecure (RFC 9276 §3.2), and the chain is not hashed here")
            return
        }

        // The names that must be in the chain: authoritative owners, delegations
        // (an unsigned one may be left to an opt-out span), and the empty
        // non-terminals between them and the apex (RFC 5155 §7.1).
        var expected: [DNSName: Set<RRType>] = [:]
        var unsignedDelegations: Set<DNSName> = []
        for (name, site) in zone.owners where site != .belowCut {
            if name != apex && typesAt[name]?.contains(.nsec3) == true { continue }   // the chain's own records
            let types = typesPresent(at: name, adding: [])
            if site == .delegation && !types.contains(.ds) { unsignedDelegations.insert(name) }
            expected[name] = types
            var ancestor = name.parent
            while let current = ancestor, current != apex, current.isSubdomain(of: apex) {
                if expected[current] == nil { expected[current] = [] }
                ancestor = current.parent
            }
        }
        var hashOf: [[UInt8]: DNSName] = [:]
        for name in expected.keys {
            guard let hash = try? LDNSCrypto.nsec3Hash(of: name, iterations: parameters.iterations, salt: parameters.salt) else { continue }
            hashOf[hash] = name
        }
        let sortedHashes = byHash.keys.sorted { $0.lexicographicallyPrecedes($1) }
        for (position, hash) in sortedHashes.enumerated() {
            let (owner, data) = byHash[hash]!
            let next = sortedHashes[(position + 1) % sortedHashes.count]
            if data.nextHashedOwner != next {
                findings.add(.nsec3ChainBroken, .rrset(owner, .nsec3), owner: owner,
                             "the NSEC3 at \(owner) points to \(Encodings.base32hex(data.nextHashedOwner)), but the next hash in the chain is \(Encodings.base32hex(next))")
            }
            guard let name = hashOf[hash] else {
                findings.add(.nsec3Extra, .rrset(owner, .nsec3), owner: owner,
                             "NSEC3 at \(owner) matches no name of the zone")
                continue
            }
            let want = expected[name] ?? []
            let listed = Set(data.types)
            if listed != want {
                findings.add(.nsec3BitmapMismatch, .rrset(owner, .nsec3), owner: owner,
                             "the NSEC3 of \(name) (\(owner.labels.first.map { String(decoding: $0, as: UTF8.self) } ?? "")) lists \(Self.list(listed)); the name has \(Self.list(want))" + Self.difference(listed, want))
            }
        }
        for (hash, name) in hashOf.sorted(by: { $0.value < $1.value }) where byHash[hash] == nil {
            if unsignedDelegations.contains(name) {
                // Left out on purpose when an opt-out span covers it (RFC 5155 §6).
                if Self.coveringOptOut(hash, sortedHashes, byHash) { continue }
            }
            findings.add(.nsec3Missing, .rrset(name, .nsec3), owner: name,
                         "\(name) has no NSEC3 record (its hash \(Encodings.base32hex(hash)) is not in the chain)")
        }
    }

    static func coveringOptOut(_ hash: [UInt8], _ sorted: [[UInt8]], _ byHash: [[UInt8]: (owner: DNSName, data: NSEC3Data)]) -> Bool {
        guard let previous = sorted.last(where: { $0.lexicographicallyPrecedes(hash) }) ?? sorted.last else { return false }
        return byHash[previous]?.data.optOut == true
    }

    static func list(_ types: Set<RRType>) -> String {
        types.isEmpty ? "no types" : types.sorted().map(\.description).joined(separator: " ")
    }

    static func difference(_ listed: Set<RRType>, _ present: Set<RRType>) -> String {
        var parts: [String] = []
        let missing = present.subtracting(listed), extra = listed.subtracting(present)
        if !missing.isEmpty { parts.append("missing \(list(missing))") }
        if !extra.isEmpty { parts.append("extra \(list(extra))") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// base32hex without padding (RFC 4648 §7), as NSEC3 owner labels are written.
    static func base32hexDecode(_ label: [UInt8]) -> [UInt8]? {
        var bits = 0, buffer: UInt32 = 0
        var out: [UInt8] = []
        for byte in label {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "v"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "V"): value = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return out.isEmpty ? nil : out
    }
}
