"""Printing for the CLI: JSON for scripts, aligned plain text for people."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

import orjson


def print_json(data: Any) -> None:
    """JSON on stdout as UTF-8 bytes (JSON is UTF-8 whatever the terminal's encoding)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.buffer.flush()


def cell_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (CJK, most emoji) count 2, combining marks 0."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def print_table(rows: Sequence[Sequence[str]], empty: str) -> None:
    """Columns padded to the widest cell (the last column is not padded)."""
    if not rows:
        print(empty)
        return
    widths = [max(cell_width(row[col]) for row in rows) for col in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [
            cell + " " * (width - cell_width(cell))
            for cell, width in zip(row, widths, strict=False)
        ]
        print("  ".join([*cells, row[-1]]).rstrip())
