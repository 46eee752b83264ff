import DNSSECTestSupport
import Foundation
import Testing

/// dnssec-check against every scenario of the lab (scripts/lab): real NSD,
/// Knot and BIND servers on 127.53.0.0/16, with unbound as the reference
/// validator. `scripts/test` brings the lab up and sets DNSSEC_LAB_UP=1;
/// without it these tests are skipped (say so, rather than pass silently).
struct LabScenarioTests {
    static var root: URL { PackageRoot.url }
    static var labDir: URL {
        ProcessInfo.processInfo.environment["DNSSEC_LAB_DIR"].map { URL(fileURLWithPath: $0) }
            ?? root.appendingPathComponent(".lab")
    }
    static var labIsUp: Bool { ProcessInfo.processInfo.environment["DNSSEC_LAB_UP"] == "1" }

    static var binary: String { TestBinary.dnssecCheck?.path ?? "dnssec-check not built" }

    struct Row: Decodable {
        let id: String
        let name: String
        let type: String
        let verdict: String
        let codes: [String]
        /// A trust anchor file in the lab dir other than the lab's own root anchor.
        let anchor: String?
        /// More dnssec-check options for this row (after the defaults, so they win);
        /// "{lab}" stands for the lab directory.
        var options: [String]? = nil
        /// Root hints in the lab dir other than the lab's own (the hostile part's
        /// "hostile/root.hints", with its anchor "hostile/root-anchor.ds").
        var hints: String? = nil
    }

    struct Manifest: Decodable {
        let scenarios: [Row]
    }

    static func manifest() throws -> [Row] {
        let data = try Data(contentsOf: root.appendingPathComponent("scripts/lab/manifest.json"))
        return try JSONDecoder().decode(Manifest.self, from: data).scenarios
    }

    /// Runs a command with the loopback guard on: (status, stdout, stderr).
    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String, String) {
        var env = ProcessInfo.processInfo.environment
        env["DNSSEC_CHECK_LOOPBACK_ONLY"] = "1"
        let result = try TestProcess.run(executable, arguments, environment: env)
        return (result.status, result.stdout, result.stderr)
    }

    /// Checks every row of one type, hints and anchor in one run (names share the walk's cache).
    static func check(_ rows: [Row]) throws -> [String: [String: Any]] {
        let type = rows[0].type
        let anchor = rows[0].anchor ?? "root-anchor.ds"
        let hints = rows[0].hints ?? "root.hints"
        let args = rows.map(\.name) + ["-t", type, "--format", "json", "--timeout", "1", "--deadline", "60",
                                      "--root-hints", labDir.appendingPathComponent(hints).path,
                                      "--trust-anchor", labDir.appendingPathComponent(anchor).path]
            // The hostile zones are all served by one Python process: checked
            // one name at a time, their heavy answers (256 keys, 400 RRSIGs)
            // do not make that process too slow for the other names' questions.
            + (rows[0].hints != nil ? ["--jobs", "1"] : [])
            // "{lab}" in a row's options is the lab directory (files the lab build writes).
            + (rows[0].options ?? []).map { $0.replacingOccurrences(of: "{lab}", with: labDir.path) }
        let (_, output, errors) = try run(binary, args)
        guard let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
              let reports = object["reports"] as? [[String: Any]] else {
            Issue.record("dnssec-check printed no JSON for \(type): \(errors)")
            return [:]
        }
        var byName: [String: [String: Any]] = [:]
        for report in reports { byName[report["name"] as? String ?? ""] = report }
        return byName
    }

    @Test(.enabled(if: labIsUp, "the lab is not up: run scripts/test, which brings it up"))
    func unboundAgreesWithTheManifest() throws {
        let (status, output, errors) = try Self.run(Self.root.appendingPathComponent("scripts/lab/check-manifest").path, [])
        #expect(status == 0, "scripts/lab/check-manifest: \(output)\(errors)")
    }

    /// KSK_ROLLOVER_STUCK is judged against time: a new KSK that has signed
    /// for an hour is a double-KSK rollover in progress, not a stuck one.
    @Test(.enabled(if: labIsUp, "the lab is not up: run scripts/test, which brings it up"))
    func aNewKSKIsStuckOnlyOnceTheTTLsHavePassed() throws {
        let reports = try Self.check([
            Row(id: "", name: "www.roll-ksk-stuck.lab.", type: "A", verdict: "", codes: [], anchor: nil),
            Row(id: "", name: "www.roll-double-ksk.lab.", type: "A", verdict: "", codes: [], anchor: nil),
        ])
        func codes(_ report: [String: Any]?) -> Set<String> {
            Set((report?["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
        }
        #expect(codes(reports["www.roll-ksk-stuck.lab."]).contains("KSK_ROLLOVER_STUCK"))
        let fresh = reports["www.roll-double-ksk.lab."]
        #expect(fresh?["status"] as? String == "secure")
        #expect(codes(fresh).isDisjoint(with: ["KSK_ROLLOVER_STUCK", "KSK_STANDBY"]), "\(codes(fresh))")
        let checks = ((fresh?["zones"] as? [[String: Any]])?.last?["checks"] as? [[String: Any]] ?? [])
            .compactMap { $0["text"] as? String }
        #expect(checks.contains { $0.contains("double-KSK rollover") }, "\(checks)")
    }

    /// CDS bootstrapping says how a parent could trust the CDS: RFC 9615
    /// signalling under every outside host, or only RFC 8078 §3's delay.
    @Test(.enabled(if: labIsUp, "the lab is not up: run scripts/test, which brings it up"))
    func bootstrappingSaysHowTheParentCouldTrustTheCDS() throws {
        let reports = try Self.check(["www.signal-ok.lab.", "www.bootstrap.lab.", "www.signal-bad.lab."].map {
            Row(id: "", name: $0, type: "A", verdict: "", codes: [], anchor: nil)
        })
        func message(_ name: String, _ code: String) -> String {
            let findings = reports[name]?["findings"] as? [[String: Any]] ?? []
            return findings.first { $0["code"] as? String == code }?["message"] as? String ?? "(no \(code))"
        }
        let signalled = message("www.signal-ok.lab.", "CDS_BOOTSTRAP_READY")
        #expect(signalled.contains("authenticated by RFC 9615 signalling under ns1.nsop.lab., ns2.nsop.lab."), "\(signalled)")
        let inside = message("www.bootstrap.lab.", "CDS_BOOTSTRAP_READY")
        #expect(inside.contains("cannot carry RFC 9615 signals"), "\(inside)")
        let bad = message("www.signal-bad.lab.", "BOOTSTRAP_SIGNAL_INVALID")
        #expect(bad.contains("differ from the zone's own"), "\(bad)")
    }

    @Test(.enabled(if: labIsUp, "the lab is not up: run scripts/test, which brings it up"))
    func verdictsAndCodesMatchTheManifest() throws {
        let rows = try Self.manifest()
        #expect(rows.count >= 30)
        var mismatches: [String] = []
        var seen: Set<String> = []
        for group in Dictionary(grouping: rows, by: { "\($0.type) \($0.hints ?? "") \($0.anchor ?? "") \($0.options ?? [])" }).values {
            let reports = try Self.check(group)
            for report in reports.values {
                seen.formUnion((report["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
            }
            for row in group {
                let name = row.name.hasSuffix(".") ? row.name : row.name + "."
                guard let report = reports[name] else {
                    mismatches.append("\(row.id): no report for \(name)")
                    continue
                }
                let verdict = report["status"] as? String ?? "?"
                let codes = Set((report["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
                if verdict != row.verdict {
                    mismatches.append("\(row.id) \(row.name) \(row.type): verdict \(verdict), manifest says \(row.verdict)")
                }
                let missing = Set(row.codes).subtracting(codes)
                if !missing.isEmpty {
                    mismatches.append("\(row.id) \(row.name) \(row.type): missing codes \(missing.sorted()), got \(codes.sorted())")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) rows disagree:\n\(mismatches.joined(separator: "\n"))")

        // Every diagnostic code is produced by some lab scenario.
        let (_, listing, _) = try Self.run(Self.binary, ["codes"])
        func codes(_ listing: String) -> Set<String> {
            Set(listing.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        }
        // Less the codes only a whole zone file shows (ZoneVerifyTests produce those).
        let (_, zoneOnly, _) = try Self.run(Self.binary, ["codes", "--zone-only"])
        let catalog = codes(listing).subtracting(codes(zoneOnly))
        #expect(catalog.count > 50 && !codes(zoneOnly).isEmpty)
        let missing = catalog.subtracting(seen)
        #expect(missing.isEmpty, "codes no lab scenario produced: \(missing.sorted())")
    }

    /// A batch split with --shard K/N covers every name exactly once, and
    /// --resume checks only what an interrupted run's JSONL lacks.
    @Test(.enabled(if: labIsUp, "the lab is not up: run scripts/test, which brings it up"))
    func shardsPartitionTheNamesAndResumeSkipsWhatIsDone() throws {
        let names = ["www.ok.lab.", "www.expired.lab.", "www.alg8.lab.", "www.sub.ok.lab.", "www.insecure.lab.",
                     "www.cname.lab.", "good.cname.lab.", "www.split.lab."]
        let lab = ["-t", "A", "--format", "jsonl", "--root-hints", Self.labDir.appendingPathComponent("root.hints").path,
                   "--trust-anchor", Self.labDir.appendingPathComponent("root-anchor.ds").path]
        func reported(_ output: String) -> [String] {
            output.split(separator: "\n").compactMap { line in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return ((object?["reports"] as? [[String: Any]])?.first?["name"] as? String)
            }
        }
        var seen: [String] = []
        for k in 0..<3 {
            let (status, output, errors) = try Self.run(Self.binary, names + lab + ["--shard", "\(k)/3"])
            #expect(status != 3 || output.isEmpty == false, "shard \(k)/3: \(errors)")
            seen += reported(output)
        }
        #expect(seen.sorted() == names.sorted(), "every name in exactly one shard")

        // An interrupted run: two names done (JSONL is in completion order), the third line torn mid-write.
        let partial = FileManager.default.temporaryDirectory.appendingPathComponent("dnssec-check-resume-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: partial) }
        let (_, first, _) = try Self.run(Self.binary, Array(names.prefix(3)) + lab)
        let lines = first.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        try (lines[0] + "\n" + lines[1] + "\n" + lines[2].prefix(40)).write(to: partial, atomically: true, encoding: .utf8)
        let (_, rest, errors) = try Self.run(Self.binary, names + lab + ["--resume", partial.path])
        let done = Set(reported(lines[0] + "\n" + lines[1]))
        #expect(Set(reported(rest)) == Set(names).subtracting(done), "\(errors)")
        // Everything done: nothing to check, exit 0, a note on stderr.
        let complete = try Self.run(Self.binary, done.sorted() + lab + ["--resume", partial.path])
        #expect(complete.0 == 0 && complete.1.isEmpty && complete.2.contains("already in"), "\(complete)")
    }

    /// Every lab row as a picture (issue 15): the DOT of the live check, and
    /// the HTML page (graph laid out by Graphviz, timeline, tables) of its
    /// capture replayed offline, well-formed; on every row that is not
    /// secure and has a finding to fix first, the graph marks what it is
    /// about (drawn thick on yellow), so a person can point at the broken link.
    @Test(.enabled(if: labIsUp && TestProcess.which("xmllint") != nil, "the lab is not up, or xmllint is missing"))
    func everyRowHasAPicture() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dnssec-check-pictures-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var problems: [String] = []
        var marked = 0
        for row in try Self.manifest() {
            let capture = directory.appendingPathComponent("\(row.id).json").path
            let html = directory.appendingPathComponent("\(row.id).html")
            let args = [row.name, "-t", row.type, "--format", "dot", "--timeout", "1", "--deadline", "60", "-o", capture,
                        "--root-hints", Self.labDir.appendingPathComponent(row.hints ?? "root.hints").path,
                        "--trust-anchor", Self.labDir.appendingPathComponent(row.anchor ?? "root-anchor.ds").path]
                + (row.options ?? []).map { $0.replacingOccurrences(of: "{lab}", with: Self.labDir.path) }
            let (status, dot, errors) = try Self.run(Self.binary, args)
            guard (0...3).contains(status), errors.isEmpty, dot.hasPrefix("digraph ") else {
                problems.append("\(row.id): dot exit \(status): \(errors.prefix(200))")
                continue
            }
            if row.verdict != "secure" && dot.contains(": fix first ") {
                marked += 1
                if !dot.contains("penwidth=4") { problems.append("\(row.id): \(row.verdict), but the graph marks nothing to fix first") }
            }
            let (htmlStatus, page, htmlErrors) = try Self.run(Self.binary, ["analyze", capture, "--format", "html"])
            try Data(page.utf8).write(to: html)
            let (lint, _, lintErrors) = try Self.run(TestProcess.which("xmllint")!, ["--noout", html.path])
            if !(0...3).contains(htmlStatus) || !htmlErrors.isEmpty || lint != 0 || !page.contains("<svg") {
                problems.append("\(row.id): html exit \(htmlStatus), xmllint \(lint): \((htmlErrors + lintErrors).prefix(200))")
            }
        }
        #expect(problems.isEmpty, "\(problems.count) rows:\n\(problems.joined(separator: "\n"))")
        #expect(marked >= 20, "broken rows with a finding to fix first: \(marked)")
    }

    /// `dnssec-check zone --axfr`: a lab zone fetched from its NSD server
    /// (which allows transfers to loopback) verifies as its file does, an
    /// expired one is CRITICAL, a server that refuses the transfer is
    /// UNKNOWN with the rcode in words, and nothing leaves loopback.
    @Test(.enabled(if: labIsUp, "the lab is not up: run scripts/test, which brings it up"))
    func zonesFetchedByAXFRAreVerified() throws {
        let (okStatus, okOut, okErr) = try Self.run(Self.binary, ["zone", "--axfr", "127.53.2.1", "--origin", "ok.lab"])
        #expect(okStatus == 0, "\(okOut)\(okErr)")
        #expect(okOut.contains("ok.lab. (AXFR from 127.53.2.1): SECURE"))
        let file = Self.labDir.appendingPathComponent("zones/ok.lab.signed").path
        let (_, fromFile, _) = try Self.run(Self.binary, ["zone", file, "--format", "json"])
        let (_, fromAXFR, _) = try Self.run(Self.binary, ["zone", "--axfr", "127.53.2.1", "--origin", "ok.lab", "--format", "json"])
        func counts(_ json: String) -> [String: Int]? {
            ((try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any])?["counts"] as? [String: Int]
        }
        #expect(counts(fromFile) != nil && counts(fromFile) == counts(fromAXFR), "the transfer holds the file's records")
        let (expiredStatus, expiredOut, _) = try Self.run(Self.binary, ["zone", "--axfr", "127.53.2.1", "--origin", "expired.lab"])
        #expect(expiredStatus == 2 && expiredOut.contains("EXPIRATION_IN_PAST"), "\(expiredOut)")
        let (refusedStatus, _, refusedErr) = try Self.run(Self.binary, ["zone", "--axfr", "127.53.2.1", "--origin", "not-served.lab"])
        #expect(refusedStatus == 3 && refusedErr.contains("AXFR of not-served.lab."), "\(refusedErr)")
        let (outsideStatus, _, outsideErr) = try Self.run(Self.binary, ["zone", "--axfr", "192.0.2.1", "--origin", "ok.lab"])
        #expect(outsideStatus == 3 && outsideErr.contains("not loopback"))
    }

    /// The capture is streamed as the run goes, and `analyze` of it gives the
    /// same report, the silent servers' "not asked" questions included.
    @Test(.enabled(if: labIsUp, "the lab is not up: run scripts/test, which brings it up"))
    func aStreamedCaptureReplaysToTheSameReport() throws {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("dnssec-check-stream-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: capture) }
        let names = ["www.halfdead.lab.", "www.dead.lab.", "www.ok.lab.", "www.sub.ok.lab."]
        let common = ["--format", "json", "--at", "+1h"]
        let (_, live, errors) = try Self.run(Self.binary, names + common + ["-o", capture.path,
            "--root-hints", Self.labDir.appendingPathComponent("root.hints").path,
            "--trust-anchor", Self.labDir.appendingPathComponent("root-anchor.ds").path])
        let recorded = try String(contentsOf: capture, encoding: .utf8)
        #expect(recorded.contains("\"notAsked\""), "the silent server's later questions are in the capture")
        // --at +1h is relative to the run's clock live and to the capture's end offline: compare without it.
        func reports(_ text: String) throws -> [[String: String]] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(errors)")
            return (object["reports"] as? [[String: Any]] ?? []).map { report in
                var summary: [String: String] = ["name": report["name"] as? String ?? "", "status": report["status"] as? String ?? ""]
                let findings = (report["findings"] as? [[String: Any]] ?? []).map {
                    "\($0["code"] ?? "") \($0["subject"] ?? "") \($0["servers"] ?? "") \($0["message"] ?? "")"
                }
                summary["findings"] = findings.sorted().joined(separator: "\n")
                return summary
            }
        }
        let (_, offline, offlineErrors) = try Self.run(Self.binary, ["analyze", capture.path] + common)
        #expect(try reports(live) == reports(offline), "\(offlineErrors)")
        #expect(try reports(live).count == names.count)
    }

    /// A batch killed by SIGTERM (a cron timeout) leaves only whole JSONL
    /// lines, one per finished name, and --resume then checks the rest.
    @Test(.enabled(if: labIsUp, "the lab is not up: run scripts/test, which brings it up"))
    func aKilledBatchLeavesWholeLinesAndResumes() throws {
        let fast = ["www.ok.lab.", "www.expired.lab.", "www.alg8.lab.", "www.sub.ok.lab.", "good.cname.lab."]
        let names = fast + ["www.dead.lab."]   // its silent server holds the run for 2 s
        let lab = ["-t", "A", "--format", "jsonl", "--root-hints", Self.labDir.appendingPathComponent("root.hints").path,
                   "--trust-anchor", Self.labDir.appendingPathComponent("root-anchor.ds").path]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dnssec-check-killed-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: output) }
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = names + lab
        var environment = ProcessInfo.processInfo.environment
        environment["DNSSEC_CHECK_LOOPBACK_ONLY"] = "1"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        func lines() -> [Substring] {
            (try? String(contentsOf: output, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        }
        let clock = ContinuousClock()
        let start = clock.now
        while lines().count <= fast.count && clock.now - start < .seconds(20) { usleep(20_000) }
        process.terminate()   // SIGTERM, while www.dead.lab. still waits
        process.waitUntilExit()
        let written = lines()
        #expect(written.last == "", "the file ends with a whole line")
        let reports = written.dropLast().map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(reports.allSatisfy { $0 != nil }, "every line is a whole JSON document")
        let done = Set(reports.compactMap { ($0?["reports"] as? [[String: Any]])?.first?["name"] as? String })
        #expect(done == Set(fast), "the finished names, and not the one still running: \(done)")
        let (_, rest, errors) = try Self.run(Self.binary, names + lab + ["--resume", output.path])
        #expect(rest.split(separator: "\n").count == 1 && rest.contains("www.dead.lab."), "\(errors)")
    }
}
