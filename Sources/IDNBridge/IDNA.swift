import CIDN2

/// Internationalized names to A-labels through libidn2, as dig converts them
/// (IDNA2008, UTS #46 non-transitional mapping, NFC input). The only Swift
/// code that calls libidn2.
public enum IDNA {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `bücher.example` → `xn--bcher-kva.example`. Plain ASCII comes back as it is.
    public static func toASCII(_ text: String) throws(Failure) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var output: UnsafeMutablePointer<CChar>?
        let flags = Int32(IDN2_NONTRANSITIONAL.rawValue | IDN2_NFC_INPUT.rawValue)
        let status = idn2_to_ascii_8z(text, &output, flags)
        defer { if let output { idn2_free(output) } }
        guard status == Int32(IDN2_OK.rawValue), let output else {
            throw Failure(description: String(cString: idn2_strerror(status)))
        }
        return String(cString: output)
    }
}
