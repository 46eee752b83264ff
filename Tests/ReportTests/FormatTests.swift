import Foundation
import DNSSECTestSupport
import Testing

/// The machine formats checked by real parsers: the JSON Schema (Python
/// jsonschema, draft 2020-12), the Prometheus text format (Python
/// prometheus_client), and the Nagios line (the monitoring-plugins grammar).
struct FormatTests {
    static let schemaPath = Tool.root.appendingPathComponent("docs/report-schema.json").path

    static let validate = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        text = sys.stdin.read()
        if sys.argv[2] == "jsonl":
            docs = [json.loads(line) for line in text.split("\\n") if line.strip()]
        else:
            docs = [json.loads(text)]
        errors = 0
        for doc in docs:
            for error in validator.iter_errors(doc):
                errors += 1
                print(error.json_path, error.message[:300])
        print("validated", len(docs))
        sys.exit(1 if errors else 0)
        """

    static func validate(_ output: String, jsonl: Bool = false) throws -> Int {
        let result = try Tool.python(validate, arguments: [schemaPath, jsonl ? "jsonl" : "json"], input: output)
        #expect(result.status == 0, "schema validation failed:\n\(result.stdout)\(result.stderr)")
        return Int(result.stdout.split(separator: "\n").last?.split(separator: " ").last ?? "0") ?? 0
    }

    static let hasJSONSchema = Tool.hasPythonModule("jsonschema")
    static let hasPrometheusClient = Tool.hasPythonModule("prometheus_client")

    // MARK: - JSON

    @Test("every capture's JSON validates against docs/report-schema.json", .enabled(if: hasJSONSchema, "python3 -m pip install jsonschema"),
          arguments: Tool.captures)
    func schema(_ capture: String) throws {
        let result = try Tool.dnssecCheck(["analyze", Tool.capturePath(capture), "--format", "json"])
        #expect((0...3).contains(result.status))
        #expect(try Self.validate(result.stdout) == 1)
        let jsonl = try Tool.dnssecCheck(["analyze", Tool.capturePath(capture), "--format", "jsonl"])
        #expect(jsonl.stdout.split(separator: "\n").count == 1)
        #expect(try Self.validate(jsonl.stdout, jsonl: true) == 1)
    }

    @Test("several names: one JSON document, one jsonl line per name, both valid",
          .enabled(if: hasJSONSchema, "python3 -m pip install jsonschema"))
    func severalNames() throws {
        let merged = try Tool.mergedCapture()
        defer { try? FileManager.default.removeItem(atPath: merged) }
        let json = try Tool.dnssecCheck(["analyze", merged, "--format", "json"])
        #expect(try Self.validate(json.stdout) == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let reports = try #require(object["reports"] as? [[String: Any]])
        #expect(reports.count == (try Tool.mergeable.count))
        #expect(object["schema_version"] as? String == "1.3")
        #expect(object["exit_code"] as? Int == Int(json.status))
        // Reports come in the order of the names, whatever order the walks finished in.
        let again = try Tool.dnssecCheck(["analyze", merged, "--format", "json"])
        #expect(again.stdout == json.stdout)

        let jsonl = try Tool.dnssecCheck(["analyze", merged, "--format", "jsonl"])
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == (try Tool.mergeable.count))
        #expect(try Self.validate(jsonl.stdout, jsonl: true) == (try Tool.mergeable.count))
        #expect(jsonl.status == json.status)
    }

    @Test func jsonFieldsCIUses() throws {
        let result = try Tool.dnssecCheck(["analyze", Tool.capturePath("expired"), "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let report = try #require((object["reports"] as? [[String: Any]])?.first)
        #expect(report["status"] as? String == "bogus")
        #expect(report["monitor_status"] as? String == "CRITICAL")
        #expect(report["valid_until"] is NSNull)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["code"] as? String == "EXPIRATION_IN_PAST" && $0["severity"] as? String == "error" })
        // Worst first.
        let severities = findings.compactMap { $0["severity"] as? String }
        let rank = ["error": 2, "warning": 1, "info": 0]
        #expect(severities.map { rank[$0]! } == severities.map { rank[$0]! }.sorted(by: >))
        let ok = try Tool.dnssecCheck(["analyze", Tool.capturePath("ok"), "--format", "json"])
        let okReport = try #require(((try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any])?["reports"] as? [[String: Any]])?.first)
        #expect(okReport["valid_until"] is String)
        #expect((okReport["valid_until_seconds_left"] as? Int ?? 0) > 0)
    }

    /// Issue 13 item 13: a finding's subject comes as values (`about`) and
    /// the moment it is about (`time`), so a program reads the key tag or the
    /// expiry without parsing the sentence; an RRset is written one way,
    /// "OWNER TYPE". Why the goldens gained `about` and `time`, and why
    /// "DNSKEY expired.lab." became "expired.lab. DNSKEY".
    @Test func findingsCarryTheirSubjectAsValues() throws {
        func findings(_ capture: String) throws -> [[String: Any]] {
            let result = try Tool.dnssecCheck(["analyze", Tool.capturePath(capture), "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return try #require(((object["reports"] as? [[String: Any]])?.first)?["findings"] as? [[String: Any]])
        }
        let expired = try #require(try findings("expired").first { $0["code"] as? String == "EXPIRATION_IN_PAST" })
        let about = try #require(expired["about"] as? [String: Any])
        #expect(about["kind"] as? String == "rrset" && about["owner"] as? String == "expired.lab." && about["type"] as? String == "DNSKEY")
        #expect(expired["subject"] as? String == "expired.lab. DNSKEY")
        let time = try #require(expired["time"] as? String)
        #expect((expired["message"] as? String)?.contains("expired \(time)") == true, "the time is the signature's expiration")

        let unknown = try #require(try findings("ds-unknown-alg").first { $0["code"] as? String == "ALGORITHM_NOT_SUPPORTED" })
        let ds = try #require(unknown["about"] as? [String: Any])
        #expect(ds["kind"] as? String == "ds" && ds["key_tag"] as? Int == 4242 && ds["algorithm"] as? Int == 253
                && ds["digest_type"] as? Int == 2, "\(ds)")
        #expect(unknown["time"] == nil, "no moment to speak of")

        let silent = try #require(try findings("halfdead").first { $0["code"] as? String == "SERVER_UNRESPONSIVE_UDP" })
        let server = try #require(silent["about"] as? [String: Any])
        #expect(server["kind"] as? String == "server" && server["server"] as? String == "127.53.7.1:53"
                && server["server_names"] as? [String] == ["ns2.halfdead.lab."] && server["owner"] as? String == "halfdead.lab.")
        let text = try Tool.dnssecCheck(["analyze", Tool.capturePath("expired"), "--color", "never"]).stdout
        #expect(text.contains("fix first: EXPIRATION_IN_PAST (expired.lab. DNSKEY):"), "\(text)")
    }

    // MARK: - Exit codes

    struct ExitExpectation: Sendable, CustomTestStringConvertible {
        let capture: String
        let status: Int32
        var requireSecure = false
        var testDescription: String { capture + (requireSecure ? " --require-secure" : "") }
    }

    @Test("exit code per capture", arguments: [
        ExitExpectation(capture: "ok", status: 0),
        ExitExpectation(capture: "expired", status: 2),
        ExitExpectation(capture: "ds-bad-digest", status: 2),
        ExitExpectation(capture: "ds-unknown-alg", status: 1),
        ExitExpectation(capture: "ds-unknown-alg", status: 2, requireSecure: true),
        ExitExpectation(capture: "nsec3-iter200", status: 2),
        ExitExpectation(capture: "halfdead", status: 1),
        ExitExpectation(capture: "notcp", status: 1),
        ExitExpectation(capture: "noedns", status: 2),
        ExitExpectation(capture: "wildcard-no-proof", status: 2),
        // A validated NXDOMAIN is not OK for a monitor: a typo in a monitored name must not stay green.
        ExitExpectation(capture: "nsec3-optout-nxdomain", status: 1),
        // Indeterminate because a zone's servers are broken: the name is down for every validator.
        ExitExpectation(capture: "hostile-tc-forever", status: 2),
        ExitExpectation(capture: "hostile-upward-referral", status: 2),
        ExitExpectation(capture: "hostile-dname-signed", status: 0),
    ])
    func exitCode(_ expectation: ExitExpectation) throws {
        let extra = expectation.requireSecure ? ["--require-secure"] : []
        for format in ["text", "json", "nagios", "prometheus"] {
            let result = try Tool.dnssecCheck(["analyze", Tool.capturePath(expectation.capture), "--format", format] + extra)
            #expect(result.status == expectation.status, "\(expectation.capture) --format \(format): \(result.stdout.prefix(300))")
        }
    }

    /// The verdict line says when the name does not exist, in text and Nagios.
    @Test func aNameThatDoesNotExistSaysSo() throws {
        let text = try Tool.dnssecCheck(["analyze", Tool.capturePath("nsec3-optout-nxdomain"), "--color", "never", "-q"])
        #expect(text.stdout.contains("SECURE, valid until") && text.stdout.contains(", NXDOMAIN: nx.nsec3-optout.lab. does not exist; 0 errors, 0 warnings [WARNING]"),
                "\(text.stdout)")
        let nagios = try Tool.dnssecCheck(["analyze", Tool.capturePath("nsec3-optout-nxdomain"), "--format", "nagios"])
        #expect(nagios.stdout.hasPrefix("DNSSEC WARNING - nx.nsec3-optout.lab. secure") && nagios.stdout.contains("NXDOMAIN: nx.nsec3-optout.lab. does not exist"))
    }

    // MARK: - Nagios

    /// `DNSSEC STATUS - text | perfdata` per the monitoring-plugins guidelines.
    nonisolated(unsafe) static let firstLine = #/^DNSSEC (OK|WARNING|CRITICAL|UNKNOWN) - ([^|]+?)(?: \| (.*))?$/#
    /// `'label'=value[UOM];[warn];[crit];[min];[max]`, thresholds as ranges.
    nonisolated(unsafe) static let perfItem = #/^('(?:[^']|'')+'|[^'= ]+)=(-?[0-9]+(?:\.[0-9]+)?|U)(s|ms|us|%|B|KB|MB|TB|c)?(;(@?-?[0-9.~]*:?-?[0-9.]*)?){0,2}(;(-?[0-9.]*)?){0,2}$/#

    static func perfdata(_ text: String) -> [(label: String, value: String)] {
        // Labels may be quoted and contain spaces.
        var items: [String] = []
        var current = "", quoted = false
        for character in text {
            if character == "'" { quoted.toggle() }
            if character == " " && !quoted {
                if !current.isEmpty { items.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { items.append(current) }
        return items.map { item in
            #expect(item.wholeMatch(of: perfItem) != nil, "perfdata item '\(item)' does not follow the guidelines")
            let parts = item.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), String(parts.count > 1 ? parts[1] : ""))
        }
    }

    @Test("nagios: one line whose status word matches the exit code", arguments: Tool.captures)
    func nagios(_ capture: String) throws {
        let result = try Tool.dnssecCheck(["analyze", Tool.capturePath(capture), "--format", "nagios"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let match = try #require(String(lines[0]).wholeMatch(of: Self.firstLine), "not a plugin line: \(lines[0])")
        let words = ["OK", "WARNING", "CRITICAL", "UNKNOWN"]
        #expect(String(match.1) == words[Int(result.status)])
        #expect(match.2.contains(try Tool.captureName(capture)))
        let perf = Self.perfdata(String(match.3 ?? ""))
        #expect(perf.contains { $0.label == "findings_error" })
        #expect(perf.contains { $0.label == "findings_warning" })
        if capture == "ok" {
            #expect(perf.contains { $0.label == "valid_until_seconds" && $0.value.hasSuffix(";259200:;86400:") })
        }
    }

    @Test func nagiosSeveralNames() throws {
        let merged = try Tool.mergedCapture()
        defer { try? FileManager.default.removeItem(atPath: merged) }
        let result = try Tool.dnssecCheck(["analyze", merged, "--format", "nagios"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + (try Tool.mergeable.count))
        let first = try #require(lines[0].wholeMatch(of: Self.firstLine))
        #expect(String(first.1) == "CRITICAL")
        #expect(result.status == 2)
        #expect(first.2.hasPrefix("\(try Tool.mergeable.count) names: "))
        // One line per name, worst first; per-name perfdata after the last line's '|'.
        let statuses = lines.dropFirst().map { String($0.prefix { $0 != " " }) }
        let order = ["CRITICAL": 3, "UNKNOWN": 2, "WARNING": 1, "OK": 0]
        #expect(statuses.map { order[$0] ?? -1 } == statuses.map { order[$0] ?? -1 }.sorted(by: >))
        let tail = try #require(lines.last?.split(separator: "|", maxSplits: 1).last)
        let perf = Self.perfdata(String(tail))
        #expect(perf.filter { $0.label.hasSuffix(" findings_error'") }.count == (try Tool.mergeable.count))
    }

    // MARK: - Prometheus

    static let parse = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        out = {}
        for family in text_string_to_metric_families(sys.stdin.read()):
            out[family.name] = {"type": family.type, "help": family.documentation,
                                "samples": [[s.name, s.labels, s.value] for s in family.samples]}
        print(json.dumps(out))
        """

    @Test("prometheus: parsed by prometheus_client, every family with HELP and TYPE",
          .enabled(if: hasPrometheusClient, "python3 -m pip install prometheus_client"))
    func prometheus() throws {
        let merged = try Tool.mergedCapture()
        defer { try? FileManager.default.removeItem(atPath: merged) }
        let result = try Tool.dnssecCheck(["analyze", merged, "--format", "prometheus"])
        #expect(result.status == 2)
        let parsed = try Tool.python(Self.parse, input: result.stdout)
        #expect(parsed.status == 0, "prometheus_client could not parse:\n\(parsed.stderr)")
        let families = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: [String: Any]])
        for name in ["dnssec_check_status", "dnssec_check_monitor_status", "dnssec_check_valid_until_seconds",
                     "dnssec_check_valid_until_timestamp_seconds", "dnssec_check_rrsig_earliest_expiry_timestamp_seconds",
                     "dnssec_check_findings", "dnssec_check_server_reachable", "dnssec_check_analysis_duration_seconds",
                     "dnssec_check_last_run_timestamp_seconds", "dnssec_check_fix_first_info"] {
            let family = try #require(families[name], "missing \(name)")
            #expect(family["type"] as? String == "gauge")
            #expect(!(family["help"] as? String ?? "").isEmpty)
        }
        func samples(_ name: String) -> [(labels: [String: String], value: Double)] {
            (families[name]?["samples"] as? [[Any]] ?? []).map { ($0[1] as? [String: String] ?? [:], $0[2] as? Double ?? .nan) }
        }
        // Exactly one status is 1 per name.
        let status = samples("dnssec_check_status")
        #expect(status.count == 4 * (try Tool.mergeable.count))
        for name in Set(status.map { $0.labels["name"]! }) {
            #expect(status.filter { $0.labels["name"] == name }.map(\.value).reduce(0, +) == 1)
        }
        #expect(status.contains { $0.labels == ["name": "www.expired.lab.", "status": "bogus"] && $0.value == 1 })
        #expect(samples("dnssec_check_findings").contains { $0.labels == ["name": "www.expired.lab.", "severity": "error"] && $0.value == 2 })
        // The dead server of halfdead.lab. is unreachable; each (zone, server) once.
        let reach = samples("dnssec_check_server_reachable")
        #expect(reach.contains {
            $0.labels == ["zone": "halfdead.lab.", "server": "127.53.7.1:53", "name": "ns2.halfdead.lab."] && $0.value == 0
        })
        #expect(Set(reach.map { $0.labels }).count == reach.count)
        let zones = samples("dnssec_check_rrsig_earliest_expiry_timestamp_seconds")
        #expect(Set(zones.map { $0.labels["zone"]! }).count == zones.count)
        #expect(zones.contains { $0.labels["zone"] == "ok.lab." && $0.value > 1.7e9 })
    }

    /// Issue 13 item 10: a server is named by its NS host name wherever it
    /// appears (finding messages, server verdicts, JSON, metrics), with the
    /// zone's NS set in JSON; why the goldens of every capture changed.
    @Test func serversAreNamedByTheirHostNames() throws {
        let path = Tool.capturePath("halfdead")
        let text = try Tool.dnssecCheck(["analyze", path, "--color", "never"]).stdout
        #expect(text.contains("SERVER_UNRESPONSIVE_UDP: ns2.halfdead.lab. (127.53.7.1:53) answered none of"))
        #expect(text.contains("✗ Server ns2.halfdead.lab. (127.53.7.1:53): unresponsive"))
        let json = try Tool.dnssecCheck(["analyze", path, "--format", "json"]).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let report = try #require((document["reports"] as? [[String: Any]])?.first)
        let zone = try #require((report["zones"] as? [[String: Any]])?.first { $0["zone"] as? String == "halfdead.lab." })
        let nameServers = try #require(zone["name_servers"] as? [[String: Any]])
        #expect(nameServers.map { $0["name"] as? String } == ["ns1.halfdead.lab.", "ns2.halfdead.lab."])
        #expect(nameServers.last?["addresses"] as? [String] == ["127.53.7.1:53"])
        let servers = try #require(zone["servers"] as? [[String: Any]])
        #expect(servers.first { $0["address"] as? String == "127.53.7.1:53" }?["names"] as? [String] == ["ns2.halfdead.lab."])
        // Issue 11: each server's exchanges and round trips, from the recorded exchanges.
        let dead = try #require(servers.first { $0["address"] as? String == "127.53.7.1:53" })
        let deadExchanges = try #require(dead["exchanges"] as? [String: Int])
        #expect(deadExchanges["answered"] == 0 && (deadExchanges["failed"] ?? 0) > 0)
        #expect(dead["rtt_ms"] is NSNull)
        let live = try #require(servers.first { $0["address"] as? String == "127.53.2.1:53" })
        let rtt = try #require(live["rtt_ms"] as? [String: Double])
        #expect((rtt["median"] ?? 0) > 0 && (rtt["median"] ?? 0) <= (rtt["max"] ?? 0))
        let finding = try #require((report["findings"] as? [[String: Any]])?.first { $0["code"] as? String == "SERVER_UNRESPONSIVE_UDP" })
        let named = try #require(finding["server_names"] as? [[String: Any]])
        #expect(named.count == 1)
        #expect(named.first?["address"] as? String == "127.53.7.1:53")
        #expect(named.first?["names"] as? [String] == ["ns2.halfdead.lab."])
    }

    /// Issue 13 item 8: the denial proof in full, each NSEC3 with its role
    /// and the hash of each name it proves something for; the hashes agree
    /// with ldns-nsec3-hash.
    @Test(.enabled(if: TestProcess.which("ldns-nsec3-hash") != nil, "apt-get install ldnsutils"))
    func denialProofsShowEachRecordsRole() throws {
        let path = Tool.capturePath("nsec3-optout-nxdomain")
        let json = try Tool.dnssecCheck(["analyze", path, "--format", "json"]).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let report = try #require((document["reports"] as? [[String: Any]])?.first)
        let rrset = try #require((report["rrsets"] as? [[String: Any]])?.first { $0["kind"] as? String == "nxdomain" })
        let records = try #require(rrset["proof_records"] as? [[String: Any]])
        var seen: [String: String] = [:]   // role -> name
        for record in records {
            #expect(record["type"] as? String == "NSEC3")
            #expect(record["signed"] as? Bool == true)
            for hash in record["hashes"] as? [[String: Any]] ?? [] {
                let name = try #require(hash["name"] as? String)
                let role = try #require(hash["role"] as? String)
                seen[role] = name
                let ldns = try Tool.run(TestProcess.which("ldns-nsec3-hash")!, ["-t", "0", name])
                #expect(ldns.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(hash["hash"] as? String ?? "").",
                        "hash of \(name)")
            }
        }
        #expect(seen["closest_encloser"] == "nsec3-optout.lab.")
        #expect(seen["covers_next_closer"] == "nx.nsec3-optout.lab.")
        #expect(seen["wildcard"] == "*.nsec3-optout.lab.")
        // Without -v the proof is one line per record; with -v, in full.
        let plain = try Tool.dnssecCheck(["analyze", path, "--color", "never"]).stdout
        #expect(!plain.contains("closest encloser"))
        let verbose = try Tool.dnssecCheck(["analyze", path, "--color", "never", "-v"]).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(verbose.contains("matches the closest encloser nsec3-optout.lab. (hash"))
        // A failing proof is shown in full without -v.
        let failing = try Tool.dnssecCheck(["analyze", Tool.capturePath("wildcard-no-proof"), "--color", "never"]).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(failing.contains("NSEC wild-noproof.test. → *.wild-noproof.test. [NS SOA TXT RRSIG NSEC DNSKEY] (signed): plays no part in the proof"))
    }

    /// Issue 13 item 9: one case for hex everywhere (lower, as ldns, dig and
    /// the DS records themselves print it): digests in JSON, in messages
    /// ("the DS for that key is …") and in the records shown.
    @Test func hexIsLowerCaseEverywhere() throws {
        let path = Tool.capturePath("ds-bad-digest")
        let outputs = [try Tool.dnssecCheck(["analyze", path, "--format", "json"]).stdout,
                       try Tool.dnssecCheck(["analyze", path, "--color", "never", "-v"]).stdout]
        let long = try Regex("[0-9A-Fa-f]{40,}")
        var digests = 0
        for output in outputs {
            for match in output.matches(of: long) {
                let text = String(output[match.range])
                #expect(text == text.lowercased(), "upper-case hex: \(text)")
                digests += 1
            }
        }
        #expect(digests >= 4, "the DS digests and the DS that would match are shown")
    }

    /// Issue 13 item 5: a CNAME report says which RRset its signatures
    /// cover, names where the chain breaks, shows ancestors once ("as
    /// above") and each finding once, in text and in JSON.
    @Test func cnameReportShowsEachFindingOnce() throws {
        let path = Tool.capturePath("cname-into-bogus")
        let text = try Tool.dnssecCheck(["analyze", path, "--color", "never"]).stdout
        let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(folded.contains("DNSKEY=37725 verifies the CNAME RRset"))
        #expect(folded.contains("www.cname.lab.: BOGUS at expired.lab. via CNAME www.cname.lab.;"))
        #expect(text.contains("  Zone .  SECURE, as above"))
        #expect(text.contains("  Zone lab.  SECURE, as above"))
        for code in ["EXPIRATION_IN_PAST:", "NO_SEP:"] {
            #expect(text.components(separatedBy: code).count == 2, "\(code) printed once")
        }
        #expect(!text.contains("Other findings"))
        // A DNAME answer: its signature covers the DNAME, the synthesized CNAME is unsigned (RFC 6672 §5.3.1).
        let dname = try Tool.dnssecCheck(["analyze", Tool.capturePath("hostile-dname-signed"), "--color", "never"]).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(dname.contains("verifies the DNAME RRset"))
        let json = try Tool.dnssecCheck(["analyze", path, "--format", "json"]).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let report = try #require((document["reports"] as? [[String: Any]])?.first)
        var all: [String] = []
        func collect(_ report: [String: Any]) {
            for finding in report["findings"] as? [[String: Any]] ?? [] {
                all.append("\(finding["code"] ?? "") \(finding["zone"] ?? "") \(finding["subject"] ?? "")")
            }
            for target in report["cname_targets"] as? [[String: Any]] ?? [] { collect(target) }
        }
        collect(report)
        #expect(all.sorted() == ["EXPIRATION_IN_PAST expired.lab. expired.lab. DNSKEY", "NO_SEP expired.lab. zone expired.lab."].sorted(),
                "every finding once, in the top-level list: \(all)")
    }

    /// Issue 13 item 7: a check line that only repeats the finding printed
    /// under it goes from the text; the JSON checklist keeps every line.
    @Test func checkLinesDoNotRepeatTheFindingBelowThem() throws {
        let path = Tool.capturePath("ds-bad-digest")
        let text = try Tool.dnssecCheck(["analyze", path, "--color", "never"]).stdout
        #expect(text.contains("DIGEST_INVALID: DS 3786"))
        #expect(!text.contains("DS=3786/SHA-256 does not match DNSKEY=3786: digest differs"))
        #expect(text.contains("NO_SEP: ds-bad-digest.lab.: no DNSKEY matches a DS"))
        #expect(!text.contains("No secure entry point for ds-bad-digest.lab."))
        #expect(text.contains("✓ Found 2 DNSKEY records for ds-bad-digest.lab."), "lines that add something stay")
        let json = try Tool.dnssecCheck(["analyze", path, "--format", "json"]).stdout
        #expect(json.contains("DS=3786/SHA-256 does not match DNSKEY=3786: digest differs"))
    }

    // MARK: - Text

    @Test("text fits 80 columns, -q is one line, marks and colour follow the options", arguments: Tool.captures)
    func text(_ capture: String) throws {
        let path = Tool.capturePath(capture)
        let plain = try Tool.dnssecCheck(["analyze", path, "--color", "never"])
        for line in plain.stdout.split(separator: "\n") where !line.contains("\t") {
            // A single long word (a digest) may overflow; nothing else does.
            #expect(line.count <= 80 || !line.trimmingCharacters(in: .whitespaces).contains(" "),
                    "longer than 80 columns: \(line)")
        }
        #expect(!plain.stdout.contains("\u{1B}["))
        #expect(plain.stdout.contains("✓"))
        let quiet = try Tool.dnssecCheck(["analyze", path, "-q"])
        #expect(quiet.stdout.split(separator: "\n").count == 1)
        #expect(quiet.stdout.hasPrefix(try Tool.captureName(capture)))
        #expect(quiet.status == plain.status)
        let ascii = try Tool.dnssecCheck(["analyze", path, "--ascii", "--color", "never"])
        #expect(ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        let cLocale = try Tool.dnssecCheck(["analyze", path], env: ["LC_ALL": "C"])
        #expect(!cLocale.stdout.contains("✓") && !cLocale.stdout.contains("✗"))
        let colour = try Tool.dnssecCheck(["analyze", path, "--color", "always"])
        #expect(colour.stdout.contains("\u{1B}["))
        let noColor = try Tool.dnssecCheck(["analyze", path], env: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test func ignoredCodesAreReportedButNeverAlarm() throws {
        let split = Tool.capturePath("split")
        let plain = try Tool.dnssecCheck(["analyze", split, "--format", "json"])
        #expect(plain.status == 1)
        let ignored = try Tool.dnssecCheck(["analyze", split, "--format", "json",
                                            "--ignore", "inconsistent_soa_serial,DNSKEY_MISSING_FROM_SERVERS"])
        #expect(ignored.status == 0, "\(ignored.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(ignored.stdout.utf8)) as? [String: Any]
        let findings = ((object?["reports"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
        let serial = findings.first { $0["code"] as? String == "INCONSISTENT_SOA_SERIAL" }
        #expect(serial?["severity"] as? String == "info")
        #expect((serial?["message"] as? String)?.hasSuffix("(ignored: --ignore INCONSISTENT_SOA_SERIAL)") == true)
        let policy = object?["policy"] as? [String: Any]
        #expect(policy?["ignored_codes"] as? [String] == ["DNSKEY_MISSING_FROM_SERVERS", "INCONSISTENT_SOA_SERIAL"])
        // --strict does not undo an --ignore; an unknown code is bad input.
        let strict = try Tool.dnssecCheck(["analyze", split, "--strict", "--ignore", "INCONSISTENT_SOA_SERIAL",
                                           "--ignore", "DNSKEY_MISSING_FROM_SERVERS"])
        #expect(strict.status == 0)
        let unknown = try Tool.dnssecCheck(["analyze", split, "--ignore", "NO_SUCH_CODE"])
        #expect(unknown.status == 3 && unknown.stderr.contains("NO_SUCH_CODE"))
    }

    @Test func textHasVerdictFindingsAndRemedies() throws {
        let result = try Tool.dnssecCheck(["analyze", Tool.capturePath("expired"), "--color", "never"])
        #expect(result.stdout.contains("Zone expired.lab.  BOGUS"))
        #expect(result.stdout.contains("✗ EXPIRATION_IN_PAST"))
        #expect(result.stdout.contains("fix: "))
        #expect(result.stdout.contains("ago)"))
        // The summary, then what to fix first: the expired DNSKEY signature, with its remedy.
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let summary = lines.lastIndex { $0.hasPrefix("www.expired.lab.: BOGUS at expired.lab.") }
        let fixFirst = lines.lastIndex { $0.hasPrefix("fix first: EXPIRATION_IN_PAST (expired.lab. DNSKEY): Re-sign") }
        #expect(summary != nil && fixFirst != nil && summary! < fixFirst!, "\(lines.suffix(4))")
        let healthy = try Tool.dnssecCheck(["analyze", Tool.capturePath("ok"), "--color", "never"])
        #expect(!healthy.stdout.contains("fix first:"))
        let ok = try Tool.dnssecCheck(["analyze", Tool.capturePath("ok"), "--color", "never"])
        #expect(ok.stdout.contains("valid until 20"))
        #expect(ok.stdout.contains("(in "))
        #expect(ok.stdout.contains("ECDSAP256SHA256"))
        #expect(ok.stdout.contains("SHA-256"))
    }

    @Test func verboseShowsRecordsAndServers() throws {
        let v = try Tool.dnssecCheck(["analyze", Tool.capturePath("halfdead"), "--color", "never", "-v"])
        #expect(v.stdout.contains("\tIN\tDNSKEY\t"))
        // Wrapped at 80 columns: compare with the line breaks folded.
        let folded = v.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(folded.contains("ns2.halfdead.lab. (127.53.7.1:53) no answer to 13 (timeout)"))
        #expect(folded.contains("ns1.halfdead.lab. (127.53.2.1:53) answered (12/13, 3.0 ms median)"))
        #expect(folded.contains("NS: ns1.halfdead.lab. (127.53.2.1:53), ns2.halfdead.lab. (127.53.7.1:53)"))
        #expect(!v.stdout.contains("Exchanges ("))
        let vv = try Tool.dnssecCheck(["analyze", Tool.capturePath("halfdead"), "--color", "never", "-vv"])
        #expect(vv.stdout.contains("Exchanges ("))
        #expect(vv.stdout.contains("TIMEOUT"))
    }
}
