import Foundation

/// Everything one run asked and heard, so that analysis is a pure function
/// of it and can be replayed offline (docs/capture-format.md).
public struct Capture: Sendable, Hashable, Codable {
    /// "major.minor": a reader rejects another major, or a newer minor.
    public static let currentFormatVersion = "1.1"

    public var formatVersion: String
    public var tool: String
    /// Unix time the collection started and ended; `endTime` is the default
    /// reference time of an offline analysis.
    public var startTime: Double
    public var endTime: Double
    /// The names that were asked about and the types requested.
    public var names: [DNSName]
    public var types: [RRType]
    /// Trust anchors and root hints in effect, in zone-file syntax.
    public var trustAnchors: [String]
    public var rootHints: [String]
    public var exchanges: [Exchange]

    public init(tool: String, startTime: Double, endTime: Double, names: [DNSName], types: [RRType],
                trustAnchors: [String], rootHints: [String], exchanges: [Exchange]) {
        self.formatVersion = Self.currentFormatVersion
        self.tool = tool
        self.startTime = startTime
        self.endTime = endTime
        self.names = names
        self.types = types
        self.trustAnchors = trustAnchors
        self.rootHints = rootHints
        self.exchanges = exchanges
    }

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case incompatibleVersion(found: String, supported: String)
        case unreadable(String)

        public var description: String {
            switch self {
            case .incompatibleVersion(let found, let supported):
                return "capture format \(found) is not supported (this dnssec-check reads \(supported) and older minor versions of the same major)"
            case .unreadable(let why):
                return "capture cannot be read: \(why)"
            }
        }
    }

    /// Decodes a capture, checking the format version before anything else.
    public static func load(from data: Data) throws(LoadError) -> Capture {
        struct VersionOnly: Decodable { var formatVersion: String }
        let version: String
        do { version = try JSONDecoder().decode(VersionOnly.self, from: data).formatVersion } catch {
            throw .unreadable("not a dnssec-check capture (\(error.localizedDescription))")
        }
        guard isReadable(version) else {
            throw .incompatibleVersion(found: version, supported: currentFormatVersion)
        }
        do { return try JSONDecoder().decode(Capture.self, from: data) } catch {
            throw .unreadable("\(error)")
        }
    }

    static func isReadable(_ version: String) -> Bool {
        let mine = currentFormatVersion.split(separator: ".").compactMap { Int($0) }
        let theirs = version.split(separator: ".").compactMap { Int($0) }
        guard theirs.count == 2, mine.count == 2 else { return false }
        return theirs[0] == mine[0] && theirs[1] <= mine[1]
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
