/// Reads big-endian fields from uncompressed wire data, throwing instead of
/// trapping when the data runs out.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    let context: String

    init(_ bytes: [UInt8], offset: Int = 0, context: String) {
        self.bytes = bytes
        self.offset = offset
        self.context = context
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset >= bytes.count }

    mutating func u8() throws(DNSModelError) -> UInt8 {
        guard remaining >= 1 else { throw .truncated(context) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u16() throws(DNSModelError) -> UInt16 {
        guard remaining >= 2 else { throw .truncated(context) }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func u32() throws(DNSModelError) -> UInt32 {
        guard remaining >= 4 else { throw .truncated(context) }
        defer { offset += 4 }
        return bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func take(_ count: Int) throws(DNSModelError) -> [UInt8] {
        guard count >= 0, remaining >= count else { throw .truncated(context) }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func rest() -> [UInt8] {
        defer { offset = bytes.count }
        return Array(bytes[offset...])
    }

    /// An uncompressed name (RDATA of DNSSEC types never uses compression).
    mutating func name() throws(DNSModelError) -> DNSName {
        var labels: [[UInt8]] = []
        while true {
            let length = try u8()
            if length == 0 { break }
            if length & 0xC0 != 0 { throw .malformed("compressed or extended label in \(context)") }
            labels.append(try take(Int(length)))
        }
        return try DNSName(labels: labels)
    }

    /// An NSEC/NSEC3 type bitmap (RFC 4034 §4.1.2).
    mutating func typeBitmap() throws(DNSModelError) -> [RRType] {
        var types: [RRType] = []
        var lastWindow = -1
        while !isAtEnd {
            let window = Int(try u8())
            let length = Int(try u8())
            guard window > lastWindow, (1...32).contains(length) else {
                throw .malformed("type bitmap window in \(context)")
            }
            lastWindow = window
            for (index, byte) in try take(length).enumerated() where byte != 0 {
                for bit in 0..<8 where byte & (0x80 >> bit) != 0 {
                    types.append(RRType(UInt16(window * 256 + index * 8 + bit)))
                }
            }
        }
        return types
    }
}

/// Writes big-endian fields.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u16(_ value: UInt16) { bytes.append(UInt8(value >> 8)); bytes.append(UInt8(value & 0xFF)) }
    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
    mutating func append(_ data: [UInt8]) { bytes.append(contentsOf: data) }
}
