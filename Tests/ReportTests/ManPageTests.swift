import Foundation
import Testing

/// The committed completions and man page match the command definitions
/// of the built binary; scripts/update-completions.sh regenerates them.
struct ManPageTests {
    @Test("scripts/completions are current", arguments: [
        ("bash", "scripts/completions/dnssec-check.bash"),
        ("zsh", "scripts/completions/_dnssec-check"),
        ("fish", "scripts/completions/dnssec-check.fish"),
    ])
    func completions(_ shell: String, _ path: String) throws {
        let generated = try Tool.dnssecCheck(["--generate-completion-script", shell])
        #expect(generated.status == 0)
        let committed = FileManager.default.contents(atPath: Tool.root.appendingPathComponent(path).path)
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(committed == generated.stdout, "\(path) is out of date: run scripts/update-completions.sh")
    }

    @Test("docs/man/dnssec-check.1 is current", .enabled(if: Tool.python != nil, "needs python3"))
    func manPage() throws {
        let dump = try Tool.dnssecCheck(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let script = try String(contentsOf: Tool.root.appendingPathComponent("scripts/man-from-help.py"), encoding: .utf8)
        let page = try Tool.python(script, input: dump.stdout)
        #expect(page.status == 0, "\(page.stderr)")
        let committed = FileManager.default.contents(atPath: Tool.root.appendingPathComponent("docs/man/dnssec-check.1").path)
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(committed == page.stdout, "docs/man/dnssec-check.1 is out of date: run scripts/update-completions.sh")
        for option in ["\\-\\-format", "\\-\\-jobs", "\\-\\-require\\-secure", "\\-\\-ascii"] {
            #expect(page.stdout.contains(option))
        }
    }
}
