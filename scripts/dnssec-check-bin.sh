# shellcheck shell=bash
# Sourced by the update-* scripts: sets $bin to the dnssec-check to run,
# $DNSSEC_CHECK_BIN if given, else a debug build (SCRATCH, default .build).
if [[ -n "${DNSSEC_CHECK_BIN:-}" ]]; then
    bin="$DNSSEC_CHECK_BIN"
else
    scratch="${SCRATCH:-.build}"
    swift build --scratch-path "$scratch" --product dnssec-check >&2
    bin="$scratch/debug/dnssec-check"
fi
