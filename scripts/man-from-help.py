#!/usr/bin/env python3
"""Writes the dnssec-check(1) man page (troff) from the command definitions:
the JSON that `dnssec-check --experimental-dump-help` prints (swift-argument-parser's
description of every command, argument and option). Used by
scripts/update-completions.sh; a test checks docs/man/dnssec-check.1 is current.

    dnssec-check --experimental-dump-help | scripts/man-from-help.py > docs/man/dnssec-check.1
"""
import json
import sys

DATE = "2026"  # fixed, so the page only changes when the commands do


def esc(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith(".") or line.startswith("'"):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def name_text(name):
    prefix = {"long": "--", "short": "-", "longWithSingleDash": "-"}[name["kind"]]
    return prefix + name["name"]


def synopsis_item(arg):
    if arg["kind"] == "positional":
        text = "\\fI" + esc(arg.get("valueName", "value")) + "\\fR"
        if arg.get("isRepeating"):
            text += "\\&..."
    else:
        text = "\\fB" + esc(name_text(arg["preferredName"])) + "\\fR"
        if arg["kind"] == "option":
            text += " \\fI" + esc(arg.get("valueName", "value")) + "\\fR"
    return "[" + text + "]" if arg.get("isOptional") else text


def options(command, out):
    args = [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)]
    if not args:
        return
    out.append(".SH OPTIONS" if command is ROOT else ".SS Options")
    for arg in args:
        if arg["kind"] == "positional":
            head = "\\fI" + esc(arg.get("valueName", "value")) + "\\fR"
        else:
            names = sorted(arg.get("names", []), key=lambda n: (n["kind"] != "short", n["name"]))
            head = ", ".join("\\fB" + esc(name_text(n)) + "\\fR" for n in names)
            if arg["kind"] == "option":
                head += " \\fI" + esc(arg.get("valueName", "value")) + "\\fR"
        out.append(".TP")
        out.append(head)
        text = arg.get("abstract", "")
        if arg.get("discussion"):
            text += "\n" + arg["discussion"]
        if arg.get("defaultValue") not in (None, ""):
            text += " (default: " + arg["defaultValue"] + ")"
        if arg.get("allValues"):
            text += " Values: " + ", ".join(arg["allValues"]) + "."
        out.append(esc(text.strip()))


def main():
    global ROOT
    dump = json.load(sys.stdin)
    ROOT = dump["command"]
    out = []
    out.append('.TH DNSSEC\\-CHECK 1 "%s" "dnssec-check" "User Commands"' % DATE)
    out.append(".SH NAME")
    out.append("dnssec\\-check \\- " + esc(ROOT.get("abstract", "")))
    out.append(".SH SYNOPSIS")
    # The default command first, as people type it.
    out.append(".HP")
    out.append("\\fBdnssec\\-check\\fR [\\fBcheck\\fR] \\fINAME\\fR\\&... [\\fIoptions\\fR]")
    out.append(".HP")
    out.append("\\fBdnssec\\-check\\fR [\\fBcheck\\fR] \\fB\\-f\\fR \\fIFILE\\fR [\\fIoptions\\fR]")
    for sub in ROOT.get("subcommands", []):
        if sub["commandName"] == "check":
            continue
        if sub["commandName"] == "help":
            continue
        out.append(".HP")
        items = [synopsis_item(a) for a in sub.get("arguments", []) if a.get("shouldDisplay", True)
                 and (a["kind"] == "positional")]
        out.append("\\fBdnssec\\-check " + esc(sub["commandName"]) + "\\fR " + " ".join(items) + " [\\fIoptions\\fR]")
    out.append(".SH DESCRIPTION")
    out.append(esc(ROOT.get("discussion", ROOT.get("abstract", ""))))
    out.append(".PP")
    out.append("The \\fBcheck\\fR command is the default: \\fBdnssec\\-check example.com\\fR is "
               "\\fBdnssec\\-check check example.com\\fR.")
    out.append(".SH COMMANDS")
    for sub in ROOT.get("subcommands", []):
        if sub["commandName"] == "help":
            continue
        out.append(".SS " + esc(sub["commandName"]))
        out.append(esc(sub.get("abstract", "")))
        if sub.get("discussion"):
            out.append(".PP")
            out.append(esc(sub["discussion"]))
        options(sub, out)
    out.append(".SH EXIT STATUS")
    for code, text in [("0", "OK: secure (or insecure without \\-\\-require\\-secure) and no warning."),
                       ("1", "WARNING: validates, but a finding of severity warning needs attention."),
                       ("2", "CRITICAL: bogus, a finding of severity error, or insecure with \\-\\-require\\-secure."),
                       ("3", "UNKNOWN: bad arguments or input, or no server answered (indeterminate).")]:
        out.append(".TP")
        out.append("\\fB" + code + "\\fR")
        out.append(text)
    out.append(".SH ENVIRONMENT")
    out.append(".TP\n\\fBNO_COLOR\\fR\nWhen set and not empty, \\-\\-color auto prints no colour.")
    out.append(".TP\n\\fBLC_ALL\\fR, \\fBLC_CTYPE\\fR, \\fBLANG\\fR\n"
               "When the first that is set does not name UTF\\-8, marks and punctuation are ASCII (as with \\-\\-ascii).")
    out.append(".SH EXAMPLES")
    for title, command in [
            ("Check a name interactively:", "dnssec\\-check www.example.com"),
            ("Pick the verdict and the errors in CI:",
             "dnssec\\-check example.com \\-\\-format json | jq \\-r '.reports[0].status'"),
            ("Nagios/Icinga plugin:", "dnssec\\-check example.com \\-\\-format nagios \\-\\-require\\-secure"),
            ("node_exporter textfile collector:",
             "dnssec\\-check \\-f /etc/dnssec\\-check/names \\-\\-format prometheus > dnssec.prom.$$ && mv dnssec.prom.$$ dnssec.prom")]:
        out.append(".PP\n" + title + "\n.PP\n.RS 4\n.nf\n" + command + "\n.fi\n.RE")
    out.append(".SH SEE ALSO")
    # What `scripts/install` puts beside the binary, and the peer tools the docs compare with.
    out.append("\\fBdig\\fR(1), \\fBdelv\\fR(1), \\fBdrill\\fR(1), \\fBunbound\\fR(8), \\fBldns\\-verify\\-zone\\fR(1); "
               "\\fBdnssec\\-check codes\\fR lists every diagnostic code and its fix; "
               "docs/cli.md, docs/limits.md, docs/report\\-schema.md, docs/monitoring.md and docs/diagnostics.md in the source tree.")
    print("\n".join(out))


ROOT = None
if __name__ == "__main__":
    main()
