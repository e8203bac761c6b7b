"""`netjournal completion bash|zsh|fish`: a tab-completion script generated from the parser.

shtab writes a static script (commands, options, kinds, formats): pressing TAB runs no
Python, so completing costs nothing however large the journal is.
"""

from __future__ import annotations

import argparse

import shtab

from netjournal.commands.examples import every_parser

# Arguments that name files or folders: the shell completes paths for them.
_PATHS = {"file": shtab.FILE, "output": shtab.FILE, "dir": shtab.DIRECTORY}


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The script for `shell` (bash, zsh or fish), ending with a newline."""
    for _path, command in every_parser(parser):
        for action in command._actions:
            if action.dest in _PATHS:
                action.complete = _PATHS[action.dest]  # type: ignore[attr-defined]
    script = shtab.complete(parser, shell=shell)
    return script if script.endswith("\n") else script + "\n"
