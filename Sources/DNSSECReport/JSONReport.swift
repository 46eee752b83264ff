import DNSSECAnalysis
import Foundation

/// The versioned JSON document (docs/report-schema.md): stable key order,
/// snake_case keys, times in RFC 3339 UTC and as seconds left.
public struct JSONReport: Encodable {
    public static let schemaVersion = "1.0"

    public let schemaVersion: String
    public let tool: String
    public let reports: [NameReport]

    public init(tool: String, reports: [NameReport]) {
        self.schemaVersion = Self.schemaVersion
        self.tool = tool
        self.reports = reports
    }

    public func encoded(pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
