/// Every diagnostic code dnssec-check can emit. Codes are stable: JSON
/// consumers switch on them. Spellings reuse DNSViz's where the condition
/// is the same. `docs/diagnostics.md` is generated from this table.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    /// The catalog spelling, wherever a code is printed.
    public var description: String { rawValue }
    /// By spelling: findings sort the same in every report.
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

    // Chain of trust: DS ↔ DNSKEY
    case digestInvalid = "DIGEST_INVALID"
    case dsNoMatchingDNSKEY = "DS_NO_MATCHING_DNSKEY"
    case dsMatchLimit = "DS_MATCH_LIMIT"
    case noSEP = "NO_SEP"
    case missingSEPForAlg = "MISSING_SEP_FOR_ALG"
    case dnskeyMissing = "DNSKEY_MISSING"
    case noTrustAnchorSigning = "NO_TRUST_ANCHOR_SIGNING"
    case insecureDelegation = "INSECURE_DELEGATION"
    case dsAbsenceNotProven = "DS_ABSENCE_NOT_PROVEN"
    case dnskeyRevokedDS = "DNSKEY_REVOKED_DS"
    case dnskeyRevoked = "DNSKEY_REVOKED"
    case revokedNotSigning = "REVOKED_NOT_SIGNING"
    // Signatures
    case signatureInvalid = "SIGNATURE_INVALID"
    case expirationInPast = "EXPIRATION_IN_PAST"
    case inceptionInFuture = "INCEPTION_IN_FUTURE"
    case rrsigValidationLimit = "RRSIG_VALIDATION_LIMIT"
    case signedRRsetTooLarge = "SIGNED_RRSET_TOO_LARGE"
    case cryptoBudgetExceeded = "CRYPTO_BUDGET_EXCEEDED"
    case dnskeyKeytagCollision = "DNSKEY_KEYTAG_COLLISION"
    case rrsigExpiresSoon = "RRSIG_EXPIRES_SOON"
    case missingRRSIG = "MISSING_RRSIG"
    case rrsigNoMatchingDNSKEY = "RRSIG_NO_MATCHING_DNSKEY"
    case ttlBeyondExpiration = "TTL_BEYOND_EXPIRATION"
    case rrsigValidityTooLong = "RRSIG_VALIDITY_TOO_LONG"
    case rrsigValidityTooShort = "RRSIG_VALIDITY_TOO_SHORT"
    case missingRRSIGForAlg = "MISSING_RRSIG_FOR_ALG_DNSKEY"
    // Algorithms and keys (RFC 8624 / RFC 9904, RFC 4035 §5.2)
    case algorithmNotSupported = "ALGORITHM_NOT_SUPPORTED"
    case digestAlgorithmNotSupported = "DIGEST_ALGORITHM_NOT_SUPPORTED"
    case algorithmNotRecommended = "ALGORITHM_NOT_RECOMMENDED"
    case algorithmValidationLimited = "ALGORITHM_VALIDATION_LIMITED"
    case algorithmProhibited = "ALGORITHM_PROHIBITED"
    case digestAlgorithmProhibited = "DIGEST_ALGORITHM_PROHIBITED"
    case dsSHA256Missing = "DS_SHA256_MISSING"
    case dsDigestTypeZero = "DS_DIGEST_TYPE_ZERO"
    case dsDigestTypeReserved = "DS_DIGEST_TYPE_RESERVED"
    case dsDigestTypeUnassigned = "DS_DIGEST_TYPE_UNASSIGNED"
    case dsDigestTypePrivate = "DS_DIGEST_TYPE_PRIVATE"
    case dnskeyAlgorithmNotForZones = "DNSKEY_ALGORITHM_NOT_FOR_ZONES"
    case dnskeyAlgorithmReserved = "DNSKEY_ALGORITHM_RESERVED"
    case dnskeyAlgorithmUnassigned = "DNSKEY_ALGORITHM_UNASSIGNED"
    case dnskeyAlgorithmPrivate = "DNSKEY_ALGORITHM_PRIVATE"
    case rsaKeyTooShort = "RSA_KEY_TOO_SHORT"
    case rsaKeyTooLong = "RSA_KEY_TOO_LONG"
    // Denial of existence
    case missingNSECForNXDOMAIN = "MISSING_NSEC_FOR_NXDOMAIN"
    case missingNSECForNODATA = "MISSING_NSEC_FOR_NODATA"
    case missingNSECForWildcard = "MISSING_NSEC_FOR_WILDCARD"
    case snameNotCovered = "SNAME_NOT_COVERED"
    case wildcardNotCovered = "WILDCARD_NOT_COVERED"
    case noClosestEncloser = "NO_CLOSEST_ENCLOSER"
    case nextClosestEncloserNotCovered = "NEXT_CLOSEST_ENCLOSER_NOT_COVERED"
    case stypeInBitmap = "STYPE_IN_BITMAP"
    case existingNameCovered = "EXISTING_NAME_COVERED"
    case existingTypeNotInBitmap = "EXISTING_TYPE_NOT_IN_BITMAP"
    case noNSECMatchingSname = "NO_NSEC_MATCHING_SNAME"
    case noNSEC3MatchingSname = "NO_NSEC3_MATCHING_SNAME"
    case nonzeroNSEC3IterationCount = "NONZERO_NSEC3_ITERATION_COUNT"
    case nonemptyNSEC3Salt = "NONEMPTY_NSEC3_SALT"
    case nsec3IterationsInsecure = "NSEC3_ITERATIONS_INSECURE"
    case nsec3OptOut = "NSEC3_OPT_OUT"
    case nsec3HashLimit = "NSEC3_HASH_LIMIT"
    case nsec3ParametersInconsistent = "NSEC3_PARAMETERS_INCONSISTENT"
    case nsec3paramMultiple = "NSEC3PARAM_MULTIPLE"
    case nsec3paramFlagsSet = "NSEC3PARAM_FLAGS_SET"
    case nsec3UnknownFlags = "NSEC3_UNKNOWN_FLAGS"
    case nsec3HashAlgorithmUnsupported = "NSEC3_HASH_ALGORITHM_UNSUPPORTED"
    case denialMethodsMixed = "DENIAL_METHODS_MIXED"
    case nodataWithoutSOA = "NODATA_WITHOUT_SOA"
    case apexQueryFailed = "APEX_QUERY_FAILED"
    case nodataExtraDenialRecords = "NODATA_EXTRA_DENIAL_RECORDS"
    case nsec3paramDenialMismatch = "NSEC3PARAM_DENIAL_MISMATCH"
    case nsec3OptOutInconsistent = "NSEC3_OPT_OUT_INCONSISTENT"
    case unexpectedAnswerRecords = "UNEXPECTED_ANSWER_RECORDS"
    // Servers
    case serverUnresponsive = "SERVER_UNRESPONSIVE_UDP"
    case serverUnresponsiveTCP = "SERVER_UNRESPONSIVE_TCP"
    case serversNotAsked = "SERVERS_NOT_ASKED"
    case gluelessNSLimit = "GLUELESS_NS_LIMIT"
    case referralLoop = "REFERRAL_LOOP"
    case upwardReferral = "UPWARD_REFERRAL"
    case queryBudgetExceeded = "QUERY_BUDGET_EXCEEDED"
    case serverNotAuthoritative = "SERVER_NOT_AUTHORITATIVE"
    case serverInvalidResponse = "SERVER_INVALID_RESPONSE_UDP"
    case serverInvalidResponseTCP = "SERVER_INVALID_RESPONSE_TCP"
    case responseTruncatedUDP = "RESPONSE_TRUNCATED_UDP"
    case responseTruncatedTCP = "RESPONSE_TRUNCATED_TCP"
    case errorWithEDNS = "ERROR_WITH_EDNS"
    case unableToRetrieveDNSSECRecords = "UNABLE_TO_RETRIEVE_DNSSEC_RECORDS"
    case ednsIgnored = "EDNS_IGNORED"
    case ednsVersionMismatch = "EDNS_VERSION_MISMATCH"
    case nsNameNotInChild = "NS_NAME_NOT_IN_CHILD"
    case nsNameNotInParent = "NS_NAME_NOT_IN_PARENT"
    case glueMismatch = "GLUE_MISMATCH"
    case missingGlueForNSName = "MISSING_GLUE_FOR_NS_NAME"
    case noServerAnswered = "NO_SERVER_ANSWERED"
    case inconsistentSOASerial = "INCONSISTENT_SOA_SERIAL"
    case dnskeyMissingFromServers = "DNSKEY_MISSING_FROM_SERVERS"
    case serverNoDNSKEY = "SERVER_NO_DNSKEY"
    case inconsistentDS = "INCONSISTENT_DS"
    // CDS / CDNSKEY and rollovers
    case cdsInconsistentWithDS = "CDS_INCONSISTENT_WITH_DS"
    case cdnskeyInconsistentWithCDS = "CDNSKEY_INCONSISTENT_WITH_CDS"
    case cdsSignerInvalid = "CDS_SIGNER_INVALID"
    case cdsDeleteRequested = "CDS_DELETE_REQUESTED"
    case cdsKeyNotZoneKey = "CDS_KEY_NOT_ZONE_KEY"
    case cdsKeyNotSEP = "CDS_KEY_NOT_SEP"
    case cdsDeleteMixed = "CDS_DELETE_MIXED"
    case cdsNotSelfSigned = "CDS_NOT_SELF_SIGNED"
    case cdsCDNSKEYUnpaired = "CDS_CDNSKEY_UNPAIRED"
    case dsKeyNotSEP = "DS_KEY_NOT_SEP"
    case cdsWouldBreakChain = "CDS_WOULD_BREAK_CHAIN"
    case cdsBootstrapReady = "CDS_BOOTSTRAP_READY"
    case bootstrapSignalInvalid = "BOOTSTRAP_SIGNAL_INVALID"
    case multipleCDS = "MULTIPLE_CDS"
    case multipleCDNSKEY = "MULTIPLE_CDNSKEY"
    case kskRolloverDoubleDS = "KSK_ROLLOVER_DOUBLE_DS"
    case kskStandby = "KSK_STANDBY"
    case kskRolloverStuck = "KSK_ROLLOVER_STUCK"
    case zskPrepublished = "ZSK_PREPUBLISHED"
    // The registrar hand-off (--expect-ds)
    case expectedDSMissing = "EXPECTED_DS_MISSING"
    case unexpectedDS = "UNEXPECTED_DS"
    case dsOfInactiveKey = "DS_OF_INACTIVE_KEY"
    // Pre-delegation testing (--ns)
    case undelegatedZone = "UNDELEGATED_ZONE"
    // The walk
    case cnameChainTooLong = "CNAME_CHAIN_TOO_LONG"
    case walkIncomplete = "WALK_INCOMPLETE"
    case checkDeadlineExceeded = "CHECK_DEADLINE_EXCEEDED"
    // Zone files (`dnssec-check zone`): conditions only a whole zone shows
    case zoneNotSigned = "ZONE_NOT_SIGNED"
    case glueSigned = "GLUE_SIGNED"
    case rrsigSignerMismatch = "RRSIG_SIGNER_MISMATCH"
    case rrsigLabelsMismatch = "RRSIG_LABELS_MISMATCH"
    case rrsigOriginalTTLMismatch = "RRSIG_ORIGINAL_TTL_MISMATCH"
    case nsecChainMissing = "NSEC_CHAIN_MISSING"
    case nsecMissing = "NSEC_MISSING"
    case nsecChainBroken = "NSEC_CHAIN_BROKEN"
    case nsecBitmapMismatch = "NSEC_BITMAP_MISMATCH"
    case nsecExtra = "NSEC_EXTRA"
    case nsec3Missing = "NSEC3_MISSING"
    case nsec3ChainBroken = "NSEC3_CHAIN_BROKEN"
    case nsec3BitmapMismatch = "NSEC3_BITMAP_MISMATCH"
    case nsec3Extra = "NSEC3_EXTRA"

    /// The codes only `dnssec-check zone` reports: a name's check sees answers, not the whole zone.
    public static let zoneFileOnly: Set<DiagnosticCode> = [
        .zoneNotSigned, .glueSigned, .rrsigSignerMismatch, .rrsigLabelsMismatch, .rrsigOriginalTTLMismatch,
        .nsecChainMissing, .nsecMissing, .nsecChainBroken, .nsecBitmapMismatch, .nsecExtra,
        .nsec3Missing, .nsec3ChainBroken, .nsec3BitmapMismatch, .nsec3Extra,
    ]
}

public struct CatalogEntry: Sendable {
    public let code: DiagnosticCode
    public let severity: Severity
    public let title: String
    public let meaning: String
    public let example: String
    public let remedy: String
    public let references: [String]
}

public enum DiagnosticCatalog {
    public static func entry(_ code: DiagnosticCode) -> CatalogEntry {
        guard let entry = byCode[code] else { preconditionFailure("catalog lacks \(code.rawValue)") }
        return entry
    }

    static let byCode: [DiagnosticCode: CatalogEntry] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    private static func e(_ code: DiagnosticCode, _ severity: Severity, _ title: String, _ meaning: String,
                          example: String, remedy: String, _ references: [String]) -> CatalogEntry {
        CatalogEntry(code: code, severity: severity, title: title, meaning: meaning, example: example,
                     remedy: remedy, references: references)
    }

    public static let all: [CatalogEntry] = [
        e(.digestInvalid, .error, "DS digest does not match its DNSKEY",
          "A DS record's key tag and algorithm match a DNSKEY, but the digest differs: the DS was computed from another key or mistyped.",
          example: "DS 12345/13/SHA-256 of example.com.: digest 1F2E… does not match DNSKEY 12345 (expected 8A6A…)",
          remedy: "Replace the DS at the parent (registrar) with the one computed from the published key (`dnssec-check ds`).",
          ["RFC 4035 §5.2"]),
        e(.dsNoMatchingDNSKEY, .warning, "DS points to no published DNSKEY",
          "The parent publishes a DS whose key tag and algorithm match no key in the child's DNSKEY RRset: left behind after a KSK rollover, or published ahead of its key in a double-DS rollover (RFC 6781 §4.1.2). Harmless while another DS works; fatal when none does.",
          example: "DS 4567/8/SHA-256 of example.com. matches no DNSKEY",
          remedy: "Remove the stale DS from the parent, or publish the key it points to again.",
          ["RFC 4035 §5.2", "RFC 7583 §3.3"]),
        e(.dsMatchLimit, .warning, "Many DS records that match nothing",
          "The parent publishes more than 8 DS records for the zone that match none of its keys. Each costs a validator a digest; hardened validators compare only a few (unbound gives up after 4 that fail, CVE-2023-50387), so a working DS listed after them may never be tried. A warning while a DS works, an error when none does.",
          example: "com. publishes 300 DS records for example.com.; 299 of them match no published DNSKEY (key tags 38701): validators compare only a few",
          remedy: "Remove the stale DS records at the parent (registrar): keep one per key (and digest type) in use.",
          ["RFC 4035 §5.2", "CVE-2023-50387", "docs/limits.md"]),
        e(.dsKeyNotSEP, .info, "DS points to a key without the SEP flag",
          "A DS at the parent matches a zone key whose SEP flag is not set: validators do not care (RFC 4034 §2.1.1), but the DS is meant for the key-signing key, and tools and registries that check the flag may refuse the DS or misreport the key.",
          example: "DS 12345 points to key 12345, which lacks the SEP flag (flags 256)",
          remedy: "Set the SEP flag on the key the DS points to (flags 257), or point the DS at the key-signing key.",
          ["RFC 4034 §2.1.1", "RFC 4034 §5"]),
        e(.noSEP, .error, "No DS-matched key signs the DNSKEY RRset",
          "No DNSKEY that a DS (or trust anchor) points to produces a valid signature over the DNSKEY RRset, so the chain of trust breaks at this delegation.",
          example: "example.com.: no secure entry point: DS 12345 matches DNSKEY 12345 but its RRSIG over DNSKEY expired 3d ago",
          remedy: "Sign the DNSKEY RRset with the key the DS points to, or publish at the parent the DS of the key that signs it.",
          ["RFC 4035 §5.2", "RFC 6840 §5.11"]),
        e(.missingSEPForAlg, .warning, "An algorithm in the DS RRset has no working key",
          "The DS RRset lists an algorithm for which no key signs the DNSKEY RRset. Validators need only one valid path (RFC 6840 §5.11), but RFC 4035 §2.2 expects every DS algorithm to sign.",
          example: "example.com.: DS algorithm 8 has no matching key that signs the DNSKEY RRset",
          remedy: "Either sign the zone with that algorithm too, or remove its DS from the parent.",
          ["RFC 4035 §2.2", "RFC 6840 §5.11"]),
        e(.dnskeyMissing, .error, "Parent has DS but the zone publishes no DNSKEY",
          "The delegation is secure at the parent, but the child answers without a DNSKEY RRset (unsigned zone or a signer that stopped).",
          example: "example.com.: DS 12345 at com. but the servers return no DNSKEY",
          remedy: "Sign the zone again with the key the DS points to, or remove the DS at the parent to go insecure deliberately.",
          ["RFC 4035 §5.2"]),
        e(.noTrustAnchorSigning, .error, "Trust anchor does not sign the DNSKEY RRset",
          "None of the configured trust anchors for this zone matches a key that validly signs its DNSKEY RRset. Everything below the zone is bogus for a validator with this anchor; usually the anchor predates a KSK rollover of the zone.",
          example: "the trust anchor for . (DS 19036/RSASHA256) matches none of its DNSKEYs; . publishes SEP key 20326/RSASHA256: the anchor is stale (a KSK rollover it missed) or wrong",
          remedy: "Update the trust anchor (--trust-anchor) to the zone's current KSK; for the root, take the IANA anchors (RFC 9718) and let validators track rollovers with RFC 5011.",
          ["RFC 4035 §5", "RFC 5011", "RFC 9718"]),
        e(.insecureDelegation, .info, "Unsigned delegation (proven)",
          "The parent proves with a signed NSEC/NSEC3 record that no DS exists: the zone is deliberately insecure.",
          example: "example.com.: com. proves there is no DS (NSEC3 opt-out)",
          remedy: "To secure the zone, sign it and submit its DS record to the registrar.",
          ["RFC 4035 §5.2", "RFC 5155 §8.9"]),
        e(.dsAbsenceNotProven, .error, "Missing DS not proven by the parent",
          "The parent is signed and returned no DS, but without a valid NSEC/NSEC3 proof of its absence: a validator treats the delegation as bogus.",
          example: "example.com.: no DS at com. and no signed proof that none exists",
          remedy: "Fix the parent zone's signing so negative answers carry signed NSEC/NSEC3 records.",
          ["RFC 4035 §5.2", "RFC 4035 §3.1.4.1"]),
        e(.dnskeyRevokedDS, .error, "DS points to a revoked key",
          "The DNSKEY a DS matches has the REVOKE flag set; it cannot serve as a secure entry point.",
          example: "DS 12345 of example.com. matches DNSKEY 12473 (12345 before the REVOKE bit was set)",
          remedy: "Remove the DS of the revoked key from the parent and publish the DS of the current KSK.",
          ["RFC 5011 §2.1"]),
        e(.dnskeyRevoked, .info, "A DNSKEY is revoked",
          "The zone publishes a key with the REVOKE flag (RFC 5011 rollover of a trust anchor).",
          example: "DNSKEY 12473 of example.com. has the REVOKE flag",
          remedy: "Nothing to do during an RFC 5011 rollover; remove the revoked key once the hold-down time has passed.",
          ["RFC 5011 §2.1"]),
        e(.revokedNotSigning, .error, "Revoked key does not sign the DNSKEY RRset",
          "A key with the REVOKE flag must sign the DNSKEY RRset so that RFC 5011 validators see the revocation; this one does not.",
          example: "DNSKEY 12473 (revoked) of example.com. has no valid RRSIG over the DNSKEY RRset",
          remedy: "Sign the DNSKEY RRset with the revoked key until the RFC 5011 hold-down time has passed.",
          ["RFC 5011 §2.1"]),
        e(.signatureInvalid, .error, "Signature does not verify",
          "The RRSIG fits its key (tag, algorithm, signer) and is within its validity period, but the cryptographic check fails: corrupted signature or data changed after signing.",
          example: "RRSIG A www.example.com. by 23456: signature invalid (seen on 192.0.2.1)",
          remedy: "Re-sign the zone and reload it on every server; check that nothing edits the signed zone afterwards.",
          ["RFC 4035 §5.3.3"]),
        e(.expirationInPast, .error, "Signature expired",
          "The reference time is after the RRSIG's expiration: validators reject it.",
          example: "RRSIG DNSKEY example.com. by 12345 expired 2026-11-27 02:00:00 UTC (2d ago)",
          remedy: "Re-sign the zone now and find out why automatic re-signing stopped.",
          ["RFC 4035 §5.3.1"]),
        e(.inceptionInFuture, .error, "Signature not yet valid",
          "The reference time is before the RRSIG's inception: the signer's clock is ahead, or signatures were made with a future inception.",
          example: "RRSIG A www.example.com. by 23456 valid only from 2026-12-01 (in 2d)",
          remedy: "Re-sign with an inception in the past (most signers back-date by an hour) and check the signer's clock.",
          ["RFC 4035 §5.3.1"]),
        e(.rrsigExpiresSoon, .warning, "Signature expires soon",
          "A signature on the validation path expires within the warning window (--warn-days, default 3 days) and has used up more than half of its lifetime: unless re-signed, validation fails then.",
          example: "RRSIG SOA example.com. by 23456 expires in 1d 20h (2026-12-01 00:00 UTC)",
          remedy: "Re-sign the zone before the expiration; check that automatic re-signing runs.",
          ["RFC 4035 §5.3.1", "RFC 6781 §4.4.2"]),
        e(.missingRRSIG, .error, "RRset without signature",
          "A signed zone returned an RRset with no RRSIG over it (with the DO bit set).",
          example: "www.example.com. A: no RRSIG (seen on 192.0.2.1)",
          remedy: "Sign the RRset (re-sign the zone) and make sure every server loads the signed zone.",
          ["RFC 4035 §3.1.1", "RFC 4035 §5.3"]),
        e(.rrsigNoMatchingDNSKEY, .error, "Signature by a key that is not published",
          "An RRSIG names a key tag and algorithm that no DNSKEY in the zone's RRset has.",
          example: "RRSIG A www.example.com. by key 4242/13: no such DNSKEY in example.com.",
          remedy: "Publish the signing key in the DNSKEY RRset, or re-sign with a published key.",
          ["RFC 4035 §5.3.1"]),
        e(.rrsigValidationLimit, .error, "Too many signature checks for one RRset",
          "A server's copy of an RRset carries more RRSIGs, or names more DNSKEYs with one key tag and algorithm, than a hardened validator checks before it gives up: at most 8 signature checks per RRset and 4 keys per RRSIG here (unbound stops at 8 and answers SERVFAIL, \"too many RRSIG validations\"; BIND, Knot Resolver and hickory-dns have similar caps since KeyTrap, CVE-2023-50387). No valid signature was found within the budget, so validators fail the answer even if a valid one comes later.",
          example: "example.com. DNSKEY: 250 RRSIGs (up to 256 DNSKEYs share one RRSIG's key tag); no valid signature within 8 signature checks, and 242 RRSIGs not checked",
          remedy: "Publish one RRSIG per key and algorithm over each RRset, put the valid ones first, and give every DNSKEY its own key tag (regenerate a key whose tag collides).",
          ["RFC 4035 §5.3.3", "CVE-2023-50387", "docs/limits.md"]),
        e(.signedRRsetTooLarge, .error, "RRset too large for validators to verify",
          "The RRset fits a TCP answer, but the data its signature covers (the RRSIG fields and every record in canonical form, each with the full owner name) exceeds 65,535 bytes. dnssec-check verifies the signature, and reports it valid when it is, but unbound and ldns-based validators fail such an RRset as bogus, so for their users the name does not resolve.",
          example: "RRSIG TXT big.example.com. by 12345/13 is valid, but the RRset's signed form is 91471 bytes, over 65,535: unbound fails it (bogus)",
          remedy: "Split the data over several names or shorten it (fewer or smaller records, a shorter owner name) so that the signed form stays under 64 KB.",
          ["RFC 4034 §3.1.8.1", "RFC 1035 §4.2.2"]),
        e(.cryptoBudgetExceeded, .error, "The check's signature budget is spent",
          "The check of one name may make at most 512 signature checks over all its zones and servers (docs/limits.md): this one needed more, so the RRsets left over were not verified and count as not validated, as a hardened validator would fail them.",
          example: "example.com. SOA: 3 of 3 RRSIGs not checked: this name's budget of 512 signature checks is spent",
          remedy: "Find the zone that returns the many signatures or keys (the other findings name it) and reduce them to one RRSIG per key and algorithm.",
          ["CVE-2023-50387", "docs/limits.md"]),
        e(.dnskeyKeytagCollision, .warning, "DNSKEYs share a key tag",
          "Two or more DNSKEYs of the zone have the same key tag and algorithm. RFC 4034 allows it, but a validator must then try each of them for every RRSIG with that tag, and hardened validators try only a few (4 here, 2 in hickory-dns and PowerDNS): a collision makes validation slower and, with many keys, fail.",
          example: "example.com.: 3 DNSKEYs share key tag 12345 and algorithm 13",
          remedy: "Replace all but one of the colliding keys with newly generated keys (a key rollover); most signers avoid collisions when they generate keys.",
          ["RFC 4034 §5.1", "RFC 4035 §5.3.1", "CVE-2023-50387"]),
        e(.ttlBeyondExpiration, .warning, "TTL outlives the signature",
          "The RRset's TTL is longer than the time left on its signature: caches may serve it after the signature expired.",
          example: "www.example.com. A: TTL 86400s but RRSIG expires in 2h",
          remedy: "Re-sign earlier (refresh signatures at least one TTL before they expire) or lower the TTL.",
          ["RFC 4035 §5.3.3"]),
        e(.rrsigValidityTooLong, .warning, "Signature validity period too long",
          "A signature on the chain is valid for longer than 180 days: a record withdrawn or changed can be replayed with its old signature until then.",
          example: "RRSIG DNSKEY example.com. by 12345: valid for 365 days",
          remedy: "Sign with shorter validity (a few weeks, refreshed automatically) to shrink the replay window.",
          ["RFC 6781 §4.4.2", "Zonemaster DNSSEC04"]),
        e(.rrsigValidityTooShort, .warning, "Signature validity shorter than the SOA EXPIRE",
          "A signature on the chain is valid for less time (inception to expiration) than the signing zone's SOA EXPIRE. A secondary that loses contact with its primary keeps serving the zone until EXPIRE, so for the rest of that time it serves expired signatures: the zone turns bogus on that server before the server gives up on it. Zones signed on the fly by every server (online signing) are not exposed.",
          example: "RRSIG A www.example.com. by 12345 is valid for 3d 0h, less than the SOA EXPIRE of example.com. (14d 0h)",
          remedy: "Sign with a validity period longer than the SOA EXPIRE (e.g. 14-30 days, refreshed automatically well before expiry), or lower the SOA EXPIRE below it; where every server signs on the fly, accept it with --ignore RRSIG_VALIDITY_TOO_SHORT.",
          ["RFC 6781 §4.4.2", "RFC 1035 §3.3.13"]),
        e(.missingRRSIGForAlg, .warning, "RRset not signed with every algorithm of the DNSKEY RRset",
          "RFC 4035 §2.2 requires each RRset to be signed with every algorithm in the DNSKEY RRset; strict validators may fail.",
          example: "www.example.com. A: no RRSIG with algorithm 13 present in the DNSKEY RRset",
          remedy: "Sign every RRset with each algorithm in the DNSKEY RRset (finish or roll back the algorithm rollover).",
          ["RFC 4035 §2.2", "RFC 6840 §5.11"]),
        e(.algorithmNotSupported, .warning, "Algorithm not supported by validators",
          "A DS or key uses an algorithm dnssec-check (like common validators) cannot validate; if no DS algorithm is supported, the zone is treated as insecure.",
          example: "example.com.: DS 12345 uses algorithm 253 (PRIVATEDNS), not validatable: zone is insecure",
          remedy: "Sign with a recommended algorithm (13 ECDSAP256SHA256 or 8 RSASHA256) and publish its DS.",
          ["RFC 4035 §5.2", "RFC 8624 §3.1"]),
        e(.digestAlgorithmNotSupported, .warning, "DS digest type not supported",
          "A DS uses a digest type that cannot be computed (GOST or unassigned); it is ignored.",
          example: "DS 12345/8/3 of example.com.: digest type GOST R 34.11-94 not supported",
          remedy: "Publish a DS with digest type 2 (SHA-256).",
          ["RFC 4035 §5.2", "RFC 8624 §3.3"]),
        e(.algorithmNotRecommended, .warning, "Algorithm not recommended for signing",
          "The zone signs with an algorithm that should no longer sign: 10 (RSASHA512) is NOT RECOMMENDED (RFC 8624, RFC 9904); 5 (RSASHA1) and 7 (RSASHA1-NSEC3-SHA1) MUST NOT sign since RFC 9905, which also tells validator operators to treat them as unsupported, so the zone is already insecure for validators that follow it (and for SHA-1-free crypto policies such as RHEL 9's). unbound and BIND still validate them, hence a warning, not an error.",
          example: "DNSKEY 12345 of example.com. uses algorithm 5 (RSASHA1): RFC 9905 forbids signing with SHA-1 and tells validator operators to treat it as unsupported, so validators that follow it (and SHA-1-free crypto policies such as RHEL 9's) see the zone as insecure",
          remedy: "Roll the zone to algorithm 13 (ECDSAP256SHA256) or 8 (RSASHA256) with an algorithm rollover (RFC 6781 §4.1.4).",
          ["RFC 8624 §3.1", "RFC 9904", "RFC 9905"]),
        e(.algorithmValidationLimited, .info, "Algorithm not implemented by every validator",
          "The zone signs with an algorithm validators MAY or only SHOULD implement (16 ED448, 17 SM2SM3, 23 ECC-GOST12); a validator without it treats the zone as insecure (RFC 4035 §5.2), so the zone is secure only for some of its users.",
          example: "DNSKEY 12345 of example.com. uses algorithm 16 (ED448), which not every validator implements; those that do not treat the zone as insecure",
          remedy: "If every validator should see the zone as secure, sign with 13 (ECDSAP256SHA256), 8 (RSASHA256) or 15 (ED25519).",
          ["RFC 9904", "RFC 8624 §3.1", "RFC 4035 §5.2"]),
        e(.algorithmProhibited, .error, "Algorithm must not be used for signing",
          "The zone signs with an algorithm RFC 8624 forbids (1 RSAMD5, 3 DSA, 6 DSA-NSEC3-SHA1, 12 ECC-GOST).",
          example: "DNSKEY 12345 of example.com. uses algorithm 3 (DSA)",
          remedy: "Roll the zone to algorithm 13 (ECDSAP256SHA256) or 8 (RSASHA256).",
          ["RFC 8624 §3.1"]),
        e(.digestAlgorithmProhibited, .warning, "SHA-1 (or GOST) DS",
          "The parent publishes a DS with digest type 1 (SHA-1) or 3 (GOST R 34.11-94), which must not be published for a delegation (RFC 8624, RFC 9904, RFC 9905 for SHA-1). Validators still accept a SHA-1 DS today; few implement GOST, so a GOST-only delegation is insecure for most.",
          example: "DS 12345/13/SHA-1 of example.com.",
          remedy: "Replace it at the registrar with a SHA-256 DS (`dnssec-check ds --digest 2`).",
          ["RFC 8624 §3.3", "RFC 9904", "RFC 9905"]),
        e(.dsSHA256Missing, .warning, "No SHA-256 DS for a key",
          "The parent's DS records for a key use only other digest types (SHA-1, SHA-384, GOST, SM3…): RFC 8624 §3.3 says SHA-256 MUST be published, because it is the one digest every validator implements; a validator without the other digest treats the zone as insecure.",
          example: "the DS records of key 12345/13 at com. use digest type 4 (SHA-384) and none SHA-256 (2)",
          remedy: "Add the SHA-256 DS of the key at the registrar (`dnssec-check ds --digest 2`).",
          ["RFC 8624 §3.3", "RFC 9904"]),
        e(.dsDigestTypeZero, .warning, "DS with digest type 0",
          "A DS record at the parent has digest type 0, which the registry reserves and no DS may use (RFC 3658): it is not a digest of anything, and validators ignore it. Usually a registrar form that sent an empty field.",
          example: "com. publishes DS 12345 with digest type 0",
          remedy: "Remove it at the registrar and submit the SHA-256 DS of the key instead.",
          ["RFC 4034 §5.1.3", "RFC 8624 §3.3"]),
        e(.dsDigestTypeReserved, .warning, "DS with a reserved digest type",
          "A DS record uses a digest type in the range the IANA registry reserves (128-252): no validator computes it, so it is ignored (and the zone is insecure if no other DS is usable).",
          example: "com. publishes DS 12345 with digest type 200",
          remedy: "Replace it at the registrar with the SHA-256 DS of the key.",
          ["RFC 4034 §5.1.3", "RFC 8624 §3.3"]),
        e(.dsDigestTypeUnassigned, .warning, "DS with an unassigned digest type",
          "A DS record uses a digest type the IANA registry has not assigned (7-127, 255): no validator computes it, so it is ignored (and the zone is insecure if no other DS is usable).",
          example: "com. publishes DS 12345 with digest type 42",
          remedy: "Replace it at the registrar with the SHA-256 DS of the key.",
          ["RFC 4034 §5.1.3", "RFC 8624 §3.3"]),
        e(.dsDigestTypePrivate, .warning, "DS with a private-use digest type",
          "A DS record uses a digest type reserved for private use (253, 254): only validators that agreed on its meaning can check it; every other validator ignores it.",
          example: "com. publishes DS 12345 with digest type 253",
          remedy: "Publish the SHA-256 DS of the key for the public; keep private digest types inside the organisation that uses them.",
          ["RFC 4034 §5.1.3", "RFC 8624 §3.3"]),
        e(.dnskeyAlgorithmNotForZones, .warning, "DNSKEY of an algorithm that may not sign a zone",
          "The DNSKEY RRset holds a key of algorithm 0 (the delete-DS marker of RFC 8078, valid only in CDS/CDNSKEY), 2 (Diffie-Hellman, a key-exchange algorithm) or 252 (INDIRECT, reserved for indirect keys): none of them can sign a zone, so validators ignore the key.",
          example: "DNSKEY 12345 of example.com. uses algorithm 2 (DH), which may not sign a zone",
          remedy: "Remove the key from the DNSKEY RRset.",
          ["RFC 8624 §3.1", "RFC 8078 §4", "RFC 4034 Appendix A.1"]),
        e(.dnskeyAlgorithmReserved, .warning, "DNSKEY of a reserved algorithm number",
          "A key's algorithm number is reserved in the IANA registry (4, 9, 11, 123-251, 255): no validator implements it, so the key is ignored; signatures only by it leave the zone insecure.",
          example: "DNSKEY 12345 of example.com. uses algorithm 200, reserved in the registry",
          remedy: "Remove the key, and sign with a recommended algorithm (13 or 15; RFC 8624, RFC 9904).",
          ["RFC 8624 §3.1", "RFC 4034 Appendix A.1"]),
        e(.dnskeyAlgorithmUnassigned, .warning, "DNSKEY of an unassigned algorithm number",
          "A key's algorithm number has not been assigned by IANA (18-22, 24-122): no validator implements it, so the key is ignored.",
          example: "DNSKEY 12345 of example.com. uses algorithm 100, not assigned in the registry",
          remedy: "Remove the key, and sign with a recommended algorithm (13 or 15).",
          ["RFC 8624 §3.1", "RFC 4034 Appendix A.1"]),
        e(.dnskeyAlgorithmPrivate, .warning, "DNSKEY of a private algorithm",
          "A key uses algorithm 253 (PRIVATEDNS) or 254 (PRIVATEOID): only validators that know the private algorithm named inside the key can use it; for everyone else the zone is insecure if nothing else signs it.",
          example: "DNSKEY 12345 of example.com. uses algorithm 253 (PRIVATEDNS)",
          remedy: "Sign with a standard algorithm for public validation (13 or 15); keep private algorithms inside the organisation that uses them.",
          ["RFC 8624 §3.1", "RFC 4034 Appendix A.1.1"]),
        e(.rsaKeyTooLong, .warning, "RSA key longer than 4096 bits",
          "An RSA DNSKEY has a modulus of more than 4096 bits, the most RFC 3110 (RSA/SHA-1) and RFC 5702 (RSA/SHA-2) allow: validators and crypto libraries may refuse it, and its signatures make every answer larger for no gain.",
          example: "DNSKEY 12345 is RSA with 8192 bits",
          remedy: "Use a 2048- to 4096-bit RSA key, or better an ECDSA P-256 (13) or Ed25519 (15) key.",
          ["RFC 3110 §2", "RFC 5702 §2", "RFC 8624 §3.1"]),
        e(.rsaKeyTooShort, .warning, "RSA key shorter than 2048 bits",
          "An RSA DNSKEY is shorter than 2048 bits (error below 1024 bits): too weak by current guidance.",
          example: "DNSKEY 12345 of example.com.: RSASHA256 1024 bits",
          remedy: "Roll to a 2048-bit RSA key or, better, to algorithm 13 (ECDSAP256SHA256).",
          ["RFC 8624 §3.1", "NIST SP 800-57"]),
        e(.missingNSECForNXDOMAIN, .error, "NXDOMAIN without proof",
          "A signed zone answered NXDOMAIN without NSEC/NSEC3 records proving the name does not exist.",
          example: "nope.example.com. A: NXDOMAIN without NSEC or NSEC3",
          remedy: "Serve the signed zone (with its NSEC/NSEC3 chain) from every server.",
          ["RFC 4035 §3.1.3.2", "RFC 5155 §7.2.2"]),
        e(.missingNSECForNODATA, .error, "NODATA without proof",
          "A signed zone answered NOERROR with no data, without NSEC/NSEC3 records proving the type does not exist.",
          example: "www.example.com. MX: NODATA without NSEC or NSEC3",
          remedy: "Serve the signed zone (with its NSEC/NSEC3 chain) from every server.",
          ["RFC 4035 §3.1.3.1", "RFC 5155 §7.2.3"]),
        e(.missingNSECForWildcard, .error, "Wildcard answer without proof",
          "An answer synthesized from a wildcard (RRSIG labels below the owner's) came without the NSEC/NSEC3 record proving that the name itself does not exist.",
          example: "x.wild.example.com. A: wildcard expansion without NSEC",
          remedy: "Serve the signed zone with its NSEC/NSEC3 chain; the server must add the proof to wildcard answers.",
          ["RFC 4035 §3.1.3.3", "RFC 5155 §7.2.6"]),
        e(.snameNotCovered, .error, "No NSEC/NSEC3 covers the name",
          "The NXDOMAIN proof has no validly signed record covering the query name.",
          example: "nope.example.com.: no NSEC covers the name",
          remedy: "Re-sign the zone so its NSEC/NSEC3 chain is complete and current on every server.",
          ["RFC 4035 §3.1.3.2", "RFC 5155 §8.4"]),
        e(.wildcardNotCovered, .error, "Wildcard not denied",
          "The NXDOMAIN proof does not show that no wildcard could have matched the name.",
          example: "nope.example.com.: nothing denies *.example.com.",
          remedy: "Re-sign the zone so negative answers include the wildcard denial.",
          ["RFC 4035 §3.1.3.2", "RFC 5155 §8.4"]),
        e(.noClosestEncloser, .error, "NSEC3 proof lacks the closest encloser",
          "No NSEC3 record matches the closest encloser of the query name.",
          example: "a.b.example.com.: no NSEC3 matches a closest encloser",
          remedy: "Re-sign the zone so its NSEC3 chain is complete.",
          ["RFC 5155 §8.3"]),
        e(.nextClosestEncloserNotCovered, .error, "NSEC3 proof does not cover the next closer name",
          "No NSEC3 record covers the next closer name, so the name's absence is not proven.",
          example: "a.b.example.com.: next closer name b.example.com. not covered",
          remedy: "Re-sign the zone so its NSEC3 chain is complete.",
          ["RFC 5155 §8.4"]),
        e(.stypeInBitmap, .error, "NODATA proof lists the type",
          "The NSEC/NSEC3 record offered as proof that a type does not exist lists that type in its bitmap.",
          example: "www.example.com. MX: the matching NSEC lists MX",
          remedy: "Re-sign the zone; the server serves an NSEC chain that does not match the data.",
          ["RFC 4035 §3.1.3.1", "RFC 5155 §8.5"]),
        e(.existingNameCovered, .error, "A server denies a name that exists",
          "One server answers NXDOMAIN (with NSEC/NSEC3) for a name other servers answer with data: a stale secondary, or a lying NSEC chain.",
          example: "new.example.com.: 192.0.2.2 says NXDOMAIN, 192.0.2.1 answers A",
          remedy: "Make every server serve the current zone (check zone transfers to the stale one).",
          ["RFC 4035 §3.1.3.2", "RFC 5155 §8.4"]),
        e(.existingTypeNotInBitmap, .error, "NSEC/NSEC3 denies a type that exists",
          "A validly signed NSEC or NSEC3 record at a name omits a type the name has: validators that synthesize answers from cached NSEC records (RFC 8198) will deny it, and NODATA answers prove a lie.",
          example: "www.example.com.: the NSEC at the name lists TXT RRSIG NSEC, but www.example.com. has an A record",
          remedy: "Re-sign the zone so the NSEC/NSEC3 chain is rebuilt from the current data; never add records to a signed zone without re-signing it.",
          ["RFC 4035 §3.1.3.1", "RFC 5155 §8.5", "RFC 8198 §5"]),
        e(.noNSECMatchingSname, .error, "NODATA proof without an NSEC at the name",
          "A NODATA answer carries NSEC records, but none is owned by the query name, so the type's absence is not proven.",
          example: "www.example.com. TXT: no NSEC owned by www.example.com.",
          remedy: "Re-sign the zone; the server must return the NSEC at the query name with NODATA answers.",
          ["RFC 4035 §3.1.3.1"]),
        e(.noNSEC3MatchingSname, .error, "NODATA proof without a matching NSEC3",
          "A NODATA answer carries NSEC3 records, but none matches the hash of the query name.",
          example: "www.example.com. TXT: no NSEC3 matches H(www.example.com.)",
          remedy: "Re-sign the zone; the server must return the matching NSEC3 with NODATA answers.",
          ["RFC 5155 §8.5"]),
        e(.nonzeroNSEC3IterationCount, .warning, "NSEC3 iterations above zero",
          "RFC 9276 asks for 0 additional NSEC3 iterations: more cost validators CPU and add no security.",
          example: "example.com.: NSEC3 with 10 iterations",
          remedy: "Set NSEC3 iterations to 0 (e.g. `dnssec-policy` nsec3param iterations 0) and re-sign.",
          ["RFC 9276 §3.1"]),
        e(.nonemptyNSEC3Salt, .warning, "NSEC3 salt is not empty",
          "RFC 9276 recommends an empty NSEC3 salt.",
          example: "example.com.: NSEC3 salt AABBCCDD",
          remedy: "Use an empty salt ('-') and re-sign.",
          ["RFC 9276 §3.1"]),
        e(.nsec3IterationsInsecure, .error, "NSEC3 iterations above what validators accept",
          "NSEC3 iterations exceed 150, the limit of unbound, BIND and Knot Resolver: they treat the answers as insecure (or SERVFAIL), so DNSSEC protection is lost.",
          example: "example.com.: NSEC3 with 200 iterations: validators treat denial as insecure",
          remedy: "Set NSEC3 iterations to 0 and re-sign.",
          ["RFC 9276 §3.2"]),
        e(.nsec3HashLimit, .error, "Too much NSEC3 work for one name",
          "Proving what does not exist with NSEC3 needs one hash per candidate name and at most three NSEC3 records. The check of one name computes at most 256 distinct NSEC3 hashes, and a negative answer with more than 16 NSEC/NSEC3 records is refused unchecked (docs/limits.md), like the caps validators added after CVE-2023-50868 (unbound: MAX_NSEC3_CALCULATIONS; it refuses such answers outright). Past a limit the proof is not checked and counts as not proven.",
          example: "a.b.c.d.example.com. A: NSEC3 proof not checked: this name's budget of 256 NSEC3 hashes is spent",
          remedy: "Use NSEC3 with 0 extra iterations and no salt (RFC 9276) and fewer labels; check the zone's signer for a broken NSEC3 chain that makes servers return many records.",
          ["RFC 5155 §8.3", "RFC 9276 §3.2", "CVE-2023-50868", "docs/limits.md"]),
        e(.nsec3OptOut, .info, "NSEC3 opt-out in use",
          "The zone's NSEC3 chain uses opt-out: unsigned delegations are not individually proven.",
          example: "example.com.: NSEC3 opt-out",
          remedy: "Nothing to do for large delegation-centric zones; small zones should not use opt-out (RFC 9276 §3.1).",
          ["RFC 5155 §6", "RFC 9276 §3.1"]),
        e(.nsec3paramMultiple, .warning, "More than one NSEC3PARAM record",
          "A server publishes several NSEC3PARAM records at the apex: signers and secondaries choose the NSEC3 chain by it (RFC 5155 §7.3), so more than one is a change of chain (a re-salt) left half done, or a record added by hand.",
          example: "ns1.example.com. (192.0.2.1) publishes 2 NSEC3PARAM records for example.com.",
          remedy: "Finish the chain change: keep the NSEC3PARAM of the chain the zone is signed with, remove the other (and its NSEC3 records).",
          ["RFC 5155 §4", "RFC 5155 §7.3"]),
        e(.nsec3paramFlagsSet, .warning, "NSEC3PARAM with flags set",
          "An NSEC3PARAM record has a non-zero flags field: RFC 5155 §4.1.2 says it must be zero (opt-out is a flag of NSEC3 records, not of NSEC3PARAM), and signers and secondaries ignore such a record.",
          example: "example.com. publishes NSEC3PARAM 1 1 0 -",
          remedy: "Publish the NSEC3PARAM with flags 0 (opt-out, if wanted, is set by the signer in the NSEC3 records).",
          ["RFC 5155 §4.1.2", "RFC 5155 §4.2"]),
        e(.nsec3UnknownFlags, .error, "NSEC3 record with unassigned flags",
          "An NSEC3 record has flag bits set other than opt-out (RFC 5155 §3.1.2 assigns only bit 7; the others must be zero): validators ignore such a record (RFC 5155 §8.2), so the denials it takes part in cannot be proven and the names they deny fail validation.",
          example: "3lu2kb0b6pmmhqg3sdgjh7r0ehq6ukv4.example.com. NSEC3 1 2 0 - …: flags 2",
          remedy: "Re-sign the zone's NSEC3 chain with flags 0 (or 1 for opt-out); whatever wrote the other bits (a signer bug, a hand edit) must stop doing so.",
          ["RFC 5155 §3.1.2", "RFC 5155 §8.2"]),
        e(.nodataExtraDenialRecords, .warning, "Apex NODATA answer with more denial records than its proof",
          "A NODATA answer at the zone apex (to CDS, CDNSKEY or NSEC3PARAM) carries more than the one NSEC or NSEC3 record that proves it (the apex NSEC, or the NSEC3 matching the apex hash, RFC 4035 §3.1.3.1, RFC 5155 §7.2.3): the server mixes records of other names or of another copy of the chain into its answers, which validators must sort out and which grows every negative answer.",
          example: "ns2.example.com. answers NODATA for example.com. CDS with 3 NSEC3 records",
          remedy: "Check the server's copy of the zone (a stale or doubled NSEC/NSEC3 chain) and its software: a NODATA answer at the apex needs the apex's own NSEC or NSEC3 record only.",
          ["RFC 4035 §3.1.3.1", "RFC 5155 §7.2.3"]),
        e(.nsec3paramDenialMismatch, .warning, "NSEC3PARAM does not match the denial in use",
          "A server publishes an NSEC3PARAM record while it denies names with NSEC, or denies with NSEC3 without one: the NSEC3PARAM tells secondaries and signers which NSEC3 chain to serve (RFC 5155 §4, §7.3), so a stray one is a chain change left half done, and a missing one leaves secondaries unable to pick the chain.",
          example: "ns1.example.com. publishes NSEC3PARAM 1 0 0 - but denies with NSEC",
          remedy: "Finish the denial change on the signer: remove the NSEC3PARAM when the zone is signed with NSEC, or publish the NSEC3PARAM of the chain the zone is signed with.",
          ["RFC 5155 §4", "RFC 5155 §7.3"]),
        e(.nsec3OptOutInconsistent, .warning, "Servers disagree on NSEC3 opt-out",
          "The same NSEC3 record (same owner hash, same parameters) has the opt-out flag on some of the zone's servers and not on others: they serve differently signed copies of the chain, a re-signing with or without opt-out (RFC 5155 §6) that reached only some servers. Opt-out changes what a denial proves (an opt-out span may hide unsigned delegations, RFC 5155 §9.2), so the zone's denials mean different things depending on the server asked.",
          example: "the NSEC3 records for example.com. have opt-out on ns2.example.com. (192.0.2.2) but not on ns1.example.com. (192.0.2.1)",
          remedy: "Serve the same signed zone from every server: check the zone transfers after the signer's opt-out setting changed, and sign again where a copy is stale.",
          ["RFC 5155 §6", "RFC 5155 §9.2"]),
        e(.unexpectedAnswerRecords, .warning, "Unexpected records in the answer to an apex question",
          "A server answers a question about the zone apex (SOA, NS, DNSKEY, NSEC3PARAM, CDS, CDNSKEY) with answer-section records of another type or another owner than asked, apart from the RRSIGs over the answer (RFC 1034 §4.3.2: the answer section holds the RRset asked for, or the CNAME that leads to it, which the apex cannot have). Resolvers discard such records (unbound's scrubber, for one), so the server looks broken to them and to parents polling CDS; it usually points to a front end or a server extension that rewrites answers.",
          example: "ns2.example.com. (192.0.2.2) answers NSEC3PARAM for example.com. with stray.example.com. NSEC3PARAM",
          remedy: "Find what adds the records (a load balancer, a DNS firewall, a scripted back end) and make the server answer with the asked RRset and its signatures only.",
          ["RFC 1034 §4.3.2", "RFC 2181 §5.4.1"]),
        e(.nsec3HashAlgorithmUnsupported, .error, "NSEC3 hash algorithm other than SHA-1",
          "An NSEC3PARAM names a hash algorithm other than 1 (SHA-1), the only one defined: validators ignore NSEC3 records of such a chain (RFC 5155 §8.1), so names denied with it cannot be proven not to exist.",
          example: "example.com. publishes NSEC3PARAM 2 0 0 -: hash algorithm 2 is not SHA-1",
          remedy: "Sign the zone with NSEC3 hash algorithm 1 (or with NSEC), and remove the other NSEC3PARAM.",
          ["RFC 5155 §4.1.1", "RFC 5155 §8.1", "RFC 9276"]),
        e(.nodataWithoutSOA, .warning, "NODATA without the zone's SOA",
          "A server answers NOERROR with no data but leaves the zone's SOA out of the authority section, or puts another zone's SOA there: resolvers take the negative TTL from that SOA (RFC 2308 §5) and do not cache a negative answer without it, so every such question goes back to the servers; a SOA of another zone points to a server that answers from the wrong zone.",
          example: "ns2.example.com. (192.0.2.2) answers NODATA for example.com. (CDS, CDNSKEY) without the zone's SOA in the authority section",
          remedy: "Fix the server or the front end in front of it (load balancer, DNS proxy, online signer) so negative answers carry the zone's SOA (and its RRSIG).",
          ["RFC 2308 §2.2", "RFC 2308 §5", "RFC 4035 §3.1.3"]),
        e(.apexQueryFailed, .warning, "A server fails some questions about the apex",
          "A server that answers the zone's SOA and DNSKEY questions gives no usable answer to other questions about the apex (NSEC3PARAM, CDS, CDNSKEY): no answer, an error RCODE (SERVFAIL, REFUSED, NOTIMP…), or an answer without the AA bit. A parent polling CDS/CDNSKEY (RFC 7344, RFC 9615) and tools checking the NSEC3 parameters ask exactly these questions; to them the server is broken, and a filtering front end or a server that knows only some types is usually why.",
          example: "ns2.example.com. (192.0.2.2) answers SOA and DNSKEY but REFUSED to CDS, CDNSKEY and NSEC3PARAM for example.com.",
          remedy: "Make the server answer every type at the apex as the others do (authoritatively, NOERROR with the data or a signed NODATA): check any filter, firewall rule or load balancer in front of it.",
          ["RFC 1034 §4.3.2", "RFC 7344 §6.1", "RFC 5155 §4"]),
        e(.denialMethodsMixed, .error, "Servers deny names with NSEC and with NSEC3",
          "Some of the zone's servers prove non-existence with NSEC and others with NSEC3 (or one answer mixes both): they serve differently signed copies of the zone, a signer change that reached only some servers. Each copy may validate alone, but the zone's denial depends on the server asked, and a validator's aggressive use of cached NSEC (RFC 8198) meets two chains.",
          example: "the servers of example.com. deny names with different methods: NSEC on ns1.example.com. (192.0.2.1); NSEC3 on ns2.example.com. (192.0.2.2)",
          remedy: "Serve the same signed zone from every server (check the zone transfers after the signer change).",
          ["RFC 5155 §10.4", "RFC 4035 §2.3"]),
        e(.nsec3ParametersInconsistent, .warning, "NSEC3 records with different parameters",
          "NSEC3 records from one zone (or its NSEC3PARAM) disagree on hash algorithm, iterations or salt: part of the chain is stale, and validators may fail to match hashes.",
          example: "example.com.: NSEC3 with 0 iterations and with 10 iterations, salt - and AABBCCDD",
          remedy: "Re-sign the whole zone with one NSEC3 parameter set and make sure every server loads it.",
          ["RFC 5155 §7.1", "RFC 5155 §8.2"]),
        e(.serverUnresponsive, .warning, "Server does not answer",
          "A name server address never answered (timeout or unreachable) over UDP. Resolvers retry elsewhere, but it slows them and removes redundancy.",
          example: "ns2.example.com. (192.0.2.2): no answer over UDP",
          remedy: "Fix or remove the server: update the NS records at the parent and in the zone.",
          ["RFC 1035 §4.2", "RFC 2182 §5"]),
        e(.serversNotAsked, .warning, "More name server addresses than are checked",
          "The delegation lists more name server addresses than dnssec-check asks per zone (32, in address order): the rest were not asked, so their answers are not judged. Resolvers stop far sooner (unbound and BIND fetch at most a handful of NS addresses per delegation since the NXNSAttack fixes), and no zone needs that many.",
          example: "wide.example.: 120 name server addresses; 88 not asked (198.51.100.33 …)",
          remedy: "Cut the NS set down to the servers you run (two to a dozen, on separate networks).",
          ["RFC 2182 §5", "RFC 1034 §4.2.1"]),
        e(.gluelessNSLimit, .warning, "More glueless name servers than are resolved",
          "The delegation names more name servers without glue than dnssec-check resolves per zone (8, in name order): each costs a walk of its own, and a referral to hundreds of them is the NXNSAttack amplification (CVE-2020-8616, CVE-2020-12662), which resolvers since bound to a few names per referral. The rest were not resolved, so their addresses are not asked.",
          example: "wide.example.: 120 name servers without glue; 112 not resolved (ns009.wide.example. …)",
          remedy: "Give the delegation glue or in-bailiwick names where you can, and cut the NS set down to the servers you run.",
          ["RFC 1034 §4.3.2", "CVE-2020-8616", "docs/limits.md"]),
        e(.referralLoop, .error, "Server refers the zone back to itself",
          "Asked about a name in its own zone, the server answered with a referral (NS records, no AA bit) to that same zone instead of the answer: a lame server that sends resolvers in a circle. Resolvers drop it and try another server.",
          example: "192.0.2.1:53 refers www.example.com. back to example.com. (NS ns2.example.com.) instead of answering",
          remedy: "Load the zone on the server (it is listed in the NS set but does not serve it as primary or secondary), or remove it from the NS set.",
          ["RFC 1034 §4.3.2", "RFC 8499 §7 (lame delegation)"]),
        e(.upwardReferral, .error, "Server refers the question up the tree",
          "Asked about a name in its zone, the server answered with a referral to an ancestor (often the root): an upward referral, which resolvers reject as lame. When every server does it, nobody gets an answer.",
          example: "192.0.2.1:53 refers www.example.com. up to . (NS a.root-servers.net.) instead of answering for example.com.",
          remedy: "Configure the server as authoritative for the zone (it is in the NS set but does not have the zone), or remove it from the NS set.",
          ["RFC 1034 §4.3.2", "RFC 8499 §7 (lame delegation)"]),
        e(.queryBudgetExceeded, .error, "The check's query budget is spent",
          "The check of one name may ask at most 1,000 questions (--max-queries), nested walks for glueless name servers and CNAME targets included: this one needed more, so the walk stopped at a zone cut and the rest is not judged. The verdict is at best indeterminate.",
          example: "www.example.com.: the query budget of 1000 questions for this name is spent (1032 asked)",
          remedy: "Find the zones on the path with very many name servers, glueless names or long CNAME chains (the other findings name them) and simplify them; raise --max-queries if the zone really needs it.",
          ["RFC 1034 §5.3.3", "docs/limits.md"]),
        e(.serverUnresponsiveTCP, .warning, "Server does not answer over TCP",
          "A server truncated its UDP answer but could not be reached over TCP, so the complete answer cannot be had.",
          example: "ns1.example.com. (192.0.2.1): TCP connection refused",
          remedy: "Enable DNS over TCP on the server and in the firewall (RFC 7766 makes it mandatory).",
          ["RFC 7766 §5"]),
        e(.serverNotAuthoritative, .error, "Lame server",
          "A server listed for the zone does not answer authoritatively for it (REFUSED, SERVFAIL, or no AA bit).",
          example: "ns2.example.com. (192.0.2.2): REFUSED for example.com.",
          remedy: "Configure the zone on that server or remove the server from the NS records.",
          ["RFC 1034 §4.2.2", "RFC 1035 §4.1.1"]),
        e(.serverInvalidResponse, .error, "Server sends malformed responses over UDP",
          "A server answered over UDP with a response that could not be parsed or did not match the query. Resolvers discard it and try another server: slower answers, and none if every server does it.",
          example: "192.0.2.1:53 sends malformed responses over UDP for example.com. (DNSKEY: malformed DNS message: answer section incomplete (43 bytes))",
          remedy: "Find what mangles the answers (server software bug, a middlebox or load balancer rewriting DNS) and fix or replace it; until then remove the address from the NS RRset and glue.",
          ["RFC 1035 §4.1"]),
        e(.serverInvalidResponseTCP, .error, "Server sends malformed responses over TCP",
          "A server answered over TCP with a response that could not be parsed or did not match the query. Large answers (DNSKEY RRsets, truncated answers) then fail from that server.",
          example: "192.0.2.1:53 sends malformed responses over TCP for example.com. (SOA: malformed DNS message: answer section incomplete (43 bytes))",
          remedy: "Find what mangles the answers (server software bug, a middlebox or load balancer rewriting DNS over TCP) and fix or replace it.",
          ["RFC 1035 §4.2.2", "RFC 7766"]),
        e(.responseTruncatedUDP, .info, "Response too large for UDP",
          "An answer did not fit in 1232 bytes over UDP and needed TCP. It works when TCP works, but costs a round trip and fails behind broken firewalls.",
          example: "example.com. DNSKEY: truncated over UDP (1232 bytes), 2345 bytes over TCP",
          remedy: "Shrink the answer: fewer or smaller keys (ECDSA instead of RSA-4096), or fewer signatures.",
          ["RFC 6891 §6.2.5", "DNS Flag Day 2020"]),
        e(.responseTruncatedTCP, .error, "Answer truncated over TCP",
          "The server set the TC bit on an answer over TCP. TCP carries up to 65,535 bytes and there is nothing larger to retry with, so validators treat the answer as a failure (RFC 7766 §8): a server-side size limit, or a server or middlebox that sets TC=1 on everything.",
          example: "192.0.2.1:53 sets TC=1 over TCP for example.com. (DNSKEY, SOA): there is no larger transport to retry with, so those answers are lost",
          remedy: "Fix the server's TCP answers (a size limit set too low, a broken DNS proxy or load balancer); shrink the answer if it truly exceeds 64 KB.",
          ["RFC 7766 §8", "RFC 1035 §4.2.2"]),
        e(.errorWithEDNS, .error, "Server fails EDNS queries",
          "The server answers FORMERR or NOTIMP to a query with EDNS0 and answers only without it. Without EDNS there is no DO bit, so validators get no DNSSEC records from it: a downgrade (error for a signed zone).",
          example: "192.0.2.2 answers FORMERR to example.com. SOA with EDNS, NOERROR without",
          remedy: "Upgrade or fix the server (or the middlebox in front of it): EDNS0 has been required since the 2019 DNS Flag Day.",
          ["RFC 6891 §7", "RFC 4035 §3.2.1"]),
        e(.unableToRetrieveDNSSECRecords, .error, "Server ignores the DO bit",
          "A server of a signed zone answers a query with the DO bit without DNSSEC records and without echoing DO: it (or a middlebox in front of it) ignores or strips DNSSEC. Validators that reach only this server fail.",
          example: "192.0.2.2 answered example.com. SOA without DO and without RRSIG",
          remedy: "Serve the signed zone on that server, or fix the middlebox that clears the DO bit; RFC 3225 requires the DO bit to be copied into the response.",
          ["RFC 3225 §3", "RFC 4035 §3.1.1"]),
        e(.ednsIgnored, .warning, "Server ignores EDNS",
          "The server answered an EDNS0 query without an OPT record: it does not support EDNS, so it cannot carry DNSSEC records or large answers.",
          example: "192.0.2.2 answered example.com. SOA without OPT",
          remedy: "Upgrade the server software or fix the middlebox stripping OPT records.",
          ["RFC 6891 §7"]),
        e(.ednsVersionMismatch, .warning, "Server mishandles an unknown EDNS version",
          "Asked with EDNS version 1, the server should answer BADVERS with the version it implements (0); this one answered otherwise. Future EDNS versions and some probes will not work with it.",
          example: "192.0.2.2 answered example.com. SOA (EDNS version 1) with NOERROR instead of BADVERS",
          remedy: "Upgrade or fix the server, or the middlebox rewriting OPT records.",
          ["RFC 6891 §6.1.3"]),
        e(.nsNameNotInChild, .warning, "Parent lists a name server the zone does not",
          "The NS RRset in the parent's delegation names a server that the zone's own NS RRset does not list.",
          example: "example.com.: ns3.example.net. is delegated to by com. but not listed in example.com. NS",
          remedy: "Make the NS records at the registrar and in the zone the same set.",
          ["RFC 1034 §4.2.2"]),
        e(.nsNameNotInParent, .warning, "Zone lists a name server the parent does not",
          "The zone's own NS RRset names a server that the parent's delegation does not list: resolvers starting at the parent never use it.",
          example: "example.com.: ns3.example.com. is in example.com. NS but not in the delegation from com.",
          remedy: "Make the NS records at the registrar and in the zone the same set.",
          ["RFC 1034 §4.2.2"]),
        e(.glueMismatch, .warning, "Glue differs from the server's address",
          "The parent's glue address for an in-zone name server differs from the A/AAAA the zone itself publishes for it.",
          example: "ns1.example.com.: glue 192.0.2.1 at com., A 192.0.2.9 in example.com.",
          remedy: "Update the glue at the registrar (host object) or the A/AAAA record in the zone so they agree.",
          ["RFC 1034 §4.2.2"]),
        e(.missingGlueForNSName, .warning, "No glue for an in-zone name server",
          "A name server inside the delegated zone has no glue address in the parent's referral, so resolvers cannot reach it without already knowing the answer.",
          example: "ns1.example.com.: no glue in the referral from com.",
          remedy: "Register the name server's address (glue) at the registrar.",
          ["RFC 1034 §4.2.1"]),
        e(.noServerAnswered, .error, "No server answered",
          "None of the zone's servers gave a usable answer, so its data cannot be checked (indeterminate).",
          example: "example.com.: no server answered the DNSKEY query",
          remedy: "Bring the name servers back, or fix the delegation (NS and glue at the parent).",
          ["RFC 1035 §4.2"]),
        e(.inconsistentSOASerial, .warning, "A server serves an old copy of the zone",
          "The zone's servers serve different versions of the zone: a secondary is not updating. One finding per stale server (behind the newest serial), with what its copy holds: its serial, when its signatures expire, its keys against the current copy's. Key differences that come from the stale copy alone are said here, not as a rollover or a DNSKEY mismatch.",
          example: "ns2.example.com. (192.0.2.2:53) serves an old copy of example.com.: serial 2026112801 (100 behind 2026112901 on ns1.example.com. (192.0.2.1:53)); its signatures expire 2026-12-27T00:00:00Z (in 25d 0h); keys 28781, 51474 (51474 not in the current copy, which adds 31735)",
          remedy: "Fix zone transfers to the stale server (NOTIFY, ACL, TSIG) or take it out of the NS set.",
          ["RFC 1996", "RFC 1034 §4.3.5"]),
        e(.serverNoDNSKEY, .error, "A server serves no DNSKEY while others do",
          "One of the zone's servers answers the DNSKEY query authoritatively with no DNSKEY records (NODATA) while the other servers serve the zone's keys: it serves an unsigned copy of the zone, or a zone file without the keys. A validator that gets its DNSKEY RRset from that server cannot validate anything of the zone until it retries elsewhere (bogus).",
          example: "ns2.example.com. (192.0.2.2) answers DNSKEY for example.com. with NOERROR and no DNSKEY, while ns1.example.com. (192.0.2.1) serves 2 keys",
          remedy: "Load the signed zone on that server (check its zone transfers, or that it is given the signed file, not the unsigned one).",
          ["RFC 4035 §3.1.1", "RFC 4035 §5.2"]),
        e(.dnskeyMissingFromServers, .warning, "Servers disagree on the DNSKEY RRset",
          "A DNSKEY seen on some servers is absent from others: a stale secondary, an incomplete rollover, or a multi-signer setup whose providers do not publish each other's ZSKs. When a missing key signs what another server serves (the RRSIG sets differ), a validator that takes the DNSKEY RRset from one server and the data from the other fails until it retries elsewhere.",
          example: "192.0.2.2:53 does not serve DNSKEY 12345 that other servers of example.com. serve; 192.0.2.1:53 signs with 12345: a validator that takes the DNSKEY RRset from 192.0.2.2:53 and data from there fails until it retries",
          remedy: "Make every server serve the same signed zone; with several signers, publish every signer's ZSK in every provider's DNSKEY RRset (RFC 8901).",
          ["RFC 4035 §5", "RFC 7583", "RFC 8901"]),
        e(.inconsistentDS, .warning, "Parent servers disagree on the DS RRset",
          "The parent's servers return different DS RRsets for the zone (one has not picked up a change yet): validators see one or the other.",
          example: "example.com.: DS 12345 on 192.0.2.1, DS 12345 and 23456 on 192.0.2.2",
          remedy: "Wait for the parent's servers to converge; if it persists, ask the registry/parent operator about the stale server.",
          ["RFC 4035 §5", "RFC 7583 §3.3"]),
        e(.cdsInconsistentWithDS, .info, "CDS differs from the parent's DS",
          "The child publishes CDS/CDNSKEY records that differ from the DS RRset at the parent: a parent that polls CDS will replace its DS.",
          example: "example.com.: CDS lists 12345/13/2, parent has 4567/8/2",
          remedy: "Expected during a KSK rollover; otherwise correct the CDS records.",
          ["RFC 7344 §3", "RFC 7344 §5"]),
        e(.cdnskeyInconsistentWithCDS, .warning, "CDNSKEY and CDS describe different keys",
          "The CDS and CDNSKEY RRsets do not correspond: a parent that polls one of them gets a different answer than from the other.",
          example: "example.com.: CDNSKEY 12345 has no CDS; CDS 23456 has no CDNSKEY",
          remedy: "Publish CDS and CDNSKEY for the same keys (most signers generate both from the same KSK).",
          ["RFC 7344 §4"]),
        e(.cdsSignerInvalid, .warning, "CDS/CDNSKEY not signed by a DS-matched key",
          "The CDS or CDNSKEY RRset is not signed by a key that the parent's current DS RRset points to, so a parent that polls (RFC 7344 §4.1) will ignore it.",
          example: "example.com.: the CDS RRset is not signed by key 12345, the one the DS points to",
          remedy: "Sign CDS and CDNSKEY with the current KSK (the key the DS points to) as well.",
          ["RFC 7344 §4.1"]),
        e(.cdsKeyNotZoneKey, .error, "CDS/CDNSKEY for a key without the ZONE flag",
          "A CDS or CDNSKEY record describes a key whose flags lack the ZONE bit (bit 7): such a key may not be used to validate the zone (RFC 4034 §2.1.1), so a DS made from it points to nothing a validator accepts; a parent that acts on it can make the zone bogus.",
          example: "the CDS of example.com. points to key 12345, whose flags (1) lack the ZONE bit",
          remedy: "Publish CDS/CDNSKEY only for the zone's key-signing keys (flags 257).",
          ["RFC 4034 §2.1.1", "RFC 7344 §3", "RFC 7344 §4"]),
        e(.cdsKeyNotSEP, .info, "CDS/CDNSKEY for a key without the SEP flag",
          "A CDS or CDNSKEY record describes a zone key without the SEP flag: validation does not need the flag (RFC 4034 §2.1.1), but the DS is meant to point to the key-signing key, and some parents and tools check it.",
          example: "the CDS of example.com. points to key 23456, which lacks the SEP flag (flags 256)",
          remedy: "Point CDS/CDNSKEY at the key-signing key, or set the SEP flag on the key the DS is for (flags 257).",
          ["RFC 4034 §2.1.1", "RFC 7344 §3"]),
        e(.cdsNotSelfSigned, .info, "CDS/CDNSKEY not signed by a key it describes",
          "The CDS (or CDNSKEY) RRset is signed, but by none of the keys it describes: RFC 7344 §4.1 lets a parent require proof that the new key is in use, and such a parent waits.",
          example: "the CDS RRset of example.com. describes key 23456 but is signed only by 12345",
          remedy: "Sign the CDS/CDNSKEY RRsets with the new key as well (most signers do once the key is active).",
          ["RFC 7344 §4.1", "RFC 8078 §3"]),
        e(.cdsDeleteMixed, .warning, "Delete CDS/CDNSKEY mixed with other records",
          "The zone publishes the delete form of CDS or CDNSKEY (algorithm 0) beside other CDS/CDNSKEY records: RFC 8078 §4 wants it alone, so a parent cannot tell whether to delete the DS or replace it, and ignores the request.",
          example: "example.com. publishes the delete form of CDS/CDNSKEY together with other CDS/CDNSKEY records (2 CDS, 2 CDNSKEY)",
          remedy: "Publish either the delete records alone (to go insecure) or only the CDS/CDNSKEY of the keys to keep.",
          ["RFC 8078 §4", "RFC 7344 §4"]),
        e(.cdsCDNSKEYUnpaired, .info, "CDS without CDNSKEY, or CDNSKEY without CDS",
          "The zone publishes only one of CDS and CDNSKEY: parents differ in which they poll (some registries read CDNSKEY only, others CDS), so one that reads the other sees no request.",
          example: "example.com. publishes CDS but no CDNSKEY",
          remedy: "Publish both, for the same keys (most signers generate both from the KSK).",
          ["RFC 7344 §4", "RFC 8078 §3"]),
        e(.cdsDeleteRequested, .info, "CDS asks the parent to delete the DS",
          "The child publishes the delete form of CDS/CDNSKEY (algorithm 0): a parent that polls CDS will remove the DS and the zone becomes insecure.",
          example: "example.com.: CDS 0 0 0 00",
          remedy: "Expected when going insecure on purpose; otherwise remove the delete CDS.",
          ["RFC 8078 §4"]),
        e(.cdsWouldBreakChain, .error, "CDS/CDNSKEY would break the chain of trust",
          "Used as the DS RRset, the child's CDS (or CDNSKEY) would match no published key that signs the DNSKEY RRset: a parent that checks before acting (RFC 7344 §4.1) ignores it, so the rollover is stuck; one that does not makes the zone bogus.",
          example: "example.com.: CDS 23456/13/2 points to no published DNSKEY: with it as the DS the zone would be bogus",
          remedy: "Publish (and sign the DNSKEY RRset with) the key the CDS describes before publishing the CDS, or correct the CDS/CDNSKEY records.",
          ["RFC 7344 §4.1", "RFC 7344 §5", "RFC 8078 §3"]),
        e(.cdsBootstrapReady, .info, "Unsigned delegation ready for DNSSEC bootstrapping",
          "The parent proves there is no DS, but the zone is signed and publishes CDS/CDNSKEY for a key that signs its DNSKEY RRset, with the CDS/CDNSKEY RRsets signed by its own keys: a parent that bootstraps from CDS would publish that DS and the zone would become secure. The message says whether RFC 9615 signalling under every name server host authenticates it, or whether a parent can only accept after a delay or a challenge (RFC 8078 §3).",
          example: "example.com. is signed and publishes CDS/CDNSKEY for a key that signs its DNSKEY RRset, but has no DS: a parent that bootstraps from CDS would publish DS 12345/13/2 and the zone would become secure; authenticated by RFC 9615 signalling under ns1.provider.net., ns2.provider.net.",
          remedy: "If the parent does not bootstrap from CDS, submit the DS through the registrar (`dnssec-check ds`).",
          ["RFC 8078 §3", "RFC 9615"]),
        e(.bootstrapSignalInvalid, .warning, "RFC 9615 bootstrapping signal broken",
          "The zone has no DS and publishes CDS/CDNSKEY, and its name server hosts carry RFC 9615 signalling records (`_dsboot.<zone>._signal.<host>`), but under some host they do not validate or differ from the zone's own CDS/CDNSKEY: a parent that bootstraps with authentication will not publish the DS.",
          example: "RFC 9615 signalling for example.com. fails under ns1.provider.net.: the signalling CDS/CDNSKEY differ from the zone's own: a parent that bootstraps with authentication will not act",
          remedy: "Have the DNS operator publish, signed, at `_dsboot.<zone>._signal.<host>` for every name server host, exactly the CDS/CDNSKEY the zone publishes.",
          ["RFC 9615 §4", "RFC 8078 §3"]),
        e(.multipleCDS, .warning, "Servers disagree on the CDS RRset",
          "The zone's servers return different CDS RRsets (a stale secondary, or a provider that does not publish them): what a polling parent sees depends on which server it asks, and careful parents act only when all agree.",
          example: "example.com.: CDS 12345/13/2 on 192.0.2.1:53; no CDS on 192.0.2.2:53",
          remedy: "Make every server serve the same CDS records (fix the stale server's zone transfers).",
          ["RFC 7344 §4.1", "RFC 8078 §3"]),
        e(.multipleCDNSKEY, .warning, "Servers disagree on the CDNSKEY RRset",
          "The zone's servers return different CDNSKEY RRsets: what a polling parent sees depends on which server it asks, and careful parents act only when all agree.",
          example: "example.com.: CDNSKEY 12345 on 192.0.2.1:53; no CDNSKEY on 192.0.2.2:53",
          remedy: "Make every server serve the same CDNSKEY records (fix the stale server's zone transfers).",
          ["RFC 7344 §4.1", "RFC 8078 §3"]),
        e(.kskRolloverDoubleDS, .info, "Two DS records: KSK rollover in progress",
          "The parent has DS records for two keys of the same algorithm: a double-DS KSK rollover is under way (or was left half done).",
          example: "example.com.: DS 12345 and DS 23456 both match published keys",
          remedy: "Finish the rollover: once the new key signs and the DS TTL has passed, remove the old DS.",
          ["RFC 6781 §4.1.2", "RFC 7583 §3.3"]),
        e(.kskRolloverStuck, .warning, "KSK rollover stuck: a signing KSK without DS",
          "A SEP key signs the DNSKEY RRset but the parent has no DS for it, and has not had one for longer than the DNSKEY TTL plus the DS TTL (and a day): a double-KSK rollover that never reached the parent (the CDS lists the key, or there is no CDS), or an old KSK left behind after its DS was removed (the CDS lists other keys). The key's publication time is not in the DNS; the inception of its signature over the DNSKEY RRset is the evidence, less a day for signers that backdate inception (signers that backdate by more, such as PowerDNS's weekly inception, can trip it early). Nothing fails yet, but removing the wrong key would break the zone.",
          example: "KSK 23456 has signed the DNSKEY RRset since 2026-11-19T04:00:00Z (its RRSIG's inception, 10d 0h ago), longer than the DNSKEY TTL (1h 0m) plus the DS TTL (1d 0h) and a day, but com. has no DS for it; its CDS is published, so a parent that polls CDS has not acted on it",
          remedy: "Submit the new key's DS to the parent (registrar), or find why the parent ignores the CDS; keep the old KSK and its DS until the new DS has been published for its TTL.",
          ["RFC 7583 §3.3", "RFC 6781 §4.1.2", "RFC 7344 §4.1"]),
        e(.kskStandby, .info, "Stand-by key without DS",
          "A SEP key is published but no DS points to it and it signs nothing: a pre-published (stand-by) KSK.",
          example: "DNSKEY 34567/SEP of example.com. has no DS at the parent",
          remedy: "Nothing to do for a stand-by key; submit its DS when you roll to it.",
          ["RFC 6781 §4.1.2"]),
        e(.zskPrepublished, .info, "Zone key that signs nothing",
          "A non-SEP zone key is published but signs none of the zone's data: a pre-published ZSK (rollover coming) or a retired one not yet removed.",
          example: "DNSKEY 34567 of example.com. signs nothing (pre-published or retired ZSK)",
          remedy: "Nothing to do during a pre-publish ZSK rollover; remove a retired key once its signatures have expired from caches.",
          ["RFC 6781 §4.1.1", "RFC 7583 §3.2"]),
        e(.expectedDSMissing, .error, "The DS the DNS host expects is not at the parent",
          "--expect-ds lists a key (a DS or DNSKEY record, or an active key-signing key in the Route 53 JSON) for which no server of the parent serves a DS: the hand-off to the registrar has not happened, or not yet reached the registry. Until it does, the zone is insecure (no DS at all) or the key cannot take over from the old one (a KSK rollover that must not go further).",
          example: "route53.json expects a DS for key 23456 (algorithm 13, Route 53 KSK 'ksk-2026', status ACTIVE) at com., and none of its servers serves one",
          remedy: "Submit the DS the message shows to the registrar (`dnssec-check ds` prints it from the same file); keep the old DS until the new one has been at the parent for its TTL.",
          ["RFC 4035 §5.2", "RFC 6781 §4.1.2", "RFC 7583 §3.3"]),
        e(.unexpectedDS, .warning, "The parent has a DS the DNS host does not list",
          "A server of the parent serves a DS that matches none of the keys --expect-ds lists: left from a previous DNS host or signer, or the host's list is out of date. While it matches no key of the zone it is harmless but misleading; after a key with that tag is deleted it is a trap for the next rollover.",
          example: "com. publishes DS 12345/13/2 for example.com., which route53.json does not list",
          remedy: "Ask the registrar to remove the DS, or bring the DNS host's list up to date.",
          ["RFC 4035 §5.2", "RFC 7583 §3.3"]),
        e(.dsOfInactiveKey, .warning, "A DS remains for a key the DNS host retired",
          "The parent still publishes a DS for a key that --expect-ds lists as no longer in use (Route 53 status INACTIVE or DELETING): once the host deletes the key, a DS that was the zone's only one for its algorithm leaves validators no key to trust (bogus).",
          example: "com. still publishes DS 12345/13/2 for key 12345, which route53.json lists as no longer in use (Route 53 KSK 'old', status INACTIVE)",
          remedy: "Ask the registrar to remove the DS, and wait for its TTL at the parent, before the DNS host deletes the key.",
          ["RFC 6781 §4.1.2", "RFC 7583 §3.3"]),
        e(.undelegatedZone, .info, "Checked as if delegated (pre-delegation test)",
          "With --ns, the zone is reached through the name servers given on the command line instead of its parent's referral, as zonemaster-cli --ns and dnsviz probe -N do: everything below the parent is what those servers serve. Its DS is the one given with --ds or, without it, the SHA-256 DS of the zone's own SEP keys, so the verdict is the one the zone will have once the parent publishes that delegation.",
          example: "example.com. is checked on the name servers given with --ns, ns1.example.com. (192.0.2.1), ns2.example.net. (198.51.100.2), as if com. delegated it to them with DS 12345/13/2",
          remedy: "Publish at the parent (through the registrar) the NS set, the glue for name servers inside the zone, and the DS the message lists.",
          ["RFC 1034 §4.2.2", "RFC 4035 §5.2", "RFC 7344 §3"]),
        e(.cnameChainTooLong, .error, "CNAME chain too long",
          "The CNAME chain from the name is longer than the 11 links validators follow (unbound's limit) or loops; the rest of it is not checked.",
          example: "a.example.com. → b… → a.example.com.",
          remedy: "Shorten the chain and remove loops.",
          ["RFC 1034 §3.6.2"]),
        e(.walkIncomplete, .error, "The delegation chain could not be followed",
          "The walk from the root stopped: no referral, no address for the name servers, or the query budget ran out.",
          example: "example.com.: no address for any name server of example.com.",
          remedy: "Check the delegation at the parent: NS records and glue.",
          ["RFC 1034 §4.2.2"]),
        e(.checkDeadlineExceeded, .warning, "The check ran out of time",
          "The name's check reached its deadline (--deadline) before every question was answered: the report shows what was learned, and the questions not sent are not judged, so the verdict is at best indeterminate.",
          example: "www.example.com.: deadline of 30 s passed; 14 questions not sent",
          remedy: "Find the slow or silent servers the report names and fix them, or give the check more time with --deadline.",
          ["RFC 1034 §5.3.3", "RFC 1035 §7.1"]),
        // Zone files
        e(.zoneNotSigned, .error, "The zone file is not signed",
          "The apex has no DNSKEY RRset with a zone key: nothing in the file can validate, and a parent holding a DS for it makes it bogus.",
          example: "example.com. has no DNSKEY RRset with a zone key: the zone is not signed",
          remedy: "Run the signer over the zone (or check the file given is its signed output).",
          ["RFC 4035 §2.1"]),
        e(.glueSigned, .warning, "Signature on glue or delegation data",
          "An RRSIG covers data the zone is not authoritative for: glue or occluded records below a delegation, or the NS set at a delegation point. Validators ignore it; it shows a signer that does not know where the zone's cuts are.",
          example: "ns1.sub.example.com. A is glue or occluded data below a delegation but carries 1 RRSIG",
          remedy: "Let the signer sign only authoritative data (check that the delegation's NS records are in the zone it signs).",
          ["RFC 4035 §2.2"]),
        e(.rrsigSignerMismatch, .error, "Signature names another signer",
          "The RRSIG's signer name is not the zone's apex: validators reject it.",
          example: "RRSIG A www.example.com. by 12345 names signer other.example., not the zone example.com.",
          remedy: "Re-sign the zone with its own keys; do not copy signed records between zones.",
          ["RFC 4035 §2.2", "RFC 4035 §5.3.1"]),
        e(.rrsigLabelsMismatch, .error, "Signature's labels field is wrong",
          "The RRSIG's labels field is not the owner's label count (without a leading wildcard): validators reject it or treat the answer as a wildcard expansion.",
          example: "RRSIG A www.example.com. by 12345 has labels 2, the owner has 3",
          remedy: "Re-sign the zone; check that nothing renames records after signing.",
          ["RFC 4034 §3.1.3", "RFC 4035 §5.3.1"]),
        e(.rrsigOriginalTTLMismatch, .warning, "Signature's original TTL differs from the RRset's",
          "The RRSIG's original TTL is not the RRset's TTL in the file: validators use the smaller one, so caches hold it for a time the operator did not set.",
          example: "RRSIG A www.example.com. by 12345 has original TTL 3600, the RRset 300",
          remedy: "Re-sign after changing TTLs (the signer then writes the new TTL into the RRSIG).",
          ["RFC 4034 §3.1.4", "RFC 4035 §5.3.3"]),
        e(.nsecChainMissing, .error, "Signed zone without a denial chain",
          "The zone has DNSKEYs but neither NSEC nor NSEC3 records: every negative answer from it is bogus.",
          example: "example.com. is signed but has neither NSEC nor NSEC3 records",
          remedy: "Sign the zone with NSEC or NSEC3 (every signer does this; check the signer's options and that the file is its full output).",
          ["RFC 4035 §2.3", "RFC 5155 §7.1"]),
        e(.nsecMissing, .error, "Name without its NSEC",
          "A name with authoritative data (or a delegation) has no NSEC record: the chain has a hole, and denials around the name fail.",
          example: "www.example.com. has data but no NSEC record",
          remedy: "Re-sign the zone (a record added after signing has no NSEC).",
          ["RFC 4035 §2.3"]),
        e(.nsecChainBroken, .error, "NSEC chain link points to the wrong name",
          "An NSEC's next domain name is not the next name of the zone in canonical order (the last NSEC points back to the apex): names in the gap are denied although they exist, or the chain skips names.",
          example: "the NSEC at a.example.com. points to c.example.com., but the next name in the zone is b.example.com.",
          remedy: "Re-sign the zone so the signer rebuilds the chain; do not edit NSEC records by hand.",
          ["RFC 4034 §4.1.1", "RFC 4035 §2.3"]),
        e(.nsecBitmapMismatch, .error, "NSEC type bitmap differs from the types present",
          "An NSEC lists types the name does not have, or leaves out types it has: validators deny existing data or accept false denials.",
          example: "the NSEC at www.example.com. lists A NSEC RRSIG; the name has A AAAA NSEC RRSIG (missing AAAA)",
          remedy: "Re-sign the zone (records changed after signing).",
          ["RFC 4034 §4.1.2", "RFC 4035 §2.3"]),
        e(.nsecExtra, .warning, "NSEC where none belongs",
          "An NSEC at a name that has no other data, or at glue below a delegation: the chain has a link the zone's contents do not explain.",
          example: "NSEC at old.example.com., a name with no other data",
          remedy: "Re-sign the zone so the signer rebuilds the chain from the current data.",
          ["RFC 4035 §2.3"]),
        e(.nsec3Missing, .error, "Name without its NSEC3",
          "A name that must be in the NSEC3 chain (authoritative data, a signed delegation, an empty non-terminal) has no NSEC3 with its hash, and no opt-out span covers it.",
          example: "www.example.com. has no NSEC3 record (its hash 2vptu5timamqttgl4luu9kg21e0aor3s is not in the chain)",
          remedy: "Re-sign the zone (a name added after signing has no NSEC3).",
          ["RFC 5155 §7.1"]),
        e(.nsec3ChainBroken, .error, "NSEC3 chain link points to the wrong hash",
          "An NSEC3's next hashed owner is not the next hash of the chain (the last one points back to the first): the chain does not close, and denials in the gap fail.",
          example: "the NSEC3 at 0p9m…example.com. points to 4f3c…, but the next hash in the chain is 35mt…",
          remedy: "Re-sign the zone so the signer rebuilds the chain.",
          ["RFC 5155 §3.1.7", "RFC 5155 §7.1"]),
        e(.nsec3BitmapMismatch, .error, "NSEC3 type bitmap differs from the types present",
          "An NSEC3 lists types its name does not have, or leaves out types it has (an empty non-terminal lists none).",
          example: "the NSEC3 of www.example.com. lists A RRSIG; the name has A AAAA RRSIG (missing AAAA)",
          remedy: "Re-sign the zone (records changed after signing).",
          ["RFC 5155 §3.1.8", "RFC 5155 §7.1"]),
        e(.nsec3Extra, .warning, "NSEC3 that matches no name",
          "An NSEC3 whose hash is the hash of no name of the zone, or whose owner is not a hash label under the apex: left over from older data or another chain.",
          example: "NSEC3 at q2bl…example.com. matches no name of the zone",
          remedy: "Re-sign the zone so the signer rebuilds the chain from the current data.",
          ["RFC 5155 §7.1"]),
    ]
}
