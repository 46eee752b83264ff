import DNSModel
import LDNSBridge

/// One line per exchange for `--trace` (printed to stderr by the CLI):
///
///     127.53.0.1:53 ./SOA udp 0.4 ms NOERROR [qr aa] 512 B
///     127.53.0.9:53 example./DNSKEY udp>tcp 3.1 ms NOERROR [qr aa] 1893 B
///     127.0.0.1:5353 example./A udp 4104.2 ms TIMEOUT: no response in 2 attempt(s) of 2000 ms each
public enum TraceFormatter {
    public static func line(for exchange: Exchange) -> String {
        let transport = exchange.truncatedOverUDP ? "udp>tcp" : exchange.transport.rawValue
        let rtt = String(format: "%.1f ms", exchange.duration * 1000)
        let head = "\(exchange.server) \(exchange.question.name)/\(exchange.question.type) \(transport) \(rtt)"
        if let failure = exchange.failure {
            let detail = exchange.failureDetail.map { ": \($0)" } ?? ""
            return "\(head) \(failure.rawValue.uppercased())\(detail)"
        }
        guard let response = exchange.response else { return "\(head) no response" }
        guard let message = try? WireFormat.parseMessage(response) else {
            return "\(head) unparseable \(response.count) B"
        }
        let edns = message.edns.map { " edns(\($0.udpPayloadSize)\($0.dnssecOK ? " do" : ""))" } ?? ""
        return "\(head) \(message.rcode) [\(message.flags)]\(edns) \(response.count) B"
    }
}
