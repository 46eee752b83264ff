import DNSModel
import DNSSEC

/// Validates one zone on the path: its DS at the parent (or the trust
/// anchor), its DNSKEY RRset, the keys' roles and policy, and its servers.
struct ZoneCheck {
    let observation: ZoneObservation
    let inherited: SecurityStatus?
    let parentKeys: [Record]?
    let anchored: Bool
    var checks: [CheckLine] = []
    /// The parent's signatures over the DS RRset, as delegation() judged them.
    var dsRRSIGs: [RRSIGReport] = []

    init(zone: ZoneObservation, inherited: SecurityStatus?, parentKeys: [Record]?, anchored: Bool) {
        self.observation = zone
        self.inherited = inherited
        self.parentKeys = parentKeys
        self.anchored = anchored
    }

    struct Outcome {
        var report: ZoneReport
        var trustedKeys: [Record]?
    }

    var zone: DNSName { observation.zone }

    mutating func run(_ run: inout AnalysisRun) -> Outcome {
        serverHealth(&run)
        parentDSChecks(&run)
        denialMethodChecks(&run)
        nodataSOAChecks(&run)
        apexQueryChecks(&run)
        unexpectedAnswerChecks(&run)
        let expires = observation.soaAnswers.flatMap { $0.answerRecords(zone, .soa) }
            .compactMap { try? SOAData(rdata: $0.rdata).expire }
        if let expire = expires.min() { run.soaExpire[zone] = Int64(expire) }
        var dsReports: [DSReport] = []
        var status: SecurityStatus
        var dsSet: [DSData] = []
        var anchorKeys: [DNSKEYData] = []
        var cdsCompared = false

        // 1. Where trust comes from: an anchor, or a validated DS RRset at the parent.
        if anchored {
            dsSet = run.analyzer.anchors.ds[zone] ?? []
            anchorKeys = run.analyzer.anchors.keys[zone] ?? []
            for ds in dsSet { checks.append(.init(.info, "DS=\(ds.keyTag)/\(ds.digestType) is a trust anchor")) }
            for key in anchorKeys {
                checks.append(.init(.info, "DNSKEY=\(DNSKEYFacts(owner: zone, key: key).keyTag) is a trust anchor"))
            }
            status = .secure
        } else if let inherited, inherited != .secure {
            status = inherited
            if observation.undelegated { undelegatedFinding(&run, dsSet: []) }
        } else if observation.undelegated {
            (status, dsSet) = undelegatedTrust(&run)
        } else if inherited == .secure, let whatIf = run.analyzer.whatIfDS[zone] {
            dsSet = whatIf
            for ds in whatIf { checks.append(.init(.info, "DS=\(ds.keyTag)/\(ds.digestType) assumed at the parent (what-if)")) }
            status = .secure
        } else if inherited == nil {
            // The top of the path has no anchor: nothing can be secure.
            status = .insecure
        } else {
            (status, dsSet) = delegation(&run)
            // A signed parent proved there is no DS: a zone that signs itself
            // and publishes CDS is asking to be bootstrapped.
            if status == .insecure {
                bootstrapCheck(&run)   // compares the servers' CDS/CDNSKEY itself
                cdsCompared = true
            }
        }

        var trustedKeys: [Record]? = nil
        var keyReports: [DNSKEYReport] = []
        var rrsigReports: [RRSIGReport] = []
        var soaValidServers: Set<ServerAddress> = []
        if status == .secure {
            let result = keys(&run, dsSet: dsSet, anchorKeys: anchorKeys)
            status = result.status
            trustedKeys = result.trusted
            keyReports = result.keyReports
            dsReports = result.dsReports
            for ds in dsReports where ds.status == .matches {
                guard let key = keyReports.first(where: { $0.keyTag == ds.matchedKeyTag && $0.algorithm == ds.algorithm }),
                      key.flags & DNSKEYData.sepFlag == 0 else { continue }
                run.add(.dsKeyNotSEP, .ds(zone, keyTag: ds.keyTag, algorithm: ds.algorithm, digestType: ds.digestType), zone: zone,
                        "DS \(ds.keyTag) points to key \(key.keyTag), which lacks the SEP flag (flags \(key.flags)): validation does not need it, but the DS is meant for the key-signing key")
            }
            rrsigReports = result.rrsigs
        } else {
            keyReports = describeKeys(run.validator, dsSet: dsSet).0
            // Key policy is the zone's own, whatever the chain above it says
            // (Zonemaster's DNSSEC05 and DNSSEC14 judge it at every zone).
            let records = allKeyRecords()
            if !records.isEmpty { keyPolicy(&run, records, dsUsable: false) }
            // The zone's own DNSSEC (its NSEC3 parameters and the apex
            // probe's denial, its CDS/CDNSKEY, its SOA's signatures) is judged
            // with the keys that sign its DNSKEY RRset, whatever the chain
            // above it says, as Zonemaster judges every zone (DNSSEC03, 09,
            // 10, 13, 15-17). A zone whose own keys do not validate (expired, or
            // signed by no key it publishes) is left out: those findings
            // would be consequences of what is already reported.
            if let own = selfSignedKeys(run, records) {
                // The bootstrap path (an unsigned delegation) judges the
                // CDS/CDNSKEY as a bootstrapping parent would; elsewhere
                // the checks that concern the zone alone run here.
                if !cdsCompared {
                    _ = cdsConsistency(&run)
                    cdsZoneChecks(&run)
                }
                denialSetup(&run, keys: own)
                // Findings only: nothing relies on the SOA while the chain does not hold.
                _ = soaSignatures(&run, keys: own)
            }
        }
        if status == .secure, let trustedKeys {
            let soa = soaSignatures(&run, keys: trustedKeys)
            rrsigReports += soa.signatures
            soaValidServers = Set(soa.validServers)
            if soa.isSecure {
                checks.append(.init(.ok, "RRSIG=\(soa.signingKeyTags.sorted().map(String.init).joined(separator: ",")) verifies the SOA RRset"))
            }
            cdsChecks(&run, dsSet: dsSet)
            cdsConsistency(&run)
            denialSetup(&run, keys: trustedKeys)
        }
        let earliest = rrsigReports.filter { $0.status == .valid }.map(\.expiration).min()
        let verdicts = serverVerdicts(&run, status: status, trustedKeys: trustedKeys, soaValid: soaValidServers)
        return Outcome(
            report: ZoneReport(zone: zone, parent: observation.parent, status: status,
                               servers: observation.servers,
                               nameServers: observation.nameServers.sorted { $0.key < $1.key }.map {
                                   NameServerReport(name: $0.key, addresses: $0.value.sorted())
                               },
                               serverHealth: serverHealthReports(),
                               ds: dsReports, dnskeys: keyReports,
                               rrsigs: rrsigReports, earliestExpiration: earliest, checks: checks,
                               serverVerdicts: verdicts, dsRRSIGs: dsRRSIGs),
            trustedKeys: trustedKeys)
    }

    // MARK: - Pre-delegation testing (--ns)

    /// An undelegated zone under a secure parent is checked as if the parent
    /// published the DS given with --ds or, without it, the DS of the zone's
    /// own SEP keys: the zone's DNSSEC is judged as it will be once delegated.
    mutating func undelegatedTrust(_ run: inout AnalysisRun) -> (SecurityStatus, [DSData]) {
        guard inherited == .secure else {
            undelegatedFinding(&run, dsSet: [])
            return (.insecure, [])
        }
        if let given = run.analyzer.whatIfDS[zone] {
            for ds in given { checks.append(.init(.info, "DS=\(ds.keyTag)/\(ds.digestType) assumed at the parent (undelegated, --ds)")) }
            undelegatedFinding(&run, dsSet: given)
            return (.secure, given)
        }
        let keys = allKeyRecords().compactMap { try? DNSKEYData(rdata: $0.rdata) }
            .filter { $0.isZoneKey && $0.isSecureEntryPoint && !$0.isRevoked }
        let derived = keys.compactMap { DSDigest.makeDS(owner: zone, key: $0, type: .sha256) }
        guard !derived.isEmpty else {
            checks.append(.init(.info, "No SEP key in the DNSKEY answers: the parent would publish no DS (undelegated)"))
            undelegatedFinding(&run, dsSet: [])
            return (.insecure, [])
        }
        for ds in derived {
            checks.append(.init(.info, "DS=\(ds.keyTag)/\(ds.digestType) of the zone's SEP key assumed at the parent (undelegated; give --ds to test another)"))
        }
        undelegatedFinding(&run, dsSet: derived)
        return (.secure, derived)
    }

    /// Says the zone was checked as if delegated, and what the parent must
    /// publish for that: the NS set, glue for names inside the zone, the DS.
    mutating func undelegatedFinding(_ run: inout AnalysisRun, dsSet: [DSData]) {
        let parent = observation.parent ?? .root
        let names = observation.nameServers.keys.sorted()
        var records = names.map { "\(zone) IN NS \($0)" }
        for name in names where name.isSubdomain(of: zone) {
            for address in observation.nameServers[name] ?? [] {
                records.append("\(name) IN \(address.isIPv6 ? "AAAA" : "A") \(address.ip)")
            }
        }
        records += dsSet.map { $0.zoneFileLine(owner: zone) }
        let servers = names.map { name in
            let addresses = (observation.nameServers[name] ?? []).map(\.ip)
            return "\(name) (\(addresses.isEmpty ? "no address" : addresses.joined(separator: ", ")))"
        }
        run.add(.undelegatedZone, .delegation(parent: parent, child: zone), zone: zone, servers: observation.servers,
                "\(zone) is checked on the name servers given with --ns, \(servers.joined(separator: ", ")), as if \(parent) delegated it to them; for that delegation \(parent) must publish "
                    + records.map { "`\($0)`" }.joined(separator: ", ")
                    + (dsSet.isEmpty ? " (and no DS: the zone would be insecure)" : ""),
                remedy: "Submit the NS set, the glue and the DS above to the registrar (the parent's operator); `dnssec-check ds` prints the DS from the zone's keys.")
    }

    // MARK: - DS at the parent

    mutating func delegation(_ run: inout AnalysisRun) -> (SecurityStatus, [DSData]) {
        guard let parent = observation.parent, let parentKeys else { return (.insecure, []) }
        let answers = observation.dsAnswers
        let usable = observation.usableDSAnswers
        if usable.isEmpty {
            // Out of time is CHECK_DEADLINE_EXCEEDED, not the servers' silence.
            run.noServerAnswered(.delegation(parent: parent, child: zone), zone: zone, answers: answers,
                                 "no server of \(parent) answered the DS query for \(zone)")
            return (.indeterminate, [])
        }
        let withDS = usable.filter { !$0.answerRecords(zone, .ds).isEmpty }
        // The servers' agreement on the DS RRset is judged for every zone (parentDSChecks).
        if !withDS.isEmpty {
            let validation = run.validator.validate(owner: zone, type: .ds, answers: withDS, section: { $0.answer },
                                                    keys: parentKeys)
            run.reportProblems(validation, subject: .rrset(zone, .ds), zone: zone)
            dsRRSIGs = validation.signatures
            let records = validation.rrset?.rdatas.compactMap { try? DSData(rdata: $0) } ?? []
            checks.append(.init(.ok, "Found \(records.count) DS record\(records.count == 1 ? "" : "s") for \(zone) in the \(parent) zone"))
            guard validation.isSecure else {
                checks.append(.init(.error, "No valid RRSIG over the DS RRset of \(zone) in \(parent)"))
                return (.bogus, records)
            }
            run.notePath(validation, .rrsigs(zone, covering: .ds), zone: zone)
            checks.append(.init(.ok, "RRSIG=\(validation.signingKeyTags.sorted().map(String.init).joined(separator: ",")) and DNSKEY of \(parent) verifies the DS RRset"))
            return (.secure, records)
        }
        // No DS: the parent must prove it (RFC 4035 §5.2).
        var best: DenialOutcome?
        for answer in usable {
            let outcome = run.checkDenial(name: zone, type: .ds, answer: answer, zone: parent, keys: parentKeys)
            if best == nil || outcome.status < best!.status { best = outcome }
        }
        guard let denial = best else { return (.indeterminate, []) }
        switch denial.status {
        case .secure, .insecure:
            checks.append(.init(.info, "No DS records found for \(zone) in the \(parent) zone (proven by \(denial.description))"))
            run.add(.insecureDelegation, .delegation(parent: parent, child: zone), zone: zone,
                    denial.unchecked.map { "\(parent) denies a DS for \(zone) with \(denial.kind) that validators do not check (\($0)): the zone is insecure" }
                        ?? "\(parent) proves with \(denial.kind) that \(zone) has no DS: the zone is insecure")
            return (.insecure, [])
        default:
            checks.append(.init(.error, "No DS records for \(zone) in \(parent), and no valid proof that none exist"))
            for problem in denial.problems {
                run.add(problem.code, .rrset(zone, .ds), zone: zone, servers: problem.servers, time: problem.time, problem.message)
            }
            run.add(.dsAbsenceNotProven, .delegation(parent: parent, child: zone), zone: zone, servers: usable.map(\.server),
                    "\(parent) returned no DS for \(zone) without a valid NSEC/NSEC3 proof")
            return (.bogus, [])
        }
    }

    // MARK: - DNSKEY RRset

    struct KeyResult {
        var status: SecurityStatus
        var trusted: [Record]?
        var keyReports: [DNSKEYReport]
        var dsReports: [DSReport]
        var rrsigs: [RRSIGReport]
    }

    mutating func keys(_ run: inout AnalysisRun, dsSet: [DSData], anchorKeys: [DNSKEYData]) -> KeyResult {
        let answers = observation.dnskeyAnswers
        let supportedDS = dsSet.filter {
            SignatureVerifier.supportedAlgorithms.contains($0.algorithm) && DSDigest.supported.contains($0.digestType)
        }
        // RFC 4035 §5.2 holds for an anchor in DNSKEY form as for one in DS
        // form: a key of an algorithm validators cannot use makes the zone
        // insecure, not bogus.
        let supportedAnchors = anchorKeys.filter { SignatureVerifier.supportedAlgorithms.contains($0.algorithm) }
        let nothingUsable = supportedDS.isEmpty && supportedAnchors.isEmpty
        // A parent's DS of an unassigned, reserved or private digest type has
        // its own finding (parentDSChecks); anchors and what-if DS do not.
        let fromParent = !anchored && run.analyzer.whatIfDS[zone] == nil && !observation.undelegated
        for ds in dsSet where !DSDigest.supported.contains(ds.digestType)
            && (!fromParent || ds.digestType.registryClass == .assigned) {
            run.add(.digestAlgorithmNotSupported, .ds(zone, keyTag: ds.keyTag, algorithm: ds.algorithm.rawValue, digestType: ds.digestType.rawValue),
                    zone: zone, "digest type \(ds.digestType.rawValue) (\(ds.digestType)) cannot be computed; this DS is ignored")
        }
        for ds in dsSet where !SignatureVerifier.supportedAlgorithms.contains(ds.algorithm) {
            run.add(.algorithmNotSupported, .ds(zone, keyTag: ds.keyTag, algorithm: ds.algorithm.rawValue, digestType: ds.digestType.rawValue), zone: zone,
                    "DS \(ds.keyTag) uses algorithm \(ds.algorithm.rawValue) (\(ds.algorithm)), which validators cannot check",
                    severity: nothingUsable ? .warning : .info)
        }
        for key in anchorKeys where !SignatureVerifier.supportedAlgorithms.contains(key.algorithm) {
            let tag = DNSKEYFacts(owner: zone, key: key).keyTag
            run.add(.algorithmNotSupported, .dnskey(zone, keyTag: tag, algorithm: key.algorithm.rawValue), zone: zone,
                    "the trust anchor DNSKEY \(tag) uses algorithm \(key.algorithm.rawValue) (\(key.algorithm)), which validators cannot check",
                    remedy: "Use a trust anchor (--trust-anchor) of an algorithm validators implement (RFC 8624): the zone's current KSK or its DS.",
                    severity: nothingUsable ? .warning : .info)
        }
        for ds in dsSet where (ds.digestType == .sha1 || ds.digestType == .gost) && !fromParent {
            if !run.policy.ignoreRFC8624 {
                run.add(.digestAlgorithmProhibited, .ds(zone, keyTag: ds.keyTag, algorithm: ds.algorithm.rawValue, digestType: ds.digestType.rawValue),
                        zone: zone, "DS \(ds.keyTag) uses digest type \(ds.digestType.rawValue) (\(ds.digestType))")
            }
        }
        if nothingUsable {
            keyPolicy(&run, allKeyRecords(), dsUsable: false)
            checks.append(.init(.warning, "No DS\(anchored ? " or anchor" : "") of \(zone) uses a supported algorithm and digest: the zone is insecure (RFC 4035 §5.2)"))
            return KeyResult(status: .insecure, trusted: nil, keyReports: describeKeys(run.validator, dsSet: dsSet).0,
                             dsReports: describeKeys(run.validator, dsSet: dsSet).1, rrsigs: [])
        }

        let usable = answers.filter { $0.message?.rcode == .noError }
        if usable.isEmpty {
            run.noServerAnswered(.zone(zone), zone: zone, answers: answers, "no server of \(zone) answered the DNSKEY query")
            let described = describeKeys(run.validator, dsSet: dsSet)
            return KeyResult(status: .indeterminate, trusted: nil, keyReports: described.0, dsReports: described.1, rrsigs: [])
        }
        let keyRecords = allKeyRecords()
        if keyRecords.isEmpty {
            checks.append(.init(.error, "No DNSKEY records found for \(zone)", repeats: [.dnskeyMissing]))
            run.add(.dnskeyMissing, .zone(zone), zone: zone, servers: usable.map(\.server),
                    "\(observation.parent.map { "\($0) has DS records for \(zone)" } ?? "a trust anchor exists for \(zone)") but its servers return no DNSKEY")
            let described = describeKeys(run.validator, dsSet: dsSet)
            return KeyResult(status: .bogus, trusted: nil, keyReports: described.0, dsReports: described.1, rrsigs: [])
        }
        checks.append(.init(.ok, "Found \(keyRecords.count) DNSKEY records for \(zone)"))

        // Secure entry points: keys matched by a supported DS, or anchor keys.
        var entryPoints: [Record] = []
        for record in keyRecords {
            guard let key = try? DNSKEYData(rdata: record.rdata) else { continue }
            let tag = DNSKEYFacts(owner: zone, key: key).keyTag
            if supportedAnchors.contains(key) {
                entryPoints.append(record)
                continue
            }
            for ds in supportedDS where run.validator.dsMatch(ds, owner: zone, key: key) == .matches {
                if key.isRevoked {
                    // RFC 5011 revocation binds trust anchors; validators such as
                    // unbound still build the chain through a DS-matched revoked
                    // key, so it stays an entry point, but it is an error to fix.
                    run.add(.dnskeyRevokedDS, .ds(zone, keyTag: ds.keyTag, algorithm: ds.algorithm.rawValue, digestType: ds.digestType.rawValue), zone: zone,
                            "DS \(ds.keyTag) matches DNSKEY \(tag), which has the REVOKE flag; validators may refuse it")
                }
                checks.append(.init(.ok, "DS=\(ds.keyTag)/\(ds.digestType) verifies DNSKEY=\(tag)/SEP"))
                entryPoints.append(record)
            }
        }
        let validation = run.validator.validate(owner: zone, type: .dnskey, answers: usable, section: { $0.answer },
                                                keys: entryPoints, published: keyRecords)
        let (keyReports, dsReports) = describeKeys(run.validator, dsSet: dsSet, signing: validation.signingKeyTags)
        dsFindings(&run, dsReports: dsReports, anyWorks: validation.isSecure, signing: validation.signingKeyTags)
        keyPolicy(&run, keyRecords)

        if !validation.isSecure {
            run.reportProblems(validation, subject: .rrset(zone, .dnskey), zone: zone)
            if entryPoints.isEmpty {
                // With no DS-matched key, still say whether the signatures would
                // hold once the DS is fixed: both problems need fixing.
                let selfSigned = run.validator.validate(owner: zone, type: .dnskey, answers: usable,
                                                        section: { $0.answer }, keys: keyRecords)
                let timing = selfSigned.problems.filter { [.expirationInPast, .inceptionInFuture].contains($0.code) }
                run.reportProblems(RRsetValidation(problems: timing), subject: .rrset(zone, .dnskey), zone: zone)
            }
            let why = entryPoints.isEmpty ? "no DNSKEY matches a DS\(anchored ? " or trust anchor" : "")"
                : "no valid RRSIG over the DNSKEY RRset by a DS-matched key"
            checks.append(.init(.error, "No secure entry point for \(zone): \(why)", repeats: [.noSEP, .noTrustAnchorSigning]))
            // The DS (or anchor) and its key are right, and the signature is
            // what is wrong: say so, as a consequence with the cause's remedy,
            // never "publish another DS" or "update the trust anchor".
            // A DS (or anchor) that matches only keys without the ZONE flag
            // points at keys no validator may use (RFC 4034 §2.1.1): the key is
            // what is wrong, not its signature.
            let nonZone = entryPoints.compactMap { try? DNSKEYData(rdata: $0.rdata) }.filter { !$0.isZoneKey }
            if !entryPoints.isEmpty && nonZone.count == entryPoints.count {
                let (code, what) = anchored ? (DiagnosticCode.noTrustAnchorSigning, "the trust anchor") : (.noSEP, "the DS")
                let keys = nonZone.map { "\(DNSKEYFacts(owner: zone, key: $0).keyTag) (flags \($0.flags))" }.joined(separator: ", ")
                run.add(code, .zone(zone), zone: zone, servers: usable.map(\.server),
                        "\(zone): \(what) points to DNSKEY \(keys), which lacks the ZONE flag: validators may not use it to verify the DNSKEY RRset (RFC 4034 §2.1.1)",
                        remedy: "Publish that key with the ZONE flag set (flags 257 for a key-signing key) and sign the DNSKEY RRset with it, or replace \(what) with the one for a zone key (`dnssec-check ds`).")
            } else if !entryPoints.isEmpty, let (causeCode, cause) = Self.signatureCause(validation.problems) {
                let (code, what) = anchored ? (DiagnosticCode.noTrustAnchorSigning, "the trust anchor") : (.noSEP, "the DS")
                run.add(code, .zone(zone), zone: zone, servers: usable.map(\.server),
                        "\(zone): \(why), because \(cause) (\(causeCode.rawValue)); \(what) and the key it points to are right",
                        remedy: "Fix what \(causeCode.rawValue) says; leave \(what) as it is.")
            } else if anchored {
                run.add(.noTrustAnchorSigning, .zone(zone), zone: zone, servers: usable.map(\.server),
                        anchorMismatch(run.validator, dsSet: dsSet, anchorKeys: supportedAnchors, keyRecords: keyRecords, entryPoints: entryPoints))
            } else {
                run.add(.noSEP, .zone(zone), zone: zone, servers: usable.map(\.server), "\(zone): \(why)")
            }
            return KeyResult(status: .bogus, trusted: nil, keyReports: keyReports, dsReports: dsReports,
                             rrsigs: validation.signatures)
        }
        run.reportProblems(validation, subject: .rrset(zone, .dnskey), zone: zone)
        run.algorithmCoverage(validation, subject: .rrset(zone, .dnskey), zone: zone, keys: keyRecords)
        revokedKeys(&run, keyRecords, answers: usable)
        run.notePath(validation, .rrsigs(zone, covering: .dnskey), zone: zone)
        run.ttlCheck(validation, subject: .rrset(zone, .dnskey), zone: zone)
        checks.append(.init(.ok, "RRSIG=\(validation.signingKeyTags.sorted().map(String.init).joined(separator: ",")) and DNSKEY=\(validation.signingKeyTags.sorted().map { "\($0)/SEP" }.joined(separator: ",")) verifies the DNSKEY RRset"))
        // Trust the DNSKEY RRset of the servers whose copy validated.
        let trusted = usable.filter { validation.validServers.contains($0.server) }
            .flatMap { $0.answerRecords(zone, .dnskey) }
        var unique: [Record] = []
        for record in trusted where !unique.contains(where: { $0.rdata == record.rdata }) { unique.append(record) }
        return KeyResult(status: .secure, trusted: unique, keyReports: keyReports, dsReports: dsReports,
                         rrsigs: validation.signatures)
    }

    /// What the configured trust anchor points to, against the keys the zone
    /// has: the usual cause is an anchor left over from before a KSK rollover.
    func anchorMismatch(_ validator: Validator, dsSet: [DSData], anchorKeys: [DNSKEYData], keyRecords: [Record], entryPoints: [Record]) -> String {
        let anchors = dsSet.map { "DS \($0.keyTag)/\($0.algorithm.mnemonic)" }
            + anchorKeys.map { "DNSKEY \(DNSKEYFacts(owner: zone, key: $0).keyTag)/\($0.algorithm.mnemonic)" }
        let sep = keyRecords.compactMap { try? DNSKEYFacts(record: $0) }.filter { $0.key.isSecureEntryPoint }
            .map { "\($0.keyTag)/\($0.key.algorithm.mnemonic)" }
        let keys = sep.isEmpty ? "no SEP key" : "SEP key\(sep.count == 1 ? "" : "s") \(sep.joined(separator: ", "))"
        let published = keyRecords.compactMap { try? DNSKEYData(rdata: $0.rdata) }
        let digestMismatch = dsSet.filter { ds in published.contains {
            if case .digestMismatch = validator.dsMatch(ds, owner: zone, key: $0) { return true }
            return false
        } }
        if entryPoints.isEmpty && !digestMismatch.isEmpty {
            return "the trust anchor for \(zone) (\(anchors.joined(separator: ", "))) has the key tag and algorithm of a published DNSKEY but not its digest; \(zone) publishes \(keys): the anchor is corrupt or wrong"
        }
        if entryPoints.isEmpty {
            return "the trust anchor for \(zone) (\(anchors.joined(separator: ", "))) matches none of its DNSKEYs; \(zone) publishes \(keys): the anchor is stale (a KSK rollover it missed) or wrong"
        }
        return "the trust anchor for \(zone) (\(anchors.joined(separator: ", "))) matches a published DNSKEY, but no valid RRSIG by it covers the DNSKEY RRset; \(zone) publishes \(keys)"
    }

    /// RFC 5011 §2.1: a revoked key must sign the DNSKEY RRset itself.
    mutating func revokedKeys(_ run: inout AnalysisRun, _ keyRecords: [Record], answers: [ServerAnswer]) {
        for record in keyRecords {
            guard let facts = try? DNSKEYFacts(record: record), facts.key.isRevoked else { continue }
            let selfSigned = run.validator.validate(owner: zone, type: .dnskey, answers: answers, section: { $0.answer },
                                                    keys: [record])
            if !selfSigned.isSecure {
                run.add(.revokedNotSigning, .dnskey(zone, keyTag: facts.keyTag, algorithm: facts.key.algorithm.rawValue), zone: zone,
                        "revoked DNSKEY \(facts.keyTag) does not sign the DNSKEY RRset, so RFC 5011 validators never see the revocation")
            }
        }
    }

    /// Key tags of the zone's own RRSIGs anywhere in what its servers sent:
    /// answers and authority sections alike (NSEC/NSEC3 and SOA of negative
    /// answers are signed too), so a key that signs only those is not taken
    /// for one that signs nothing.
    func signingTags() -> Set<UInt16> {
        var tags: Set<UInt16> = []
        for answer in observation.allAnswers {
            guard let message = answer.message else { continue }
            for record in message.answer + message.authority where record.type == .rrsig {
                if let sig = try? RRSIGData(rdata: record.rdata), sig.signerName == zone { tags.insert(sig.keyTag) }
            }
        }
        return tags
    }

    /// The zone's DNSKEY records as its servers returned them (`publishedKeys`).
    func allKeyRecords() -> [Record] { observation.publishedKeys }

    /// The zone's DNSKEY RRset when some server's copy validates with the
    /// keys it publishes (no DS or anchor needed), else nil.
    /// The apex SOA validated with `keys`, its problems and the algorithms
    /// missing from its signatures reported.
    func soaSignatures(_ run: inout AnalysisRun, keys: [Record]) -> RRsetValidation {
        let soa = run.validator.validate(owner: zone, type: .soa, answers: observation.soaAnswers,
                                         section: { $0.answer }, keys: keys)
        run.reportProblems(soa, subject: .rrset(zone, .soa), zone: zone)
        run.algorithmCoverage(soa, subject: .rrset(zone, .soa), zone: zone, keys: keys)
        return soa
    }

    func selfSignedKeys(_ run: AnalysisRun, _ records: [Record]) -> [Record]? {
        guard !records.isEmpty else { return nil }
        let own = run.validator.validate(owner: zone, type: .dnskey, answers: observation.dnskeyAnswers,
                                         section: { $0.answer }, keys: records)
        return own.isSecure ? own.rrset?.records : nil
    }

    func describeKeys(_ validator: Validator, dsSet: [DSData], signing: Set<UInt16> = []) -> ([DNSKEYReport], [DSReport]) {
        let records = allKeyRecords()
        let keys = records.compactMap { try? DNSKEYData(rdata: $0.rdata) }
        var dsReports: [DSReport] = []
        var matchedTags: Set<UInt16> = []
        for ds in dsSet {
            var status = DSStatus.noMatchingKey
            var matched: UInt16?
            if !DSDigest.supported.contains(ds.digestType) || !SignatureVerifier.supportedAlgorithms.contains(ds.algorithm) {
                status = .unsupported
            }
            for key in keys {
                switch validator.dsMatch(ds, owner: zone, key: key) {
                case .matches:
                    status = .matches
                    matched = ds.keyTag
                    matchedTags.insert(ds.keyTag)
                case .digestMismatch where status != .matches:
                    status = .digestMismatch
                default: break
                }
            }
            dsReports.append(DSReport(keyTag: ds.keyTag, algorithm: ds.algorithm.rawValue, algorithmName: ds.algorithm.mnemonic,
                                      digestType: ds.digestType.rawValue, digestTypeName: ds.digestType.mnemonic,
                                      digest: ds.digest, status: status, matchedKeyTag: matched))
        }
        let keyReports = records.compactMap { record -> DNSKEYReport? in
            guard let facts = try? DNSKEYFacts(record: record) else { return nil }
            let servers = observation.dnskeyAnswers.filter { $0.answerRecords(zone, .dnskey).contains { $0.rdata == record.rdata } }
            return DNSKEYReport(keyTag: facts.keyTag, flags: facts.key.flags, role: facts.role,
                                algorithm: facts.key.algorithm.rawValue, algorithmName: facts.key.algorithm.mnemonic,
                                keySize: facts.keySize, revoked: facts.key.isRevoked,
                                matchedByDS: matchedTags.contains(facts.keyTag), signsDNSKEYRRset: signing.contains(facts.keyTag),
                                servers: servers.map(\.server))
        }
        return (keyReports, dsReports)
    }

    mutating func dsFindings(_ run: inout AnalysisRun, dsReports: [DSReport], anyWorks: Bool, signing: Set<UInt16>) {
        let severity: Severity? = anyWorks ? .warning : nil
        // A trust anchor is the validator's configuration, not the parent's
        // DS: a mismatch there is NO_TRUST_ANCHOR_SIGNING, with its own remedy.
        // Hundreds of DS that match nothing are one finding, not hundreds.
        let failing = dsReports.filter { $0.status == .digestMismatch || $0.status == .noMatchingKey }
        if !anchored && failing.count > Self.maxDSFindings {
            let tags = Set(failing.map(\.keyTag)).sorted().prefix(5).map(String.init).joined(separator: ", ")
            run.add(.dsMatchLimit, .rrset(zone, .ds), zone: zone,
                    "\(observation.parent?.description ?? "the parent") publishes \(dsReports.count) DS records for \(zone); \(failing.count) of them match no published DNSKEY (key tags \(tags)\(Set(failing.map(\.keyTag)).count > 5 ? ", …" : "")): validators compare only a few (unbound gives up after 4 that fail)",
                    severity: anyWorks ? .warning : .error)
        }
        for ds in dsReports where !anchored && (failing.count <= Self.maxDSFindings || !failing.contains(ds)) {
            let subject: Subject = .ds(zone, keyTag: ds.keyTag, algorithm: ds.algorithm, digestType: ds.digestType)
            switch ds.status {
            case .digestMismatch:
                checks.append(.init(.error, "DS=\(ds.keyTag)/\(ds.digestTypeName) does not match DNSKEY=\(ds.keyTag): digest differs",
                                    repeats: [.digestInvalid]))
                // The DS that would match: what to hand the registrar instead.
                let validator = run.validator, owner = zone
                let expected = allKeyRecords().compactMap { record -> [UInt8]? in
                    guard let key = try? DNSKEYData(rdata: record.rdata),
                          let data = try? DSData(keyTag: ds.keyTag, algorithm: DNSSECAlgorithm(ds.algorithm),
                                                 digestType: DigestType(ds.digestType), digest: ds.digest),
                          case .digestMismatch(let digest) = validator.dsMatch(data, owner: owner, key: key) else { return nil }
                    return digest
                }.first
                run.add(.digestInvalid, subject, zone: zone,
                        "DS \(ds.keyTag) algorithm \(ds.algorithm) digest \(Encodings.hex(ds.digest).prefix(16))… does not match DNSKEY \(ds.keyTag)"
                            + (expected.map { "; the DS for that key is \(zone) IN DS \(ds.keyTag) \(ds.algorithm) \(ds.digestType) \(Encodings.hex($0))" } ?? ""),
                        severity: severity)
            case .noMatchingKey:
                checks.append(.init(anyWorks ? .warning : .error, "DS=\(ds.keyTag)/\(ds.digestTypeName) matches no DNSKEY of \(zone)",
                                    repeats: [.dsNoMatchingDNSKEY]))
                run.add(.dsNoMatchingDNSKEY, subject, zone: zone,
                        "DS \(ds.keyTag)/\(ds.algorithmName) matches no DNSKEY published by \(zone)",
                        remedy: "Remove the stale DS \(ds.keyTag) from the parent (registrar), or publish the key it points to.",
                        severity: anyWorks ? .warning : .error)
            default: break
            }
        }
        let matching = dsReports.filter { $0.status == .matches }
        let byAlgorithm = Dictionary(grouping: matching, by: \.algorithm)
        for (algorithm, list) in byAlgorithm where Set(list.map(\.keyTag)).count >= 2 {
            run.add(.kskRolloverDoubleDS, .zone(zone), zone: zone,
                    "DS records for keys \(Set(list.map(\.keyTag)).sorted().map(String.init).joined(separator: " and ")) (algorithm \(algorithm)) are both published: double-DS KSK rollover")
        }
        let dsAlgorithms = Set(dsReports.filter { $0.status != .unsupported }.map(\.algorithm))
        let workingAlgorithms = Set(matching.filter { signing.contains($0.keyTag) }.map(\.algorithm))
        // Without any working DS, only an algorithm no published key has is
        // news: a digest mismatch on a key of that algorithm is DIGEST_INVALID.
        let keyAlgorithms = Set(allKeyRecords().compactMap { try? DNSKEYData(rdata: $0.rdata).algorithm.rawValue })
        for algorithm in dsAlgorithms.subtracting(workingAlgorithms).sorted() where anyWorks || !keyAlgorithms.contains(algorithm) {
            run.add(.missingSEPForAlg, .zone(zone), zone: zone,
                    "the DS RRset has algorithm \(algorithm) (\(DNSSECAlgorithm(algorithm))) but no key of that algorithm matches a DS and signs the DNSKEY RRset",
                    severity: anyWorks ? .warning : .error)
        }
    }

    /// Why the DS-matched key's signatures over the DNSKEY RRset fail, when
    /// the signatures themselves are the cause; nil when they are not.
    static func signatureCause(_ problems: [SignatureProblem]) -> (DiagnosticCode, String)? {
        let causes: [(DiagnosticCode, String)] = [
            (.expirationInPast, "its RRSIG over the DNSKEY RRset has expired"),
            (.inceptionInFuture, "its RRSIG over the DNSKEY RRset is not valid yet"),
            (.signatureInvalid, "its RRSIG over the DNSKEY RRset does not verify"),
            (.missingRRSIG, "the DNSKEY RRset is served without its RRSIG"),
            (.rrsigValidationLimit, "validators stop before reaching a valid RRSIG (too many signatures or keys)"),
            (.cryptoBudgetExceeded, "the signature budget ran out before its RRSIG was checked"),
            (.signedRRsetTooLarge, "the DNSKEY RRset is too large for validators to verify"),
        ]
        let codes = Set(problems.map(\.code))
        return causes.first { codes.contains($0.0) }
    }

    /// Failing DS records reported one by one; more are one DS_MATCH_LIMIT.
    static let maxDSFindings = 8

    /// Whether the zone is expected to be signed: its parent is secure.
    var inheritedSecure: Bool { anchored || inherited == .secure }
}

extension ZoneObservation {
    /// The parent's answers to the DS question that say something (NOERROR or NXDOMAIN).
    var usableDSAnswers: [ServerAnswer] {
        dsAnswers.filter { $0.message.map { [.noError, .nxDomain].contains($0.rcode) } ?? false }
    }

    /// Every DS record any server of the parent returned, first-seen order,
    /// no duplicates: a DS on one server is at the parent.
    var publishedDS: [DSData] {
        var published: [DSData] = []
        for answer in usableDSAnswers {
            for record in answer.answerRecords(zone, .ds) {
                if let ds = try? DSData(rdata: record.rdata), !published.contains(ds) { published.append(ds) }
            }
        }
        return published
    }

    /// Every DNSKEY record any server returned, first-seen order, no duplicates.
    var publishedKeys: [Record] {
        var keys: [Record] = []
        for answer in dnskeyAnswers {
            for record in answer.answerRecords(zone, .dnskey) where !keys.contains(where: { $0.rdata == record.rdata }) {
                keys.append(record)
            }
        }
        return keys
    }
}

extension DSData {
    /// The record as a registrar's form takes it: zone-file syntax, no TTL,
    /// the digest as one upper-case word.
    func zoneFileLine(owner: DNSName) -> String {
        "\(owner) IN DS \(keyTag) \(algorithm.rawValue) \(digestType.rawValue) \(Encodings.hex(digest, uppercase: true))"
    }
}
