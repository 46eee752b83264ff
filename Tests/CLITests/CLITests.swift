import DNSSECTestSupport
import Foundation
import Testing

private let binaryFound = CLI.binary != nil
private let ldnsTools = CLI.toolPath("ldns-keygen") != nil && CLI.toolPath("ldns-key2ds") != nil
private let bindTools = CLI.toolPath("dnssec-keygen") != nil && CLI.toolPath("dnssec-dsfromkey") != nil

/// RFC 4034 §5.4: the DNSKEY (a ZSK, flags 256) whose SHA-1 DS is published.
private let rfc4034Key = """
    dskey.example.com. 86400 IN DNSKEY 256 3 5 ( AQOeiiR0GOMYkDshWoSKz9Xz
                                              fwJr1AYtsmx3TGkJaNXVbfi/
                                              2pHm822aJ5iI9BMzNXxeYCmZ
                                              DRD99WYwYqUSdjMmmAphXdvx
                                              egXd/M5+X7OrzKBaMbCVdFLU
                                              Uh6DhweJBjEVv5f2wwjM9Xzc
                                              nOf+EPbtG9DMBmADjFDc2w/r
                                              ljwvFw==
                                              ) ;  key id = 60485
    """

/// A KSK (257), a ZSK (256) and a revoked KSK (385) at example.com. (RFC 6605 / 8080 key material).
private let mixedKeys = """
    $ORIGIN example.com.
    $TTL 3600
    @ IN DNSKEY 257 3 15 l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=
    @ IN DNSKEY 256 3 15 zPnZ/QwEe7S8C5SPz2OfS5RR40ATk2/rYnE9xHIEijs=
    @ IN DNSKEY 385 3 13 ( GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edb
                           krSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA== )
    """

@Suite("dnssec-check command line", .enabled(if: binaryFound, "dnssec-check binary not found: run swift build first or set DNSSEC_CHECK_BIN"))
struct CLITests {
    @Test("--help exits 0 and describes the tool")
    func help() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
        #expect(result.stdout.contains("ds"))
        let dsHelp = try CLI.run(["ds", "--help"])
        #expect(dsHelp.status == 0)
        #expect(dsHelp.stdout.contains("--digest"))
    }

    @Test("--version prints the version")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        let text = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "\(text)")
        #expect(text == "0.1.0")
    }

    @Test("the RFC 4034 §5.4 key gives the RFC's DS with --all --digest 1")
    func rfc4034() throws {
        let result = try CLI.run(["ds", "--all", "--digest", "1"], stdin: rfc4034Key)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "dskey.example.com.\t86400\tIN\tDS\t60485 5 1 2bb183af5f22588179a53b0a98631fad1a292118\n")
        #expect(DSFields.all(in: result.stdout) == [DSFields("dskey.example.com. 86400 IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118")!])
        // RFC 4509 §2.3: the SHA-256 DS of the same key; "-" reads standard input too.
        let sha256 = try CLI.run(["ds", "-", "--all"], stdin: rfc4034Key)
        #expect(DSFields.all(in: sha256.stdout).map(\.digest) == ["D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A"])
        // Without --all the ZSK is skipped, and then there is nothing to print.
        let skipped = try CLI.run(["ds"], stdin: rfc4034Key)
        #expect(skipped.stdout.isEmpty)
        #expect(skipped.stderr.contains("not a SEP key"))
    }

    @Test("several digest types at once, in the order asked")
    func severalDigests() throws {
        let result = try CLI.run(["ds", "--all", "--digest", "1,2,4"], stdin: rfc4034Key)
        #expect(result.status == 0)
        let lines = DSFields.all(in: result.stdout)
        #expect(lines.map(\.digestType) == [1, 2, 4])
        #expect(lines.map(\.digest.count) == [40, 64, 96])
        #expect(lines.allSatisfy { $0.keyTag == 60485 && $0.algorithm == 5 && $0.owner == "dskey.example.com." })
    }

    @Test("--format json parses and has the fields")
    func json() throws {
        let result = try CLI.run(["ds", "--all", "--digest", "2,4", "--format", "json"], stdin: rfc4034Key)
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let entries = try #require(object as? [[String: Any]])
        #expect(entries.count == 2)
        let first = try #require(entries.first)
        for field in ["owner", "ttl", "key_tag", "algorithm", "algorithm_name", "digest_type", "digest_type_name", "digest", "key_size", "record"] {
            #expect(first[field] != nil, "missing \(field)")
        }
        #expect(first["owner"] as? String == "dskey.example.com.")
        #expect(first["ttl"] as? Int == 86400)
        #expect(first["key_tag"] as? Int == 60485)
        #expect(first["algorithm"] as? Int == 5)
        #expect(first["algorithm_name"] as? String == "RSASHA1")
        #expect(first["digest_type"] as? Int == 2)
        #expect(first["digest_type_name"] as? String == "SHA-256")
        #expect(first["digest"] as? String == "d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a",
                "one case for hex everywhere: lower, as ldns and the DS records print it")
        #expect(first["key_size"] as? Int == 1024)
        #expect((first["record"] as? String).flatMap(DSFields.init) == DSFields("dskey.example.com. 86400 IN DS 60485 5 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A"))
        #expect(entries.last?["digest_type"] as? Int == 4)
    }

    @Test("a revoked key and a ZSK are skipped with a note on stderr")
    func skippedKeys() throws {
        let result = try CLI.run(["ds"], stdin: mixedKeys)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = DSFields.all(in: result.stdout)
        #expect(lines.map(\.keyTag) == [3613])
        #expect(lines.first?.owner == "example.com.")
        #expect(lines.first?.digest == "3AA5AB37EFCE57F737FC1627013FEE07BDF241BD10F3B1964AB55C78E79A304B", "RFC 8080 §6.1 DS")
        // The same key material as the 8080 KSK 35217, with flags 256: tag 35216.
        #expect(result.stderr.contains("35216") && result.stderr.contains("not a SEP key"), "\(result.stderr)")
        #expect(result.stderr.contains("REVOKE"), "\(result.stderr)")
        // --all adds the ZSK but never the revoked key.
        let all = try CLI.run(["ds", "--all"], stdin: mixedKeys)
        #expect(DSFields.all(in: all.stdout).map(\.keyTag) == [3613, 35216])
        #expect(all.stderr.contains("REVOKE"))
        // A key without the ZONE flag is skipped too.
        let nonZone = try CLI.run(["ds", "--all"], stdin: "example.com. 3600 IN DNSKEY 1 3 15 l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=\n")
        #expect(nonZone.stdout.isEmpty)
        #expect(nonZone.stderr.contains("ZONE flag"))
    }

    @Test("a malformed record gives exit 3 and an error naming the line")
    func malformedRecord() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("keys.txt")
        try """
            ; a comment
            example.com. 3600 IN DNSKEY 257 3 15 l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=

            example.com. 3600 IN DNSKEY 257 3 15 !!!not-base64!!!
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["ds", file.path])
        #expect(result.status == 3)
        #expect(!result.crashed)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("line 4"), "\(result.stderr)")
        #expect(result.stderr.contains("keys.txt"), "\(result.stderr)")
    }

    @Test("bad input and bad options exit 3, never 64, never a crash", arguments: [
        (["ds", "/nonexistent/dnssec-check/keys.txt"], ""),
        (["ds", "--digest", "7"], rfc4034Key),
        (["ds", "--digest", "3"], rfc4034Key),
        (["ds", "--digest", "x"], rfc4034Key),
        (["ds", "--digest", ""], rfc4034Key),
        (["ds", "--digest", ","], rfc4034Key),
        (["ds", "--bogus-flag"], rfc4034Key),
        (["--bogus-flag"], ""),
        (["ds", "one.txt", "two.txt"], ""),
        (["ds", "--digest"], ""),
        (["ds", "--format", "yaml"], rfc4034Key),
        (["ds"], ""),
        (["ds"], "example.com. 3600 IN A 192.0.2.1\n"),
        (["ds"], "this is not a zone file (\n"),
        (["ds"], "example.com. 3600 IN DNSKEY 257 3\n"),
        (["check", "www.example.", "--shard", "2/2"], ""),
        (["check", "www.example.", "--shard", "1"], ""),
        (["check", "www.example.", "--shard", "0/0"], ""),
        (["check", "www.example.", "--shard", "-1/4"], ""),
        (["check", "www.example.", "--total-deadline", "0"], ""),
        (["check", "www.example.", "--total-deadline", "inf"], ""),
        (["check", "www.example.", "--total-deadline", "nan"], ""),
        (["check", "www.example.", "--deadline", "1e308"], ""),
        (["check", "www.example.", "--timeout", "-2"], ""),
        (["check", "www.example.", "--timeout", "nan"], ""),
        (["check", "www.example.", "-t", "RRSIG"], ""),
        (["check", "www.example.", "-t", "ANY"], ""),
        (["check", "www.example.", "-t", "OPT"], ""),
        (["check", "www.example.", "-t", "AXFR"], ""),
        (["check", "www.example.", "--max-queries", "0"], ""),
        (["check", "www.example.", "--max-queries", "99999999999999999999"], ""),
        (["check", "www.example.", "--jobs", "99999999999"], ""),
        (["probe", "www.example.", "-o", "-", "--shard", "3/3"], ""),
    ] as [([String], String)])
    func badInput(arguments: [String], stdin: String) throws {
        let result = try CLI.run(arguments, stdin: stdin)
        #expect(!result.crashed, "\(arguments): crashed")
        #expect(result.status == 3, "\(arguments): exit \(result.status), stderr \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("extreme values of every numeric option and time exit 3 with a message, never a trap", arguments: [
        ["--at", "+106751991167300d"], ["--at", "+9223372036854775807s"], ["--at", "+1000000w"],
        ["--at", "99999-01-01T00:00:00Z"], ["--at", "1969-12-31T23:59:59Z"],
        ["--warn-days", "inf"], ["--warn-days", "1e308"], ["--warn-days", "nan"], ["--warn-days", "-1"],
        ["--crit-days", "1e300"], ["--crit-days", "-inf"],
        ["--max-signature-checks", "0"], ["--max-signature-checks", "99999999999999999999"], ["--max-signature-checks", "-5"],
    ])
    func extremeValues(arguments: [String]) throws {
        let capture = PackageRoot.url.appendingPathComponent("Tests/AnalysisTests/Fixtures/captures/ok.json").path
        let result = try CLI.run(["analyze", capture, "-q"] + arguments)
        #expect(!result.crashed, "\(arguments): crashed: \(result.stderr)")
        #expect(result.status == 3, "\(arguments): exit \(result.status)")
        #expect(result.stderr.contains("Error:") && !result.stderr.contains("Fatal error"), "\(result.stderr)")
    }

    /// `--at -2h` (a value with a minus sign) and a plain date work as documented.
    @Test func atTakesNegativeOffsetsAndPlainDates() throws {
        let capture = PackageRoot.url.appendingPathComponent("Tests/AnalysisTests/Fixtures/captures/ok.json").path
        // The ok capture's signatures start an hour before it was made: two hours earlier nothing is valid yet.
        let before = try CLI.run(["analyze", capture, "-q", "--at", "-2h"])
        #expect(before.status == 2 && before.stdout.contains("BOGUS"), "\(before.stdout)\(before.stderr)")
        let date = try CLI.run(["analyze", capture, "-q", "--at", "2026-12-24", "--format", "json"])
        #expect(date.stdout.contains("\"reference_time\": \"2026-12-24T00:00:00Z\"") || date.stdout.contains("2026-12-24T00:00:00Z"),
                "\(date.stdout.prefix(300))\(date.stderr)")
        let types = try CLI.run(["check", "www.example.", "-t", "RRSIG"])
        #expect(types.stderr.contains("ask for that type"), "\(types.stderr)")
    }

    @Test("a capture whose times are out of range exits 3")
    func captureTimesOutOfRange() throws {
        let source = PackageRoot.url.appendingPathComponent("Tests/AnalysisTests/Fixtures/captures/ok.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        let directory = try CLI.temporaryDirectory()
        for bad in [1e300, -5.0, 9.3e18] {
            object["endTime"] = bad
            let path = directory.appendingPathComponent("bad.json")
            try JSONSerialization.data(withJSONObject: object).write(to: path)
            let result = try CLI.run(["analyze", path.path, "-q"])
            #expect(!result.crashed && result.status == 3, "endTime \(bad): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("endTime"))
        }
    }

    @Test("an option judged while running points at the subcommand's help, not the root usage line")
    func runTimeValidationNamesTheSubcommand() throws {
        let at = try CLI.run(["check", "www.example.", "--at", "nonsense"])
        #expect(at.status == 3)
        #expect(at.stderr.contains("--at: 'nonsense'") && at.stderr.contains("dnssec-check check --help"), "\(at.stderr)")
        #expect(!at.stderr.contains("<subcommand>"))
        let digest = try CLI.run(["ds", "--digest", "9"], stdin: rfc4034Key)
        #expect(digest.status == 3)
        #expect(digest.stderr.contains("dnssec-check ds --help"), "\(digest.stderr)")
    }

    /// `aws route53 get-dnssec` output (recorded in the documented shape):
    /// `ds` prints the DS of its active keys for --zone, and `--expect-ds`
    /// compares the parent's DS with it (issue 14, the registrar hand-off).
    @Test func theRoute53JSONGivesTheDSToSubmitAndIsComparedWithTheParent() throws {
        let fixtures = PackageRoot.url.appendingPathComponent("Tests/AnalysisTests/Fixtures")
        let json = fixtures.appendingPathComponent("route53/ok.lab.get-dnssec.json").path
        let ds = try CLI.run(["ds", json, "--zone", "ok.lab"])
        #expect(ds.status == 0, "\(ds.stderr)")
        #expect(DSFields.all(in: ds.stdout).map(\.keyTag) == [56862, 23806], "\(ds.stdout)")
        #expect(DSFields.all(in: ds.stdout).first?.digest == "77A9E3A0D9F8F141FD8C171281E0E2C2F94E38238BBA1972659E9180F7E0AF7D")
        #expect(ds.stderr.contains("skipping key 49894") && ds.stderr.contains("INACTIVE"), "\(ds.stderr)")
        // The JSON names no zone; a wrong one is caught by Route 53's own DS.
        let noZone = try CLI.run(["ds", json])
        #expect(noZone.status == 3 && noZone.stderr.contains("--zone"), "\(noZone.stderr)")
        let wrongZone = try CLI.run(["ds", json, "--zone", "example.com"])
        #expect(wrongZone.status == 3 && wrongZone.stderr.contains("hosted zone"), "\(wrongZone.stderr)")

        let capture = fixtures.appendingPathComponent("captures/ok.json").path
        let checked = try CLI.run(["analyze", capture, "--expect-ds", json, "--format", "json"])
        #expect(checked.status == 2, "an expected DS missing at the parent is CRITICAL: \(checked.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
        let report = try #require((object["reports"] as? [[String: Any]])?.first)
        #expect(report["status"] as? String == "secure")
        let findings = report["findings"] as? [[String: Any]] ?? []
        #expect(findings.compactMap { $0["code"] as? String } == ["EXPECTED_DS_MISSING"], "\(findings)")
        #expect((findings.first?["remedy"] as? String)?.contains(
            "ok.lab. IN DS 23806 13 2 B7F7EB9C0007CD846E3996549A65DA8C89F766FE14A455160EABF4CDDA3FDDDA") == true,
                "\(findings.first?["remedy"] ?? "")")

        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A DSRecord with a ';' is refused whole: ldns would read it up to the ';' as a comment.
        let commented = "{\"KeySigningKeys\": [{\"DSRecord\": \"56862 13 2 77A9E3A0D9F8F141FD8C171281E0E2C2F94E38238BBA1972659E9180F7E0AF7D; 0000\"}]}"
        for (file, text, words) in [("broken.json", "{\"KeySigningKeys\": [{\"DSRecord\": \"1 13 2 zz\"}]}", "DSRecord"),
                                    ("commented.json", commented, "is not DS data"),
                                    ("newline.json", commented.replacingOccurrences(of: "; 0000", with: "\\n0000"), "is not DS data"),
                                    ("a.txt", "example.com. IN A 192.0.2.1", "is not a DS"),
                                    ("zsk.txt", "example.com. IN DNSKEY 256 3 13 \(String(repeating: "A", count: 88))", "SEP")] {
            let path = directory.appendingPathComponent(file)
            try Data(text.utf8).write(to: path)
            let bad = try CLI.run(["analyze", capture, "-q", "--expect-ds", path.path])
            #expect(!bad.crashed && bad.status == 3 && bad.stderr.contains(words), "\(file): \(bad.status) \(bad.stderr)")
        }
        let missing = try CLI.run(["analyze", capture, "-q", "--expect-ds", "/nonexistent/ds.json"])
        #expect(missing.status == 3 && missing.stderr.contains("/nonexistent/ds.json"), "\(missing.stderr)")
    }

    /// `codes CODE` names the Zonemaster tags of the code (issue 14).
    @Test func aCodeNamesItsZonemasterTags() throws {
        let result = try CLI.run(["codes", "server_no_dnskey"])
        #expect(result.status == 0)
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("Zonemaster: ") }
        #expect(line?.contains("DS05_SERVER_NO_DNSSEC (DNSSEC05, ERROR)") == true, "\(result.stdout)")
        let document = try CLI.run(["codes", "--zonemaster"])
        #expect(document.status == 0 && document.stdout.hasPrefix("# dnssec-check and Zonemaster's DNSSEC test plan"))
    }

    @Test("a missing file names the file")
    func missingFile() throws {
        let result = try CLI.run(["ds", "/nonexistent/keys.txt"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("/nonexistent/keys.txt"))
    }
}

@Suite("dnssec-check ds against ldns-key2ds and dnssec-dsfromkey",
       .enabled(if: binaryFound, "dnssec-check binary not found: run swift build first or set DNSSEC_CHECK_BIN"))
struct DSCrossCheckTests {
    static let algorithms = ["RSASHA256", "RSASHA512", "ECDSAP256SHA256", "ECDSAP384SHA384", "ED25519", "ED448", "RSASHA1"]

    @Test("equals ldns-key2ds -n byte for byte, for digests 1, 2 and 4",
          .enabled(if: ldnsTools, "ldns-keygen/ldns-key2ds not installed (apt-get install ldnsutils)"),
          arguments: algorithms)
    func ldnsKey2ds(algorithm: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bits = algorithm.hasPrefix("RSA") ? ["-b", "1024"] : []
        let base = try CLI.tool("ldns-keygen", ["-a", algorithm, "-k"] + bits + ["Example.COM."], in: dir)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let keyFile = dir.appendingPathComponent("\(base).key").path
        var expectedAll = ""
        for (flag, digest) in [("-1", "1"), ("-2", "2"), ("-4", "4")] {
            let expected = try CLI.tool("ldns-key2ds", ["-n", flag, keyFile], in: dir)
            let actual = try CLI.run(["ds", "--digest", digest, keyFile])
            #expect(actual.status == 0, "\(actual.stderr)")
            #expect(actual.stdout == expected, "\(algorithm) digest \(digest)")
            expectedAll += expected
        }
        // All three at once equal the three outputs in order.
        let combined = try CLI.run(["ds", "--digest", "1,2,4", keyFile])
        #expect(combined.stdout == expectedAll)
        // The default digest is SHA-256.
        #expect(try CLI.run(["ds", keyFile]).stdout == CLI.tool("ldns-key2ds", ["-n", "-2", keyFile], in: dir))
    }

    @Test("agrees with dnssec-dsfromkey on owner, key tag, algorithm, digest type and digest",
          .enabled(if: bindTools, "dnssec-keygen/dnssec-dsfromkey not installed (apt-get install bind9-utils)"),
          arguments: algorithms)
    func dsfromkey(algorithm: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bindAlgorithm = algorithm == "RSASHA1" ? "RSASHA1" : algorithm
        let bits = algorithm.hasPrefix("RSA") ? ["-b", "1024"] : []
        let base = try CLI.tool("dnssec-keygen", ["-q", "-K", ".", "-a", bindAlgorithm, "-f", "KSK", "-n", "ZONE"] + bits + ["example.com."], in: dir)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let keyFile = dir.appendingPathComponent("\(base).key").path
        for (digest, name) in [("1", "SHA-1"), ("2", "SHA-256"), ("4", "SHA-384")] {
            let expected = DSFields.all(in: try CLI.tool("dnssec-dsfromkey", ["-a", name, keyFile], in: dir))
            let actual = try CLI.run(["ds", "--digest", digest, keyFile])
            #expect(actual.status == 0, "\(actual.stderr)")
            #expect(expected.count == 1)
            #expect(DSFields.all(in: actual.stdout) == expected, "\(algorithm) digest \(digest)")
        }
    }
}

/// Names as people type them (issue 13): an IDN is converted to its A-label
/// through libidn2; what is not a host name is refused with a hint, never
/// turned into a query for a name that cannot exist.
@Suite("Names as typed")
struct NameInputTests {
    /// Root hints pointing at an address in the lab's range where nothing
    /// needs to answer: the check ends quickly, and the report names what was asked.
    static func hints() throws -> String {
        let path = try CLI.temporaryDirectory().appendingPathComponent("hints.txt")
        try ". 3600 NS a.root.\na.root. 3600 A 127.53.7.1\n".write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    @Test func anInternationalizedNameIsAskedAsItsALabel() throws {
        let result = try CLI.run(["check", "bücher.example", "--root-hints", Self.hints(), "--timeout", "0.2",
                                  "--deadline", "1", "--format", "json"])
        #expect(result.stdout.contains("\"name\": \"xn--bcher-kva.example.\"") || result.stdout.contains("\"name\":\"xn--bcher-kva.example.\""),
                "\(result.stdout.prefix(400))")
    }

    @Test("what is not a host name exits 3 with a message that says why", arguments: [
        ("bad name.example", "contains a space"),
        ("http://www.example.com/", "is a URL, not a domain name: did you mean www.example.com?"),
        ("https://www.example.com:8443/x", "did you mean www.example.com?"),
        ("-", "use -f -"),
        ("a:b.example", "contains ':'"),
        ("a/b.example", "contains '/'"),
        ("tab\tname.example", "contains whitespace"),
        ("ctl\u{01}.example", "contains a control character"),
        ("a..example", "not a valid domain name"),
    ])
    func refused(name: String, says: String) throws {
        let result = try CLI.run(["check", name, "--root-hints", Self.hints()])
        #expect(!result.crashed)
        #expect(result.status == 3, "\(name): exit \(result.status)")
        #expect(result.stderr.contains(says), "\(name): \(result.stderr)")
    }

    /// Dead root hints are the tool's configuration, not a zone that is down:
    /// UNKNOWN, said once, in words, with where to look.
    @Test func deadRootHintsSayWhereToLook() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("dead-hints.txt")
        try ". 3600 NS a.root.\na.root. 3600 A 127.53.250.1\n".write(to: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "www.example.", "--root-hints", path.path, "--timeout", "0.3", "--color", "never"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("none of the root hints (127.53.250.1:53) answered: check"), "\(result.stdout)")
        #expect(result.stdout.components(separatedBy: "NO_SERVER_ANSWERED:").count == 2, "one finding, not one per question")
        #expect(!result.stdout.contains("errno") && !result.stdout.contains("(error set)"), "\(result.stdout)")
    }

    @Test func aNameListedTwiceIsCheckedOnce() throws {
        let result = try CLI.run(["check", "ok.example", "-f", "-", "--root-hints", Self.hints(), "--timeout", "0.2",
                                  "--deadline", "1", "--format", "prometheus"], stdin: "OK.example.\nok.example\n")
        let series = result.stdout.split(separator: "\n").filter { $0.hasPrefix("dnssec_check_monitor_status{") }
        #expect(series.count == 1, "\(series)")
    }

    @Test func aBadLineOfANamesFileIsReportedWithItsNumberAndSkipped() throws {
        let result = try CLI.run(["check", "-f", "-", "--root-hints", Self.hints(), "--timeout", "0.2", "--deadline", "1", "-q"],
                                 stdin: "# names\nok.example\nhttp://www.example.com/\nbücher.example\n")
        #expect(result.stderr.contains("<stdin>:3: 'http://www.example.com/' is a URL"), "\(result.stderr)")
        #expect(result.stdout.contains("ok.example.") && result.stdout.contains("xn--bcher-kva.example."), "\(result.stdout)")
        #expect(result.status == 3, "a skipped line makes the run UNKNOWN at least")
    }
}

/// `scripts/install` puts the binary, the man page and the completions where
/// each belongs under PREFIX (DESTDIR honoured).
@Suite("Install")
struct InstallTests {
    @Test func installsBinaryManPageAndCompletions() throws {
        let destination = try CLI.temporaryDirectory()
        let binary = try #require(TestBinary.dnssecCheck?.path)
        var env = ProcessInfo.processInfo.environment
        env["DESTDIR"] = destination.path
        env["INSTALL_BIN"] = binary
        let result = try TestProcess.run(PackageRoot.url.appendingPathComponent("scripts/install").path, ["/usr"], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        for path in ["usr/bin/dnssec-check", "usr/share/man/man1/dnssec-check.1",
                     "usr/share/bash-completion/completions/dnssec-check", "usr/share/zsh/site-functions/_dnssec-check",
                     "usr/share/fish/vendor_completions.d/dnssec-check.fish"] {
            #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent(path).path), "\(path)")
        }
        let installed = try TestProcess.run(destination.appendingPathComponent("usr/bin/dnssec-check").path, ["--version"])
        #expect(installed.status == 0 && !installed.stdout.isEmpty)
    }
}

@Suite("Help")
struct HelpTests {
    /// `dnssec-check --help` shows what `dnssec-check NAME` takes, then the other commands.
    @Test func rootHelpShowsTheDefaultCommandsOptions() throws {
        for flag in ["--help", "-h"] {
            let result = try CLI.run([flag])
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE: dnssec-check [check] [<options>] NAME... | -f FILE"), "\(result.stdout.prefix(600))")
            #expect(result.stdout.contains("--root-hints") && result.stdout.contains("--max-queries") && result.stdout.contains("SUBCOMMANDS:"))
        }
    }
}
