import Foundation
import Testing

/// `-f FILE` / `-f -`: many names, concurrently, one stream of results.
/// The live runs need the lab (scripts/lab/up; DNSSEC_LAB_UP=1).
struct NamesFileTests {
    static let network = ["--root-hints", ".lab/root.hints", "--trust-anchor", ".lab/root-anchor.ds",
                          "--timeout", "1", "--deadline", "30"]

    /// Every lab scenario name, then unreachable names (dead.lab.'s servers
    /// never answer), names under a TLD that does not exist and names that
    /// do not exist in a signed zone: 100 in all.
    static func hundredNames() throws -> [String] {
        let data = try Data(contentsOf: Tool.root.appendingPathComponent("scripts/lab/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try #require(manifest["scenarios"] as? [[String: Any]])
        var names: [String] = []
        for name in rows.compactMap({ $0["name"] as? String }) where !names.contains(name) { names.append(name) }
        var filler = (0..<5).map { "host\($0).dead.lab." } + (0..<5).map { "nothing\($0).no-such-tld." }
        var index = 0
        while names.count + filler.count < 100 {
            filler.append("missing\(index).ok.lab.")
            index += 1
        }
        return Array((names + filler).prefix(100))
    }

    @Test("-f with 100 names including unreachable and nonexistent ones", .enabled(if: Tool.labIsUp, "needs the lab: DNSSEC_LAB_UP=1"),
          .timeLimit(.minutes(2)))
    func hundred() throws {
        let names = try Self.hundredNames()
        #expect(names.count == 100)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let text = "# monitored names\n\n" + names.map { "  \($0)   # scenario" }.joined(separator: "\n") + "\n"
        try text.write(to: file, atomically: true, encoding: .utf8)

        let started = Date()
        let result = try Tool.dnssecCheck(["-f", file.path, "--format", "jsonl", "--jobs", "16"] + Self.network)
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 60, "100 names took \(elapsed) s")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 100, "stderr: \(result.stderr)")
        var statuses: [String: (status: String, exit: Int)] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let report = try #require((object["reports"] as? [[String: Any]])?.first)
            let name = try #require(report["name"] as? String)
            statuses[name] = (report["status"] as? String ?? "", report["exit_code"] as? Int ?? -1)
        }
        #expect(Set(statuses.keys) == Set(names))
        for dead in names where dead.hasSuffix(".dead.lab.") {
            #expect(statuses[dead]?.status == "indeterminate", "\(dead): \(String(describing: statuses[dead]))")
            // The zone's only server is silent: the name is down for every validator (CRITICAL), not a tool failure.
            #expect(statuses[dead]?.exit == 2)
        }
        #expect(statuses["www.ok.lab."]?.status == "secure")
        #expect(statuses["www.expired.lab."]?.status == "bogus")
        // The exit code is the worst of all names: CRITICAL, UNKNOWN, WARNING, OK.
        let precedence = [0: 0, 1: 1, 3: 2, 2: 3]
        let worst = statuses.values.map(\.exit).max { precedence[$0]! < precedence[$1]! }
        #expect(Int(result.status) == worst)
        if FormatTests.hasJSONSchema {
            #expect(try FormatTests.validate(result.stdout, jsonl: true) == 100)
        }
    }

    @Test("-f - reads standard input; text streams in input order", .enabled(if: Tool.labIsUp, "needs the lab: DNSSEC_LAB_UP=1"))
    func standardInput() throws {
        let names = ["www.expired.lab.", "www.ok.lab.", "host0.dead.lab.", "www.unsigned.lab."]
        let result = try Tool.dnssecCheck(["-f", "-", "-q"] + Self.network,
                                          stdin: "# comment\n\n" + names.joined(separator: "\n") + "\n")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == names.count)
        for (line, name) in zip(lines, names) { #expect(line.hasPrefix(name + ": ")) }
        #expect(result.status == 2)
        // A line that is not a name is reported with its line number and makes the run at least UNKNOWN.
        let bad = try Tool.dnssecCheck(["-f", "-", "-q"] + Self.network, stdin: "www.ok.lab.\nbad..name\n")
        #expect(bad.stderr.contains("<stdin>:2:"))
        #expect(bad.stdout.hasPrefix("www.ok.lab.: SECURE"))
        #expect(bad.status == 3)
    }

    @Test func unreadableOrEmptyFileIsUnknown() throws {
        let missing = try Tool.dnssecCheck(["-f", "/nonexistent/names.txt"] + Self.network)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("cannot read names file"))
        let empty = try Tool.dnssecCheck(["-f", "-"] + Self.network, stdin: "# nothing here\n\n")
        #expect(empty.status == 3)
        let nagios = try Tool.dnssecCheck(["-f", "-", "--format", "nagios"] + Self.network, stdin: "\n")
        #expect(nagios.stdout.hasPrefix("DNSSEC UNKNOWN - "))
        #expect(nagios.status == 3)
    }
}
