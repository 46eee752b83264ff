/// One server's answer to one question, parsed: the unit the analysis reads.
public struct ServerAnswer: Sendable, Hashable {
    public var server: ServerAddress
    public var question: Question
    public var exchange: Exchange
    /// The parsed response, when one was accepted and parsed.
    public var message: Message?
    /// Why there is no usable message (timeout, malformed, …).
    public var problem: String?
    /// Bytes after the end of an otherwise well-formed message: used, as
    /// resolvers use it, but a sign of a broken server or middlebox.
    public var trailingBytes = 0

    public init(server: ServerAddress, question: Question, exchange: Exchange, message: Message?, problem: String?) {
        self.server = server
        self.question = question
        self.exchange = exchange
        self.message = message
        self.problem = problem
    }

    /// False when a replayed capture never asked this question (an older
    /// capture, or one made with other options): not a server failure.
    public var wasAsked: Bool {
        !(exchange.failure == .networkError && exchange.failureDetail == Exchange.notInCaptureDetail)
    }

    /// A response came back but does not parse or does not match the query:
    /// the server is broken, not silent.
    public var isInvalidResponse: Bool {
        message == nil && (exchange.failure == .malformedResponse || exchange.failure == .mismatchedResponse
            || exchange.response != nil)
    }

    /// The problem of a TCP answer with the TC bit set (RFC 7766 §8).
    public static let truncatedOverTCP = "truncated (TC=1) over TCP"

    public var isTruncatedOverTCP: Bool { message == nil && problem == Self.truncatedOverTCP }

    /// The walk's own deadline stopped it: says nothing about the server.
    public var isPastDeadline: Bool { exchange.failure == .deadlineExceeded }

    /// Asked (or known not to answer) and silent: a timeout, an unreachable
    /// port, or not sent because the server had been silent earlier in the run.
    public var isUnanswered: Bool {
        wasAsked && message == nil && !isInvalidResponse && !isPastDeadline
    }

    /// Records of `type` at `owner` in the answer section.
    public func answerRecords(_ owner: DNSName, _ type: RRType) -> [Record] {
        message?.answer.filter { $0.owner == owner && $0.type == type } ?? []
    }

    /// RRSIG records in `section` covering `type` at `owner`.
    public func signatures(over type: RRType, at owner: DNSName, in section: [Record]) -> [Record] {
        section.filter { record in
            guard record.type == .rrsig, record.owner == owner,
                  let sig = try? RRSIGData(rdata: record.rdata) else { return false }
            return sig.typeCovered == type
        }
    }
}

/// What the walk saw of one zone on the path from the trust anchor down.
public struct ZoneObservation: Sendable, Hashable {
    public var zone: DNSName
    public var parent: DNSName?
    /// Name server names and their addresses, as the parent's referral gave them.
    public var nameServers: [DNSName: [ServerAddress]]
    public var servers: [ServerAddress]
    /// DS answers from the parent's servers (empty for the root).
    public var dsAnswers: [ServerAnswer]
    public var dnskeyAnswers: [ServerAnswer]
    public var soaAnswers: [ServerAnswer]
    public var cdsAnswers: [ServerAnswer]
    public var cdnskeyAnswers: [ServerAnswer]
    /// The SOA asked over TCP, to find servers that do not serve TCP (RFC 7766).
    public var tcpAnswers: [ServerAnswer]
    /// NSEC3PARAM at the apex, and a name that should not exist: they show
    /// the zone's denial-of-existence setup even when the asked name exists.
    public var nsec3paramAnswers: [ServerAnswer]
    public var nxdomainProbeAnswers: [ServerAnswer]
    /// The zone's own NS RRset, and the A/AAAA of its in-zone name servers,
    /// from each of its servers: compared with the parent's NS and glue.
    public var nsAnswers: [ServerAnswer] = []
    public var nameServerAddressAnswers: [ServerAnswer] = []
    /// Name servers the parent's referral gave no glue for (their addresses,
    /// if any, came from resolving the names).
    public var nameServersWithoutGlue: Set<DNSName> = []
    /// Addresses of the zone's name servers beyond the walk's budget per
    /// zone: known, but never asked.
    public var serversNotAsked: [ServerAddress] = []
    /// Name servers without glue beyond the walk's budget per zone: their
    /// names are known, their addresses never looked up (NXNS-style fan-out).
    public var nameServersNotResolved: [DNSName] = []
    /// Servers that answered the walk's question with a referral that leads
    /// nowhere: up the tree, or back to this zone itself.
    public var badReferrals: [BadReferral] = []
    /// The SOA asked again without EDNS, of servers that failed the EDNS query.
    public var noEDNSAnswers: [ServerAnswer] = []
    /// The SOA asked with EDNS version 1: RFC 6891 §6.1.3 wants BADVERS and version 0.
    public var ednsVersionAnswers: [ServerAnswer] = []
    /// Checked on the name servers given with `--ns`, as if the parent
    /// delegated it there; `nameServers` are those, not the parent's.
    public var undelegated = false

    public init(zone: DNSName, parent: DNSName?, nameServers: [DNSName: [ServerAddress]], servers: [ServerAddress],
                dsAnswers: [ServerAnswer] = [], dnskeyAnswers: [ServerAnswer] = [], soaAnswers: [ServerAnswer] = [],
                cdsAnswers: [ServerAnswer] = [], cdnskeyAnswers: [ServerAnswer] = [], tcpAnswers: [ServerAnswer] = [],
                nsec3paramAnswers: [ServerAnswer] = [], nxdomainProbeAnswers: [ServerAnswer] = []) {
        self.zone = zone
        self.parent = parent
        self.nameServers = nameServers
        self.servers = servers
        self.dsAnswers = dsAnswers
        self.dnskeyAnswers = dnskeyAnswers
        self.soaAnswers = soaAnswers
        self.cdsAnswers = cdsAnswers
        self.cdnskeyAnswers = cdnskeyAnswers
        self.tcpAnswers = tcpAnswers
        self.nsec3paramAnswers = nsec3paramAnswers
        self.nxdomainProbeAnswers = nxdomainProbeAnswers
    }

    /// The NS host names of the zone that have `server` among their addresses.
    public func hostNames(of server: ServerAddress) -> [DNSName] {
        nameServers.filter { $0.value.contains(server) }.keys.sorted()
    }

    /// A server as a person knows it: "ns2.example. (192.0.2.2)"; the bare
    /// address when no NS name of the zone has it (a root hint, a test).
    public func label(_ server: ServerAddress) -> String {
        Self.label(names: hostNames(of: server), address: server)
    }

    /// The one way a server is written with its host names, for the
    /// analysis and the reports alike.
    public static func label(names: [DNSName], address: ServerAddress) -> String {
        names.isEmpty ? address.description : names.map(\.description).joined(separator: ", ") + " (\(address))"
    }

    /// The name asked to see a signed NXDOMAIN from the zone.
    public var nxdomainProbeName: DNSName? {
        try? DNSName(labels: [Array("dnssec-check-nx-probe".utf8)] + zone.labels)
    }
}

/// A referral that does not lead down toward the name (RFC 1034 §4.3.2):
/// to an ancestor of the zone (upward) or to the zone itself (a loop).
public struct BadReferral: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case upward, loop }
    public var server: ServerAddress
    public var kind: Kind
    /// The zone the referral names.
    public var target: DNSName
    /// The name servers it gives for it.
    public var nameServers: [DNSName]

    public init(server: ServerAddress, kind: Kind, target: DNSName, nameServers: [DNSName]) {
        self.server = server
        self.kind = kind
        self.target = target
        self.nameServers = nameServers
    }
}

/// Everything the walk saw for one name: the zones from the root down and
/// the answers for each requested type from the name's own zone.
public struct NameObservation: Sendable, Hashable {
    public var name: DNSName
    public var types: [RRType]
    public var zones: [ZoneObservation]
    public var answers: [RRType: [ServerAnswer]]
    /// When an answer was a CNAME, the observation of its target (followed, bounded).
    public var cnameTarget: [NameObservation]
    /// Why the walk stopped early, if it did.
    public var walkProblem: String?
    /// The name asked for a type it surely lacks (TYPE65280, private use): the
    /// NODATA answer shows the NSEC/NSEC3 at the name and what it claims exists.
    public var nodataProbeAnswers: [ServerAnswer] = []
    /// The name's answer is a CNAME, but the chain already had as many links
    /// as the walk follows (or loops): the rest was not checked.
    public var cnameChainTooLong = false
    /// When the name's zone has no DS but publishes CDS/CDNSKEY: the walks of
    /// its RFC 9615 signalling names (`_dsboot.<zone>._signal.<ns>`), one per
    /// name server host outside the zone, for CDS and CDNSKEY.
    public var bootstrapSignals: [NameObservation] = []
    /// The walk stopped because the name's query budget was spent: this many
    /// questions had been asked (nested walks included).
    public var queryBudgetSpent: Int?

    public init(name: DNSName, types: [RRType], zones: [ZoneObservation], answers: [RRType: [ServerAnswer]],
                cnameTarget: [NameObservation] = [], walkProblem: String? = nil) {
        self.name = name
        self.types = types
        self.zones = zones
        self.answers = answers
        self.cnameTarget = cnameTarget
        self.walkProblem = walkProblem
    }
}

extension ZoneObservation {
    /// The zone's answers, one list per question asked of its servers.
    public var answerLists: [[ServerAnswer]] {
        [dsAnswers, dnskeyAnswers, soaAnswers, cdsAnswers, cdnskeyAnswers, tcpAnswers, nsec3paramAnswers,
         nxdomainProbeAnswers, nsAnswers, nameServerAddressAnswers, noEDNSAnswers, ednsVersionAnswers]
    }

    /// Every answer the walk collected for this zone.
    public var allAnswers: [ServerAnswer] { answerLists.flatMap { $0 } }
}

extension NameObservation {
    /// Every answer of the walk: its zones, the name's own answers and probes,
    /// and those of the CNAME targets and signalling names it followed.
    public var allAnswers: [ServerAnswer] {
        zones.flatMap(\.allAnswers) + answers.values.flatMap { $0 } + nodataProbeAnswers
            + cnameTarget.flatMap(\.allAnswers) + bootstrapSignals.flatMap(\.allAnswers)
    }

    /// Questions the walk did not send because its deadline had passed.
    public var questionsPastDeadline: Int {
        allAnswers.filter { $0.exchange.failure == .deadlineExceeded }.count
    }
}
