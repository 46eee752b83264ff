/// The graph in Graphviz's DOT language: one cluster per zone, colours and
/// line styles by status, a legend, and the finding to fix first drawn
/// thick on a yellow ground. Every identifier and label is quoted and
/// escaped, so a hostile name cannot break the file.
public struct DOTWriter: Sendable {
    public var title: String
    /// Whether the caption repeats the finding to fix first: yes for a graph
    /// on its own (attached to a ticket), no inside the HTML page, whose
    /// verdict block above the graph says it already.
    public var captionsFixFirst: Bool

    public init(title: String = "dnssec-check", captionsFixFirst: Bool = true) {
        self.title = title
        self.captionsFixFirst = captionsFixFirst
    }

    /// Colours and styles, one place for the graph and the HTML page.
    public enum Palette {
        public static func color(_ status: ChainGraph.Status) -> String {
            switch status {
            case .secure: return "#0a7f8f"
            case .insecure: return "#555555"
            case .bogus: return "#c21a1a"
            case .expired: return "#c21a1a"
            case .expiringSoon: return "#d97800"
            case .indeterminate: return "#a58b00"
            case .unchecked: return "#9a9a9a"
            }
        }

        public static func lineStyle(_ status: ChainGraph.Status) -> String {
            switch status {
            case .expired: return "dashed"
            case .indeterminate, .unchecked: return "dotted"
            default: return "solid"
            }
        }

        public static let highlight = "#fff2a8"
    }

    public func render(_ graph: ChainGraph) -> String {
        var out: [String] = []
        out.append("digraph \(quote(title)) {")
        out.append("  graph [rankdir=TB, compound=true, newrank=true, nodesep=0.35, ranksep=0.55, fontname=\"DejaVu Sans\", fontsize=11, labelloc=t, label=\(quote(caption(graph)))];")
        out.append("  node [fontname=\"DejaVu Sans\", fontsize=9, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", penwidth=1.4];")
        out.append("  edge [fontname=\"DejaVu Sans\", fontsize=8, arrowsize=0.7, penwidth=1.3];")
        for cluster in graph.clusters {
            let color = Palette.color(cluster.status)
            out.append("  subgraph \(quote(cluster.id)) {")
            var attributes = "label=\(quote(cluster.label)), color=\(quote(color)), fontcolor=\(quote(color)), style=\"rounded\", penwidth=\(cluster.highlighted ? 4 : 1.5)"
            if cluster.highlighted { attributes += ", bgcolor=\(quote(Palette.highlight))" }
            out.append("    graph [\(attributes)];")
            for node in cluster.nodes { out.append("    " + nodeLine(node)) }
            out.append("  }")
        }
        for edge in graph.edges { out.append("  " + edgeLine(edge)) }
        out.append(contentsOf: legend())
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    func caption(_ graph: ChainGraph) -> String {
        graph.fixFirst.isEmpty || !captionsFixFirst ? title : ([title] + graph.fixFirst.map { Self.wrap($0, 110) }).joined(separator: "\n")
    }

    func nodeLine(_ node: ChainGraph.Node) -> String {
        let color = Palette.color(node.status)
        var style = ["rounded", "filled"]
        if node.dashed { style.append("dashed") }
        if node.highlighted { style.append("bold") }
        let shape: String
        switch node.kind {
        case .dnskey, .missingKey: shape = "ellipse"
        case .ds: shape = "box"
        case .rrset: shape = "box"
        case .proof: shape = "note"
        case .server: shape = "box3d"
        case .more: shape = "plaintext"
        }
        if shape == "ellipse" || shape == "note" || shape == "box3d" || shape == "plaintext" { style.removeAll { $0 == "rounded" } }
        var attributes = [
            "label=\(quote(node.lines.joined(separator: "\n")))",
            "shape=\(shape)",
            "color=\(quote(color))",
            "style=\(quote(style.joined(separator: ",")))",
        ]
        if node.highlighted {
            attributes.append("fillcolor=\(quote(Palette.highlight))")
            attributes.append("penwidth=4")
        }
        return "\(quote(node.id)) [\(attributes.joined(separator: ", "))];"
    }

    func edgeLine(_ edge: ChainGraph.Edge) -> String {
        let color = Palette.color(edge.status)
        var attributes = ["color=\(quote(color))", "style=\(quote(Palette.lineStyle(edge.status)))"]
        switch edge.kind {
        case .rrsig: attributes.append("arrowhead=normal")
        case .digest: attributes.append("arrowhead=empty")
        case .proof: attributes.append("arrowhead=odiamond")
        case .alias: attributes.append("arrowhead=vee")
        case .layout: return "\(quote(edge.from)) -> \(quote(edge.to)) [style=invis];"
        }
        if let label = edge.label {
            attributes.append("label=\(quote(label))")
            attributes.append("fontcolor=\(quote(color))")
        }
        if edge.highlighted { attributes.append("penwidth=4") }
        return "\(quote(edge.from)) -> \(quote(edge.to)) [\(attributes.joined(separator: ", "))];"
    }

    /// What the colours, line styles and arrow heads mean.
    func legend() -> [String] {
        var rows = ChainGraph.Status.allCases.map { status in
            "<tr><td><font color=\"\(Palette.color(status))\">━━</font></td><td align=\"left\">\(status.words)"
                + (Palette.lineStyle(status) == "solid" ? "" : " (\(Palette.lineStyle(status)))") + "</td></tr>"
        }
        rows += [
            "<tr><td>→</td><td align=\"left\">RRSIG: key → what it signs</td></tr>",
            "<tr><td>▷</td><td align=\"left\">DS → the key it holds the digest of</td></tr>",
            "<tr><td>◇</td><td align=\"left\">answer → its NSEC/NSEC3 proof</td></tr>",
            "<tr><td bgcolor=\"\(Palette.highlight)\">  </td><td align=\"left\">fix first</td></tr>",
        ]
        return [
            "  subgraph \"cluster legend\" {",
            "    graph [label=\"legend\", color=\"#bbbbbb\", fontcolor=\"#555555\", style=\"rounded\"];",
            "    \"legend\" [shape=plaintext, style=\"\", label=<<table border=\"0\" cellspacing=\"0\" cellpadding=\"2\">"
                + rows.joined() + "</table>>];",
            "  }",
        ]
    }

    /// A DOT string: quotes and backslashes escaped (so `\n` in a name is
    /// not a line break), line breaks as `\n`, control bytes dropped.
    func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Breaks a long caption line at spaces.
    static func wrap(_ text: String, _ width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = "    "
            }
            line += (line.isEmpty || line == "    " ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
