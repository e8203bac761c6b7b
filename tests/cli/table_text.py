"""Reading the CLI's plain tables as a terminal shows them: columns found by the header row,
positions counted in terminal cells by `wcwidth` (not by the code under test, which uses
rich.cells), so a wide or zero-width character that shifts a column fails the read."""

from __future__ import annotations

import re

import wcwidth

_HEADER_CELL = re.compile(r"\S+(?: \S+)*")  # words with single spaces between


def cells_of(line: str) -> list[tuple[int, str]]:
    """Each grapheme of `line` with the terminal column it starts at."""
    placed, column = [], 0
    for grapheme in wcwidth.iter_graphemes(line):
        placed.append((column, grapheme))
        column += max(wcwidth.width(grapheme), 0)
    return placed


def header_columns(header: str) -> list[tuple[str, int]]:
    """The header's names and the terminal column each starts at."""
    column_at: dict[int, int] = {}  # index in the string -> terminal column
    index = 0
    for column, grapheme in cells_of(header):
        column_at[index] = column
        index += len(grapheme)
    return [(match.group(), column_at[match.start()]) for match in _HEADER_CELL.finditer(header)]


def read_table(text: str, skip: int = 0) -> list[dict[str, str]]:
    """The rows of the table that starts `skip` lines into `text` (its header row first),
    each as {header: cell}; asserts every cell starts exactly at its column, after a gap of
    two blank cells, as the eye reads it in a terminal."""
    lines = text.splitlines()[skip:]
    columns = header_columns(lines[0])
    rows = []
    for line in lines[1:]:
        if not line.strip():
            break
        placed = cells_of(line)
        row: dict[str, str] = {}
        for i, (name, start) in enumerate(columns):
            end = columns[i + 1][1] if i + 1 < len(columns) else 10**9
            inside = [g for column, g in placed if start <= column < end]
            # Nothing of the row straddles a column's start, and two cells of gap come before it.
            assert all(
                not (column < start < column + wcwidth.width(g)) for column, g in placed
            ), (name, line)
            if i:
                gap = [g for column, g in placed if start - 2 <= column < start]
                assert "".join(gap).strip() == "", (name, line)
            row[name] = "".join(inside).strip()
        rows.append(row)
    return rows
