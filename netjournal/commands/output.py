"""Printing for the CLI: JSON for scripts, aligned plain text for people.

Every command prints through these functions, and each makes the text safe for the terminal
(`core/terminal_text.py`): a record edited by hand may hold escape sequences
(`tests/cli/test_terminal_output.py` checks that nothing else prints).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from netjournal.core.terminal_text import safe_for_terminal

if TYPE_CHECKING:
    import argparse

    from netjournal.core.records import Interaction, Learning, Outreach, Person

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


def said_or_json(
    args: argparse.Namespace,
    line: str,
    record: Person | Interaction | Learning | Outreach,
    last_contact: date | None = None,
) -> None:
    """What a command that wrote `record` prints: its line, or with --json the record as
    `list --json` shows it (for scripts: `netjournal add person X --json | jq -r .id`)."""
    if getattr(args, "json", False):
        from netjournal.commands.record_json import as_listed

        print_json(as_listed(record, last_contact))
    else:
        show(line)


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


def print_table(
    rows: Sequence[Sequence[str]], empty: str, header: Sequence[str] = ()
) -> None:
    """Columns padded to the widest cell (the last column is not padded), under a header row
    when `header` names the columns.

    Each cell is one line, safe for the terminal: a newline in a note would break the table.
    """
    if not rows:
        show(empty)
        return
    # Terminal cells, as the app measures: CJK and emoji take 2, combining and zero-width
    # characters 0 (rich.cells: 2 ms to import, against wcwidth's 45; decisions.md).
    from rich.cells import cell_len

    rows = [[safe_for_terminal(cell, one_line=True) for cell in row] for row in rows]
    if header:
        rows.insert(0, list(header))
    measured = [[(cell, cell_len(cell)) for cell in row[:-1]] for row in rows]
    widths = [max(row[col][1] for row in measured) for col in range(len(rows[0]) - 1)]
    for row, cells in zip(rows, measured, strict=True):
        padded = [
            cell + " " * (width - used) for (cell, used), width in zip(cells, widths, strict=False)
        ]
        print("  ".join([*padded, row[-1]]).rstrip())
