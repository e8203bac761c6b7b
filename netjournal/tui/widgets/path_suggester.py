"""File paths typed in the app: completion from the folder, and what a pasted path means."""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from urllib.parse import unquote

from textual.suggester import Suggester

from netjournal.core.terminal_text import is_safe_for_terminal


class PathSuggester(Suggester):
    """`~/Down` -> `~/Downloads/`; hidden entries only when a dot was typed."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        head, _, typed = value.rpartition("/")
        folder = Path(os.path.expanduser(head + "/" if head or value.startswith("/") else "."))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name.casefold())
        except OSError:
            return None
        for exact in (True, False):
            for entry in entries:
                name = entry.name
                if name.startswith(".") and not typed.startswith("."):
                    continue
                if not is_safe_for_terminal(name):  # it would be drawn in the field as typed
                    continue
                same = (
                    name.startswith(typed)
                    if exact
                    else name.casefold().startswith(typed.casefold())
                )
                if same and name != typed:
                    slash = "/" if entry.is_dir() else ""
                    return value[: len(value) - len(typed)] + name + slash
        return None


def typed_path(text: str) -> Path:
    """The path meant by what was typed or pasted: quotes, backslash escapes and file:// URLs,
    as terminals paste a dragged file, are undone; `~` is the home folder."""
    text = text.strip()
    if text.startswith("file://"):
        text = unquote(text.removeprefix("file://"))
    try:
        parts = shlex.split(text)
    except ValueError:  # an unclosed quote: take it as typed
        parts = [text]
    if len(parts) == 1:  # "my exports/x.vcf" unquoted splits in two: keep it whole
        text = parts[0]
    return Path(os.path.expanduser(text))
