import Foundation
import Testing
@testable import DNSModel

@Suite("Capture JSON format")
struct CaptureTests {
    static func sample() throws -> Capture {
        let question = Question(name: try DNSName("Example.com."), type: .dnskey)
        let answered = Exchange(
            server: ServerAddress(ip: "192.0.2.53"), question: question, options: .authoritative,
            startTime: 1_700_000_000.25, duration: 0.0125, transport: .tcp,
            response: [0x12, 0x34, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xFF],
            failure: nil, truncatedOverUDP: true)
        let failed = Exchange(
            server: ServerAddress(ip: "2001:db8::53", port: 5353),
            question: Question(name: try DNSName("example.com."), type: RRType(65280), rrClass: .ch),
            options: QueryOptions(transport: .tcp, edns: false, udpPayloadSize: 512, dnssecOK: false,
                                  checkingDisabled: true, recursionDesired: true),
            startTime: 1_700_000_001, duration: 5, transport: .tcp, response: nil,
            failure: .timeout, failureDetail: "no answer after 3 tries")
        return Capture(tool: "dnssec-check 0.1.0", startTime: 1_700_000_000, endTime: 1_700_000_006.5,
                       names: [try DNSName("example.com."), try DNSName("a\\.b.example.")],
                       types: [.dnskey, .ds, RRType(65280)],
                       trustAnchors: [". 3600 IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D"],
                       rootHints: ["a.root-servers.net. 3600000 IN A 198.41.0.4"],
                       exchanges: [answered, failed])
    }

    @Test("encode then load gives the same capture")
    func roundTrip() throws {
        let capture = try Self.sample()
        #expect(capture.formatVersion == Capture.currentFormatVersion)
        let data = try capture.encoded()
        let loaded = try Capture.load(from: data)
        #expect(loaded == capture)
        // And the encoding is stable (sorted keys).
        #expect(try loaded.encoded() == data)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["formatVersion"] as? String == "1.2")
        let exchanges = object?["exchanges"] as? [[String: Any]]
        #expect(exchanges?.first?["response"] as? String == Data([0x12, 0x34, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xFF]).base64EncodedString())
        let question = exchanges?.last?["question"] as? [String: Any]
        #expect(question?["type"] as? String == "TYPE65280")
        #expect(question?["class"] as? String == "CH")
    }

    static func withVersion(_ version: String) throws -> Data {
        let data = try sample().encoded()
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        object["formatVersion"] = version
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("format version 2.0 is rejected with a clear error")
    func rejectsNewMajor() throws {
        let data = try Self.withVersion("2.0")
        #expect(throws: Capture.LoadError.incompatibleVersion(found: "2.0", supported: "1.2")) {
            try Capture.load(from: data)
        }
        do {
            _ = try Capture.load(from: data)
        } catch {
            #expect(error.description.contains("2.0"))
            #expect(error.description.contains("1.2"))
            #expect(error.description.contains("not supported"))
        }
    }

    @Test("other versions", arguments: [("1.0", true), ("1.1", true), ("1.2", true), ("1.3", false), ("0.9", false), ("2.0", false), ("1", false), ("x.y", false), ("", false)])
    func versions(version: String, readable: Bool) throws {
        let data = try Self.withVersion(version)
        if readable {
            var loaded = try Capture.load(from: data)
            #expect(loaded.formatVersion == version)
            loaded.formatVersion = Capture.currentFormatVersion
            #expect(try loaded == Self.sample())
        } else {
            #expect(throws: Capture.LoadError.self) { try Capture.load(from: data) }
        }
    }

    @Test("version is checked before the rest: a 2.0 capture with an unknown shape still says 'version'")
    func versionFirst() {
        let data = Data(#"{"formatVersion":"2.0","somethingNew":[1,2,3]}"#.utf8)
        #expect(throws: Capture.LoadError.incompatibleVersion(found: "2.0", supported: "1.2")) {
            try Capture.load(from: data)
        }
    }

    @Test("garbage is unreadable, not a crash", arguments: ["", "[]", "{}", "not json", #"{"formatVersion":"1.0"}"#])
    func garbage(text: String) {
        let error = #expect(throws: Capture.LoadError.self) { try Capture.load(from: Data(text.utf8)) }
        guard case .unreadable? = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
    }

    @Test("a response that is not base64 is unreadable")
    func badBase64() throws {
        let data = try Self.sample().encoded()
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var exchanges = object["exchanges"] as! [[String: Any]]
        exchanges[0]["response"] = "!!!not base64!!!"
        object["exchanges"] = exchanges
        let broken = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: Capture.LoadError.self) { try Capture.load(from: broken) }
    }

    @Test("exchange keys identify exchanges for de-duplication")
    func exchangeKeys() throws {
        let capture = try Self.sample()
        let a = capture.exchanges[0]
        var b = a
        b.startTime += 10
        b.response = nil
        #expect(a.key == b.key)
        b.options.dnssecOK = false
        #expect(a.key != b.key)
        #expect(ServerAddress(ip: "2001:db8::1").description == "[2001:db8::1]:53")
        #expect(ServerAddress(ip: "192.0.2.1", port: 5300).description == "192.0.2.1:5300")
    }
}
