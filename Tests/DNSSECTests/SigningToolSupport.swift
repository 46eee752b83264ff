import DNSModel
import DNSSEC
import Foundation
import LDNSBridge

/// Running the signers of ldnsutils and bind9-utils from the tests.
enum Tools {
    static func path(_ name: String) -> String? {
        let env = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = env.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"]
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let ldnsAvailable = path("ldns-keygen") != nil && path("ldns-signzone") != nil
    static let bindAvailable = path("dnssec-keygen") != nil && path("dnssec-signzone") != nil

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a tool to completion; throws with its stderr when it fails.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> String {
        guard let executable = path(tool) else { throw Failure(description: "\(tool) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("tool-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read stdout to its end before waiting, so that the tool cannot block on a full pipe.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errURL.path) ?? Data()
        let stdout = String(decoding: outData, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: errData, as: UTF8.self))")
        }
        return stdout
    }
}

enum SignerTool: String, Sendable, CaseIterable {
    case ldns, bind
}

struct SigningCase: Sendable, Hashable, CustomStringConvertible {
    let tool: SignerTool
    let algorithm: UInt8
    let nsec3: Bool
    var description: String { "\(tool.rawValue)-signed, algorithm \(algorithm), \(nsec3 ? "NSEC3" : "NSEC")" }

    static let algorithms: [UInt8] = [5, 7, 8, 10, 13, 14, 15, 16]

    /// RSASHA1 (5) predates NSEC3 and may not be used with it (RFC 5155 §2).
    static func cases(for tool: SignerTool) -> [SigningCase] {
        algorithms.flatMap { alg in
            [false, true].compactMap { nsec3 in alg == 5 && nsec3 ? nil : SigningCase(tool: tool, algorithm: alg, nsec3: nsec3) }
        }
    }
}

/// The zone signed by every tool: a wildcard, a delegation with DS and glue,
/// empty non-terminals, mixed-case owners and names in RDATA.
enum TestZone {
    static let origin = try! DNSName("Example.")
    static let text = """
        $ORIGIN Example.
        $TTL 3600
        @       IN SOA  ns1.Example. hostmaster.Example. ( 2024010101 3600 900 604800 300 )
                IN NS   ns1
                IN NS   NS2.Example.
                IN MX   10 Mail
                IN TXT  "apex"
        ns1     IN A    192.0.2.1
        NS2     IN A    192.0.2.2
        Mail    IN A    192.0.2.3
        Mail    IN AAAA 2001:db8::3
        www     IN CNAME Host.Example.
        Host    IN A    192.0.2.4
        Host    IN A    192.0.2.5
        *.Wild  IN TXT  "wildcard"
        *.Wild  IN MX   5 Mail.Example.
        sub     IN NS   ns.sub
        sub     IN NS   NS2.Example.
        sub     IN DS   12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
        ns.sub  IN A    192.0.2.53
        a.b.ent IN TXT  "below two empty non-terminals"
        UPPER.lower.MiXeD 600 IN A 192.0.2.99

        """

    /// Names that own data in the zone (not the occluded glue below `sub`).
    static let authoritativeNames = [
        "Example.", "ns1.Example.", "NS2.Example.", "Mail.Example.", "www.Example.", "Host.Example.",
        "*.Wild.Example.", "sub.Example.", "a.b.ent.Example.", "UPPER.lower.MiXeD.Example.",
    ].map { try! DNSName($0) }
    static let emptyNonTerminals = ["Wild.Example.", "b.ent.Example.", "ent.Example.", "lower.MiXeD.Example.", "MiXeD.Example."]
        .map { try! DNSName($0) }
    static let nonexistent = ["nope.Example.", "zzzz.Example.", "a.Host.Example.", "0.Example.", "c.ent.Example.", "x.UPPER.lower.MiXeD.Example."]
        .map { try! DNSName($0) }

    static let nsec3Salt = "AABBCCDD"
    static let nsec3Iterations = 5
}

/// One signed zone, read back with ZoneFileReader.
struct SignedZone: Sendable {
    let signingCase: SigningCase
    let records: [Record]
    var data: SignedData { SignedData(records: records) }
}

/// Generates keys once per tool and algorithm, signs every case in parallel,
/// and keeps the results for all tests (the work is done on first use).
final class SignedZoneFixture: Sendable {
    static let shared = SignedZoneFixture()

    let zones: [SigningCase: Result<SignedZone, Tools.Failure>]

    func zone(_ signingCase: SigningCase) throws -> SignedZone {
        guard let result = zones[signingCase] else { throw Tools.Failure(description: "\(signingCase) was not signed") }
        return try result.get()
    }

    private init() {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("dnssec-check-signing-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let cases = (Tools.ldnsAvailable ? SigningCase.cases(for: .ldns) : [])
            + (Tools.bindAvailable ? SigningCase.cases(for: .bind) : [])
        let keyJobs = Array(Set(cases.map { KeyJob(tool: $0.tool, algorithm: $0.algorithm) }))

        let keyResults = LockedBox<[KeyJob: Result<(ksk: String, zsk: String), Tools.Failure>]>([:])
        DispatchQueue.concurrentPerform(iterations: keyJobs.count) { index in
            let job = keyJobs[index]
            let result: Result<(ksk: String, zsk: String), Tools.Failure>
            do { result = .success(try Self.generateKeys(job, root: root)) } catch {
                result = .failure(error as? Tools.Failure ?? Tools.Failure(description: "\(error)"))
            }
            keyResults.withLock { $0[job] = result }
        }

        let zones = LockedBox<[SigningCase: Result<SignedZone, Tools.Failure>]>([:])
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let signingCase = cases[index]
            let job = KeyJob(tool: signingCase.tool, algorithm: signingCase.algorithm)
            let result: Result<SignedZone, Tools.Failure>
            do {
                let keys = try keyResults.withLock { $0[job]! }.get()
                let records = try Self.sign(signingCase, keys: keys, directory: job.directory(in: root))
                result = .success(SignedZone(signingCase: signingCase, records: records))
            } catch {
                result = .failure(error as? Tools.Failure ?? Tools.Failure(description: "\(error)"))
            }
            zones.withLock { $0[signingCase] = result }
        }
        self.zones = zones.withLock { $0 }
    }

    struct KeyJob: Hashable {
        let tool: SignerTool
        let algorithm: UInt8
        func directory(in root: URL) -> URL { root.appendingPathComponent("\(tool.rawValue)-\(algorithm)") }
    }

    static let bindNames: [UInt8: String] = [
        5: "RSASHA1", 7: "NSEC3RSASHA1", 8: "RSASHA256", 10: "RSASHA512",
        13: "ECDSAP256SHA256", 14: "ECDSAP384SHA384", 15: "ED25519", 16: "ED448",
    ]
    static let ldnsNames: [UInt8: String] = [
        5: "RSASHA1", 7: "RSASHA1-NSEC3-SHA1", 8: "RSASHA256", 10: "RSASHA512",
        13: "ECDSAP256SHA256", 14: "ECDSAP384SHA384", 15: "ED25519", 16: "ED448",
    ]

    /// RSA sizes kept small for speed: 1024-bit ZSKs, a 2048-bit KSK for RSASHA256.
    static func bits(_ algorithm: UInt8, ksk: Bool) -> [String] {
        guard [5, 7, 8, 10].contains(algorithm) else { return [] }
        return ["-b", ksk && algorithm == 8 ? "2048" : "1024"]
    }

    static func generateKeys(_ job: KeyJob, root: URL) throws -> (ksk: String, zsk: String) {
        let dir = job.directory(in: root)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let origin = TestZone.origin.description
        func base(_ output: String) -> String { output.trimmingCharacters(in: .whitespacesAndNewlines) }
        switch job.tool {
        case .ldns:
            let name = ldnsNames[job.algorithm]!
            let ksk = base(try Tools.run("ldns-keygen", ["-a", name, "-k"] + bits(job.algorithm, ksk: true) + [origin], in: dir))
            let zsk = base(try Tools.run("ldns-keygen", ["-a", name] + bits(job.algorithm, ksk: false) + [origin], in: dir))
            return (ksk, zsk)
        case .bind:
            let name = bindNames[job.algorithm]!
            let ksk = base(try Tools.run("dnssec-keygen", ["-q", "-K", ".", "-a", name, "-f", "KSK", "-n", "ZONE"] + bits(job.algorithm, ksk: true) + [origin], in: dir))
            let zsk = base(try Tools.run("dnssec-keygen", ["-q", "-K", ".", "-a", name, "-n", "ZONE"] + bits(job.algorithm, ksk: false) + [origin], in: dir))
            return (ksk, zsk)
        }
    }

    static func sign(_ signingCase: SigningCase, keys: (ksk: String, zsk: String), directory dir: URL) throws -> [Record] {
        let suffix = signingCase.nsec3 ? "nsec3" : "nsec"
        let zoneFile = "zone.\(suffix)"
        let output = "zone.\(suffix).signed"
        switch signingCase.tool {
        case .ldns:
            try TestZone.text.write(to: dir.appendingPathComponent(zoneFile), atomically: true, encoding: .utf8)
            var arguments = ["-f", output]
            if signingCase.nsec3 { arguments += ["-n", "-s", TestZone.nsec3Salt, "-t", String(TestZone.nsec3Iterations)] }
            try Tools.run("ldns-signzone", arguments + [zoneFile, keys.ksk, keys.zsk], in: dir)
        case .bind:
            // dnssec-signzone wants the DNSKEYs in the zone.
            let text = TestZone.text + "$INCLUDE \(keys.ksk).key\n$INCLUDE \(keys.zsk).key\n"
            try text.write(to: dir.appendingPathComponent(zoneFile), atomically: true, encoding: .utf8)
            var arguments = ["-q", "-K", ".", "-o", TestZone.origin.description, "-f", output]
            if signingCase.nsec3 { arguments += ["-3", TestZone.nsec3Salt, "-H", String(TestZone.nsec3Iterations)] }
            try Tools.run("dnssec-signzone", arguments + [zoneFile, keys.ksk, keys.zsk], in: dir)
        }
        let signed = try String(contentsOf: dir.appendingPathComponent(output), encoding: .utf8)
        do { return try ZoneFileReader.parse(signed) } catch {
            throw Tools.Failure(description: "\(signingCase): cannot read the signed zone: \(error)")
        }
    }
}

/// A value shared between the threads of `concurrentPerform`, guarded by a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
