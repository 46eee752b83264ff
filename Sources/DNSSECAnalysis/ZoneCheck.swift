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
        let expires = observation.soaAnswers.flatMap { $0.answerRecords(zone, .soa) }
            .compactMap { try? SOAData(rdata: $0.rdata).expire }
        if let expire = expires.min() { run.soaExpire[zone] = Int64(expire) }
        var dsReports: [DSReport] = []
        var status: SecurityStatus
        var dsSet: [DSData] = []
        var anchorKeys: [DNSKEYData] = []

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
        } else if inherited == .secure, let whatIf = run.analyzer.whatIfDS[zone] {
            dsSet = whatIf
            for ds in whatIf { checks.append(.init(.info, "DS=\(ds.keyTag)/\(ds.digestType) assumed at the parent (what-if)")) }
            status = .secure
        } else if inherited == nil {
            // The top of the path has no anchor: nothing can be secure.
            status = .insecure
        } else {
            (status, dsSet) = delegation(&run)
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
            rrsigReports = result.rrsigs
        } else {
            keyReports = describeKeys(dsSet: dsSet).0
        }
        if status == .secure, let trustedKeys {
            let soa = run.validator.validate(owner: zone, type: .soa, answers: observation.soaAnswers,
                                             section: { $0.answer }, keys: trustedKeys)
            run.reportProblems(soa, subject: "\(zone) SOA", zone: zone)
            run.algorithmCoverage(soa, subject: "\(zone) SOA", zone: zone, keys: trustedKeys)
            rrsigReports += soa.signatures
            soaValidServers = Set(soa.validServers)
            if soa.isSecure {
                checks.append(.init(.ok, "RRSIG=\(soa.signingKeyTags.sorted().map(String.init).joined(separator: ",")) verifies the SOA RRset"))
            }
            cdsChecks(&run, dsSet: dsSet)
            denialSetup(&run, keys: trustedKeys)
        }
        let earliest = rrsigReports.filter { $0.status == "valid" }.map(\.expiration).min()
        let verdicts = serverVerdicts(&run, status: status, trustedKeys: trustedKeys, soaValid: soaValidServers)
        return Outcome(
            report: ZoneReport(zone: zone.description, parent: observation.parent?.description, status: status,
                               servers: observation.servers.map(\.description), ds: dsReports, dnskeys: keyReports,
                               rrsigs: rrsigReports, earliestExpiration: earliest, checks: checks,
                               serverVerdicts: verdicts),
            trustedKeys: trustedKeys)
    }

    /// The SOA serial `server` returned, if any.
    func soaSerial(of server: ServerAddress) -> UInt32? {
        for answer in observation.soaAnswers where answer.server == server {
            for record in answer.answerRecords(zone, .soa) {
                if let soa = try? SOAData(rdata: record.rdata) { return soa.serial }
            }
        }
        return nil
    }

    /// Each server judged on its own DNSKEY and SOA answers. Listed in the
    /// checks only when the servers do not all agree with the zone.
    mutating func serverVerdicts(_ run: inout AnalysisRun, status: SecurityStatus, trustedKeys: [Record]?,
                                 soaValid: Set<ServerAddress>) -> [ServerVerdict] {
        var verdicts: [ServerVerdict] = []
        for server in observation.servers {
            let answers = (observation.dnskeyAnswers + observation.soaAnswers).filter { $0.server == server && $0.wasAsked }
            guard !answers.isEmpty else { continue }
            var verdict = ServerVerdict(server: server.description, verdict: status.rawValue,
                                        soaSerial: soaSerial(of: server), problem: nil)
            // Plain loops: closures over ServerAnswer here crash the 6.3.1 optimizer (-c release).
            var messages: [Message] = []
            var invalid = false
            var failure: String?
            for answer in answers {
                if let message = answer.message {
                    messages.append(message)
                } else {
                    invalid = invalid || answer.isInvalidResponse
                    failure = failure ?? answer.problem
                }
            }
            if messages.isEmpty {
                verdict.verdict = invalid ? "invalid_response" : "unresponsive"
                verdict.problem = failure ?? (invalid ? "malformed response" : "no answer")
            } else if let bad = messages.first(where: { $0.rcode != .noError }) {
                let lame: Set<RCode> = [.refused, .servFail, .notAuth]
                verdict.verdict = lame.contains(bad.rcode) ? "lame" : "error"
                var withoutEDNS = false
                for answer in observation.noEDNSAnswers where answer.server == server {
                    if let message = answer.message, message.rcode == .noError { withoutEDNS = true }
                }
                verdict.problem = "\(bad.rcode)" + (withoutEDNS && [.formErr, .notImp].contains(bad.rcode)
                    ? " to EDNS queries; answers only without EDNS, so without DNSSEC records" : "")
            } else if messages.contains(where: { !$0.isAuthoritative }) {
                verdict.verdict = "lame"
                verdict.problem = "answers without the AA bit"
            } else if status == .secure, let trustedKeys {
                let own = observation.dnskeyAnswers.filter { $0.server == server }
                let keysValid = run.validator.validate(owner: zone, type: .dnskey, answers: own, section: { $0.answer },
                                                       keys: trustedKeys).isSecure
                if !keysValid || !soaValid.contains(server) {
                    verdict.verdict = SecurityStatus.bogus.rawValue
                    verdict.problem = !keysValid ? "its DNSKEY RRset does not validate" : "its SOA does not validate"
                }
            }
            verdicts.append(verdict)
        }
        let serials = Set(verdicts.compactMap(\.soaSerial))
        let newest = serials.max()
        if verdicts.contains(where: { $0.verdict != status.rawValue }) || serials.count > 1 {
            for verdict in verdicts {
                var text = "Server \(verdict.server): \(verdict.verdict)"
                if let problem = verdict.problem { text += " (\(problem))" }
                if let serial = verdict.soaSerial, serials.count > 1 {
                    text += ", serial \(serial)\(serial != newest ? " (stale)" : "")"
                }
                let healthy = verdict.verdict == status.rawValue && (verdict.soaSerial == nil || verdict.soaSerial == newest)
                checks.append(.init(healthy ? .ok : (verdict.verdict == status.rawValue ? .warning : .error), text))
            }
        }
        return verdicts
    }

    // MARK: - DS at the parent

    mutating func delegation(_ run: inout AnalysisRun) -> (SecurityStatus, [DSData]) {
        guard let parent = observation.parent, let parentKeys else { return (.insecure, []) }
        let answers = observation.dsAnswers
        let usable = answers.filter { $0.message.map { [.noError, .nxDomain].contains($0.rcode) } ?? false }
        if usable.isEmpty {
            run.add(.noServerAnswered, "delegation \(parent) → \(zone)", zone: zone, servers: answers.map(\.server),
                    "no server of \(parent) answered the DS query for \(zone)")
            return (.indeterminate, [])
        }
        let withDS = usable.filter { !$0.answerRecords(zone, .ds).isEmpty }
        let dsSets = Dictionary(grouping: usable.filter { $0.message?.isAuthoritative == true }) {
            Set($0.answerRecords(zone, .ds).map(\.rdata))
        }
        if dsSets.count > 1 {
            let text = dsSets.map { set, answers in
                let tags = set.compactMap { try? DSData(rdata: $0).keyTag }.sorted().map(String.init)
                return "\(tags.isEmpty ? "no DS" : "DS " + tags.joined(separator: ", ")) on \(answers.map(\.server.description).sorted().joined(separator: ", "))"
            }.sorted()
            run.add(.inconsistentDS, "delegation \(parent) → \(zone)", zone: zone, servers: usable.map(\.server),
                    "the servers of \(parent) disagree: " + text.joined(separator: "; "))
        }
        if !withDS.isEmpty {
            let validation = run.validator.validate(owner: zone, type: .ds, answers: withDS, section: { $0.answer },
                                                    keys: parentKeys)
            run.reportProblems(validation, subject: "DS \(zone)", zone: zone)
            let records = validation.rrset?.rdatas.compactMap { try? DSData(rdata: $0) } ?? []
            checks.append(.init(.ok, "Found \(records.count) DS record\(records.count == 1 ? "" : "s") for \(zone) in the \(parent) zone"))
            guard validation.isSecure else {
                checks.append(.init(.error, "No valid RRSIG over the DS RRset of \(zone) in \(parent)"))
                return (.bogus, records)
            }
            run.notePath(validation, "RRSIG DS \(zone)", zone: zone)
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
            checks.append(.init(.info, "No DS records found for \(zone) in the \(parent) zone (proven by \(denial.kind))"))
            run.add(.insecureDelegation, "delegation \(parent) → \(zone)", zone: zone,
                    "\(parent) proves with \(denial.kind) that \(zone) has no DS: the zone is insecure")
            return (.insecure, [])
        default:
            checks.append(.init(.error, "No DS records for \(zone) in \(parent), and no valid proof that none exist"))
            for problem in denial.problems {
                run.add(problem.code, "DS \(zone)", zone: zone, servers: problem.servers, problem.message)
            }
            run.add(.dsAbsenceNotProven, "delegation \(parent) → \(zone)", zone: zone, servers: usable.map(\.server),
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
        for ds in dsSet where !DSDigest.supported.contains(ds.digestType) {
            run.add(.digestAlgorithmNotSupported, "DS \(ds.keyTag)/\(ds.algorithm.rawValue)/\(ds.digestType.rawValue) of \(zone)",
                    zone: zone, "digest type \(ds.digestType.rawValue) (\(ds.digestType)) cannot be computed; this DS is ignored")
        }
        for ds in dsSet where !SignatureVerifier.supportedAlgorithms.contains(ds.algorithm) {
            run.add(.algorithmNotSupported, "DS \(ds.keyTag)/\(ds.algorithm.rawValue) of \(zone)", zone: zone,
                    "DS \(ds.keyTag) uses algorithm \(ds.algorithm.rawValue) (\(ds.algorithm)), which validators cannot check",
                    severity: supportedDS.isEmpty && anchorKeys.isEmpty ? .warning : .info)
        }
        for ds in dsSet where ds.digestType == .sha1 || ds.digestType == .gost {
            if !run.policy.ignoreRFC8624 {
                run.add(.digestAlgorithmProhibited, "DS \(ds.keyTag)/\(ds.algorithm.rawValue)/\(ds.digestType.rawValue) of \(zone)",
                        zone: zone, "DS \(ds.keyTag) uses digest type \(ds.digestType.rawValue) (\(ds.digestType))")
            }
        }
        if supportedDS.isEmpty && anchorKeys.isEmpty {
            keyPolicy(&run, allKeyRecords(), dsUsable: false)
            checks.append(.init(.warning, "No DS of \(zone) uses a supported algorithm and digest: the zone is insecure (RFC 4035 §5.2)"))
            return KeyResult(status: .insecure, trusted: nil, keyReports: describeKeys(dsSet: dsSet).0,
                             dsReports: describeKeys(dsSet: dsSet).1, rrsigs: [])
        }

        let usable = answers.filter { $0.message?.rcode == .noError }
        if usable.isEmpty {
            run.add(.noServerAnswered, "zone \(zone)", zone: zone, servers: answers.map(\.server),
                    "no server of \(zone) answered the DNSKEY query")
            let described = describeKeys(dsSet: dsSet)
            return KeyResult(status: .indeterminate, trusted: nil, keyReports: described.0, dsReports: described.1, rrsigs: [])
        }
        let keyRecords = allKeyRecords()
        if keyRecords.isEmpty {
            checks.append(.init(.error, "No DNSKEY records found for \(zone)"))
            run.add(.dnskeyMissing, "zone \(zone)", zone: zone, servers: usable.map(\.server),
                    "\(observation.parent.map { "\($0) has DS records for \(zone)" } ?? "a trust anchor exists for \(zone)") but its servers return no DNSKEY")
            let described = describeKeys(dsSet: dsSet)
            return KeyResult(status: .bogus, trusted: nil, keyReports: described.0, dsReports: described.1, rrsigs: [])
        }
        checks.append(.init(.ok, "Found \(keyRecords.count) DNSKEY records for \(zone)"))

        // Secure entry points: keys matched by a supported DS, or anchor keys.
        var entryPoints: [Record] = []
        for record in keyRecords {
            guard let key = try? DNSKEYData(rdata: record.rdata) else { continue }
            let tag = DNSKEYFacts(owner: zone, key: key).keyTag
            if anchorKeys.contains(key) {
                entryPoints.append(record)
                continue
            }
            for ds in supportedDS where DSDigest.match(ds, owner: zone, key: key) == .matches {
                if key.isRevoked {
                    // RFC 5011 revocation binds trust anchors; validators such as
                    // unbound still build the chain through a DS-matched revoked
                    // key, so it stays an entry point, but it is an error to fix.
                    run.add(.dnskeyRevokedDS, "DS \(ds.keyTag) of \(zone)", zone: zone,
                            "DS \(ds.keyTag) matches DNSKEY \(tag), which has the REVOKE flag; validators may refuse it")
                }
                checks.append(.init(.ok, "DS=\(ds.keyTag)/\(ds.digestType) verifies DNSKEY=\(tag)/SEP"))
                entryPoints.append(record)
            }
        }
        let validation = run.validator.validate(owner: zone, type: .dnskey, answers: usable, section: { $0.answer },
                                                keys: entryPoints, published: keyRecords)
        let (keyReports, dsReports) = describeKeys(dsSet: dsSet, signing: validation.signingKeyTags)
        dsFindings(&run, dsReports: dsReports, anyWorks: validation.isSecure, signing: validation.signingKeyTags)
        keyPolicy(&run, keyRecords)

        if !validation.isSecure {
            run.reportProblems(validation, subject: "DNSKEY \(zone)", zone: zone)
            if entryPoints.isEmpty {
                // With no DS-matched key, still say whether the signatures would
                // hold once the DS is fixed: both problems need fixing.
                let selfSigned = run.validator.validate(owner: zone, type: .dnskey, answers: usable,
                                                        section: { $0.answer }, keys: keyRecords)
                let timing = selfSigned.problems.filter { [.expirationInPast, .inceptionInFuture].contains($0.code) }
                run.reportProblems(RRsetValidation(problems: timing), subject: "DNSKEY \(zone)", zone: zone)
            }
            let why = entryPoints.isEmpty ? "no DNSKEY matches a DS\(anchored ? " or trust anchor" : "")"
                : "no valid RRSIG over the DNSKEY RRset by a DS-matched key"
            checks.append(.init(.error, "No secure entry point for \(zone): \(why)"))
            if anchored {
                run.add(.noTrustAnchorSigning, "zone \(zone)", zone: zone, servers: usable.map(\.server),
                        anchorMismatch(dsSet: dsSet, anchorKeys: anchorKeys, keyRecords: keyRecords, entryPoints: entryPoints))
            } else {
                run.add(.noSEP, "zone \(zone)", zone: zone, servers: usable.map(\.server), "\(zone): \(why)")
            }
            return KeyResult(status: .bogus, trusted: nil, keyReports: keyReports, dsReports: dsReports,
                             rrsigs: validation.signatures)
        }
        run.reportProblems(validation, subject: "DNSKEY \(zone)", zone: zone)
        run.algorithmCoverage(validation, subject: "\(zone) DNSKEY", zone: zone, keys: keyRecords)
        revokedKeys(&run, keyRecords, answers: usable)
        run.notePath(validation, "RRSIG DNSKEY \(zone)", zone: zone)
        run.ttlCheck(validation, subject: "\(zone) DNSKEY", zone: zone)
        checks.append(.init(.ok, "RRSIG=\(validation.signingKeyTags.sorted().map(String.init).joined(separator: ",")) and DNSKEY=\(validation.signingKeyTags.sorted().map { "\($0)/SEP" }.joined(separator: ",")) verifies the DNSKEY RRset"))
        // Trust the DNSKEY RRset of the servers whose copy validated.
        let trusted = usable.filter { validation.validServers.contains($0.server) }
            .flatMap { $0.answerRecords(zone, .dnskey) }
        var unique: [Record] = []
        for record in trusted where !unique.contains(where: { $0.rdata == record.rdata }) { unique.append(record) }
        return KeyResult(status: .secure, trusted: unique, keyReports: keyReports, dsReports: dsReports,
                         rrsigs: validation.signatures)
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
        guard age > wait else {
            checks.append(.init(.info, "KSK \(facts.keyTag) signs the DNSKEY RRset (since \(TimeText.rfc3339(signedSince)) at the latest) without a DS: submit its DS once the DNSKEY TTL has passed"))
            return
        }
        let cds = observation.cdsAnswers.flatMap { $0.answerRecords(zone, .cds) }.compactMap { try? DSData(rdata: $0.rdata) }
        let cdsNote = cds.contains { $0.keyTag == facts.keyTag } ? "; its CDS is published, so a parent that polls CDS has not acted on it" : ""
        run.add(.kskRolloverStuck, "DNSKEY \(facts.keyTag)/\(facts.key.algorithm.rawValue) of \(zone)", zone: zone,
                "KSK \(facts.keyTag) has signed the DNSKEY RRset since \(TimeText.rfc3339(signedSince)) (its RRSIG's inception, \(TimeText.span(run.now - signedSince)) ago), longer than the DNSKEY TTL (\(TimeText.span(Int64(dnskeyTTL ?? 0)))) plus the DS TTL (\(TimeText.span(Int64(dsTTL ?? 0)))) and a day, but \(observation.parent?.description ?? "the parent") has no DS for it\(cdsNote)")
    }

    /// What the configured trust anchor points to, against the keys the zone
    /// has: the usual cause is an anchor left over from before a KSK rollover.
    func anchorMismatch(dsSet: [DSData], anchorKeys: [DNSKEYData], keyRecords: [Record], entryPoints: [Record]) -> String {
        let anchors = dsSet.map { "DS \($0.keyTag)/\($0.algorithm.mnemonic)" }
            + anchorKeys.map { "DNSKEY \(DNSKEYFacts(owner: zone, key: $0).keyTag)/\($0.algorithm.mnemonic)" }
        let sep = keyRecords.compactMap { try? DNSKEYFacts(record: $0) }.filter { $0.key.isSecureEntryPoint }
            .map { "\($0.keyTag)/\($0.key.algorithm.mnemonic)" }
        let keys = sep.isEmpty ? "no SEP key" : "SEP key\(sep.count == 1 ? "" : "s") \(sep.joined(separator: ", "))"
        let published = keyRecords.compactMap { try? DNSKEYData(rdata: $0.rdata) }
        let digestMismatch = dsSet.filter { ds in published.contains {
            if case .digestMismatch = DSDigest.match(ds, owner: zone, key: $0) { return true }
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
                run.add(.revokedNotSigning, "DNSKEY \(facts.keyTag)/\(facts.key.algorithm.rawValue) of \(zone)", zone: zone,
                        "revoked DNSKEY \(facts.keyTag) does not sign the DNSKEY RRset, so RFC 5011 validators never see the revocation")
            }
        }
    }

    /// Key tags of every RRSIG the zone's servers returned over SOA and DNSKEY.
    func signingTags() -> Set<UInt16> {
        var tags: Set<UInt16> = []
        for answer in observation.soaAnswers + observation.dnskeyAnswers {
            for record in answer.message?.answer ?? [] where record.type == .rrsig {
                if let sig = try? RRSIGData(rdata: record.rdata) { tags.insert(sig.keyTag) }
            }
        }
        return tags
    }

    /// Every DNSKEY record any server returned, first-seen order, no duplicates.
    func allKeyRecords() -> [Record] {
        var keys: [Record] = []
        for answer in observation.dnskeyAnswers {
            for record in answer.answerRecords(zone, .dnskey) where !keys.contains(where: { $0.rdata == record.rdata }) {
                keys.append(record)
            }
        }
        return keys
    }

    func describeKeys(dsSet: [DSData], signing: Set<UInt16> = []) -> ([DNSKEYReport], [DSReport]) {
        let records = allKeyRecords()
        let keys = records.compactMap { try? DNSKEYData(rdata: $0.rdata) }
        var dsReports: [DSReport] = []
        var matchedTags: Set<UInt16> = []
        for ds in dsSet {
            var status = "no_matching_key"
            var matched: UInt16?
            if !DSDigest.supported.contains(ds.digestType) || !SignatureVerifier.supportedAlgorithms.contains(ds.algorithm) {
                status = "unsupported"
            }
            for key in keys {
                switch DSDigest.match(ds, owner: zone, key: key) {
                case .matches:
                    status = "matches"
                    matched = ds.keyTag
                    matchedTags.insert(ds.keyTag)
                case .digestMismatch where status != "matches":
                    status = "digest_mismatch"
                default: break
                }
            }
            dsReports.append(DSReport(keyTag: ds.keyTag, algorithm: ds.algorithm.rawValue, algorithmName: ds.algorithm.mnemonic,
                                      digestType: ds.digestType.rawValue, digestTypeName: ds.digestType.mnemonic,
                                      digest: Encodings.hex(ds.digest), status: status, matchedKeyTag: matched))
        }
        let keyReports = records.compactMap { record -> DNSKEYReport? in
            guard let facts = try? DNSKEYFacts(record: record) else { return nil }
            let servers = observation.dnskeyAnswers.filter { $0.answerRecords(zone, .dnskey).contains { $0.rdata == record.rdata } }
            return DNSKEYReport(keyTag: facts.keyTag, flags: facts.key.flags, role: facts.role,
                                algorithm: facts.key.algorithm.rawValue, algorithmName: facts.key.algorithm.mnemonic,
                                keySize: facts.keySize, revoked: facts.key.isRevoked,
                                matchedByDS: matchedTags.contains(facts.keyTag), signsDNSKEYRRset: signing.contains(facts.keyTag),
                                servers: servers.map(\.server.description))
        }
        return (keyReports, dsReports)
    }

    mutating func dsFindings(_ run: inout AnalysisRun, dsReports: [DSReport], anyWorks: Bool, signing: Set<UInt16>) {
        let severity: Severity? = anyWorks ? .warning : nil
        // A trust anchor is the validator's configuration, not the parent's
        // DS: a mismatch there is NO_TRUST_ANCHOR_SIGNING, with its own remedy.
        for ds in dsReports where !anchored {
            let subject = "DS \(ds.keyTag)/\(ds.algorithm)/\(ds.digestType) of \(zone)"
            switch ds.status {
            case "digest_mismatch":
                checks.append(.init(.error, "DS=\(ds.keyTag)/\(ds.digestTypeName) does not match DNSKEY=\(ds.keyTag): digest differs"))
                run.add(.digestInvalid, subject, zone: zone,
                        "DS \(ds.keyTag) algorithm \(ds.algorithm) digest \(ds.digest.prefix(16))… does not match DNSKEY \(ds.keyTag)",
                        severity: severity)
            case "no_matching_key":
                checks.append(.init(anyWorks ? .warning : .error, "DS=\(ds.keyTag)/\(ds.digestTypeName) matches no DNSKEY of \(zone)"))
                run.add(.dsNoMatchingDNSKEY, subject, zone: zone,
                        "DS \(ds.keyTag)/\(ds.algorithmName) matches no DNSKEY published by \(zone)",
                        remedy: "Remove the stale DS \(ds.keyTag) from the parent (registrar), or publish the key it points to.",
                        severity: anyWorks ? .warning : .error)
            default: break
            }
        }
        let matching = dsReports.filter { $0.status == "matches" }
        let byAlgorithm = Dictionary(grouping: matching, by: \.algorithm)
        for (algorithm, list) in byAlgorithm where Set(list.map(\.keyTag)).count >= 2 {
            run.add(.kskRolloverDoubleDS, "zone \(zone)", zone: zone,
                    "DS records for keys \(Set(list.map(\.keyTag)).sorted().map(String.init).joined(separator: " and ")) (algorithm \(algorithm)) are both published: double-DS KSK rollover")
        }
        let dsAlgorithms = Set(dsReports.filter { $0.status != "unsupported" }.map(\.algorithm))
        let workingAlgorithms = Set(matching.filter { signing.contains($0.keyTag) }.map(\.algorithm))
        // Without any working DS, only an algorithm no published key has is
        // news: a digest mismatch on a key of that algorithm is DIGEST_INVALID.
        let keyAlgorithms = Set(allKeyRecords().compactMap { try? DNSKEYData(rdata: $0.rdata).algorithm.rawValue })
        for algorithm in dsAlgorithms.subtracting(workingAlgorithms).sorted() where anyWorks || !keyAlgorithms.contains(algorithm) {
            run.add(.missingSEPForAlg, "zone \(zone)", zone: zone,
                    "the DS RRset has algorithm \(algorithm) (\(DNSSECAlgorithm(algorithm))) but no key of that algorithm matches a DS and signs the DNSKEY RRset",
                    severity: anyWorks ? .warning : .error)
        }
    }

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
        for record in records {
            guard let facts = try? DNSKEYFacts(record: record) else { continue }
            let key = facts.key
            let subject = "DNSKEY \(facts.keyTag)/\(key.algorithm.rawValue) of \(zone)"
            checks.append(.init(.info, "DNSKEY=\(facts.keyTag)\(key.isSecureEntryPoint ? "/SEP" : "") \(key.algorithm.mnemonic)\(facts.keySize.map { " \($0) bits" } ?? "")"))
            if key.isRevoked {
                run.add(.dnskeyRevoked, subject, zone: zone, "DNSKEY \(facts.keyTag) has the REVOKE flag (RFC 5011)")
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
            if key.algorithm.isRSA, let bits = facts.keySize, bits < 2048 {
                run.add(.rsaKeyTooShort, subject, zone: zone, "DNSKEY \(facts.keyTag) is RSA with \(bits) bits",
                        severity: bits < 1024 ? .error : .warning)
            }
            if !key.isSecureEntryPoint && !key.isRevoked && key.isZoneKey && !signers.contains(facts.keyTag) {
                run.add(.zskPrepublished, subject, zone: zone,
                        "DNSKEY \(facts.keyTag) is published but signs nothing: a pre-published or retired ZSK")
            }
            if dsUsable && key.isSecureEntryPoint && !key.isRevoked && !dsTags.isEmpty && !dsTags.contains(facts.keyTag) {
                if signers.contains(facts.keyTag) {
                    pendingDS(&run, record, facts: facts, dnskeyTTL: dnskeyTTL, dsTTL: dsTTL)
                } else {
                    run.add(.kskStandby, subject, zone: zone, "SEP key \(facts.keyTag) is published but no DS points to it and it signs nothing (stand-by key)")
                }
            }
        }
    }

    // MARK: - Servers

    mutating func serverHealth(_ run: inout AnalysisRun) {
        var serials: [UInt32: [ServerAddress]] = [:]
        // Servers that answer only without EDNS: their FORMERRs are one finding, not one per query.
        let ednsIntolerant = Set(observation.noEDNSAnswers.filter { $0.message?.rcode == .noError }.map(\.server))
        // Malformed answers: one finding per server and transport, naming every question.
        var invalid: [ServerAddress: [Transport: [String]]] = [:]
        for answer in observation.dnskeyAnswers + observation.soaAnswers + observation.tcpAnswers
        where answer.wasAsked && answer.message == nil && answer.isInvalidResponse {
            invalid[answer.server, default: [:]][answer.exchange.transport, default: []]
                .append("\(answer.question.type): \(answer.problem ?? "invalid response")")
        }
        for (server, byTransport) in invalid.sorted(by: { $0.key < $1.key }) {
            for (transport, problems) in byTransport.sorted(by: { $0.key.rawValue > $1.key.rawValue }) {
                run.add(transport == .tcp ? .serverInvalidResponseTCP : .serverInvalidResponse,
                        "server \(server) for \(zone)", zone: zone, servers: [server],
                        "\(server) sends malformed responses over \(transport.rawValue.uppercased()) for \(zone) (\(problems.joined(separator: "; ")))")
            }
        }
        for answer in observation.dnskeyAnswers + observation.soaAnswers where answer.wasAsked {
            let subject = "server \(answer.server) for \(zone)"
            guard let message = answer.message else {
                if answer.isInvalidResponse {
                    continue
                } else if answer.exchange.truncatedOverUDP {
                    run.add(.serverUnresponsiveTCP, subject, zone: zone, servers: [answer.server],
                            "\(answer.server): answer for \(answer.question) truncated over UDP and TCP failed (\(answer.problem ?? "no answer"))")
                } else {
                    run.add(.serverUnresponsive, subject, zone: zone, servers: [answer.server],
                            "\(answer.server): \(answer.problem ?? "no answer") for \(answer.question)")
                }
                continue
            }
            if [.formErr, .notImp].contains(message.rcode),
               let plain = observation.noEDNSAnswers.first(where: { $0.server == answer.server && $0.question == answer.question }),
               plain.message?.rcode == .noError {
                let signed = inheritedSecure
                run.add(.errorWithEDNS, subject, zone: zone, servers: [answer.server],
                        "\(answer.server) answers \(message.rcode) to \(answer.question) with EDNS and NOERROR without it\(signed ? ": validators get no DNSSEC records from it" : "")",
                        severity: signed ? .error : .warning)
                continue
            }
            if inheritedSecure, message.rcode == .noError, answer.exchange.options.dnssecOK,
               let edns = message.edns, !edns.dnssecOK,
               !message.answer.contains(where: { $0.type == .rrsig }) {
                run.add(.unableToRetrieveDNSSECRecords, subject, zone: zone, servers: [answer.server],
                        "\(answer.server) answers queries for \(zone) with the DO bit set without echoing DO and without RRSIGs: it ignores DNSSEC",
                        severity: .warning)
            }
            if message.rcode == .noError && message.edns == nil {
                run.add(.ednsIgnored, subject, zone: zone, servers: [answer.server],
                        "\(answer.server) answered \(answer.question) without an OPT record: it ignores EDNS")
            }
            if ednsIntolerant.contains(answer.server) && [.formErr, .notImp].contains(message.rcode) { continue }
            if message.rcode != .noError || !message.isAuthoritative {
                let why = message.rcode != .noError ? "\(message.rcode)" : "no AA bit"
                run.add(.serverNotAuthoritative, subject, zone: zone, servers: [answer.server],
                        "\(answer.server) is not authoritative for \(zone) (\(why) to \(answer.question))")
                continue
            }
            if answer.exchange.truncatedOverUDP {
                run.add(.responseTruncatedUDP, "\(answer.question)", zone: zone, servers: [answer.server],
                        "\(answer.question) did not fit in \(answer.exchange.options.udpPayloadSize) bytes over UDP; TCP answer was \(answer.exchange.response?.count ?? 0) bytes")
            }
            if answer.question.type == .soa,
               let soa = message.answer.first(where: { $0.type == .soa && $0.owner == zone }),
               let data = try? SOAData(rdata: soa.rdata) {
                serials[data.serial, default: []].append(answer.server)
            }
        }
        for answer in observation.ednsVersionAnswers {
            // Only a server that speaks EDNS 0 is judged here; FORMERR to EDNS is ERROR_WITH_EDNS.
            guard let message = answer.message, message.rcode != .formErr, message.rcode != .notImp else { continue }
            let version = message.edns?.version
            if message.rcode != .badVers || version != 0 {
                run.add(.ednsVersionMismatch, "server \(answer.server) for \(zone)", zone: zone, servers: [answer.server],
                        "\(answer.server) answered \(answer.question) with EDNS version 1 by \(message.rcode)\(version.map { ", OPT version \($0)" } ?? ", no OPT") instead of BADVERS with version 0")
            }
        }
        for answer in observation.tcpAnswers where answer.message == nil && answer.wasAsked && !answer.isInvalidResponse {
            run.add(.serverUnresponsiveTCP, "server \(answer.server) for \(zone)", zone: zone, servers: [answer.server],
                    "\(answer.server): \(answer.problem ?? "no answer") for \(answer.question) over TCP")
        }
        if serials.count > 1 {
            let text = serials.sorted { $0.key < $1.key }.map { "\($0.key) on \($0.value.map(\.description).joined(separator: ", "))" }
            run.add(.inconsistentSOASerial, "zone \(zone)", zone: zone, servers: serials.values.flatMap { $0 },
                    "SOA serials differ: " + text.joined(separator: "; "))
        }
        delegationConsistency(&run)
        // DNSKEY sets that differ between servers.
        let sets = observation.dnskeyAnswers.compactMap { answer -> (ServerAddress, Set<[UInt8]>)? in
            guard answer.message?.rcode == .noError else { return nil }
            return (answer.server, Set(answer.answerRecords(zone, .dnskey).map(\.rdata)))
        }
        let union = sets.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.1) }
        // Which keys sign what each server serves (the RRSIG sets over SOA and DNSKEY).
        var signersByServer: [ServerAddress: Set<UInt16>] = [:]
        for answer in observation.soaAnswers + observation.dnskeyAnswers {
            for record in answer.message?.answer ?? [] where record.type == .rrsig {
                if let sig = try? RRSIGData(rdata: record.rdata) { signersByServer[answer.server, default: []].insert(sig.keyTag) }
            }
        }
        for (server, keys) in sets where !keys.isEmpty && keys != union {
            let missing = union.subtracting(keys).compactMap { try? DNSKEYData(rdata: $0) }
                .map { DNSKEYFacts(owner: zone, key: $0).keyTag }
            // A missing key that signs another server's data breaks validators
            // that take the DNSKEY RRset from this server and the data from that one.
            let crossed = signersByServer.filter { $0.key != server && !$0.value.isDisjoint(with: missing) }
                .map { other, tags in "\(other) signs with \(tags.intersection(missing).sorted().map(String.init).joined(separator: ", "))" }
                .sorted()
            let consequence = crossed.isEmpty ? "" : "; " + crossed.joined(separator: "; ")
                + ": a validator that takes the DNSKEY RRset from \(server) and data from there fails until it retries"
            run.add(.dnskeyMissingFromServers, "zone \(zone)", zone: zone, servers: [server],
                    "\(server) does not serve DNSKEY \(missing.sorted().map(String.init).joined(separator: ", ")) that other servers of \(zone) serve" + consequence)
        }
    }

    /// Whether the zone is expected to be signed: its parent is secure.
    var inheritedSecure: Bool { anchored || inherited == .secure }

    /// The parent's NS and glue against the zone's own NS and addresses.
    mutating func delegationConsistency(_ run: inout AnalysisRun) {
        guard let parent = observation.parent, !observation.nameServers.isEmpty else { return }
        let parentNames = Set(observation.nameServers.keys)
        var childNames: Set<DNSName> = []
        for answer in observation.nsAnswers where answer.message?.isAuthoritative == true {
            for record in answer.answerRecords(zone, .ns) {
                if let target = try? NameData(rdata: record.rdata).target { childNames.insert(target) }
            }
        }
        guard !childNames.isEmpty else { return }
        for name in parentNames.subtracting(childNames).sorted() {
            run.add(.nsNameNotInChild, "delegation \(parent) → \(zone)", zone: zone,
                    "\(name) is in the delegation from \(parent) but not in the NS RRset of \(zone)")
        }
        for name in childNames.subtracting(parentNames).sorted() {
            run.add(.nsNameNotInParent, "delegation \(parent) → \(zone)", zone: zone,
                    "\(name) is in the NS RRset of \(zone) but not in the delegation from \(parent)")
        }
        for name in parentNames.intersection(childNames).sorted() where name.isSubdomain(of: zone) {
            let glue = Set(observation.nameServers[name] ?? [])
            if glue.isEmpty || observation.nameServersWithoutGlue.contains(name) {
                run.add(.missingGlueForNSName, "delegation \(parent) → \(zone)", zone: zone,
                        "\(name) is inside \(zone) but the referral from \(parent) has no glue for it")
                continue
            }
            var authoritative: Set<ServerAddress> = []
            for answer in observation.nameServerAddressAnswers where answer.question.name == name {
                for record in answer.message?.answer ?? [] where record.owner == name && (record.type == .a || record.type == .aaaa) {
                    if let ip = AddressData.text(type: record.type, rdata: record.rdata) { authoritative.insert(ServerAddress(ip: ip)) }
                }
            }
            if !authoritative.isEmpty && authoritative != glue {
                run.add(.glueMismatch, "delegation \(parent) → \(zone)", zone: zone,
                        "\(name): glue \(glue.sorted().map(\.ip).joined(separator: ", ")) at \(parent), but \(zone) publishes \(authoritative.sorted().map(\.ip).joined(separator: ", "))")
            }
        }
    }

    // MARK: - Denial of existence

    /// NSEC3PARAM policy and a signed NXDOMAIN for a name that cannot exist:
    /// a broken chain shows here even when the asked name exists.
    mutating func denialSetup(_ run: inout AnalysisRun, keys: [Record]) {
        func text(_ iterations: UInt16, _ salt: [UInt8]) -> String {
            "\(iterations) iterations, salt \(salt.isEmpty ? "-" : Encodings.hex(salt))"
        }
        var byServer: [ServerAddress: NSEC3PARAMData] = [:]
        for answer in observation.nsec3paramAnswers {
            guard let record = answer.answerRecords(zone, .nsec3param).first,
                  let params = try? NSEC3PARAMData(rdata: record.rdata) else { continue }
            if byServer.isEmpty {
                checks.append(.init(.info, "NSEC3PARAM: hash 1, \(text(params.iterations, params.salt))"))
                run.nsec3Policy(iterations: params.iterations, salt: params.salt, optOut: false, zone: zone)
            }
            byServer[answer.server] = params
        }
        // Every server should publish one chain (RFC 5155 §7.1): a secondary
        // left on the chain from before a re-salt shows as a second parameter set.
        let sets = Dictionary(grouping: byServer, by: { "\($0.value.hashAlgorithm)/\(text($0.value.iterations, $0.value.salt))" })
        if sets.count > 1 {
            let parts = sets.map { key, servers in
                "\(key.split(separator: "/", maxSplits: 1).last ?? "") on \(servers.map(\.key.description).sorted().joined(separator: ", "))"
            }.sorted()
            run.add(.nsec3ParametersInconsistent, "zone \(zone)", zone: zone, servers: byServer.keys.sorted(),
                    "the servers of \(zone) publish different NSEC3 chains: " + parts.joined(separator: "; "))
        }
        // The chain a server returns must use the parameters it publishes.
        for probe in observation.nxdomainProbeAnswers {
            guard let params = byServer[probe.server] else { continue }
            for nsec3 in probe.message?.authority.filter({ $0.type == .nsec3 }) ?? [] {
                guard let data = try? NSEC3Data(rdata: nsec3.rdata),
                      data.iterations != params.iterations || data.salt != params.salt || data.hashAlgorithm != params.hashAlgorithm
                else { continue }
                run.add(.nsec3ParametersInconsistent, "zone \(zone)", zone: zone, servers: [probe.server],
                        "\(probe.server) publishes NSEC3PARAM with \(text(params.iterations, params.salt)) but returns NSEC3 records with \(text(data.iterations, data.salt))")
                break
            }
        }
        // The apex NSEC/NSEC3 must list what the apex has (RFC 4035 §2.3).
        var apexTypes: Set<RRType> = []
        let apexAnswers: [(RRType, [ServerAnswer])] = [(.soa, observation.soaAnswers), (.dnskey, observation.dnskeyAnswers),
                                                       (.ns, observation.nsAnswers), (.nsec3param, observation.nsec3paramAnswers),
                                                       (.cds, observation.cdsAnswers), (.cdnskey, observation.cdnskeyAnswers)]
        for (type, answers) in apexAnswers where answers.contains(where: { !$0.answerRecords(zone, type).isEmpty }) {
            apexTypes.insert(type)
        }
        run.existingTypesInBitmaps(name: zone, existing: apexTypes, answers: observation.nxdomainProbeAnswers,
                                   zone: zone, keys: keys)
        guard let probe = observation.nxdomainProbeName else { return }
        var proven = false
        var problems: [SignatureProblem] = []
        for answer in observation.nxdomainProbeAnswers where answer.message?.rcode == .nxDomain {
            let outcome = run.checkDenial(name: probe, type: .a, answer: answer, zone: zone, keys: keys)
            if outcome.status == .secure || outcome.status == .insecure {
                if !proven { checks.append(.init(.ok, "\(outcome.kind) proves that \(probe) does not exist")) }
                proven = true
            } else {
                problems += outcome.problems
            }
        }
        // When some servers prove it, the others' failures are per-server warnings.
        for problem in problems {
            run.add(problem.code, "NXDOMAIN proof of \(zone)", zone: zone, servers: problem.servers,
                    "negative answers from \(zone) do not validate: \(problem.message)" + (proven ? " (other servers prove it)" : ""),
                    severity: proven ? .warning : nil)
        }
    }

    // MARK: - CDS / CDNSKEY

    mutating func cdsChecks(_ run: inout AnalysisRun, dsSet: [DSData]) {
        let cds = Set(observation.cdsAnswers.flatMap { $0.answerRecords(zone, .cds) }.compactMap { try? DSData(rdata: $0.rdata) })
        let cdnskey = observation.cdnskeyAnswers.flatMap { $0.answerRecords(zone, .cdnskey) }.compactMap { try? DNSKEYData(rdata: $0.rdata) }
        if cds.isEmpty && cdnskey.isEmpty { return }
        if cds.contains(where: { $0.algorithm.rawValue == 0 }) || cdnskey.contains(where: { $0.algorithm.rawValue == 0 }) {
            run.add(.cdsDeleteRequested, "zone \(zone)", zone: zone,
                    "\(zone) publishes the delete form of CDS/CDNSKEY: a parent that polls will remove the DS and the zone becomes insecure")
            return
        }
        if !cds.isEmpty && !cdnskey.isEmpty {
            let cdsKeys = Set(cds.map { "\($0.keyTag)/\($0.algorithm.rawValue)" })
            let cdnskeyKeys = Set(cdnskey.map { "\(DNSKEYFacts(owner: zone, key: $0).keyTag)/\($0.algorithm.rawValue)" })
            let digestsAgree = cds.allSatisfy { ds in
                cdnskey.contains { DSDigest.match(ds, owner: zone, key: $0) == .matches }
                    || !DSDigest.supported.contains(ds.digestType)
            }
            if cdsKeys != cdnskeyKeys || !digestsAgree {
                run.add(.cdnskeyInconsistentWithCDS, "zone \(zone)", zone: zone,
                        "CDS describes keys \(cdsKeys.sorted().joined(separator: ", ")); CDNSKEY holds \(cdnskeyKeys.sorted().joined(separator: ", "))\(digestsAgree ? "" : " (a CDS digest matches no CDNSKEY)")")
            }
        }
        func list(_ set: [DSData]) -> String {
            set.map { "\($0.keyTag)/\($0.algorithm.rawValue)/\($0.digestType.rawValue)" }.sorted().joined(separator: ", ")
        }
        // RFC 7344 §4.1: the parent acts on CDS/CDNSKEY only when signed by a
        // key that the current DS RRset points to.
        let entryTags = Set(dsSet.map(\.keyTag))
        let entryKeys = allKeyRecords().filter { record in
            guard let key = try? DNSKEYData(rdata: record.rdata) else { return false }
            return dsSet.contains { DSDigest.match($0, owner: zone, key: key) == .matches }
        }
        for (type, answers) in [(RRType.cds, observation.cdsAnswers), (.cdnskey, observation.cdnskeyAnswers)] {
            let validation = run.validator.validate(owner: zone, type: type, answers: answers, section: { $0.answer },
                                                    keys: entryKeys)
            if validation.rrset != nil && !validation.isSecure && !dsSet.isEmpty {
                run.add(.cdsSignerInvalid, "zone \(zone)", zone: zone, servers: validation.servedBy,
                        "the \(type) RRset of \(zone) is not signed by a key the DS RRset (\(entryTags.sorted().map(String.init).joined(separator: ", "))) points to: a parent that polls ignores it")
                return
            }
        }
        if cds.isEmpty { return }
        if cds == Set(dsSet) {
            checks.append(.init(.ok, "CDS matches the DS RRset at the parent: a parent that polls has nothing to change"))
        } else {
            checks.append(.init(.info, "A parent that polls CDS would replace DS \(list(dsSet)) with \(list(Array(cds)))"))
            run.add(.cdsInconsistentWithDS, "zone \(zone)", zone: zone,
                    "CDS lists \(list(Array(cds))); the parent has \(list(dsSet)): a parent that polls CDS will replace its DS")
        }
    }
}
