import DNSModel
import LDNSBridge

/// Decides whether a received message answers the query that was sent
/// (RFC 5452 §9.1): same ID, QR set, exactly our question (name compared
/// case-insensitively, type, class). The source address and port are checked
/// by the transport before the bytes get here (UDP), or are implied by the
/// connection (TCP).
struct ResponseMatcher: Sendable {
    let id: UInt16
    let question: Question

    enum Verdict: Sendable {
        /// The response answers our query (parsed, with its trailing-byte count).
        case accept(ParsedResponse)
        /// The ID matched but the bytes are not a DNS message.
        case malformed(String)
        /// Not an answer to our query; keep waiting.
        case ignore(String)
    }

    func check(_ bytes: [UInt8]) -> Verdict {
        guard bytes.count >= 2 else {
            return .ignore("\(bytes.count)-byte datagram, too short to carry an ID")
        }
        let receivedID = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        guard receivedID == id else {
            return .ignore("ID \(receivedID) instead of \(id)")
        }
        guard bytes.count >= 12 else {
            return .malformed("\(bytes.count) bytes, shorter than a DNS header")
        }
        guard bytes[2] & 0x80 != 0 else {
            return .ignore("QR bit clear (a query, not a response)")
        }
        let parsed: ParsedResponse
        do {
            parsed = try WireFormat.parseResponse(bytes)
        } catch {
            return .malformed("\(error) (\(bytes.count) bytes)")
        }
        let message = parsed.message
        guard message.questions.count == 1, let echoed = message.questions.first else {
            return .ignore("\(message.questions.count) questions in the response instead of 1")
        }
        guard echoed == question else {
            return .ignore("question \(echoed) instead of \(question)")
        }
        return .accept(parsed)
    }
}
