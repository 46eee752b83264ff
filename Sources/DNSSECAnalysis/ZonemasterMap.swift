/// Zonemaster's DNSSEC test plan (DNSSEC01-DNSSEC18 of zonemaster v2025.2:
/// the message tags of each test case's specification, with the default
/// levels of zonemaster-engine's profile) against dnssec-check's codes.
/// docs/zonemaster.md is generated from this table (`dnssec-check codes
/// --zonemaster`), and `dnssec-check codes CODE` names the tags of a code.
public enum ZonemasterMap {
    public enum Level: String, Sendable { case debug, info, notice, warning, error, critical }

    /// How far the dnssec-check codes cover the tag's condition.
    public enum Match: String, Sendable {
        case same
        /// The codes cover part of it (the note says which).
        case partial
        /// No code (the note says what is missing, or why).
        case none
        /// A tag for a good state: a checklist line in dnssec-check, no finding.
        case notAProblem = "not a problem"
        /// About Zonemaster itself (its installation, its run).
        case notApplicable = "n/a"
    }

    public struct Tag: Sendable {
        public var tag: String
        public var testCase: String
        public var level: Level
        public var codes: [DiagnosticCode]
        public var match: Match
        public var note: String

        init(_ tag: String, _ testCase: String, _ level: Level, _ codes: [DiagnosticCode], _ match: Match, _ note: String) {
            self.tag = tag
            self.testCase = testCase
            self.level = level
            self.codes = codes
            self.match = match
            self.note = note
        }

        /// NOTICE and above: a condition an operator is told about.
        public var isProblem: Bool { [.notice, .warning, .error, .critical].contains(level) }
    }

    /// The tags that `code` reports, in test-plan order.
    public static func tags(for code: DiagnosticCode) -> [Tag] { tags.filter { $0.codes.contains(code) } }

    public static let tags: [Tag] = [
        .init("DS01_DS_ALGO_2_MISSING", "DNSSEC01", .notice, [.dsSHA256Missing], .same, "Per key tag/algorithm of the parent's DS, whatever the chain status; warning, off with --ignore-rfc8624."),
        .init("DS01_DS_ALGO_DEPRECATED", "DNSSEC01", .error, [.digestAlgorithmProhibited], .same, "Digest 1 or 3 at the parent, any chain status; warning instead of ERROR, off with --ignore-rfc8624."),
        .init("DS01_DS_ALGO_NOT_DS", "DNSSEC01", .error, [.dsDigestTypeZero], .same, "Same registry class (digest 0), any chain status; warning instead of ERROR."),
        .init("DS01_DS_ALGO_OK", "DNSSEC01", .info, [], .notAProblem, "Shown as the DS record's line in the checklist/report, no finding."),
        .init("DS01_DS_ALGO_PRIVATE", "DNSSEC01", .error, [.dsDigestTypePrivate], .same, "Digest 253/254, same ranges; warning instead of ERROR."),
        .init("DS01_DS_ALGO_RESERVED", "DNSSEC01", .error, [.dsDigestTypeReserved], .same, "Digest 128-252, same ranges; warning instead of ERROR."),
        .init("DS01_DS_ALGO_UNASSIGNED", "DNSSEC01", .error, [.dsDigestTypeUnassigned], .same, "Digest 7-127 and 255, same ranges; warning instead of ERROR."),
        .init("DS01_NO_RESPONSE", "DNSSEC01", .warning, [.noServerAnswered], .partial, "NO_SERVER_ANSWERED for the DS query is raised only when the parent itself validated (delegation()); under an insecure parent, or for one silent parent server, nothing is reported."),
        .init("DS01_PARENT_SERVER_NO_DS", "DNSSEC01", .error, [.inconsistentDS], .same, "Authoritative parent answers grouped by DS RRset, 'no DS' being one group, any chain status; also fires when the DS sets merely differ."),
        .init("DS01_PARENT_ZONE_NO_DS", "DNSSEC01", .notice, [.insecureDelegation, .dsAbsenceNotProven], .partial, "Only under a signed parent: INSECURE_DELEGATION (info) when the absence is proven, DS_ABSENCE_NOT_PROVEN when not; under an unsigned parent only the insecure verdict shows it."),
        .init("DS01_ROOT_N_NO_UNDEL_DS", "DNSSEC01", .info, [], .notApplicable, "Zonemaster input note; dnssec-check anchors the root in its trust anchors (checklist line 'DS=... is a trust anchor')."),
        .init("DS01_UNDEL_N_NO_UNDEL_DS", "DNSSEC01", .info, [.undelegatedZone], .notApplicable, "With --ns and no --ds, dnssec-check derives the SHA-256 DS of the zone's SEP keys and tests with it, saying so in UNDELEGATED_ZONE (info)."),
        .init("DS02_ALGO_NOT_SUPPORTED_BY_ZM", "DNSSEC02", .notice, [.algorithmNotSupported], .notApplicable, "Installation limit; dnssec-check reports a DS/key/RRSIG algorithm it cannot validate as ALGORITHM_NOT_SUPPORTED (the zone counts as insecure if no DS is usable)."),
        .init("DS02_DNSKEY_NOT_FOR_ZONE_SIGNING", "DNSSEC02", .error, [.signatureInvalid, .noSEP], .partial, "When every DNSKEY the DS matches lacks the ZONE flag, NO_SEP says so (the DS points to a key validators may not use, RFC 4034 §2.1.1) and its RRSIG is SIGNATURE_INVALID ('malformed key: ZONE flag not set'); a non-zone key beside another DS-matched zone key that signs is not named."),
        .init("DS02_DNSKEY_NOT_SEP", "DNSSEC02", .notice, [.dsKeyNotSEP], .same, "A DS matches a zone key without the SEP flag (info; validation does not need the flag)."),
        .init("DS02_DNSKEY_NOT_SIGNED_BY_ANY_DS", "DNSSEC02", .error, [.noSEP], .same, "NO_SEP when no DS-matched key validly signs the DNSKEY RRset; if only some servers fail, their signature problems come as warnings instead; checked only when the DS RRset validates."),
        .init("DS02_NO_DNSKEY_FOR_DS", "DNSSEC02", .warning, [.dsNoMatchingDNSKEY, .dsMatchLimit], .same, "DS_NO_MATCHING_DNSKEY per DS (matched on tag and algorithm), one DS_MATCH_LIMIT when more than 8 fail; a DS of an unsupported digest type is not judged; checked only when the DS RRset validates."),
        .init("DS02_NO_MATCHING_DNSKEY_RRSIG", "DNSSEC02", .warning, [.noSEP, .missingSEPForAlg], .partial, "Reported only when no key of that DS algorithm signs (MISSING_SEP_FOR_ALG) or none at all does (NO_SEP); a DS-matched key that does not sign while another of its algorithm does is treated as a rollover (KSK_ROLLOVER_DOUBLE_DS info), not a finding."),
        .init("DS02_NO_MATCH_DS_DNSKEY", "DNSSEC02", .error, [.digestInvalid, .dsNoMatchingDNSKEY], .same, "Tag and algorithm match but digest differs: DIGEST_INVALID (with the right DS); tag matches but algorithm differs: DS_NO_MATCHING_DNSKEY; checked only when the DS RRset validates."),
        .init("DS02_NO_VALID_DNSKEY_FOR_ANY_DS", "DNSSEC02", .error, [.noSEP, .dnskeyMissingFromServers], .same, "NO_SEP ('no DNSKEY matches a DS') when no server has one; a server lacking the DS-matched key while others have it gives DNSKEY_MISSING_FROM_SERVERS plus per-server signature warnings."),
        .init("DS02_RRSIG_NOT_VALID_BY_DNSKEY", "DNSSEC02", .error, [.signatureInvalid], .same, "RRSIG over DNSKEY by a DS-matched key that fails crypto; warning when another server/signature validates; checked only when the DS RRset validates."),
        .init("DS03_ERROR_RESPONSE_NSEC_QUERY", "DNSSEC03", .error, [.apexQueryFailed], .partial, "APEX_QUERY_FAILED (warning, not ERROR): a server that answers SOA and DNSKEY but gives no answer, an error RCODE or no AA to NSEC3PARAM, CDS or CDNSKEY, one finding per server naming each type; dnssec-check sends no apex NSEC query, so an error on that type alone is not seen."),
        .init("DS03_ERR_MULT_NSEC3", "DNSSEC03", .error, [.nodataExtraDenialRecords], .partial, "Seen on the apex NODATA answers dnssec-check asks for anyway (CDS, CDNSKEY, NSEC3PARAM), not on an apex NSEC3 query: more than one NSEC/NSEC3 record in one of them is NODATA_EXTRA_DENIAL_RECORDS (warning, not ERROR)."),
        .init("DS03_ILLEGAL_HASH_ALGO", "DNSSEC03", .error, [.nsec3HashAlgorithmUnsupported, .algorithmNotSupported], .same, "NSEC3PARAM hash ≠ 1 is NSEC3_HASH_ALGORITHM_UNSUPPORTED (any chain status); an NSEC3 record with hash ≠ 1 fails its proof as ALGORITHM_NOT_SUPPORTED (checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status)."),
        .init("DS03_ILLEGAL_ITERATION_VALUE", "DNSSEC03", .warning, [.nonzeroNSEC3IterationCount, .nsec3IterationsInsecure], .same, "From NSEC3PARAM and the NXDOMAIN probe's NSEC3; NSEC3_ITERATIONS_INSECURE (error) above 150; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status; off with --ignore-rfc9276 (except >150)."),
        .init("DS03_ILLEGAL_SALT_LENGTH", "DNSSEC03", .warning, [.nonemptyNSEC3Salt], .same, "From NSEC3PARAM and the probe's NSEC3; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status; off with --ignore-rfc9276."),
        .init("DS03_INCONSISTENT_HASH_ALGO", "DNSSEC03", .error, [.nsec3HashAlgorithmUnsupported, .nsec3ParametersInconsistent], .partial, "The cross-server NSEC3PARAM comparison uses iterations and salt only; a differing hash shows as NSEC3_HASH_ALGORITHM_UNSUPPORTED on the odd server, or as NSEC3_PARAMETERS_INCONSISTENT within one answer or between a server's NSEC3PARAM and its NSEC3."),
        .init("DS03_INCONSISTENT_ITERATION", "DNSSEC03", .error, [.nsec3ParametersInconsistent], .same, "Servers' NSEC3PARAM sets compared (and each server's NSEC3 against its NSEC3PARAM); checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS03_INCONSISTENT_NSEC3_FLAGS", "DNSSEC03", .error, [.nsec3OptOutInconsistent, .nsec3UnknownFlags], .same, "NSEC3_OPT_OUT_INCONSISTENT (warning, not ERROR): the same NSEC3 record (same owner hash) with opt-out on some servers and not on others, from the NXDOMAIN probe and the apex NODATA answers; unassigned flag bits are NSEC3_UNKNOWN_FLAGS on each server that sends them. Checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS03_INCONSISTENT_SALT_LENGTH", "DNSSEC03", .error, [.nsec3ParametersInconsistent], .same, "Compares the salt itself (stricter than its length); checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS03_LEGAL_EMPTY_SALT", "DNSSEC03", .info, [], .notAProblem, "Checklist line 'NSEC3PARAM: hash 1, 0 iterations, salt -'."),
        .init("DS03_LEGAL_HASH_ALGO", "DNSSEC03", .info, [], .notAProblem, "Checklist line 'NSEC3PARAM: hash 1, ...'."),
        .init("DS03_LEGAL_ITERATION_VALUE", "DNSSEC03", .info, [], .notAProblem, "Checklist line 'NSEC3PARAM: ... 0 iterations ...'."),
        .init("DS03_NO_DNSSEC_SUPPORT", "DNSSEC03", .notice, [.insecureDelegation, .dnskeyMissing], .partial, "An unsigned zone has no finding of its own: INSECURE_DELEGATION (info) when a signed parent proves no DS, DNSKEY_MISSING when the parent has DS; under an unsigned parent only the insecure verdict."),
        .init("DS03_NO_NSEC3", "DNSSEC03", .info, [], .notAProblem, "A zone using NSEC is normal; the checklist says 'NSEC proves that ... does not exist'."),
        .init("DS03_NO_RESPONSE_NSEC_QUERY", "DNSSEC03", .error, [.apexQueryFailed], .partial, "APEX_QUERY_FAILED (warning, not ERROR): a server that answers SOA and DNSKEY but gives no answer, an error RCODE or no AA to NSEC3PARAM, CDS or CDNSKEY, one finding per server naming each type (a timeout is 'no answer'); no apex NSEC query is sent."),
        .init("DS03_NSEC3_OPT_OUT_DISABLED", "DNSSEC03", .info, [], .notAProblem, "No finding when opt-out is off."),
        .init("DS03_NSEC3_OPT_OUT_ENABLED_NON_TLD", "DNSSEC03", .notice, [.nsec3OptOut], .same, "NSEC3_OPT_OUT (info) for any zone, no TLD/PSL distinction and no NOTICE-level nudge; from the first NSEC3 of the probe, checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS03_NSEC3_OPT_OUT_ENABLED_TLD", "DNSSEC03", .info, [.nsec3OptOut], .same, "Same info finding as for any other zone (no TLD/PSL test)."),
        .init("DS03_SERVER_NO_DNSSEC_SUPPORT", "DNSSEC03", .error, [.serverNoDNSKEY], .same, "Authoritative NOERROR without DNSKEY while others serve keys, any chain status; a server behind on SOA serial is reported as INCONSISTENT_SOA_SERIAL instead."),
        .init("DS03_SERVER_NO_NSEC3", "DNSSEC03", .error, [.denialMethodsMixed], .same, "From the NXDOMAIN probe on every server, any chain status: NSEC on some servers, NSEC3 on others."),
        .init("DS03_UNASSIGNED_FLAG_USED", "DNSSEC03", .error, [.nsec3UnknownFlags], .same, "Every NSEC3 record of every negative answer (the NXDOMAIN probe, the apex NODATA answers, the asked name's denial), signed or not; the record is then left out of the proof, as validators ignore it (RFC 5155 §8.2). NSEC3PARAM flags are NSEC3PARAM_FLAGS_SET."),
        .init("DURATION_LONG", "DNSSEC04", .warning, [.rrsigValidityTooLong], .partial, "Same 180-day threshold, but judged on the chain's signatures (DS, DNSKEY, the queried RRsets), not on the SOA RRSIG unless SOA is asked; checked only when the chain validates."),
        .init("DURATION_OK", "DNSSEC04", .debug, [], .notAProblem, "Each RRSIG's inception/expiration is in the report; no finding."),
        .init("REMAINING_LONG", "DNSSEC04", .warning, [.rrsigValidityTooLong], .partial, "No remaining-time check; a signature with more than 180 days left also has a validity period over 180 days, so RRSIG_VALIDITY_TOO_LONG fires (not for the SOA unless asked)."),
        .init("REMAINING_SHORT", "DNSSEC04", .warning, [.rrsigExpiresSoon], .partial, "Only the first-expiring signature on the validation path (SOA not included unless asked), window --warn-days 3 d (error under --crit-days), skipped for short-lived online-signed RRSIGs with more than half their life left."),
        .init("RRSIG_EXPIRATION", "DNSSEC04", .info, [], .notAProblem, "Expiration of every RRSIG and the chain's valid-until are in the report."),
        .init("RRSIG_EXPIRED", "DNSSEC04", .error, [.expirationInPast], .partial, "SOA RRSIGs by any zone key are judged, but DNSKEY RRSIGs only by DS-matched keys (a ZSK's expired RRSIG over DNSKEY is not judged unless DNSKEY is the queried type); checked only when the chain validates."),
        .init("TEST_CASE_END", "DNSSEC04", .debug, [], .notApplicable, "Zonemaster bookkeeping (DEBUG), no equivalent."),
        .init("TEST_CASE_START", "DNSSEC04", .debug, [], .notApplicable, "Zonemaster bookkeeping (DEBUG), no equivalent."),
        .init("DS05_ALGO_DEPRECATED", "DNSSEC05", .error, [.algorithmProhibited, .algorithmNotRecommended], .same, "Algorithms 1, 3, 6, 12 give ALGORITHM_PROHIBITED (error); 5 and 7 give ALGORITHM_NOT_RECOMMENDED (warning); every zone, any chain status; off with --ignore-rfc8624."),
        .init("DS05_ALGO_NOT_RECOMMENDED", "DNSSEC05", .warning, [.algorithmNotRecommended], .same, "Algorithm 10, every zone, any chain status; off with --ignore-rfc8624."),
        .init("DS05_ALGO_NOT_ZONE_SIGN", "DNSSEC05", .error, [.dnskeyAlgorithmNotForZones], .same, "Algorithms 0, 2, 252, same ranges; warning instead of ERROR."),
        .init("DS05_ALGO_OK", "DNSSEC05", .info, [], .notAProblem, "Checklist line 'DNSKEY=tag algorithm bits'."),
        .init("DS05_ALGO_PRIVATE", "DNSSEC05", .error, [.dnskeyAlgorithmPrivate], .same, "Algorithms 253, 254; warning instead of ERROR."),
        .init("DS05_ALGO_RESERVED", "DNSSEC05", .error, [.dnskeyAlgorithmReserved], .same, "Algorithms 4, 9, 11, 123-251, 255, same ranges; warning instead of ERROR."),
        .init("DS05_ALGO_UNASSIGNED", "DNSSEC05", .error, [.dnskeyAlgorithmUnassigned], .same, "Algorithms 18-22, 24-122, same ranges; warning instead of ERROR."),
        .init("DS05_NO_RESPONSE", "DNSSEC05", .warning, [.serverUnresponsive, .serverNotAuthoritative, .noServerAnswered], .same, "Per server: SERVER_UNRESPONSIVE_UDP (timeout) or SERVER_NOT_AUTHORITATIVE (RCODE/no AA); the zone-wide NO_SERVER_ANSWERED for DNSKEY only when the DS RRset validated."),
        .init("DS05_SERVER_NO_DNSSEC", "DNSSEC05", .error, [.serverNoDNSKEY], .same, "Authoritative NOERROR without DNSKEY while other servers serve keys; stale servers go to INCONSISTENT_SOA_SERIAL."),
        .init("DS05_ZONE_NO_DNSSEC", "DNSSEC05", .notice, [.insecureDelegation, .dnskeyMissing], .partial, "No finding for an unsigned zone as such: INSECURE_DELEGATION (info) under a signed parent that proves no DS, DNSKEY_MISSING if the parent has DS, otherwise only the insecure verdict."),
        .init("EXTRA_PROCESSING_BROKEN", "DNSSEC06", .error, [.missingRRSIG, .unableToRetrieveDNSSECRecords, .serverNoDNSKEY], .same, "DNSKEY without RRSIG: MISSING_RRSIG (when the DS RRset validates); DO not echoed and no RRSIG: UNABLE_TO_RETRIEVE_DNSSEC_RECORDS (secure parent); no DNSKEY while others serve it: SERVER_NO_DNSKEY."),
        .init("EXTRA_PROCESSING_OK", "DNSSEC06", .debug, [], .notAProblem, "No finding when RRSIGs come with the DNSKEY RRset."),
        .init("TEST_CASE_END", "DNSSEC06", .debug, [], .notApplicable, "Zonemaster bookkeeping (DEBUG), no equivalent."),
        .init("TEST_CASE_START", "DNSSEC06", .debug, [], .notApplicable, "Zonemaster bookkeeping (DEBUG), no equivalent."),
        .init("DS07_DS_FOR_SIGNED_ZONE", "DNSSEC07", .info, [], .notAProblem, "Checklist line 'Found N DS records for zone in the parent zone'."),
        .init("DS07_DS_ON_PARENT_SERVER", "DNSSEC07", .info, [], .notAProblem, "Servers serving DS are listed only when they disagree (INCONSISTENT_DS)."),
        .init("DS07_INCONSISTENT_DS", "DNSSEC07", .error, [.inconsistentDS], .same, "Authoritative parent answers grouped by DS RRset ('no DS' is a group), any chain status; Zonemaster also requires an RRSIG with the DS."),
        .init("DS07_INCONSISTENT_SIGNED", "DNSSEC07", .error, [.serverNoDNSKEY, .missingRRSIG], .same, "Server without DNSKEY while others serve keys: SERVER_NO_DNSKEY; DNSKEY without RRSIG on one server: MISSING_RRSIG warning (when the DS RRset validates)."),
        .init("DS07_NON_AUTH_RESPONSE_DNSKEY", "DNSSEC07", .warning, [.serverNotAuthoritative], .same, "No AA bit on a DNSKEY (or SOA) answer; error instead of WARNING."),
        .init("DS07_NOT_SIGNED", "DNSSEC07", .warning, [.insecureDelegation, .dnskeyMissing], .partial, "No 'zone not signed' finding: INSECURE_DELEGATION (info) when a signed parent proves no DS, DNSKEY_MISSING when it has DS; under an unsigned parent only the insecure verdict."),
        .init("DS07_NOT_SIGNED_ON_SERVER", "DNSSEC07", .warning, [.serverNoDNSKEY], .same, "Per server serving no DNSKEY while others do; when no server serves DNSKEY it is the unsigned-zone case (DS07_NOT_SIGNED row)."),
        .init("DS07_NO_DS_FOR_SIGNED_ZONE", "DNSSEC07", .warning, [.insecureDelegation, .cdsBootstrapReady], .partial, "INSECURE_DELEGATION fires for any proven missing DS without saying the zone is signed; CDS_BOOTSTRAP_READY only if it publishes CDS; proposed: SIGNED_ZONE_WITHOUT_DS (warning): the zone serves signed DNSKEYs but the parent has no DS, so validators treat it as insecure."),
        .init("DS07_NO_DS_ON_PARENT_SERVER", "DNSSEC07", .warning, [.inconsistentDS, .insecureDelegation], .partial, "Some parent servers without DS: INCONSISTENT_DS; all: INSECURE_DELEGATION (signed parent only); no per-server list when the zone is signed and no server has DS."),
        .init("DS07_NO_RESPONSE_DNSKEY", "DNSSEC07", .warning, [.serverUnresponsive], .same, "One finding per server that leaves DNSKEY (or SOA) unanswered over UDP, naming the questions; SERVER_UNRESPONSIVE_TCP when only TCP fails."),
        .init("DS07_SIGNED", "DNSSEC07", .info, [], .notAProblem, "Checklist line 'Found N DNSKEY records'; secure/insecure verdict."),
        .init("DS07_SIGNED_ON_SERVER", "DNSSEC07", .info, [], .notAProblem, "Per-server verdicts listed only when servers disagree."),
        .init("DS07_UNEXP_RCODE_RESP_DNSKEY", "DNSSEC07", .warning, [.serverNotAuthoritative, .errorWithEDNS], .same, "Non-NOERROR RCODE to DNSKEY/SOA: SERVER_NOT_AUTHORITATIVE; FORMERR/NOTIMP only with EDNS: ERROR_WITH_EDNS."),
        .init("DS08_ALGO_NOT_SUPPORTED_BY_ZM", "DNSSEC08", .notice, [.algorithmNotSupported], .notApplicable, "Installation limit; dnssec-check reports RRSIGs/keys of algorithms it cannot validate as ALGORITHM_NOT_SUPPORTED."),
        .init("DS08_DNSKEY_RRSIG_EXPIRED", "DNSSEC08", .error, [.expirationInPast], .partial, "Only RRSIGs over DNSKEY by DS-matched keys are judged (all keys when none matches a DS, or when DNSKEY is the queried type); checked only when the DS RRset validates."),
        .init("DS08_DNSKEY_RRSIG_NOT_YET_VALID", "DNSSEC08", .error, [.inceptionInFuture], .partial, "Only RRSIGs over DNSKEY by DS-matched keys are judged (all keys when none matches a DS, or when DNSKEY is the queried type); checked only when the DS RRset validates."),
        .init("DS08_MISSING_RRSIG_IN_RESPONSE", "DNSSEC08", .error, [.missingRRSIG], .same, "Per server, DNSKEY RRset without RRSIG; warning if other servers validate; checked only when the DS RRset validates."),
        .init("DS08_NO_MATCHING_DNSKEY", "DNSSEC08", .error, [.rrsigNoMatchingDNSKEY], .same, "RRSIG over DNSKEY whose tag/algorithm no published key has; checked only when the DS RRset validates."),
        .init("DS08_RRSIG_NOT_VALID_BY_DNSKEY", "DNSSEC08", .error, [.signatureInvalid], .partial, "Crypto failure judged only for RRSIGs by DS-matched keys (a ZSK's bad RRSIG over DNSKEY is not, unless DNSKEY is the queried type); checked only when the DS RRset validates."),
        .init("DS09_ALGO_NOT_SUPPORTED_BY_ZM", "DNSSEC09", .notice, [.algorithmNotSupported], .notApplicable, "Installation limit; dnssec-check reports RRSIGs of algorithms it cannot validate as ALGORITHM_NOT_SUPPORTED."),
        .init("DS09_MISSING_RRSIG_IN_RESPONSE", "DNSSEC09", .error, [.missingRRSIG], .same, "SOA without RRSIG, per server; judged with the trusted DNSKEY RRset on a validated chain, and with the keys that sign the zone's own DNSKEY RRset on any other (findings only)."),
        .init("DS09_NO_MATCHING_DNSKEY", "DNSSEC09", .error, [.rrsigNoMatchingDNSKEY], .same, "RRSIG over SOA by a key not in the DNSKEY RRset; judged with the trusted DNSKEY RRset on a validated chain, and with the keys that sign the zone's own DNSKEY RRset on any other (findings only)."),
        .init("DS09_RRSIG_NOT_VALID_BY_DNSKEY", "DNSSEC09", .error, [.signatureInvalid], .same, "RRSIG over SOA fails crypto; warning if another validates; judged with the trusted DNSKEY RRset on a validated chain, and with the keys that sign the zone's own DNSKEY RRset on any other (findings only)."),
        .init("DS09_SOA_RRSIG_EXPIRED", "DNSSEC09", .error, [.expirationInPast], .same, "Expired RRSIG over SOA; judged with the trusted DNSKEY RRset on a validated chain, and with the keys that sign the zone's own DNSKEY RRset on any other (findings only)."),
        .init("DS09_SOA_RRSIG_NOT_YET_VALID", "DNSSEC09", .error, [.inceptionInFuture], .same, "RRSIG over SOA with inception in the future; judged with the trusted DNSKEY RRset on a validated chain, and with the keys that sign the zone's own DNSKEY RRset on any other (findings only)."),
        .init("DS10_ALGO_NOT_SUPPORTED_BY_ZM", "DNSSEC10", .notice, [.algorithmNotSupported], .notApplicable, "Installation limit; dnssec-check reports NSEC/NSEC3 RRSIGs of algorithms it cannot validate as ALGORITHM_NOT_SUPPORTED."),
        .init("DS10_ERR_MULT_NSEC", "DNSSEC10", .error, [.nodataExtraDenialRecords], .partial, "Seen on the apex NODATA answers dnssec-check asks for anyway (CDS, CDNSKEY, NSEC3PARAM), not on an apex NSEC query: more than one NSEC/NSEC3 record in one of them is NODATA_EXTRA_DENIAL_RECORDS (warning, not ERROR)."),
        .init("DS10_ERR_MULT_NSEC3", "DNSSEC10", .error, [.nodataExtraDenialRecords], .partial, "Seen on the apex NODATA answers dnssec-check asks for anyway (CDS, CDNSKEY, NSEC3PARAM), not on an apex NSEC3 query: more than one NSEC/NSEC3 record in one of them is NODATA_EXTRA_DENIAL_RECORDS (warning, not ERROR)."),
        .init("DS10_ERR_MULT_NSEC3PARAM", "DNSSEC10", .error, [.nsec3paramMultiple], .same, "Per server, any chain status; warning instead of ERROR (a re-salt legitimately has two)."),
        .init("DS10_EXPECTED_NSEC_NSEC3_MISSING", "DNSSEC10", .error, [.missingNSECForNXDOMAIN], .same, "Seen on the signed NXDOMAIN probe rather than on apex NSEC/NSEC3PARAM queries; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_HAS_NSEC", "DNSSEC10", .info, [], .notAProblem, "Checklist line 'NSEC proves that <probe> does not exist'."),
        .init("DS10_HAS_NSEC3", "DNSSEC10", .info, [], .notAProblem, "Checklist lines 'NSEC3PARAM: ...' and 'NSEC3 proves that <probe> does not exist'."),
        .init("DS10_INCONSISTENT_NSEC", "DNSSEC10", .error, [.missingNSECForNODATA, .stypeInBitmap], .partial, "The apex's NODATA answers (CDS, CDNSKEY, NSEC3PARAM the zone does not have) go through the denial check on every server, wherever the zone's own keys validate its DNSKEY RRset: one without its NSEC is MISSING_NSEC_FOR_NODATA, an NSEC listing the type STYPE_IN_BITMAP; no apex NSEC query is sent."),
        .init("DS10_INCONSISTENT_NSEC3", "DNSSEC10", .error, [.nsec3paramDenialMismatch], .partial, "Per server, from its NSEC3PARAM answer and its NXDOMAIN probe: NSEC3PARAM published while it denies with NSEC, or NSEC3 denial without NSEC3PARAM, is NSEC3PARAM_DENIAL_MISMATCH (warning, not ERROR); servers denying differently from each other are DENIAL_METHODS_MIXED."),
        .init("DS10_INCONSISTENT_NSEC_NSEC3", "DNSSEC10", .error, [.denialMethodsMixed], .same, "NSEC on some servers and NSEC3 on others, from the NXDOMAIN probe, any chain status."),
        .init("DS10_MIXED_NSEC_NSEC3", "DNSSEC10", .error, [.denialMethodsMixed], .partial, "Fires when one answer carries both NSEC and NSEC3; a server with NSEC3PARAM that denies with NSEC is NSEC3PARAM_DENIAL_MISMATCH."),
        .init("DS10_NSEC3PARAM_GIVES_ERR_ANSWER", "DNSSEC10", .error, [.unexpectedAnswerRecords], .same, "UNEXPECTED_ANSWER_RECORDS (warning, not ERROR): answer-section records of another type or owner than asked on the NSEC3PARAM query, and likewise on the SOA, NS, DNSKEY, CDS and CDNSKEY queries; one finding per server listing the records; any chain status."),
        .init("DS10_NSEC3PARAM_MISMATCHES_APEX", "DNSSEC10", .error, [.unexpectedAnswerRecords], .same, "UNEXPECTED_ANSWER_RECORDS (warning, not ERROR): an NSEC3PARAM record owned by another name than the apex in the answer to the apex NSEC3PARAM query; such records are not used as the zone's NSEC3PARAM."),
        .init("DS10_NSEC3PARAM_QUERY_RESPONSE_ERR", "DNSSEC10", .error, [.apexQueryFailed], .same, "APEX_QUERY_FAILED (warning, not ERROR): a server that answers SOA and DNSKEY but gives no answer, an error RCODE or no AA to NSEC3PARAM, CDS or CDNSKEY, one finding per server naming each type."),
        .init("DS10_NSEC3_ERR_TYPE_LIST", "DNSSEC10", .error, [.existingTypeNotInBitmap], .partial, "Apex types a server serves (SOA, NS, DNSKEY, NSEC3PARAM, CDS, CDNSKEY) missing from the apex NSEC3 bitmap are found; NSEC/NSEC3 wrongly listed are not; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC3_MISMATCHES_APEX", "DNSSEC10", .error, [.noNSEC3MatchingSname], .partial, "An apex NODATA answer without the NSEC3 that matches the apex hash fails the denial check: NO_NSEC3_MATCHING_SNAME, per server; judged on the CDS/CDNSKEY NODATA answers, not on an NSEC3PARAM query."),
        .init("DS10_NSEC3_MISSING_SIGNATURE", "DNSSEC10", .error, [.missingRRSIG], .same, "NSEC3 records of the NXDOMAIN probe (which include the apex one) without RRSIG; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC3_NODATA_MISSING_SOA", "DNSSEC10", .error, [.nodataWithoutSOA], .same, "Judged on the CDS/CDNSKEY/NSEC3PARAM NODATA answers of the name's zone, any chain status."),
        .init("DS10_NSEC3_NODATA_WRONG_SOA", "DNSSEC10", .error, [.nodataWithoutSOA], .same, "Same code, foreign-SOA variant ('with the SOA of X'), on CDS/CDNSKEY/NSEC3PARAM NODATA answers."),
        .init("DS10_NSEC3_NO_VERIFIED_SIGNATURE", "DNSSEC10", .error, [.signatureInvalid, .expirationInPast, .inceptionInFuture, .rrsigNoMatchingDNSKEY], .same, "The probe's proof fails on that server and the signature problem is reported by its own code (warning if other servers prove it); checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC3_RRSIG_EXPIRED", "DNSSEC10", .error, [.expirationInPast], .same, "Expired RRSIG on the probe's NSEC3; reported when it breaks that server's proof; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC3_RRSIG_NOT_YET_VALID", "DNSSEC10", .error, [.inceptionInFuture], .same, "Future-inception RRSIG on the probe's NSEC3; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC3_RRSIG_NO_DNSKEY", "DNSSEC10", .warning, [.rrsigNoMatchingDNSKEY], .same, "Error instead of WARNING; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC3_RRSIG_VERIFY_ERROR", "DNSSEC10", .error, [.signatureInvalid], .same, "Crypto failure on the probe's NSEC3 RRSIG; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC_ERR_TYPE_LIST", "DNSSEC10", .error, [.existingTypeNotInBitmap], .partial, "Apex types a server serves missing from the apex NSEC bitmap are found (when the probe or NODATA probe returns the apex NSEC); NSEC3PARAM/NSEC3 wrongly listed are not; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC_GIVES_ERR_ANSWER", "DNSSEC10", .error, [.unexpectedAnswerRecords], .partial, "No apex NSEC query is sent; the same condition on the apex questions dnssec-check does ask (SOA, NS, DNSKEY, NSEC3PARAM, CDS, CDNSKEY) is UNEXPECTED_ANSWER_RECORDS (warning), one finding per server."),
        .init("DS10_NSEC_MISMATCHES_APEX", "DNSSEC10", .error, [.missingNSECForNODATA], .partial, "An apex NODATA answer whose NSEC is not the apex's (so nothing matches the apex) fails the denial check: MISSING_NSEC_FOR_NODATA, per server; judged on the CDS/CDNSKEY/NSEC3PARAM NODATA answers, not on an NSEC query."),
        .init("DS10_NSEC_MISSING_SIGNATURE", "DNSSEC10", .error, [.missingRRSIG], .same, "NSEC records of the NXDOMAIN probe without RRSIG; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC_NODATA_MISSING_SOA", "DNSSEC10", .error, [.nodataWithoutSOA], .same, "Includes the NSEC3PARAM NODATA of an NSEC zone, exactly Zonemaster's case; any chain status."),
        .init("DS10_NSEC_NODATA_WRONG_SOA", "DNSSEC10", .error, [.nodataWithoutSOA], .same, "Foreign-SOA variant of the same code."),
        .init("DS10_NSEC_NO_VERIFIED_SIGNATURE", "DNSSEC10", .error, [.signatureInvalid, .expirationInPast, .inceptionInFuture, .rrsigNoMatchingDNSKEY], .same, "The probe's proof fails on that server and the signature problem is reported by its own code; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC_QUERY_RESPONSE_ERR", "DNSSEC10", .error, [.apexQueryFailed], .partial, "APEX_QUERY_FAILED (warning, not ERROR): a server that answers SOA and DNSKEY but gives no answer, an error RCODE or no AA to NSEC3PARAM, CDS or CDNSKEY, one finding per server naming each type; no apex NSEC query is sent, so the NSEC3PARAM, CDS and CDNSKEY questions stand for it."),
        .init("DS10_NSEC_RRSIG_EXPIRED", "DNSSEC10", .error, [.expirationInPast], .same, "Expired RRSIG on the probe's NSEC; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC_RRSIG_NOT_YET_VALID", "DNSSEC10", .error, [.inceptionInFuture], .same, "Future-inception RRSIG on the probe's NSEC; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC_RRSIG_NO_DNSKEY", "DNSSEC10", .warning, [.rrsigNoMatchingDNSKEY], .same, "Error instead of WARNING; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_NSEC_RRSIG_VERIFY_ERROR", "DNSSEC10", .error, [.signatureInvalid], .same, "Crypto failure on the probe's NSEC RRSIG; checked wherever the zone's own keys validate its DNSKEY RRset, whatever the chain's status."),
        .init("DS10_SERVER_NO_DNSSEC", "DNSSEC10", .error, [.serverNoDNSKEY], .same, "Authoritative NOERROR without DNSKEY while others serve keys."),
        .init("DS10_ZONE_NO_DNSSEC", "DNSSEC10", .notice, [.insecureDelegation, .dnskeyMissing], .partial, "No finding for an unsigned zone as such: INSECURE_DELEGATION (info) under a signed parent proving no DS, DNSKEY_MISSING if the parent has DS."),
        .init("DS11_DS_BUT_UNSIGNED_ZONE", "DNSSEC11", .error, [.dnskeyMissing], .same, "Parent has (validated) DS but servers return no DNSKEY; checked when the DS RRset validates."),
        .init("DS11_INCONSISTENT_DS", "DNSSEC11", .warning, [.inconsistentDS], .same, "Parent servers disagree on DS (presence or content), any chain status."),
        .init("DS11_INCONSISTENT_SIGNED_ZONE", "DNSSEC11", .error, [.serverNoDNSKEY], .same, "Some servers serve DNSKEY, others answer without; fires whether or not the parent has DS."),
        .init("DS11_NS_WITH_SIGNED_ZONE", "DNSSEC11", .notice, [.serverNoDNSKEY], .same, "Companion list; SERVER_NO_DNSKEY's message names the servers that do serve the keys."),
        .init("DS11_NS_WITH_UNSIGNED_ZONE", "DNSSEC11", .warning, [.serverNoDNSKEY], .same, "One SERVER_NO_DNSKEY per server serving no DNSKEY (error instead of WARNING)."),
        .init("DS11_PARENT_WITHOUT_DS", "DNSSEC11", .notice, [.inconsistentDS], .same, "Companion list; INCONSISTENT_DS's message lists 'no DS on <servers>'."),
        .init("DS11_PARENT_WITH_DS", "DNSSEC11", .notice, [.inconsistentDS], .same, "Companion list; INCONSISTENT_DS's message lists 'DS <tags> on <servers>'."),
        .init("DS11_UNDETERMINED_DS", "DNSSEC11", .error, [.noServerAnswered], .partial, "NO_SERVER_ANSWERED for the DS query only under a validated parent; dnssec-check accepts NOERROR/NXDOMAIN without AA as usable, Zonemaster does not."),
        .init("DS11_UNDETERMINED_SIGNED_ZONE", "DNSSEC11", .error, [.noServerAnswered, .serverUnresponsive, .serverNotAuthoritative], .same, "Zone-wide NO_SERVER_ANSWERED for DNSKEY (when the DS RRset validates), with the per-server cause codes."),
        .init("DS13_ALGO_NOT_SIGNED_DNSKEY", "DNSSEC13", .warning, [.missingRRSIGForAlg], .same, "Per server, zone-key algorithms dnssec-check supports; checked only when the chain validates."),
        .init("DS13_ALGO_NOT_SIGNED_NS", "DNSSEC13", .warning, [.missingRRSIGForAlg], .partial, "The apex NS RRset is validated (and its algorithms checked) only when NS is a queried type of the apex name; not part of the zone check."),
        .init("DS13_ALGO_NOT_SIGNED_SOA", "DNSSEC13", .warning, [.missingRRSIGForAlg], .same, "Per server on the apex SOA; judged with the trusted DNSKEY RRset on a validated chain, and with the keys that sign the zone's own DNSKEY RRset on any other (findings only)."),
        .init("DNSKEY_SMALLER_THAN_REC", "DNSSEC14", .warning, [.rsaKeyTooShort], .same, "RSA (1, 5, 7, 8, 10) under 2048 bits, every zone, any chain status."),
        .init("DNSKEY_TOO_LARGE_FOR_ALGO", "DNSSEC14", .error, [.rsaKeyTooLong], .same, "RSA modulus over 4096 bits (RFC 3110, RFC 5702); warning instead of ERROR."),
        .init("DNSKEY_TOO_SMALL_FOR_ALGO", "DNSSEC14", .error, [.rsaKeyTooShort], .same, "RSA_KEY_TOO_SHORT is raised to error below 1024 bits, which covers Zonemaster's minima (512 for 5/7/8, 1024 for 10)."),
        .init("IPV4_DISABLED", "DNSSEC14", .debug, [], .notApplicable, "Zonemaster configuration; dnssec-check's -6 simply does not ask IPv4 addresses, without a finding."),
        .init("IPV6_DISABLED", "DNSSEC14", .debug, [], .notApplicable, "Zonemaster configuration; dnssec-check's -4 simply does not ask IPv6 addresses, without a finding."),
        .init("KEY_SIZE_OK", "DNSSEC14", .info, [], .notAProblem, "Checklist line 'DNSKEY=tag RSASHA256 2048 bits'."),
        .init("NO_RESPONSE", "DNSSEC14", .debug, [.serverUnresponsive], .same, "Server that does not answer the DNSKEY query."),
        .init("NO_RESPONSE_DNSKEY", "DNSSEC14", .error, [.serverNoDNSKEY], .same, "Default level ERROR in profile.json, WARNING in the dnssec14 spec; server answering without DNSKEY while others serve keys."),
        .init("TEST_CASE_END", "DNSSEC14", .debug, [], .notApplicable, "Zonemaster bookkeeping (DEBUG), no equivalent."),
        .init("TEST_CASE_START", "DNSSEC14", .debug, [], .notApplicable, "Zonemaster bookkeeping (DEBUG), no equivalent."),
        .init("DS15_HAS_CDNSKEY_NO_CDS", "DNSSEC15", .notice, [.cdsCDNSKEYUnpaired], .same, "CDNSKEY published without CDS (info)."),
        .init("DS15_HAS_CDS_AND_CDNSKEY", "DNSSEC15", .info, [], .notAProblem, "No finding when both are published and agree."),
        .init("DS15_HAS_CDS_NO_CDNSKEY", "DNSSEC15", .notice, [.cdsCDNSKEYUnpaired], .same, "CDS published without CDNSKEY (info)."),
        .init("DS15_INCONSISTENT_CDNSKEY", "DNSSEC15", .error, [.multipleCDNSKEY], .same, "Authoritative NOERROR answers compared (empty ≠ non-empty); when the chain validates or the parent proves no DS; warning instead of ERROR."),
        .init("DS15_INCONSISTENT_CDS", "DNSSEC15", .error, [.multipleCDS], .same, "Authoritative NOERROR answers compared (empty ≠ non-empty); when the chain validates or the parent proves no DS; warning instead of ERROR."),
        .init("DS15_MISMATCH_CDS_CDNSKEY", "DNSSEC15", .error, [.cdnskeyInconsistentWithCDS], .partial, "Compared over all servers' records, on a validated chain, and with the zone's own keys where its chain does not hold (not on the bootstrap path), and not at all when either RRset holds the delete form (CDS_DELETE_REQUESTED returns first)."),
        .init("DS15_NO_CDS_CDNSKEY", "DNSSEC15", .info, [], .notAProblem, "No CDS/CDNSKEY is normal; no finding."),
        .init("DS16_CDS_INVALID_RRSIG", "DNSSEC16", .error, [.cdsSignerInvalid], .partial, "Only when no server's CDS is validly signed by a DS-matched key (or, without DS, by the zone's keys); a bad extra RRSIG beside a good one is not reported."),
        .init("DS16_CDS_MATCHES_NON_SEP_DNSKEY", "DNSSEC16", .notice, [.cdsKeyNotSEP], .same, "Info instead of NOTICE; checked on a validated chain, and with the zone's own keys where its chain does not hold (not on the bootstrap path)."),
        .init("DS16_CDS_MATCHES_NON_ZONE_DNSKEY", "DNSSEC16", .error, [.cdsKeyNotZoneKey], .same, "Checked on a validated chain, and with the zone's own keys where its chain does not hold (not on the bootstrap path)."),
        .init("DS16_CDS_MATCHES_NO_DNSKEY", "DNSSEC16", .warning, [.cdsWouldBreakChain], .partial, "Fires only when no CDS record points to a published key that signs the DNSKEY RRset; one stale CDS beside a working one is silent."),
        .init("DS16_CDS_NOT_SIGNED_BY_CDS", "DNSSEC16", .notice, [.cdsNotSelfSigned], .same, "CDS RRset signed, but by none of the keys it describes (info); checked on a validated chain, and with the zone's own keys where its chain does not hold (not on the bootstrap path)."),
        .init("DS16_CDS_SIGNED_BY_UNKNOWN_DNSKEY", "DNSSEC16", .error, [.cdsSignerInvalid], .partial, "RRSIG_NO_MATCHING_DNSKEY found on the CDS RRset is not reported; only the consequence, no valid signature by a DS-matched key, gives CDS_SIGNER_INVALID."),
        .init("DS16_CDS_UNSIGNED", "DNSSEC16", .error, [.cdsSignerInvalid], .same, "Unsigned CDS gives CDS_SIGNER_INVALID (not worded as 'unsigned'), under a validated DS or on the bootstrap path; not when some other server's copy is signed."),
        .init("DS16_CDS_WITHOUT_DNSKEY", "DNSSEC16", .error, [.cdsWouldBreakChain, .serverNoDNSKEY], .partial, "Unsigned zone with CDS under a signed parent without DS: CDS_WOULD_BREAK_CHAIN (warning); a single server without DNSKEY: SERVER_NO_DNSKEY; with DS and no DNSKEY only DNSKEY_MISSING, CDS not checked."),
        .init("DS16_DELETE_CDS", "DNSSEC16", .info, [.cdsDeleteRequested], .same, "Info, when the chain validates; on the bootstrap path (no DS) only a checklist line."),
        .init("DS16_DNSKEY_NOT_SIGNED_BY_CDS", "DNSSEC16", .warning, [.cdsWouldBreakChain], .partial, "Judged for the CDS set as a whole: fires only when none of the keys the CDS points to signs the DNSKEY RRset."),
        .init("DS16_MIXED_DELETE_CDS", "DNSSEC16", .error, [.cdsDeleteMixed], .same, "The delete CDS beside other CDS records (warning)."),
        .init("DS17_CDNSKEY_INVALID_RRSIG", "DNSSEC17", .error, [.cdsSignerInvalid], .partial, "Only when no server's CDNSKEY is validly signed by a DS-matched key (or, without DS, the zone's keys); not reported separately when the CDS already failed."),
        .init("DS17_CDNSKEY_IS_NON_SEP", "DNSSEC17", .notice, [.cdsKeyNotSEP], .same, "Info instead of NOTICE; checked on a validated chain, and with the zone's own keys where its chain does not hold (not on the bootstrap path)."),
        .init("DS17_CDNSKEY_IS_NON_ZONE", "DNSSEC17", .error, [.cdsKeyNotZoneKey], .same, "Checked on a validated chain, and with the zone's own keys where its chain does not hold (not on the bootstrap path)."),
        .init("DS17_CDNSKEY_MATCHES_NO_DNSKEY", "DNSSEC17", .warning, [.cdsWouldBreakChain], .partial, "Fires only when no CDNSKEY is a published key that signs the DNSKEY RRset; one stale CDNSKEY beside a working one is silent."),
        .init("DS17_CDNSKEY_NOT_SIGNED_BY_CDNSKEY", "DNSSEC17", .notice, [.cdsNotSelfSigned], .same, "CDNSKEY RRset signed, but by none of the keys it describes (info); checked on a validated chain, and with the zone's own keys where its chain does not hold (not on the bootstrap path)."),
        .init("DS17_CDNSKEY_SIGNED_BY_UNKNOWN_DNSKEY", "DNSSEC17", .error, [.cdsSignerInvalid], .partial, "The unknown-key RRSIG itself is not reported; only no valid signature by a DS-matched key gives CDS_SIGNER_INVALID."),
        .init("DS17_CDNSKEY_UNSIGNED", "DNSSEC17", .error, [.cdsSignerInvalid], .same, "Unsigned CDNSKEY gives CDS_SIGNER_INVALID, under a validated DS or on the bootstrap path; not when another server's copy is signed."),
        .init("DS17_CDNSKEY_WITHOUT_DNSKEY", "DNSSEC17", .error, [.cdsWouldBreakChain, .serverNoDNSKEY], .partial, "Unsigned zone with CDNSKEY under a signed parent without DS: CDS_WOULD_BREAK_CHAIN (warning); one server without DNSKEY: SERVER_NO_DNSKEY."),
        .init("DS17_DELETE_CDNSKEY", "DNSSEC17", .info, [.cdsDeleteRequested], .same, "Info, when the chain validates; on the bootstrap path only a checklist line."),
        .init("DS17_DNSKEY_NOT_SIGNED_BY_CDNSKEY", "DNSSEC17", .warning, [.cdsWouldBreakChain], .partial, "Judged for the CDNSKEY set as a whole: fires only when none of its keys signs the DNSKEY RRset."),
        .init("DS17_MIXED_DELETE_CDNSKEY", "DNSSEC17", .error, [.cdsDeleteMixed], .same, "The delete CDNSKEY beside other CDNSKEY records (warning)."),
        .init("DS18_NO_MATCH_CDNSKEY_RRSIG_DS", "DNSSEC18", .error, [.cdsSignerInvalid], .same, "When the chain validates and the parent has DS; one finding per zone (first failing of CDS/CDNSKEY), judged on all servers together."),
        .init("DS18_NO_MATCH_CDS_RRSIG_DS", "DNSSEC18", .error, [.cdsSignerInvalid], .same, "When the chain validates and the parent has DS; fires when no server's CDS is validly signed by a DS-matched key."),
    ]
}
