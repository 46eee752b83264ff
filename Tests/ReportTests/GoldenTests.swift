import Foundation
import Testing

/// Golden files: the text (`--color never`, `-vv`), JSON and Nagios output
/// of every recorded capture, byte for byte. When a change is intended,
/// `scripts/update-golden.sh` regenerates them; review the diff.
struct GoldenTests {
    /// Suffix of the golden file and the arguments after `analyze CAPTURE`.
    /// scripts/update-golden.sh has the same list.
    static let variants: [(suffix: String, arguments: [String])] = [
        (".txt", ["--color", "never"]),
        (".verbose.txt", ["--color", "never", "-vv"]),
        (".json", ["--format", "json"]),
        (".nagios", ["--format", "nagios"]),
        // The chain-of-trust graph (issue 15): stable identifiers and order, so it diffs.
        (".dot", ["--format", "dot"]),
    ]

    static let goldenDirectory = Tool.root.appendingPathComponent("Tests/ReportTests/Golden")

    @Test("output of each capture matches its golden files", arguments: Tool.captures)
    func golden(_ capture: String) throws {
        for variant in Self.variants {
            let result = try Tool.dnssecCheck(["analyze", Tool.capturePath(capture)] + variant.arguments)
            #expect(result.stderr.isEmpty, "\(capture) \(variant.arguments): \(result.stderr)")
            let file = Self.goldenDirectory.appendingPathComponent(capture + variant.suffix)
            guard let expected = FileManager.default.contents(atPath: file.path).map({ String(decoding: $0, as: UTF8.self) }) else {
                Issue.record("Golden/\(capture)\(variant.suffix) is missing: run scripts/update-golden.sh")
                continue
            }
            if expected != result.stdout {
                let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
                Issue.record("""
                    Golden/\(capture)\(variant.suffix) differs at line \(line + 1) from `dnssec-check analyze \(capture).json \
                    \(variant.arguments.joined(separator: " "))`:
                      golden: \(line < want.count ? String(want[line]) : "<end>")
                      now:    \(line < got.count ? String(got[line]) : "<end>")
                    If the change is intended, run scripts/update-golden.sh and review the diff.
                    """)
            }
        }
    }

    @Test func everyCaptureHasGoldenFiles() throws {
        #expect(!Tool.captures.isEmpty)
        for capture in Tool.captures {
            for variant in Self.variants {
                let path = Self.goldenDirectory.appendingPathComponent(capture + variant.suffix).path
                #expect(FileManager.default.fileExists(atPath: path),
                        "Golden/\(capture)\(variant.suffix) is missing: run scripts/update-golden.sh")
            }
        }
    }
}
