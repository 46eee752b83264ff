import Foundation
import Testing
@testable import DNSModel
import DNSSECTestSupport

@Suite("DNSName")
struct DNSNameTests {
    @Test("presentation round trip", arguments: [
        ("example.com.", "example.com."),
        ("example.com", "example.com."),
        ("WWW.Example.COM.", "WWW.Example.COM."),
        (".", "."),
        ("*.example.", "*.example."),
        ("a\\.b.example.", "a\\.b.example."),
        ("a\\\\b.example.", "a\\\\b.example."),
        ("\\065bc.example.", "Abc.example."),
        ("\\000\\255.example.", "\\000\\255.example."),
        ("sp\\032ace.example.", "sp\\032ace.example."),
        ("semi\\;colon.example.", "semi\\;colon.example."),
        ("paren\\(\\).example.", "paren\\(\\).example."),
        ("quote\\\".example.", "quote\\\".example."),
        ("at\\@dollar\\$.example.", "at\\@dollar\\$.example."),
    ])
    func presentationRoundTrip(input: String, printed: String) throws {
        let name = try DNSName(input)
        #expect(name.description == printed)
        #expect(try DNSName(name.description) == name)
        #expect(try DNSName(name.description).labels == name.labels)
    }

    @Test("escapes decode to the right bytes")
    func escapeBytes() throws {
        let name = try DNSName("a\\.b\\000\\255.example.")
        #expect(name.labels == [[0x61, 0x2E, 0x62, 0x00, 0xFF], Array("example".utf8)])
        #expect(name.labelCount == 2)
        #expect(name.wire == [5, 0x61, 0x2E, 0x62, 0x00, 0xFF, 7] + Array("example".utf8) + [0])
    }

    @Test("bad presentation forms are rejected", arguments: [
        "", "a..b.", "..", ".example.", "a\\", "a\\25", "a\\2x5.", "a\\256.", "\\999.example.",
    ])
    func badPresentation(input: String) {
        #expect(throws: DNSModelError.self) { try DNSName(input) }
    }

    @Test("equality and hashing ignore ASCII case only")
    func caseInsensitive() throws {
        let a = try DNSName("WWW.Example.COM.")
        let b = try DNSName("www.example.com")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect([a: 1][b] == 1)
        #expect(a.description == "WWW.Example.COM.", "case is preserved for printing")
        #expect(a.lowercased().description == "www.example.com.")
        #expect(a.canonicalWire == b.wire)
        #expect(DNSName.canonicalCompare(a, b) == 0)
        // Non-ASCII bytes are not case-folded.
        #expect(try DNSName("\\196.example.") != DNSName("\\228.example."))
        #expect(try DNSName("a.example.") != DNSName("a.example.com."))
    }

    @Test("canonical order is the RFC 4034 §6.1 list")
    func canonicalOrder() throws {
        let rfcOrder = [
            "example", "a.example", "yljkjljk.a.example", "Z.a.example", "zABC.a.EXAMPLE",
            "z.example", "\\001.z.example", "*.z.example", "\\200.z.example",
        ].map { try! DNSName($0) }
        // Sorting any permutation gives the RFC's list back.
        var generator = SeededGenerator(seed: 4034)
        for _ in 0..<20 {
            #expect(rfcOrder.shuffled(using: &generator).sorted() == rfcOrder)
        }
        for (i, lhs) in rfcOrder.enumerated() {
            for (j, rhs) in rfcOrder.enumerated() {
                #expect((lhs < rhs) == (i < j), "\(lhs) < \(rhs)")
                #expect(DNSName.canonicalCompare(lhs, rhs) == (i < j ? -1 : i == j ? 0 : 1))
            }
        }
        #expect(DNSName.root < rfcOrder[0])
        #expect(!(rfcOrder[0] < DNSName.root))
    }

    @Test("label counts, wildcard, RRSIG labels")
    func labelCounts() throws {
        #expect(DNSName.root.labelCount == 0)
        #expect(DNSName.root.isRoot)
        #expect(DNSName.root.description == ".")
        #expect(DNSName.root.wire == [0])
        let wild = try DNSName("*.example.com.")
        #expect(wild.labelCount == 3)
        #expect(wild.isWildcard)
        #expect(wild.rrsigLabelCount == 2)
        let plain = try DNSName("www.example.com.")
        #expect(!plain.isWildcard)
        #expect(plain.rrsigLabelCount == 3)
        // Only a whole leftmost "*" label makes a wildcard.
        #expect(try !DNSName("a*.example.").isWildcard)
        #expect(try !DNSName("a.*.example.").isWildcard)
        #expect(try DNSName("example.com.").wildcard == wild)
    }

    @Test("parent, subdomain, lineage, suffix")
    func hierarchy() throws {
        let name = try DNSName("www.Example.com.")
        #expect(name.parent == (try DNSName("example.com.")))
        #expect(name.parent?.parent?.parent == .root)
        #expect(DNSName.root.parent == nil)
        #expect(name.isSubdomain(of: try DNSName("EXAMPLE.com.")))
        #expect(name.isSubdomain(of: name))
        #expect(name.isSubdomain(of: .root))
        #expect(!name.isSubdomain(of: try DNSName("ample.com.")))
        #expect(!name.isSubdomain(of: try DNSName("a.www.example.com.")))
        #expect(!(try DNSName("wwwexample.com.")).isSubdomain(of: try DNSName("example.com.")))
        #expect(name.lineage.map(\.description) == [".", "com.", "Example.com.", "www.Example.com."])
        #expect(name.suffix(labelCount: 2) == (try DNSName("example.com.")))
        #expect(name.suffix(labelCount: 0) == .root)
        #expect(name.suffix(labelCount: 9) == name)
        #expect(try name.prepending(Array("a".utf8)) == DNSName("a.www.example.com."))
    }

    @Test("label and name length limits (RFC 1035 §2.3.4)")
    func limits() throws {
        let label63 = String(repeating: "a", count: 63)
        let label64 = String(repeating: "a", count: 64)
        #expect(try DNSName("\(label63).example.").labels[0].count == 63)
        #expect(throws: DNSModelError.self) { try DNSName("\(label64).example.") }
        #expect(throws: DNSModelError.self) { try DNSName(labels: [Array(label64.utf8)]) }
        #expect(throws: DNSModelError.self) { try DNSName(labels: [[]]) }

        // 3 × (1 + 63) + (1 + 61) + 1 = 255 bytes on the wire: the maximum.
        let max = "\(label63).\(label63).\(label63).\(String(repeating: "b", count: 61))."
        let maxName = try DNSName(max)
        #expect(maxName.wireLength == 255)
        #expect(maxName.wire.count == 255)
        let tooLong = "\(label63).\(label63).\(label63).\(String(repeating: "b", count: 62))."
        #expect(throws: DNSModelError.self) { try DNSName(tooLong) }
        #expect(throws: DNSModelError.self) { try maxName.prepending([0x61]) }
        #expect(maxName.wildcard == nil)
        // Escaped bytes count once each.
        let escaped = String(repeating: "\\000", count: 64)
        #expect(throws: DNSModelError.self) { try DNSName("\(escaped).example.") }
    }

    @Test("JSON coding uses presentation format")
    func codable() throws {
        let name = try DNSName("Mixed\\.Case.example.")
        let data = try JSONEncoder().encode([name])
        #expect(String(decoding: data, as: UTF8.self) == #"["Mixed\\.Case.example."]"#)
        #expect(try JSONDecoder().decode([DNSName].self, from: data) == [name])
        #expect(throws: (any Error).self) { try JSONDecoder().decode([DNSName].self, from: Data(#"["a..b"]"#.utf8)) }
    }
}
