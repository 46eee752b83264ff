import DNSSECTestSupport
import Foundation
import Testing

/// `dnssec-check zone` through the binary: exit codes, messages for bad
/// input, and the JSON against docs/zone-report-schema.json.
struct ZoneCommandTests {
    static let hasLDNS = CLI.toolPath("ldns-keygen") != nil && CLI.toolPath("ldns-signzone") != nil

    /// A small zone signed now by ldns-signzone: (directory, signed file).
    static func signedZone() throws -> (URL, String) {
        let directory = try CLI.temporaryDirectory()
        try """
            $ORIGIN example.
            $TTL 300
            @    IN SOA ns1 hostmaster 1 7200 3600 1209600 300
            @    IN NS  ns1
            ns1  IN A   192.0.2.1
            www  IN A   192.0.2.3
            """.write(to: directory.appendingPathComponent("example.zone"), atomically: true, encoding: .utf8)
        let zsk = try CLI.tool("ldns-keygen", ["-a", "ECDSAP256SHA256", "example."], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        let ksk = try CLI.tool("ldns-keygen", ["-a", "ECDSAP256SHA256", "-k", "example."], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try CLI.tool("ldns-signzone", ["-o", "example.", "example.zone", zsk, ksk], in: directory)
        return (directory, directory.appendingPathComponent("example.zone.signed").path)
    }

    @Test(.enabled(if: hasLDNS, "apt-get install ldnsutils"))
    func exitCodesAndTheReport() throws {
        let (directory, signed) = try Self.signedZone()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clean = try CLI.run(["zone", signed, "--at", "+1m"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("example. (\(signed)): SECURE, valid until"))
        // Four weeks later every signature has expired: CRITICAL, one finding with the count.
        let late = try CLI.run(["zone", signed, "--at", "+40d"])
        #expect(late.status == 2)
        #expect(late.stdout.contains("EXPIRATION_IN_PAST") && late.stdout.contains("times; first at"))
        #expect(late.stdout.contains("fix first: EXPIRATION_IN_PAST"))
        // Inside --warn-days: WARNING.
        let soon = try CLI.run(["zone", signed, "--at", "+26d", "--warn-days", "3", "--crit-days", "0"])
        #expect(soon.status == 1, "\(soon.stdout)")
        let nagios = try CLI.run(["zone", signed, "--at", "+40d", "--format", "nagios"])
        #expect(nagios.stdout.hasPrefix("DNSSEC CRITICAL - zone example. BOGUS: EXPIRATION_IN_PAST"))
        let prometheus = try CLI.run(["zone", signed, "--format", "prometheus", "--at", "+1m"])
        #expect(prometheus.stdout.contains("dnssec_check_zone_status{zone=\"example.\"} 0"))
    }

    @Test(.enabled(if: hasLDNS && TestProcess.which("python3") != nil, "apt-get install ldnsutils python3-jsonschema"))
    func jsonFollowsItsSchema() throws {
        let (directory, signed) = try Self.signedZone()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = PackageRoot.url.appendingPathComponent("docs/zone-report-schema.json").path
        for at in ["+1m", "+40d"] {
            let result = try CLI.run(["zone", signed, "--format", "json", "--at", at])
            let check = try CLI.runTool(TestProcess.which("python3")!, ["-c", """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                jsonschema.Draft202012Validator.check_schema(schema)
                errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(sys.stdin.read())))
                for e in errors: print(e.json_path, e.message[:200])
                sys.exit(1 if errors else 0)
                """, schema], stdin: result.stdout)
            #expect(check.status == 0, "\(at): \(check.stdout)\(check.stderr)")
        }
    }

    @Test func badInputIsUnknownWithAMessage() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notZone = directory.appendingPathComponent("a.zone")
        try "www.example. 300 IN A 192.0.2.1\n".write(to: notZone, atomically: true, encoding: .utf8)
        let garbage = directory.appendingPathComponent("b.zone")
        try "this is not a zone file at all\n".write(to: garbage, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["zone", "/nonexistent/zone"], "cannot read zone file"),
            (["zone", notZone.path], "no SOA record"),
            (["zone", garbage.path], "line 1"),
            (["zone", notZone.path, "--threads", "0"], "--threads must be between 1 and 256"),
            (["zone", notZone.path, "--warn-days", "1e308"], "--warn-days"),
            (["zone", notZone.path, "--origin", "bad name."], "--origin"),
            (["zone"], "give a zone file or --axfr SERVER"),
            (["zone", notZone.path, "--axfr", "127.0.0.1"], "give a zone file or --axfr SERVER"),
            (["zone", "--axfr", "127.0.0.1"], "--axfr needs --origin"),
            (["zone", "--axfr", "ns1.example.com", "--origin", "example.com"], "is not ADDRESS or ADDRESS#PORT"),
            (["zone", "--axfr", "127.0.0.1#0", "--origin", "example.com"], "the port must be 1 to 65535"),
            // Nothing listens there: refused at once, said in words.
            (["zone", "--axfr", "127.0.0.1#9", "--origin", "example.com"], "AXFR of example.com."),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(arguments)
            #expect(result.status == 3, "\(arguments): exit \(result.status)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
