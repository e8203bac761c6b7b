"""What the list areas share: a virtual list on the left, the selected record on the right."""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Sequence
from typing import Any

from textual._context import NoActiveAppError
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from netjournal.core.records import Record
from netjournal.core.snapshot import JournalSnapshot
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.safe_text import safe_content
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.record_table import Column, RecordTable, Row, index_of

LOADING = "Loading the journal…"
NO_MATCH = "Nobody matches the filter; {people.clear_filter} clears it."


def styled_now(screen: Screen[Any]) -> None:
    """Mark a new area screen as styled with the app's current CSS.

    Textual re-reads and re-applies every stylesheet when a mode's screen is first shown, and
    again on its next visit (it marks the screen only once mounted): 0.1-0.2 s a switch. A new
    screen's widgets are styled when mounted, so nothing is missed; a theme change still marks
    every screen out of date (it counts up `_css_update_count`, Textual's private counter).
    """
    with contextlib.suppress(NoActiveAppError):
        screen._css_update_count = screen.app._css_update_count


class AreaScreen(NetjournalScreen[None]):
    """A list of records with a detail pane; subclasses say which rows and what detail."""

    COLUMNS: tuple[Column, ...] = ()
    EMPTY = ""  # said when the list is empty; keys as {binding.id} (see tui/keys.py)
    AREA = ""

    def __init__(self) -> None:
        super().__init__()
        styled_now(self)

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_top()
        with Horizontal(id="area"):
            yield RecordTable(self.COLUMNS, id="list")
            with VerticalScroll(id="detail-pane"):
                yield Static(id="detail", markup=False)
        yield KeyHint(self.EMPTY, id="empty")
        yield KeyFooter()

    def compose_top(self) -> ComposeResult:
        yield from ()

    @property
    def snapshot(self) -> JournalSnapshot | None:
        return self.nj.snapshot

    @property
    def table(self) -> RecordTable:
        return self.query_one("#list", RecordTable)

    # What the rows were last made from: (snapshot, what else they depend on), see drawn_from;
    # weakly, so an area out of sight keeps no old journal in memory.
    _drawn: tuple[weakref.ref[JournalSnapshot], tuple[object, ...]] | None = None
    _detail_shown: tuple[weakref.ref[JournalSnapshot] | None, str | None, tuple[object, ...]] | None
    _detail_shown = None

    def on_mount(self) -> None:
        self.sub_title = self.AREA
        self.watch(self.app, "snapshot", self._snapshot_changed, init=True)
        self.table.focus()

    def on_screen_resume(self) -> None:
        # Back on this area: nothing to rebuild unless what the rows show changed meanwhile.
        snapshot = self.shown_snapshot
        drawn = self._drawn
        if drawn is None or drawn[0]() is not snapshot or drawn[1] != self.drawn_from():
            self.refresh_rows()

    def _snapshot_changed(self, snapshot: JournalSnapshot | None) -> None:
        # An area out of sight redraws when shown again: a save redraws only what is seen.
        if self.is_current or self._drawn is None:
            self.refresh_rows()

    @property
    def shown_snapshot(self) -> JournalSnapshot | None:
        """The journal the list is drawn from (People also lists a first look)."""
        return self.snapshot

    def drawn_from(self) -> tuple[object, ...]:
        """Besides the snapshot, what the rows depend on (the day, a filter, numbers)."""
        return (self.nj.today(), *(box.value for box in self.query("#filter").results(Input)))

    def refresh_rows(self, from_top: bool = False) -> None:
        """Rebuild the rows from the current snapshot (cheap: strings only); `from_top` puts
        the cursor on the first row (a new filter), else it stays on the same record."""
        snapshot = self.shown_snapshot
        if snapshot is None:
            self.query_one("#detail", Static).update(Content(LOADING))
            self.query_one("#empty", KeyHint).display = False  # not "No … yet": not read yet
            self._detail_shown = None
            return
        self._drawn = (weakref.ref(snapshot), self.drawn_from())
        rows = self.rows(snapshot)
        first = next((row.key for row in rows if not row.heading), None)
        self.table.set_rows(rows, keep=first if from_top else None)
        empty = not any(not row.heading for row in rows)
        filtered = any(box.value.strip() for box in self.query("#filter").results(Input))
        message = self.query_one("#empty", KeyHint)
        # A filter that matches nobody is not an empty journal: keep the list and say so.
        message.say(NO_MATCH if filtered else self.EMPTY)
        message.display = empty
        self.query_one("#area").display = not empty or filtered
        self.show_detail(self.table.current_key)

    def rows(self, snapshot: JournalSnapshot) -> Sequence[Row]:
        raise NotImplementedError

    def detail(self, snapshot: JournalSnapshot, key: str) -> Content:
        raise NotImplementedError

    def detail_depends(self) -> tuple[object, ...]:
        """Besides the snapshot and the record, what the detail pane depends on."""
        return (self.nj.today(),)

    def show_detail(self, key: str | None) -> None:
        snapshot = self.shown_snapshot
        # The same record of the same journal (a filter keystroke that keeps the top match,
        # the cursor set twice): the pane stands, no new layout.
        shown = (weakref.ref(snapshot) if snapshot else None, key, self.detail_depends())
        last = self._detail_shown
        if last is not None and last[1:] == shown[1:] and (last[0] and last[0]()) is snapshot:
            return
        self._detail_shown = shown
        self.draw_detail(snapshot, key)

    def draw_detail(self, snapshot: JournalSnapshot | None, key: str | None) -> None:
        widget = self.query_one("#detail", Static)
        if snapshot is None or key is None:
            widget.update(Content(LOADING if snapshot is None else ""))
            return
        widget.update(safe_content(self.detail(snapshot, key)))  # whatever built the detail

    def on_record_table_highlighted(self, event: RecordTable.Highlighted) -> None:
        self.show_detail(event.key)

    def select(self, key: str) -> None:
        """Put the cursor on `key`, clearing a filter that hides it."""
        snapshot = self.snapshot
        if snapshot is None:
            return
        rows = self.rows(snapshot)
        if index_of(rows, key) is None:
            for box in self.query("#filter").results(Input):
                box.value = ""
            rows = self.rows(snapshot)
        self._drawn = (weakref.ref(snapshot), self.drawn_from())
        self.table.set_rows(rows, keep=key)
        self.show_detail(key)
        self.table.focus()

    def select_saved(self, record: object) -> None:
        """After a form saved a record, put the cursor on it."""
        if isinstance(record, Record):
            self.call_after_refresh(self.select, record.id)

    @property
    def selected(self) -> str | None:
        return self.table.current_key
