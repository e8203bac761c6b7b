"""A list of records that costs the same per frame at 40 rows or 100,000.

It renders only the visible lines (Textual's Line API), so filling it is a list assignment,
not thousands of widgets or DataTable rows. Cells are plain strings rendered as `Content`,
never parsed as markup, and made safe for the terminal on every draw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, overload

from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle

from netjournal.tui.safe_text import safe_content

STRIPS_KEPT = 400  # lines drawn, kept for redrawing (about ten screens of rows)
MIN_WIDTH = 8  # narrower than this, a column's text is unreadable: leave the column out
T = TypeVar("T")


@dataclass(frozen=True)
class Column:
    """A column: its heading, and its share of the width (fixed cells, or a weight if < 1)."""

    heading: str
    width: int = 0
    weight: float = 1.0


@dataclass(frozen=True)
class Row:
    """One line of the table: the record it stands for and its cells as plain text."""

    key: str
    cells: tuple[str | Content, ...]  # strings are plain text; Content carries highlights
    dim: bool = False
    heading: bool = False  # a group heading ("Overdue"): not selectable


class LazyRows(Sequence[Row], Generic[T]):
    """Rows made from records when first drawn: listing 40,000 learnings costs the lines on
    screen, not 40,000 Rows. `records` are in the order shown; `key` is a record's row key."""

    def __init__(
        self, records: Sequence[T], make: Callable[[T], Row], key: Callable[[T], str]
    ) -> None:
        self.records = records
        self._make = make
        self._key = key
        self._made: dict[int, Row] = {}
        self._where: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.records)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self.records)
        row = self._made.get(index)
        if row is None:
            row = self._made[index] = self._make(self.records[index])  # IndexError ends loops
        return row

    def __eq__(self, other: object) -> bool:  # as a list of the same rows would compare
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def index_of(self, key: str | None) -> int | None:
        """Where the row of `key` is, without making every row."""
        if key is None:
            return None
        if self.records and self._key(self.records[0]) == key:  # a new filter keeps the top
            return 0
        if self._where is None:
            self._where = {self._key(record): i for i, record in enumerate(self.records)}
        return self._where.get(key)


def index_of(rows: Sequence[Row], key: str | None) -> int | None:
    """Where the row of `key` is in `rows` (None if it is not there)."""
    if isinstance(rows, LazyRows):
        return rows.index_of(key)
    return next((i for i, row in enumerate(rows) if row.key == key), None)


class RecordTable(ScrollView, can_focus=True):
    """A virtual, keyboard-driven table of records."""

    # The letters have ids of their own: remapping j in config.toml leaves the arrows alone.
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False, id="list.arrow_up"),
        Binding("k", "cursor(-1)", "Up", show=False, id="list.up"),
        Binding("down", "cursor(1)", "Down", show=False, id="list.arrow_down"),
        Binding("j", "cursor(1)", "Down", show=False, id="list.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("home", "jump(0)", "First", show=False, id="list.home"),
        Binding("g", "jump(0)", "First", show=False, id="list.first"),
        Binding("end", "jump(-1)", "Last", show=False, id="list.end"),
        Binding("G", "jump(-1)", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Open", show=False, id="list.open"),
    ]
    COMPONENT_CLASSES = {
        "record-table--header",
        "record-table--cursor",
        "record-table--dim",
        "record-table--heading",
    }
    DEFAULT_CSS = """
    RecordTable { height: 1fr; overflow-x: hidden; }
    RecordTable > .record-table--header { text-style: bold; color: $text-muted; }
    RecordTable > .record-table--cursor { background: $block-cursor-blurred-background; }
    RecordTable:focus > .record-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    RecordTable > .record-table--dim { color: $text-muted; }
    RecordTable > .record-table--heading { text-style: bold; color: $accent; }
    """

    cursor = reactive(0, always_update=True)

    class Highlighted(Message):
        """The cursor moved to the row of `key` (None when the table is empty)."""

        def __init__(self, table: RecordTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

    class Opened(Message):
        """`enter` on the row of `key`."""

        def __init__(self, table: RecordTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = tuple(columns)
        self.rows: Sequence[Row] = []
        self._sized = Size(0, 0)  # the size of the last Resize handled
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(STRIPS_KEPT)

    @property
    def current_key(self) -> str | None:
        if 0 <= self.cursor < len(self.rows) and not self.rows[self.cursor].heading:
            return self.rows[self.cursor].key
        return None

    def set_rows(self, rows: Sequence[Row], keep: str | None = None) -> None:
        """Replace the rows, keeping the cursor on `keep` (or the current record) if present."""
        keep = keep or self.current_key
        self.rows = rows if isinstance(rows, LazyRows) else list(rows)
        index = index_of(self.rows, keep)
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self.cursor = self._selectable(
            index if index is not None else min(self.cursor, len(self.rows) - 1), 1
        )
        self.refresh()

    def _selectable(self, index: int, step: int) -> int:
        if not self.rows:
            return 0
        index = max(0, min(index, len(self.rows) - 1))
        probe = index
        while 0 <= probe < len(self.rows) and self.rows[probe].heading:
            probe += step
        if not 0 <= probe < len(self.rows):
            probe = index
            while 0 <= probe < len(self.rows) and self.rows[probe].heading:
                probe -= step
        return max(0, min(probe, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        if self.rows:
            self.scroll_to_region(Region(0, new + 1, 1, 1), animate=False, force=True,
                                  top=False)  # fmt: skip
            self._ensure_header_clear(new)
        self.post_message(self.Highlighted(self, self.current_key))

    def _ensure_header_clear(self, row: int) -> None:
        # The header occupies the first visible line: keep the cursor row below it.
        if row + 1 - self.scroll_offset.y < 1:
            self.scroll_to(y=row, animate=False)

    def action_cursor(self, step: int) -> None:
        self.cursor = self._selectable(self.cursor + step, step)

    def action_page(self, direction: int) -> None:
        step = max(1, self.size.height - 2) * direction
        self.cursor = self._selectable(self.cursor + step, direction)

    def action_jump(self, where: int) -> None:
        self.cursor = self._selectable(
            len(self.rows) - 1 if where < 0 else 0, 1 if where >= 0 else -1
        )

    def action_open(self) -> None:
        if self.current_key is not None:
            self.post_message(self.Opened(self, self.current_key))

    def on_click(self, event) -> None:  # type: ignore[no-untyped-def]
        row = event.y + self.scroll_offset.y - 1
        if 0 <= row < len(self.rows) and not self.rows[row].heading:
            if row == self.cursor and event.chain >= 2:
                self.action_open()
            self.cursor = row

    def on_resize(self) -> None:
        # A screen shown again sends a Resize of the same size: nothing to move (no repaint).
        if self.size == self._sized:
            return
        self._sized = self.size
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        # After a resize the cursor's row must still be on screen.
        if self.rows:
            self.scroll_to_region(Region(0, self.cursor + 1, 1, 1), animate=False, force=True)
            self._ensure_header_clear(self.cursor)

    def widths(self, total: int) -> list[int]:
        """Each column's width in cells for a table `total` cells wide.

        When the terminal is too narrow for every column to be readable, columns are left out
        from the right (width 0) rather than cutting every one to a few letters.
        """
        shown = list(self.columns)
        while True:
            gaps = 2 * (len(shown) - 1)
            fixed = sum(column.width for column in shown)
            weights = sum(column.weight for column in shown if not column.width) or 1
            free = max(0, total - gaps - fixed)
            widths = [column.width or int(free * column.weight / weights) for column in shown]
            too_narrow = any(
                w < MIN_WIDTH for w, c in zip(widths, shown, strict=True) if not c.width
            )
            if not too_narrow or len(shown) <= 2:
                return widths + [0] * (len(self.columns) - len(shown))
            shown.pop()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            cells = tuple(column.heading for column in self.columns)
            return self._strip(cells, width, "record-table--header")
        index = self.scroll_offset.y + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        if row.heading:
            return self._strip((row.cells[0],), width, "record-table--heading", span=True)
        part = (
            "record-table--cursor"
            if index == self.cursor
            else ("record-table--dim" if row.dim else "")
        )
        return self._strip(row.cells, width, part)

    def _strip(
        self, cells: tuple[str | Content, ...], width: int, part: str, span: bool = False
    ) -> Strip:
        # A line drawn before looks the same: a filter keystroke or a switch back redraws
        # mostly the people it drew last time (its style key changes with focus and theme).
        style = self.get_visual_style(part) if part else self.get_visual_style()
        key = (tuple(map(_cell_key, cells)), width, style, span)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._make_strip(cells, width, style, span)
        return strip

    def _make_strip(
        self, cells: tuple[str | Content, ...], width: int, style: VisualStyle, span: bool
    ) -> Strip:
        if span:
            content = _as_content(cells[0]).truncate(width, ellipsis=True)
        else:
            pieces = [
                _as_content(cell).truncate(cell_width, ellipsis=True, pad=True)
                for cell, cell_width in zip(cells, self.widths(width), strict=False)
                if cell_width
            ]
            content = Content("  ").join(pieces)
        content = content.pad_right(max(0, width - content.cell_length))
        strip = Strip(content.render_segments(style), content.cell_length)
        return strip.crop_extend(0, width, style.rich_style)


def _cell_key(cell: str | Content) -> object:
    """A cell as the strip cache tells it apart: Content compares by its text alone, so its
    highlights are part of the key (or a row drawn for "vogel" keeps "Vogel" underlined)."""
    return (cell.plain, tuple(cell.spans)) if isinstance(cell, Content) else cell


def _as_content(cell: str | Content) -> Content:
    """A cell as one line of Content (a string is plain text, never markup), safe for the
    terminal: a record edited by hand may hold escape sequences."""
    return safe_content(cell, one_line=True)
