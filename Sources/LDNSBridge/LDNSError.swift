import CLDNS

/// A failure reported by ldns or OpenSSL, with the library's own text and
/// whatever OpenSSL left on its error queue (drained, so that nothing leaks
/// into the next call).
public struct LDNSError: Error, Equatable, Sendable, CustomStringConvertible {
    public let status: Int32?
    public let message: String

    init(_ status: ldns_status, context: String) {
        self.status = Int32(status.rawValue)
        let text = ldns_get_errorstr_by_id(status).map { String(cString: $0) } ?? "ldns status \(status.rawValue)"
        let openssl = drainOpenSSLErrors()
        self.message = "\(context): \(text)" + (openssl.isEmpty ? "" : " (\(openssl.joined(separator: "; ")))")
    }

    init(message: String) {
        self.status = nil
        self.message = message
    }

    public var description: String { message }

    /// Calls an ldns function that allocates a byte buffer, copies it out and frees it.
    static func check(
        _ context: String,
        _ body: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, UnsafeMutablePointer<Int>) -> ldns_status
    ) throws(LDNSError) -> [UInt8] {
        var dest: UnsafeMutablePointer<UInt8>?
        var size = 0
        let status = body(&dest, &size)
        defer { free(dest) }
        guard status == LDNS_STATUS_OK, let dest else { throw LDNSError(status, context: context) }
        return Array(UnsafeBufferPointer(start: dest, count: size))
    }
}

/// Empties OpenSSL's per-thread error queue and returns its entries as text.
func drainOpenSSLErrors() -> [String] {
    var messages: [String] = []
    while true {
        let code = ERR_get_error()
        if code == 0 { break }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return messages
}
