"""`netjournal man`: the manual page, generated from the parser (argparse-manpage).

Each command's examples, which end its --help, are gathered in one EXAMPLES section; the
page adds where files live and the environment variables netjournal reads.
"""

from __future__ import annotations

import argparse

from argparse_manpage.manpage import Manpage

from netjournal import __version__
from netjournal.commands.examples import EXAMPLES, every_parser

ENVIRONMENT = (
    ("NETJOURNAL_DIR", "the journal folder, when --dir is not given"),
    ("NETJOURNAL_CONFIG_DIR", "the folder of config.toml and themes/"),
    ("NETJOURNAL_STATE_DIR", "where the app remembers the place it was left, per journal"),
    ("VISUAL, EDITOR", "the editor that log and add learning open on a terminal without -m"),
)
FILES = (
    ("config.toml", "your settings; netjournal config path prints where it is"),
    ("the journal folder", "your records (JSON files); netjournal locate journal prints it"),
)


def manual_page(parser: argparse.ArgumentParser) -> str:
    """netjournal(1) in roff: every command, its options, examples, environment and files."""
    for _path, command in every_parser(parser):  # the examples get a section of their own
        if command.epilog and "Examples:" in command.epilog:
            command.epilog = command.epilog.split("Examples:")[0].strip() or None
    page = Manpage(
        parser,
        _data={
            "project_name": "netjournal",
            "version": __version__,
            "description": "a journal for people who network on purpose",
            "manual_section": 1,
            "manual_title": "netjournal manual",
        },
    )
    page.add_section("examples", "=", _examples())
    page.add_section("environment", "=", _definitions(ENVIRONMENT))
    page.add_section("files", "=", _definitions(FILES))
    text = str(page)
    return text if text.endswith("\n") else text + "\n"


def _examples() -> str:
    lines: list[str] = []
    for path, examples in EXAMPLES.items():
        lines.append(f".SS {_roff(f'netjournal {path}'.strip())}")
        lines.append(".nf")
        lines.extend(_roff(example) for example in examples)
        lines.append(".fi")
    return "\n".join(lines)


def _definitions(pairs: tuple[tuple[str, str], ...]) -> str:
    return "\n".join(f".TP\n\\fB{_roff(name)}\\fR\n{_roff(text)}" for name, text in pairs)


def _roff(text: str) -> str:
    """Text as roff shows it literally: backslashes and dashes escaped, no leading request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return f"\\&{text}" if text.startswith((".", "'")) else text
