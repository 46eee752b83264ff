import DNSModel
import DNSSECAnalysis
import DNSSECProbe
import DNSTransport
import Foundation

/// Probe (network or replay) → observations → analysis. The CLI commands
/// share it; the analysis half never touches the network.
enum Pipeline {
    struct NetworkSettings {
        var timeout: Double
        var deadline: Double
        var trace: Bool
    }

    /// Walks every name concurrently over one engine, so common ancestors
    /// are asked once; returns the observations and the capture.
    static func probe(names: [DNSName], types: [RRType], inputs: TrustInputs,
                      settings: NetworkSettings) async -> ([NameObservation], Capture) {
        let start = Date().timeIntervalSince1970
        var traceHook: (@Sendable (Exchange) -> Void)?
        if settings.trace {
            traceHook = { @Sendable exchange in printError(TraceFormatter.line(for: exchange)) }
        }
        let engine = QueryEngine(
            configuration: .init(timeout: .milliseconds(Int64(settings.timeout * 1000)),
                                 deadline: .milliseconds(Int64(settings.deadline * 1000))),
            trace: traceHook)
        let transport: any DNSExchanging = LoopbackGuard.enabled ? LoopbackGuard(inner: engine) : engine
        let observations = await observe(names: names, types: types, transport: transport, roots: inputs.rootServers)
        let exchanges = await engine.recordedExchanges()
        await engine.shutdown()
        let capture = Capture(tool: "dnssec-check \(DNSSECCheck.version)", startTime: start,
                              endTime: Date().timeIntervalSince1970, names: names, types: types,
                              trustAnchors: inputs.anchorText, rootHints: inputs.rootServers.map(\.ip),
                              exchanges: exchanges)
        return (observations, capture)
    }

    static func observe(names: [DNSName], types: [RRType], transport: any DNSExchanging,
                        roots: [ServerAddress]) async -> [NameObservation] {
        let walker = ChainWalker(transport: transport, rootServers: roots)
        return await withTaskGroup(of: (Int, NameObservation).self) { group in
            for (index, name) in names.enumerated() {
                group.addTask { (index, await walker.observe(name, types: types)) }
            }
            var results: [(Int, NameObservation)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Re-walks a capture offline: the walker asks the same questions and the
    /// replay answers them from the recorded exchanges.
    static func replay(_ capture: Capture) async -> [NameObservation] {
        let transport = ReplayTransport(capture: capture)
        let roots = capture.rootHints.map { ServerAddress(ip: $0) }
        return await observe(names: capture.names, types: capture.types, transport: transport, roots: roots)
    }
}
