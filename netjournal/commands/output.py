"""Printing for the CLI: JSON for scripts, aligned plain text for people."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import orjson


def print_json(data: Any) -> None:
    """JSON on stdout, indented, keys in a stable order."""
    sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")


def print_table(rows: Sequence[Sequence[str]], empty: str) -> None:
    """Columns padded to the widest cell (the last column is not padded)."""
    if not rows:
        print(empty)
        return
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())
