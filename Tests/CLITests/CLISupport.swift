import Foundation

/// Finding and running the built `dnssec-check` binary.
enum CLI {
    /// The binary, looked up in this order:
    /// 1. `DNSSEC_CHECK_BIN`;
    /// 2. next to the test bundle / runner (the products directory of whatever
    ///    scratch path the tests were built with: `.build`, `.build-tests`, …);
    /// 3. `.build*/debug` and `.build*/release` under the package root found from `#filePath`.
    static let binary: URL? = {
        let fm = FileManager.default
        func executable(_ url: URL) -> URL? {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  fm.isExecutableFile(atPath: url.path) else { return nil }
            return url
        }
        if let path = ProcessInfo.processInfo.environment["DNSSEC_CHECK_BIN"], !path.isEmpty {
            return executable(URL(fileURLWithPath: path))
        }
        var directories: [URL] = []
        if let first = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        directories.append(Bundle.main.bundleURL)
        if let executableURL = Bundle.main.executableURL {
            directories.append(executableURL.deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for directory in directories {
            if let found = executable(directory.appendingPathComponent("dnssec-check")) { return found }
        }
        // Walk up from this file to the package root.
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while root.path != "/" && !fm.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root = root.deletingLastPathComponent()
        }
        let scratch = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }.sorted()
        let candidates = scratch.flatMap { dir in
            ["debug", "release"].map { root.appendingPathComponent(dir).appendingPathComponent($0).appendingPathComponent("dnssec-check") }
        }.compactMap(executable)
        // The most recently built one.
        return candidates.max { a, b in
            let da = (try? fm.attributesOfItem(atPath: a.path)[.modificationDate] as? Date) ?? .distantPast
            let db = (try? fm.attributesOfItem(atPath: b.path)[.modificationDate] as? Date) ?? .distantPast
            return da < db
        }
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let crashed: Bool
    }

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = scratch.appendingPathComponent("in")
            try stdin.write(to: inURL, atomically: true, encoding: .utf8)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: FileManager.default.contents(atPath: outURL.path) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: FileManager.default.contents(atPath: errURL.path) ?? Data(), as: UTF8.self),
                      crashed: process.terminationReason == .uncaughtSignal)
    }

    static func toolPath(_ name: String) -> String? {
        let env = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = env.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/sbin", "/usr/local/bin"]
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

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
