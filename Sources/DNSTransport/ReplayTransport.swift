import DNSModel

/// Answers from recorded exchanges, with no network: how `analyze
/// capture.json` replays a run. Matching is by `ExchangeKey` (server,
/// question with the name compared case-insensitively, options); the first
/// recorded exchange for a key wins.
public struct ReplayTransport: DNSExchanging {
    public static let notInCapture = Exchange.notInCaptureDetail

    private let byKey: [ExchangeKey: Exchange]

    public init(exchanges: [Exchange]) {
        var byKey: [ExchangeKey: Exchange] = [:]
        for exchange in exchanges where byKey[exchange.key] == nil {
            byKey[exchange.key] = exchange
        }
        self.byKey = byKey
    }

    public init(capture: Capture) {
        self.init(exchanges: capture.exchanges)
    }

    public var count: Int { byKey.count }

    public func exchange(_ question: Question, with server: ServerAddress, options: QueryOptions) async -> Exchange {
        let key = ExchangeKey(server: server, question: question, options: options)
        if let recorded = byKey[key] { return recorded }
        // Deterministic: replay never reads the clock.
        return Exchange(server: server, question: question, options: options, startTime: 0, duration: 0,
                        transport: options.transport, response: nil, failure: .networkError,
                        failureDetail: Self.notInCapture)
    }
}
