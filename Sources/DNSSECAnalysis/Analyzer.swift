import DNSModel
import DNSSEC
import LDNSBridge

/// Turns what the walk observed into a verdict, per-zone results and
/// findings. A pure function of its inputs: the reference time is given,
/// never read from the clock.
public struct Analyzer: Sendable {
    public let anchors: TrustAnchors
    public let policy: AnalysisPolicy
    public let referenceTime: Int64
    /// What-if DS RRsets: analyse each zone as if its parent published these.
    public let whatIfDS: [DNSName: [DSData]]
    /// What the DNS host says the parent should publish (`--expect-ds`).
    public let expectedDS: DSExpectations
    /// Zone analyses shared by the names of a run (nil: each name on its own).
    public let zoneCache: ZoneAnalysisCache?

    public init(anchors: TrustAnchors, policy: AnalysisPolicy = AnalysisPolicy(), referenceTime: Int64,
                whatIfDS: [DNSName: [DSData]] = [:], expectedDS: DSExpectations = DSExpectations(),
                zoneCache: ZoneAnalysisCache? = nil) {
        self.anchors = anchors
        self.policy = policy
        self.referenceTime = referenceTime
        self.whatIfDS = whatIfDS
        self.expectedDS = expectedDS
        self.zoneCache = zoneCache
    }

    public func analyze(_ observation: NameObservation) -> NameReport {
        analyzeCounting(observation).report
    }

    /// The report and the crypto it cost (zones taken from `zoneCache` cost nothing).
    public func analyzeCounting(_ observation: NameObservation) -> (report: NameReport, work: CryptoWork) {
        var run = AnalysisRun(analyzer: self)
        let report = run.report(observation)
        return (report, CryptoWork(signatureChecks: run.validator.verifications, nsec3Hashes: run.validator.nsec3Hashes))
    }
}

/// The crypto one name's analysis did, against `CryptoLimits`.
public struct CryptoWork: Sendable, Equatable {
    public var signatureChecks: Int
    public var nsec3Hashes: Int
}

/// The state of one analysis: the validator's crypto cache and the findings so far.
struct AnalysisRun {
    let analyzer: Analyzer
    let validator: Validator
    var findings: [Diagnostic] = []
    /// For each RRset the chain relies on: the latest expiration among its
    /// valid signatures, that signature's lifetime, what it is, and its zone.
    struct PathSignature {
        var expiry: Int64
        var lifetime: Int64?
        var what: Subject
        var zone: DNSName
    }
    var pathSignatures: [PathSignature] = []
    /// SOA EXPIRE of each zone checked so far: how long a secondary that lost
    /// its primary keeps serving the zone (and the zone's signatures).
    var soaExpire: [DNSName: Int64] = [:]
    var shortValiditySigners: Set<DNSName> = []
    /// A zone without DS whose own CDS/CDNSKEY would make it secure: judged
    /// against its RFC 9615 signalling records once the walk's zones are done.
    var bootstrapCandidate: BootstrapCandidate?

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
        self.validator = Validator(referenceTime: analyzer.referenceTime, limits: analyzer.policy.cryptoLimits)
    }

    var now: Int64 { analyzer.referenceTime }
    var policy: AnalysisPolicy { analyzer.policy }

    mutating func add(_ code: DiagnosticCode, _ subject: Subject, zone: DNSName, servers: [ServerAddress] = [],
                      time: Int64? = nil, _ message: String, remedy: String? = nil, severity: Severity? = nil) {
        var diagnostic = Diagnostic(code, subject: subject, zone: zone, servers: servers, time: time, message: message,
                                    remedy: remedy, severity: severity)
        if policy.ignoredCodes.contains(code) {
            // Accepted by the operator: kept in the report, never alarms.
            diagnostic.severity = .info
            diagnostic.message += " (ignored: --ignore \(code.rawValue))"
        } else if policy.strict && diagnostic.severity == .warning {
            diagnostic.severity = .error
        }
        merge(diagnostic)
    }

    /// The same finding from another server (or a CNAME target's run) is one
    /// finding seen on more servers.
    mutating func merge(_ diagnostic: Diagnostic) {
        if let index = findings.firstIndex(where: {
            $0.code == diagnostic.code && $0.subject == diagnostic.subject && $0.message == diagnostic.message
                && $0.severity == diagnostic.severity
        }) {
            findings[index].servers = Array(Set(findings[index].servers + diagnostic.servers)).sorted()
        } else {
            findings.append(diagnostic)
        }
    }

    // MARK: - The name

    /// Whether the last zone of the walk is the one the name is in: the walk
    /// got there, or it stopped only because that zone's own servers were silent.
    static func reachedNamesZone(_ observation: NameObservation) -> Bool {
        guard let last = observation.zones.last, last.parent != nil else { return false }
        if observation.walkProblem == nil { return true }
        let own = last.allAnswers.filter { last.servers.contains($0.server) }
        return !last.servers.isEmpty && own.allSatisfy { $0.message == nil }
    }

    mutating func report(_ observation: NameObservation) -> NameReport {
        var zoneReports: [ZoneReport] = []
        var status = SecurityStatus.insecure
        var trustedKeys: [Record]? = nil
        var parentStatus: SecurityStatus? = nil
        let anchorZones = analyzer.anchors.zones

        for (index, zone) in observation.zones.enumerated() {
            let isLast = index == observation.zones.count - 1
            var zoneRun = ZoneCheck(zone: zone, inherited: parentStatus, parentKeys: trustedKeys,
                                    anchored: anchorZones.contains(zone.zone))
            let outcome = check(&zoneRun)
            var zoneReport = outcome.report
            // The hand-off check reads the expectations, so it stays out of the zone cache.
            if let expected = analyzer.expectedDS.expectation(for: zone.zone,
                                                               isNamesZone: isLast && Self.reachedNamesZone(observation)) {
                expectationCheck(zone, expected, report: &zoneReport)
            }
            zoneReports.append(zoneReport)
            trustedKeys = outcome.trustedKeys
            parentStatus = outcome.report.status
            status = outcome.report.status
            if isLast, observation.walkProblem != nil, zone.servers.isEmpty {
                status = .indeterminate
            }
        }
        let pastDeadline = observation.questionsPastDeadline
        if pastDeadline > 0 {
            // The cause: whatever went unanswered for want of time is not the servers' fault.
            let zone = observation.zones.last?.zone ?? .root
            add(.checkDeadlineExceeded, .name(observation.name), zone: zone,
                "the check of \(observation.name) reached its deadline: \(pastDeadline) question(s) not sent"
                    + (observation.walkProblem.map { "; \($0)" } ?? ""))
            if status == .secure || status == .insecure { status = .indeterminate }
        } else if let problem = observation.walkProblem {
            let zone = observation.zones.last?.zone ?? .root
            if observation.queryBudgetSpent != nil {
                add(.queryBudgetExceeded, .name(observation.name), zone: zone, "\(observation.name): \(problem)")
            } else if let last = observation.zones.last, last.badReferrals.contains(where: { $0.kind == .upward }) {
                // UPWARD_REFERRAL (one per server, from the zone's check) is the cause.
            } else if let last = observation.zones.last, !last.servers.isEmpty {
                // The zone's own servers: the DS answers come from the parent's.
                let own = last.allAnswers.filter { last.servers.contains($0.server) }
                // At the root the servers are the tool's configuration: say where to look.
                if zone == .root {
                    // Silent root hints are one finding, with where to look, not one per question.
                    findings.removeAll { $0.code == .noServerAnswered && $0.zone == .root }
                    add(.noServerAnswered, .zone(.root), zone: zone, servers: last.servers,
                        "none of the root hints (\(last.servers.prefix(4).map(\.description).joined(separator: ", "))\(last.servers.count > 4 ? ", …" : "")) answered: check --root-hints and the network",
                        remedy: "Check --root-hints (NS and A/AAAA records for the root) and that this machine reaches those addresses on port 53, over UDP and TCP.")
                } else {
                    noServerAnswered(.zone(zone), zone: zone, answers: own, problem)
                }
            } else {
                add(.walkIncomplete, .zone(zone), zone: zone, problem)
            }
            if status == .secure || status == .insecure { status = .indeterminate }
        }

        // The requested RRsets, from the name's own zone.
        var rrsets: [RRsetReport] = []
        if let last = observation.zones.last, observation.walkProblem == nil {
            for type in observation.types {
                guard let answers = observation.answers[type] else { continue }
                let (rrsetReport, rrsetStatus) = targetRRset(observation.name, type, answers, zone: last.zone,
                                                             zoneStatus: zoneReports.last?.status ?? .indeterminate,
                                                             keys: trustedKeys ?? [], published: last.publishedKeys)
                rrsets.append(rrsetReport)
                if status == .secure || (status == .insecure && rrsetStatus > .insecure) {
                    status = max(status, rrsetStatus)
                }
            }
        }

        if observation.cnameChainTooLong {
            let zone = observation.zones.last?.zone ?? .root
            add(.cnameChainTooLong, .name(observation.name), zone: zone,
                "the CNAME chain reaching \(observation.name) is longer than the 11 links validators follow, or loops: the rest was not checked")
            status = max(status, .indeterminate)
        }
        if let last = observation.zones.last, zoneReports.last?.status == .secure, let keys = trustedKeys {
            existingTypesInBitmaps(observation, zone: last.zone, keys: keys)
        }
        if let candidate = bootstrapCandidate {
            bootstrapFindings(candidate, signals: observation.bootstrapSignals)
        }
        var cnameReports: [NameReport] = []
        for target in observation.cnameTarget {
            var child = AnalysisRun(analyzer: analyzer)
            let report = child.report(target)
            cnameReports.append(report)
            if report.status > status { status = report.status }
            for finding in report.findings { merge(finding) }
        }

        let validUntil = status == .secure ? pathSignatures.map(\.expiry).min() : nil
        if let validUntil {
            expiryFinding(validUntil)
        }
        findings.sort { ($0.severity, $1.zone, $1.code) > ($1.severity, $0.zone, $0.code) }
        return NameReport(name: observation.name, types: observation.types,
                          status: status, referenceTime: now,
                          validUntil: validUntil, validUntilSecondsLeft: validUntil.map { $0 - now },
                          zones: zoneReports, rrsets: rrsets, findings: findings, cnameTargets: cnameReports)
    }

    /// RRSIG_EXPIRES_SOON for the signature the chain runs out with first.
    mutating func expiryFinding(_ validUntil: Int64) {
        guard let first = pathSignatures.min(by: { $0.expiry < $1.expiry }) else { return }
        let (expiry, what, zone) = (first.expiry, first.what, first.zone)
        guard let severity = ExpiryRule.severity(left: expiry - now, lifetime: first.lifetime ?? 0,
                                                 warnSeconds: policy.warnSeconds, critSeconds: policy.critSeconds) else { return }
        add(.rrsigExpiresSoon, what, zone: zone, time: expiry,
            "\(what) expires \(TimeText.describe(expiry, from: now)); the chain turns bogus then unless re-signed",
            severity: severity)
    }

    mutating func notePath(_ validation: RRsetValidation, _ what: Subject, zone: DNSName = .root) {
        guard let until = validation.validUntil else { return }
        let last = validation.validWindows.first { $0.expiration == until }
        pathSignatures.append(PathSignature(expiry: until, lifetime: last?.lifetime, what: what, zone: zone))
        for window in validation.validWindows where window.lifetime > policy.maxSignatureLifetime {
            add(.rrsigValidityTooLong, what, zone: zone,
                "\(what) by \(window.keyTag) is valid for \(TimeText.span(window.lifetime)) (\(TimeText.rfc3339(window.inception)) to \(TimeText.rfc3339(window.expiration))), more than \(TimeText.span(policy.maxSignatureLifetime))")
        }
        // One finding per signing zone: it is that zone's signing policy.
        for window in validation.validWindows where !shortValiditySigners.contains(window.signer) {
            guard let expire = soaExpire[window.signer], window.lifetime < expire else { continue }
            shortValiditySigners.insert(window.signer)
            add(.rrsigValidityTooShort, .zone(window.signer), zone: window.signer,
                "\(what) by \(window.keyTag) is valid for \(TimeText.span(window.lifetime)) (\(TimeText.rfc3339(window.inception)) to \(TimeText.rfc3339(window.expiration))), less than the SOA EXPIRE of \(window.signer) (\(TimeText.span(expire))): a secondary cut off from its primary serves expired signatures before it stops serving the zone")
        }
    }

    // MARK: - Target RRsets

    mutating func targetRRset(_ name: DNSName, _ type: RRType, _ answers: [ServerAnswer], zone: DNSName,
                              zoneStatus: SecurityStatus, keys: [Record], published: [Record] = []) -> (RRsetReport, SecurityStatus) {
        var report = RRsetReport(owner: name, type: type, kind: .noAnswer,
                                 status: .indeterminate, records: [], rrsigs: [], proof: [])
        let usable = answers.filter { $0.message.map { [.noError, .nxDomain].contains($0.rcode) } ?? false }
        guard let first = usable.first?.message else {
            for answer in answers where answer.isInvalidResponse {
                let transport = answer.exchange.transport
                add(transport == .tcp ? .serverInvalidResponseTCP : .serverInvalidResponse, .server(answer.server, names: [], zone: zone),
                    zone: zone, servers: [answer.server],
                    "\(answer.server) sends malformed responses over \(transport.rawValue.uppercased()) for \(zone) (\(type): \(answer.problem ?? "invalid response"))")
            }
            noServerAnswered(.rrset(name, type), zone: zone, answers: answers, "no server of \(zone) answered \(name) \(type) usably")
            return (report, .indeterminate)
        }
        let positive = usable.filter { !$0.answerRecords(name, type).isEmpty }
        let cname = usable.filter { !$0.answerRecords(name, .cname).isEmpty }
        if !positive.isEmpty || (!cname.isEmpty && type != .cname) {
            let answerType = positive.isEmpty ? RRType.cname : type
            let sources = positive.isEmpty ? cname : positive
            let denying = usable.filter { $0.message?.rcode == .nxDomain }
            if !denying.isEmpty {
                add(.existingNameCovered, .rrset(name, type), zone: zone, servers: denying.map(\.server),
                    "\(denying.map(\.server.description).joined(separator: ", ")) answer\(denying.count == 1 ? "s" : "") NXDOMAIN for \(name), which \(sources.map(\.server.description).joined(separator: ", ")) answer\(sources.count == 1 ? "s" : "") with data",
                    severity: .warning)
            }
            for answer in sources where answer.exchange.truncatedOverUDP {
                add(.responseTruncatedUDP, .rrset(answer.question.name, answer.question.type), zone: zone, servers: [answer.server],
                    "\(answer.question) did not fit in \(answer.exchange.options.udpPayloadSize) bytes over UDP; TCP answer was \(answer.exchange.response?.count ?? 0) bytes")
            }
            report.kind = positive.isEmpty ? .cname : .positive
            let answered = RRset.group(sources[0].answerRecords(name, answerType)).flatMap(\.records)
            report.records = answered
            guard zoneStatus == .secure else {
                report.status = zoneStatus
                // The answer's own RRSIGs still show, checked with the keys the
                // zone publishes (untrusted: the zone's findings say why), so an
                // expired signature over the answer does not disappear.
                if zoneStatus == .bogus && !published.isEmpty {
                    report.rrsigs = validator.validate(owner: name, type: answerType, answers: sources,
                                                       section: { $0.answer }, keys: published).signatures.map { sig in
                        var shown = sig
                        if shown.status == .valid { shown.status = .validButUntrusted }   // the chain to its key is broken
                        return shown
                    }
                }
                return (report, zoneStatus)
            }
            let validation = answerType == .cname
                ? cnameValidation(name, sources, zone: zone, keys: keys)
                : validator.validate(owner: name, type: answerType, answers: sources, section: { $0.answer }, keys: keys)
            report.rrsigs = validation.signatures
            reportProblems(validation, subject: .rrset(name, answerType), zone: zone)
            ttlCheck(validation, subject: .rrset(name, answerType), zone: zone)
            algorithmCoverage(validation, subject: .rrset(name, answerType), zone: zone, keys: keys)
            if validation.isSecure {
                notePath(validation, .rrsigs(name, covering: answerType), zone: zone)
                report.status = .secure
                // A wildcard expansion needs proof that the name itself does not exist (RFC 4035 §5.3.4).
                if let labels = validation.validLabels, Int(labels) < name.rrsigLabelCount {
                    let proof = wildcardProof(name: name, labels: Int(labels), answers: sources, zone: zone, keys: keys)
                    report.proof = proof.proof
                    report.proofRecords = proof.records
                    if proof.status != .secure {
                        report.status = proof.status
                        for problem in proof.problems {
                            add(problem.code, .rrset(name, type), zone: zone, servers: problem.servers, time: problem.time, problem.message)
                        }
                    }
                }
            } else {
                report.status = .bogus
            }
            return (report, report.status)
        }

        // Negative answer: NXDOMAIN or NODATA, proven by NSEC/NSEC3.
        report.kind = first.rcode == .nxDomain ? .nxdomain : .nodata
        guard zoneStatus == .secure else {
            report.status = zoneStatus
            return (report, zoneStatus)
        }
        var best: DenialOutcome?
        for answer in usable {
            let outcome = checkDenial(name: name, type: type, answer: answer, zone: zone, keys: keys)
            if best == nil || outcome.status < best!.status { best = outcome }
        }
        let denial = best!
        report.proof = denial.proof
        report.proofRecords = denial.records
        report.status = denial.status
        for problem in denial.problems {
            add(problem.code, .rrset(name, type), zone: zone, servers: problem.servers, time: problem.time, problem.message)
        }
        if let until = denial.validUntil {
            pathSignatures.append(PathSignature(expiry: until, lifetime: nil, what: .denial(name, type), zone: zone))
        }
        return (report, denial.status)
    }

    /// A validly signed NSEC/NSEC3 at the name must list every type the name
    /// was seen to have (a "lying NSEC": RFC 4035 §3.1.3.1, RFC 5155 §8.5).
    mutating func existingTypesInBitmaps(_ observation: NameObservation, zone: DNSName, keys: [Record]) {
        let name = observation.name
        var existing: [ServerAddress: Set<RRType>] = [:]
        for (type, answers) in observation.answers {
            for answer in answers where !answer.answerRecords(name, type).isEmpty {
                existing[answer.server, default: []].insert(type)
            }
        }
        existingTypesInBitmaps(name: name, existing: existing,
                               answers: observation.answers.values.flatMap { $0 } + observation.nodataProbeAnswers,
                               zone: zone, keys: keys)
    }

    /// The same check for any name whose types are known, e.g. a zone apex
    /// (SOA, NS, DNSKEY, ...) against the NSEC/NSEC3 at the apex that the
    /// NXDOMAIN probe brings back (wildcard denial or closest encloser).
    /// Each server's NSEC is held to what that server serves: a stale
    /// secondary's chain matches its own, older data.
    mutating func existingTypesInBitmaps(name: DNSName, existing: [ServerAddress: Set<RRType>], answers: [ServerAnswer],
                                         zone: DNSName, keys: [Record]) {
        for answer in answers {
            guard let message = answer.message, let served = existing[answer.server], !served.isEmpty else { continue }
            for rrset in RRset.group(message.authority.filter { $0.type == .nsec || $0.type == .nsec3 }) {
                let types: [RRType]
                if rrset.type == .nsec {
                    guard rrset.owner == name, let data = try? NSECData(rdata: rrset.rdatas[0]) else { continue }
                    types = data.types
                } else {
                    guard let data = try? NSEC3Data(rdata: rrset.rdatas[0]),
                          let owner = Denial.nsec3OwnerHash(rrset.owner),
                          data.iterations <= policy.nsec3IterationLimit,
                          let hash = validator.nsec3Hash(name, iterations: data.iterations, salt: data.salt),
                          owner == hash else { continue }
                    types = data.types
                }
                let missing = served.subtracting(types).subtracting([.rrsig, .nsec, .nsec3])
                guard !missing.isEmpty else { continue }
                let validation = validator.validate(owner: rrset.owner, type: rrset.type, answers: [answer],
                                                    section: { $0.authority }, keys: keys)
                guard validation.isSecure else { continue }
                add(.existingTypeNotInBitmap, .rrset(name, rrset.type), zone: zone, servers: [answer.server],
                    "the signed \(rrset.type) at \(rrset.owner) lists \(types.map(\.description).joined(separator: " ")) but \(name) has \(missing.sorted().map(\.description).joined(separator: ", "))")
            }
        }
    }

    /// Error when every server failed the check, warning when only some did.
    /// The CNAME at `name`, or the DNAME it was synthesized from. A CNAME
    /// synthesized from a DNAME is unsigned by design (RFC 6672 §5.3.1): it is
    /// trusted when the DNAME RRset validates and the CNAME's target is
    /// exactly the DNAME substitution (RFC 4035 §3.2.3), and bogus otherwise.
    mutating func cnameValidation(_ name: DNSName, _ sources: [ServerAnswer], zone: DNSName, keys: [Record]) -> RRsetValidation {
        let signed = sources.filter { answer in
            answer.signatures(over: .cname, at: name, in: answer.message?.answer ?? []).isEmpty == false
        }
        guard signed.count < sources.count,
              let dname = sources.lazy.compactMap({ $0.message?.answer.first { $0.type == .dname && name.isSubdomain(of: $0.owner) && name != $0.owner } }).first,
              let target = try? NameData(rdata: dname.rdata).target
        else {
            return validator.validate(owner: name, type: .cname, answers: sources, section: { $0.answer }, keys: keys)
        }
        var validation = validator.validate(owner: dname.owner, type: .dname, answers: sources, section: { $0.answer }, keys: keys)
        let synthesized = try? DNSName(labels: Array(name.labels.dropLast(dname.owner.labelCount)) + target.labels)
        var matching: [ServerAddress] = []
        for answer in sources where validation.validServers.contains(answer.server) {
            let cnames = answer.answerRecords(name, .cname).compactMap { try? NameData(rdata: $0.rdata).target }
            if cnames.count == 1, let synthesized, cnames[0] == synthesized {
                matching.append(answer.server)
            } else {
                validation.problems.append(SignatureProblem(
                    code: .missingRRSIG,
                    message: "\(name) CNAME: unsigned, and not the \(synthesized.map(\.description) ?? "(too long)") that the DNAME \(dname.owner) → \(target) synthesizes",
                    servers: [answer.server]))
            }
        }
        validation.validServers = matching
        // The labels are the DNAME owner's: no wildcard expansion to prove.
        validation.validLabels = nil
        return validation
    }

    /// NO_SERVER_ANSWERED, unless every server did send something: then the
    /// malformed answers (SERVER_INVALID_RESPONSE_*, one per server) are the
    /// cause, and "bring the servers back" would send the operator the wrong
    /// way. Past the deadline it is CHECK_DEADLINE_EXCEEDED's to say.
    mutating func noServerAnswered(_ subject: Subject, zone: DNSName, answers: [ServerAnswer], _ message: String) {
        let asked = answers.filter(\.wasAsked)
        if !asked.isEmpty && asked.allSatisfy({ $0.isInvalidResponse || $0.isPastDeadline }) { return }
        add(.noServerAnswered, subject, zone: zone, servers: answers.map(\.server), message)
    }

    mutating func reportProblems(_ validation: RRsetValidation, subject: Subject, zone: DNSName) {
        for problem in validation.problems {
            let severity: Severity? = validation.isSecure ? .warning : nil
            let onlySome = validation.isSecure ? " (other servers serve a valid signature, so validators that retry succeed)" : ""
            add(problem.code, subject, zone: zone, servers: problem.servers, time: problem.time, problem.message + onlySome, severity: severity)
        }
    }

    /// RFC 4035 §2.2: every RRset is signed with each algorithm of the zone's
    /// DNSKEY RRset. Validators need only one (RFC 6840 §5.11), so a warning.
    mutating func algorithmCoverage(_ validation: RRsetValidation, subject: Subject, zone: DNSName, keys: [Record]) {
        let zoneAlgorithms = Set(keys.compactMap { try? DNSKEYData(rdata: $0.rdata) }
            .filter { $0.isZoneKey && !$0.isRevoked && SignatureVerifier.supportedAlgorithms.contains($0.algorithm) }
            .map(\.algorithm))
        for (server, algorithms) in validation.signatureAlgorithms {
            let missing = zoneAlgorithms.subtracting(algorithms)
            if !missing.isEmpty {
                add(.missingRRSIGForAlg, subject, zone: zone, servers: [server],
                    "\(subject) has no RRSIG with algorithm \(missing.sorted().map { "\($0.rawValue) (\($0))" }.joined(separator: ", ")), which the DNSKEY RRset of \(zone) has")
            }
        }
    }

    mutating func ttlCheck(_ validation: RRsetValidation, subject: Subject, zone: DNSName) {
        guard let rrset = validation.rrset, let until = validation.validUntil else { return }
        let left = until - now
        if left > 0 && Int64(rrset.ttl) > left {
            add(.ttlBeyondExpiration, subject, zone: zone,
                "\(subject): TTL \(rrset.ttl)s but the signature expires in \(TimeText.span(left))")
        }
    }
}

import Foundation

/// When a signature's coming expiration alarms (RRSIG_EXPIRES_SOON), for a
/// name's chain and a zone file alike: inside the warn window a warning,
/// inside the crit window an error; short-lived signatures refreshed
/// continuously (online signers) are fine while more than half their
/// lifetime remains.
public enum ExpiryRule {
    public static func severity(left: Int64, lifetime: Int64, warnSeconds: Int64, critSeconds: Int64) -> Severity? {
        guard left < warnSeconds else { return nil }
        if lifetime > 0 && lifetime < 2 * warnSeconds && left * 2 > lifetime { return nil }
        return left < critSeconds ? .error : .warning
    }
}
