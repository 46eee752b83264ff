import DNSSECAnalysis

/// docs/diagnostics.md, generated from the catalog (a test keeps it current).
public enum DiagnosticsDocument {
    public static func markdown() -> String {
        var out = """
            # Diagnostics catalog

            Generated from `Sources/DNSSECAnalysis/DiagnosticCatalog.swift` by
            `dnssec-check codes --markdown`; do not edit by hand. Codes are stable:
            JSON consumers switch on them. Where DNSViz has the same condition the
            spelling is DNSViz's.

            Severities: **error** breaks validation (or will, at the critical
            threshold), **warning** works now but is fragile or against a SHOULD,
            **info** is worth knowing. `--strict` promotes warnings to errors.

            | Code | Severity | Title |
            | --- | --- | --- |

            """
        for entry in DiagnosticCatalog.all {
            out += "| [`\(entry.code.rawValue)`](#\(entry.code.rawValue.lowercased())) | \(entry.severity.rawValue) | \(entry.title) |\n"
        }
        for entry in DiagnosticCatalog.all {
            out += """

                ## \(entry.code.rawValue)

                **\(entry.title)** — default severity: \(entry.severity.rawValue). References: \(entry.references.joined(separator: ", ")).

                \(entry.meaning)

                Example: `\(entry.example)`

                Fix: \(entry.remedy)

                """
        }
        return out
    }
}
