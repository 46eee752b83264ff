import CLDNS
import DNSModel

/// The DNSSEC computations ldns does for us: key tags, DS digests, NSEC3
/// hashes and the cryptographic check of an RRSIG. Policy (which algorithms
/// count, validity windows) lives in the DNSSEC target, not here.
public enum LDNSCrypto {
    /// RFC 4034 Appendix B key tag of DNSKEY RDATA (algorithm 1 included).
    public static func keyTag(dnskeyRDATA rdata: [UInt8]) -> UInt16 {
        rdata.withUnsafeBufferPointer { ldns_calc_keytag_raw($0.baseAddress, $0.count) }
    }

    /// The digest a DS of `digestType` carries for this DNSKEY, or nil when
    /// ldns cannot compute that digest type.
    public static func dsDigest(owner: DNSName, dnskey: Record, digestType: DigestType) throws(LDNSError) -> [UInt8]? {
        var key = dnskey
        key.owner = owner
        let rr = try OwnedRR(key)
        guard let hash = ldnsHash(digestType) else { return nil }
        guard let ds = ldns_key_rr2ds(rr.pointer, hash) else {
            _ = drainOpenSSLErrors()
            return nil
        }
        let owned = OwnedRR(taking: ds)
        let record = try owned.record()
        do { return try DSData(rdata: record.rdata).digest } catch {
            throw LDNSError(message: "ldns produced a malformed DS: \(error)")
        }
    }

    private static func ldnsHash(_ type: DigestType) -> ldns_hash? {
        switch type.rawValue {
        case 1: return LDNS_SHA1
        case 2: return LDNS_SHA256
        case 4: return LDNS_SHA384
        default: return nil
        }
    }

    /// NSEC3 hash of `name` (RFC 5155 §5), hash algorithm 1 (SHA-1) only.
    public static func nsec3Hash(of name: DNSName, iterations: UInt16, salt: [UInt8]) throws(LDNSError) -> [UInt8] {
        let rdf = try OwnedRDF(name: name.lowercased())
        let hashed = salt.withUnsafeBufferPointer {
            ldns_nsec3_hash_name(rdf.pointer, 1, iterations, UInt8(salt.count), $0.baseAddress)
        }
        guard let hashed else { throw LDNSError(message: "NSEC3 hash of \(name) failed") }
        let owned = OwnedRDF(taking: hashed)
        // ldns returns the hash as a one-label name in base32hex.
        let wire = owned.bytes
        guard let length = wire.first, wire.count > Int(length),
              let digest = Encodings.fromBase32hex(Array(wire[1...Int(length)])) else {
            throw LDNSError(message: "unexpected NSEC3 hash form from ldns")
        }
        return digest
    }

    /// What the cryptographic check of one RRSIG with one key said.
    public enum SignatureCheck: Equatable, Sendable {
        case valid
        case invalid(String)
        case unsupportedAlgorithm
        case malformedKey(String)
    }

    /// Checks the signature only: canonical form, original TTL and wildcard
    /// owner are handled by ldns; time, key tag and signer are the caller's.
    public static func checkSignature(rrset: [Record], rrsig: Record, key: Record) -> SignatureCheck {
        defer { _ = drainOpenSSLErrors() }
        let list: OwnedRRList
        let sig: OwnedRR
        let keys: OwnedRRList
        do {
            list = try OwnedRRList(rrset)
            sig = try OwnedRR(rrsig)
            keys = try OwnedRRList([key])
        } catch {
            return .malformedKey(error.message)
        }
        let status = ldns_verify_rrsig_keylist_notime(list.pointer, sig.pointer, keys.pointer, nil)
        switch status {
        case LDNS_STATUS_OK:
            return .valid
        case LDNS_STATUS_CRYPTO_ALGO_NOT_IMPL, LDNS_STATUS_CRYPTO_UNKNOWN_ALGO:
            return .unsupportedAlgorithm
        case LDNS_STATUS_CRYPTO_BOGUS:
            return .invalid("signature does not verify")
        case LDNS_STATUS_SSL_ERR, LDNS_STATUS_MEM_ERR:
            return .malformedKey(LDNSError(status, context: "key").message)
        default:
            return .invalid(LDNSError(status, context: "verification").message)
        }
    }
}
