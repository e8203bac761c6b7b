"""A CSV export as a header and rows of named cells, each row with the line it starts on.

Exports put notes above the header (LinkedIn) and older ones lack columns, so the header is
found by its names, not its position, and cells are looked up by column name. A row the csv
module cannot read is kept as a bad row with its line, for the report: no row is lost silently.
Excel in much of Europe separates cells with `;`, and some tools with tabs: the separator is
the one that makes the header line a header (commas first).
"""

from __future__ import annotations

import contextlib
import csv
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

HEADER_SCAN_LINES = 40
DELIMITERS = (",", ";", "\t")  # tried in this order on each line that may be the header
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class Row:
    line: int  # 1-based line of the file where the row starts
    cells: dict[str, str]  # lower-cased column name -> cell text

    def get(self, *columns: str) -> str:
        """The first non-empty cell among `columns` (lower-case names), stripped."""
        for column in columns:
            value = self.cells.get(column, "").strip()
            if value:
                return value
        return ""


@dataclass(frozen=True)
class BadRow:
    line: int  # 1-based line of the file where the row starts
    reason: str  # why it could not be read, in words


@dataclass(frozen=True)
class CsvTable:
    header_line: int
    columns: tuple[str, ...]
    rows: list[Row]
    bad_rows: list[BadRow] = field(default_factory=list)
    delimiter: str = ","


def header_cells(line: str, delimiter: str = ",") -> set[str]:
    """The lower-cased cells of one CSV line."""
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return set()
    return {cell.strip().lower() for cell in cells}


def header_delimiter(line: str, is_header: Callable[[set[str]], bool]) -> str | None:
    """The separator with which `line` is a header that satisfies `is_header`, or None."""
    for delimiter in DELIMITERS:
        if delimiter in line and is_header(header_cells(line, delimiter)):
            return delimiter
    return None


def find_table(text: str, is_header: Callable[[set[str]], bool]) -> CsvTable | None:
    """The table whose header line (within the first lines) satisfies `is_header`."""
    lines = split_lines(text)
    for index, line in enumerate(lines[:HEADER_SCAN_LINES]):
        delimiter = header_delimiter(line, is_header)
        if delimiter is not None:
            return _table(lines, index, delimiter)
    return None


def split_lines(text: str) -> list[str]:
    """Lines with their endings kept (CRLF, CR or LF), as the csv module wants them."""
    lines = _LINES.findall(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _table(lines: list[str], header_index: int, delimiter: str) -> CsvTable:
    body = lines[header_index:]
    with _cells_up_to(sum(map(len, body))):
        reader = csv.reader(body, delimiter=delimiter)
        columns = tuple(cell.strip().lower() for cell in next(reader, []))
        rows: list[Row] = []
        bad: list[BadRow] = []
        start = last = header_index + 2  # the line after the header, 1-based
        while True:
            read = reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:  # report the row, then read on from the next line
                bad.append(BadRow(start, _why(error)))
                if reader.line_num == read:  # nothing was consumed: it would fail forever
                    break
            else:
                last = start
                if any(cell.strip() for cell in cells):
                    rows.append(Row(start, dict(zip(columns, cells, strict=False))))
            start = header_index + reader.line_num + 1
        if rows and rows[-1].line == last and _quote_left_open(lines[last - 1 :], delimiter):
            rows.pop()  # its last cell swallowed every line after it
            bad.append(BadRow(last, _OPEN_QUOTE))
    return CsvTable(header_index + 1, columns, rows, bad, delimiter)


_OPEN_QUOTE = (
    "the row could not be read: a quote in it is never closed, so every line after it would "
    "be one cell (is the file cut short?); it was left out"
)


def _quote_left_open(lines: list[str], delimiter: str) -> bool:
    """Whether the last record (these lines, to the end of the file) ends inside a quote."""
    try:
        for _cells in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


_LIMIT_LOCK = threading.Lock()


@contextlib.contextmanager
def _cells_up_to(length: int) -> Iterator[None]:
    """Let the csv module read cells of up to `length` characters, for one read only.

    Its limit (131,072 by default) is process-wide, so it is raised and put back under a lock;
    the import caps (limits.py) judge a long cell, with the row's line, once it is read.
    """
    with _LIMIT_LOCK:
        before = csv.field_size_limit()
        csv.field_size_limit(max(before, length + 1))
        try:
            yield
        finally:
            csv.field_size_limit(before)


def _why(error: csv.Error) -> str:
    text = str(error)
    if "field limit" in text:
        what = "a cell is longer than netjournal reads"
    else:
        what = f"it is not a CSV row ({text})"
    return f"the row could not be read: {what}; it was left out"


def split_values(cell: str) -> list[str]:
    """Several values in one cell (Google joins them with ' ::: ')."""
    return [part.strip() for part in cell.split(":::") if part.strip()]
