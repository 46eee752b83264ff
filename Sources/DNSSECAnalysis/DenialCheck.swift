import DNSModel
import DNSSEC

/// What one server's negative answer proves (RFC 4035 §5.4, RFC 5155 §8).
struct DenialOutcome {
    /// secure: proven; insecure: proven with NSEC3 opt-out or iterations
    /// validators refuse; bogus: not proven.
    var status: SecurityStatus
    var kind: String
    var proof: [ProofLine] = []
    var records: [ProofRecord] = []
    var problems: [SignatureProblem] = []
    var validUntil: Int64?
    /// Why the proof was not checked at all (NSEC3 iterations above the limit).
    var unchecked: String?

    /// "NSEC3" or, for a proof not checked, what it is and why.
    var description: String { unchecked.map { "\(kind), not checked: \($0)" } ?? kind }

    /// The record as it enters the proof (its role is noted later).
    mutating func note(_ record: Record, _ validation: RRsetValidation) {
        let signed = validation.isSecure
        let rrsigs = validation.signatures
        let owner = record.owner
        guard !records.contains(where: { $0.owner == owner && $0.type == record.type }) else { return }
        if record.type == .nsec, let data = try? NSECData(rdata: record.rdata) {
            records.append(ProofRecord(owner: owner, type: .nsec, next: .name(data.nextDomainName),
                                       types: data.types, signed: signed, rrsigs: rrsigs))
        } else if record.type == .nsec3, let data = try? NSEC3Data(rdata: record.rdata) {
            records.append(ProofRecord(owner: owner, type: .nsec3, next: .hash(data.nextHashedOwner),
                                       types: data.types, signed: signed, optOut: data.optOut,
                                       rrsigs: rrsigs))
        }
    }

    /// What the record owned by `owner` proves; for NSEC3, the name and hash it proves it for.
    mutating func role(_ owner: DNSName, _ role: ProofRecord.Role, name: DNSName? = nil, hash: [UInt8]? = nil) {
        guard let index = records.firstIndex(where: { $0.owner == owner }) else { return }
        if !records[index].roles.contains(role) { records[index].roles.append(role) }
        if let name, let hash {
            let entry = ProofRecord.Hash(name: name, hash: hash, role: role)
            if !records[index].hashes.contains(entry) { records[index].hashes.append(entry) }
        }
    }
}

extension AnalysisRun {
    /// Checks the NSEC/NSEC3 records in the authority section of `answer`
    /// as proof that `name`/`type` does not exist in `zone`.
    mutating func checkDenial(name: DNSName, type: RRType, answer: ServerAnswer, zone: DNSName, keys: [Record]) -> DenialOutcome {
        guard let message = answer.message else {
            return DenialOutcome(status: .indeterminate, kind: "no answer")
        }
        let nxdomain = message.rcode == .nxDomain
        let server = [answer.server]
        let nsecRecords = message.authority.filter { $0.type == .nsec }
        let nsec3Records = message.authority.filter { $0.type == .nsec3 }
        reportUnknownNSEC3Flags(nsec3Records, zone: zone, server: answer.server)
        if nsecRecords.isEmpty && nsec3Records.isEmpty {
            let code: DiagnosticCode = nxdomain ? .missingNSECForNXDOMAIN : .missingNSECForNODATA
            return DenialOutcome(status: .bogus, kind: "nothing",
                                 problems: [SignatureProblem(code: code, message: "\(name) \(type): \(nxdomain ? "NXDOMAIN" : "NODATA") from \(answer.server) without NSEC or NSEC3", servers: server)])
        }
        // A proof needs at most three NSEC3 (RFC 5155 §7.2.1) or two NSEC
        // records; hundreds are an attack on the validator's CPU. Judged
        // before any signature is checked or name hashed.
        let proofRRsets = Set((nsecRecords + nsec3Records).map(\.owner)).count
        let maxProof = validator.limits.maxDenialRecords
        if proofRRsets > maxProof {
            return DenialOutcome(status: .indeterminate, kind: nsec3Records.isEmpty ? "NSEC" : "NSEC3",
                                 problems: [SignatureProblem(code: .nsec3HashLimit,
                                                             message: "\(name) \(type): \(answer.server) sent \(proofRRsets) NSEC/NSEC3 records to prove it does not exist, where a proof needs at most 3; not checked (more than \(maxProof)), as hardened validators refuse such answers",
                                                             servers: server)])
        }
        // Every proof record must itself validate with the zone's keys.
        var outcome = DenialOutcome(status: .secure, kind: nsec3Records.isEmpty ? "NSEC" : "NSEC3")
        var validOwners: [DNSName: Record] = [:]
        for rrset in RRset.group(nsecRecords + nsec3Records) {
            let validation = validator.validate(owner: rrset.owner, type: rrset.type, answers: [answer],
                                                section: { $0.authority }, keys: keys)
            if validation.isSecure {
                for record in rrset.records { validOwners[record.owner] = record }
                if let until = validation.validUntil { outcome.validUntil = min(outcome.validUntil ?? until, until) }
                outcome.proof.append(contentsOf: rrset.records.map { ProofLine(owner: $0.owner, type: $0.type, signed: true) })
            } else {
                outcome.problems += validation.problems
                outcome.proof.append(contentsOf: rrset.records.map { ProofLine(owner: $0.owner, type: $0.type, signed: false) })
            }
            for record in rrset.records { outcome.note(record, validation) }
        }
        let valid = Array(validOwners.values).filter { !Self.hasUnknownFlags($0) }
        if nsec3Records.isEmpty {
            nsecProof(name: name, type: type, nxdomain: nxdomain, zone: zone, records: valid, server: answer.server, into: &outcome)
        } else {
            nsec3Proof(name: name, type: type, nxdomain: nxdomain, zone: zone, records: valid, server: answer.server, into: &outcome)
        }
        return outcome
    }

    /// RFC 5155 §8.2: validators ignore an NSEC3 record whose flags are
    /// other than 0 or 1 (opt-out), so it proves nothing.
    static func hasUnknownFlags(_ record: Record) -> Bool {
        guard record.type == .nsec3, let data = try? NSEC3Data(rdata: record.rdata) else { return false }
        return data.hasUnassignedFlags
    }

    /// Checked on every NSEC3 record of a negative answer, whatever its
    /// signature: one finding per zone and flags value, seen on its servers.
    mutating func reportUnknownNSEC3Flags(_ records: [Record], zone: DNSName, server: ServerAddress) {
        let flags = Set(records.compactMap { try? NSEC3Data(rdata: $0.rdata) }.filter(\.hasUnassignedFlags).map(\.flags))
        for value in flags.sorted() {
            add(.nsec3UnknownFlags, .zone(zone), zone: zone, servers: [server],
                "NSEC3 records of \(zone) have flags \(value): only opt-out (1) is assigned, and validators ignore such records, so the denials they take part in fail")
        }
    }

    private func fail(_ outcome: inout DenialOutcome, _ code: DiagnosticCode, _ message: String, _ server: ServerAddress) {
        outcome.status = .bogus
        outcome.problems.append(SignatureProblem(code: code, message: message, servers: [server]))
    }

    mutating func nsecProof(name: DNSName, type: RRType, nxdomain: Bool, zone: DNSName, records: [Record],
                            server: ServerAddress, into outcome: inout DenialOutcome) {
        let nsecs = records.compactMap { record in (try? NSECData(rdata: record.rdata)).map { (record.owner, $0) } }
        if nxdomain {
            guard let cover = nsecs.first(where: { Denial.nsecCovers(owner: $0.0, next: $0.1.nextDomainName, name: name) }) else {
                return fail(&outcome, .snameNotCovered, "\(name): no valid NSEC covers the name", server)
            }
            outcome.role(cover.0, .coversName)
            // The closest encloser is the longest ancestor shared with the covering NSEC's ends.
            let encloser = [cover.0, cover.1.nextDomainName].map { commonAncestor(name, $0) }.max { $0.labelCount < $1.labelCount } ?? zone
            guard let wildcard = encloser.wildcard else { return }
            let denying = nsecs.first { Denial.nsecCovers(owner: $0.0, next: $0.1.nextDomainName, name: wildcard) }
                ?? nsecs.first { $0.0 == wildcard && !$0.1.types.contains(type) }
            if let denying { outcome.role(denying.0, .wildcard) } else {
                fail(&outcome, .wildcardNotCovered, "\(name): no valid NSEC denies the wildcard \(wildcard)", server)
            }
            return
        }
        // NODATA: an NSEC at the name whose bitmap lacks the type (and CNAME).
        if let match = nsecs.first(where: { $0.0 == name }) {
            outcome.role(match.0, .matchesName)
            if match.1.types.contains(type) || match.1.types.contains(.cname) {
                fail(&outcome, .stypeInBitmap, "\(name): the NSEC at the name lists \(type)", server)
            }
            if type == .ds && match.1.types.contains(.soa) && name != zone {
                fail(&outcome, .stypeInBitmap, "\(name): the NSEC offered for the DS is from the child zone (SOA bit set)", server)
            }
            return
        }
        // Wildcard NODATA or an empty non-terminal: a covering NSEC whose next name is below `name`.
        if let cover = nsecs.first(where: { Denial.nsecCovers(owner: $0.0, next: $0.1.nextDomainName, name: name) && $0.1.nextDomainName.isSubdomain(of: name) }) {
            outcome.role(cover.0, .coversName)
            return
        }
        fail(&outcome, .noNSECMatchingSname, "\(name) \(type): no valid NSEC is owned by the name", server)
    }

    mutating func nsec3Proof(name: DNSName, type: RRType, nxdomain: Bool, zone: DNSName, records: [Record],
                             server: ServerAddress, into outcome: inout DenialOutcome) {
        let nsec3s = records.compactMap { record -> ([UInt8], NSEC3Data, DNSName)? in
            guard let data = try? NSEC3Data(rdata: record.rdata), let hash = Denial.nsec3OwnerHash(record.owner) else { return nil }
            return (hash, data, record.owner)
        }
        let parameterSets = Set(nsec3s.map { "\($0.1.hashAlgorithm)/\($0.1.iterations)/\(Encodings.hex($0.1.salt))" })
        if parameterSets.count > 1 {
            add(.nsec3ParametersInconsistent, .zone(zone), zone: zone, servers: [server],
                "NSEC3 records from \(server) for \(name) use different parameters (algorithm/iterations/salt): \(parameterSets.sorted().joined(separator: ", "))")
        }
        guard let params = nsec3s.first?.1 else {
            return fail(&outcome, nxdomain ? .snameNotCovered : .missingNSECForNODATA, "\(name) \(type): no valid NSEC3 record", server)
        }
        nsec3Policy(params, zone: zone, servers: [server])
        if params.hashAlgorithm != 1 { return fail(&outcome, .algorithmNotSupported, "NSEC3 hash algorithm \(params.hashAlgorithm) is not supported", server) }
        // Validators that cap iterations treat the proof as insecure without
        // hashing anything (RFC 9276 §3.2): so do we, and spend nothing on it.
        if params.iterations > policy.nsec3IterationLimit {
            outcome.status = .insecure
            outcome.unchecked = "\(params.iterations) iterations, above the \(policy.nsec3IterationLimit) validators accept, so they treat it as insecure"
            return
        }
        // A hash the name's budget could not pay for leaves the proof unchecked:
        // say so, instead of what the missing hash would otherwise look like.
        let problemsBefore = outcome.problems.count
        var budgetHit = false
        defer {
            if budgetHit {
                outcome.problems.removeLast(outcome.problems.count - problemsBefore)
                fail(&outcome, .nsec3HashLimit, "\(name) \(type): NSEC3 proof not checked: this name's budget of \(validator.limits.nsec3HashesPerName) NSEC3 hashes is spent (\(nsec3s.count) NSEC3 records in the answer)", server)
            }
        }
        let validator = self.validator
        func hash(_ n: DNSName) -> [UInt8]? {
            let hashed = validator.nsec3Hash(n, iterations: params.iterations, salt: params.salt)
            if hashed == nil && validator.nsec3BudgetSpent { budgetHit = true }
            return hashed
        }
        // Each finds the record and notes the role it plays, with the name's hash.
        func matching(_ n: DNSName, as role: ProofRecord.Role) -> NSEC3Data? {
            guard let h = hash(n), let found = nsec3s.first(where: { $0.0 == h }) else { return nil }
            outcome.role(found.2, role, name: n, hash: h)
            return found.1
        }
        func covering(_ n: DNSName, as role: ProofRecord.Role) -> NSEC3Data? {
            guard let h = hash(n),
                  let found = nsec3s.first(where: { Denial.nsec3Covers(ownerHash: $0.0, nextHash: $0.1.nextHashedOwner, hash: h) })
            else { return nil }
            outcome.role(found.2, role, name: n, hash: h)
            return found.1
        }

        if !nxdomain, let match = matching(name, as: .matchesName) {
            if match.types.contains(type) || (type != .ds && match.types.contains(.cname)) {
                fail(&outcome, .stypeInBitmap, "\(name): the matching NSEC3 lists \(type)", server)
            }
            return
        }
        // Closest encloser proof (RFC 5155 §8.3).
        var encloser: DNSName? = nil
        var candidate = name.parent
        while let current = candidate, current.isSubdomain(of: zone) {
            if matching(current, as: .closestEncloser) != nil { encloser = current; break }
            candidate = current.parent
        }
        let closest = encloser
        let nextCloser = closest.map { name.suffix(labelCount: $0.labelCount + 1) }
        let cover = nextCloser.flatMap { covering($0, as: .nextCloser) }
        if !nxdomain {
            // NODATA without a matching NSEC3: only an opt-out span (for DS) or
            // a wildcard NODATA (RFC 5155 §8.6, §8.7) can still prove it.
            if type == .ds, let cover, cover.optOut {
                if let nextCloser { _ = covering(nextCloser, as: .optOut) }
                outcome.status = .insecure
                outcome.kind = "NSEC3 opt-out"
                return
            }
            if cover != nil, let wildcard = closest?.wildcard, let match = matching(wildcard, as: .wildcard) {
                if match.types.contains(type) { fail(&outcome, .stypeInBitmap, "\(name): the wildcard NSEC3 lists \(type)", server) }
                return
            }
            return fail(&outcome, .noNSEC3MatchingSname, "\(name) \(type): no NSEC3 matches the name", server)
        }
        guard let closest, let nextCloser else {
            return fail(&outcome, .noClosestEncloser, "\(name): no NSEC3 matches a closest encloser", server)
        }
        guard cover != nil else {
            return fail(&outcome, .nextClosestEncloserNotCovered, "\(name): no NSEC3 covers the next closer name \(nextCloser)", server)
        }
        if let wildcard = closest.wildcard, covering(wildcard, as: .wildcard) == nil {
            return fail(&outcome, .wildcardNotCovered, "\(name): no NSEC3 covers the wildcard \(wildcard)", server)
        }
    }

    mutating func nsec3Policy(_ params: NSEC3Data, zone: DNSName, servers: [ServerAddress] = []) {
        nsec3Policy(iterations: params.iterations, salt: params.salt, optOut: params.optOut, zone: zone, servers: servers)
    }

    mutating func nsec3Policy(iterations: UInt16, salt: [UInt8], optOut: Bool, zone: DNSName, servers: [ServerAddress] = []) {
        let params = (iterations: iterations, salt: salt, optOut: optOut)
        if params.optOut {
            add(.nsec3OptOut, .zone(zone), zone: zone, servers: servers, "\(zone) uses NSEC3 opt-out")
        }
        if params.iterations > policy.nsec3IterationLimit {
            add(.nsec3IterationsInsecure, .zone(zone), zone: zone, servers: servers,
                "\(zone) uses \(params.iterations) NSEC3 iterations, above the \(policy.nsec3IterationLimit) that unbound, BIND and Knot Resolver accept: they treat its denials as insecure")
        }
        if policy.ignoreRFC9276 { return }
        if params.iterations > 0 {
            add(.nonzeroNSEC3IterationCount, .zone(zone), zone: zone, servers: servers, "\(zone) uses \(params.iterations) NSEC3 iterations (RFC 9276: use 0)")
        }
        if !params.salt.isEmpty {
            add(.nonemptyNSEC3Salt, .zone(zone), zone: zone, servers: servers, "\(zone) uses NSEC3 salt \(Encodings.hex(params.salt)) (RFC 9276: use none)")
        }
    }

    /// Proof that a wildcard-expanded answer's name does not exist itself.
    mutating func wildcardProof(name: DNSName, labels: Int, answers: [ServerAnswer], zone: DNSName, keys: [Record]) -> DenialOutcome {
        let nextCloser = name.suffix(labelCount: labels + 1)
        var best = DenialOutcome(status: .bogus, kind: "nothing",
                                 problems: [SignatureProblem(code: .missingNSECForWildcard,
                                                             message: "\(name): wildcard answer without a valid NSEC/NSEC3 proving \(nextCloser) does not exist",
                                                             servers: answers.map(\.server))])
        for answer in answers {
            guard let message = answer.message else { continue }
            var outcome = DenialOutcome(status: .bogus, kind: "NSEC")
            var valid: [Record] = []
            reportUnknownNSEC3Flags(message.authority.filter { $0.type == .nsec3 }, zone: zone, server: answer.server)
            for rrset in RRset.group(message.authority.filter { $0.type == .nsec || $0.type == .nsec3 }) {
                let validation = validator.validate(owner: rrset.owner, type: rrset.type, answers: [answer],
                                                    section: { $0.authority }, keys: keys)
                if validation.isSecure { valid += rrset.records.filter { !Self.hasUnknownFlags($0) } }
                outcome.proof += rrset.records.map { ProofLine(owner: $0.owner, type: $0.type, signed: validation.isSecure) }
                for record in rrset.records { outcome.note(record, validation) }
            }
            // Iterations above the limit: insecure, unhashed, as in nsec3Proof.
            if valid.contains(where: { $0.type == .nsec3 && ((try? NSEC3Data(rdata: $0.rdata))?.iterations ?? 0) > policy.nsec3IterationLimit }) {
                outcome.status = .insecure
                return outcome
            }
            let nsecCover = valid.first { record in
                guard record.type == .nsec, let data = try? NSECData(rdata: record.rdata) else { return false }
                return Denial.nsecCovers(owner: record.owner, next: data.nextDomainName, name: name)
            }
            if let nsecCover { outcome.role(nsecCover.owner, .coversName) }
            var nsec3Cover = false
            for record in valid where nsecCover == nil {
                guard record.type == .nsec3, let data = try? NSEC3Data(rdata: record.rdata),
                      let owner = Denial.nsec3OwnerHash(record.owner),
                      data.iterations <= policy.nsec3IterationLimit,
                      let hash = validator.nsec3Hash(nextCloser, iterations: data.iterations, salt: data.salt),
                      Denial.nsec3Covers(ownerHash: owner, nextHash: data.nextHashedOwner, hash: hash) else { continue }
                outcome.role(record.owner, .nextCloser, name: nextCloser, hash: hash)
                nsec3Cover = true
                break
            }
            if nsecCover != nil || nsec3Cover {
                outcome.status = .secure
                return outcome
            }
            if !valid.isEmpty {
                best = outcome
                best.problems = [SignatureProblem(code: .missingNSECForWildcard, message: "\(name): wildcard answer, but no valid NSEC/NSEC3 covers \(nextCloser)", servers: [answer.server])]
            }
        }
        return best
    }
}

/// The longest common ancestor of two names.
func commonAncestor(_ a: DNSName, _ b: DNSName) -> DNSName {
    var count = 0
    for (x, y) in zip(a.labels.reversed(), b.labels.reversed()) {
        guard DNSName.labelsEqual(x, y) else { break }
        count += 1
    }
    return a.suffix(labelCount: count)
}
