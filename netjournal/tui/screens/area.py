"""What the list areas share: a virtual list on the left, the selected record on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Input, Static

from netjournal.core.records import Record
from netjournal.core.snapshot import JournalSnapshot
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.safe_text import safe_content
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.record_table import Column, RecordTable, Row

NO_MATCH = "Nobody matches the filter; {people.clear_filter} clears it."


class AreaScreen(NetjournalScreen[None]):
    """A list of records with a detail pane; subclasses say which rows and what detail."""

    COLUMNS: tuple[Column, ...] = ()
    EMPTY = ""  # said when the list is empty; keys as {binding.id} (see tui/keys.py)
    AREA = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_top()
        with Horizontal(id="area"):
            yield RecordTable(self.COLUMNS, id="list")
            with VerticalScroll(id="detail-pane"):
                yield Static(id="detail", markup=False)
        yield KeyHint(self.EMPTY, id="empty")
        yield Footer()

    def compose_top(self) -> ComposeResult:
        yield from ()

    @property
    def snapshot(self) -> JournalSnapshot | None:
        return self.nj.snapshot

    @property
    def table(self) -> RecordTable:
        return self.query_one("#list", RecordTable)

    def on_mount(self) -> None:
        self.sub_title = self.AREA
        self.watch(self.app, "snapshot", self._snapshot_changed, init=True)
        self.table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def _snapshot_changed(self, snapshot: JournalSnapshot | None) -> None:
        self.refresh_rows()

    def refresh_rows(self, from_top: bool = False) -> None:
        """Rebuild the rows from the current snapshot (cheap: strings only); `from_top` puts
        the cursor on the first row (a new filter), else it stays on the same record."""
        snapshot = self.snapshot
        if snapshot is None:
            self.query_one("#detail", Static).update(Content("Loading the journal…"))
            return
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

    def rows(self, snapshot: JournalSnapshot) -> list[Row]:
        raise NotImplementedError

    def detail(self, snapshot: JournalSnapshot, key: str) -> Content:
        raise NotImplementedError

    def show_detail(self, key: str | None) -> None:
        snapshot = self.snapshot
        widget = self.query_one("#detail", Static)
        if snapshot is None or key is None:
            widget.update(Content(""))
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
        if all(row.key != key for row in rows):
            for box in self.query("#filter").results(Input):
                box.value = ""
            rows = self.rows(snapshot)
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
