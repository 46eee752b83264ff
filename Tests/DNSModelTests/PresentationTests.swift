import Foundation
import Testing
@testable import DNSModel
@testable import LDNSBridge

@Suite("Presentation format through ldns")
struct PresentationTests {
    /// Input line and what `ldns-read-zone` (ldns 1.8.3) prints for it.
    @Test("render matches ldns's tab-separated format", arguments: [
        ("www.example.com. 3600 IN A 192.0.2.1", "www.example.com.\t3600\tIN\tA\t192.0.2.1"),
        ("example.com. 3600 IN MX 10 Mail.Example.com.", "example.com.\t3600\tIN\tMX\t10 Mail.Example.com."),
        ("example.com. 86400 IN DS 60485 5 1 ( 2BB183AF5F22588179A5\n 3B0A98631FAD1A292118 )",
         "example.com.\t86400\tIN\tDS\t60485 5 1 2bb183af5f22588179a53b0a98631fad1a292118"),
        (#"a.example. 3600 IN TXT "hello world" "x;y""#, "a.example.\t3600\tIN\tTXT\t\"hello world\" \"x;y\""),
        ("host.example.com. 86400 IN RRSIG A 5 3 86400 20030322173103 20030220173103 2642 example.com. oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip8WTrPYGv07h108dUKGMeDPKijVCHX3DDKdfb+v6oB9wfuh3DTJXUAfI/M0zmO/zz8bW0Rznl8O3tGNazPwQKkRN20XPXV6nwwfoXmJQbsLNrLfkGJ5D6fwFm8nN+6pBzeDQfsS3Ap3o=",
         "host.example.com.\t86400\tIN\tRRSIG\tA 5 3 86400 20030322173103 20030220173103 2642 example.com. oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip8WTrPYGv07h108dUKGMeDPKijVCHX3DDKdfb+v6oB9wfuh3DTJXUAfI/M0zmO/zz8bW0Rznl8O3tGNazPwQKkRN20XPXV6nwwfoXmJQbsLNrLfkGJ5D6fwFm8nN+6pBzeDQfsS3Ap3o="),
        ("alfa.example.com. 86400 IN NSEC host.example.com. A MX RRSIG NSEC TYPE1234",
         "alfa.example.com.\t86400\tIN\tNSEC\thost.example.com. A MX RRSIG NSEC TYPE1234 "),
        ("x.example. 300 IN TYPE65280 \\# 3 010203", "x.example.\t300\tIN\tTYPE65280\t\\# 3 010203"),
        ("Mixed.Case.Example. 60 CH TXT x", "Mixed.Case.Example.\t60\tCH\tTXT\t\"x\""),
    ])
    func render(input: String, expected: String) throws {
        let record = try Presentation.parseRecord(input)
        #expect(Presentation.render(record) == expected)
        // What render prints parses back to the same record.
        #expect(try Presentation.parseRecord(Presentation.render(record)) == record)
    }

    /// The text report's dig-style lines: the key or signature cut in the
    /// middle, every other field (and every other type) as `render` prints it.
    @Test("renderElided cuts only DNSKEY, CDNSKEY and RRSIG material")
    func elided() throws {
        let sig = try Presentation.parseRecord("host.example.com. 86400 IN RRSIG A 5 3 86400 20030322173103 20030220173103 2642 example.com. oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip8WTrPYGv07h108dUKGMeDPKijVCHX3DDKdfb+v6oB9wfuh3DTJXUAfI/M0zmO/zz8bW0Rznl8O3tGNazPwQKkRN20XPXV6nwwfoXmJQbsLNrLfkGJ5D6fwFm8nN+6pBzeDQfsS3Ap3o=")
        #expect(Presentation.renderElided(sig) == "host.example.com.\t86400\tIN\tRRSIG\tA 5 3 86400 20030322173103 20030220173103 2642 example.com. oJB1W6WNGv…3Ap3o=")
        let key = try Presentation.parseRecord("example.com. 3600 IN DNSKEY 257 3 13 m9xtQM1bTiFB8XZDMXEojUPIsbmOWfS+a5gpcXHYH5T6L1fJ0uLHJHJqZwGqbTgE1R/qbssBOzt10hg0QfbGiw==")
        #expect(Presentation.renderElided(key) == "example.com.\t3600\tIN\tDNSKEY\t257 3 13 m9xtQM1bTi…bGiw==")
        var cdnskey = key
        cdnskey.type = .cdnskey
        #expect(Presentation.renderElided(cdnskey).hasSuffix("\tCDNSKEY\t257 3 13 m9xtQM1bTi…bGiw=="))
        // A short key, and a long record of another type, print whole.
        let short = try Presentation.parseRecord("example.com. 3600 IN DNSKEY 256 3 13 AAAAAAAAAAAAAAAAAAAA")
        #expect(Presentation.renderElided(short) == Presentation.render(short))
        let txt = try Presentation.parseRecord("a.example. 60 IN TXT \"\(String(repeating: "x", count: 200))\"")
        #expect(Presentation.renderElided(txt) == Presentation.render(txt))
    }

    @Test("parsed records carry the right wire RDATA")
    func parsedValues() throws {
        let ds = try Presentation.parseRecord("dskey.example.com. 86400 IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118")
        #expect(ds.type == .ds && ds.ttl == 86400 && ds.rrClass == .in)
        let data = try DSData(rdata: ds.rdata)
        #expect(data.keyTag == 60485 && data.algorithm == .rsasha1 && data.digestType == .sha1)
        #expect(Encodings.hex(data.digest) == "2BB183AF5F22588179A53B0A98631FAD1A292118".lowercased())
        let relative = try Presentation.parseRecord("www 300 IN A 192.0.2.7", origin: try DNSName("Example.org."))
        #expect(relative.owner == (try DNSName("www.example.org.")))
        let defaultTTL = try Presentation.parseRecord("www.example. IN A 192.0.2.7", defaultTTL: 1234)
        #expect(defaultTTL.ttl == 1234)
    }

    static let label64 = String(repeating: "a", count: 64)
    static let long = Array(repeating: String(repeating: "b", count: 63), count: 4).joined(separator: ".")

    @Test("bad input gives errors, not crashes", arguments: [
        ("bad base64 in DNSKEY", "example.com. 3600 IN DNSKEY 257 3 13 !!!!not*base64!!!!"),
        ("bad base64 in RRSIG", "example.com. 3600 IN RRSIG A 13 2 3600 20300101000000 20200101000000 1 example.com. @@@"),
        ("label > 63 in owner", "\(label64).example. 3600 IN A 192.0.2.1"),
        ("label > 63 in RDATA", "example. 3600 IN NS \(label64).example."),
        ("name > 255 in owner", "\(long).example. 3600 IN A 192.0.2.1"),
        ("name > 255 in RDATA", "example. 3600 IN CNAME \(long).example."),
        ("bad address", "example. 3600 IN A 192.0.2.256"),
        ("bad hex", "example. 3600 IN DS 1 8 2 XYZ"),
        ("unknown type", "example. 3600 IN FOOBAR 1"),
        ("missing RDATA", "example. 3600 IN MX"),
        ("empty", ""),
    ])
    func badInput(label: String, text: String) {
        #expect(throws: LDNSError.self, "\(label)") { try Presentation.parseRecord(text) }
    }

    @Test("render falls back to RFC 3597 form for RDATA ldns cannot read")
    func renderFallback() throws {
        let broken = Record(owner: try DNSName("x.example."), type: .a, ttl: 60, rdata: [1, 2, 3])
        let text = Presentation.render(broken)
        #expect(text.hasPrefix("x.example.\t60\tIN\tA\t"))
    }

    @Test("zone files: directives, relative names, omitted owners, parentheses")
    func zoneFile() throws {
        let text = """
            $ORIGIN example.
            $TTL 300
            @   IN SOA ns1 hostmaster ( 1 3600 900
                        604800 300 ) ; comment
                IN NS ns1
            ns1 IN A 192.0.2.1
            Www 60 IN CNAME ns1
            """
        let records = try ZoneFileReader.parse(text)
        #expect(records.map(\.type) == [.soa, .ns, .a, .cname])
        #expect(records[0].owner == (try DNSName("example.")))
        #expect(records[1].owner == (try DNSName("example.")))
        #expect(records[1].ttl == 300)
        #expect(try NameData(rdata: records[1].rdata).target == DNSName("ns1.example."))
        #expect(records[3].owner.description == "Www.example.")
        #expect(records[3].ttl == 60)
        #expect(try ZoneFileReader.parse("").isEmpty)
        #expect(try ZoneFileReader.parse("; only a comment\n\n").isEmpty)
    }

    @Test("zone file errors name the line", arguments: [
        ("example. 3600 IN A 192.0.2.1\nexample. 3600 IN A 192.0.2.999\n", 2),
        ("example. 3600 IN A 192.0.2.1\n\n; comment\nexample. 3600 IN DNSKEY 257 3 13 !!!\n", 4),
        ("bad line\n", 1),
    ])
    func zoneFileErrors(text: String, line: Int) {
        let error = #expect(throws: ZoneFileError.self) { try ZoneFileReader.parse(text) }
        #expect(error?.line == line)
        #expect(error?.description.hasPrefix("line \(line): ") == true)
    }
}

/// The parallel zone-file reader gives exactly the one-reader parse: the
/// same records in the same order, whatever the directives, parentheses,
/// quotes, comments and owner-less lines around its cut points.
struct ParallelZoneFileTests {
    static func text(names: Int) -> String {
        var lines = ["$ORIGIN example.", "$TTL 300", "@ IN SOA ns1 hostmaster ( 1 ; serial (with a parenthesis in a comment", "  7200 3600 1209600 300 )"]
        for i in 0..<names {
            if i % 5000 == 0 { lines.append("$ORIGIN part\(i / 5000).example.") }
            if i % 7000 == 0 { lines.append("$TTL \(600 + i / 7000)") }
            lines.append("h\(i) IN A 192.0.2.\(i % 250 + 1)")
            lines.append("   IN TXT \"a ( quoted ; text \\\" \(i)\"")   // owner-less: the previous owner
            if i % 3 == 0 {
                lines.append("m\(i) 60 IN MX ( 10")
                lines.append("  mail.example. ) ; closing")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func partsReadTogetherEqualTheWhole() throws {
        let text = Self.text(names: 40_000)
        #expect(text.utf8.count > 1 << 20, "big enough to be cut")
        #expect(ZoneFileReader.split(Array(text.utf8), into: 8).count > 4)
        let whole = try ZoneFileReader.parse(text)
        let parts = try ZoneFileReader.parse(bytes: Array(text.utf8), threads: 4)
        #expect(parts.count == whole.count)
        #expect(parts == whole)
        // Straight from the file's contents (no copy into an array) the same.
        #expect(try ZoneFileReader.parse(contents: Data(text.utf8), threads: 4) == whole)
        // Records of one owner share its name, spelled as the file spells it.
        let owned = whole.filter { $0.owner == (try? DNSName("h7.part0.example.")) }
        #expect(owned.count == 2 && owned.allSatisfy { $0.owner.labels == owned[0].owner.labels })
    }

    @Test func anOwnerIsSharedOnlyWhenSpelledTheSame() throws {
        let records = try ZoneFileReader.parse("$ORIGIN example.\nWWW 60 IN A 192.0.2.1\nwww 60 IN TXT \"x\"\n")
        #expect(records.count == 2 && records[0].owner == records[1].owner)
        #expect(records[0].owner.description == "WWW.example." && records[1].owner.description == "www.example.")
    }

    @Test func anErrorNamesTheLineOfTheWholeFile() throws {
        var lines = Self.text(names: 40_000).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bad = lines.count * 3 / 4
        lines[bad] = "broken IN A not-an-address"
        let text = lines.joined(separator: "\n")
        var whole: ZoneFileError?
        do { _ = try ZoneFileReader.parse(text) } catch { whole = error }
        var parts: ZoneFileError?
        do { _ = try ZoneFileReader.parse(bytes: Array(text.utf8), threads: 4) } catch { parts = error }
        #expect(whole != nil && parts == whole, "whole: \(String(describing: whole)), parts: \(String(describing: parts))")
        #expect(whole?.line == bad + 1)
    }
}
