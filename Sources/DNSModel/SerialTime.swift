/// RRSIG times are 32-bit serial numbers (RFC 4034 §3.1.5): seconds since
/// 1970 modulo 2^32, compared with RFC 1982 serial arithmetic so that they
/// keep working past 2038 and 2106.
public enum SerialTime {
    /// Distance from `reference` to the serial time `value`, in seconds
    /// (negative when `value` is before `reference`), per RFC 1982.
    public static func offset(of value: UInt32, from reference: Int64) -> Int64 {
        let ref32 = UInt32(truncatingIfNeeded: reference)
        return Int64(Int32(bitPattern: value &- ref32))
    }

    /// The absolute Unix time nearest to `reference` that `value` stands for.
    public static func absolute(_ value: UInt32, near reference: Int64) -> Int64 {
        reference + offset(of: value, from: reference)
    }

    /// RFC 1982 "s1 < s2" for 32-bit serial numbers.
    public static func isBefore(_ s1: UInt32, _ s2: UInt32) -> Bool {
        s1 != s2 && (s2 &- s1) < 0x8000_0000
    }
}
