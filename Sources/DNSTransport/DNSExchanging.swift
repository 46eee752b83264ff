import DNSModel

/// Asks one question of one server and reports what happened, never
/// throwing: a timeout or a garbage answer is an outcome to record, not an
/// error (the analysis reports on it). The probe depends only on this.
public protocol DNSExchanging: Sendable {
    func exchange(_ question: Question, with server: ServerAddress, options: QueryOptions) async -> Exchange
}
