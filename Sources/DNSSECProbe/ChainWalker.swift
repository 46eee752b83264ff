import Foundation
import DNSModel
import DNSTransport
import LDNSBridge

/// Walks from the root servers down to a name, zone cut by zone cut, asking
/// every address of every name server of each zone for what DNSSEC
/// validation needs. Works the same over the network and over a replayed
/// capture, so the analysis of a capture sees exactly what the live run saw.
public struct ChainWalker: Sendable {
    /// Which addresses of name servers the walk may use (`-4`, `-6`).
    public enum AddressFamily: Sendable {
        case any, ipv4, ipv6

        public func allows(_ server: ServerAddress) -> Bool {
            switch self {
            case .any: return true
            case .ipv4: return !server.isIPv6
            case .ipv6: return server.isIPv6
            }
        }
    }

    public struct Limits: Sendable {
        public var maxDepth = 24
        /// unbound gives up after 11 restarts; following as many keeps verdicts aligned.
        public var maxCNAMEs = 11
        /// Depth of nested walks to resolve name servers without glue.
        public var maxNameServerResolution = 2
        /// RFC 9615 signalling names walked per unsigned zone with CDS.
        public var maxBootstrapSignals = 4
        /// Name server addresses asked per zone (in address order); the rest
        /// are listed as not asked. Thirteen is the most a root or TLD has; a
        /// zone with more than 32 addresses is a misconfiguration or an attack.
        public var maxServersPerZone = 32
        /// Name servers without glue resolved per zone (in name order): a
        /// referral to 100 glueless names must not cost 100 walks (NXNSAttack,
        /// CVE-2020-8616, CVE-2020-12662).
        public var maxGluelessNameServers = 8
        /// Questions one name's check may ask, nested walks included; a walk
        /// stops at the first zone cut after it is spent.
        public var maxQueriesPerName = 1000
        public var addressFamily = AddressFamily.any
        public init() {}
    }

    let transport: any DNSExchanging
    let rootServers: [ServerAddress]
    let limits: Limits
    let options: QueryOptions
    /// Pre-delegation testing: this zone's servers are the given ones, as if
    /// the parent delegated it there (whatever the parent says today).
    let undelegated: Undelegated?

    public init(transport: any DNSExchanging, rootServers: [ServerAddress], limits: Limits = Limits(),
                options: QueryOptions = .authoritative, undelegated: Undelegated? = nil) {
        self.transport = transport
        self.rootServers = rootServers
        self.limits = limits
        self.options = options
        self.undelegated = undelegated
    }

    /// Observes `name` for `types` (A and AAAA when empty).
    public func observe(_ name: DNSName, types: [RRType]) async -> NameObservation {
        await QueryBudget.$current.withValue(QueryBudget()) {
            await observe(name, types: types.isEmpty ? [.a, .aaaa] : types, cnameBudget: limits.maxCNAMEs,
                          nsDepth: 0)
        }
    }

    func observe(_ name: DNSName, types: [RRType], cnameBudget: Int, nsDepth: Int) async -> NameObservation {
        var zones: [ZoneObservation] = []
        var zone = DNSName.root
        var parent: DNSName? = nil
        var servers = rootServers
        var nameServers: [DNSName: [ServerAddress]] = [:]
        var withoutGlue: Set<DNSName> = []
        var notAsked: [ServerAddress] = []
        var notResolvedHere: [DNSName] = []
        var dsAnswers: [ServerAnswer] = []
        var isUndelegated = false
        let probeType = types[0]

        for _ in 0..<limits.maxDepth {
            // Checked between rounds, which follow each other in a fixed order
            // (nested walks too), so a replay stops where the live walk did.
            if let spent = QueryBudget.current?.spent, spent >= limits.maxQueriesPerName {
                var stopped = NameObservation(name: name, types: types, zones: zones, answers: [:],
                                              walkProblem: "the query budget of \(limits.maxQueriesPerName) questions for this name is spent (\(spent) asked)")
                stopped.queryBudgetSpent = spent
                return stopped
            }
            // Ask the zone's apex questions and the probe question at once.
            let here = zone, hereServers = servers
            async let dnskey = askAll(Question(name: here, type: .dnskey), hereServers)
            async let soa = askAll(Question(name: here, type: .soa), hereServers)
            async let probe = askAll(Question(name: name, type: probeType), hereServers)
            async let soaOverTCP = askAll(Question(name: here, type: .soa), hereServers, options: tcpOptions)
            async let ns = askAll(Question(name: here, type: .ns), hereServers)
            let (dnskeyAnswers, soaAnswers, probeAnswers, tcpAnswers) = await (dnskey, soa, probe, soaOverTCP)
            let nsAnswers = await ns

            var observation = ZoneObservation(zone: zone, parent: parent, nameServers: nameServers, servers: servers,
                                              dsAnswers: dsAnswers, dnskeyAnswers: dnskeyAnswers, soaAnswers: soaAnswers,
                                              tcpAnswers: tcpAnswers)
            observation.nsAnswers = nsAnswers
            observation.nameServersWithoutGlue = withoutGlue
            observation.serversNotAsked = notAsked
            observation.nameServersNotResolved = notResolvedHere
            observation.undelegated = isUndelegated
            // Second round, concurrently: the zone's own name server addresses,
            // EDNS retries, and (below) the DS of the next zone at this one.
            let hereNameServers = nameServers
            async let addresses = inZoneAddresses(zone: here, nameServers: hereNameServers,
                                                  nsAnswers: nsAnswers, servers: hereServers)
            async let plain = withoutEDNS(soaAnswers)

            let referral = delegation(in: probeAnswers, below: zone, toward: name)
            observation.badReferrals = Self.badReferrals(in: probeAnswers, zone: zone, toward: name)
            let dsQuestion = referral.map { Question(name: $0.child, type: .ds) }
            async let childDS = dsQuestion != nil ? askAll(dsQuestion!, hereServers) : []
            observation.nameServerAddressAnswers = await addresses
            observation.noEDNSAnswers = await plain

            if let referral {
                zones.append(observation)
                let undelegatedChild = referral.undelegated
                var childServers = referral.glue
                withoutGlue = Set(referral.glue.filter { $0.value.isEmpty }.keys)
                // One after the other, in name order: the query budget is then
                // spent in the same order on every run and on replay.
                let glueless = withoutGlue.sorted()
                let resolved = nsDepth < limits.maxNameServerResolution ? glueless.prefix(limits.maxGluelessNameServers) : []
                for nsName in resolved {
                    childServers[nsName] = await resolveAddresses(of: nsName, nsDepth: nsDepth + 1)
                }
                let notResolved = nsDepth < limits.maxNameServerResolution ? Array(glueless.dropFirst(resolved.count)) : []
                let all = Array(Set(childServers.values.flatMap { $0 })).filter(limits.addressFamily.allows).sorted()
                let addresses = Array(all.prefix(max(1, limits.maxServersPerZone)))
                notAsked = Array(all.dropFirst(addresses.count))
                // DS for the child comes from the parent's servers.
                dsAnswers = await childDS
                parent = zone
                zone = referral.child
                nameServers = childServers
                servers = addresses
                notResolvedHere = notResolved
                isUndelegated = undelegatedChild
                if servers.isEmpty {
                    var stub = ZoneObservation(zone: zone, parent: parent, nameServers: nameServers, servers: [],
                                               dsAnswers: dsAnswers)
                    stub.nameServersWithoutGlue = withoutGlue
                    stub.nameServersNotResolved = notResolved
                    stub.undelegated = undelegatedChild
                    return NameObservation(name: name, types: types, zones: zones + [stub], answers: [:],
                                           walkProblem: "no address for any name server of \(zone)")
                }
                continue
            }

            // Every server that answered sends the question back up the tree:
            // there is nowhere to go (a resolver gives up too).
            let answering = probeAnswers.filter { $0.message != nil }
            let upward = observation.badReferrals.filter { $0.kind == .upward }
            if !upward.isEmpty && upward.count == answering.count {
                zones.append(observation)
                return NameObservation(name: name, types: types, zones: zones, answers: [probeType: probeAnswers],
                                       walkProblem: "every server of \(zone) that answered refers \(name) upward, to \(upward[0].target)")
            }

            // `name` is in this zone: ask for CDS/CDNSKEY (of the apex) and every type.
            async let cds = askAll(Question(name: here, type: .cds), hereServers)
            async let cdnskey = askAll(Question(name: here, type: .cdnskey), hereServers)
            async let nsec3param = askAll(Question(name: here, type: .nsec3param), hereServers)
            var versionOne = options
            versionOne.ednsVersion = 1
            async let ednsVersion = askAll(Question(name: here, type: .soa), hereServers, options: versionOne)
            async let nodataProbe = askAll(Question(name: name, type: Self.nodataProbeType), hereServers)
            let nxQuestion = observation.nxdomainProbeName.map { Question(name: $0, type: .a) }
            async let nxProbe = nxQuestion != nil ? askAll(nxQuestion!, hereServers) : []
            var answers: [RRType: [ServerAnswer]] = [probeType: probeAnswers]
            await withTaskGroup(of: (RRType, [ServerAnswer]).self) { group in
                for type in types.dropFirst() where answers[type] == nil {
                    group.addTask { (type, await askAll(Question(name: name, type: type), hereServers)) }
                }
                for await (type, result) in group { answers[type] = result }
            }
            observation.cdsAnswers = await cds
            observation.cdnskeyAnswers = await cdnskey
            observation.nsec3paramAnswers = await nsec3param
            observation.ednsVersionAnswers = await ednsVersion
            observation.nxdomainProbeAnswers = await nxProbe
            zones.append(observation)

            var targets: [NameObservation] = []
            var chainTooLong = false
            if let cname = Self.cnameTarget(of: name, in: answers.values.flatMap { $0 }) {
                let remaining = types.filter { $0 != .cname }
                if cnameBudget == 0 {
                    chainTooLong = true   // a loop, or longer than limits.maxCNAMEs
                } else if !remaining.isEmpty {
                    targets.append(await observe(cname, types: remaining, cnameBudget: cnameBudget - 1, nsDepth: nsDepth))
                }
            }
            let responded = probeAnswers.contains { $0.message != nil }
            var result = NameObservation(name: name, types: types, zones: zones, answers: answers, cnameTarget: targets,
                                         walkProblem: responded ? nil : Self.silence(of: zone, probeAnswers))
            result.cnameChainTooLong = chainTooLong
            result.nodataProbeAnswers = await nodataProbe
            if nsDepth == 0, let last = zones.last {
                result.bootstrapSignals = await bootstrapSignals(for: last)
            }
            return result
        }
        return NameObservation(name: name, types: types, zones: zones, answers: [:],
                               walkProblem: "more than \(limits.maxDepth) zone cuts")
    }

    /// Why no server of `zone` answered the probe question: its deadline, or silence.
    static func silence(of zone: DNSName, _ answers: [ServerAnswer]) -> String {
        if answers.contains(where: { $0.exchange.failure == .deadlineExceeded }) {
            return "the deadline passed before a server of \(zone) answered"
        }
        if !answers.isEmpty && answers.allSatisfy(\.isInvalidResponse) {
            return "every server of \(zone) answered with a malformed message"
        }
        return "no server of \(zone) answered"
    }

    /// RFC 9615: a zone without DS that publishes CDS/CDNSKEY may be
    /// bootstrapped from copies signed under each of its name server hosts,
    /// at `_dsboot.<zone>._signal.<host>`. Hosts inside the zone cannot sign
    /// for it and are skipped.
    func bootstrapSignals(for zone: ZoneObservation) async -> [NameObservation] {
        guard zone.parent != nil,
              zone.dsAnswers.allSatisfy({ $0.answerRecords(zone.zone, .ds).isEmpty }),
              zone.cdsAnswers.contains(where: { !$0.answerRecords(zone.zone, .cds).isEmpty })
                || zone.cdnskeyAnswers.contains(where: { !$0.answerRecords(zone.zone, .cdnskey).isEmpty })
        else { return [] }
        let hosts = zone.nameServers.keys.filter { !$0.isSubdomain(of: zone.zone) }.sorted().prefix(limits.maxBootstrapSignals)
        var signals: [NameObservation] = []
        for host in hosts {
            guard let name = try? DNSName(labels: [Array("_dsboot".utf8)] + zone.zone.labels + [Array("_signal".utf8)] + host.labels)
            else { continue }   // too long for a name: no signal possible
            signals.append(await observe(name, types: [.cds, .cdnskey], cnameBudget: 0, nsDepth: 1))
        }
        return signals
    }

    /// A and AAAA of the zone's own name servers (names inside the zone),
    /// asked of the zone's servers, to compare with the parent's glue.
    func inZoneAddresses(zone: DNSName, nameServers: [DNSName: [ServerAddress]], nsAnswers: [ServerAnswer],
                         servers: [ServerAddress]) async -> [ServerAnswer] {
        var names = Set(nameServers.keys)
        for answer in nsAnswers {
            for record in answer.answerRecords(zone, .ns) {
                if let target = try? NameData(rdata: record.rdata).target { names.insert(target) }
            }
        }
        // The root has no parent to compare glue with.
        guard !zone.isRoot else { return [] }
        let inZone = names.filter { $0.isSubdomain(of: zone) && $0 != zone }.sorted()
        return await withTaskGroup(of: [ServerAnswer].self) { group in
            for name in inZone {
                for type in [RRType.a, .aaaa] {
                    group.addTask { await askAll(Question(name: name, type: type), servers) }
                }
            }
            var all: [ServerAnswer] = []
            for await answers in group { all += answers }
            return all.sorted { ($0.question.name, $0.question.type.rawValue, $0.server) < ($1.question.name, $1.question.type.rawValue, $1.server) }
        }
    }

    /// Servers that answered the EDNS query with FORMERR, NOTIMP or without
    /// an OPT record are asked again without EDNS (RFC 6891 §7).
    func withoutEDNS(_ answers: [ServerAnswer]) async -> [ServerAnswer] {
        var withoutEDNS = options
        withoutEDNS.edns = false
        withoutEDNS.dnssecOK = false
        let plain = withoutEDNS
        return await withTaskGroup(of: ServerAnswer.self) { group in
            for answer in answers {
                guard let message = answer.message,
                      [.formErr, .notImp].contains(message.rcode) || message.edns == nil else { continue }
                group.addTask {
                    let exchange = await transport.exchange(answer.question, with: answer.server, options: plain)
                    return Self.parse(exchange, question: answer.question)
                }
            }
            var all: [ServerAnswer] = []
            for await answer in group { all.append(answer) }
            return all.sorted { $0.server < $1.server }
        }
    }

    /// A and AAAA of a name server without glue, through a nested walk.
    func resolveAddresses(of nsName: DNSName, nsDepth: Int) async -> [ServerAddress] {
        let observation = await observe(nsName, types: [.a, .aaaa], cnameBudget: 2, nsDepth: nsDepth)
        var addresses: Set<ServerAddress> = []
        for answer in observation.answers.values.flatMap({ $0 }) {
            for record in answer.message?.answer ?? [] where record.type == .a || record.type == .aaaa {
                if let ip = AddressData.text(type: record.type, rdata: record.rdata) {
                    addresses.insert(ServerAddress(ip: ip))
                }
            }
        }
        return addresses.sorted()
    }

    /// Asks every server the same question, in parallel, and parses the answers.
    /// A private-use type no name has (RFC 6895 §3.1: 65280-65534).
    static let nodataProbeType = RRType(65280)

    var tcpOptions: QueryOptions {
        var tcp = options
        tcp.transport = .tcp
        return tcp
    }

    func askAll(_ question: Question, _ servers: [ServerAddress], options: QueryOptions? = nil) async -> [ServerAnswer] {
        let options = options ?? self.options
        QueryBudget.current?.spend(servers.count)
        return await withTaskGroup(of: ServerAnswer.self) { group in
            for server in servers {
                group.addTask {
                    let exchange = await transport.exchange(question, with: server, options: options)
                    return Self.parse(exchange, question: question)
                }
            }
            var answers: [ServerAnswer] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.server < $1.server }
        }
    }

    static func parse(_ exchange: Exchange, question: Question) -> ServerAnswer {
        guard let bytes = exchange.response else {
            let why = exchange.failure.map { "\($0.rawValue)" + (exchange.failureDetail.map { ": \($0)" } ?? "") }
            return ServerAnswer(server: exchange.server, question: question, exchange: exchange, message: nil,
                                problem: why ?? "no response")
        }
        do {
            let parsed = try exchange.parsed ?? WireFormat.parseResponse(bytes)
            let message = parsed.message
            // TC=1 over TCP (RFC 7766 §8): there is nothing larger to retry
            // with, and the records present may be a fragment: not an answer.
            if exchange.transport == .tcp && message.isTruncated {
                return ServerAnswer(server: exchange.server, question: question, exchange: exchange, message: nil,
                                    problem: ServerAnswer.truncatedOverTCP)
            }
            var answer = ServerAnswer(server: exchange.server, question: question, exchange: exchange, message: message,
                                      problem: nil)
            answer.trailingBytes = parsed.trailingBytes
            return answer
        } catch {
            return ServerAnswer(server: exchange.server, question: question, exchange: exchange, message: nil,
                                problem: "malformed response: \(error)")
        }
    }

    struct Referral {
        var child: DNSName
        var glue: [DNSName: [ServerAddress]]
        /// Not the parent's: the name servers given for pre-delegation testing.
        var undelegated = false
    }

    /// The next zone cut: the parent's referral, except that the zone under
    /// pre-delegation test is reached through the given name servers once
    /// the walk is at a zone above it and the parent does not refer to a
    /// zone between the two.
    func delegation(in answers: [ServerAnswer], below zone: DNSName, toward name: DNSName) -> Referral? {
        let found = Self.referral(in: answers, below: zone, toward: name)
        guard let undelegated, undelegated.zone != zone, undelegated.zone.isSubdomain(of: zone),
              name.isSubdomain(of: undelegated.zone) else { return found }
        if let found, found.child != undelegated.zone, undelegated.zone.isSubdomain(of: found.child) { return found }
        var glue: [DNSName: [ServerAddress]] = [:]
        for server in undelegated.nameServers { glue[server.name, default: []] += server.addresses }
        return Referral(child: undelegated.zone, glue: glue.mapValues { Array(Set($0)).sorted() }, undelegated: true)
    }

    /// A referral in any answer: NS in authority for a zone strictly below
    /// `zone` that contains `name`, with no SOA (that would be a negative answer).
    static func referral(in answers: [ServerAnswer], below zone: DNSName, toward name: DNSName) -> Referral? {
        var best: Referral?
        for answer in answers {
            guard let message = answer.message, message.rcode == .noError,
                  !message.answer.contains(where: { $0.owner == name }),
                  !message.authority.contains(where: { $0.type == .soa }) else { continue }
            let nsRecords = message.authority.filter {
                $0.type == .ns && $0.owner != zone && $0.owner.isSubdomain(of: zone) && name.isSubdomain(of: $0.owner)
            }
            guard let child = nsRecords.first?.owner else { continue }
            var glue: [DNSName: [ServerAddress]] = best?.child == child ? best!.glue : [:]
            for ns in nsRecords where ns.owner == child {
                guard let target = try? NameData(rdata: ns.rdata).target else { continue }
                var addresses = Set(glue[target] ?? [])
                for record in message.additional where record.owner == target && (record.type == .a || record.type == .aaaa) {
                    if let ip = AddressData.text(type: record.type, rdata: record.rdata) {
                        addresses.insert(ServerAddress(ip: ip))
                    }
                }
                glue[target] = addresses.sorted()
            }
            if best == nil || best!.child == child { best = Referral(child: child, glue: glue) }
        }
        return best
    }

    /// Answers that refer the question up to an ancestor of `zone` (or the
    /// root), or back to `zone` itself: NS in authority, no AA, no answer.
    static func badReferrals(in answers: [ServerAnswer], zone: DNSName, toward name: DNSName) -> [BadReferral] {
        answers.compactMap { answer in
            guard let message = answer.message, message.rcode == .noError, !message.flags.contains(.aa),
                  !message.answer.contains(where: { $0.owner == name }),
                  !message.authority.contains(where: { $0.type == .soa }) else { return nil }
            let ns = message.authority.filter { $0.type == .ns }
            guard let owner = ns.first?.owner else { return nil }
            let kind: BadReferral.Kind
            if owner == zone {
                kind = .loop
            } else if zone.isSubdomain(of: owner) {
                kind = .upward
            } else {
                return nil   // downward (a referral) or sideways: not this check's business
            }
            let names = ns.filter { $0.owner == owner }.compactMap { try? NameData(rdata: $0.rdata).target }
            return BadReferral(server: answer.server, kind: kind, target: owner, nameServers: names.sorted())
        }
    }

    static func cnameTarget(of name: DNSName, in answers: [ServerAnswer]) -> DNSName? {
        for answer in answers {
            for record in answer.message?.answer ?? [] where record.type == .cname && record.owner == name {
                if let target = try? NameData(rdata: record.rdata).target { return target }
            }
        }
        return nil
    }
}

/// The questions one name's walk has asked, nested walks included: a
/// task-local, so every walk the check starts (glueless name servers, CNAME
/// targets, signalling names) spends from the same budget.
final class QueryBudget: @unchecked Sendable {
    @TaskLocal static var current: QueryBudget?
    private let lock = NSLock()
    private var asked = 0

    var spent: Int { lock.withLock { asked } }
    func spend(_ count: Int) { lock.withLock { asked += count } }
}
