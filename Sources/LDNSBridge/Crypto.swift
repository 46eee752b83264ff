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
        // ldns 1.8.3 writes each record's RDLENGTH back at a 16-bit position,
        // so a signed form past 64 KB is silently corrupted: build that one
        // record by record (each well under 64 KB) and verify the bytes.
        let signedSize = signedFormSize(rrset: rrset, rrsig: rrsig)
        if signedSize > largeSignedForm { return checkLargeSignature(rrset: rrset, rrsig: rrsig, key: key) }
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

    /// The signed form's size (RFC 4034 §3.1.8.1) before it is built: the
    /// RRSIG RDATA (its signature included, an overestimate) and each record
    /// uncompressed.
    static func signedFormSize(rrset: [Record], rrsig: Record) -> Int {
        rrsig.rdata.count + rrset.reduce(0) { $0 + $1.owner.wireLength + 10 + $1.rdata.count }
    }

    /// Signed forms above this many bytes take the record-by-record path.
    static let largeSignedForm = 60_000

    /// A signed form past ldns's 64 KB limit: built by `signedForm`, checked
    /// by ldns's buffer verification.
    static func checkLargeSignature(rrset: [Record], rrsig: Record, key: Record) -> SignatureCheck {
        guard let sig = try? RRSIGData(rdata: rrsig.rdata), let dnskey = try? DNSKEYData(rdata: key.rdata) else {
            return .malformedKey("unparsable RRSIG or DNSKEY")
        }
        let signed: [UInt8]
        switch signedForm(rrset: rrset, rrsig: rrsig) {
        case .success(let bytes): signed = bytes
        case .failure(let failure): return failure.check
        }
        guard let signature = try? OwnedRR(rrsig) else { return .malformedKey("unparsable RRSIG") }
        guard let sigRDF = ldns_rr_rrsig_sig(signature.pointer), let raw = OwnedBuffer(capacity: 1024),
              let keyBuffer = OwnedBuffer(bytes: dnskey.publicKey), let data = OwnedBuffer(bytes: signed)
        else { return .invalid("out of memory") }
        // ECDSA signatures are r|s in DNS (RFC 6605 §4) and DER for OpenSSL.
        let converted = [13, 14].contains(sig.algorithm.rawValue)
            ? ldns_convert_ecdsa_rrsig_rdf2asn1(raw.pointer, sigRDF)
            : ldns_rdf2buffer_wire(raw.pointer, sigRDF)
        guard converted == LDNS_STATUS_OK else { return .invalid("the signature could not be decoded") }
        switch ldns_verify_rrsig_buffers(raw.pointer, data.pointer, keyBuffer.pointer, sig.algorithm.rawValue) {
        case LDNS_STATUS_OK: return .valid
        case LDNS_STATUS_CRYPTO_ALGO_NOT_IMPL, LDNS_STATUS_CRYPTO_UNKNOWN_ALGO: return .unsupportedAlgorithm
        case LDNS_STATUS_CRYPTO_BOGUS: return .invalid("signature does not verify")
        case let status: return .malformedKey(LDNSError(status, context: "key").message)
        }
    }

    /// A DNSKEY turned into OpenSSL's key once, for checking many signatures
    /// with it (a zone file's tens of thousands): ECDSA P-256 and P-384.
    /// Everything a verification needs that does not depend on the
    /// signature is made here once, not per signature: the key (whose
    /// conversion costs as much as a verification), a verification context
    /// initialised for it and the fetched digest. Other algorithms take
    /// `checkSignature(rrset:rrsig:key:)`. Not shared between threads.
    public final class PreparedKey {
        let pkey: OpaquePointer
        let context: OpaquePointer
        let digest: OpaquePointer
        public let algorithm: UInt8

        public init?(dnskey: DNSKEYData) {
            let algorithm = dnskey.algorithm.rawValue
            guard algorithm == 13 || algorithm == 14 else { return nil }
            defer { _ = drainOpenSSLErrors() }
            guard let made = dnskey.publicKey.withUnsafeBufferPointer({ ldns_ecdsa2pkey_raw($0.baseAddress, $0.count, algorithm) })
            else { return nil }
            guard let context = EVP_PKEY_CTX_new(made, nil), EVP_PKEY_verify_init(context) == 1,
                  let digest = EVP_MD_fetch(nil, algorithm == 13 ? "SHA256" : "SHA384", nil) else {
                EVP_PKEY_free(made)
                return nil
            }
            pkey = made
            self.context = context
            self.digest = digest
            self.algorithm = algorithm
        }

        deinit {
            EVP_MD_free(digest)
            EVP_PKEY_CTX_free(context)
            EVP_PKEY_free(pkey)
        }
    }

    /// The same check as `checkSignature(rrset:rrsig:key:)` with a prepared
    /// key: the signed form (RFC 4034 §3.1.8.1) built by ldns in one buffer,
    /// its digest, the signature converted to DER (RFC 6605 §4: r|s in DNS)
    /// by ldns, one verification in the key's own context.
    public static func checkSignature(rrset: [Record], rrsig: Record, key: PreparedKey) -> SignatureCheck {
        defer { _ = drainOpenSSLErrors() }
        let signedSize = signedFormSize(rrset: rrset, rrsig: rrsig)
        if signedSize > largeSignedForm {
            switch signedForm(rrset: rrset, rrsig: rrsig) {
            case .success(let signed):
                guard let buffer = OwnedBuffer(bytes: signed) else { return .invalid("out of memory") }
                return verify(signed: buffer, rrsig: rrsig, key: key)
            case .failure(let failure): return failure.check
            }
        }
        guard let sig = try? RRSIGData(rdata: rrsig.rdata) else { return .malformedKey("unparsable RRSIG or DNSKEY") }
        let signature: OwnedRR, list: OwnedRRList
        do {
            signature = try OwnedRR(rrsig)
            list = try canonicalList(rrset, originalTTL: sig.originalTTL, labels: sig.labels)
        } catch {
            return .malformedKey(error.message)
        }
        guard let signed = OwnedBuffer(capacity: signedSize),
              ldns_rrsig2buffer_wire(signed.pointer, signature.pointer) == LDNS_STATUS_OK,
              ldns_rr_list2buffer_wire(signed.pointer, list.pointer) == LDNS_STATUS_OK
        else { return .invalid("the signed data could not be encoded") }
        return verify(signed: signed, rrsig: signature, key: key)
    }

    private static func verify(signed: OwnedBuffer, rrsig: Record, key: PreparedKey) -> SignatureCheck {
        guard let signature = try? OwnedRR(rrsig) else { return .malformedKey("unparsable RRSIG") }
        return verify(signed: signed, rrsig: signature, key: key)
    }

    private static func verify(signed: OwnedBuffer, rrsig: OwnedRR, key: PreparedKey) -> SignatureCheck {
        guard let sigRDF = ldns_rr_rrsig_sig(rrsig.pointer), let der = OwnedBuffer(capacity: 128),
              ldns_convert_ecdsa_rrsig_rdf2asn1(der.pointer, sigRDF) == LDNS_STATUS_OK
        else { return .invalid("the signature could not be decoded") }
        var hash = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var hashLength: UInt32 = 0
        guard EVP_Digest(ldns_buffer_begin(signed.pointer), ldns_buffer_position(signed.pointer), &hash, &hashLength,
                         key.digest, nil) == 1
        else { return .invalid("the signed data could not be hashed") }
        switch EVP_PKEY_verify(key.context, ldns_buffer_begin(der.pointer), ldns_buffer_position(der.pointer), hash, Int(hashLength)) {
        case 1: return .valid
        case 0: return .invalid("signature does not verify")
        default: return .invalid("verification failed in OpenSSL")
        }
    }

    /// The RRset as it is signed: each record with the original TTL and,
    /// for a wildcard expansion (fewer labels than the owner), the wildcard
    /// owner (RFC 4035 §5.3.2), canonicalised and sorted by ldns.
    static func canonicalList(_ rrset: [Record], originalTTL: UInt32, labels: UInt8) throws(LDNSError) -> OwnedRRList {
        let list = OwnedRRList()
        for record in rrset {
            let rr: UnsafeMutablePointer<ldns_rr>
            if Int(labels) < record.owner.rrsigLabelCount, let wildcard = record.owner.suffix(labelCount: Int(labels)).wildcard {
                var copy = record
                copy.owner = wildcard
                rr = try OwnedRR.make(copy)
            } else {
                rr = try OwnedRR.make(record)
            }
            ldns_rr_set_ttl(rr, originalTTL)
            ldns_rr2canonical(rr)
            ldns_rr_list_push_rr(list.pointer, rr)
        }
        ldns_rr_list_sort(list.pointer)
        return list
    }

    /// RFC 4034 §3.1.8.1: the RRSIG RDATA without its signature, then each
    /// record in canonical form and order, with the original TTL and, for a
    /// wildcard expansion, the wildcard owner; ldns canonicalises, sorts and
    /// encodes, only the concatenation is ours (so it also works past 64 KB).
    /// Fails with the check's result: a record ldns cannot take is reported
    /// as a malformed key (as before), an encoding failure as invalid.
    static func signedForm(rrset: [Record], rrsig: Record) -> Result<[UInt8], SignatureCheckFailure> {
        guard let sig = try? RRSIGData(rdata: rrsig.rdata) else { return .failure(.init(.malformedKey("unparsable RRSIG or DNSKEY"))) }
        let signature: OwnedRR, list: OwnedRRList
        do {
            signature = try OwnedRR(rrsig)
            list = try canonicalList(rrset, originalTTL: sig.originalTTL, labels: sig.labels)
        } catch {
            return .failure(.init(.malformedKey(error.message)))
        }
        guard let head = OwnedBuffer(capacity: 1024), ldns_rrsig2buffer_wire(head.pointer, signature.pointer) == LDNS_STATUS_OK
        else { return .failure(.init(.invalid("the RRSIG could not be encoded"))) }
        var signed = head.written
        for index in 0..<ldns_rr_list_rr_count(list.pointer) {
            guard let rr = ldns_rr_list_rr(list.pointer, index), let one = OwnedBuffer(capacity: 1024),
                  ldns_rr2buffer_wire_canonical(one.pointer, rr, Int32(LDNS_SECTION_ANSWER.rawValue)) == LDNS_STATUS_OK
            else { return .failure(.init(.invalid("a record could not be encoded"))) }
            signed += one.written
        }
        return .success(signed)
    }

    /// A `SignatureCheck` carried as an error.
    struct SignatureCheckFailure: Error {
        let check: SignatureCheck
        init(_ check: SignatureCheck) { self.check = check }
    }
}
