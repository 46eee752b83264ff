#!/bin/bash

__dnssec-check_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__dnssec-check_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__dnssec-check_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__dnssec-check_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_dnssec-check() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __dnssec-check_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    check|probe|analyze|zone|ds|codes|help)
        # Offer subcommand argument completions
        "_dnssec-check_${subcommand}"
        ;;
    *)
        # Not a subcommand: the words are the default command's (check).
        if [[ "${COMP_CWORD}" -gt 1 || "${cur}" = -* ]]; then
            COMPREPLY=()
            unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")
            "_dnssec-check_check"
        fi
        # Offer subcommand completions
        [[ "${COMP_CWORD}" -eq 1 ]] && COMPREPLY+=($(compgen -W 'check probe analyze zone ds codes help' -- "${cur}"))
        ;;
    esac
}

_dnssec-check_check() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(-4 -6 --trace --strict --require-secure --ignore-rfc9276 --ignore-rfc8624 --ascii --quiet -q --version -h --help)
    repeating_options=(-t --type --ns --ignore --ds)
    non_repeating_options=(-f --file --jobs --shard --resume --root-hints --trust-anchor --timeout --deadline --total-deadline --max-queries --format --at --warn-days --crit-days --max-signature-checks --ds-file --expect-ds --color -o --capture)
    __dnssec-check_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-f'|'--file')
        __dnssec-check_add_completions -f
        return
        ;;
    '--jobs')
        return
        ;;
    '--shard')
        return
        ;;
    '--resume')
        __dnssec-check_add_completions -o plusdirs -fX '!*.@(jsonl)'
        return
        ;;
    '--root-hints')
        __dnssec-check_add_completions -f
        return
        ;;
    '--trust-anchor')
        __dnssec-check_add_completions -f
        return
        ;;
    '-t'|'--type')
        __dnssec-check_add_completions -W 'A'$'\n''AAAA'$'\n''CAA'$'\n''CDNSKEY'$'\n''CDS'$'\n''CNAME'$'\n''DNAME'$'\n''DNSKEY'$'\n''DS'$'\n''HTTPS'$'\n''MX'$'\n''NAPTR'$'\n''NS'$'\n''NSEC3PARAM'$'\n''PTR'$'\n''SMIMEA'$'\n''SOA'$'\n''SRV'$'\n''SSHFP'$'\n''SVCB'$'\n''TLSA'$'\n''TXT'
        return
        ;;
    '--timeout')
        return
        ;;
    '--deadline')
        return
        ;;
    '--total-deadline')
        return
        ;;
    '--max-queries')
        return
        ;;
    '--ns')
        return
        ;;
    '--format')
        __dnssec-check_add_completions -W 'text'$'\n''json'$'\n''jsonl'$'\n''nagios'$'\n''prometheus'$'\n''dot'$'\n''svg'$'\n''png'$'\n''html'
        return
        ;;
    '--at')
        return
        ;;
    '--warn-days')
        return
        ;;
    '--crit-days')
        return
        ;;
    '--max-signature-checks')
        return
        ;;
    '--ignore')
        __dnssec-check_add_completions -W 'DIGEST_INVALID'$'\n''DS_NO_MATCHING_DNSKEY'$'\n''DS_MATCH_LIMIT'$'\n''NO_SEP'$'\n''MISSING_SEP_FOR_ALG'$'\n''DNSKEY_MISSING'$'\n''NO_TRUST_ANCHOR_SIGNING'$'\n''INSECURE_DELEGATION'$'\n''DS_ABSENCE_NOT_PROVEN'$'\n''DNSKEY_REVOKED_DS'$'\n''DNSKEY_REVOKED'$'\n''REVOKED_NOT_SIGNING'$'\n''SIGNATURE_INVALID'$'\n''EXPIRATION_IN_PAST'$'\n''INCEPTION_IN_FUTURE'$'\n''RRSIG_VALIDATION_LIMIT'$'\n''SIGNED_RRSET_TOO_LARGE'$'\n''CRYPTO_BUDGET_EXCEEDED'$'\n''DNSKEY_KEYTAG_COLLISION'$'\n''RRSIG_EXPIRES_SOON'$'\n''MISSING_RRSIG'$'\n''RRSIG_NO_MATCHING_DNSKEY'$'\n''TTL_BEYOND_EXPIRATION'$'\n''RRSIG_VALIDITY_TOO_LONG'$'\n''RRSIG_VALIDITY_TOO_SHORT'$'\n''MISSING_RRSIG_FOR_ALG_DNSKEY'$'\n''ALGORITHM_NOT_SUPPORTED'$'\n''DIGEST_ALGORITHM_NOT_SUPPORTED'$'\n''ALGORITHM_NOT_RECOMMENDED'$'\n''ALGORITHM_VALIDATION_LIMITED'$'\n''ALGORITHM_PROHIBITED'$'\n''DIGEST_ALGORITHM_PROHIBITED'$'\n''DS_SHA256_MISSING'$'\n''DS_DIGEST_TYPE_ZERO'$'\n''DS_DIGEST_TYPE_RESERVED'$'\n''DS_DIGEST_TYPE_UNASSIGNED'$'\n''DS_DIGEST_TYPE_PRIVATE'$'\n''DNSKEY_ALGORITHM_NOT_FOR_ZONES'$'\n''DNSKEY_ALGORITHM_RESERVED'$'\n''DNSKEY_ALGORITHM_UNASSIGNED'$'\n''DNSKEY_ALGORITHM_PRIVATE'$'\n''RSA_KEY_TOO_SHORT'$'\n''RSA_KEY_TOO_LONG'$'\n''MISSING_NSEC_FOR_NXDOMAIN'$'\n''MISSING_NSEC_FOR_NODATA'$'\n''MISSING_NSEC_FOR_WILDCARD'$'\n''SNAME_NOT_COVERED'$'\n''WILDCARD_NOT_COVERED'$'\n''NO_CLOSEST_ENCLOSER'$'\n''NEXT_CLOSEST_ENCLOSER_NOT_COVERED'$'\n''STYPE_IN_BITMAP'$'\n''EXISTING_NAME_COVERED'$'\n''EXISTING_TYPE_NOT_IN_BITMAP'$'\n''NO_NSEC_MATCHING_SNAME'$'\n''NO_NSEC3_MATCHING_SNAME'$'\n''NONZERO_NSEC3_ITERATION_COUNT'$'\n''NONEMPTY_NSEC3_SALT'$'\n''NSEC3_ITERATIONS_INSECURE'$'\n''NSEC3_OPT_OUT'$'\n''NSEC3_HASH_LIMIT'$'\n''NSEC3_PARAMETERS_INCONSISTENT'$'\n''NSEC3PARAM_MULTIPLE'$'\n''NSEC3PARAM_FLAGS_SET'$'\n''NSEC3_UNKNOWN_FLAGS'$'\n''NSEC3_HASH_ALGORITHM_UNSUPPORTED'$'\n''DENIAL_METHODS_MIXED'$'\n''NODATA_WITHOUT_SOA'$'\n''APEX_QUERY_FAILED'$'\n''NODATA_EXTRA_DENIAL_RECORDS'$'\n''NSEC3PARAM_DENIAL_MISMATCH'$'\n''NSEC3_OPT_OUT_INCONSISTENT'$'\n''UNEXPECTED_ANSWER_RECORDS'$'\n''SERVER_UNRESPONSIVE_UDP'$'\n''SERVER_UNRESPONSIVE_TCP'$'\n''SERVERS_NOT_ASKED'$'\n''GLUELESS_NS_LIMIT'$'\n''REFERRAL_LOOP'$'\n''UPWARD_REFERRAL'$'\n''QUERY_BUDGET_EXCEEDED'$'\n''SERVER_NOT_AUTHORITATIVE'$'\n''SERVER_INVALID_RESPONSE_UDP'$'\n''SERVER_INVALID_RESPONSE_TCP'$'\n''RESPONSE_TRUNCATED_UDP'$'\n''RESPONSE_TRUNCATED_TCP'$'\n''ERROR_WITH_EDNS'$'\n''UNABLE_TO_RETRIEVE_DNSSEC_RECORDS'$'\n''EDNS_IGNORED'$'\n''EDNS_VERSION_MISMATCH'$'\n''NS_NAME_NOT_IN_CHILD'$'\n''NS_NAME_NOT_IN_PARENT'$'\n''GLUE_MISMATCH'$'\n''MISSING_GLUE_FOR_NS_NAME'$'\n''NO_SERVER_ANSWERED'$'\n''INCONSISTENT_SOA_SERIAL'$'\n''DNSKEY_MISSING_FROM_SERVERS'$'\n''SERVER_NO_DNSKEY'$'\n''INCONSISTENT_DS'$'\n''CDS_INCONSISTENT_WITH_DS'$'\n''CDNSKEY_INCONSISTENT_WITH_CDS'$'\n''CDS_SIGNER_INVALID'$'\n''CDS_DELETE_REQUESTED'$'\n''CDS_KEY_NOT_ZONE_KEY'$'\n''CDS_KEY_NOT_SEP'$'\n''CDS_DELETE_MIXED'$'\n''CDS_NOT_SELF_SIGNED'$'\n''CDS_CDNSKEY_UNPAIRED'$'\n''DS_KEY_NOT_SEP'$'\n''CDS_WOULD_BREAK_CHAIN'$'\n''CDS_BOOTSTRAP_READY'$'\n''BOOTSTRAP_SIGNAL_INVALID'$'\n''MULTIPLE_CDS'$'\n''MULTIPLE_CDNSKEY'$'\n''KSK_ROLLOVER_DOUBLE_DS'$'\n''KSK_STANDBY'$'\n''KSK_ROLLOVER_STUCK'$'\n''ZSK_PREPUBLISHED'$'\n''EXPECTED_DS_MISSING'$'\n''UNEXPECTED_DS'$'\n''DS_OF_INACTIVE_KEY'$'\n''UNDELEGATED_ZONE'$'\n''CNAME_CHAIN_TOO_LONG'$'\n''WALK_INCOMPLETE'$'\n''CHECK_DEADLINE_EXCEEDED'$'\n''ZONE_NOT_SIGNED'$'\n''GLUE_SIGNED'$'\n''RRSIG_SIGNER_MISMATCH'$'\n''RRSIG_LABELS_MISMATCH'$'\n''RRSIG_ORIGINAL_TTL_MISMATCH'$'\n''NSEC_CHAIN_MISSING'$'\n''NSEC_MISSING'$'\n''NSEC_CHAIN_BROKEN'$'\n''NSEC_BITMAP_MISMATCH'$'\n''NSEC_EXTRA'$'\n''NSEC3_MISSING'$'\n''NSEC3_CHAIN_BROKEN'$'\n''NSEC3_BITMAP_MISMATCH'$'\n''NSEC3_EXTRA'
        return
        ;;
    '--ds')
        return
        ;;
    '--ds-file')
        __dnssec-check_add_completions -f
        return
        ;;
    '--expect-ds')
        __dnssec-check_add_completions -f
        return
        ;;
    '--color')
        __dnssec-check_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '-o'|'--capture')
        __dnssec-check_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_dnssec-check_probe() {
    repeating_flags=()
    non_repeating_flags=(-4 -6 --trace --version -h --help)
    repeating_options=(-t --type --ns)
    non_repeating_options=(-f --file --jobs --shard --resume --root-hints --trust-anchor --timeout --deadline --total-deadline --max-queries -o --output)
    __dnssec-check_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-f'|'--file')
        __dnssec-check_add_completions -f
        return
        ;;
    '--jobs')
        return
        ;;
    '--shard')
        return
        ;;
    '--resume')
        __dnssec-check_add_completions -o plusdirs -fX '!*.@(jsonl)'
        return
        ;;
    '--root-hints')
        __dnssec-check_add_completions -f
        return
        ;;
    '--trust-anchor')
        __dnssec-check_add_completions -f
        return
        ;;
    '-t'|'--type')
        __dnssec-check_add_completions -W 'A'$'\n''AAAA'$'\n''CAA'$'\n''CDNSKEY'$'\n''CDS'$'\n''CNAME'$'\n''DNAME'$'\n''DNSKEY'$'\n''DS'$'\n''HTTPS'$'\n''MX'$'\n''NAPTR'$'\n''NS'$'\n''NSEC3PARAM'$'\n''PTR'$'\n''SMIMEA'$'\n''SOA'$'\n''SRV'$'\n''SSHFP'$'\n''SVCB'$'\n''TLSA'$'\n''TXT'
        return
        ;;
    '--timeout')
        return
        ;;
    '--deadline')
        return
        ;;
    '--total-deadline')
        return
        ;;
    '--max-queries')
        return
        ;;
    '--ns')
        return
        ;;
    '-o'|'--output')
        __dnssec-check_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_dnssec-check_analyze() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--strict --require-secure --ignore-rfc9276 --ignore-rfc8624 --ascii --quiet -q --version -h --help)
    repeating_options=(--ignore --ds)
    non_repeating_options=(--trust-anchor --format --at --warn-days --crit-days --max-signature-checks --ds-file --expect-ds --color)
    __dnssec-check_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--trust-anchor')
        __dnssec-check_add_completions -f
        return
        ;;
    '--format')
        __dnssec-check_add_completions -W 'text'$'\n''json'$'\n''jsonl'$'\n''nagios'$'\n''prometheus'$'\n''dot'$'\n''svg'$'\n''png'$'\n''html'
        return
        ;;
    '--at')
        return
        ;;
    '--warn-days')
        return
        ;;
    '--crit-days')
        return
        ;;
    '--max-signature-checks')
        return
        ;;
    '--ignore')
        __dnssec-check_add_completions -W 'DIGEST_INVALID'$'\n''DS_NO_MATCHING_DNSKEY'$'\n''DS_MATCH_LIMIT'$'\n''NO_SEP'$'\n''MISSING_SEP_FOR_ALG'$'\n''DNSKEY_MISSING'$'\n''NO_TRUST_ANCHOR_SIGNING'$'\n''INSECURE_DELEGATION'$'\n''DS_ABSENCE_NOT_PROVEN'$'\n''DNSKEY_REVOKED_DS'$'\n''DNSKEY_REVOKED'$'\n''REVOKED_NOT_SIGNING'$'\n''SIGNATURE_INVALID'$'\n''EXPIRATION_IN_PAST'$'\n''INCEPTION_IN_FUTURE'$'\n''RRSIG_VALIDATION_LIMIT'$'\n''SIGNED_RRSET_TOO_LARGE'$'\n''CRYPTO_BUDGET_EXCEEDED'$'\n''DNSKEY_KEYTAG_COLLISION'$'\n''RRSIG_EXPIRES_SOON'$'\n''MISSING_RRSIG'$'\n''RRSIG_NO_MATCHING_DNSKEY'$'\n''TTL_BEYOND_EXPIRATION'$'\n''RRSIG_VALIDITY_TOO_LONG'$'\n''RRSIG_VALIDITY_TOO_SHORT'$'\n''MISSING_RRSIG_FOR_ALG_DNSKEY'$'\n''ALGORITHM_NOT_SUPPORTED'$'\n''DIGEST_ALGORITHM_NOT_SUPPORTED'$'\n''ALGORITHM_NOT_RECOMMENDED'$'\n''ALGORITHM_VALIDATION_LIMITED'$'\n''ALGORITHM_PROHIBITED'$'\n''DIGEST_ALGORITHM_PROHIBITED'$'\n''DS_SHA256_MISSING'$'\n''DS_DIGEST_TYPE_ZERO'$'\n''DS_DIGEST_TYPE_RESERVED'$'\n''DS_DIGEST_TYPE_UNASSIGNED'$'\n''DS_DIGEST_TYPE_PRIVATE'$'\n''DNSKEY_ALGORITHM_NOT_FOR_ZONES'$'\n''DNSKEY_ALGORITHM_RESERVED'$'\n''DNSKEY_ALGORITHM_UNASSIGNED'$'\n''DNSKEY_ALGORITHM_PRIVATE'$'\n''RSA_KEY_TOO_SHORT'$'\n''RSA_KEY_TOO_LONG'$'\n''MISSING_NSEC_FOR_NXDOMAIN'$'\n''MISSING_NSEC_FOR_NODATA'$'\n''MISSING_NSEC_FOR_WILDCARD'$'\n''SNAME_NOT_COVERED'$'\n''WILDCARD_NOT_COVERED'$'\n''NO_CLOSEST_ENCLOSER'$'\n''NEXT_CLOSEST_ENCLOSER_NOT_COVERED'$'\n''STYPE_IN_BITMAP'$'\n''EXISTING_NAME_COVERED'$'\n''EXISTING_TYPE_NOT_IN_BITMAP'$'\n''NO_NSEC_MATCHING_SNAME'$'\n''NO_NSEC3_MATCHING_SNAME'$'\n''NONZERO_NSEC3_ITERATION_COUNT'$'\n''NONEMPTY_NSEC3_SALT'$'\n''NSEC3_ITERATIONS_INSECURE'$'\n''NSEC3_OPT_OUT'$'\n''NSEC3_HASH_LIMIT'$'\n''NSEC3_PARAMETERS_INCONSISTENT'$'\n''NSEC3PARAM_MULTIPLE'$'\n''NSEC3PARAM_FLAGS_SET'$'\n''NSEC3_UNKNOWN_FLAGS'$'\n''NSEC3_HASH_ALGORITHM_UNSUPPORTED'$'\n''DENIAL_METHODS_MIXED'$'\n''NODATA_WITHOUT_SOA'$'\n''APEX_QUERY_FAILED'$'\n''NODATA_EXTRA_DENIAL_RECORDS'$'\n''NSEC3PARAM_DENIAL_MISMATCH'$'\n''NSEC3_OPT_OUT_INCONSISTENT'$'\n''UNEXPECTED_ANSWER_RECORDS'$'\n''SERVER_UNRESPONSIVE_UDP'$'\n''SERVER_UNRESPONSIVE_TCP'$'\n''SERVERS_NOT_ASKED'$'\n''GLUELESS_NS_LIMIT'$'\n''REFERRAL_LOOP'$'\n''UPWARD_REFERRAL'$'\n''QUERY_BUDGET_EXCEEDED'$'\n''SERVER_NOT_AUTHORITATIVE'$'\n''SERVER_INVALID_RESPONSE_UDP'$'\n''SERVER_INVALID_RESPONSE_TCP'$'\n''RESPONSE_TRUNCATED_UDP'$'\n''RESPONSE_TRUNCATED_TCP'$'\n''ERROR_WITH_EDNS'$'\n''UNABLE_TO_RETRIEVE_DNSSEC_RECORDS'$'\n''EDNS_IGNORED'$'\n''EDNS_VERSION_MISMATCH'$'\n''NS_NAME_NOT_IN_CHILD'$'\n''NS_NAME_NOT_IN_PARENT'$'\n''GLUE_MISMATCH'$'\n''MISSING_GLUE_FOR_NS_NAME'$'\n''NO_SERVER_ANSWERED'$'\n''INCONSISTENT_SOA_SERIAL'$'\n''DNSKEY_MISSING_FROM_SERVERS'$'\n''SERVER_NO_DNSKEY'$'\n''INCONSISTENT_DS'$'\n''CDS_INCONSISTENT_WITH_DS'$'\n''CDNSKEY_INCONSISTENT_WITH_CDS'$'\n''CDS_SIGNER_INVALID'$'\n''CDS_DELETE_REQUESTED'$'\n''CDS_KEY_NOT_ZONE_KEY'$'\n''CDS_KEY_NOT_SEP'$'\n''CDS_DELETE_MIXED'$'\n''CDS_NOT_SELF_SIGNED'$'\n''CDS_CDNSKEY_UNPAIRED'$'\n''DS_KEY_NOT_SEP'$'\n''CDS_WOULD_BREAK_CHAIN'$'\n''CDS_BOOTSTRAP_READY'$'\n''BOOTSTRAP_SIGNAL_INVALID'$'\n''MULTIPLE_CDS'$'\n''MULTIPLE_CDNSKEY'$'\n''KSK_ROLLOVER_DOUBLE_DS'$'\n''KSK_STANDBY'$'\n''KSK_ROLLOVER_STUCK'$'\n''ZSK_PREPUBLISHED'$'\n''EXPECTED_DS_MISSING'$'\n''UNEXPECTED_DS'$'\n''DS_OF_INACTIVE_KEY'$'\n''UNDELEGATED_ZONE'$'\n''CNAME_CHAIN_TOO_LONG'$'\n''WALK_INCOMPLETE'$'\n''CHECK_DEADLINE_EXCEEDED'$'\n''ZONE_NOT_SIGNED'$'\n''GLUE_SIGNED'$'\n''RRSIG_SIGNER_MISMATCH'$'\n''RRSIG_LABELS_MISMATCH'$'\n''RRSIG_ORIGINAL_TTL_MISMATCH'$'\n''NSEC_CHAIN_MISSING'$'\n''NSEC_MISSING'$'\n''NSEC_CHAIN_BROKEN'$'\n''NSEC_BITMAP_MISMATCH'$'\n''NSEC_EXTRA'$'\n''NSEC3_MISSING'$'\n''NSEC3_CHAIN_BROKEN'$'\n''NSEC3_BITMAP_MISMATCH'$'\n''NSEC3_EXTRA'
        return
        ;;
    '--ds')
        return
        ;;
    '--ds-file')
        __dnssec-check_add_completions -f
        return
        ;;
    '--expect-ds')
        __dnssec-check_add_completions -f
        return
        ;;
    '--color')
        __dnssec-check_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __dnssec-check_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_dnssec-check_zone() {
    repeating_flags=()
    non_repeating_flags=(--ascii --version -h --help)
    repeating_options=()
    non_repeating_options=(--origin --axfr --axfr-timeout --at --warn-days --crit-days --ds-file --format --threads)
    __dnssec-check_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--origin')
        return
        ;;
    '--axfr')
        return
        ;;
    '--axfr-timeout')
        return
        ;;
    '--at')
        return
        ;;
    '--warn-days')
        return
        ;;
    '--crit-days')
        return
        ;;
    '--ds-file')
        __dnssec-check_add_completions -f
        return
        ;;
    '--format')
        __dnssec-check_add_completions -W 'text'$'\n''json'$'\n''nagios'$'\n''prometheus'
        return
        ;;
    '--threads')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __dnssec-check_add_completions -f
        return
        ;;
    esac
}

_dnssec-check_ds() {
    repeating_flags=()
    non_repeating_flags=(--all --version -h --help)
    repeating_options=()
    non_repeating_options=(--digest --format --zone)
    __dnssec-check_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--digest')
        return
        ;;
    '--format')
        __dnssec-check_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--zone')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __dnssec-check_add_completions -f
        return
        ;;
    esac
}

_dnssec-check_codes() {
    repeating_flags=()
    non_repeating_flags=(--markdown --zone-only --zonemaster --version -h --help)
    repeating_options=()
    non_repeating_options=()
    __dnssec-check_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __dnssec-check_add_completions -W 'DIGEST_INVALID'$'\n''DS_NO_MATCHING_DNSKEY'$'\n''DS_MATCH_LIMIT'$'\n''NO_SEP'$'\n''MISSING_SEP_FOR_ALG'$'\n''DNSKEY_MISSING'$'\n''NO_TRUST_ANCHOR_SIGNING'$'\n''INSECURE_DELEGATION'$'\n''DS_ABSENCE_NOT_PROVEN'$'\n''DNSKEY_REVOKED_DS'$'\n''DNSKEY_REVOKED'$'\n''REVOKED_NOT_SIGNING'$'\n''SIGNATURE_INVALID'$'\n''EXPIRATION_IN_PAST'$'\n''INCEPTION_IN_FUTURE'$'\n''RRSIG_VALIDATION_LIMIT'$'\n''SIGNED_RRSET_TOO_LARGE'$'\n''CRYPTO_BUDGET_EXCEEDED'$'\n''DNSKEY_KEYTAG_COLLISION'$'\n''RRSIG_EXPIRES_SOON'$'\n''MISSING_RRSIG'$'\n''RRSIG_NO_MATCHING_DNSKEY'$'\n''TTL_BEYOND_EXPIRATION'$'\n''RRSIG_VALIDITY_TOO_LONG'$'\n''RRSIG_VALIDITY_TOO_SHORT'$'\n''MISSING_RRSIG_FOR_ALG_DNSKEY'$'\n''ALGORITHM_NOT_SUPPORTED'$'\n''DIGEST_ALGORITHM_NOT_SUPPORTED'$'\n''ALGORITHM_NOT_RECOMMENDED'$'\n''ALGORITHM_VALIDATION_LIMITED'$'\n''ALGORITHM_PROHIBITED'$'\n''DIGEST_ALGORITHM_PROHIBITED'$'\n''DS_SHA256_MISSING'$'\n''DS_DIGEST_TYPE_ZERO'$'\n''DS_DIGEST_TYPE_RESERVED'$'\n''DS_DIGEST_TYPE_UNASSIGNED'$'\n''DS_DIGEST_TYPE_PRIVATE'$'\n''DNSKEY_ALGORITHM_NOT_FOR_ZONES'$'\n''DNSKEY_ALGORITHM_RESERVED'$'\n''DNSKEY_ALGORITHM_UNASSIGNED'$'\n''DNSKEY_ALGORITHM_PRIVATE'$'\n''RSA_KEY_TOO_SHORT'$'\n''RSA_KEY_TOO_LONG'$'\n''MISSING_NSEC_FOR_NXDOMAIN'$'\n''MISSING_NSEC_FOR_NODATA'$'\n''MISSING_NSEC_FOR_WILDCARD'$'\n''SNAME_NOT_COVERED'$'\n''WILDCARD_NOT_COVERED'$'\n''NO_CLOSEST_ENCLOSER'$'\n''NEXT_CLOSEST_ENCLOSER_NOT_COVERED'$'\n''STYPE_IN_BITMAP'$'\n''EXISTING_NAME_COVERED'$'\n''EXISTING_TYPE_NOT_IN_BITMAP'$'\n''NO_NSEC_MATCHING_SNAME'$'\n''NO_NSEC3_MATCHING_SNAME'$'\n''NONZERO_NSEC3_ITERATION_COUNT'$'\n''NONEMPTY_NSEC3_SALT'$'\n''NSEC3_ITERATIONS_INSECURE'$'\n''NSEC3_OPT_OUT'$'\n''NSEC3_HASH_LIMIT'$'\n''NSEC3_PARAMETERS_INCONSISTENT'$'\n''NSEC3PARAM_MULTIPLE'$'\n''NSEC3PARAM_FLAGS_SET'$'\n''NSEC3_UNKNOWN_FLAGS'$'\n''NSEC3_HASH_ALGORITHM_UNSUPPORTED'$'\n''DENIAL_METHODS_MIXED'$'\n''NODATA_WITHOUT_SOA'$'\n''APEX_QUERY_FAILED'$'\n''NODATA_EXTRA_DENIAL_RECORDS'$'\n''NSEC3PARAM_DENIAL_MISMATCH'$'\n''NSEC3_OPT_OUT_INCONSISTENT'$'\n''UNEXPECTED_ANSWER_RECORDS'$'\n''SERVER_UNRESPONSIVE_UDP'$'\n''SERVER_UNRESPONSIVE_TCP'$'\n''SERVERS_NOT_ASKED'$'\n''GLUELESS_NS_LIMIT'$'\n''REFERRAL_LOOP'$'\n''UPWARD_REFERRAL'$'\n''QUERY_BUDGET_EXCEEDED'$'\n''SERVER_NOT_AUTHORITATIVE'$'\n''SERVER_INVALID_RESPONSE_UDP'$'\n''SERVER_INVALID_RESPONSE_TCP'$'\n''RESPONSE_TRUNCATED_UDP'$'\n''RESPONSE_TRUNCATED_TCP'$'\n''ERROR_WITH_EDNS'$'\n''UNABLE_TO_RETRIEVE_DNSSEC_RECORDS'$'\n''EDNS_IGNORED'$'\n''EDNS_VERSION_MISMATCH'$'\n''NS_NAME_NOT_IN_CHILD'$'\n''NS_NAME_NOT_IN_PARENT'$'\n''GLUE_MISMATCH'$'\n''MISSING_GLUE_FOR_NS_NAME'$'\n''NO_SERVER_ANSWERED'$'\n''INCONSISTENT_SOA_SERIAL'$'\n''DNSKEY_MISSING_FROM_SERVERS'$'\n''SERVER_NO_DNSKEY'$'\n''INCONSISTENT_DS'$'\n''CDS_INCONSISTENT_WITH_DS'$'\n''CDNSKEY_INCONSISTENT_WITH_CDS'$'\n''CDS_SIGNER_INVALID'$'\n''CDS_DELETE_REQUESTED'$'\n''CDS_KEY_NOT_ZONE_KEY'$'\n''CDS_KEY_NOT_SEP'$'\n''CDS_DELETE_MIXED'$'\n''CDS_NOT_SELF_SIGNED'$'\n''CDS_CDNSKEY_UNPAIRED'$'\n''DS_KEY_NOT_SEP'$'\n''CDS_WOULD_BREAK_CHAIN'$'\n''CDS_BOOTSTRAP_READY'$'\n''BOOTSTRAP_SIGNAL_INVALID'$'\n''MULTIPLE_CDS'$'\n''MULTIPLE_CDNSKEY'$'\n''KSK_ROLLOVER_DOUBLE_DS'$'\n''KSK_STANDBY'$'\n''KSK_ROLLOVER_STUCK'$'\n''ZSK_PREPUBLISHED'$'\n''EXPECTED_DS_MISSING'$'\n''UNEXPECTED_DS'$'\n''DS_OF_INACTIVE_KEY'$'\n''UNDELEGATED_ZONE'$'\n''CNAME_CHAIN_TOO_LONG'$'\n''WALK_INCOMPLETE'$'\n''CHECK_DEADLINE_EXCEEDED'$'\n''ZONE_NOT_SIGNED'$'\n''GLUE_SIGNED'$'\n''RRSIG_SIGNER_MISMATCH'$'\n''RRSIG_LABELS_MISMATCH'$'\n''RRSIG_ORIGINAL_TTL_MISMATCH'$'\n''NSEC_CHAIN_MISSING'$'\n''NSEC_MISSING'$'\n''NSEC_CHAIN_BROKEN'$'\n''NSEC_BITMAP_MISMATCH'$'\n''NSEC_EXTRA'$'\n''NSEC3_MISSING'$'\n''NSEC3_CHAIN_BROKEN'$'\n''NSEC3_BITMAP_MISMATCH'$'\n''NSEC3_EXTRA'
        return
        ;;
    esac
}

_dnssec-check_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __dnssec-check_offer_flags_options -1
}

complete -o filenames -F _dnssec-check dnssec-check
