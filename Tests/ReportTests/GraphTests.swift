import DNSModel
import DNSSECAnalysis
import DNSSECGraph
import DNSSECProbe
import DNSSECReport
import DNSSECTestSupport
import DNSTransport
import Foundation
import GraphvizBridge
import LDNSBridge
import Testing

/// The chain-of-trust graph (issue 15) over recorded captures: what it
/// draws and how it marks the broken link, built in-process from the same
/// reports the CLI renders; then the rendered DOT, SVG, PNG and HTML of
/// every capture through the binary, checked by xmllint.
struct GraphTests {
    static func report(_ capture: String) async throws -> NameReport {
        let loaded = try Capture.load(from: Data(contentsOf: URL(fileURLWithPath: Tool.capturePath(capture))))
        let walker = ChainWalker(transport: ReplayTransport(capture: loaded),
                                 rootServers: loaded.rootHints.map { ServerAddress(ip: $0) },
                                 undelegated: loaded.undelegated)
        let observation = await walker.observe(loaded.names[0], types: loaded.types)
        let anchors = TrustAnchors(records: try loaded.trustAnchors.map { try Presentation.parseRecord($0) })
        return Analyzer(anchors: anchors, policy: AnalysisPolicy(), referenceTime: Int64(loaded.endTime)).analyze(observation)
    }

    static func graph(_ capture: String) async throws -> ChainGraph {
        ChainGraph(reports: [try await report(capture)])
    }

    static func nodes(_ graph: ChainGraph) -> [ChainGraph.Node] { graph.clusters.flatMap(\.nodes) }

    @Test func aHealthyChainIsSecureFromTheAnchorDown() async throws {
        let graph = try await Self.graph("ok")
        #expect(graph.clusters.map(\.zone) == [nil, ".", "lab.", "ok.lab."])
        #expect(graph.clusters.allSatisfy { $0.status == .secure && !$0.highlighted })
        #expect(graph.edges.filter { $0.kind != .layout }.allSatisfy { $0.status == .secure }, "\(graph.edges)")
        #expect(graph.fixFirst.isEmpty)
        // Each zone: its DS points at its KSK, and the KSK signs every key of the set (itself too).
        for zone in [".", "lab.", "ok.lab."] {
            let ksk = try #require(Self.nodes(graph).first { $0.id.hasPrefix("dnskey \(zone) ") && $0.lines.last == "KSK (SEP)" })
            #expect(graph.edges.contains { $0.kind == .digest && $0.to == ksk.id && $0.from.hasPrefix("ds \(zone) ") })
            #expect(graph.edges.contains { $0.kind == .rrsig && $0.from == ksk.id && $0.to == ksk.id })
        }
        // The parent's ZSK signs each child's DS.
        #expect(graph.edges.contains { $0.kind == .rrsig && $0.from.hasPrefix("dnskey lab. ") && $0.to.hasPrefix("ds ok.lab. ") })
        // The answer hangs under the zone's ZSK.
        #expect(graph.edges.contains { $0.kind == .rrsig && $0.to == "rrset www.ok.lab. A" && $0.from.hasPrefix("dnskey ok.lab. ") })
    }

    @Test func aBadDSIsTheMarkedLink() async throws {
        let graph = try await Self.graph("ds-bad-digest")
        let ds = try #require(Self.nodes(graph).first { $0.kind == .ds && $0.id.hasPrefix("ds ds-bad-digest.lab. ") })
        #expect(ds.status == .bogus)
        #expect(ds.highlighted, "the finding to fix first (DIGEST_INVALID) is about this DS")
        // It sits at the parent, and its arrow to the key says what is wrong.
        #expect(graph.clusters.first { $0.zone == "lab." }?.nodes.contains { $0.id == ds.id } == true)
        let arrow = try #require(graph.edges.first { $0.from == ds.id })
        #expect(arrow.status == .bogus && arrow.label == "digest mismatch")
        #expect(graph.clusters.first { $0.zone == "ds-bad-digest.lab." }?.status == .bogus)
        #expect(graph.fixFirst.first?.contains("DIGEST_INVALID") == true)
    }

    @Test func expiredSignaturesAreDashedAndMarked() async throws {
        let graph = try await Self.graph("expired")
        let expired = graph.edges.filter { $0.status == .expired }
        #expect(!expired.isEmpty)
        #expect(expired.allSatisfy { $0.label?.hasPrefix("expired ") == true })
        // EXPIRATION_IN_PAST is about the DNSKEY RRset's signatures: those arrows are the marked ones.
        let marked = graph.edges.filter(\.highlighted)
        #expect(!marked.isEmpty && marked.allSatisfy { $0.kind == .rrsig && $0.to.hasPrefix("dnskey expired.lab. ") && $0.status == .expired })
        let dot = DOTWriter().render(graph)
        #expect(dot.contains("style=\"dashed\""))
        // The DS matches its key: that link is good, only the signatures below it broke.
        let ds = try #require(Self.nodes(graph).first { $0.kind == .ds && $0.id.hasPrefix("ds expired.lab. ") })
        #expect(ds.status == .secure)
        #expect(graph.edges.first { $0.from == ds.id }?.status == .secure)
    }

    @Test func aCNAMEPointsAtItsTargetAndTheCaptionNamesTheFixOnce() async throws {
        let graph = try await Self.graph("cname-into-bogus")
        let alias = try #require(graph.edges.first { $0.kind == .alias })
        #expect(alias.from == "rrset www.cname.lab. A" && alias.to == "rrset www.expired.lab. A" && alias.status == .bogus)
        #expect(graph.fixFirst.count == 1 && graph.fixFirst[0].hasPrefix("www.cname.lab.: fix first EXPIRATION_IN_PAST"))
        // The answer shows its RDATA, not the record line.
        #expect(Self.nodes(graph).first { $0.id == "rrset www.expired.lab. A" }?.lines == ["www.expired.lab. A", "127.53.255.1"])
    }

    @Test func aStaleSecondaryIsDrawnApart() async throws {
        let graph = try await Self.graph("split")
        let server = try #require(Self.nodes(graph).first { $0.kind == .server })
        #expect(server.lines.contains("stale copy"))
        #expect(server.lines.first?.hasPrefix("ns2.split.lab.") == true)
        #expect(server.highlighted, "INCONSISTENT_SOA_SERIAL, the finding to fix first, is about this server")
    }

    @Test func anNSEC3NXDOMAINShowsItsProofWithRoles() async throws {
        let graph = try await Self.graph("nsec3-optout-nxdomain")
        let answer = try #require(Self.nodes(graph).first { $0.kind == .rrset })
        #expect(answer.lines.contains("NXDOMAIN"))
        let proofs = graph.edges.filter { $0.kind == .proof && $0.from == answer.id }
        #expect(proofs.count >= 2)
        let roles = proofs.compactMap(\.label).joined(separator: ", ")
        #expect(roles.contains("closest encloser") && roles.contains("covers next closer"))
        #expect(Self.nodes(graph).filter { $0.kind == .proof }.allSatisfy { $0.id.hasPrefix("nsec3 ") && $0.lines.contains("opt-out") })
        // Each proof record hangs under the zone key that signed it, as an answer does.
        for proof in proofs {
            let signatures = graph.edges.filter { $0.kind == .rrsig && $0.to == proof.to }
            #expect(!signatures.isEmpty, "no signing key drawn for \(proof.to)")
            #expect(signatures.allSatisfy { $0.from.hasPrefix("dnskey nsec3-optout.lab. ") && $0.status == .secure }, "\(signatures)")
        }
    }

    @Test func anInsecureDelegationHasNoDS() async throws {
        let graph = try await Self.graph("cds-bootstrap-signalled")
        let last = try #require(graph.clusters.last { $0.zone != nil })
        #expect(last.status == .insecure)
        #expect(!Self.nodes(graph).contains { $0.kind == .ds && $0.id.hasPrefix("ds \(last.zone!) ") })
    }

    @Test func hostileZonesAreDrawnWithinTheCaps() async throws {
        let limits = ChainGraph.Limits()
        let ds = try await Self.graph("hostile-ds-300")
        let dsNodes = Self.nodes(ds).filter { $0.kind == .ds }
        #expect(dsNodes.count <= limits.dsPerDelegation + 3)
        #expect(Self.nodes(ds).contains { $0.kind == .more && $0.lines[0].contains("more DS") })
        let keys = try await Self.graph("hostile-keytrap-p256-valid-last")
        for cluster in keys.clusters {
            #expect(cluster.nodes.filter { $0.kind == .dnskey }.count <= limits.keysPerZone)
        }
        #expect(keys.edges.count < 400)
    }

    @Test func sharedAncestorsAreDrawnOnce() async throws {
        let graph = ChainGraph(reports: [try await Self.report("ok"), try await Self.report("expired")])
        let zones = graph.clusters.compactMap(\.zone)
        #expect(zones == [".", "lab.", "ok.lab.", "expired.lab."])
        #expect(Set(Self.nodes(graph).map(\.id)).count == Self.nodes(graph).count, "node identifiers are unique")
    }

    @Test func hostileTextCannotBreakTheDOT() throws {
        var graph = ChainGraph(reports: [])
        graph.clusters.append(.init(id: "cluster zone a\"b\\.", zone: "a\"b\\.", label: "a\"b\\. ] ; } {", status: .bogus,
                                    nodes: [.init(id: "n \"x\" \\", kind: .rrset, lines: ["line \"1\"\n", "\\n not a break", "\u{1}ctl"],
                                                  status: .bogus)]))
        let dot = DOTWriter().render(graph)
        #expect(!dot.contains("\u{1}"))
        let svg = String(decoding: try GraphvizLayout.render(dot: dot, format: .svg), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("\\n not a break"), "a backslash in a name stays a backslash")
    }

    @Test func theTimelineHasEverySignatureAndTheThresholds() async throws {
        let report = try await Self.report("expired")
        let reference = report.referenceTime
        let timeline = ExpiryTimeline(reports: [report], referenceTime: reference, now: reference + 86400 * 3,
                                      warnSeconds: 3 * 86400, critSeconds: 86400)
        let signatures = report.zones.flatMap { $0.rrsigs + $0.dsRRSIGs } + report.rrsets.flatMap(\.rrsigs)
        #expect(timeline.bars.count == Set(signatures.map { "\($0.typeCovered) \($0.owner) \($0.keyTag)" }).count)
        #expect(timeline.bars.first?.status == .expired, "sorted by expiration: the expired ones first")
        let svg = timeline.svg()
        for marker in ["checked at", "now", "warn", "crit"] { #expect(svg.contains(">\(marker)</text>")) }
    }

    // MARK: - Through the binary

    static var hasXMLLint: Bool { TestProcess.which("xmllint") != nil }

    @Test("dot, svg, png and html of every capture; svg and html well-formed",
          .enabled(if: hasXMLLint, "apt-get install libxml2-utils"), arguments: Tool.captures)
    func renders(_ capture: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ["svg", "html"] {
            let result = try Tool.dnssecCheck(["analyze", Tool.capturePath(capture), "--format", format])
            #expect(result.stderr.isEmpty, "\(capture) \(format): \(result.stderr)")
            #expect((0...3).contains(result.status))
            let file = directory.appendingPathComponent("out.\(format)")
            try Data(result.stdout.utf8).write(to: file)
            let lint = try Tool.run(TestProcess.which("xmllint")!, ["--noout", file.path])
            #expect(lint.status == 0, "\(capture) \(format) is not well-formed: \(lint.stderr)")
            if format == "html" {
                #expect(result.stdout.contains("id=\"graph\"") && result.stdout.contains("class=\"timeline\""))
                #expect(!result.stdout.contains("<script"), "no script in the page")
                #expect(!result.stdout.contains("src=\"http"), "nothing is loaded from the network")
                // The verdict block says what to fix first; the graph's caption
                // inside the page does not say it a second time.
                // (The legend's "fix first" names the highlight colour, not a finding.)
                let verdictBlock = result.stdout.components(separatedBy: "<strong>Fix first:</strong>").count - 1
                #expect(verdictBlock <= 1, "\(capture): the fix-first line \(verdictBlock) times")
                #expect(result.stdout.range(of: "fix first [A-Z0-9_]+ \\(", options: .regularExpression) == nil,
                        "\(capture): the graph's caption repeats the finding to fix first")
            }
        }
    }

    @Test func aGraphOnItsOwnNamesTheFixButTheHTMLPageOnlyOnce() throws {
        let svg = try Tool.dnssecCheck(["analyze", Tool.capturePath("expired"), "--format", "svg"])
        #expect(svg.stdout.contains("fix first EXPIRATION_IN_PAST"), "a graph attached to a ticket says what to fix")
        let html = try Tool.dnssecCheck(["analyze", Tool.capturePath("expired"), "--format", "html"])
        #expect(html.stdout.contains("<strong>Fix first:</strong> <code>EXPIRATION_IN_PAST</code>"))
        #expect(!html.stdout.contains("fix first EXPIRATION_IN_PAST"), "the page's graph caption does not repeat it")
    }

    /// The RRSIG table says which server each signature came from: the
    /// stale secondary of split.lab. serves the older DNSKEY signature.
    @Test func theHTMLNamesTheServersOfEachSignature() throws {
        let html = try Tool.dnssecCheck(["analyze", Tool.capturePath("split"), "--format", "html"]).stdout
        #expect(html.contains("<th>Status</th><th>Served by</th>"))
        let rows = html.components(separatedBy: "<tr>").filter { $0.hasPrefix("<td>split.lab. DNSKEY</td>") }
        #expect(rows.count == 2, "\(rows)")
        let stale = try #require(rows.first { $0.contains("2026-12-27T02:49:52Z") })
        #expect(stale.contains("<td>ns2.split.lab. (127.53.5.1:53)</td>") && !stale.contains("127.53.2.1"), "\(stale)")
        let fresh = try #require(rows.first { $0.contains("2026-12-29T02:49:52Z") })
        #expect(fresh.contains("<td>ns1.split.lab. (127.53.2.1:53)</td>") && !fresh.contains("127.53.5.1"), "\(fresh)")
    }

    @Test func pngIsAPicture() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("graph-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        // Through the shell: the PNG bytes go straight to a file.
        let result = try Tool.run("/bin/sh", ["-c", "\"$0\" analyze \"$1\" --format png > \"$2\"",
                                              try #require(Tool.binary).path, Tool.capturePath("ok"), file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: file)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        #expect(bytes.count > 10_000)
    }

    static var hasChromium: Bool { TestProcess.which("chromium") != nil }

    /// The HTML page of a broken name, rendered by a real browser: the
    /// screenshot is the expected size, not blank, and shows the bogus red
    /// of the broken link and the secure colour of the chain above it.
    @Test(.enabled(if: hasChromium, "apt-get install chromium"))
    func theHTMLRendersInABrowser() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = directory.appendingPathComponent("expired.html"), png = directory.appendingPathComponent("expired.png")
        let page = try Tool.dnssecCheck(["analyze", Tool.capturePath("expired"), "--format", "html"])
        try Data(page.stdout.utf8).write(to: html)
        let shot = try Tool.run(Tool.root.appendingPathComponent("scripts/screenshot").path, [html.path, png.path, "1280x1600"])
        #expect(shot.status == 0, "\(shot.stderr)")
        let stats = try Tool.run(try #require(Tool.python), [Tool.root.appendingPathComponent("scripts/png-colours.py").path, png.path,
                                                          DOTWriter.Palette.color(.bogus), DOTWriter.Palette.color(.secure)])
        struct Stats: Decodable { var width: Int; var height: Int; var colours: Int; var near: [String: Int] }
        let parsed = try JSONDecoder().decode(Stats.self, from: Data(stats.stdout.utf8))
        #expect(parsed.width == 1280 && parsed.height == 1600)
        #expect(parsed.colours > 100, "a blank page has a handful of colours")
        #expect(parsed.near[DOTWriter.Palette.color(.bogus)] ?? 0 > 500, "the broken link is drawn in red")
        #expect(parsed.near[DOTWriter.Palette.color(.secure)] ?? 0 > 500, "the secure part of the chain in its colour")
    }

    @Test func tooManyNamesForOnePictureIsAUsageError() throws {
        let names = (1...51).map { "n\($0).example" }
        let result = try Tool.dnssecCheck(names + ["--format", "svg"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("at most 50 names"))
    }
}
