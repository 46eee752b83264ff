import DNSSECAnalysis

/// Every signature on the validation path as a bar from inception to
/// expiration, with the reference time (`--at`), the time of the run, and
/// the warn and crit thresholds marked: the next re-signing deadline at a
/// glance. Drawn as inline SVG, by hand (bars and text on a time axis need
/// no layout engine).
public struct ExpiryTimeline: Sendable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var inception: Int64
        public var expiration: Int64
        public var status: ChainGraph.Status
    }

    public var bars: [Bar]
    public var referenceTime: Int64
    public var now: Int64?
    public var warnSeconds: Int64
    public var critSeconds: Int64

    /// Bars drawn at most; the earliest expirations are the ones that matter.
    public static let maxBars = 60

    public init(reports: [NameReport], referenceTime: Int64, now: Int64?, warnSeconds: Int64, critSeconds: Int64) {
        var bars: [Bar] = []
        var seen: Set<String> = []
        func add(_ sig: RRSIGReport, zone: String) {
            let label = "\(sig.typeCovered) \(sig.owner) by \(sig.keyTag)"
            let key = "\(label) \(sig.inception) \(sig.expiration)"
            guard sig.expiration != 0, seen.insert(key).inserted else { return }
            bars.append(Bar(label: label, inception: sig.inception, expiration: sig.expiration,
                            status: ChainGraph.Status(sig, warnSeconds: warnSeconds)))
        }
        func walk(_ report: NameReport) {
            for zone in report.zones {
                for sig in zone.dsRRSIGs { add(sig, zone: zone.zone.description) }
                for sig in zone.rrsigs { add(sig, zone: zone.zone.description) }
            }
            for rrset in report.rrsets { for sig in rrset.rrsigs { add(sig, zone: rrset.owner.description) } }
            for target in report.cnameTargets { walk(target) }
        }
        for report in reports { walk(report) }
        bars.sort { ($0.expiration, $0.label) < ($1.expiration, $1.label) }
        self.bars = Array(bars.prefix(Self.maxBars))
        self.referenceTime = referenceTime
        self.now = now
        self.warnSeconds = warnSeconds
        self.critSeconds = critSeconds
    }

    /// The next expiration among the bars, if any.
    public var earliestExpiration: Int64? { bars.map(\.expiration).min() }

    public func svg() -> String {
        let width = 1000.0, labelWidth = 300.0, rowHeight = 18.0, top = 40.0
        let height = top + Double(max(bars.count, 1)) * rowHeight + 56
        let markers: [(String, Int64, String)] = {
            var list: [(String, Int64, String)] = [("checked at", referenceTime, "#222222")]
            if let now, abs(now - referenceTime) > 60 { list.append(("now", now, "#0a7f8f")) }
            list.append(("crit", referenceTime + critSeconds, DOTWriter.Palette.color(.bogus)))
            list.append(("warn", referenceTime + warnSeconds, DOTWriter.Palette.color(.expiringSoon)))
            return list
        }()
        let times = bars.flatMap { [$0.inception, $0.expiration] } + markers.map(\.1)
        var start = times.min() ?? referenceTime
        var end = times.max() ?? referenceTime + 86400
        if end - start < 3600 { end = start + 3600 }
        let pad = (end - start) / 40
        start -= pad
        end += pad
        func x(_ t: Int64) -> Double { labelWidth + (width - labelWidth - 10) * Double(t - start) / Double(end - start) }
        var out: [String] = []
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">")
        out.append("<title>Signature validity on the validation path</title>")
        // Axis: the first and last day, and the markers.
        out.append("<line x1=\"\(labelWidth)\" y1=\"\(top - 6)\" x2=\"\(width - 10)\" y2=\"\(top - 6)\" stroke=\"#999999\"/>")
        out.append("<text x=\"\(labelWidth)\" y=\"14\" fill=\"#555555\">\(HTML.escape(String(TimeText.rfc3339(start).prefix(10))))</text>")
        out.append("<text x=\"\(width - 10)\" y=\"14\" fill=\"#555555\" text-anchor=\"end\">\(HTML.escape(String(TimeText.rfc3339(end).prefix(10))))</text>")
        for (index, marker) in markers.enumerated() {
            let mx = x(marker.1)
            out.append("<line x1=\"\(fmt(mx))\" y1=\"\(top - 12)\" x2=\"\(fmt(mx))\" y2=\"\(fmt(height - 48))\" stroke=\"\(marker.2)\" stroke-dasharray=\"4 3\"/>")
            out.append("<text x=\"\(fmt(mx))\" y=\"\(fmt(height - 4 - Double(markers.count - 1 - index) * 11))\" fill=\"\(marker.2)\" text-anchor=\"middle\">\(HTML.escape(marker.0))</text>")
        }
        if bars.isEmpty {
            out.append("<text x=\"\(labelWidth)\" y=\"\(top + 12)\" fill=\"#555555\">no signatures on the validation path</text>")
        }
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * rowHeight
            let color = DOTWriter.Palette.color(bar.status)
            let x1 = x(bar.inception), x2 = max(x(bar.expiration), x1 + 2)
            out.append("<g><title>\(HTML.escape("\(bar.label): \(TimeText.rfc3339(bar.inception)) to \(TimeText.rfc3339(bar.expiration)), \(bar.status.words)"))</title>")
            out.append("<text x=\"\(labelWidth - 6)\" y=\"\(fmt(y + 12))\" text-anchor=\"end\" fill=\"#222222\">\(HTML.escape(clipped(bar.label, 46)))</text>")
            out.append("<rect x=\"\(fmt(x1))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(x2 - x1))\" height=\"\(fmt(rowHeight - 6))\" rx=\"3\" fill=\"\(color)\" fill-opacity=\"0.8\"/>")
            let left = bar.expiration - referenceTime
            let note = left >= 0 ? "expires in \(TimeText.span(left))" : "expired \(TimeText.span(left)) ago"
            // The note sits inside a long bar (white on the bar) or after a short one.
            let inside = x2 - x1 > 160
            let textX = inside ? x2 - 4 : min(x2 + 4, width - 10)
            let anchor = inside || x2 + 150 > width ? "end" : "start"
            out.append("<text x=\"\(fmt(textX))\" y=\"\(fmt(y + 12))\" fill=\"\(inside ? "#ffffff" : color)\" text-anchor=\"\(anchor)\">\(HTML.escape(note))</text></g>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// One decimal, so the SVG is the same on every machine.
    func fmt(_ value: Double) -> String { String(Double(Int((value * 10).rounded())) / 10) }
}
