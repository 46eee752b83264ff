import DNSModel
import Foundation

/// The analysis of each zone on a path, kept for a run: in a batch the
/// root and a TLD are validated once, not once per name. A zone's analysis
/// is a pure function of what its servers said (the same recorded answers,
/// which the query engine's cache hands every walk), what its parent
/// established, and the path state it reads; all of that is the key, so a
/// name reads the same alone and in a batch. Shared by concurrent analyses.
public final class ZoneAnalysisCache: @unchecked Sendable {
    struct Key: Hashable {
        var observation: ZonePrint
        var inherited: SecurityStatus?
        var parentKeys: [Record]?
        var anchored: Bool
        var soaExpire: [DNSName: Int64]
        var shortValiditySigners: Set<DNSName>
    }

    /// What the zone's check produced: its outcome, and what it added to the run.
    struct Entry {
        var outcome: ZoneCheck.Outcome
        var findings: [Diagnostic]
        var pathSignatures: [AnalysisRun.PathSignature]
        var soaExpire: [DNSName: Int64]
        var shortValiditySigners: Set<DNSName>
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private let capacity: Int
    public private(set) var hits = 0

    /// At most `capacity` zones; when full it starts afresh (a batch's
    /// shared zones are back after one name each).
    public init(capacity: Int = 256) { self.capacity = max(1, capacity) }

    func entry(_ key: Key) -> Entry? {
        lock.withLock {
            let found = entries[key]
            if found != nil { hits += 1 }
            return found
        }
    }

    func store(_ entry: Entry, for key: Key) {
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}

extension AnalysisRun {
    /// Checks one zone, or takes the check from the run's cache.
    mutating func check(_ zoneCheck: inout ZoneCheck) -> ZoneCheck.Outcome {
        guard let cache = analyzer.zoneCache else { return zoneCheck.run(&self) }
        let key = ZoneAnalysisCache.Key(observation: ZonePrint(zoneCheck.observation), inherited: zoneCheck.inherited,
                                        parentKeys: zoneCheck.parentKeys, anchored: zoneCheck.anchored,
                                        soaExpire: soaExpire, shortValiditySigners: shortValiditySigners)
        if let entry = cache.entry(key) {
            entry.findings.forEach { merge($0) }
            pathSignatures += entry.pathSignatures
            soaExpire = entry.soaExpire
            shortValiditySigners = entry.shortValiditySigners
            return entry.outcome
        }
        let findingsBefore = findings
        let signaturesBefore = pathSignatures.count
        let candidateBefore = bootstrapCandidate == nil
        let outcome = zoneCheck.run(&self)
        // Only a check whose effect on the run is plain additions can be replayed.
        let appendedOnly = findings.count >= findingsBefore.count
            && Array(findings.prefix(findingsBefore.count)) == findingsBefore
        if appendedOnly && candidateBefore == (bootstrapCandidate == nil) && candidateBefore {
            cache.store(.init(outcome: outcome, findings: Array(findings.dropFirst(findingsBefore.count)),
                              pathSignatures: Array(pathSignatures.dropFirst(signaturesBefore)),
                              soaExpire: soaExpire, shortValiditySigners: shortValiditySigners), for: key)
        }
        return outcome
    }
}

/// What identifies a zone's observation for the cache: everything the check
/// reads, with each answer as the exchange it was parsed from (the response
/// bytes determine the message). Hashing these is far cheaper than hashing
/// the parsed messages, record by record. Keep it in step with the fields of
/// `ZoneObservation`: one left out would let two different zones share a check.
struct ZonePrint: Hashable {
    struct Answer: Hashable {
        var server: ServerAddress
        var question: Question
        var options: QueryOptions
        var transport: Transport
        var response: [UInt8]?
        var failure: ExchangeFailure?
        var failureDetail: String?
        var duration: Double
        var truncatedOverUDP: Bool

        // The response bytes hashed as one block, not byte by byte.
        func hash(into hasher: inout Hasher) {
            hasher.combine(server)
            hasher.combine(question)
            hasher.combine(options)
            hasher.combine(transport)
            hasher.combine(response?.count)
            response?.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(failure)
            hasher.combine(failureDetail)
            hasher.combine(duration)
            hasher.combine(truncatedOverUDP)
        }

        init(_ answer: ServerAnswer) {
            let exchange = answer.exchange
            server = answer.server
            question = answer.question
            options = exchange.options
            transport = exchange.transport
            response = exchange.response
            failure = exchange.failure
            failureDetail = exchange.failureDetail
            duration = exchange.duration
            truncatedOverUDP = exchange.truncatedOverUDP
        }
    }

    var zone: DNSName
    var parent: DNSName?
    var nameServers: [DNSName: [ServerAddress]]
    var servers: [ServerAddress]
    var withoutGlue: Set<DNSName>
    var notAsked: [ServerAddress]
    var notResolved: [DNSName]
    var badReferrals: [BadReferral]
    var undelegated: Bool
    var answers: [[Answer]]

    init(_ observation: ZoneObservation) {
        zone = observation.zone
        parent = observation.parent
        nameServers = observation.nameServers
        servers = observation.servers
        withoutGlue = observation.nameServersWithoutGlue
        notAsked = observation.serversNotAsked
        notResolved = observation.nameServersNotResolved
        badReferrals = observation.badReferrals
        undelegated = observation.undelegated
        answers = observation.answerLists.map { $0.map(Answer.init) }
    }
}
