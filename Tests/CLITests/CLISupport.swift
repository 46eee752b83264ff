import DNSSECTestSupport
import Foundation

/// Finding and running the built `dnssec-check` binary.
enum CLI {
    static var binary: URL? { TestBinary.dnssecCheck }

    typealias Result = ProcessResult

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Result {
        guard let binary else {
            throw Failure(description: "dnssec-check binary not found: build it (swift build) or set DNSSEC_CHECK_BIN")
        }
        return try runTool(binary.path, arguments, stdin: stdin, in: directory)
    }

    static func runTool(_ path: String, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Result {
        try TestProcess.run(path, arguments, stdin: stdin, directory: directory)
    }

    static func toolPath(_ name: String) -> String? { TestProcess.which(name) }

    static func tool(_ name: String, _ arguments: [String], in directory: URL) throws -> String {
        guard let path = toolPath(name) else { throw Failure(description: "\(name) is not installed") }
        let result = try runTool(path, arguments, in: directory)
        guard result.status == 0 else { throw Failure(description: "\(name) \(arguments) exited \(result.status): \(result.stderr)") }
        return result.stdout
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dnssec-check-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The fields of a DS record line as printed by ldns, dig or dnssec-dsfromkey.
struct DSFields: Equatable, CustomStringConvertible {
    let owner: String
    let keyTag: Int
    let algorithm: Int
    let digestType: Int
    let digest: String

    /// Parses `owner [TTL] [CLASS] DS tag alg type digest…`.
    init?(_ line: String) {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let ds = tokens.firstIndex(where: { $0.uppercased() == "DS" }), ds >= 1, tokens.count >= ds + 5,
              let tag = Int(tokens[ds + 1]), let alg = Int(tokens[ds + 2]), let type = Int(tokens[ds + 3]) else { return nil }
        owner = tokens[0].lowercased()
        keyTag = tag
        algorithm = alg
        digestType = type
        digest = tokens[(ds + 4)...].joined().uppercased()
    }

    var description: String { "\(owner) DS \(keyTag) \(algorithm) \(digestType) \(digest)" }

    static func all(in text: String) -> [DSFields] {
        text.split(separator: "\n").compactMap { DSFields(String($0)) }
    }
}
