import DNSSECAnalysis

/// docs/zonemaster.md, generated from `ZonemasterMap` (a test keeps it current).
public enum ZonemasterDocument {
    public static func markdown() -> String {
        let tags = ZonemasterMap.tags
        func count(_ match: ZonemasterMap.Match) -> Int { tags.filter { $0.match == match }.count }
        let uncovered = tags.filter { $0.isProblem && $0.match == .none }
        var out = """
            # dnssec-check and Zonemaster's DNSSEC test plan

            Generated from `Sources/DNSSECAnalysis/ZonemasterMap.swift` by
            `dnssec-check codes --zonemaster`; do not edit by hand. For every
            message tag of Zonemaster's DNSSEC test cases DNSSEC01-DNSSEC18
            (zonemaster v2025.2: the Summary table of each specification under
            `docs/public/specifications/tests/DNSSEC-TP/`, levels from
            zonemaster-engine's `share/profile.json`; DNSSEC12 is a placeholder
            without tags), the dnssec-check code that reports the same condition,
            or why there is none. `dnssec-check codes CODE` names the Zonemaster
            tags of a code.

            Differences that hold for every row: dnssec-check judges the whole
            chain from the trust anchor, not only the delegation point; its
            severities are the validators' view (error: validation fails or will,
            warning: works but fragile or against a SHOULD, info), so a Zonemaster
            ERROR about policy (a deprecated algorithm, a reserved digest type)
            is often a dnssec-check warning; and the checks that need the zone's
            keys use the DNSKEY RRset the chain validates, or, on a zone whose
            chain does not hold (no DS, a bogus DS, an unsigned parent), the keys
            that sign its own DNSKEY RRset for what concerns the zone alone (the
            SOA's signatures and algorithms, NSEC3 parameters, the NXDOMAIN
            probe's denial, the CDS/CDNSKEY of the servers compared, paired, their
            keys' flags and signers); the ones that
            need no keys (the parent's DS RRset, key algorithms and sizes,
            NSEC/NSEC3 agreement, NODATA SOA, servers) run for every zone reached.
            CDS/CDNSKEY compared with the parent's DS still need a validated chain.

            \(tags.count) tags: \(count(.same)) reported the same, \(count(.partial)) in part, \(count(.none)) not
            reported, \(count(.notAProblem)) good-state tags (checklist lines, no
            finding), \(count(.notApplicable)) about Zonemaster itself.

            """
        if !uncovered.isEmpty {
            out += "\nProblem tags (NOTICE and above) no code reports yet: "
                + uncovered.map { "`\($0.tag)`" }.joined(separator: ", ") + ".\n"
        }
        for testCase in Array(Set(tags.map(\.testCase))).sorted() {
            out += "\n## \(testCase)\n\n| Tag | Level | dnssec-check | Match | Note |\n| --- | --- | --- | --- | --- |\n"
            for tag in tags where tag.testCase == testCase {
                let codes = tag.codes.map { "[`\($0.rawValue)`](diagnostics.md#\($0.rawValue.lowercased()))" }.joined(separator: ", ")
                out += "| `\(tag.tag)` | \(tag.level.rawValue.uppercased()) | \(codes.isEmpty ? "—" : codes) | \(tag.match.rawValue) | \(tag.note.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        return out
    }
}
