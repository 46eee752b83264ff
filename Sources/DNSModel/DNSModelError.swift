/// Why a value could not be built from its wire or text form.
public enum DNSModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidName(String)
    case truncated(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .invalidName(let why): return "invalid domain name: \(why)"
        case .truncated(let what): return "truncated \(what)"
        case .malformed(let why): return "malformed data: \(why)"
        }
    }
}
