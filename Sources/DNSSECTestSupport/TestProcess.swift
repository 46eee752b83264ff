import Foundation

// Shared by the test targets that run programs: the built dnssec-check,
// the peer tools (ldns-key2ds, dnssec-dsfromkey) and python3. Not part of
// the product; only test targets depend on it.

/// The package root, found by walking up from this file to Package.swift.
public enum PackageRoot {
    public static let url: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()
}

public enum TestBinary {
    /// The built dnssec-check, looked up in this order:
    /// 1. `DNSSEC_CHECK_BIN`;
    /// 2. next to the test runner (the products directory of whatever scratch
    ///    path the tests were built with: `.build`, `.build-tests`, …);
    /// 3. the most recently built `.build*/debug|release/dnssec-check` under the package root.
    public static let dnssecCheck: URL? = {
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
        if let executableURL = Bundle.main.executableURL { directories.append(executableURL.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for directory in directories {
            if let found = executable(directory.appendingPathComponent("dnssec-check")) { return found }
        }
        let root = PackageRoot.url
        let scratch = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }
        let candidates = scratch.flatMap { dir in
            ["debug", "release"].map { root.appendingPathComponent(dir).appendingPathComponent($0).appendingPathComponent("dnssec-check") }
        }.compactMap(executable)
        return candidates.max { a, b in
            let da = (try? fm.attributesOfItem(atPath: a.path)[.modificationDate] as? Date) ?? .distantPast
            let db = (try? fm.attributesOfItem(atPath: b.path)[.modificationDate] as? Date) ?? .distantPast
            return da < db
        }
    }()
}

public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    /// True when the process died of a signal (a Swift trap, a crash).
    public let crashed: Bool
}

public struct TestProcessFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

public enum TestProcess {
    /// Runs a program to completion. Output goes through temporary files, not
    /// pipes, so a chatty program can never block on a full pipe.
    public static func run(_ path: String, _ arguments: [String], stdin: String? = nil, directory: URL? = nil,
                           environment: [String: String]? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("dnssec-check-test-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = fm.createFile(atPath: outURL.path, contents: nil)
        _ = fm.createFile(atPath: errURL.path, contents: nil)
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
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: fm.contents(atPath: outURL.path) ?? Data(), as: UTF8.self),
                             stderr: String(decoding: fm.contents(atPath: errURL.path) ?? Data(), as: UTF8.self),
                             crashed: process.terminationReason == .uncaughtSignal)
    }

    /// The full path of a program on PATH (or in the usual system folders).
    public static func which(_ name: String) -> String? {
        let env = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = env.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/sbin", "/usr/local/bin"]
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
