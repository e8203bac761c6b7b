"""Printing for the CLI: JSON for scripts, aligned plain text for people.

Every command prints through these functions, and each makes the text safe for the terminal
(`core/terminal_text.py`): a record edited by hand may hold escape sequences
(`tests/cli/test_terminal_output.py` checks that nothing else prints).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

import orjson

from netjournal.core.terminal_text import safe_for_terminal

# DEL, C1 controls and bidi overrides/isolates as UTF-8: orjson writes them raw (C0 it escapes).
# UTF-8 never starts a character inside another, so these bytes are only ever these characters.
_RAW_IN_JSON = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def _json_escape(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(match.group().decode())


def print_json(data: Any) -> None:
    """JSON on stdout as UTF-8 bytes (JSON is UTF-8 whatever the terminal's encoding).

    Every character a terminal would act on is written as a \\u escape: the same data for a
    script, nothing for a terminal to run.
    """
    sys.stdout.flush()
    sys.stdout.buffer.write(json_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2)) + b"\n")
    sys.stdout.buffer.flush()


def json_bytes(encoded: bytes) -> bytes:
    """JSON text with DEL, C1 controls and bidi overrides written as \\u escapes (lossless)."""
    if b"\x7f" not in encoded and b"\xc2" not in encoded and b"\xe2" not in encoded:
        return encoded  # memchr-fast: a 20 MB listing without them costs 2 ms, not 45
    return _RAW_IN_JSON.sub(_json_escape, encoded)


def show(text: object = "") -> None:
    """A message on stdout, lines kept, anything a terminal would act on removed."""
    print(safe_for_terminal(text))


def note(text: object) -> None:
    """A one-line note on stderr ("netjournal: note: ..."), made safe like everything shown."""
    sys.stderr.write(f"netjournal: note: {safe_for_terminal(text, one_line=True)}\n")


def print_export(data: bytes, *, is_json: bool) -> None:
    """An exported file on stdout: JSON escaped losslessly, other formats cleaned (CR LF kept)."""
    if is_json:
        data = json_bytes(data)
    else:
        text = data.decode("utf-8", "surrogateescape")
        data = safe_for_terminal(text, crlf=True).encode("utf-8", "surrogateescape")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
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
    """Columns padded to the widest cell (the last column is not padded).

    Each cell is one line, safe for the terminal: a newline in a note would break the table.
    """
    if not rows:
        show(empty)
        return
    rows = [[safe_for_terminal(cell, one_line=True) for cell in row] for row in rows]
    widths = [max(cell_width(row[col]) for row in rows) for col in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [
            cell + " " * (width - cell_width(cell))
            for cell, width in zip(row, widths, strict=False)
        ]
        print("  ".join([*cells, row[-1]]).rstrip())
