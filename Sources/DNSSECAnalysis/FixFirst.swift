import DNSModel

extension NameReport {
    /// The one finding to act on first: a check that ran out of time (what
    /// it could not see is unknown), then an error where the chain breaks,
    /// then other errors, then warnings; among equals, the zone closest to
    /// the root (its fix helps everything below), a cause before its
    /// consequence, then the catalog's order. Nil when there is nothing to fix.
    /// Looks into CNAME targets, whose breakage is the name's.
    public var fixFirst: Diagnostic? {
        var all: [Diagnostic] = []
        var depth: [DNSName: Int] = [:]
        var breakZones: Set<DNSName> = []
        func gather(_ report: NameReport) {
            all += report.findings.filter { $0.severity != .info }
            for (index, zone) in report.zones.enumerated() where depth[zone.zone] == nil { depth[zone.zone] = index }
            if let broken = report.zones.first(where: { $0.status == .bogus || $0.status == .indeterminate }) {
                breakZones.insert(broken.zone)
            } else if report.status == .bogus || report.status == .indeterminate, let leaf = report.zones.last {
                breakZones.insert(leaf.zone)   // the zones hold; an RRset in the last one does not
            }
            report.cnameTargets.forEach(gather)
        }
        gather(self)
        // Summary codes that follow from a more specific finding beside them,
        // and causes that explain others (a stale server: differing keys,
        // chains and names on it).
        let consequences: Set<DiagnosticCode> = [.noSEP, .noTrustAnchorSigning, .dsAbsenceNotProven, .missingSEPForAlg, .walkIncomplete]
        // A budget that stopped the work explains the failures it left behind;
        // NSEC3 records validators ignore explain every denial that fails.
        let causes: Set<DiagnosticCode> = [.inconsistentSOASerial, .rrsigValidationLimit, .cryptoBudgetExceeded, .nsec3HashLimit,
                                           .nsec3UnknownFlags]
        let order = Dictionary(uniqueKeysWithValues: DiagnosticCatalog.all.enumerated().map { ($1.code, $0) })
        // A check that ran out of time explains whatever it could not see.
        let overriding: Set<DiagnosticCode> = [.checkDeadlineExceeded, .queryBudgetExceeded]
        func rank(_ d: Diagnostic) -> [Int] {
            [overriding.contains(d.code) ? 0 : 1,
             d.severity == .error && breakZones.contains(d.zone) ? 0 : 1,
             d.severity == .error ? 0 : 1,
             depth[d.zone] ?? Int.max,
             causes.contains(d.code) ? 0 : consequences.contains(d.code) ? 2 : 1,
             order[d.code] ?? Int.max]
        }
        return all.min { a, b in
            let (ra, rb) = (rank(a), rank(b))
            return ra != rb ? ra.lexicographicallyPrecedes(rb) : (a.subject.description, a.message) < (b.subject.description, b.message)
        }
    }
}
