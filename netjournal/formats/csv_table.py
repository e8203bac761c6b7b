"""A CSV export as a header and rows of named cells, each row with the line it starts on.

Exports put notes above the header (LinkedIn) and older ones lack columns, so the header is
found by its names, not its position, and cells are looked up by column name.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

HEADER_SCAN_LINES = 40
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
class CsvTable:
    header_line: int
    columns: tuple[str, ...]
    rows: list[Row]


def header_cells(line: str) -> set[str]:
    """The lower-cased cells of one CSV line."""
    try:
        cells = next(csv.reader([line]), [])
    except csv.Error:
        return set()
    return {cell.strip().lower() for cell in cells}


def find_table(text: str, is_header: Callable[[set[str]], bool]) -> CsvTable | None:
    """The table whose header line (within the first lines) satisfies `is_header`."""
    lines = split_lines(text)
    for index, line in enumerate(lines[:HEADER_SCAN_LINES]):
        if is_header(header_cells(line)):
            return _table(lines, index)
    return None


def split_lines(text: str) -> list[str]:
    """Lines with their endings kept (CRLF, CR or LF), as the csv module wants them."""
    lines = _LINES.findall(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _table(lines: list[str], header_index: int) -> CsvTable:
    reader = csv.reader(lines[header_index:])
    columns = tuple(cell.strip().lower() for cell in next(reader))
    rows: list[Row] = []
    start = header_index + 2  # the line after the header, 1-based
    for cells in _rows(reader):
        if any(cell.strip() for cell in cells):
            rows.append(Row(start, dict(zip(columns, cells, strict=False))))
        start = header_index + reader.line_num + 1
    return CsvTable(header_index + 1, columns, rows)


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error:  # a quote left open at the end of the file: what came before stands
        return


def split_values(cell: str) -> list[str]:
    """Several values in one cell (Google joins them with ' ::: ')."""
    return [part.strip() for part in cell.split(":::") if part.strip()]
