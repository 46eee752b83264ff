#!/usr/bin/env bash
# Regenerates the golden files of the report tests (Tests/ReportTests/Golden)
# from the recorded captures (Tests/AnalysisTests/Fixtures/captures): the
# text (--color never, and -vv), JSON, Nagios and DOT output of `dnssec-check
# analyze`. Offline and deterministic. Review the diff before committing.
#
#   scripts/update-golden.sh                 # builds with swift build (SCRATCH, default .build)
#   DNSSEC_CHECK_BIN=path/to/dnssec-check scripts/update-golden.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=dnssec-check-bin.sh
. scripts/dnssec-check-bin.sh

# The same environment the tests use: UTF-8 marks, no NO_COLOR, loopback only.
export LC_ALL=C.UTF-8 DNSSEC_CHECK_LOOPBACK_ONLY=1
unset NO_COLOR

golden=Tests/ReportTests/Golden
mkdir -p "$golden"
# Same variants as GoldenTests.variants: suffix, then arguments after `analyze CAPTURE`.
variants=(
    ".txt|--color never"
    ".verbose.txt|--color never -vv"
    ".json|--format json"
    ".nagios|--format nagios"
    ".dot|--format dot"
)
count=0
for capture in Tests/AnalysisTests/Fixtures/captures/*.json; do
    name=$(basename "$capture" .json)
    for variant in "${variants[@]}"; do
        suffix=${variant%%|*}
        read -r -a args <<<"${variant#*|}"
        # Exit codes 0-3 are verdicts, not failures.
        status=0
        "$bin" analyze "$capture" "${args[@]}" >"$golden/$name$suffix" || status=$?
        if (( status > 3 )); then echo "dnssec-check failed ($status) on $capture ${args[*]}" >&2; exit 1; fi
        count=$((count + 1))
    done
done
echo "wrote $count golden files to $golden" >&2
