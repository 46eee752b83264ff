import DNSModel
import LDNSBridge

/// The outcome of checking one RRSIG over one RRset with one DNSKEY.
public enum SignatureOutcome: Equatable, Sendable, CustomStringConvertible {
    case valid
    /// The reference time is after the signature expiration.
    case expired(secondsAgo: Int64)
    /// The reference time is before the signature inception.
    case notYetValid(secondsUntilInception: Int64)
    /// Cryptographic verification failed.
    case signatureInvalid
    case keyTagMismatch(rrsig: UInt16, key: UInt16)
    case algorithmMismatch(rrsig: DNSSECAlgorithm, key: DNSSECAlgorithm)
    /// The RRSIG signer is not the owner of the key.
    case signerMismatch(signer: DNSName, keyOwner: DNSName)
    /// The RRSIG covers another type, or its labels field exceeds the owner's.
    case rrsetMismatch(String)
    case unsupportedAlgorithm(DNSSECAlgorithm)
    /// The key cannot be used: not a zone key, bad protocol, unusable material.
    case malformedKey(String)
    /// The RRSIG itself cannot be parsed.
    case malformedSignature(String)

    public var isValid: Bool { self == .valid }

    public var description: String {
        switch self {
        case .valid: return "valid"
        case .expired(let ago): return "expired \(ago)s ago"
        case .notYetValid(let until): return "not valid for another \(until)s"
        case .signatureInvalid: return "signature invalid"
        case .keyTagMismatch(let sig, let key): return "key tag mismatch (RRSIG \(sig), DNSKEY \(key))"
        case .algorithmMismatch(let sig, let key): return "algorithm mismatch (RRSIG \(sig), DNSKEY \(key))"
        case .signerMismatch(let signer, let owner): return "signer \(signer) is not key owner \(owner)"
        case .rrsetMismatch(let why): return "RRSIG does not fit the RRset: \(why)"
        case .unsupportedAlgorithm(let alg): return "unsupported algorithm \(alg)"
        case .malformedKey(let why): return "malformed key: \(why)"
        case .malformedSignature(let why): return "malformed RRSIG: \(why)"
        }
    }
}

/// Checks RRSIGs (RFC 4035 §5.3) at an explicit reference time; never reads the clock.
public enum SignatureVerifier {
    /// Algorithms dnssec-check validates. RSAMD5 (1), DSA (3), DSA-NSEC3-SHA1 (6)
    /// and GOST (12) are not validated (RFC 8624 §3.1 "MUST NOT" / not implemented).
    public static let supportedAlgorithms: Set<DNSSECAlgorithm> = [
        .rsasha1, .rsasha1NSEC3SHA1, .rsasha256, .rsasha512,
        .ecdsaP256SHA256, .ecdsaP384SHA384, .ed25519, .ed448,
    ]

    /// Verifies `rrsig` over `rrset` with `key` at `referenceTime` (Unix seconds).
    ///
    /// Structural checks come first, then the validity window (RFC 1982
    /// serial arithmetic), and only then the costly cryptographic check.
    ///
    /// `prepared`: the same key already converted for OpenSSL (a zone
    /// file's many signatures by one key), or nil.
    public static func verify(_ rrsig: Record, covering rrset: RRset, with key: Record,
                              at referenceTime: Int64, prepared: LDNSCrypto.PreparedKey? = nil) -> SignatureOutcome {
        let sig: RRSIGData
        do { sig = try RRSIGData(rdata: rrsig.rdata) } catch { return .malformedSignature("\(error)") }
        let dnskey: DNSKEYData
        do { dnskey = try DNSKEYData(rdata: key.rdata) } catch { return .malformedKey("\(error)") }

        if sig.typeCovered != rrset.type {
            return .rrsetMismatch("covers \(sig.typeCovered), RRset is \(rrset.type)")
        }
        if Int(sig.labels) > rrset.owner.rrsigLabelCount {
            return .rrsetMismatch("labels \(sig.labels) exceed the \(rrset.owner.rrsigLabelCount) of \(rrset.owner)")
        }
        if sig.signerName != key.owner { return .signerMismatch(signer: sig.signerName, keyOwner: key.owner) }
        if sig.algorithm != dnskey.algorithm { return .algorithmMismatch(rrsig: sig.algorithm, key: dnskey.algorithm) }
        let tag = LDNSCrypto.keyTag(dnskeyRDATA: key.rdata)
        if sig.keyTag != tag { return .keyTagMismatch(rrsig: sig.keyTag, key: tag) }
        if dnskey.protocol != 3 { return .malformedKey("protocol field is \(dnskey.protocol), not 3") }
        if !dnskey.isZoneKey { return .malformedKey("ZONE flag not set (RFC 4034 §2.1.1)") }
        if !supportedAlgorithms.contains(sig.algorithm) { return .unsupportedAlgorithm(sig.algorithm) }

        if let outcome = window(of: sig, at: referenceTime) { return outcome }

        // Fixed-size signatures (RFC 6605 §4, RFC 8080 §4): ldns reports a wrong
        // length as a memory error, which would otherwise read as a bad key.
        if let length = fixedSignatureLength[sig.algorithm.rawValue], sig.signature.count != length {
            return .malformedSignature("\(sig.algorithm) signature is \(sig.signature.count) bytes, not \(length)")
        }

        let check = prepared.map { LDNSCrypto.checkSignature(rrset: rrset.records, rrsig: rrsig, key: $0) }
            ?? LDNSCrypto.checkSignature(rrset: rrset.records, rrsig: rrsig, key: key)
        switch check {
        case .valid: return .valid
        case .invalid: return .signatureInvalid
        case .unsupportedAlgorithm: return .unsupportedAlgorithm(sig.algorithm)
        case .malformedKey(let why): return .malformedKey(why)
        }
    }

    static let fixedSignatureLength: [UInt8: Int] = [13: 64, 14: 96, 15: 64, 16: 114]

    /// nil when the reference time is inside [inception, expiration].
    public static func window(of sig: RRSIGData, at referenceTime: Int64) -> SignatureOutcome? {
        let untilExpiration = SerialTime.offset(of: sig.expiration, from: referenceTime)
        if untilExpiration < 0 { return .expired(secondsAgo: -untilExpiration) }
        let sinceInception = -SerialTime.offset(of: sig.inception, from: referenceTime)
        if sinceInception < 0 { return .notYetValid(secondsUntilInception: -sinceInception) }
        return nil
    }
}
