import CLDNS
import DNSModel
import Foundation

/// A zone fetched by AXFR (RFC 5936) through ldns's transfer client, for
/// `dnssec-check zone --axfr SERVER`: every record of the transfer in
/// order, without the closing copy of the SOA. Bounded: each read waits at
/// most `timeout` seconds, the whole transfer `deadline` seconds, and at
/// most `maxRecords` records are taken (a server that streams forever is
/// cut off with an error, not followed).
public enum ZoneTransfer {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public static func axfr(zone: DNSName, server ip: String, port: UInt16 = 53, timeout: Double = 5,
                            deadline: Double = 600, maxRecords: Int = 20_000_000) throws(Failure) -> [Record] {
        guard let resolver = ldns_resolver_new() else { throw Failure(description: "cannot create a transfer client") }
        defer { ldns_resolver_deep_free(resolver) }
        let isIPv6 = ip.contains(":")
        guard let address = ldns_rdf_new_frm_str(isIPv6 ? LDNS_RDF_TYPE_AAAA : LDNS_RDF_TYPE_A, ip) else {
            throw Failure(description: "\(ip) is not an IP address")
        }
        let owned = OwnedRDF(taking: address)
        guard ldns_resolver_push_nameserver(resolver, owned.pointer) == LDNS_STATUS_OK else {
            throw Failure(description: "cannot use \(ip) as the transfer server")
        }
        ldns_resolver_set_port(resolver, port)
        let seconds = Int(max(1, min(timeout, 3600)))
        ldns_resolver_set_timeout(resolver, timeval(tv_sec: seconds, tv_usec: 0))
        ldns_resolver_set_retry(resolver, 1)
        let name: OwnedRDF
        do { name = try OwnedRDF(name: zone) } catch { throw Failure(description: "cannot encode \(zone)") }
        let started = ldns_axfr_start(resolver, name.pointer, LDNS_RR_CLASS_IN)
        guard started == LDNS_STATUS_OK else {
            _ = drainOpenSSLErrors()
            throw Failure(description: "AXFR of \(zone) from \(ip): " + (ldns_get_errorstr_by_id(started).map { String(cString: $0) } ?? "cannot connect"))
        }
        let until = Date().addingTimeInterval(max(1, deadline))
        var records: [Record] = []
        while let rr = ldns_axfr_next(resolver) {
            let owned = OwnedRR(taking: rr)
            do { records.append(try owned.record()) } catch {
                ldns_axfr_abort(resolver)
                throw Failure(description: "AXFR of \(zone) from \(ip): a record could not be read: \(error.message)")
            }
            if records.count > maxRecords || Date() > until {
                ldns_axfr_abort(resolver)
                throw Failure(description: "AXFR of \(zone) from \(ip) stopped after \(records.count) records: more than \(records.count > maxRecords ? "\(maxRecords) records" : "\(Int(deadline)) s")")
            }
        }
        guard ldns_axfr_complete(resolver) != 0 else {
            let rcode = ldns_axfr_last_pkt(resolver).map { Int(ldns_pkt_get_rcode($0).rawValue) }
            let names = [1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED", 9: "NOTAUTH"]
            let why = rcode.flatMap { $0 == 0 ? nil : names[$0] ?? "rcode \($0)" }
            throw Failure(description: "AXFR of \(zone) from \(ip) did not complete" + (why.map { " (the server answered \($0))" } ?? " (timeout or connection closed)"))
        }
        // The transfer ends with the SOA it began with (RFC 5936 §2.2).
        if records.count > 1, records.last?.type == .soa, records.first?.type == .soa { records.removeLast() }
        return records
    }
}
