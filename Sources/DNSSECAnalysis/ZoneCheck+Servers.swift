import DNSModel
import DNSSEC

/// The zone's servers: each one's health and own verdict, what they
/// agree on (serials, DNSKEY and RRSIG sets), and the delegation (NS, glue).
extension ZoneCheck {
    /// The RRSIGs `server` served over the zone's SOA and DNSKEY RRsets.
    func apexSignatures(of server: ServerAddress) -> [RRSIGData] {
        (observation.soaAnswers + observation.dnskeyAnswers).filter { $0.server == server }.flatMap { answer in
            (answer.message?.answer ?? []).filter { $0.type == .rrsig }.compactMap { try? RRSIGData(rdata: $0.rdata) }
        }
    }

    /// Each server's exchanges for the zone and their round trips.
    func serverHealthReports() -> [ServerHealthReport] {
        let all = observation.allAnswers
        return observation.servers.sorted().map { server in
            var asked = 0, answered = 0, failed = 0, notAsked = 0
            var times: [Double] = []
            for answer in all where answer.server == server {
                if answer.exchange.failure == .notAsked { notAsked += 1; continue }
                if answer.isPastDeadline { continue }
                asked += 1
                if answer.exchange.response != nil {
                    answered += 1
                    times.append(answer.exchange.duration * 1000)
                } else {
                    failed += 1
                }
            }
            times.sort()
            let median = times.isEmpty ? nil : times.count % 2 == 1 ? times[times.count / 2]
                : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
            return ServerHealthReport(server: server, asked: asked, answered: answered, failed: failed,
                                      notAsked: notAsked, medianMilliseconds: median, maxMilliseconds: times.last)
        }
    }

    /// The SOA serial `server` returned, if any.
    func soaSerial(of server: ServerAddress) -> UInt32? {
        for answer in observation.soaAnswers where answer.server == server {
            for record in answer.answerRecords(zone, .soa) {
                if let soa = try? SOAData(rdata: record.rdata) { return soa.serial }
            }
        }
        return nil
    }

    /// Each server judged on its own DNSKEY and SOA answers. Listed in the
    /// checks only when the servers do not all agree with the zone.
    mutating func serverVerdicts(_ run: inout AnalysisRun, status: SecurityStatus, trustedKeys: [Record]?,
                                 soaValid: Set<ServerAddress>) -> [ServerVerdict] {
        var verdicts: [ServerVerdict] = []
        for server in observation.servers {
            let answers = (observation.dnskeyAnswers + observation.soaAnswers)
                .filter { $0.server == server && $0.wasAsked && !$0.isPastDeadline }
            guard !answers.isEmpty else { continue }
            var verdict = ServerVerdict(server: server, verdict: .init(status),
                                        soaSerial: soaSerial(of: server), problem: nil)
            // Plain loops: closures over ServerAnswer here crash the 6.3.1 optimizer (-c release).
            var messages: [Message] = []
            var invalid = false
            var failure: String?
            for answer in answers {
                if let message = answer.message {
                    messages.append(message)
                } else {
                    invalid = invalid || answer.isInvalidResponse
                    failure = failure ?? "\(answer.question.type): \(answer.problem ?? (answer.isInvalidResponse ? "malformed response" : "no answer"))"
                }
            }
            // One unanswered question is enough: judging the rest would call a
            // server bogus for a DNSKEY RRset it never sent.
            if messages.count < answers.count {
                verdict.verdict = invalid ? .invalidResponse : .unresponsive
                verdict.problem = (messages.isEmpty ? "" : "partly: ") + (failure ?? "no answer")
            } else if let bad = messages.first(where: { $0.rcode != .noError }) {
                let lame: Set<RCode> = [.refused, .servFail, .notAuth]
                verdict.verdict = lame.contains(bad.rcode) ? .lame : .error
                var withoutEDNS = false
                for answer in observation.noEDNSAnswers where answer.server == server {
                    if let message = answer.message, message.rcode == .noError { withoutEDNS = true }
                }
                verdict.problem = "\(bad.rcode)" + (withoutEDNS && [.formErr, .notImp].contains(bad.rcode)
                    ? " to EDNS queries; answers only without EDNS, so without DNSSEC records" : "")
            } else if messages.contains(where: { !$0.isAuthoritative }) {
                verdict.verdict = .lame
                verdict.problem = "answers without the AA bit"
            } else if status == .secure, let trustedKeys {
                let own = observation.dnskeyAnswers.filter { $0.server == server }
                let keysValid = run.validator.validate(owner: zone, type: .dnskey, answers: own, section: { $0.answer },
                                                       keys: trustedKeys).isSecure
                if !keysValid || !soaValid.contains(server) {
                    verdict.verdict = .bogus
                    let servesKeys = own.contains { !$0.answerRecords(zone, .dnskey).isEmpty }
                    verdict.problem = !servesKeys ? "it serves no DNSKEY"
                        : !keysValid ? "its DNSKEY RRset does not validate" : "its SOA does not validate"
                }
            }
            verdicts.append(verdict)
        }
        let serials = Set(verdicts.compactMap(\.soaSerial))
        let newest = serials.max()
        if verdicts.contains(where: { !$0.verdict.agrees(with: status) }) || serials.count > 1 {
            for verdict in verdicts {
                var text = "Server \(observation.label(verdict.server)): \(verdict.verdict.rawValue)"
                if let problem = verdict.problem { text += " (\(problem))" }
                if let serial = verdict.soaSerial, serials.count > 1 {
                    text += ", serial \(serial)\(serial != newest ? " (stale)" : "")"
                }
                let healthy = verdict.verdict.agrees(with: status) && (verdict.soaSerial == nil || verdict.soaSerial == newest)
                checks.append(.init(healthy ? .ok : (verdict.verdict.agrees(with: status) ? .warning : .error), text))
            }
        }
        return verdicts
    }

    mutating func serverHealth(_ run: inout AnalysisRun) {
        var serials: [UInt32: [ServerAddress]] = [:]
        // Servers that answer only without EDNS: their FORMERRs are one finding, not one per query.
        let ednsIntolerant = Set(observation.noEDNSAnswers.filter { $0.message?.rcode == .noError }.map(\.server))
        // Malformed answers: one finding per server and transport, naming every question.
        struct Malformed { var type: RRType; var problem: String; var truncatedOverTCP: Bool }
        var invalid: [ServerAddress: [Transport: [Malformed]]] = [:]
        for answer in observation.dnskeyAnswers + observation.soaAnswers + observation.tcpAnswers + observation.dsAnswers
        where answer.wasAsked && answer.message == nil && answer.isInvalidResponse {
            invalid[answer.server, default: [:]][answer.exchange.transport, default: []]
                .append(Malformed(type: answer.question.type, problem: answer.problem ?? "invalid response",
                                  truncatedOverTCP: answer.isTruncatedOverTCP))
        }
        // Trailing bytes: the message is used (as resolvers use it), the server still named.
        for answer in observation.allAnswers where answer.trailingBytes > 0 && observation.servers.contains(answer.server) {
            invalid[answer.server, default: [:]][answer.exchange.transport, default: []]
                .append(Malformed(type: answer.question.type, problem: "\(answer.trailingBytes) bytes after the end of the message",
                                  truncatedOverTCP: false))
        }
        for (server, byTransport) in invalid.sorted(by: { $0.key < $1.key }) {
            for (transport, all) in byTransport.sorted(by: { $0.key.rawValue > $1.key.rawValue }) {
                // TC=1 over TCP is its own finding: a size or server limit, not mangled bytes.
                let truncated = all.filter(\.truncatedOverTCP)
                if !truncated.isEmpty {
                    run.add(.responseTruncatedTCP, .server(server, names: observation.hostNames(of: server), zone: zone), zone: zone, servers: [server],
                            "\(observation.label(server)) sets TC=1 over TCP for \(zone) (\(truncated.map(\.type.description).joined(separator: ", "))): there is no larger transport to retry with, so those answers are lost")
                }
                let problems = all.filter { !$0.truncatedOverTCP }
                if problems.isEmpty { continue }
                run.add(transport == .tcp ? .serverInvalidResponseTCP : .serverInvalidResponse,
                        .server(server, names: observation.hostNames(of: server), zone: zone), zone: zone, servers: [server],
                        "\(observation.label(server)) sends malformed responses over \(transport.rawValue.uppercased()) for \(zone) (\(problems.map { "\($0.type): \($0.problem)" }.joined(separator: "; ")))")
            }
        }
        if let first = observation.nameServersNotResolved.first {
            let count = observation.nameServersNotResolved.count
            run.add(.gluelessNSLimit, .zone(zone), zone: zone,
                    "\(zone) has \(observation.nameServersWithoutGlue.count) name servers without glue; the \(count) after the first \(observation.nameServersWithoutGlue.count - count) in name order were not resolved (\(first)\(count > 1 ? " …" : ""))")
        }
        for referral in observation.badReferrals {
            let ns = referral.nameServers.prefix(3).map(\.description).joined(separator: ", ")
                + (referral.nameServers.count > 3 ? ", …" : "")
            switch referral.kind {
            case .loop:
                run.add(.referralLoop, .server(referral.server, names: observation.hostNames(of: referral.server), zone: zone), zone: zone, servers: [referral.server],
                        "\(observation.label(referral.server)) refers the question back to \(zone) itself (NS \(ns)) instead of answering for it")
            case .upward:
                run.add(.upwardReferral, .server(referral.server, names: observation.hostNames(of: referral.server), zone: zone), zone: zone, servers: [referral.server],
                        "\(observation.label(referral.server)) refers the question up to \(referral.target) (NS \(ns)) instead of answering for \(zone)")
            }
        }
        if let first = observation.serversNotAsked.first {
            let count = observation.serversNotAsked.count
            run.add(.serversNotAsked, .zone(zone), zone: zone,
                    "\(zone) has \(observation.servers.count + count) name server addresses; the \(count) after the first \(observation.servers.count) in address order were not asked (\(first.ip)\(count > 1 ? " …" : ""))")
        }
        let silent = silentServers(&run)
        // A server that answers UDP but not TCP is one finding, naming what it cost.
        var overTCP: [ServerAddress: (lost: [String], why: String)] = [:]
        for answer in observation.dnskeyAnswers + observation.soaAnswers where answer.wasAsked {
            let subject: Subject = .server(answer.server, names: observation.hostNames(of: answer.server), zone: zone)
            guard let message = answer.message else {
                if answer.exchange.truncatedOverUDP && !answer.isInvalidResponse && !answer.isPastDeadline {
                    overTCP[answer.server, default: ([], answer.problem ?? "no answer")].lost
                        .append("\(answer.question.type) (truncated over UDP)")
                }
                continue
            }
            if [.formErr, .notImp].contains(message.rcode),
               let plain = observation.noEDNSAnswers.first(where: { $0.server == answer.server && $0.question == answer.question }),
               plain.message?.rcode == .noError {
                let signed = inheritedSecure
                run.add(.errorWithEDNS, subject, zone: zone, servers: [answer.server],
                        "\(observation.label(answer.server)) answers \(message.rcode) to \(answer.question) with EDNS and NOERROR without it\(signed ? ": validators get no DNSSEC records from it" : "")",
                        severity: signed ? .error : .warning)
                continue
            }
            if inheritedSecure, message.rcode == .noError, answer.exchange.options.dnssecOK,
               let edns = message.edns, !edns.dnssecOK,
               !message.answer.contains(where: { $0.type == .rrsig }) {
                run.add(.unableToRetrieveDNSSECRecords, subject, zone: zone, servers: [answer.server],
                        "\(observation.label(answer.server)) answers queries for \(zone) with the DO bit set without echoing DO and without RRSIGs: it ignores DNSSEC",
                        severity: .warning)
            }
            if message.rcode == .noError && message.edns == nil {
                run.add(.ednsIgnored, subject, zone: zone, servers: [answer.server],
                        "\(observation.label(answer.server)) answered \(answer.question) without an OPT record: it ignores EDNS")
            }
            if ednsIntolerant.contains(answer.server) && [.formErr, .notImp].contains(message.rcode) { continue }
            if message.rcode != .noError || !message.isAuthoritative {
                let why = message.rcode != .noError ? "\(message.rcode)" : "no AA bit"
                run.add(.serverNotAuthoritative, subject, zone: zone, servers: [answer.server],
                        "\(observation.label(answer.server)) is not authoritative for \(zone) (\(why) to \(answer.question))")
                continue
            }
            if answer.exchange.truncatedOverUDP {
                run.add(.responseTruncatedUDP, .rrset(answer.question.name, answer.question.type), zone: zone, servers: [answer.server],
                        "\(answer.question) did not fit in \(answer.exchange.options.udpPayloadSize) bytes over UDP; TCP answer was \(answer.exchange.response?.count ?? 0) bytes")
            }
            if answer.question.type == .soa,
               let soa = message.answer.first(where: { $0.type == .soa && $0.owner == zone }),
               let data = try? SOAData(rdata: soa.rdata) {
                serials[data.serial, default: []].append(answer.server)
            }
        }
        for answer in observation.ednsVersionAnswers {
            // Only a server that speaks EDNS 0 is judged here; FORMERR to EDNS is ERROR_WITH_EDNS.
            guard let message = answer.message, message.rcode != .formErr, message.rcode != .notImp else { continue }
            let version = message.edns?.version
            if message.rcode != .badVers || version != 0 {
                run.add(.ednsVersionMismatch, .server(answer.server, names: observation.hostNames(of: answer.server), zone: zone), zone: zone, servers: [answer.server],
                        "\(observation.label(answer.server)) answered \(answer.question) with EDNS version 1 by \(message.rcode)\(version.map { ", OPT version \($0)" } ?? ", no OPT") instead of BADVERS with version 0")
            }
        }
        for answer in observation.tcpAnswers
        where answer.isUnanswered && !silent.contains(answer.server) {
            overTCP[answer.server, default: ([], answer.problem ?? "no answer")].lost.append("\(answer.question.type) asked over TCP")
        }
        for (server, tcp) in overTCP.sorted(by: { $0.key < $1.key }) {
            run.add(.serverUnresponsiveTCP, .server(server, names: observation.hostNames(of: server), zone: zone), zone: zone, servers: [server],
                    "\(observation.label(server)) answers over UDP but not over TCP for \(zone) (\(tcp.why)): lost \(tcp.lost.joined(separator: ", "))")
        }
        delegationConsistency(&run)
        // DNSKEY sets that differ between servers.
        let allSets = observation.dnskeyAnswers.compactMap { answer -> (ServerAddress, Set<[UInt8]>)? in
            guard answer.message?.rcode == .noError else { return nil }
            return (answer.server, Set(answer.answerRecords(zone, .dnskey).map(\.rdata)))
        }
        // A server behind the newest serial serves an old copy: named once,
        // with what its copy holds; its key differences are said there.
        let stale = staleCopies(&run, serials: serials, keySets: allSets)
        let sets = allSets.filter { !stale.contains($0.0) }
        let union = sets.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.1) }
        // Which keys sign what each server serves (the RRSIG sets over SOA and DNSKEY).
        var signersByServer: [ServerAddress: Set<UInt16>] = [:]
        for server in Set((observation.soaAnswers + observation.dnskeyAnswers).map(\.server)) {
            let tags = Set(apexSignatures(of: server).map(\.keyTag))
            if !tags.isEmpty { signersByServer[server] = tags }
        }
        // A server that answers with authority but without a single key, while
        // the others serve them: the zone is unsigned as that server tells it.
        if !union.isEmpty {
            for answer in observation.dnskeyAnswers where !stale.contains(answer.server) {
                guard let message = answer.message, message.rcode == .noError, message.isAuthoritative,
                      answer.answerRecords(zone, .dnskey).isEmpty else { continue }
                let others = sets.filter { !$0.1.isEmpty }.map(\.0)
                run.add(.serverNoDNSKEY, .server(answer.server, names: observation.hostNames(of: answer.server), zone: zone),
                        zone: zone, servers: [answer.server],
                        "\(observation.label(answer.server)) answers DNSKEY for \(zone) with NOERROR and no DNSKEY, while \(others.map(observation.label).joined(separator: ", ")) serve\(others.count == 1 ? "s" : "") \(union.count) key\(union.count == 1 ? "" : "s"): to a validator that asks it, the signed zone has no keys")
            }
        }
        for (server, keys) in sets where !keys.isEmpty && keys != union {
            let missing = union.subtracting(keys).compactMap { try? DNSKEYData(rdata: $0) }
                .map { DNSKEYFacts(owner: zone, key: $0).keyTag }
            // A missing key that signs another server's data breaks validators
            // that take the DNSKEY RRset from this server and the data from that one.
            let crossed = signersByServer.filter { $0.key != server && !$0.value.isDisjoint(with: missing) }
                .map { other, tags in "\(observation.label(other)) signs with \(tags.intersection(missing).sorted().map(String.init).joined(separator: ", "))" }
                .sorted()
            let consequence = crossed.isEmpty ? "" : "; " + crossed.joined(separator: "; ")
                + ": a validator that takes the DNSKEY RRset from \(observation.label(server)) and data from there fails until it retries"
            run.add(.dnskeyMissingFromServers, .zone(zone), zone: zone, servers: [server],
                    "\(observation.label(server)) does not serve DNSKEY \(missing.sorted().map(String.init).joined(separator: ", ")) that other servers of \(zone) serve" + consequence)
        }
    }

    /// One INCONSISTENT_SOA_SERIAL per server behind the newest serial: its
    /// serial and how far behind, when the signatures it serves expire, its
    /// keys against the current copy's, and what a validator mixing the two
    /// copies meets. Returns the stale servers.
    mutating func staleCopies(_ run: inout AnalysisRun, serials: [UInt32: [ServerAddress]],
                              keySets: [(ServerAddress, Set<[UInt8]>)]) -> Set<ServerAddress> {
        guard serials.count > 1, let newest = serials.keys.max(by: { SerialTime.isBefore($0, $1) }) else { return [] }
        let current = Set(serials[newest] ?? [])
        func tags(_ keys: Set<[UInt8]>) -> Set<UInt16> {
            Set(keys.compactMap { try? DNSKEYData(rdata: $0) }.map { DNSKEYFacts(owner: zone, key: $0).keyTag })
        }
        let currentKeys = tags(keySets.filter { current.contains($0.0) }.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.1) })
        let now = run.now
        var stale: Set<ServerAddress> = []
        for (serial, servers) in serials.sorted(by: { $0.key < $1.key }) where serial != newest {
            for server in Set(servers).sorted() where !current.contains(server) {
                stale.insert(server)
                var text = "\(observation.label(server)) serves an old copy of \(zone): serial \(serial) (\(newest &- serial) behind \(newest) on \(current.sorted().map(observation.label).joined(separator: ", ")))"
                // The signatures of its copy (over its SOA and DNSKEY RRsets).
                let signatures = apexSignatures(of: server)
                let expirations = signatures.map { SerialTime.absolute($0.expiration, near: now) }
                let signers = Set(signatures.map(\.keyTag))
                if let first = expirations.min() {
                    text += first < now ? "; its signatures expired at \(TimeText.describe(first, from: now))"
                        : "; its signatures expire \(TimeText.describe(first, from: now))"
                }
                if let keys = keySets.first(where: { $0.0 == server }).map({ tags($0.1) }), !keys.isEmpty {
                    text += "; keys \(keys.sorted().map(String.init).joined(separator: ", "))"
                    let old = keys.subtracting(currentKeys), added = currentKeys.subtracting(keys)
                    var parts: [String] = []
                    if !old.isEmpty { parts.append("\(old.sorted().map(String.init).joined(separator: ", ")) not in the current copy") }
                    if !added.isEmpty { parts.append("the current copy adds \(added.sorted().map(String.init).joined(separator: ", "))") }
                    if !parts.isEmpty { text += " (" + parts.joined(separator: "; ") + ")" }
                    // Its data signed by a key the current DNSKEY RRset lacks: a
                    // validator mixing the copies fails until it retries elsewhere.
                    let orphan = signers.subtracting(currentKeys)
                    if !orphan.isEmpty && !currentKeys.isEmpty {
                        text += "; it signs with \(orphan.sorted().map(String.init).joined(separator: ", ")), which the current copy does not publish: a validator that takes the DNSKEY RRset from one copy and data from the other fails until it retries"
                    }
                }
                run.add(.inconsistentSOASerial, .server(server, names: observation.hostNames(of: server), zone: zone), zone: zone, servers: [server], text)
            }
        }
        return stale
    }

    /// Servers that answered none of the zone's DNSKEY and SOA questions over
    /// UDP: one finding per server, naming what it left unanswered, what
    /// waiting for it cost and how many later questions were not sent to it.
    /// Returns them, so a server silent over TCP as well is not named again.
    mutating func silentServers(_ run: inout AnalysisRun) -> Set<ServerAddress> {
        var unanswered: [ServerAddress: [ServerAnswer]] = [:]
        for answer in observation.dnskeyAnswers + observation.soaAnswers
        where answer.isUnanswered && !answer.exchange.truncatedOverUDP {
            unanswered[answer.server, default: []].append(answer)
        }
        let all = observation.allAnswers
        for (server, answers) in unanswered.sorted(by: { $0.key < $1.key }) {
            let mine = all.filter { $0.server == server }
            let tcpToo = observation.tcpAnswers.contains { $0.server == server && $0.isUnanswered }
            let waited = mine.filter { $0.isUnanswered && $0.exchange.failure != .notAsked }.map(\.exchange.duration).max() ?? 0
            let notSent = mine.filter { $0.exchange.failure == .notAsked }.count
            let types = Array(Set(answers.map(\.question.type.description))).sorted().joined(separator: ", ")
            let why = answers.first(where: { $0.exchange.failure != .notAsked })?.problem ?? answers.first?.problem
            var text = "\(observation.label(server)) answered none of \(types) for \(zone) over UDP\(tcpToo ? " or TCP" : "")"
                + " (\(why ?? "no answer"))"
            text += waited > 0 ? "; waiting for it cost \(String(format: "%.1f", waited)) s" : "; it was not asked again"
            if notSent > 0 { text += "; \(notSent) later question(s) not sent to it" }
            run.add(.serverUnresponsive, .server(server, names: observation.hostNames(of: server), zone: zone), zone: zone, servers: [server], text)
        }
        return Set(unanswered.keys)
    }

    /// The parent's NS and glue against the zone's own NS and addresses.
    mutating func delegationConsistency(_ run: inout AnalysisRun) {
        guard let parent = observation.parent, !observation.nameServers.isEmpty else { return }
        let parentNames = Set(observation.nameServers.keys)
        var childNames: Set<DNSName> = []
        for answer in observation.nsAnswers where answer.message?.isAuthoritative == true {
            for record in answer.answerRecords(zone, .ns) {
                if let target = try? NameData(rdata: record.rdata).target { childNames.insert(target) }
            }
        }
        guard !childNames.isEmpty else { return }
        for name in parentNames.subtracting(childNames).sorted() {
            run.add(.nsNameNotInChild, .delegation(parent: parent, child: zone), zone: zone,
                    "\(name) is in the delegation from \(parent) but not in the NS RRset of \(zone)")
        }
        for name in childNames.subtracting(parentNames).sorted() {
            run.add(.nsNameNotInParent, .delegation(parent: parent, child: zone), zone: zone,
                    "\(name) is in the NS RRset of \(zone) but not in the delegation from \(parent)")
        }
        for name in parentNames.intersection(childNames).sorted() where name.isSubdomain(of: zone) {
            let glue = Set(observation.nameServers[name] ?? [])
            if glue.isEmpty || observation.nameServersWithoutGlue.contains(name) {
                run.add(.missingGlueForNSName, .delegation(parent: parent, child: zone), zone: zone,
                        "\(name) is inside \(zone) but the referral from \(parent) has no glue for it")
                continue
            }
            var authoritative: Set<ServerAddress> = []
            for answer in observation.nameServerAddressAnswers where answer.question.name == name {
                for record in answer.message?.answer ?? [] where record.owner == name && (record.type == .a || record.type == .aaaa) {
                    if let ip = AddressData.text(type: record.type, rdata: record.rdata) { authoritative.insert(ServerAddress(ip: ip)) }
                }
            }
            if !authoritative.isEmpty && authoritative != glue {
                run.add(.glueMismatch, .delegation(parent: parent, child: zone), zone: zone,
                        "\(name): glue \(glue.sorted().map(\.ip).joined(separator: ", ")) at \(parent), but \(zone) publishes \(authoritative.sorted().map(\.ip).joined(separator: ", "))")
            }
        }
    }
}
