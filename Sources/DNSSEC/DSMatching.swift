import DNSModel
import LDNSBridge

/// How a DS record relates to one DNSKEY (RFC 4034 §5, RFC 4035 §5.2).
public enum DSMatch: Equatable, Sendable {
    case matches
    case keyTagMismatch
    case algorithmMismatch
    /// Tag and algorithm agree but the digest does not: a wrong or stale DS.
    case digestMismatch(expected: [UInt8])
    /// The digest type is one dnssec-check cannot compute (GOST, unknown):
    /// not wrong, just not checkable (RFC 4035 §5.2).
    case unsupportedDigestType
}

public enum DSDigest {
    /// Digest types a validator is expected to compute (RFC 8624 §3.3).
    public static let supported: Set<DigestType> = [.sha1, .sha256, .sha384]

    /// The digest of `key` at `owner` for `type`, or nil when unsupported.
    public static func compute(owner: DNSName, key: DNSKEYData, type: DigestType) -> [UInt8]? {
        guard supported.contains(type) else { return nil }
        let record = Record(owner: owner, type: .dnskey, ttl: 0, rdata: key.rdata)
        return (try? LDNSCrypto.dsDigest(owner: owner, dnskey: record, digestType: type)) ?? nil
    }

    /// The DS record for `key` with digest `type`, or nil when the type is unsupported.
    public static func makeDS(owner: DNSName, key: DNSKEYData, type: DigestType) -> DSData? {
        guard let digest = compute(owner: owner, key: key, type: type) else { return nil }
        return DSData(keyTag: LDNSCrypto.keyTag(dnskeyRDATA: key.rdata), algorithm: key.algorithm,
                      digestType: type, digest: digest)
    }

    public static func match(_ ds: DSData, owner: DNSName, key: DNSKEYData) -> DSMatch {
        match(ds, key: key) { compute(owner: owner, key: key, type: $0) }
    }

    /// The same, with the key's digest of a type from `digest` (nil when
    /// unsupported), which may remember what it computed.
    public static func match(_ ds: DSData, key: DNSKEYData, digest: (DigestType) -> [UInt8]?) -> DSMatch {
        if ds.keyTag != LDNSCrypto.keyTag(dnskeyRDATA: key.rdata) { return .keyTagMismatch }
        if ds.algorithm != key.algorithm { return .algorithmMismatch }
        guard let computed = digest(ds.digestType) else { return .unsupportedDigestType }
        return computed == ds.digest ? .matches : .digestMismatch(expected: computed)
    }
}
