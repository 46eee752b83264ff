function __dnssec-check_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __dnssec-check_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __dnssec-check_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __dnssec-check_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __dnssec-check_parse_tokens -S
    set -l unparsed_tokens (__dnssec-check_tokens -pc)
    switch $unparsed_tokens[1]
    case 'dnssec-check'
        __dnssec-check_parse_subcommand 0 'version' 'h/help'
        if set -q unparsed_tokens[1]; and not contains -- $unparsed_tokens[1] 'check' 'probe' 'analyze' 'zone' 'ds' 'codes' 'help'
            # Not a subcommand: the default command's (check) tokens.
            set -p unparsed_tokens check
        end
        switch $unparsed_tokens[1]
        case 'check'
            __dnssec-check_parse_subcommand -r 1 'f/file=' 'jobs=' 'shard=' 'resume=' 'root-hints=' 'trust-anchor=' 't/type=+' 'timeout=' 'deadline=' 'total-deadline=' 'max-queries=' 'ns=+' '4' '6' 'trace' 'format=' 'at=' 'warn-days=' 'crit-days=' 'strict' 'require-secure' 'ignore-rfc9276' 'ignore-rfc8624' 'max-signature-checks=' 'ignore=+' 'ds=+' 'ds-file=' 'expect-ds=' 'color=' 'ascii' 'v/verbose' 'q/quiet' 'o/capture=' 'version' 'h/help'
        case 'probe'
            __dnssec-check_parse_subcommand -r 1 'f/file=' 'jobs=' 'shard=' 'resume=' 'root-hints=' 'trust-anchor=' 't/type=+' 'timeout=' 'deadline=' 'total-deadline=' 'max-queries=' 'ns=+' '4' '6' 'trace' 'o/output=' 'version' 'h/help'
        case 'analyze'
            __dnssec-check_parse_subcommand 1 'trust-anchor=' 'format=' 'at=' 'warn-days=' 'crit-days=' 'strict' 'require-secure' 'ignore-rfc9276' 'ignore-rfc8624' 'max-signature-checks=' 'ignore=+' 'ds=+' 'ds-file=' 'expect-ds=' 'color=' 'ascii' 'v/verbose' 'q/quiet' 'version' 'h/help'
        case 'zone'
            __dnssec-check_parse_subcommand 1 'origin=' 'axfr=' 'axfr-timeout=' 'at=' 'warn-days=' 'crit-days=' 'ds-file=' 'format=' 'threads=' 'ascii' 'version' 'h/help'
        case 'ds'
            __dnssec-check_parse_subcommand 1 'all' 'digest=' 'format=' 'zone=' 'version' 'h/help'
        case 'codes'
            __dnssec-check_parse_subcommand 1 'markdown' 'zone-only' 'zonemaster' 'version' 'h/help'
        case 'help'
            __dnssec-check_parse_subcommand -r 1 'version'
        end
    end
end

function __dnssec-check_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __dnssec-check_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __dnssec-check_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __dnssec-check_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__dnssec-check_tokens -p)
    if test -z "$(__dnssec-check_tokens -t)"
        set -l index (count (__dnssec-check_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'dnssec-check' -f
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check" version' -l 'version' -d 'Show the version.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check" -eq 1' -fa 'check' -d 'Check the chain of trust from the root (or a trust anchor) to each name (the default command).'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check" -eq 1' -fa 'probe' -d 'Ask every server what the analysis needs and save the exchanges to a capture, without analysing.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check" -eq 1' -fa 'analyze' -d 'Analyse a capture without any network; the reference time is the capture\'s end unless --at is given.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check" -eq 1' -fa 'zone' -d 'Verify a signed zone file offline: every signature, the NSEC/NSEC3 chain, the apex, and when it expires.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check" -eq 1' -fa 'ds' -d 'Print the DS records for DNSKEY records read from a file or standard input.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check" -eq 1' -fa 'codes' -d 'List every diagnostic code, or explain one.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" f file' -s 'f' -l 'file' -d 'Read names from FILE (\'-\' for standard input), one per line; \'#\' starts a comment, blank lines are ignored.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" jobs' -l 'jobs' -d 'How many names to walk at once (with -f or several names).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" shard' -l 'shard' -d 'Check only the names of shard K of N (K from 0 to N-1), by a stable hash of the name: N runs with K = 0…N-1 check every name once, with no coordination.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" resume' -l 'resume' -d 'Skip the names already reported in this JSONL file (from an interrupted run with --format jsonl): append the new lines to it.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'jsonl\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" root-hints' -l 'root-hints' -d 'Root hints file (zone-file syntax: NS and A/AAAA records); the IANA root servers by default.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" trust-anchor' -l 'trust-anchor' -d 'Trust anchors: DS or DNSKEY records in zone-file syntax, for any zone; the IANA root KSKs by default.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check"' -s 't' -l 'type' -d 'Record type to check (repeatable); A and AAAA by default.' -rfka 'A AAAA CAA CDNSKEY CDS CNAME DNAME DNSKEY DS HTTPS MX NAPTR NS NSEC3PARAM PTR SMIMEA SOA SRV SSHFP SVCB TLSA TXT'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" timeout' -l 'timeout' -d 'Seconds one exchange with a server may take, its UDP retransmissions and a TCP fallback included.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" deadline' -l 'deadline' -d 'Seconds the check of each name may take; a name that runs out is reported with what was learned.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" total-deadline' -l 'total-deadline' -d 'Seconds the whole run may take (no limit by default); names not finished by then are reported as out of time.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" max-queries' -l 'max-queries' -d 'Questions the check of each name may ask, nested walks included (10 to 100000).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check"' -l 'ns' -d 'Pre-delegation test: check the zone named by the first name on this name server, as if its parent delegated it here (repeatable; ADDRESS is required for a name inside the zone); with --ds for the DS the parent would publish.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" 4' -s '4' -d 'Use IPv4 only.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" 6' -s '6' -d 'Use IPv6 only.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" trace' -l 'trace' -d 'Print each exchange to standard error as it completes.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" format' -l 'format' -d 'Output format: text (people), json (one document), jsonl (one line per name as each finishes), nagios (monitoring-plugins line), prometheus (textfile collector), dot, svg or png (the chain-of-trust graph), html (one self-contained page: verdicts, graph, expiry timeline, findings, zone tables).' -rfka 'text json jsonl nagios prometheus dot svg png html'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" at' -l 'at' -d 'Reference time for every validity check: RFC 3339 or relative (+7d, -2h).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" warn-days' -l 'warn-days' -d 'Warn when a signature on the chain expires within this many days.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" crit-days' -l 'crit-days' -d 'Critical when a signature on the chain expires within this many days.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" strict' -l 'strict' -d 'Promote warnings to errors.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" require-secure' -l 'require-secure' -d 'Treat an insecure (unsigned) name as CRITICAL.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" ignore-rfc9276' -l 'ignore-rfc9276' -d 'Do not apply the RFC 9276 NSEC3 parameter checks (iterations, salt).'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" ignore-rfc8624' -l 'ignore-rfc8624' -d 'Do not apply the RFC 8624 algorithm recommendations.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" max-signature-checks' -l 'max-signature-checks' -d 'Signature checks the analysis of each name may make, every zone and server included (10 to 100000; docs/limits.md).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check"' -l 'ignore' -d 'Accept a diagnostic code (repeatable or comma-separated): it is still reported, as info, and no longer raises the exit status (a bogus or unresolvable name still does). `dnssec-check codes` lists them.' -rfka 'DIGEST_INVALID DS_NO_MATCHING_DNSKEY DS_MATCH_LIMIT NO_SEP MISSING_SEP_FOR_ALG DNSKEY_MISSING NO_TRUST_ANCHOR_SIGNING INSECURE_DELEGATION DS_ABSENCE_NOT_PROVEN DNSKEY_REVOKED_DS DNSKEY_REVOKED REVOKED_NOT_SIGNING SIGNATURE_INVALID EXPIRATION_IN_PAST INCEPTION_IN_FUTURE RRSIG_VALIDATION_LIMIT SIGNED_RRSET_TOO_LARGE CRYPTO_BUDGET_EXCEEDED DNSKEY_KEYTAG_COLLISION RRSIG_EXPIRES_SOON MISSING_RRSIG RRSIG_NO_MATCHING_DNSKEY TTL_BEYOND_EXPIRATION RRSIG_VALIDITY_TOO_LONG RRSIG_VALIDITY_TOO_SHORT MISSING_RRSIG_FOR_ALG_DNSKEY ALGORITHM_NOT_SUPPORTED DIGEST_ALGORITHM_NOT_SUPPORTED ALGORITHM_NOT_RECOMMENDED ALGORITHM_VALIDATION_LIMITED ALGORITHM_PROHIBITED DIGEST_ALGORITHM_PROHIBITED DS_SHA256_MISSING DS_DIGEST_TYPE_ZERO DS_DIGEST_TYPE_RESERVED DS_DIGEST_TYPE_UNASSIGNED DS_DIGEST_TYPE_PRIVATE DNSKEY_ALGORITHM_NOT_FOR_ZONES DNSKEY_ALGORITHM_RESERVED DNSKEY_ALGORITHM_UNASSIGNED DNSKEY_ALGORITHM_PRIVATE RSA_KEY_TOO_SHORT RSA_KEY_TOO_LONG MISSING_NSEC_FOR_NXDOMAIN MISSING_NSEC_FOR_NODATA MISSING_NSEC_FOR_WILDCARD SNAME_NOT_COVERED WILDCARD_NOT_COVERED NO_CLOSEST_ENCLOSER NEXT_CLOSEST_ENCLOSER_NOT_COVERED STYPE_IN_BITMAP EXISTING_NAME_COVERED EXISTING_TYPE_NOT_IN_BITMAP NO_NSEC_MATCHING_SNAME NO_NSEC3_MATCHING_SNAME NONZERO_NSEC3_ITERATION_COUNT NONEMPTY_NSEC3_SALT NSEC3_ITERATIONS_INSECURE NSEC3_OPT_OUT NSEC3_HASH_LIMIT NSEC3_PARAMETERS_INCONSISTENT NSEC3PARAM_MULTIPLE NSEC3PARAM_FLAGS_SET NSEC3_UNKNOWN_FLAGS NSEC3_HASH_ALGORITHM_UNSUPPORTED DENIAL_METHODS_MIXED NODATA_WITHOUT_SOA APEX_QUERY_FAILED NODATA_EXTRA_DENIAL_RECORDS NSEC3PARAM_DENIAL_MISMATCH NSEC3_OPT_OUT_INCONSISTENT UNEXPECTED_ANSWER_RECORDS SERVER_UNRESPONSIVE_UDP SERVER_UNRESPONSIVE_TCP SERVERS_NOT_ASKED GLUELESS_NS_LIMIT REFERRAL_LOOP UPWARD_REFERRAL QUERY_BUDGET_EXCEEDED SERVER_NOT_AUTHORITATIVE SERVER_INVALID_RESPONSE_UDP SERVER_INVALID_RESPONSE_TCP RESPONSE_TRUNCATED_UDP RESPONSE_TRUNCATED_TCP ERROR_WITH_EDNS UNABLE_TO_RETRIEVE_DNSSEC_RECORDS EDNS_IGNORED EDNS_VERSION_MISMATCH NS_NAME_NOT_IN_CHILD NS_NAME_NOT_IN_PARENT GLUE_MISMATCH MISSING_GLUE_FOR_NS_NAME NO_SERVER_ANSWERED INCONSISTENT_SOA_SERIAL DNSKEY_MISSING_FROM_SERVERS SERVER_NO_DNSKEY INCONSISTENT_DS CDS_INCONSISTENT_WITH_DS CDNSKEY_INCONSISTENT_WITH_CDS CDS_SIGNER_INVALID CDS_DELETE_REQUESTED CDS_KEY_NOT_ZONE_KEY CDS_KEY_NOT_SEP CDS_DELETE_MIXED CDS_NOT_SELF_SIGNED CDS_CDNSKEY_UNPAIRED DS_KEY_NOT_SEP CDS_WOULD_BREAK_CHAIN CDS_BOOTSTRAP_READY BOOTSTRAP_SIGNAL_INVALID MULTIPLE_CDS MULTIPLE_CDNSKEY KSK_ROLLOVER_DOUBLE_DS KSK_STANDBY KSK_ROLLOVER_STUCK ZSK_PREPUBLISHED EXPECTED_DS_MISSING UNEXPECTED_DS DS_OF_INACTIVE_KEY UNDELEGATED_ZONE CNAME_CHAIN_TOO_LONG WALK_INCOMPLETE CHECK_DEADLINE_EXCEEDED ZONE_NOT_SIGNED GLUE_SIGNED RRSIG_SIGNER_MISMATCH RRSIG_LABELS_MISMATCH RRSIG_ORIGINAL_TTL_MISMATCH NSEC_CHAIN_MISSING NSEC_MISSING NSEC_CHAIN_BROKEN NSEC_BITMAP_MISMATCH NSEC_EXTRA NSEC3_MISSING NSEC3_CHAIN_BROKEN NSEC3_BITMAP_MISMATCH NSEC3_EXTRA'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check"' -l 'ds' -d 'What-if: check as if the parent published this DS (repeatable).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" ds-file' -l 'ds-file' -d 'What-if: DS records (zone-file syntax) the parent would publish.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" expect-ds' -l 'expect-ds' -d 'The registrar hand-off: compare the DS at the parent with what the DNS host says it should be: DS or DNSKEY records in zone-file syntax, or the JSON of `aws route53 get-dnssec` (for the zone of the names checked).' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" color' -l 'color' -d 'Colour: auto (when standard output is a terminal and NO_COLOR is unset), always, never.' -rfka 'auto always never'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" ascii' -l 'ascii' -d 'ASCII marks (+ ! x -) instead of ✓ ! ✗ ·; the default when the locale (LC_ALL, LC_CTYPE, LANG) is not UTF-8.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check"' -l 'verbose' -s 'v' -d 'More detail: -v adds the records (dig-style) and which server said what, -vv every exchange.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" q quiet' -l 'quiet' -s 'q' -d 'Only the one-line summary per name.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" capture o' -s 'o' -l 'capture' -d 'Also save every exchange to this capture file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" version' -l 'version' -d 'Show the version.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" f file' -s 'f' -l 'file' -d 'Read names from FILE (\'-\' for standard input), one per line; \'#\' starts a comment, blank lines are ignored.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" jobs' -l 'jobs' -d 'How many names to walk at once (with -f or several names).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" shard' -l 'shard' -d 'Check only the names of shard K of N (K from 0 to N-1), by a stable hash of the name: N runs with K = 0…N-1 check every name once, with no coordination.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" resume' -l 'resume' -d 'Skip the names already reported in this JSONL file (from an interrupted run with --format jsonl): append the new lines to it.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'jsonl\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" root-hints' -l 'root-hints' -d 'Root hints file (zone-file syntax: NS and A/AAAA records); the IANA root servers by default.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" trust-anchor' -l 'trust-anchor' -d 'Trust anchors: DS or DNSKEY records in zone-file syntax, for any zone; the IANA root KSKs by default.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe"' -s 't' -l 'type' -d 'Record type to check (repeatable); A and AAAA by default.' -rfka 'A AAAA CAA CDNSKEY CDS CNAME DNAME DNSKEY DS HTTPS MX NAPTR NS NSEC3PARAM PTR SMIMEA SOA SRV SSHFP SVCB TLSA TXT'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" timeout' -l 'timeout' -d 'Seconds one exchange with a server may take, its UDP retransmissions and a TCP fallback included.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" deadline' -l 'deadline' -d 'Seconds the check of each name may take; a name that runs out is reported with what was learned.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" total-deadline' -l 'total-deadline' -d 'Seconds the whole run may take (no limit by default); names not finished by then are reported as out of time.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" max-queries' -l 'max-queries' -d 'Questions the check of each name may ask, nested walks included (10 to 100000).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe"' -l 'ns' -d 'Pre-delegation test: check the zone named by the first name on this name server, as if its parent delegated it here (repeatable; ADDRESS is required for a name inside the zone); with --ds for the DS the parent would publish.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" 4' -s '4' -d 'Use IPv4 only.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" 6' -s '6' -d 'Use IPv6 only.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" trace' -l 'trace' -d 'Print each exchange to standard error as it completes.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" o output' -s 'o' -l 'output' -d 'Capture file to write (\'-\' for standard output).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" version' -l 'version' -d 'Show the version.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check probe" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check analyze" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" trust-anchor' -l 'trust-anchor' -d 'Trust anchors to use instead of those recorded in the capture.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" format' -l 'format' -d 'Output format: text (people), json (one document), jsonl (one line per name as each finishes), nagios (monitoring-plugins line), prometheus (textfile collector), dot, svg or png (the chain-of-trust graph), html (one self-contained page: verdicts, graph, expiry timeline, findings, zone tables).' -rfka 'text json jsonl nagios prometheus dot svg png html'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" at' -l 'at' -d 'Reference time for every validity check: RFC 3339 or relative (+7d, -2h).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" warn-days' -l 'warn-days' -d 'Warn when a signature on the chain expires within this many days.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" crit-days' -l 'crit-days' -d 'Critical when a signature on the chain expires within this many days.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" strict' -l 'strict' -d 'Promote warnings to errors.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" require-secure' -l 'require-secure' -d 'Treat an insecure (unsigned) name as CRITICAL.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" ignore-rfc9276' -l 'ignore-rfc9276' -d 'Do not apply the RFC 9276 NSEC3 parameter checks (iterations, salt).'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" ignore-rfc8624' -l 'ignore-rfc8624' -d 'Do not apply the RFC 8624 algorithm recommendations.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" max-signature-checks' -l 'max-signature-checks' -d 'Signature checks the analysis of each name may make, every zone and server included (10 to 100000; docs/limits.md).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze"' -l 'ignore' -d 'Accept a diagnostic code (repeatable or comma-separated): it is still reported, as info, and no longer raises the exit status (a bogus or unresolvable name still does). `dnssec-check codes` lists them.' -rfka 'DIGEST_INVALID DS_NO_MATCHING_DNSKEY DS_MATCH_LIMIT NO_SEP MISSING_SEP_FOR_ALG DNSKEY_MISSING NO_TRUST_ANCHOR_SIGNING INSECURE_DELEGATION DS_ABSENCE_NOT_PROVEN DNSKEY_REVOKED_DS DNSKEY_REVOKED REVOKED_NOT_SIGNING SIGNATURE_INVALID EXPIRATION_IN_PAST INCEPTION_IN_FUTURE RRSIG_VALIDATION_LIMIT SIGNED_RRSET_TOO_LARGE CRYPTO_BUDGET_EXCEEDED DNSKEY_KEYTAG_COLLISION RRSIG_EXPIRES_SOON MISSING_RRSIG RRSIG_NO_MATCHING_DNSKEY TTL_BEYOND_EXPIRATION RRSIG_VALIDITY_TOO_LONG RRSIG_VALIDITY_TOO_SHORT MISSING_RRSIG_FOR_ALG_DNSKEY ALGORITHM_NOT_SUPPORTED DIGEST_ALGORITHM_NOT_SUPPORTED ALGORITHM_NOT_RECOMMENDED ALGORITHM_VALIDATION_LIMITED ALGORITHM_PROHIBITED DIGEST_ALGORITHM_PROHIBITED DS_SHA256_MISSING DS_DIGEST_TYPE_ZERO DS_DIGEST_TYPE_RESERVED DS_DIGEST_TYPE_UNASSIGNED DS_DIGEST_TYPE_PRIVATE DNSKEY_ALGORITHM_NOT_FOR_ZONES DNSKEY_ALGORITHM_RESERVED DNSKEY_ALGORITHM_UNASSIGNED DNSKEY_ALGORITHM_PRIVATE RSA_KEY_TOO_SHORT RSA_KEY_TOO_LONG MISSING_NSEC_FOR_NXDOMAIN MISSING_NSEC_FOR_NODATA MISSING_NSEC_FOR_WILDCARD SNAME_NOT_COVERED WILDCARD_NOT_COVERED NO_CLOSEST_ENCLOSER NEXT_CLOSEST_ENCLOSER_NOT_COVERED STYPE_IN_BITMAP EXISTING_NAME_COVERED EXISTING_TYPE_NOT_IN_BITMAP NO_NSEC_MATCHING_SNAME NO_NSEC3_MATCHING_SNAME NONZERO_NSEC3_ITERATION_COUNT NONEMPTY_NSEC3_SALT NSEC3_ITERATIONS_INSECURE NSEC3_OPT_OUT NSEC3_HASH_LIMIT NSEC3_PARAMETERS_INCONSISTENT NSEC3PARAM_MULTIPLE NSEC3PARAM_FLAGS_SET NSEC3_UNKNOWN_FLAGS NSEC3_HASH_ALGORITHM_UNSUPPORTED DENIAL_METHODS_MIXED NODATA_WITHOUT_SOA APEX_QUERY_FAILED NODATA_EXTRA_DENIAL_RECORDS NSEC3PARAM_DENIAL_MISMATCH NSEC3_OPT_OUT_INCONSISTENT UNEXPECTED_ANSWER_RECORDS SERVER_UNRESPONSIVE_UDP SERVER_UNRESPONSIVE_TCP SERVERS_NOT_ASKED GLUELESS_NS_LIMIT REFERRAL_LOOP UPWARD_REFERRAL QUERY_BUDGET_EXCEEDED SERVER_NOT_AUTHORITATIVE SERVER_INVALID_RESPONSE_UDP SERVER_INVALID_RESPONSE_TCP RESPONSE_TRUNCATED_UDP RESPONSE_TRUNCATED_TCP ERROR_WITH_EDNS UNABLE_TO_RETRIEVE_DNSSEC_RECORDS EDNS_IGNORED EDNS_VERSION_MISMATCH NS_NAME_NOT_IN_CHILD NS_NAME_NOT_IN_PARENT GLUE_MISMATCH MISSING_GLUE_FOR_NS_NAME NO_SERVER_ANSWERED INCONSISTENT_SOA_SERIAL DNSKEY_MISSING_FROM_SERVERS SERVER_NO_DNSKEY INCONSISTENT_DS CDS_INCONSISTENT_WITH_DS CDNSKEY_INCONSISTENT_WITH_CDS CDS_SIGNER_INVALID CDS_DELETE_REQUESTED CDS_KEY_NOT_ZONE_KEY CDS_KEY_NOT_SEP CDS_DELETE_MIXED CDS_NOT_SELF_SIGNED CDS_CDNSKEY_UNPAIRED DS_KEY_NOT_SEP CDS_WOULD_BREAK_CHAIN CDS_BOOTSTRAP_READY BOOTSTRAP_SIGNAL_INVALID MULTIPLE_CDS MULTIPLE_CDNSKEY KSK_ROLLOVER_DOUBLE_DS KSK_STANDBY KSK_ROLLOVER_STUCK ZSK_PREPUBLISHED EXPECTED_DS_MISSING UNEXPECTED_DS DS_OF_INACTIVE_KEY UNDELEGATED_ZONE CNAME_CHAIN_TOO_LONG WALK_INCOMPLETE CHECK_DEADLINE_EXCEEDED ZONE_NOT_SIGNED GLUE_SIGNED RRSIG_SIGNER_MISMATCH RRSIG_LABELS_MISMATCH RRSIG_ORIGINAL_TTL_MISMATCH NSEC_CHAIN_MISSING NSEC_MISSING NSEC_CHAIN_BROKEN NSEC_BITMAP_MISMATCH NSEC_EXTRA NSEC3_MISSING NSEC3_CHAIN_BROKEN NSEC3_BITMAP_MISMATCH NSEC3_EXTRA'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze"' -l 'ds' -d 'What-if: check as if the parent published this DS (repeatable).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" ds-file' -l 'ds-file' -d 'What-if: DS records (zone-file syntax) the parent would publish.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" expect-ds' -l 'expect-ds' -d 'The registrar hand-off: compare the DS at the parent with what the DNS host says it should be: DS or DNSKEY records in zone-file syntax, or the JSON of `aws route53 get-dnssec` (for the zone of the names checked).' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" color' -l 'color' -d 'Colour: auto (when standard output is a terminal and NO_COLOR is unset), always, never.' -rfka 'auto always never'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" ascii' -l 'ascii' -d 'ASCII marks (+ ! x -) instead of ✓ ! ✗ ·; the default when the locale (LC_ALL, LC_CTYPE, LANG) is not UTF-8.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze"' -l 'verbose' -s 'v' -d 'More detail: -v adds the records (dig-style) and which server said what, -vv every exchange.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" q quiet' -l 'quiet' -s 'q' -d 'Only the one-line summary per name.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" version' -l 'version' -d 'Show the version.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check analyze" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check zone" -eq 1' -F
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" origin' -l 'origin' -d 'The zone\'s name, for a file with relative names and no $ORIGIN; with --axfr, the zone to transfer.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" axfr' -l 'axfr' -d 'Fetch the zone by AXFR from this server (ADDRESS or ADDRESS#PORT) instead of a file; needs --origin.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" axfr-timeout' -l 'axfr-timeout' -d 'Seconds an AXFR may take in all (1 to 3600).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" at' -l 'at' -d 'Reference time for every validity check: RFC 3339 or relative (+7d, -2h).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" warn-days' -l 'warn-days' -d 'Warn when a signature expires within this many days.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" crit-days' -l 'crit-days' -d 'Critical when a signature expires within this many days.' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" ds-file' -l 'ds-file' -d 'The DS records the parent holds (zone-file syntax): each must match a key that signs the DNSKEY RRset.' -rF
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" format' -l 'format' -d 'Output format: text, json, nagios, prometheus.' -rfka 'text json nagios prometheus'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" threads' -l 'threads' -d 'Threads verifying signatures (1 to 256; default: every core).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" ascii' -l 'ascii' -d 'ASCII marks instead of ✓ ! ✗ ·.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" version' -l 'version' -d 'Show the version.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check zone" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check ds" -eq 1' -F
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check ds" all' -l 'all' -d 'Print DS records for every zone key, not only SEP keys.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check ds" digest' -l 'digest' -d 'Digest types, comma-separated: 1 (SHA-1), 2 (SHA-256), 4 (SHA-384).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check ds" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check ds" zone' -l 'zone' -d 'The zone of the keys, for input that does not name it (the Route 53 JSON).' -rfka ''
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check ds" version' -l 'version' -d 'Show the version.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check ds" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_positional "dnssec-check codes" -eq 1' -fka 'DIGEST_INVALID DS_NO_MATCHING_DNSKEY DS_MATCH_LIMIT NO_SEP MISSING_SEP_FOR_ALG DNSKEY_MISSING NO_TRUST_ANCHOR_SIGNING INSECURE_DELEGATION DS_ABSENCE_NOT_PROVEN DNSKEY_REVOKED_DS DNSKEY_REVOKED REVOKED_NOT_SIGNING SIGNATURE_INVALID EXPIRATION_IN_PAST INCEPTION_IN_FUTURE RRSIG_VALIDATION_LIMIT SIGNED_RRSET_TOO_LARGE CRYPTO_BUDGET_EXCEEDED DNSKEY_KEYTAG_COLLISION RRSIG_EXPIRES_SOON MISSING_RRSIG RRSIG_NO_MATCHING_DNSKEY TTL_BEYOND_EXPIRATION RRSIG_VALIDITY_TOO_LONG RRSIG_VALIDITY_TOO_SHORT MISSING_RRSIG_FOR_ALG_DNSKEY ALGORITHM_NOT_SUPPORTED DIGEST_ALGORITHM_NOT_SUPPORTED ALGORITHM_NOT_RECOMMENDED ALGORITHM_VALIDATION_LIMITED ALGORITHM_PROHIBITED DIGEST_ALGORITHM_PROHIBITED DS_SHA256_MISSING DS_DIGEST_TYPE_ZERO DS_DIGEST_TYPE_RESERVED DS_DIGEST_TYPE_UNASSIGNED DS_DIGEST_TYPE_PRIVATE DNSKEY_ALGORITHM_NOT_FOR_ZONES DNSKEY_ALGORITHM_RESERVED DNSKEY_ALGORITHM_UNASSIGNED DNSKEY_ALGORITHM_PRIVATE RSA_KEY_TOO_SHORT RSA_KEY_TOO_LONG MISSING_NSEC_FOR_NXDOMAIN MISSING_NSEC_FOR_NODATA MISSING_NSEC_FOR_WILDCARD SNAME_NOT_COVERED WILDCARD_NOT_COVERED NO_CLOSEST_ENCLOSER NEXT_CLOSEST_ENCLOSER_NOT_COVERED STYPE_IN_BITMAP EXISTING_NAME_COVERED EXISTING_TYPE_NOT_IN_BITMAP NO_NSEC_MATCHING_SNAME NO_NSEC3_MATCHING_SNAME NONZERO_NSEC3_ITERATION_COUNT NONEMPTY_NSEC3_SALT NSEC3_ITERATIONS_INSECURE NSEC3_OPT_OUT NSEC3_HASH_LIMIT NSEC3_PARAMETERS_INCONSISTENT NSEC3PARAM_MULTIPLE NSEC3PARAM_FLAGS_SET NSEC3_UNKNOWN_FLAGS NSEC3_HASH_ALGORITHM_UNSUPPORTED DENIAL_METHODS_MIXED NODATA_WITHOUT_SOA APEX_QUERY_FAILED NODATA_EXTRA_DENIAL_RECORDS NSEC3PARAM_DENIAL_MISMATCH NSEC3_OPT_OUT_INCONSISTENT UNEXPECTED_ANSWER_RECORDS SERVER_UNRESPONSIVE_UDP SERVER_UNRESPONSIVE_TCP SERVERS_NOT_ASKED GLUELESS_NS_LIMIT REFERRAL_LOOP UPWARD_REFERRAL QUERY_BUDGET_EXCEEDED SERVER_NOT_AUTHORITATIVE SERVER_INVALID_RESPONSE_UDP SERVER_INVALID_RESPONSE_TCP RESPONSE_TRUNCATED_UDP RESPONSE_TRUNCATED_TCP ERROR_WITH_EDNS UNABLE_TO_RETRIEVE_DNSSEC_RECORDS EDNS_IGNORED EDNS_VERSION_MISMATCH NS_NAME_NOT_IN_CHILD NS_NAME_NOT_IN_PARENT GLUE_MISMATCH MISSING_GLUE_FOR_NS_NAME NO_SERVER_ANSWERED INCONSISTENT_SOA_SERIAL DNSKEY_MISSING_FROM_SERVERS SERVER_NO_DNSKEY INCONSISTENT_DS CDS_INCONSISTENT_WITH_DS CDNSKEY_INCONSISTENT_WITH_CDS CDS_SIGNER_INVALID CDS_DELETE_REQUESTED CDS_KEY_NOT_ZONE_KEY CDS_KEY_NOT_SEP CDS_DELETE_MIXED CDS_NOT_SELF_SIGNED CDS_CDNSKEY_UNPAIRED DS_KEY_NOT_SEP CDS_WOULD_BREAK_CHAIN CDS_BOOTSTRAP_READY BOOTSTRAP_SIGNAL_INVALID MULTIPLE_CDS MULTIPLE_CDNSKEY KSK_ROLLOVER_DOUBLE_DS KSK_STANDBY KSK_ROLLOVER_STUCK ZSK_PREPUBLISHED EXPECTED_DS_MISSING UNEXPECTED_DS DS_OF_INACTIVE_KEY UNDELEGATED_ZONE CNAME_CHAIN_TOO_LONG WALK_INCOMPLETE CHECK_DEADLINE_EXCEEDED ZONE_NOT_SIGNED GLUE_SIGNED RRSIG_SIGNER_MISMATCH RRSIG_LABELS_MISMATCH RRSIG_ORIGINAL_TTL_MISMATCH NSEC_CHAIN_MISSING NSEC_MISSING NSEC_CHAIN_BROKEN NSEC_BITMAP_MISMATCH NSEC_EXTRA NSEC3_MISSING NSEC3_CHAIN_BROKEN NSEC3_BITMAP_MISMATCH NSEC3_EXTRA'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check codes" markdown' -l 'markdown' -d 'Print the whole catalog as Markdown (docs/diagnostics.md).'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check codes" zone-only' -l 'zone-only' -d 'List only the codes that `dnssec-check zone` alone reports (a name\'s check cannot see a whole zone).'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check codes" zonemaster' -l 'zonemaster' -d 'Print Zonemaster\'s DNSSEC test plan, tag by tag, against the codes, as Markdown (docs/zonemaster.md).'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check codes" version' -l 'version' -d 'Show the version.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check codes" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dnssec-check' -n '__dnssec-check_should_offer_completions_for_flags_or_options "dnssec-check help" version' -l 'version' -d 'Show the version.'
