import DNSModel

/// Trust anchors: DS or DNSKEY records for one or more zones.
public struct TrustAnchors: Sendable {
    public var ds: [DNSName: [DSData]] = [:]
    public var keys: [DNSName: [DNSKEYData]] = [:]

    public init() {}

    public init(records: [Record]) {
        for record in records {
            if record.type == .ds, let ds = try? DSData(rdata: record.rdata) {
                self.ds[record.owner, default: []].append(ds)
            } else if record.type == .dnskey, let key = try? DNSKEYData(rdata: record.rdata) {
                keys[record.owner, default: []].append(key)
            }
        }
    }

    public var zones: Set<DNSName> { Set(ds.keys).union(keys.keys) }
    public var isEmpty: Bool { ds.isEmpty && keys.isEmpty }

    /// The IANA root KSKs: KSK-2017 (20326) and KSK-2024 (38696), as DS
    /// records (see docs/trust-anchors.md for their provenance).
    public static let ianaRootText = """
        . IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D
        . IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16
        """
}

/// Thresholds and switches of the analysis (documented in docs/cli.md).
public struct AnalysisPolicy: Sendable {
    /// Warn when a signature on the path expires within this many seconds…
    public var warnSeconds: Int64 = 3 * 86400
    /// …and call it an error within this many.
    public var critSeconds: Int64 = 1 * 86400
    /// NSEC3 iterations above which validators treat answers as insecure.
    public var nsec3IterationLimit: UInt16 = 150
    /// Longer signature validity periods widen the replay window (RFC 6781 §4.4.2).
    public var maxSignatureLifetime: Int64 = 180 * 86400
    public var ignoreRFC9276 = false
    public var ignoreRFC8624 = false
    public var strict = false
    /// Codes the operator accepts: reported as info, never counted.
    public var ignoredCodes: Set<DiagnosticCode> = []
    /// How much crypto one name's check may spend (docs/limits.md).
    public var cryptoLimits = CryptoLimits()
    public init() {}
}

/// The crypto budget of one name's check, checked before the work, after the
/// validators hardened against KeyTrap (CVE-2023-50387) and NSEC3 hash
/// exhaustion (CVE-2023-50868). docs/limits.md gives the reason for each number.
public struct CryptoLimits: Sendable, Equatable {
    /// Keys with one RRSIG's key tag and algorithm that are tried for it.
    public var keysPerRRSIG = 4
    /// Signature checks for one server's copy of one RRset (unbound's 8).
    public var verificationsPerRRset = 8
    /// Signature checks for the whole name, every zone and server included.
    public var verificationsPerName = 512
    /// NSEC3 hashes for the whole name (each distinct name and parameters once).
    public var nsec3HashesPerName = 256
    /// NSEC/NSEC3 owners one negative answer may carry before it is refused
    /// unchecked (a proof needs at most 3).
    public var maxDenialRecords = 16
    public init() {}
}
