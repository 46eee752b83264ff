import DNSModel
import DNSSECTestSupport
import Foundation

/// Running the built `dnssec-check` (and Python, for the real parsers) from
/// the report tests. The binary: `DNSSEC_CHECK_BIN`, else the most recently
/// built `.build*/debug|release/dnssec-check` under the package root.
enum Tool {
    static var root: URL { PackageRoot.url }

    static var binary: URL? { TestBinary.dnssecCheck }

    static var captures: [String] {
        let dir = root.appendingPathComponent("Tests/AnalysisTests/Fixtures/captures")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The first name a capture was made for, as its reports print it.
    static func captureName(_ capture: String) throws -> String {
        struct Names: Decodable { let names: [String] }
        let data = try Data(contentsOf: URL(fileURLWithPath: capturePath(capture)))
        return try JSONDecoder().decode(Names.self, from: data).names.first ?? ""
    }

    static func capturePath(_ name: String) -> String {
        root.appendingPathComponent("Tests/AnalysisTests/Fixtures/captures/\(name).json").path
    }

    static var labIsUp: Bool { ProcessInfo.processInfo.environment["DNSSEC_LAB_UP"] == "1" }

    typealias Result = ProcessResult

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The environment every run gets: a UTF-8 locale, no NO_COLOR, and the
    /// loopback guard, so no test can reach the real internet.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["LC_ALL"] = "C.UTF-8"
        env["DNSSEC_CHECK_LOOPBACK_ONLY"] = "1"
        for (key, value) in extra { env[key] = value }
        return env
    }

    static func dnssecCheck(_ arguments: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> Result {
        guard let binary else {
            throw Failure(description: "dnssec-check binary not found: build it (swift build) or set DNSSEC_CHECK_BIN")
        }
        return try run(binary.path, arguments, stdin: stdin, env: env)
    }

    static func run(_ path: String, _ arguments: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> Result {
        try TestProcess.run(path, arguments, stdin: stdin, directory: root, environment: environment(env))
    }

    static var python: String? { TestProcess.which("python3") }

    /// Whether `python3 -c "import MODULE"` works (jsonschema, prometheus_client).
    static func hasPythonModule(_ module: String) -> Bool {
        guard let python else { return false }
        return (try? run(python, ["-c", "import \(module)"]).status) == 0
    }

    /// Runs a Python script with `input` on standard input.
    static func python(_ script: String, arguments: [String] = [], input: String) throws -> Result {
        guard let python else { throw Failure(description: "python3 not found") }
        return try run(python, ["-c", script] + arguments, stdin: input)
    }

    /// One capture holding every recorded scenario, so that multi-name
    /// output can be tested offline.
    /// The captures recorded from the same lab build as `ok` (the same root
    /// keys): those one merged replay can answer for together.
    static var mergeable: [String] {
        get throws {
            let ok = try Capture.load(from: Data(contentsOf: URL(fileURLWithPath: capturePath("ok"))))
            return try ["ok"] + captures.filter { $0 != "ok" }.filter {
                try Capture.load(from: Data(contentsOf: URL(fileURLWithPath: capturePath($0)))).trustAnchors == ok.trustAnchors
            }
        }
    }

    /// The `mergeable` captures merged into one.
    static func mergedCapture() throws -> String {
        var merged: Capture? = nil
        for name in try mergeable {
            let capture = try Capture.load(from: Data(contentsOf: URL(fileURLWithPath: capturePath(name))))
            if var current = merged {
                current.names += capture.names
                current.exchanges += capture.exchanges
                current.startTime = min(current.startTime, capture.startTime)
                current.endTime = max(current.endTime, capture.endTime)
                merged = current
            } else {
                merged = capture
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("merged-\(UUID().uuidString).json").path
        try merged!.encoded().write(to: URL(fileURLWithPath: path))
        return path
    }
}
