import DNSModel
import LDNSBridge

/// The set arithmetic of authenticated denial (RFC 4034 §4, RFC 5155 §8).
public enum Denial {
    /// True when the NSEC at `owner` covers `name`: `name` sorts strictly
    /// between owner and next, including the last NSEC whose next wraps to the apex.
    public static func nsecCovers(owner: DNSName, next: DNSName, name: DNSName) -> Bool {
        if owner < next { return owner < name && name < next }
        // Last NSEC of the zone: next is the apex, so everything after owner is covered.
        return owner < name || name < next
    }

    public static func nsecMatches(owner: DNSName, name: DNSName) -> Bool { owner == name }

    /// The hash an NSEC3 owner label carries (base32hex), or nil if the label is not a hash.
    public static func nsec3OwnerHash(_ owner: DNSName) -> [UInt8]? {
        guard let label = owner.labels.first else { return nil }
        return Encodings.fromBase32hex(label)
    }

    public static func nsec3Hash(_ name: DNSName, iterations: UInt16, salt: [UInt8]) throws(LDNSError) -> [UInt8] {
        try LDNSCrypto.nsec3Hash(of: name, iterations: iterations, salt: salt)
    }

    /// True when the NSEC3 span (ownerHash, nextHash) covers `hash`,
    /// including the last NSEC3 whose next hash wraps around.
    public static func nsec3Covers(ownerHash: [UInt8], nextHash: [UInt8], hash: [UInt8]) -> Bool {
        let less: ([UInt8], [UInt8]) -> Bool = { $0.lexicographicallyPrecedes($1) }
        if less(ownerHash, nextHash) { return less(ownerHash, hash) && less(hash, nextHash) }
        return less(ownerHash, hash) || less(hash, nextHash)
    }

    public static func nsec3Matches(ownerHash: [UInt8], hash: [UInt8]) -> Bool { ownerHash == hash }
}
