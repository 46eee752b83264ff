#!/usr/bin/env bash
# Regenerates the shell completions (scripts/completions/) and the man page
# (docs/man/dnssec-check.1) from the command definitions, via
# swift-argument-parser's --generate-completion-script and
# --experimental-dump-help. A report test fails when they are out of date.
#
#   scripts/update-completions.sh                 # builds with swift build (SCRATCH, default .build)
#   DNSSEC_CHECK_BIN=path/to/dnssec-check scripts/update-completions.sh
#
# Install: bash: copy scripts/completions/dnssec-check.bash to
# /etc/bash_completion.d/dnssec-check; zsh: scripts/completions/_dnssec-check to a
# directory on $fpath; fish: dnssec-check.fish to ~/.config/fish/completions/;
# man: docs/man/dnssec-check.1 to /usr/local/share/man/man1/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=dnssec-check-bin.sh
. scripts/dnssec-check-bin.sh
mkdir -p scripts/completions docs/man
"$bin" --generate-completion-script bash >scripts/completions/dnssec-check.bash
"$bin" --generate-completion-script zsh >scripts/completions/_dnssec-check
"$bin" --generate-completion-script fish >scripts/completions/dnssec-check.fish
"$bin" --experimental-dump-help | python3 scripts/man-from-help.py >docs/man/dnssec-check.1
echo "wrote scripts/completions/{dnssec-check.bash,_dnssec-check,dnssec-check.fish} and docs/man/dnssec-check.1" >&2
