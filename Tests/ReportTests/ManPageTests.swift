import DNSSECTestSupport
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

    /// Issue 13 item 12: the bash completion offers record types after -t,
    /// catalog codes after --ignore and for `codes`, and files after -f.
    @Test("bash completes record types, codes and files", .enabled(if: FileManager.default.fileExists(atPath: "/bin/bash")))
    func bashCompletesValues() throws {
        let script = """
            source scripts/completions/dnssec-check.bash
            complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
              _dnssec-check dnssec-check "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
              echo "$*: ${COMPREPLY[*]}"; }
            complete_words dnssec-check check -t NS
            complete_words dnssec-check check --ignore EXPIRATION_IN
            complete_words dnssec-check codes NSEC3_ITERATIONS_I
            complete_words dnssec-check check -f Package.sw
            complete_words dnssec-check example.com -t NS
            complete_words dnssec-check example.com www.example.com --form
            complete_words dnssec-check --ignore EXPIRATION_IN
            complete_words dnssec-check ch
            """
        let result = try Tool.run("/bin/bash", ["-c", script])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("dnssec-check check -t NS: NS NSEC3PARAM"), "\(result.stdout)\(result.stderr)")
        #expect(lines.contains("dnssec-check check --ignore EXPIRATION_IN: EXPIRATION_IN_PAST"))
        #expect(lines.contains("dnssec-check codes NSEC3_ITERATIONS_I: NSEC3_ITERATIONS_INSECURE"))
        #expect(lines.contains("dnssec-check check -f Package.sw: Package.swift"))
        // check is the default command: its options and values complete without the word `check`.
        #expect(lines.contains("dnssec-check example.com -t NS: NS NSEC3PARAM"), "\(result.stdout)")
        #expect(lines.contains("dnssec-check example.com www.example.com --form: --format"))
        #expect(lines.contains("dnssec-check --ignore EXPIRATION_IN: EXPIRATION_IN_PAST"))
        #expect(lines.contains("dnssec-check ch: check"))
    }

    /// The same for fish: `complete -C` prints what fish would offer.
    @Test("fish completes the default command's options", .enabled(if: TestProcess.which("fish") != nil, "needs fish"))
    func fishCompletesDefaultCommand() throws {
        let path = Tool.root.appendingPathComponent("scripts/completions/dnssec-check.fish").path
        func offered(_ line: String) throws -> [String] {
            // The code completions ask the binary itself.
            let bin = Tool.binary?.deletingLastPathComponent().path ?? ""
            let result = try Tool.run(TestProcess.which("fish")!, ["--no-config", "-c", "source \(path); complete -C'\(line)'"],
                                      env: ["PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")])
            return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        }
        #expect(try offered("dnssec-check example.com -t NS") == ["NS", "NSEC3PARAM"])
        #expect(try offered("dnssec-check example.com --ignore EXPIRATION_IN") == ["EXPIRATION_IN_PAST"])
        #expect(try offered("dnssec-check check -t NS") == ["NS", "NSEC3PARAM"])
        #expect(try offered("dnssec-check ch") == ["check"])
    }

    /// And for zsh, in a pseudo-terminal (zsh/zpty): every match compadd is
    /// given during a TAB is written to a file.
    @Test("zsh completes the default command's options", .enabled(if: TestProcess.which("zsh") != nil, "needs zsh"))
    func zshCompletesDefaultCommand() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zsh-completion-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Tool.root.appendingPathComponent("scripts/completions/_dnssec-check").path,
                                         toPath: dir.appendingPathComponent("_dnssec-check").path)
        let hits = dir.appendingPathComponent("hits").path
        let driver = """
            zmodload zsh/zpty
            zpty z zsh -f -i
            zpty -w z 'PROMPT=; fpath=(\(dir.path) $fpath); autoload -U compinit; compinit -u -D'
            zpty -w z 'compadd () { builtin compadd -O __hits "$@"; print -l -- ${^__hits[@]} >> \(hits); builtin compadd "$@" }'
            zpty -w z 'bindkey "^I" complete-word'
            zpty -n -w z "$1"$'\\t'
            for i in {1..50}; do [[ -s \(hits) ]] && break; sleep 0.1; done
            sleep 0.3
            zpty -d z
            """
        func offered(_ line: String) throws -> Set<String> {
            try? FileManager.default.removeItem(atPath: hits)
            _ = try Tool.run(TestProcess.which("zsh")!, ["-f", "-c", driver, "zsh", line])
            let text = (try? String(contentsOfFile: hits, encoding: .utf8)) ?? ""
            return Set(text.split(separator: "\n").map(String.init))
        }
        #expect(try offered("dnssec-check example.com -t NS") == ["NS", "NSEC3PARAM"])
        #expect(try offered("dnssec-check example.com --form") == ["--format"])
        #expect(try offered("dnssec-check check -t NS") == ["NS", "NSEC3PARAM"])
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

    /// The SYNOPSIS leads with the default command as people type it, and
    /// SEE ALSO names pages that exist where the tool is installed.
    @Test func synopsisAndSeeAlso() throws {
        let page = try String(contentsOf: Tool.root.appendingPathComponent("docs/man/dnssec-check.1"), encoding: .utf8)
        let synopsis = page.components(separatedBy: ".SH SYNOPSIS")[1].components(separatedBy: ".SH ")[0]
        #expect(synopsis.contains("[\\fBcheck\\fR] \\fINAME\\fR\\&...") && synopsis.contains("\\fB\\-f\\fR \\fIFILE\\fR"), "\(synopsis)")
        let seeAlso = page.components(separatedBy: ".SH SEE ALSO")[1]
        #expect(seeAlso.contains("\\fBdig\\fR(1)") && seeAlso.contains("\\fBdnssec\\-check codes\\fR"))
    }
}
