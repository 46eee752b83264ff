import DNSModel
import DNSSECAnalysis
import LDNSBridge

/// The versioned JSON document (docs/report-schema.md, validated by
/// docs/report-schema.json): snake_case keys in sorted order, arrays in a
/// stable order, absent values as `null`, times in RFC 3339 UTC and as
/// seconds left. `--format jsonl` writes one such document per name, each
/// on one line, with exactly one element in `reports`.
public struct JSONReport {
    /// Bump the minor version for added fields, the major for anything a
    /// consumer could trip over (renamed, removed or retyped fields).
    public static let schemaVersion = "1.3"

    public let tool: String
    public let names: [CheckedName]
    public let policy: ReportPolicy

    public init(tool: String, names: [CheckedName], policy: ReportPolicy = ReportPolicy()) {
        self.tool = tool
        self.names = names
        self.policy = policy
    }

    public init(tool: String, reports: [NameReport], policy: ReportPolicy = ReportPolicy()) {
        self.init(tool: tool, names: reports.map { CheckedName(report: $0) }, policy: policy)
    }

    public func encoded(pretty: Bool = true) throws -> String {
        document.serialized(pretty: pretty)
    }

    public var document: JSONValue {
        let statuses = names.map { $0.status(policy) }
        let worst = MonitorStatus.worst(statuses)
        var counts: [String: JSONValue] = ["names": .int(names.count)]
        for status in MonitorStatus.allCases {
            counts[status.word.lowercased()] = .int(statuses.filter { $0 == status }.count)
        }
        return .object([
            "schema_version": .string(Self.schemaVersion),
            "tool": .string(tool),
            "exit_code": .int(Int64(worst.rawValue)),
            "monitor_status": .string(worst.word),
            "counts": .object(counts),
            "policy": .object([
                "require_secure": .bool(policy.requireSecure),
                "warn_seconds": .int(policy.warnSeconds),
                "crit_seconds": .int(policy.critSeconds),
                "strict": .bool(policy.strict),
                "ignored_codes": .strings(policy.ignoredCodes),
            ]),
            "reports": .array(names.map { Self.name($0, policy: policy) }),
        ])
    }

    static func name(_ checked: CheckedName, policy: ReportPolicy) -> JSONValue {
        var value = report(checked.report, policy: policy, reachability: checked.serverReachability)
        if case .object(var members) = value {
            members["monitor_status"] = .string(checked.status(policy).word)
            members["exit_code"] = .int(Int64(checked.status(policy).rawValue))
            value = .object(members)
        }
        return value
    }

    /// `nested`: a CNAME target's report inside its name's. Its findings are
    /// in the top-level `findings` (each with its zone), so they are not repeated.
    static func report(_ report: NameReport, policy: ReportPolicy, reachability: [ServerReachability],
                       nested: Bool = false) -> JSONValue {
        let status = MonitorStatus.of(report, requireSecure: policy.requireSecure)
        return .object([
            "name": .string(report.name.description),
            "types": .strings(report.types.map(\.description)),
            "status": .string(report.status.rawValue),
            "monitor_status": .string(status.word),
            "exit_code": .int(Int64(status.rawValue)),
            "summary": .string(TextReport.summaryText(report, policy: policy)),
            "reference_time": .string(TimeText.rfc3339(report.referenceTime)),
            "valid_until": .optional(report.validUntil.map(TimeText.rfc3339)),
            "valid_until_seconds_left": .optional(report.validUntilSecondsLeft),
            "finding_counts": .object([
                "error": .int(report.count(.error)),
                "warning": .int(report.count(.warning)),
                "info": .int(report.count(.info)),
            ]),
            "zones": .array(report.zones.map {
                zone($0, referenceTime: report.referenceTime, reachability: reachability)
            }),
            "rrsets": .array(report.rrsets.map(rrset)),
            "findings": nested ? .array([]) : .array(report.orderedFindings.map { finding($0, in: report) }),
            "fix_first": nested ? .null : report.fixFirst.map { finding($0, in: report) } ?? .null,
            "cname_targets": .array(report.cnameTargets.map {
                Self.report($0, policy: policy, reachability: reachability, nested: true)
            }),
        ])
    }

    static func zone(_ zone: ZoneReport, referenceTime: Int64?, reachability: [ServerReachability]) -> JSONValue {
        let earliestLeft = zone.earliestExpiration.flatMap { expiry in
            referenceTime.map { expiry - $0 }
        }
        return .object([
            "zone": .string(zone.zone.description),
            "parent": .optional(zone.parent?.description),
            "status": .string(zone.status.rawValue),
            "servers": .array(zone.servers.sorted().map { server in
                let reach = reachability.first { $0.zone == zone.zone && $0.server == server }
                let verdict = zone.serverVerdicts.first { $0.server == server }
                let health = zone.serverHealth.first { $0.server == server }
                return .object([
                    "exchanges": health.map {
                        .object(["asked": .int(Int64($0.asked)), "answered": .int(Int64($0.answered)),
                                 "failed": .int(Int64($0.failed)), "not_asked": .int(Int64($0.notAsked))])
                    } ?? .null,
                    "rtt_ms": health.flatMap { h in
                        h.medianMilliseconds.map { .object(["median": .double(Self.rounded($0)),
                                                            "max": .double(Self.rounded(h.maxMilliseconds ?? $0))]) }
                    } ?? .null,
                    "address": .string(server.description),
                    "names": .strings(zone.hostNames(of: server).map(\.description)),
                    "reachable": reach.map { .bool($0.reachable) } ?? .null,
                    "problem": .optional(reach?.problem),
                    "verdict": .optional(verdict?.verdict.rawValue),
                    "verdict_problem": .optional(verdict?.problem),
                    "soa_serial": verdict?.soaSerial.map { .int(Int64($0)) } ?? .null,
                ])
            }),
            "name_servers": .array(zone.nameServers.map {
                .object(["name": .string($0.name.description), "addresses": .strings($0.addresses.map(\.description))])
            }),
            "earliest_expiration": .optional(zone.earliestExpiration.map(TimeText.rfc3339)),
            "earliest_expiration_seconds_left": .optional(earliestLeft),
            "ds": .array(zone.ds.sorted {
                ($0.keyTag, $0.algorithm, $0.digestType) != ($1.keyTag, $1.algorithm, $1.digestType)
                    ? ($0.keyTag, $0.algorithm, $0.digestType) < ($1.keyTag, $1.algorithm, $1.digestType)
                    : $0.digest.lexicographicallyPrecedes($1.digest)
            }.map(ds)),
            "dnskeys": .array(zone.dnskeys.sorted { ($0.keyTag, $0.algorithm, $0.flags) < ($1.keyTag, $1.algorithm, $1.flags) }
                .map(dnskey)),
            "rrsigs": .array(sortedSignatures(zone.rrsigs).map(rrsig)),
            "checks": .array(zone.checks.map { .object(["mark": .string($0.mark.rawValue), "text": .string($0.text)]) }),
        ])
    }

    /// Milliseconds to a tenth: finer is noise.
    static func rounded(_ milliseconds: Double) -> Double { (milliseconds * 10).rounded() / 10 }

    static func sortedSignatures(_ signatures: [RRSIGReport]) -> [RRSIGReport] {
        signatures.sorted {
            ($0.owner.description, $0.typeCovered.description, $0.keyTag, $0.algorithm, $0.expiration)
                < ($1.owner.description, $1.typeCovered.description, $1.keyTag, $1.algorithm, $1.expiration)
        }
    }

    static func ds(_ ds: DSReport) -> JSONValue {
        .object([
            "key_tag": .int(ds.keyTag),
            "algorithm": .int(ds.algorithm),
            "algorithm_name": .string(ds.algorithmName),
            "digest_type": .int(ds.digestType),
            "digest_type_name": .string(ds.digestTypeName),
            "digest": .string(Encodings.hex(ds.digest)),
            "status": .string(ds.status.rawValue),
            "matched_key_tag": ds.matchedKeyTag.map { .int($0) } ?? .null,
        ])
    }

    static func dnskey(_ key: DNSKEYReport) -> JSONValue {
        .object([
            "key_tag": .int(key.keyTag),
            "flags": .int(key.flags),
            "role": .string(key.role.rawValue),
            "algorithm": .int(key.algorithm),
            "algorithm_name": .string(key.algorithmName),
            "key_size": key.keySize.map { .int($0) } ?? .null,
            "revoked": .bool(key.revoked),
            "matched_by_ds": .bool(key.matchedByDS),
            "signs_dnskey_rrset": .bool(key.signsDNSKEYRRset),
            "servers": .strings(key.servers.map(\.description).sorted()),
        ])
    }

    static func rrsig(_ sig: RRSIGReport) -> JSONValue {
        .object([
            "owner": .string(sig.owner.description),
            "type_covered": .string(sig.typeCovered.description),
            "key_tag": .int(sig.keyTag),
            "algorithm": .int(sig.algorithm),
            "algorithm_name": .string(DNSSECAlgorithm(sig.algorithm).mnemonic),
            "signer": .string(sig.signer.description),
            "inception": .string(TimeText.rfc3339(sig.inception)),
            "expiration": .string(TimeText.rfc3339(sig.expiration)),
            "seconds_left": .int(sig.secondsLeft),
            "status": .string(sig.status.rawValue),
            "servers": .strings(sig.servers.map(\.description).sorted()),
        ])
    }

    static func rrset(_ rrset: RRsetReport) -> JSONValue {
        .object([
            "owner": .string(rrset.owner.description),
            "type": .string(rrset.type.description),
            "kind": .string(rrset.kind.rawValue),
            "status": .string(rrset.status.rawValue),
            "records": .strings(rrset.records.map(Presentation.render)),
            "rrsigs": .array(sortedSignatures(rrset.rrsigs).map(rrsig)),
            "proof": .strings(rrset.proof.map(\.description)),
            "proof_records": .array(rrset.proofRecords.map { record in
                .object([
                    "owner": .string(record.owner.description),
                    "type": .string(record.type.description),
                    "next": .string(record.next.description),
                    "types": .strings(record.types.map(\.description)),
                    "signed": .bool(record.signed),
                    "opt_out": .bool(record.optOut),
                    "roles": .strings(record.roles.map(\.rawValue)),
                    "hashes": .array(record.hashes.map {
                        .object(["name": .string($0.name.description), "hash": .string(Encodings.base32hex($0.hash)), "role": .string($0.role.rawValue)])
                    }),
                ])
            }),
        ])
    }

    static func finding(_ finding: Diagnostic, in report: NameReport) -> JSONValue {
        var fields: [String: JSONValue] = [
            "code": .string(finding.code.rawValue),
            "severity": .string(finding.severity.rawValue),
            "subject": .string(finding.subject.description),
            "about": about(finding.subject),
            "zone": .string(finding.zone.description),
            "servers": .strings(finding.servers.map(\.description)),
            "server_names": .array(finding.servers.map {
                .object(["address": .string($0.description),
                         "names": .strings(report.hostNames(of: $0, zone: finding.zone).map(\.description))])
            }),
            "message": .string(finding.message),
            "remedy": .string(finding.remedy),
            "references": .strings(finding.references),
        ]
        if let time = finding.time { fields["time"] = .string(TimeText.rfc3339(time)) }
        return .object(fields)
    }

    /// The subject's parts, for a program: its kind and the values that name it.
    static func about(_ subject: Subject) -> JSONValue {
        var fields: [String: JSONValue] = ["owner": .string(subject.owner.description)]
        switch subject {
        case .zone: fields["kind"] = .string("zone")
        case .name: fields["kind"] = .string("name")
        case .nxdomainProof: fields["kind"] = .string("nxdomain_proof")
        case .delegation(let parent, _):
            fields["kind"] = .string("delegation")
            fields["parent"] = parent.map { .string($0.description) } ?? .null
        case .server(let address, let names, _):
            fields["kind"] = .string("server")
            fields["server"] = .string(address.description)
            fields["server_names"] = .strings(names.map(\.description))
        case .rrset(_, let type):
            fields["kind"] = .string("rrset")
            fields["type"] = .string(type.description)
        case .denial(_, let type):
            fields["kind"] = .string("denial")
            fields["type"] = .string(type.description)
        case .rrsigs(_, let type):
            fields["kind"] = .string("rrsigs")
            fields["type"] = .string(type.description)
        case .ds(_, let tag, let algorithm, let digest):
            fields["kind"] = .string("ds")
            fields["key_tag"] = .int(Int(tag))
            fields["algorithm"] = .int(Int(algorithm))
            fields["digest_type"] = .int(Int(digest))
        case .dnskey(_, let tag, let algorithm):
            fields["kind"] = .string("dnskey")
            fields["key_tag"] = .int(Int(tag))
            fields["algorithm"] = .int(Int(algorithm))
        }
        return .object(fields)
    }
}
