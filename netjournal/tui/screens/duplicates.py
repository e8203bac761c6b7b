"""Find duplicates (the palette): people who are likely one person twice, best first, and why.

`enter` opens the pair side by side to merge (`MergeScreen`), `u` takes the last merge back,
`escape` goes back. The pairs are worked out off the event loop (core/duplicates.py), once per
snapshot of the journal.
"""

from __future__ import annotations

import asyncio

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from netjournal.core.duplicates import DuplicatePair, duplicates_in
from netjournal.core.records import Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.words import count_of
from netjournal.tui.detail import Line, field, heading, lines
from netjournal.tui.keys import key_text
from netjournal.tui.screens.area import AreaScreen
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.record_table import Column, RecordTable, Row

LOADING = "loading"


class DuplicatesScreen(AreaScreen):
    AREA = "Duplicates"
    COLUMNS = (Column("Keep", weight=1.0), Column("Merge in", weight=1.0),
               Column("Why", weight=1.6))  # fmt: skip
    EMPTY = ("No likely duplicates: nobody shares an email, a phone number, or a name at one "
             "org. {duplicates.close} goes back.")  # fmt: skip
    BINDINGS = [
        Binding("u", "take_back", "Take back merge", id="duplicates.undo"),
        Binding("escape", "close", "Back", id="duplicates.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pairs: dict[str, DuplicatePair] = {}
        self._for: JournalSnapshot | None = None  # the snapshot the pairs were found in

    def compose_top(self) -> ComposeResult:
        yield KeyHint("{list.open} shows a pair side by side to merge · {duplicates.undo} takes "
                      "the last merge back · {duplicates.close} goes back",
                      id="duplicates-keys")  # fmt: skip

    def refresh_rows(self, from_top: bool = False) -> None:
        snapshot = self.snapshot
        if snapshot is not None and snapshot is not self._for:
            self._find(snapshot)
        super().refresh_rows(from_top)

    # A description, or Textual would repr() the snapshot to name the worker.
    @work(exclusive=True, group="duplicates", description="find duplicates")
    async def _find(self, snapshot: JournalSnapshot) -> None:
        found = await asyncio.to_thread(duplicates_in, snapshot)
        if snapshot is not self.snapshot:
            return  # a newer save is being looked at
        self.pairs = {pair.key: pair for pair in found}
        self._for = snapshot
        super().refresh_rows()

    def rows(self, snapshot: JournalSnapshot) -> list[Row]:
        if self._for is not snapshot:
            return [Row(LOADING, ("Looking for duplicates…", "", ""), dim=True)]
        return [
            Row(pair.key, (_who(pair.keep), _who(pair.other), pair.why()))
            for pair in self.pairs.values()
        ]

    def detail(self, snapshot: JournalSnapshot, key: str) -> Content:
        pair = self.pairs.get(key)
        if pair is None:
            return Content("")
        parts: list[Line] = [field("Why", pair.why())]
        for title, person in (("Keep (added first)", pair.keep), ("Merge in", pair.other)):
            parts.append(heading(title))
            parts.extend(_person_lines(snapshot, person))
        parts.append(heading(key_text(self, "{list.open} compares them field by field")))
        return lines(parts)

    def on_record_table_opened(self, event: RecordTable.Opened) -> None:
        pair = self.pairs.get(event.key)
        if pair is None:
            return
        from netjournal.tui.screens.merge import MergeScreen

        self.app.push_screen(MergeScreen(pair.keep.id, pair.other.id))

    def action_take_back(self) -> None:
        self.run_worker(self.nj.take_back_merge(), group="save")

    def action_close(self) -> None:
        self.dismiss(None)


def _who(person: Person) -> str:
    return f"{person.name} · {person.org}" if person.org else person.name


def _person_lines(snapshot: JournalSnapshot, person: Person) -> list[Line]:
    """What tells two records of one person apart: where, how to reach, how much history."""
    where = " / ".join(x for x in (person.org, person.department, person.role) if x)
    talks = snapshot.interactions_with(person.id)
    plans = snapshot.outreach_for(person.id, open_only=False)
    last = talks[0].date.isoformat() if talks else "never"
    history = f"{count_of(len(talks), 'interaction')}, last {last}; {count_of(len(plans), 'plan')}"
    return [
        (person.name, "bold"),
        field("Where", where or "(no org)"),
        field("Email", ", ".join(person.email) or "(none)"),
        field("Phone", ", ".join(person.phone) or "(none)"),
        field("History", history),
        field("Added", f"{person.created[:10]} ({person.id})"),
    ]
