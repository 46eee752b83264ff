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

    /// Checks every row of one type in one run (names share the walk's cache).
    static func check(_ rows: [Row]) throws -> [String: [String: Any]] {
        let type = rows[0].type
        let args = rows.map(\.name) + ["-t", type, "--format", "json", "--timeout", "1", "--deadline", "60",
                                      "--root-hints", labDir.appendingPathComponent("root.hints").path,
                                      "--trust-anchor", labDir.appendingPathComponent("root-anchor.ds").path]
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

    @Test(.enabled(if: labIsUp, "the lab is not up: run scripts/test, which brings it up"))
    func verdictsAndCodesMatchTheManifest() throws {
        let rows = try Self.manifest()
        #expect(rows.count >= 30)
        var mismatches: [String] = []
        var seen: Set<String> = []
        for group in Dictionary(grouping: rows, by: \.type).values {
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

        // Every diagnostic code is produced by some lab scenario, except these,
        // which Tests/AnalysisTests/MutatedCaptureTests produces from recorded
        // responses with one field changed (the lab does not stage them).
        let notYetInTheLab: Set<String> = [
            "NO_TRUST_ANCHOR_SIGNING",        // a trust anchor that matches no key
            "SERVER_INVALID_RESPONSE_UDP",    // garbage from one server
            "NS_NAME_NOT_IN_CHILD",           // parent NS the child does not list
            "DS_ABSENCE_NOT_PROVEN",          // no DS and no NSEC/NSEC3
            "INCONSISTENT_DS",                // one NSD serves each parent, so its servers agree
            "NSEC3_PARAMETERS_INCONSISTENT",  // NSD needs NSEC3PARAM to match its chain to answer at all
        ]
        let (_, listing, _) = try Self.run(Self.binary, ["codes"])
        let catalog = Set(listing.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(catalog.count > 50)
        let missing = catalog.subtracting(seen).subtracting(notYetInTheLab)
        #expect(missing.isEmpty, "codes no lab scenario produced: \(missing.sorted())")
        let nowProduced = notYetInTheLab.intersection(seen)
        #expect(nowProduced.isEmpty, "now produced by the lab, remove from notYetInTheLab: \(nowProduced.sorted())")
    }
}
