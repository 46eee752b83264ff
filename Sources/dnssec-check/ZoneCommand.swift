import ArgumentParser
import DNSModel
import DNSSECReport
import Foundation
import LDNSBridge
import ZoneVerify

enum ZoneOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, nagios, prometheus
}

/// `dnssec-check zone FILE`: verifies a signed zone file offline (ZoneVerify).
struct ZoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zone",
        abstract: "Verify a signed zone file offline: every signature, the NSEC/NSEC3 chain, the apex, and when it expires.",
        discussion: """
            Reads the zone in zone-file syntax (a signer's output, an AXFR dump) and \
            checks every RRSIG (signer, labels, original TTL, key, validity at --at, \
            the cryptography, on every core), that every RRset that must be signed is \
            signed with every algorithm of the DNSKEY RRset and glue is not, the NSEC \
            or NSEC3 chain (complete, closed, bitmaps, parameters, RFC 9276), the apex \
            (a SEP key signs the DNSKEY RRset, CDS/CDNSKEY point at keys, and with \
            --ds-file that the parent's DS matches a key that signs it), and the \
            forecasts (the earliest expiration; signatures inside --warn-days and \
            --crit-days). One finding per condition, with a count and the first owners. \
            Exit codes as for names: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
            """
    )

    @Argument(help: "The zone file ('-' for standard input); none with --axfr.", completion: .file())
    var file: String?

    @Option(help: "The zone's name, for a file with relative names and no $ORIGIN; with --axfr, the zone to transfer.")
    var origin: String?

    @Option(help: ArgumentHelp("Fetch the zone by AXFR from this server (ADDRESS or ADDRESS#PORT) instead of a file; needs --origin.",
                               valueName: "server"))
    var axfr: String?

    @Option(help: "Seconds an AXFR may take in all (1 to 3600).")
    var axfrTimeout: Double = 120

    @Option(help: "Reference time for every validity check: RFC 3339 or relative (+7d, -2h).")
    var at: String?

    @Option(help: "Warn when a signature expires within this many days.")
    var warnDays: Double = 3

    @Option(help: "Critical when a signature expires within this many days.")
    var critDays: Double = 1

    @Option(help: "The DS records the parent holds (zone-file syntax): each must match a key that signs the DNSKEY RRset.",
            completion: .file())
    var dsFile: String?

    @Option(help: "Output format: text, json, nagios, prometheus.")
    var format: ZoneOutputFormat = .text

    @Option(help: "Threads verifying signatures (1 to 256; default: every core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "ASCII marks instead of ✓ ! ✗ ·.")
    var ascii = false

    func run() throws {
        try checkExpiryDays(warn: warnDays, crit: critDays)
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
        let originName: DNSName?
        do { originName = try origin.map { try DNSName($0.hasSuffix(".") ? $0 : $0 + ".") } } catch {
            throw ValidationError("--origin '\(origin ?? "")' is not a domain name: \(error)")
        }
        let now = Date().timeIntervalSince1970
        let referenceTime = try at.map { try parseReferenceTime($0, now: now) } ?? Int64(now)
        let source: String
        let zone: SignedZone
        switch (file, axfr) {
        case (let file?, nil):
            source = file
            zone = try Self.load(file, origin: originName, threads: threads)
        case (nil, let server?):
            guard let originName else { throw ValidationError("--axfr needs --origin: the zone to transfer") }
            guard (1...3600).contains(axfrTimeout) else { throw ValidationError("--axfr-timeout must be between 1 and 3600 seconds") }
            source = "AXFR from \(server)"
            zone = try Self.transfer(originName, from: server, deadline: axfrTimeout)
        default:
            throw ValidationError("give a zone file or --axfr SERVER, one of the two")
        }
        let file = source
        if let originName, originName != zone.apex {
            throw ToolFailure("\(file): the SOA is at \(zone.apex), not at --origin \(originName)")
        }
        var options = ZoneVerifier.Options(referenceTime: referenceTime)
        options.warnSeconds = Int64(warnDays * 86400)
        options.critSeconds = Int64(critDays * 86400)
        options.threads = threads
        if let dsFile {
            let dsRecords = try TrustInputs.readZoneFile(dsFile, what: "DS")
            options.parentDS = try dsRecords.map { record in
                guard record.type == .ds, record.owner == zone.apex, let ds = try? DSData(rdata: record.rdata) else {
                    throw ToolFailure("\(dsFile): \(record.owner) \(record.type) is not a DS record of \(zone.apex)")
                }
                return ds
            }
        }
        let report = ZoneVerificationReport(ZoneVerifier(options: options).verify(zone), file: file)
        let output: String
        switch format {
        case .text: output = report.text(ascii: ascii || !ReportOptions.localeIsUTF8(ProcessInfo.processInfo.environment))
        case .json: output = report.json(tool: "dnssec-check \(DNSSECCheck.version)")
        case .nagios: output = report.nagios()
        case .prometheus: output = report.prometheus()
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        throw ExitCode(report.monitorStatus.rawValue)
    }

    /// The zone by AXFR from `server` (ADDRESS or ADDRESS#PORT), grouped.
    static func transfer(_ zone: DNSName, from server: String, deadline: Double) throws -> SignedZone {
        let parts = server.split(separator: "#", maxSplits: 1).map(String.init)
        let ip = parts[0]
        guard presentationRDATA(ip, as: ip.contains(":") ? .aaaa : .a) != nil else {
            throw ValidationError("--axfr '\(server)' is not ADDRESS or ADDRESS#PORT (an IP address: no name lookups)")
        }
        var port: UInt16 = 53
        if parts.count == 2 {
            guard let value = UInt16(parts[1]), value > 0 else { throw ValidationError("--axfr '\(server)': the port must be 1 to 65535") }
            port = value
        }
        if LoopbackGuard.enabled && !LoopbackGuard.isLoopback(ip) {
            throw ToolFailure("refused: DNSSEC_CHECK_LOOPBACK_ONLY=1 and \(ip) is not loopback")
        }
        let records: [Record]
        do { records = try ZoneTransfer.axfr(zone: zone, server: ip, port: port, timeout: 5, deadline: deadline) } catch {
            throw ToolFailure(error.description)
        }
        do { return try SignedZone(records: records) } catch { throw ToolFailure("AXFR of \(zone) from \(server): \(error)") }
    }

    /// The file read and grouped; its bytes, text and records are freed on
    /// return, so only the grouped zone stays for the verification.
    static func load(_ file: String, origin: DNSName?, threads: Int) throws -> SignedZone {
        let records = try read(file, origin: origin, threads: threads)
        do { return try SignedZone(records: records) } catch { throw ToolFailure("\(file): \(error)") }
    }

    /// The file's records; its bytes are freed on return, before the records are grouped.
    static func read(_ file: String, origin: DNSName?, threads: Int) throws -> [Record] {
        guard let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : readWholeFile(file) else {
            throw ToolFailure("cannot read zone file \(file): no such file or not readable")
        }
        do { return try ZoneFileReader.parse(contents: data, origin: origin, threads: threads) } catch {
            throw ToolFailure("\(file): \(error)")
        }
    }
}
