import DNSModel

/// Asks one question of one server and reports what happened, never
/// throwing: a timeout or a garbage answer is an outcome to record, not an
/// error (the analysis reports on it). The probe depends only on this.
public protocol DNSExchanging: Sendable {
    func exchange(_ question: Question, with server: ServerAddress, options: QueryOptions) async -> Exchange
}

/// The deadline of the walk a task asks for (one name of a batch), as a
/// task-local value: the walk sets it once with `WalkDeadline.$current.withValue`
/// and every question asked inside, in child tasks too, is bounded by it.
/// Past it, the engine sends nothing more for that walk, and other walks
/// are unaffected.
public enum WalkDeadline {
    @TaskLocal public static var current: ContinuousClock.Instant?
}
