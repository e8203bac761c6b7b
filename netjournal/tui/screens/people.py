"""People (1): the Rolodex, filterable by kind, tag and department."""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input

from netjournal.core.records import Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.tui.detail import person_detail
from netjournal.tui.keys import KeysNow, key_for, key_text
from netjournal.tui.safe_text import safe_for_terminal
from netjournal.tui.screens.area import AreaScreen
from netjournal.tui.widgets.record_table import Column, LazyRows, RecordTable, Row
from netjournal.tui.widgets.typed_input import TypedInput

FILTER_HINT = "Filter: words, kind:customer, tag:logimat, dept:sales ({people.filter})"


class PeopleScreen(AreaScreen):
    AREA = "People"
    COLUMNS = (
        Column("Name", weight=1.2),
        Column("Org / department", weight=1.2),
        Column("Role", weight=1.0),
        Column("Last contact", width=12),
    )
    EMPTY = ("No people yet. Press {people.add} to add someone, {app.capture} to capture the "
             "people you met at an event, or {app.palette} Import... to bring in your contacts "
             "(vCard, LinkedIn, Google).")  # fmt: skip
    BINDINGS = [
        Binding("a", "add", "Add", id="people.add"),
        Binding("e", "edit", "Edit", id="people.edit"),
        Binding("x", "delete", "Delete", id="people.delete"),
        Binding("l", "log", "Log", id="people.log"),
        Binding("t", "timeline", "Timeline", id="people.timeline"),
        Binding("b", "bring_in", "Bring in", id="people.bring_in"),
        Binding("f", "filter", "Filter", id="people.filter"),
        Binding("y", "copy_contact", "Copy email", show=False, id="people.copy"),  # help lists it
        Binding("escape", "clear_filter", "Clear filter", show=False, id="people.clear_filter"),
        # After a merge (Find duplicates): the two people back as they were.
        Binding("u", "take_back_merge", "Take back merge", show=False, id="people.undo"),
    ]

    def compose_top(self) -> ComposeResult:
        yield TypedInput(
            placeholder=key_text(self, FILTER_HINT),
            id="filter",
            compact=True,
        )

    def on_mount(self) -> None:
        super().on_mount()
        # The people come first at start (app.first_look); the rest of the journal follows.
        self.watch(self.app, "first_look", self._snapshot_changed, init=False)

    @property
    def shown_snapshot(self) -> JournalSnapshot | None:
        return self.snapshot or self.nj.first_look

    # The last rows made, for the same journal and filter (ctrl+p's select, a switch back):
    # reused with where each person is, not 10,000 people listed and indexed again.
    _rows_kept: tuple[weakref.ref[JournalSnapshot], str, LazyRows[Person]] | None = None

    def rows(self, snapshot: JournalSnapshot) -> Sequence[Row]:
        text = self.query_one("#filter", Input).value
        kept = self._rows_kept
        if kept is not None and kept[0]() is snapshot and kept[1] == text:
            return kept[2]
        rows = self._made_rows(snapshot, text)
        self._rows_kept = (weakref.ref(snapshot), text, rows)
        return rows

    def _made_rows(self, snapshot: JournalSnapshot, text: str) -> LazyRows[Person]:
        # Folded once per snapshot, made into rows only when drawn: a keystroke stays quick.
        people = snapshot.people_finder.matching(text)
        # Before the interactions are read, the last contact is not known: not "never".
        last = snapshot.last_contact if snapshot.complete else None

        def row(p: Person) -> Row:
            when = "…" if last is None else last[p.id].isoformat() if p.id in last else "never"
            return Row(
                p.id,
                (p.name + (" ◇" if p.is_prospect else ""),
                 " / ".join(x for x in (p.org, p.department) if x), p.role, when),
                dim=p.is_prospect,
            )  # fmt: skip

        return LazyRows(people, row, key=lambda p: p.id)

    def detail(self, snapshot: JournalSnapshot, key: str) -> Content:
        person = snapshot.people.get(key)
        if person is None:
            return Content("")
        if not snapshot.complete:  # talks and plans are not read yet: say so, not "none"
            return Content.assemble((person.name, "bold"), "\n\nReading the rest of the journal…")
        by_tag = self.nj.config.cadence_by_tag
        return person_detail(snapshot, person, self.nj.today(), by_tag, keys=KeysNow(self).key)

    def _loaded(self) -> JournalSnapshot | None:
        """The whole journal; None, said once per key, while only the people are read."""
        if self.snapshot is None and self.nj.first_look is not None:
            self.notify("Still reading the journal: a moment.", markup=False, timeout=2)
        return self.snapshot

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.refresh_rows(from_top=True)  # the best match is the one to act on

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def filter_to(self, text: str) -> None:
        """Show the people that `text` filters to (as if typed in the filter), list focused."""
        self.query_one("#filter", Input).value = safe_for_terminal(text, one_line=True)
        self.table.focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.value:
            filter_input.value = ""
        self.table.focus()

    def action_add(self) -> None:
        if self.snapshot is None and self._loaded() is None and self.nj.first_look is not None:
            return  # the form's "already in the journal?" check needs the whole journal
        from netjournal.tui.screens.person_form import PersonForm

        self.app.push_screen(PersonForm(None), self.select_saved)

    def action_edit(self) -> None:
        snapshot = self._loaded()
        if snapshot and self.selected in snapshot.people:
            from netjournal.tui.screens.person_form import PersonForm

            self.app.push_screen(PersonForm(snapshot.people[self.selected]), self.select_saved)

    def action_log(self) -> None:
        snapshot = self._loaded()
        if snapshot and self.selected in snapshot.people:
            from netjournal.tui.screens.log_form import LogForm

            self.app.push_screen(LogForm(snapshot.people[self.selected]))

    def action_copy_contact(self) -> None:
        """`y`: their email (or phone, or vCard) to the clipboard (tui/screens/copy_contact.py)."""
        snapshot = self.shown_snapshot  # the people are enough: no need to wait for the rest
        if snapshot and self.selected in snapshot.people:
            from netjournal.tui.screens.copy_contact import copy_contact

            copy_contact(self, snapshot.people[self.selected])

    def action_timeline(self) -> None:
        snapshot = self._loaded()
        if snapshot and self.selected in snapshot.people:
            from netjournal.tui.screens.timeline import TimelineScreen

            self.app.push_screen(TimelineScreen(snapshot.people[self.selected]))

    def action_bring_in(self) -> None:
        """One key: plan a bring-in for the selected prospect, via the best introducer."""
        snapshot = self._loaded()
        person = snapshot.people.get(self.selected or "") if snapshot else None
        if snapshot is None or person is None:
            return
        if not person.is_prospect:
            key = key_for(self, "people.bring_in")
            said = f"{person.name} is already in your network; {key} is for prospects."
            self.notify(said, markup=False)
            return
        from netjournal.core.bring_in import plan_bring_in

        plan = plan_bring_in(person, snapshot, self.nj.today())
        self.run_worker(self.nj.add_plan(plan), group="save")

    def on_record_table_opened(self, event: RecordTable.Opened) -> None:
        self.action_timeline()

    def action_take_back_merge(self) -> None:
        self.run_worker(self.nj.take_back_merge(), group="save")

    def action_delete(self) -> None:
        snapshot = self._loaded()
        if not (snapshot and self.selected in snapshot.people):
            return
        person = snapshot.people[self.selected]
        if snapshot.interactions_with(person.id) or snapshot.outreach_for(
            person.id, open_only=False
        ):
            from netjournal.tui.screens.delete_person import DeletePersonDialog

            self.app.push_screen(DeletePersonDialog(person))
            return
        # Nothing else points at them: a plain yes/no is enough.
        from netjournal.tui.screens.confirm import confirm_delete

        confirm_delete(self, person)
