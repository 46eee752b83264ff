import ArgumentParser

/// The shell completion scripts, as swift-argument-parser writes them, with
/// one change: `check` is the default command, so words after
/// `dnssec-check` that are not a subcommand (`dnssec-check example.com -t
/// <TAB>`) complete as `check`'s options and values. The generator knows
/// nothing of default commands and offers only the subcommand names there.
///
/// `--generate-completion-script SHELL` prints these, so the committed
/// scripts (scripts/update-completions.sh) and the test that keeps them
/// current go through the same code. A generated script whose shape is not
/// the expected one is left as it is (a test then fails on its behaviour).
enum CompletionScripts {
    static func script(for shell: CompletionShell) -> String {
        let generated = DNSSECCheck.completionScript(for: shell)
        switch shell {
        case .bash: return replacing(in: generated, bashSubcommandFallback, with: bashDefaultCommand)
        case .zsh: return replacing(in: generated, zshArgumentState, with: zshDefaultCommand)
        case .fish: return replacing(in: generated, fishSubcommandSwitch, with: fishDefaultCommand)
        default: return generated
        }
    }

    private static func replacing(in script: String, _ target: String, with replacement: String) -> String {
        guard script.components(separatedBy: target).count == 2 else { return script }
        return script.replacingOccurrences(of: target, with: replacement)
    }

    private static var subcommandNames: String {
        (DNSSECCheck.configuration.subcommands.map { $0._commandName } + ["help"])
            .joined(separator: " ")
    }

    // bash: `*)` of the top-level case is reached for a first word that is
    // not a subcommand; the words are then all `check`'s.
    private static var bashSubcommandFallback: String {
        """
            *)
                # Offer subcommand completions
                COMPREPLY+=($(compgen -W '\(subcommandNames)' -- "${cur}"))
                ;;
        """
    }

    private static var bashDefaultCommand: String {
        """
            *)
                # Not a subcommand: the words are the default command's (check).
                if [[ "${COMP_CWORD}" -gt 1 || "${cur}" = -* ]]; then
                    COMPREPLY=()
                    unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")
                    "_dnssec-check_check"
                fi
                # Offer subcommand completions
                [[ "${COMP_CWORD}" -eq 1 ]] && COMPREPLY+=($(compgen -W '\(subcommandNames)' -- "${cur}"))
                ;;
        """
    }

    // zsh: the `arg` state dispatches on the first word; any other word
    // starts the default command's arguments, which `check` then parses
    // with its own name put in front.
    private static var zshArgumentState: String {
        """
                case "${words[1]}" in
                \(subcommandNames.replacingOccurrences(of: " ", with: "|")))
                    "_dnssec-check_${words[1]}" && ret=0
                    ;;
                esac
        """
    }

    private static var zshDefaultCommand: String {
        """
                case "${words[1]}" in
                \(subcommandNames.replacingOccurrences(of: " ", with: "|")))
                    "_dnssec-check_${words[1]}" && ret=0
                    ;;
                *)
                    # Not a subcommand: the default command's (check) arguments.
                    words=(check "${words[@]}")
                    (( CURRENT++ ))
                    "_dnssec-check_check" && ret=0
                    ;;
                esac
        """
    }

    // fish: the token parser dispatches on the first token after the
    // top-level options; a token that is no subcommand is parsed as the
    // first name of `check`, so `check`'s completions apply.
    private static let fishSubcommandSwitch = """
                switch $unparsed_tokens[1]
                case 'check'
        """

    private static var fishDefaultCommand: String {
        """
                if set -q unparsed_tokens[1]; and not contains -- $unparsed_tokens[1] \(fishSubcommandList)
                    # Not a subcommand: the default command's (check) tokens.
                    set -p unparsed_tokens check
                end
                switch $unparsed_tokens[1]
                case 'check'
        """
    }

    private static var fishSubcommandList: String {
        subcommandNames.split(separator: " ").map { "'\($0)'" }.joined(separator: " ")
    }
}
