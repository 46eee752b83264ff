import DNSModel
import LDNSBridge

/// What a DNSKEY is, in the terms an operator reads: tag, algorithm, size, role.
public struct DNSKEYFacts: Sendable, Hashable {
    public let owner: DNSName
    public let key: DNSKEYData
    public let keyTag: UInt16
    /// Key size in bits; nil when the key material is malformed or the
    /// algorithm's key format is unknown.
    public let keySize: Int?

    public init(owner: DNSName, key: DNSKEYData) {
        self.owner = owner
        self.key = key
        self.keyTag = LDNSCrypto.keyTag(dnskeyRDATA: key.rdata)
        self.keySize = KeySize.bits(of: key)
    }

    public init(record: Record) throws(DNSModelError) {
        self.init(owner: record.owner, key: try DNSKEYData(rdata: record.rdata))
    }

    /// KSK for SEP keys, ZSK otherwise (roles are conventions: RFC 4034
    /// §2.1.1 says the SEP bit must not change validation).
    public enum Role: String, Sendable, Hashable {
        case ksk = "KSK", zsk = "ZSK"
    }

    public var role: Role { key.isSecureEntryPoint ? .ksk : .zsk }

    public var record: Record {
        Record(owner: owner, type: .dnskey, ttl: 0, rdata: key.rdata)
    }
}

/// Key sizes from the public key material (RFC 3110 for RSA, fixed sizes
/// for the elliptic-curve algorithms of RFC 6605 and RFC 8080).
public enum KeySize {
    public static func bits(of key: DNSKEYData) -> Int? {
        switch key.algorithm.rawValue {
        case 1, 5, 7, 8, 10:
            return rsaModulusBits(key.publicKey)
        case 13: return key.publicKey.count == 64 ? 256 : nil
        case 14: return key.publicKey.count == 96 ? 384 : nil
        case 15: return key.publicKey.count == 32 ? 256 : nil
        case 16: return key.publicKey.count == 57 ? 456 : nil
        default: return nil
        }
    }

    /// The modulus length in bits of an RFC 3110 RSA public key, leading zero bits excluded.
    static func rsaModulusBits(_ key: [UInt8]) -> Int? {
        guard let first = key.first else { return nil }
        var offset = 1
        var exponentLength = Int(first)
        if first == 0 {
            guard key.count >= 3 else { return nil }
            exponentLength = Int(key[1]) << 8 | Int(key[2])
            offset = 3
        }
        let modulusStart = offset + exponentLength
        guard exponentLength > 0, modulusStart < key.count else { return nil }
        let modulus = key[modulusStart...].drop { $0 == 0 }
        guard let top = modulus.first else { return nil }
        return (modulus.count - 1) * 8 + (8 - top.leadingZeroBitCount)
    }
}
