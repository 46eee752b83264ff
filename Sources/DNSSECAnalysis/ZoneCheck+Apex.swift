import DNSModel
import DNSSEC

/// What the apex says about the rest of the zone: NSEC3 parameters, the
/// NXDOMAIN proof for a name that cannot exist, the apex bitmap, CDS/CDNSKEY.
extension ZoneCheck {
    // MARK: - Denial of existence

    /// NSEC3PARAM policy and a signed NXDOMAIN for a name that cannot exist:
    /// a broken chain shows here even when the asked name exists.
    mutating func denialSetup(_ run: inout AnalysisRun, keys: [Record]) {
        func text(_ iterations: UInt16, _ salt: [UInt8]) -> String {
            "\(iterations) iterations, salt \(salt.isEmpty ? "-" : Encodings.hex(salt))"
        }
        // Every NSEC3PARAM each server publishes: during a change of chain
        // (a re-salt) a zone legitimately has two.
        var byServer: [ServerAddress: Set<NSEC3PARAMData>] = [:]
        for answer in observation.nsec3paramAnswers {
            let params = Set(answer.answerRecords(zone, .nsec3param).compactMap { try? NSEC3PARAMData(rdata: $0.rdata) })
            guard !params.isEmpty else { continue }
            for param in params.sorted(by: { ($0.iterations, $0.salt.count) < ($1.iterations, $1.salt.count) }) {
                if byServer.isEmpty {
                    checks.append(.init(.info, "NSEC3PARAM: hash \(param.hashAlgorithm), \(text(param.iterations, param.salt))"))
                }
                run.nsec3Policy(iterations: param.iterations, salt: param.salt, optOut: false, zone: zone, servers: [answer.server])
            }
            byServer[answer.server] = params
        }
        // Every server should publish the same chain(s) (RFC 5155 §7.1): a
        // secondary left on the chain from before a re-salt shows here.
        func describe(_ params: Set<NSEC3PARAMData>) -> String {
            params.map { text($0.iterations, $0.salt) }.sorted().joined(separator: " and ")
        }
        let sets = Dictionary(grouping: byServer, by: { describe($0.value) })
        if sets.count > 1 {
            let parts = sets.map { key, servers in
                "\(key) on \(servers.map(\.key.description).sorted().joined(separator: ", "))"
            }.sorted()
            run.add(.nsec3ParametersInconsistent, .zone(zone), zone: zone, servers: byServer.keys.sorted(),
                    "the servers of \(zone) publish different NSEC3 chains: " + parts.joined(separator: "; "))
        }
        // The chain a server returns must use parameters it publishes.
        for probe in observation.nxdomainProbeAnswers {
            guard let params = byServer[probe.server] else { continue }
            for nsec3 in probe.message?.authority.filter({ $0.type == .nsec3 }) ?? [] {
                guard let data = try? NSEC3Data(rdata: nsec3.rdata),
                      !params.contains(where: { $0.iterations == data.iterations && $0.salt == data.salt && $0.hashAlgorithm == data.hashAlgorithm })
                else { continue }
                run.add(.nsec3ParametersInconsistent, .zone(zone), zone: zone, servers: [probe.server],
                        "\(probe.server) publishes NSEC3PARAM with \(describe(params)) but returns NSEC3 records with \(text(data.iterations, data.salt))")
                break
            }
        }
        nsec3OptOutAgreement(&run)
        // The apex NSEC/NSEC3 must list what the apex has (RFC 4035 §2.3).
        var apexTypes: [ServerAddress: Set<RRType>] = [:]
        let apexAnswers: [(RRType, [ServerAnswer])] = [(.soa, observation.soaAnswers), (.dnskey, observation.dnskeyAnswers),
                                                       (.ns, observation.nsAnswers), (.nsec3param, observation.nsec3paramAnswers),
                                                       (.cds, observation.cdsAnswers), (.cdnskey, observation.cdnskeyAnswers)]
        for (type, answers) in apexAnswers {
            for answer in answers where !answer.answerRecords(zone, type).isEmpty {
                apexTypes[answer.server, default: []].insert(type)
            }
        }
        run.existingTypesInBitmaps(name: zone, existing: apexTypes, answers: observation.nxdomainProbeAnswers,
                                   zone: zone, keys: keys)
        apexNODATAProofs(&run, keys: keys)
        guard let probe = observation.nxdomainProbeName else { return }
        var proven = false
        var problems: [SignatureProblem] = []
        for answer in observation.nxdomainProbeAnswers where answer.message?.rcode == .nxDomain {
            let outcome = run.checkDenial(name: probe, type: .a, answer: answer, zone: zone, keys: keys)
            if outcome.status == .secure || outcome.status == .insecure {
                if !proven {
                    checks.append(outcome.unchecked.map { .init(.warning, "The \(outcome.kind) proof that \(probe) does not exist is not checked: \($0)") }
                                  ?? .init(.ok, "\(outcome.kind) proves that \(probe) does not exist"))
                }
                proven = true
            } else {
                problems += outcome.problems
            }
        }
        // When some servers prove it, the others' failures are per-server warnings.
        for problem in problems {
            run.add(problem.code, .nxdomainProof(zone), zone: zone, servers: problem.servers, time: problem.time,
                    "negative answers from \(zone) do not validate: \(problem.message)" + (proven ? " (other servers prove it)" : ""),
                    severity: proven ? .warning : nil)
        }
    }

    /// The authoritative NODATA answers (NOERROR, no answer, no referral) to
    /// the apex questions that are NODATA in most zones: CDS, CDNSKEY, and
    /// NSEC3PARAM of an NSEC zone. Their SOA and their proof are judged.
    var apexNODATAAnswers: [(answer: ServerAnswer, message: Message)] {
        (observation.cdsAnswers + observation.cdnskeyAnswers + observation.nsec3paramAnswers).compactMap { answer in
            guard let message = answer.message, message.rcode == .noError, message.isAuthoritative,
                  message.answer.isEmpty, !message.authority.contains(where: { $0.type == .ns }) else { return nil }
            return (answer, message)
        }
    }

    /// The NODATA answers the apex gave (CDS, CDNSKEY, NSEC3PARAM the zone
    /// does not have) must prove it as any negative answer (RFC 4035 §3.1.3.1,
    /// RFC 5155 §7.2.3): the apex NSEC, or the NSEC3 matching the apex hash,
    /// signed, without the type in its bitmap (Zonemaster DNSSEC10). A
    /// parent polling CDS gets no usable answer from a server that fails.
    /// One finding per condition, with the servers and types where seen; a
    /// warning when other servers prove the same types. A server whose SOA
    /// answer carries no signature at all sends no DNSSEC records: that is
    /// its finding (UNABLE_TO_RETRIEVE_DNSSEC_RECORDS, SERVER_NO_DNSKEY),
    /// and its unproven NODATA only a consequence.
    mutating func apexNODATAProofs(_ run: inout AnalysisRun, keys: [Record]) {
        let withoutDNSSEC = Set(observation.soaAnswers.filter { answer in
            answer.message.map { message in !message.answer.contains { $0.type == .rrsig } } ?? false
        }.map(\.server))
        var failed: [DiagnosticCode: (servers: Set<ServerAddress>, types: Set<RRType>, example: SignatureProblem)] = [:]
        var proven: Set<RRType> = []   // types some server's NODATA does prove
        var surplus: [ServerAddress: (types: [RRType], records: Int)] = [:]
        for (answer, message) in apexNODATAAnswers where !withoutDNSSEC.contains(answer.server) {
            let proofSets = RRset.group(message.authority.filter { $0.type == .nsec || $0.type == .nsec3 }).count
            if proofSets > 1 {
                surplus[answer.server, default: ([], 0)].types.append(answer.question.type)
                surplus[answer.server]!.records = max(surplus[answer.server]!.records, proofSets)
            }
        }
        for (server, found) in surplus.sorted(by: { $0.key < $1.key }) {
            run.add(.nodataExtraDenialRecords, .denial(zone, found.types[0]), zone: zone, servers: [server],
                    "\(observation.label(server)) answers NODATA at the apex of \(zone) (\(found.types.map(\.description).joined(separator: ", "))) with up to \(found.records) NSEC/NSEC3 records where the proof needs one")
        }
        for (answer, _) in apexNODATAAnswers where !withoutDNSSEC.contains(answer.server) {
            let outcome = run.checkDenial(name: zone, type: answer.question.type, answer: answer, zone: zone, keys: keys)
            guard outcome.status == .bogus, let problem = outcome.problems.first else {
                proven.insert(answer.question.type)
                continue
            }
            failed[problem.code, default: ([], [], problem)].servers.insert(answer.server)
            failed[problem.code]!.types.insert(answer.question.type)
        }
        for (code, seen) in failed.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let servers = seen.servers.sorted(), types = seen.types.sorted { $0.rawValue < $1.rawValue }
            let elsewhere = seen.types.isSubset(of: proven)
            run.add(code, .denial(zone, types[0]), zone: zone, servers: servers,
                    "\(servers.map(observation.label).joined(separator: ", ")) answer\(servers.count == 1 ? "s" : "") NODATA at the apex of \(zone) (\(types.map(\.description).joined(separator: ", "))) without a valid proof: \(seen.example.message)"
                    + (elsewhere ? " (other servers prove it)" : ""),
                    severity: elsewhere ? .warning : nil)
        }
    }

    // MARK: - CDS / CDNSKEY

    /// Every CDS and CDNSKEY record the zone's servers returned, each once.
    var publishedCDS: (cds: [DSData], cdnskey: [DNSKEYData]) {
        let cds = Set(observation.cdsAnswers.flatMap { $0.answerRecords(zone, .cds) }.compactMap { try? DSData(rdata: $0.rdata) })
        let cdnskey = Set(observation.cdnskeyAnswers.flatMap { $0.answerRecords(zone, .cdnskey) }
            .compactMap { try? DNSKEYData(rdata: $0.rdata) })
        return (Array(cds), Array(cdnskey))
    }

    /// Servers must agree on CDS and CDNSKEY: a polling parent may ask any of
    /// them, and careful ones act only when all agree. True when they do.
    @discardableResult
    mutating func cdsConsistency(_ run: inout AnalysisRun) -> Bool {
        var agree = true
        for (type, answers, code) in [(RRType.cds, observation.cdsAnswers, DiagnosticCode.multipleCDS),
                                      (.cdnskey, observation.cdnskeyAnswers, .multipleCDNSKEY)] {
            var sets: [Set<[UInt8]>: [ServerAddress]] = [:]
            for answer in answers {
                guard let message = answer.message, message.rcode == .noError, message.isAuthoritative else { continue }
                sets[Set(answer.answerRecords(zone, type).map(\.rdata)), default: []].append(answer.server)
            }
            guard sets.count > 1 else { continue }
            agree = false
            let parts = sets.map { set, servers -> String in
                let what: String
                if type == .cds {
                    let items = set.compactMap { try? DSData(rdata: $0) }.map { "\($0.keyTag)/\($0.algorithm.rawValue)/\($0.digestType.rawValue)" }
                    what = items.isEmpty ? "no CDS" : "CDS " + items.sorted().joined(separator: ", ")
                } else {
                    let items = set.compactMap { try? DNSKEYData(rdata: $0) }.map { String(DNSKEYFacts(owner: zone, key: $0).keyTag) }
                    what = items.isEmpty ? "no CDNSKEY" : "CDNSKEY " + items.sorted().joined(separator: ", ")
                }
                return "\(what) on \(servers.map(\.description).sorted().joined(separator: ", "))"
            }.sorted()
            run.add(code, .zone(zone), zone: zone, servers: sets.values.flatMap { $0 },
                    "the servers of \(zone) disagree: " + parts.joined(separator: "; "))
        }
        return agree
    }

    /// What the zone would be if the parent took the CDS (or CDNSKEY) as its
    /// DS RRset: some published key it points to must sign the DNSKEY RRset.
    /// False (and reported) when it would break the chain.
    /// `severity` is lower when nothing is at stake yet (an unsigned delegation
    /// that a parent would simply not bootstrap).
    @discardableResult
    mutating func cdsResult(_ run: inout AnalysisRun, cds: [DSData], cdnskey: [DNSKEYData], severity: Severity? = nil) -> Bool {
        let published = allKeyRecords()
        let cdnskey = Array(Set(cdnskey))
        // Only what can be checked: a CDS of an algorithm or digest validators
        // cannot use would make the zone insecure, not bogus.
        let cds = cds.filter {
            SignatureVerifier.supportedAlgorithms.contains($0.algorithm) && DSDigest.supported.contains($0.digestType)
        }
        let usable = observation.dnskeyAnswers.filter { $0.message?.rcode == .noError }
        guard !usable.isEmpty else { return false }   // no DNSKEY answer: nothing to judge
        func check(_ what: String, _ entry: [Record]) -> Bool {
            if entry.isEmpty {
                run.add(.cdsWouldBreakChain, .zone(zone), zone: zone,
                        "\(what) points to no published DNSKEY of \(zone): with it as the DS the zone would be bogus",
                        severity: severity)
                return false
            }
            let validation = run.validator.validate(owner: zone, type: .dnskey, answers: usable, section: { $0.answer }, keys: entry)
            if validation.isSecure { return true }
            let tags = entry.compactMap { try? DNSKEYFacts(record: $0).keyTag }.sorted().map(String.init)
            run.add(.cdsWouldBreakChain, .zone(zone), zone: zone,
                    "\(what) points to DNSKEY \(tags.joined(separator: ", ")), which does not sign the DNSKEY RRset: with it as the DS the zone would be bogus",
                    severity: severity)
            return false
        }
        var works = true
        if !cds.isEmpty {
            let entry = published.filter { record in
                guard let key = try? DNSKEYData(rdata: record.rdata) else { return false }
                return cds.contains { run.validator.dsMatch($0, owner: zone, key: key) == .matches }
            }
            works = check("CDS " + cds.map { "\($0.keyTag)/\($0.algorithm.rawValue)/\($0.digestType.rawValue)" }.sorted().joined(separator: ", "), entry) && works
        }
        if !cdnskey.isEmpty {
            let entry = published.filter { record in
                guard let key = try? DNSKEYData(rdata: record.rdata) else { return false }
                return cdnskey.contains(key)
            }
            works = check("CDNSKEY " + cdnskey.map { String(DNSKEYFacts(owner: zone, key: $0).keyTag) }.sorted().joined(separator: ", "), entry) && works
        }
        return works
    }

    /// An unsigned delegation whose zone publishes CDS/CDNSKEY: would a parent
    /// that bootstraps from them (RFC 8078 §3, RFC 9615) make it secure? The
    /// CDS must describe a key that signs the DNSKEY RRset, and the CDS and
    /// CDNSKEY RRsets must be signed by the DNSKEY RRset they point into.
    mutating func bootstrapCheck(_ run: inout AnalysisRun) {
        let (cds, cdnskey) = publishedCDS
        guard !cds.isEmpty || !cdnskey.isEmpty else { return }
        if cds.contains(where: { $0.algorithm.rawValue == 0 }) || cdnskey.contains(where: { $0.algorithm.rawValue == 0 }) {
            checks.append(.init(.info, "\(zone) publishes the delete form of CDS/CDNSKEY and has no DS: nothing for a parent to do"))
            return
        }
        // Servers that disagree, or a CDS that would break the chain: a parent
        // does not bootstrap (both reported; nothing is broken yet, so warnings).
        guard cdsConsistency(&run), cdsResult(&run, cds: cds, cdnskey: cdnskey, severity: .warning) else { return }
        // cdsResult has validated the DNSKEY RRset with the keys the CDS and
        // CDNSKEY point to: its keys are trusted as a bootstrapping parent would.
        let published = allKeyRecords()
        for (type, answers) in [(RRType.cds, observation.cdsAnswers), (.cdnskey, observation.cdnskeyAnswers)] {
            let validation = run.validator.validate(owner: zone, type: type, answers: answers, section: { $0.answer }, keys: published)
            if validation.rrset != nil && !validation.isSecure {
                run.add(.cdsSignerInvalid, .zone(zone), zone: zone, servers: validation.servedBy,
                        "the \(type) RRset of \(zone) has no valid signature by the zone's own keys: a parent that bootstraps from it will not trust it")
                return
            }
        }
        let ds = cds.isEmpty
            ? cdnskey.map { "DS for DNSKEY \(DNSKEYFacts(owner: zone, key: $0).keyTag)" }.sorted().joined(separator: ", ")
            : "DS " + cds.map { "\($0.keyTag)/\($0.algorithm.rawValue)/\($0.digestType.rawValue)" }.sorted().joined(separator: ", ")
        // The finding waits for the RFC 9615 signals (AnalysisRun.bootstrapFindings).
        run.bootstrapCandidate = BootstrapCandidate(
            zone: zone, parent: observation.parent,
            cds: Set(observation.cdsAnswers.flatMap { $0.answerRecords(zone, .cds) }.map(\.rdata)),
            cdnskey: Set(observation.cdnskeyAnswers.flatMap { $0.answerRecords(zone, .cdnskey) }.map(\.rdata)),
            ds: ds, hosts: observation.nameServers.keys.sorted())
    }

    mutating func cdsChecks(_ run: inout AnalysisRun, dsSet: [DSData]) {
        guard let (cds, cdnskey, deletes) = cdsZoneChecks(&run) else { return }
        if deletes {
            run.add(.cdsDeleteRequested, .zone(zone), zone: zone,
                    "\(zone) publishes the delete form of CDS/CDNSKEY: a parent that polls will remove the DS and the zone becomes insecure")
            return
        }
        func list(_ set: [DSData]) -> String {
            set.map { "\($0.keyTag)/\($0.algorithm.rawValue)/\($0.digestType.rawValue)" }.sorted().joined(separator: ", ")
        }
        // Trust from an anchor in DNSKEY form: there is no DS RRset to compare with.
        let parentHas = dsSet.isEmpty ? "no DS (the zone's trust comes from an anchor)" : "DS \(list(dsSet))"
        // RFC 7344 §4.1: the parent acts on CDS/CDNSKEY only when signed by a
        // key that the current DS RRset points to.
        let entryTags = Set(dsSet.map(\.keyTag))
        let entryKeys = allKeyRecords().filter { record in
            guard let key = try? DNSKEYData(rdata: record.rdata) else { return false }
            return dsSet.contains { run.validator.dsMatch($0, owner: zone, key: key) == .matches }
        }
        for (type, answers) in [(RRType.cds, observation.cdsAnswers), (.cdnskey, observation.cdnskeyAnswers)] {
            let validation = run.validator.validate(owner: zone, type: type, answers: answers, section: { $0.answer },
                                                    keys: entryKeys)
            if validation.rrset != nil && !validation.isSecure && !dsSet.isEmpty {
                run.add(.cdsSignerInvalid, .zone(zone), zone: zone, servers: validation.servedBy,
                        "the \(type) RRset of \(zone) is not signed by a key the DS RRset (\(entryTags.sorted().map(String.init).joined(separator: ", "))) points to: a parent that polls ignores it")
                return
            }
        }
        cdsResult(&run, cds: Array(cds), cdnskey: cdnskey)
        if cds.isEmpty { return }
        if cds == Set(dsSet) {
            checks.append(.init(.ok, "CDS matches the DS RRset at the parent: a parent that polls has nothing to change"))
        } else {
            checks.append(.init(.info, dsSet.isEmpty
                ? "A parent that polls CDS would publish DS \(list(Array(cds)))"
                : "A parent that polls CDS would replace DS \(list(dsSet)) with \(list(Array(cds)))"))
            run.add(.cdsInconsistentWithDS, .zone(zone), zone: zone,
                    "CDS lists \(list(Array(cds))); the parent has \(parentHas): a parent that polls CDS will \(dsSet.isEmpty ? "publish" : "replace its DS with") those")
        }
    }
}

// MARK: - Denial setup, whatever the chain's status

extension ZoneCheck {
    /// What a zone's servers say about its denial of existence that needs no
    /// key: the NSEC3PARAM RRset (one record, hash SHA-1, flags zero: RFC
    /// 5155 §4) and whether every server uses the same method, NSEC or NSEC3
    /// (Zonemaster DNSSEC03 and DNSSEC10).
    mutating func denialMethodChecks(_ run: inout AnalysisRun) {
        var reported: Set<NSEC3PARAMData> = []
        for answer in observation.nsec3paramAnswers {
            let params = answer.answerRecords(zone, .nsec3param).compactMap { try? NSEC3PARAMData(rdata: $0.rdata) }
            if params.count > 1 {
                run.add(.nsec3paramMultiple, .rrset(zone, .nsec3param), zone: zone, servers: [answer.server],
                        "\(observation.label(answer.server)) publishes \(params.count) NSEC3PARAM records for \(zone): signers and secondaries pick one chain by it; more than one is a chain change left half done")
            }
            for param in params where reported.insert(param).inserted {
                let text = "NSEC3PARAM \(param.hashAlgorithm) \(param.flags) \(param.iterations) \(param.salt.isEmpty ? "-" : Encodings.hex(param.salt))"
                if param.hashAlgorithm != 1 {
                    run.add(.nsec3HashAlgorithmUnsupported, .rrset(zone, .nsec3param), zone: zone, servers: [answer.server],
                            "\(zone) publishes \(text): hash algorithm \(param.hashAlgorithm) is not SHA-1 (1), the only one defined; validators ignore NSEC3 records of that chain")
                }
                if param.flags != 0 {
                    run.add(.nsec3paramFlagsSet, .rrset(zone, .nsec3param), zone: zone, servers: [answer.server],
                            "\(zone) publishes \(text): its flags must be zero (RFC 5155 §4.1.2), and an NSEC3PARAM with flags set is ignored by signers and secondaries")
                }
            }
        }
        // NSEC on some servers, NSEC3 on others (or both in one answer): different copies of the zone.
        var methods: [String: [ServerAddress]] = [:]
        for answer in observation.nxdomainProbeAnswers {
            guard let message = answer.message else { continue }
            let types = Set(message.authority.map(\.type))
            let hasNSEC = types.contains(.nsec), hasNSEC3 = types.contains(.nsec3)
            if hasNSEC && hasNSEC3 {
                run.add(.denialMethodsMixed, .zone(zone), zone: zone, servers: [answer.server],
                        "\(observation.label(answer.server)) answers for \(zone) with NSEC and NSEC3 records in one denial")
            } else if hasNSEC || hasNSEC3 {
                methods[hasNSEC ? "NSEC" : "NSEC3", default: []].append(answer.server)
            }
        }
        if methods.count > 1 {
            let parts = methods.sorted { $0.key < $1.key }.map { method, servers in
                "\(method) on \(servers.sorted().map(observation.label).joined(separator: ", "))"
            }
            run.add(.denialMethodsMixed, .zone(zone), zone: zone, servers: methods.values.flatMap { $0 }.sorted(),
                    "the servers of \(zone) deny names with different methods: " + parts.joined(separator: "; ")
                        + ": they serve differently signed copies of the zone")
        }
        nsec3paramDenialAgreement(&run, methods: methods)
    }

    /// A server's NSEC3PARAM says which chain it denies with (RFC 5155 §4,
    /// §7.3): published while the server denies with NSEC, or missing while
    /// it denies with NSEC3, it names a chain that is not the one in use
    /// (Zonemaster DS10_INCONSISTENT_NSEC3). From the NXDOMAIN probe and the
    /// NSEC3PARAM query of each server that answered both.
    mutating func nsec3paramDenialAgreement(_ run: inout AnalysisRun, methods: [String: [ServerAddress]]) {
        var published: [ServerAddress: Bool] = [:]
        for answer in observation.nsec3paramAnswers {
            guard let message = answer.message, message.rcode == .noError, message.isAuthoritative else { continue }
            published[answer.server] = !answer.answerRecords(zone, .nsec3param).isEmpty
        }
        var odd: [(ServerAddress, String)] = []
        for (method, servers) in methods {
            for server in servers {
                guard let has = published[server] else { continue }
                if method == "NSEC" && has { odd.append((server, "publishes NSEC3PARAM but denies with NSEC")) }
                if method == "NSEC3" && !has { odd.append((server, "denies with NSEC3 but publishes no NSEC3PARAM")) }
            }
        }
        for (problem, servers) in Dictionary(grouping: odd, by: { $0.1 }).sorted(by: { $0.key < $1.key }) {
            let sorted = servers.map(\.0).sorted()
            run.add(.nsec3paramDenialMismatch, .rrset(zone, .nsec3param), zone: zone, servers: sorted,
                    "\(sorted.map(observation.label).joined(separator: ", ")) \(problem) for \(zone): the NSEC3PARAM does not describe the chain in use")
        }
    }
}

extension ZoneCheck {
    /// The same NSEC3 record (same owner hash) must carry the same opt-out
    /// flag on every server (Zonemaster DS03_INCONSISTENT_NSEC3_FLAGS):
    /// otherwise the servers serve two signings of the chain, one with
    /// opt-out and one without. Judged on the records of the NXDOMAIN probe
    /// and of the apex NODATA answers; other chains (a re-salt) have other
    /// owners and are NSEC3_PARAMETERS_INCONSISTENT instead.
    mutating func nsec3OptOutAgreement(_ run: inout AnalysisRun) {
        var flags: [DNSName: [ServerAddress: Bool]] = [:]
        let answers = observation.nxdomainProbeAnswers + apexNODATAAnswers.map(\.answer)
        for answer in answers {
            for record in answer.message?.authority ?? [] where record.type == .nsec3 {
                guard let data = try? NSEC3Data(rdata: record.rdata) else { continue }
                flags[record.owner, default: [:]][answer.server] = data.optOut
            }
        }
        var withOptOut: Set<ServerAddress> = [], without: Set<ServerAddress> = []
        for (_, byServer) in flags where Set(byServer.values).count > 1 {
            for (server, optOut) in byServer {
                if optOut { withOptOut.insert(server) } else { without.insert(server) }
            }
        }
        guard !withOptOut.isEmpty, !without.isEmpty else { return }
        func names(_ servers: Set<ServerAddress>) -> String {
            servers.sorted().map(observation.label).joined(separator: ", ")
        }
        run.add(.nsec3OptOutInconsistent, .zone(zone), zone: zone, servers: withOptOut.union(without).sorted(),
                "the NSEC3 records for \(zone) have opt-out on \(names(withOptOut)) but not on \(names(without)): the servers serve different signings of the chain")
    }
}

extension ZoneCheck {
    /// A server that answers SOA and DNSKEY must answer the zone's other
    /// apex questions too (Zonemaster DNSSEC03 and DNSSEC10 ask NSEC3PARAM
    /// and NSEC; parents polling CDS ask CDS and CDNSKEY). One finding per
    /// server, with each failed type and why.
    mutating func apexQueryChecks(_ run: inout AnalysisRun) {
        let answering = Set((observation.soaAnswers + observation.dnskeyAnswers).filter {
            guard let message = $0.message else { return false }
            return message.rcode == .noError && message.isAuthoritative
        }.map(\.server))
        var failed: [ServerAddress: [String]] = [:]
        for answer in observation.nsec3paramAnswers + observation.cdsAnswers + observation.cdnskeyAnswers
        where answering.contains(answer.server) {
            let why: String?
            if let message = answer.message {
                if ![.noError, .nxDomain].contains(message.rcode) {
                    why = "\(message.rcode)"
                } else if !message.isAuthoritative && !message.authority.contains(where: { $0.type == .ns }) {
                    why = "an answer without AA"
                } else {
                    why = nil
                }
            } else if answer.exchange.failure == .notAsked || answer.isInvalidResponse {
                why = nil   // not asked (a dead server), or already its own finding
            } else {
                why = answer.exchange.failure.map { "no answer (\($0.rawValue))" } ?? answer.problem
            }
            if let why { failed[answer.server, default: []].append("\(answer.question.type): \(why)") }
        }
        for (server, failures) in failed.sorted(by: { $0.key < $1.key }) {
            run.add(.apexQueryFailed, .server(server, names: observation.hostNames(of: server), zone: zone), zone: zone, servers: [server],
                    "\(observation.label(server)) answers SOA and DNSKEY for \(zone) but not the other questions about its apex: \(failures.joined(separator: "; "))")
        }
    }

    /// A NODATA answer carries the zone's SOA in its authority section (RFC
    /// 2308 §2.2): resolvers take the negative TTL from it and do not cache
    /// the answer without it. Judged on the apex questions that are NODATA
    /// in most zones (CDS, CDNSKEY, NSEC3PARAM of an NSEC zone).
    mutating func nodataSOAChecks(_ run: inout AnalysisRun) {
        var missing: [ServerAddress: [String]] = [:]
        var foreign: [ServerAddress: (owner: DNSName, types: [String])] = [:]
        for (answer, message) in apexNODATAAnswers {
            let soas = message.authority.filter { $0.type == .soa }
            if soas.isEmpty {
                missing[answer.server, default: []].append(answer.question.type.description)
            } else if let other = soas.first(where: { $0.owner != zone }) {
                foreign[answer.server, default: (other.owner, [])].types.append(answer.question.type.description)
            }
        }
        for (server, types) in missing.sorted(by: { $0.key < $1.key }) {
            run.add(.nodataWithoutSOA, .server(server, names: observation.hostNames(of: server), zone: zone), zone: zone, servers: [server],
                    "\(observation.label(server)) answers NODATA for \(zone) (\(types.joined(separator: ", "))) without the zone's SOA in the authority section: resolvers cannot cache the negative answer")
        }
        for (server, found) in foreign.sorted(by: { $0.key < $1.key }) {
            run.add(.nodataWithoutSOA, .server(server, names: observation.hostNames(of: server), zone: zone), zone: zone, servers: [server],
                    "\(observation.label(server)) answers NODATA for \(zone) (\(found.types.joined(separator: ", "))) with the SOA of \(found.owner), not of \(zone), in the authority section")
        }
    }
}

extension ZoneCheck {
    /// The keys a CDS or CDNSKEY hands to the parent must be zone keys (the
    /// parent's DS would point to a key validators ignore) and should carry
    /// the SEP flag (RFC 7344 §4: the keys the DS points to; Zonemaster
    /// DNSSEC16/17).
    mutating func cdsKeyFlags(_ run: inout AnalysisRun, cds: [DSData], cdnskey: [DNSKEYData]) {
        var named: Set<DNSKEYData> = Set(cdnskey)
        for record in allKeyRecords() {
            guard let key = try? DNSKEYData(rdata: record.rdata) else { continue }
            if cds.contains(where: { run.validator.dsMatch($0, owner: zone, key: key) == .matches }) { named.insert(key) }
        }
        let tagged = named.map { (tag: DNSKEYFacts(owner: zone, key: $0).keyTag, key: $0) }
        for (tag, key) in tagged.sorted(by: { $0.tag < $1.tag }) {
            let subject: Subject = .dnskey(zone, keyTag: tag, algorithm: key.algorithm.rawValue)
            let by = cdnskey.contains(key) ? (cds.contains { $0.keyTag == tag } ? "CDS and CDNSKEY" : "CDNSKEY") : "CDS"
            if !key.isZoneKey {
                run.add(.cdsKeyNotZoneKey, subject, zone: zone,
                        "the \(by) of \(zone) point\(by == "CDS and CDNSKEY" ? "" : "s") to key \(tag), whose flags (\(key.flags)) lack the ZONE bit: a DS for it would point to a key validators may not use for the zone")
            } else if !key.isSecureEntryPoint {
                run.add(.cdsKeyNotSEP, subject, zone: zone,
                        "the \(by) of \(zone) point\(by == "CDS and CDNSKEY" ? "" : "s") to key \(tag), which lacks the SEP flag (flags \(key.flags)): it works, but parents and tools that expect the DS to point to a key-signing key may refuse or misreport it")
            }
        }
    }
}

extension ZoneCheck {
    /// RFC 7344 §4.1 lets a parent ask that the new key prove it is held:
    /// the CDS/CDNSKEY RRset signed by a key it describes (Zonemaster
    /// DS16_CDS_NOT_SIGNED_BY_CDS, DS17_CDNSKEY_NOT_SIGNED_BY_CDNSKEY).
    mutating func cdsSelfSignature(_ run: inout AnalysisRun, cds: [DSData], cdnskey: [DNSKEYData]) {
        let described: [(RRType, Set<UInt16>, [ServerAnswer])] = [
            (.cds, Set(cds.map(\.keyTag)), observation.cdsAnswers),
            (.cdnskey, Set(cdnskey.map { DNSKEYFacts(owner: zone, key: $0).keyTag }), observation.cdnskeyAnswers),
        ]
        for (type, tags, answers) in described where !tags.isEmpty {
            var signers: Set<UInt16> = []
            for answer in answers {
                for record in answer.signatures(over: type, at: zone, in: answer.message?.answer ?? []) {
                    if let sig = try? RRSIGData(rdata: record.rdata) { signers.insert(sig.keyTag) }
                }
            }
            guard !signers.isEmpty, signers.isDisjoint(with: tags) else { continue }
            run.add(.cdsNotSelfSigned, .rrsigs(zone, covering: type), zone: zone,
                    "the \(type) RRset of \(zone) describes key\(tags.count == 1 ? "" : "s") \(tags.sorted().map(String.init).joined(separator: ", ")) but is signed only by \(signers.sorted().map(String.init).joined(separator: ", ")): a parent that wants proof the new key is held (RFC 7344 §4.1) waits")
        }
    }
}

extension ZoneCheck {
    /// The answer to a question about the apex holds the RRset asked for and
    /// its signatures (RFC 1034 §4.3.2); anything else in the answer section
    /// (another type, another owner) is a rewriting front end or a broken
    /// server (Zonemaster DS10_NSEC3PARAM_GIVES_ERR_ANSWER,
    /// DS10_NSEC3PARAM_MISMATCHES_APEX). One finding per server, with the
    /// records as they came.
    mutating func unexpectedAnswerChecks(_ run: inout AnalysisRun) {
        let answers = observation.soaAnswers + observation.nsAnswers + observation.dnskeyAnswers
            + observation.nsec3paramAnswers + observation.cdsAnswers + observation.cdnskeyAnswers
        var stray: [ServerAddress: [(asked: RRType, owner: DNSName, type: RRType)]] = [:]
        for answer in answers where answer.question.name == zone && !answer.isInvalidResponse {
            let asked = answer.question.type
            for record in answer.message?.answer ?? [] {
                if record.owner == zone && record.type == asked { continue }
                if record.owner == zone && record.type == .rrsig,
                   RRSIGData.typeCovered(rdata: record.rdata) == asked { continue }
                let item = (asked: asked, owner: record.owner, type: record.type)
                if !stray[answer.server, default: []].contains(where: { $0 == item }) {
                    stray[answer.server, default: []].append(item)
                }
            }
        }
        for (server, items) in stray.sorted(by: { $0.key < $1.key }) {
            let byQuestion = Dictionary(grouping: items, by: \.asked).sorted { $0.key < $1.key }.map { asked, records in
                "\(asked) with " + records.map { "\($0.owner) \($0.type)" }.joined(separator: ", ")
            }
            run.add(.unexpectedAnswerRecords, .server(server, names: observation.hostNames(of: server), zone: zone), zone: zone,
                    servers: [server],
                    "\(observation.label(server)) answers questions about the apex of \(zone) with records not asked for: \(byQuestion.joined(separator: "; "))")
        }
    }
}

extension ZoneCheck {
    /// The CDS/CDNSKEY checks that concern the zone alone, not its parent's
    /// DS (RFC 7344 §4, RFC 8078 §4; Zonemaster DNSSEC15-17): the delete
    /// form alone, CDS and CDNSKEY paired and describing the same keys,
    /// the keys' flags, the RRsets signed by a key they describe. Run on a
    /// validated chain before the comparison with the parent's DS, and on
    /// a zone whose chain does not hold with its own keys. Returns the
    /// records for the parent-side checks, or nil when there is nothing
    /// more to judge.
    @discardableResult
    mutating func cdsZoneChecks(_ run: inout AnalysisRun) -> (cds: Set<DSData>, cdnskey: [DNSKEYData], deletes: Bool)? {
        let (cdsList, cdnskey) = publishedCDS
        let cds = Set(cdsList)
        if cds.isEmpty && cdnskey.isEmpty { return nil }
        let deletes = cds.contains(where: { $0.algorithm.rawValue == 0 }) || cdnskey.contains(where: { $0.algorithm.rawValue == 0 })
        if deletes && (cds.count > 1 || cdnskey.count > 1) {
            run.add(.cdsDeleteMixed, .zone(zone), zone: zone,
                    "\(zone) publishes the delete form of CDS/CDNSKEY together with other CDS/CDNSKEY records (\(cds.count) CDS, \(cdnskey.count) CDNSKEY): RFC 8078 §4 wants the delete record alone, so a parent ignores the set")
            return nil
        }
        if cds.isEmpty != cdnskey.isEmpty {
            run.add(.cdsCDNSKEYUnpaired, .zone(zone), zone: zone,
                    "\(zone) publishes \(cds.isEmpty ? "CDNSKEY but no CDS" : "CDS but no CDNSKEY"): a parent that polls only \(cds.isEmpty ? "CDS" : "CDNSKEY") sees no request")
        }
        if deletes { return (cds, cdnskey, true) }
        cdsKeyFlags(&run, cds: Array(cds), cdnskey: cdnskey)
        cdsSelfSignature(&run, cds: Array(cds), cdnskey: cdnskey)
        if !cds.isEmpty && !cdnskey.isEmpty {
            let cdsKeys = Set(cds.map { "\($0.keyTag)/\($0.algorithm.rawValue)" })
            let cdnskeyKeys = Set(cdnskey.map { "\(DNSKEYFacts(owner: zone, key: $0).keyTag)/\($0.algorithm.rawValue)" })
            let digestsAgree = cds.allSatisfy { ds in
                cdnskey.contains { run.validator.dsMatch(ds, owner: zone, key: $0) == .matches }
                    || !DSDigest.supported.contains(ds.digestType)
            }
            if cdsKeys != cdnskeyKeys || !digestsAgree {
                run.add(.cdnskeyInconsistentWithCDS, .zone(zone), zone: zone,
                        "CDS describes keys \(cdsKeys.sorted().joined(separator: ", ")); CDNSKEY holds \(cdnskeyKeys.sorted().joined(separator: ", "))\(digestsAgree ? "" : " (a CDS digest matches no CDNSKEY)")")
            }
        }
        return (cds, cdnskey, false)
    }
}
