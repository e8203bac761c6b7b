"""Completion for file paths: the rest of the first entry of the folder that starts so."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester


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
                same = (
                    name.startswith(typed)
                    if exact
                    else name.casefold().startswith(typed.casefold())
                )
                if same and name != typed:
                    slash = "/" if entry.is_dir() else ""
                    return value[: len(value) - len(typed)] + name + slash
        return None
