import DNSSECAnalysis
import Foundation

/// Parsing the RFC 3339 times the analysis writes, so renderers can show
/// "in 3d 4h" next to them. Renderers never read the clock.
enum Clock {
    static func unix(_ text: String) -> Int64? { TimeText.parse(text) }
}
