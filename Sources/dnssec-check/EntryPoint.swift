import ArgumentParser
import DNSSECReport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failure that ends the run with UNKNOWN and a one-line message.
struct ToolFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

@main
enum EntryPoint {
    /// `dnssec-check --help`: the overview, the default command's usage and
    /// options (`dnssec-check [check] NAME…`), then the other commands.
    static func rootHelp() -> String {
        var check = CheckCommand.helpMessage(columns: 80)
        check = check.replacingOccurrences(of: "USAGE: check ", with: "USAGE: dnssec-check [check] ")
            .replacingOccurrences(of: "[<names> ...]", with: "NAME... | -f FILE")
        if let overview = check.range(of: "OVERVIEW:"), let usage = check.range(of: "USAGE:"), overview.lowerBound < usage.lowerBound {
            check.removeSubrange(overview.lowerBound..<usage.lowerBound)
        }
        let root = DNSSECCheck.helpMessage(columns: 80)
        let head = root.components(separatedBy: "USAGE:").first ?? ""
        let commands = root.range(of: "SUBCOMMANDS:").map { String(root[$0.lowerBound...]) } ?? ""
        return head + check.trimmingCharacters(in: .newlines) + "\n\n" + commands.trimmingCharacters(in: .newlines)
    }

    /// `--generate-completion-script SHELL` (or `=SHELL`) for a shell the
    /// parser knows: answered by `CompletionScripts`, anything else by the parser.
    static func completionShell(_ arguments: [String]) -> CompletionShell? {
        let flag = "--generate-completion-script"
        if arguments.count == 2, arguments[0] == flag { return CompletionShell(rawValue: arguments[1]) }
        if arguments.count == 1, arguments[0].hasPrefix(flag + "=") {
            return CompletionShell(rawValue: String(arguments[0].dropFirst(flag.count + 1)))
        }
        return nil
    }

    /// `--at -2h` as documented: a value that starts with a minus sign would
    /// otherwise read as an option; joined, `--at=-2h` is the value.
    static func joiningNegativeValues(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--at", index + 1 < arguments.count, arguments[index + 1].hasPrefix("-"),
               arguments[index + 1].dropFirst().first?.isNumber == true {
                out.append("--at=" + arguments[index + 1])
                index += 2
                continue
            }
            if argument == "--" { out += arguments[index...]; break }
            out.append(argument)
            index += 1
        }
        return out
    }

    static func main() async {
        do {
            let arguments = Self.joiningNegativeValues(Array(CommandLine.arguments.dropFirst()))
            if arguments == ["--help"] || arguments == ["-h"] {
                // The default command's options first: what `dnssec-check NAME` takes.
                print(Self.rootHelp())
                return
            }
            if let shell = Self.completionShell(arguments) {
                print(CompletionScripts.script(for: shell))
                return
            }
            var command = try DNSSECCheck.parseAsRoot(arguments)
            do {
                if var asyncCommand = command as? AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            } catch let invalid as ValidationError {
                // An option judged while running (e.g. --at): name the subcommand's help,
                // not the root's usage line.
                let name = type(of: command).configuration.commandName ?? ""
                let help = name.isEmpty || name == "dnssec-check" ? "dnssec-check --help" : "dnssec-check \(name) --help"
                printError("Error: \(invalid.message)\nSee '\(help)' for the options.")
                Glibc.exit(MonitorStatus.unknown.rawValue)
            }
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch let failure as ToolFailure {
            printError("dnssec-check: \(failure.description)")
            Glibc.exit(MonitorStatus.unknown.rawValue)
        } catch {
            // Help and --version are "errors" that exit 0; every other
            // parsing or validation problem is UNKNOWN (3), not 64.
            if DNSSECCheck.exitCode(for: error) == .success {
                print(DNSSECCheck.fullMessage(for: error))
                Glibc.exit(0)
            }
            printError(DNSSECCheck.fullMessage(for: error))
            Glibc.exit(MonitorStatus.unknown.rawValue)
        }
    }
}

func printError(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    FileHandle.standardError.write(Data(line.utf8))
}

struct DNSSECCheck: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dnssec-check",
        abstract: "Check the DNSSEC chain of trust of a domain name and explain what is broken.",
        discussion: """
            Exit codes: 0 OK, 1 WARNING (a warning, or the name does not exist), 2 CRITICAL \
            (DNSSEC broken, or the zone's servers down), 3 UNKNOWN (the tool could not work: \
            bad input or arguments, no root server answered, its own limits). See docs/cli.md.
            """,
        version: version,
        subcommands: [CheckCommand.self, ProbeCommand.self, AnalyzeCommand.self, ZoneCommand.self, DSCommand.self, CodesCommand.self],
        defaultSubcommand: CheckCommand.self
    )
}
