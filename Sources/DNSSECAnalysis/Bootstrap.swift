import DNSModel

/// A zone that a parent could bootstrap: no DS, signed, and its CDS/CDNSKEY
/// point to a key that signs its DNSKEY RRset.
struct BootstrapCandidate {
    var zone: DNSName
    var parent: DNSName?
    var cds: Set<[UInt8]>
    var cdnskey: Set<[UInt8]>
    /// The DS a bootstrapping parent would publish, as text.
    var ds: String
    /// The delegation's name server hosts.
    var hosts: [DNSName]
    /// Hosts inside the zone cannot carry RFC 9615 signals for it.
    var hostsInside: [DNSName] { hosts.filter { $0.isSubdomain(of: zone) } }
    var hostsOutside: [DNSName] { hosts.filter { !$0.isSubdomain(of: zone) } }
}

extension AnalysisRun {
    /// RFC 9615 §4: a parent bootstraps with authentication when, under every
    /// name server host, `_dsboot.<zone>._signal.<host>` holds a validly signed
    /// copy of the zone's CDS/CDNSKEY. Otherwise only RFC 8078 §3's unauthenticated
    /// ways ("accept after delay", "accept with challenge") remain.
    mutating func bootstrapFindings(_ candidate: BootstrapCandidate, signals: [NameObservation]) {
        var valid: [String] = []
        var absent: [String] = []
        var invalid: [String] = []
        // Only this zone's signals (the walk asks them for the name's own zone).
        let prefix = [Array("_dsboot".utf8)] + candidate.zone.labels + [Array("_signal".utf8)]
        let expected = Set(candidate.hostsOutside.compactMap { try? DNSName(labels: prefix + $0.labels) })
        let mine = signals.filter { expected.contains($0.name) }
        for signal in mine {
            let host = DNSName.hostOfSignal(signal.name)
            var child = AnalysisRun(analyzer: analyzer)
            let report = child.report(signal)
            func records(_ type: RRType) -> Set<[UInt8]> {
                Set((signal.answers[type] ?? []).flatMap { $0.answerRecords(signal.name, type) }.map(\.rdata))
            }
            let (cds, cdnskey) = (records(.cds), records(.cdnskey))
            if cds.isEmpty && cdnskey.isEmpty {
                absent.append(host)
            } else if report.status != .secure {
                invalid.append("\(host): the signalling records are \(report.status.rawValue)")
            } else if cds != candidate.cds || cdnskey != candidate.cdnskey {
                invalid.append("\(host): the signalling CDS/CDNSKEY differ from the zone's own")
            } else {
                valid.append(host)
            }
        }
        let signalling: String
        if !invalid.isEmpty {
            add(.bootstrapSignalInvalid, .delegation(parent: candidate.parent, child: candidate.zone), zone: candidate.zone,
                "RFC 9615 signalling for \(candidate.zone) fails under " + invalid.joined(separator: "; ")
                    + ": a parent that bootstraps with authentication will not act")
            signalling = "its RFC 9615 signalling is broken (see BOOTSTRAP_SIGNAL_INVALID)"
        } else if !valid.isEmpty && absent.isEmpty && candidate.hostsInside.isEmpty
                    && valid.count == candidate.hostsOutside.count {
            signalling = "authenticated by RFC 9615 signalling under \(valid.joined(separator: ", "))"
        } else if !candidate.hostsInside.isEmpty {
            signalling = "not authenticated: name servers inside the zone (\(candidate.hostsInside.map(\.description).joined(separator: ", "))) cannot carry RFC 9615 signals, so a parent can only accept after a delay or a challenge (RFC 8078 §3)"
        } else if valid.count + absent.count < candidate.hostsOutside.count {
            let checked = Set(valid + absent)
            let unchecked = candidate.hostsOutside.map(\.description).filter { !checked.contains($0) }
            signalling = "RFC 9615 signalling not checked under \(unchecked.joined(separator: ", ")) (the walk follows at most a few hosts), so it is not known to be authenticated"
        } else {
            signalling = "not authenticated: no RFC 9615 signalling under \(absent.joined(separator: ", ")), so a parent can only accept after a delay or a challenge (RFC 8078 §3)"
        }
        add(.cdsBootstrapReady, .delegation(parent: candidate.parent, child: candidate.zone), zone: candidate.zone,
            "\(candidate.zone) is signed and publishes CDS/CDNSKEY for a key that signs its DNSKEY RRset, but has no DS: a parent that bootstraps from CDS would publish \(candidate.ds) and the zone would become secure; \(signalling)")
    }
}

extension DNSName {
    /// `ns1.example.net.` from `_dsboot.<zone>._signal.ns1.example.net.`.
    static func hostOfSignal(_ name: DNSName) -> String {
        guard let index = name.labels.firstIndex(of: Array("_signal".utf8)),
              let host = try? DNSName(labels: Array(name.labels[(index + 1)...])) else { return name.description }
        return host.description
    }
}
