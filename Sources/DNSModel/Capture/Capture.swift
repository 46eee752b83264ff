import Foundation

/// Everything one run asked and heard, so that analysis is a pure function
/// of it and can be replayed offline (docs/capture-format.md).
public struct Capture: Sendable, Hashable, Codable {
    /// "major.minor": a reader rejects another major, or a newer minor.
    public static let currentFormatVersion = "1.2"

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
    /// A zone checked on given name servers as if its parent delegated it
    /// (`--ns`, format 1.2): the replay walks it the same way.
    public var undelegated: Undelegated?
    public var exchanges: [Exchange]

    public init(tool: String, startTime: Double, endTime: Double, names: [DNSName], types: [RRType],
                trustAnchors: [String], rootHints: [String], undelegated: Undelegated? = nil, exchanges: [Exchange]) {
        self.formatVersion = Self.currentFormatVersion
        self.tool = tool
        self.startTime = startTime
        self.endTime = endTime
        self.names = names
        self.types = types
        self.trustAnchors = trustAnchors
        self.rootHints = rootHints
        self.undelegated = undelegated
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

/// Pre-delegation testing (`--ns`): a zone and the name servers its parent
/// would delegate it to, with their addresses (none: looked up, for names
/// outside the zone). The walk takes this as the parent's referral.
public struct Undelegated: Sendable, Hashable, Codable {
    public struct NameServer: Sendable, Hashable, Codable {
        public var name: DNSName
        public var addresses: [ServerAddress]
        public init(name: DNSName, addresses: [ServerAddress]) {
            self.name = name
            self.addresses = addresses
        }
    }

    public var zone: DNSName
    public var nameServers: [NameServer]

    public init(zone: DNSName, nameServers: [NameServer]) {
        self.zone = zone
        self.nameServers = nameServers
    }
}
