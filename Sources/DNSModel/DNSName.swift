/// A domain name as a sequence of raw labels (case preserved), root last-implied.
///
/// Equality, hashing and ordering are case-insensitive (ASCII only), as DNS
/// requires; ordering is the canonical order of RFC 4034 §6.1.
public struct DNSName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Labels from the leftmost to the rightmost, without the empty root label.
    public let labels: [[UInt8]]

    public static let root = DNSName(uncheckedLabels: [])
    public static let maxWireLength = 255
    public static let maxLabelLength = 63

    init(uncheckedLabels: [[UInt8]]) { self.labels = uncheckedLabels }

    /// Builds a name from labels, enforcing RFC 1035 length limits.
    public init(labels: [[UInt8]]) throws(DNSModelError) {
        for label in labels {
            if label.isEmpty { throw .invalidName("empty label") }
            if label.count > Self.maxLabelLength {
                throw .invalidName("label longer than 63 bytes")
            }
        }
        let wireLength = labels.reduce(1) { $0 + 1 + $1.count }
        if wireLength > Self.maxWireLength {
            throw .invalidName("name longer than 255 bytes on the wire (\(wireLength))")
        }
        self.labels = labels
    }

    /// Parses presentation format (`www.example.com.`, `\065`, `\.`). A name
    /// without a trailing dot is taken as fully qualified: on a command line an
    /// operator means `example.com` to be `example.com.`.
    public init(_ text: String) throws(DNSModelError) {
        if text == "." || text.isEmpty {
            if text.isEmpty { throw .invalidName("empty name") }
            self = .root
            return
        }
        var labels: [[UInt8]] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        var endedWithDot = false
        while index < bytes.count {
            let byte = bytes[index]
            endedWithDot = false
            if byte == UInt8(ascii: ".") {
                if current.isEmpty { throw .invalidName("empty label in '\(text)'") }
                labels.append(current)
                current = []
                endedWithDot = true
                index += 1
            } else if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { throw .invalidName("dangling escape in '\(text)'") }
                if let d0 = Self.digit(bytes[index]) {
                    guard index + 2 < bytes.count,
                          let d1 = Self.digit(bytes[index + 1]), let d2 = Self.digit(bytes[index + 2])
                    else { throw .invalidName("bad \\DDD escape in '\(text)'") }
                    let value = d0 * 100 + d1 * 10 + d2
                    guard value <= 255 else { throw .invalidName("escape \\\(value) out of range") }
                    current.append(UInt8(value))
                    index += 3
                } else {
                    current.append(bytes[index])
                    index += 1
                }
            } else {
                current.append(byte)
                index += 1
            }
        }
        if !current.isEmpty { labels.append(current) } else if !endedWithDot {
            throw .invalidName("empty name")
        }
        try self.init(labels: labels)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (byte >= 48 && byte <= 57) ? Int(byte - 48) : nil
    }

    /// Number of labels, not counting the root. `*.example.com.` has 3.
    public var labelCount: Int { labels.count }

    /// The label count an RRSIG over this owner carries (RFC 4034 §3.1.3):
    /// the root and a leading wildcard label are not counted.
    public var rrsigLabelCount: Int { isWildcard ? labels.count - 1 : labels.count }

    public var isRoot: Bool { labels.isEmpty }
    public var isWildcard: Bool { labels.first == [UInt8(ascii: "*")] }

    /// The name one label up; the root's parent is nil.
    public var parent: DNSName? {
        isRoot ? nil : DNSName(uncheckedLabels: Array(labels.dropFirst()))
    }

    /// This name with its leftmost labels removed so that `count` remain.
    public func suffix(labelCount count: Int) -> DNSName {
        DNSName(uncheckedLabels: Array(labels.suffix(max(0, min(count, labels.count)))))
    }

    /// `label.self`, checked against the length limits.
    public func prepending(_ label: [UInt8]) throws(DNSModelError) -> DNSName {
        try DNSName(labels: [label] + labels)
    }

    /// The wildcard `*.self`.
    public var wildcard: DNSName? { try? prepending([UInt8(ascii: "*")]) }

    /// True when `self` equals `other` or lies below it.
    public func isSubdomain(of other: DNSName) -> Bool {
        guard labels.count >= other.labels.count else { return false }
        return zip(labels.suffix(other.labels.count), other.labels).allSatisfy {
            Self.labelsEqual($0, $1)
        }
    }

    /// Ancestors from the root down to `self` included: `.`, `com.`, `example.com.`.
    public var lineage: [DNSName] {
        (0...labels.count).map { suffix(labelCount: $0) }
    }

    /// Uncompressed wire form, case preserved.
    public var wire: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(wireLength)
        for label in labels {
            out.append(UInt8(label.count))
            out.append(contentsOf: label)
        }
        out.append(0)
        return out
    }

    public var wireLength: Int { labels.reduce(1) { $0 + 1 + $1.count } }

    /// Wire form with ASCII letters lowercased (RFC 4034 §6.2).
    public var canonicalWire: [UInt8] { lowercased().wire }

    public func lowercased() -> DNSName {
        DNSName(uncheckedLabels: labels.map { $0.map(Self.lower) })
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }

    public static func labelsEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { lower($0) == lower($1) }
    }

    public static func == (lhs: DNSName, rhs: DNSName) -> Bool {
        lhs.labels.count == rhs.labels.count
            && zip(lhs.labels, rhs.labels).allSatisfy { labelsEqual($0, $1) }
    }

    public func hash(into hasher: inout Hasher) {
        for label in labels {
            hasher.combine(label.count)
            for byte in label { hasher.combine(Self.lower(byte)) }
        }
    }

    /// Canonical DNS name order (RFC 4034 §6.1): compare from the rightmost
    /// label, each label as lowercased bytes, a missing label sorting first.
    public static func < (lhs: DNSName, rhs: DNSName) -> Bool {
        canonicalCompare(lhs, rhs) < 0
    }

    public static func canonicalCompare(_ lhs: DNSName, _ rhs: DNSName) -> Int {
        var i = lhs.labels.count - 1
        var j = rhs.labels.count - 1
        while i >= 0 && j >= 0 {
            let result = compareLabels(lhs.labels[i], rhs.labels[j])
            if result != 0 { return result }
            i -= 1
            j -= 1
        }
        if i < 0 && j < 0 { return 0 }
        return i < 0 ? -1 : 1
    }

    private static func compareLabels(_ a: [UInt8], _ b: [UInt8]) -> Int {
        for (x, y) in zip(a, b) {
            let lx = lower(x), ly = lower(y)
            if lx != ly { return lx < ly ? -1 : 1 }
        }
        if a.count == b.count { return 0 }
        return a.count < b.count ? -1 : 1
    }

    /// Presentation format with a trailing dot, escaping as dig does.
    public var description: String {
        if isRoot { return "." }
        var out = ""
        for label in labels {
            for byte in label {
                switch byte {
                case UInt8(ascii: "."), UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: ";"),
                     UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "@"), UInt8(ascii: "$"):
                    out.append("\\")
                    out.append(Character(Unicode.Scalar(byte)))
                case 33...126:
                    out.append(Character(Unicode.Scalar(byte)))
                default:
                    let digits = String(byte)
                    out.append("\\" + String(repeating: "0", count: 3 - digits.count) + digits)
                }
            }
            out.append(".")
        }
        return out
    }
}

extension DNSName: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try DNSName(text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
