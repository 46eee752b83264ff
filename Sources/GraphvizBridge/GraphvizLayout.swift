import CGraphviz
import Foundation

/// DOT text to SVG or PNG through Graphviz's own library (libgvc, the
/// `dot` layout engine), as DNSViz lays out its graphs through pygraphviz:
/// no `dot` process, no layout of our own. The only Swift code that calls
/// Graphviz.
public enum GraphvizLayout {
    public enum Format: String, Sendable, CaseIterable {
        case svg, png
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Graphviz keeps global state (its error handler, the plugin list):
    /// one layout at a time in the process.
    private static let lock = NSLock()

    public static func render(dot: String, format: Format) throws(Failure) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        // Graphviz writes warnings and errors to stderr itself; the caller
        // reports a failure in its own words instead.
        agseterr(AGMAX)
        guard let context = gvContext() else { throw Failure(description: "Graphviz could not start (gvContext)") }
        defer { gvFreeContext(context) }
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw Failure(description: "Graphviz could not read the graph")
        }
        defer { agclose(graph) }
        guard gvLayout(context, graph, "dot") == 0 else { throw Failure(description: "Graphviz could not lay out the graph") }
        defer { gvFreeLayout(context, graph) }
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format.rawValue, &data, &length) == 0, let data else {
            throw Failure(description: "Graphviz could not render \(format.rawValue) (is its plugin installed?)")
        }
        defer { gvFreeRenderData(data) }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }
}
