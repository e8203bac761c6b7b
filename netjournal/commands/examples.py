"""The examples that end each command's --help (and its section of the man page).

Each line is a whole command line; `tests/cli/test_examples.py` checks that every command has
some and that each one parses.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

EXAMPLES: dict[str, tuple[str, ...]] = {
    "": (
        "netjournal",
        "netjournal log 'Ann Lee' -m 'Coffee at LogiMAT: wants a robot pilot'",
        "netjournal review",
    ),
    "add": (
        "netjournal add person 'Ann Lee' --org 'Acme Logistics' --kind customer",
        "netjournal add learning 'Pallet robots pay back in 18 months' --tag robots",
        "netjournal add outreach follow-up --to 'Ann Lee' --due fri",
    ),
    "add person": (
        "netjournal add person 'Ann Lee' --org 'Acme Logistics' --role CTO --influence 3",
        "netjournal add person 'Bo Chen' --prospect --expertise 'cold chain' --met-via 'Ann Lee'",
        "netjournal add person 'Sam Ortiz' --email sam@example.com --tag board --cadence 30",
    ),
    "add learning": (
        "netjournal add learning 'Robots pay back in 18 months' --source-kind trade-show "
        "--event LogiMAT",
        "netjournal add learning 'Cold chain basics' --url https://example.com/cc --tag cold-chain",
        "pbpaste | netjournal add learning 'Notes from the keynote' -m -",
    ),
    "add outreach": (
        "netjournal add outreach follow-up --to 'Ann Lee' --due fri",
        "netjournal add outreach share --to 'Bo Chen' --learning 'Robots pay back' --due +1w",
        "netjournal add outreach introduce --to 'Ann Lee' 'Bo Chen' --reason 'both build robots'",
    ),
    "log": (
        "netjournal log 'Ann Lee' -m 'Coffee at LogiMAT: wants a robot pilot in Q3'",
        "netjournal log 'Ann Lee' 'Bo Chen' --channel call --date yesterday -m 'Pilot scope'",
        "netjournal log 'Ann Lee'    # opens $EDITOR: the first line is the summary, then notes",
    ),
    "list": (
        "netjournal list people",
        "netjournal list outreach",
        "netjournal list interactions --json",
    ),
    "search": (
        "netjournal search 'robot pilot'",
        "netjournal search 'p: logistics @board' --limit 5",
        "netjournal search maersk --json",
    ),
    "who": (
        "netjournal who 'cold chain'",
        "netjournal who robots --limit 3 --json",
    ),
    "suggest": (
        "netjournal suggest 'Robots pay back'",
        "netjournal suggest 'Cold chain basics' --limit 5 --json",
    ),
    "review": (
        "netjournal review",
        "netjournal review --date fri",
        "netjournal review --json",
    ),
    "insights": (
        "netjournal insights",
        "netjournal insights --date 2026-06-30 --json",
    ),
    "done": (
        "netjournal done k3x9",
        "netjournal done k3x9 -m 'Called her: the pilot starts in May' --channel call",
        "netjournal done 2    # line 2 of today's `netjournal review` or `list outreach`",
    ),
    "drop": ("netjournal drop k3x9", "netjournal drop k3x9 -q    # says nothing when it worked"),
    "skip": (
        "netjournal skip k3x9",
        "netjournal skip cold:p7q2",
    ),
    "snooze": (
        "netjournal snooze k3x9 --until mon",
        "netjournal snooze cold:p7q2 --until 'next month'",
        "netjournal snooze k3x9 --until today    # wakes it up",
    ),
    "duplicates": (
        "netjournal duplicates",
        "netjournal duplicates --json",
    ),
    "merge": (
        "netjournal merge 'Ann Lee' 'Ann Lee (Acme)' --dry-run",
        "netjournal merge p7q2 p8r3",
    ),
    "import": (
        "netjournal import vcard contacts.vcf",
        "netjournal import google contacts.csv --dry-run",
        "netjournal import auto ~/Downloads/*.vcf ~/Downloads/Connections.csv",
    ),
    "export": (
        "netjournal export vcard -o people.vcf",
        "netjournal export markdown --folder -o notes/",
        "netjournal export json -o backup.json",
    ),
    "show": ("netjournal show 'Ann Lee'", "netjournal show 3 --json    # line 3 of the review"),
    "edit": (
        "netjournal edit p7q2 --org 'Acme Logistics' --role CTO",
        "netjournal edit p7q2 --tag board --cadence 30",
        "netjournal edit k3x9 --due fri",
    ),
    "rm": ("netjournal rm p7q2", "netjournal rm p7q2 --yes --with-history"),
    "sync": ("netjournal sync", "netjournal sync --git"),
    "setup-git": (
        "netjournal setup-git",
        "netjournal --dir ~/sync/journal setup-git",
    ),
    "merge-file": (
        "netjournal merge-file %O %A %B %P    # git's merge driver, as setup-git sets it",
        "netjournal merge-file base.json ours.json theirs.json people/0a.json",
    ),
    "doctor": ("netjournal doctor", "netjournal --dir ~/sync/journal doctor"),
    "locate": ("netjournal locate", "netjournal locate journal"),
    "config": ("netjournal config path", "netjournal config path | xargs cat"),
    "config path": ("netjournal config path", "netjournal config path | xargs cat"),
    "completion": (
        "netjournal completion bash > ~/.local/share/bash-completion/completions/netjournal",
        "netjournal completion zsh > ~/.zfunc/_netjournal",
        "netjournal completion fish > ~/.config/fish/completions/netjournal.fish",
    ),
    "man": (
        "netjournal man | man -l -",
        "netjournal man > ~/.local/share/man/man1/netjournal.1",
    ),
}


def every_parser(
    parser: argparse.ArgumentParser, path: str = ""
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Each command's parser with its words ("" for netjournal itself, "add person", ...)."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from every_parser(sub, f"{path} {name}".strip())


def with_examples(parser: argparse.ArgumentParser) -> None:
    """End each command's --help with its examples (after the epilog it may have)."""
    for path, command in every_parser(parser):
        lines = EXAMPLES.get(path)
        if lines:
            shown = "\n".join(f"  {line}" for line in lines)
            before = f"{command.epilog}\n\n" if command.epilog else ""
            command.epilog = f"{before}Examples:\n{shown}"


class ExamplesFormatter(argparse.HelpFormatter):
    """argparse's help, except that text with line breaks (the examples) is kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "\n".join(indent + line for line in text.splitlines())
        return super()._fill_text(text, width, indent)
