import ArgumentParser
import DNSSECAnalysis
import DNSSECReport

/// `dnssec-check codes [CODE]`: the diagnostics catalog.
struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "List every diagnostic code, or explain one."
    )

    @Argument(help: "A code to explain, e.g. EXPIRATION_IN_PAST.", completion: .list(Completions.codes))
    var code: String?

    @Flag(help: "Print the whole catalog as Markdown (docs/diagnostics.md).")
    var markdown = false

    @Flag(help: "List only the codes that `dnssec-check zone` alone reports (a name's check cannot see a whole zone).")
    var zoneOnly = false

    @Flag(help: "Print Zonemaster's DNSSEC test plan, tag by tag, against the codes, as Markdown (docs/zonemaster.md).")
    var zonemaster = false

    func run() throws {
        if markdown {
            print(DiagnosticsDocument.markdown(), terminator: "")
            return
        }
        if zonemaster {
            print(ZonemasterDocument.markdown(), terminator: "")
            return
        }
        guard let code else {
            for entry in DiagnosticCatalog.all where !zoneOnly || DiagnosticCode.zoneFileOnly.contains(entry.code) {
                let padded = entry.code.rawValue.padding(toLength: 36, withPad: " ", startingAt: 0)
                print("\(padded)\(entry.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(entry.title)")
            }
            return
        }
        guard let known = DiagnosticCode(rawValue: code.uppercased()) else {
            throw ToolFailure("unknown diagnostic code \(code); `dnssec-check codes` lists them")
        }
        let entry = DiagnosticCatalog.entry(known)
        print("""
            \(entry.code.rawValue) (\(entry.severity.rawValue)): \(entry.title)

            \(entry.meaning)

            Example: \(entry.example)
            Fix:     \(entry.remedy)
            See:     \(entry.references.joined(separator: ", "))
            """)
        let tags = ZonemasterMap.tags(for: known)
        if !tags.isEmpty {
            print("Zonemaster: " + tags.map { "\($0.tag) (\($0.testCase), \($0.level.rawValue.uppercased())\($0.match == .same ? "" : ", " + $0.match.rawValue))" }
                .joined(separator: ", "))
        }
    }
}
