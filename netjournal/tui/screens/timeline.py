"""`t` on a person: their interactions as a list, to open, edit (`e`) or delete (`x`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from netjournal.core.records import Interaction, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.detail import lines, preview
from netjournal.tui.keys import key_hint
from netjournal.tui.safe_text import safe_assemble, safe_for_terminal
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.record_table import Column, RecordTable, Row


class TimelineScreen(NetjournalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Back", id="timeline.close"),
        Binding("l", "log", "Log", id="timeline.log"),
        Binding("e", "edit", "Edit", id="timeline.edit"),
        Binding("x", "delete", "Delete", id="timeline.delete"),
    ]

    def __init__(self, person: Person, interaction_id: str | None = None) -> None:
        super().__init__()
        self.person = person
        self.interaction_id = interaction_id  # where the cursor starts (from search)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="area"):
            yield RecordTable(
                (Column("Date", width=10), Column("Channel", width=8), Column("Summary", weight=2.0),
                 Column("Event", weight=0.8)),
                id="list",
            )  # fmt: skip
            with VerticalScroll(id="detail-pane"):
                yield Static(id="detail", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = safe_for_terminal(f"Timeline of {self.person.name}", one_line=True)
        self.watch(self.app, "snapshot", self._refresh, init=True)
        self.query_one("#list", RecordTable).focus()

    def _refresh(self, snapshot: JournalSnapshot | None) -> None:
        if snapshot is None:
            return
        table = self.query_one("#list", RecordTable)
        table.set_rows(
            [
                Row(i.id, (i.date.isoformat(), i.channel, i.summary, i.event))
                for i in snapshot.interactions_with(self.person.id)
            ],
            keep=self.interaction_id,
        )
        self.interaction_id = None
        self._show(table.current_key)

    def on_record_table_opened(self, event: RecordTable.Opened) -> None:
        self.action_edit()

    def on_record_table_highlighted(self, event: RecordTable.Highlighted) -> None:
        self._show(event.key)

    def _show(self, key: str | None) -> None:
        snapshot = self.nj.snapshot
        interaction = snapshot.interactions.get(key or "") if snapshot else None
        detail = self.query_one("#detail", Static)
        if interaction is None or snapshot is None:
            detail.update(key_hint(self, "Nothing logged yet: press {timeline.log} to log an "
                                         "interaction."))  # fmt: skip
            return
        shared = [
            snapshot.learnings[x].title for x in interaction.learning_ids if x in snapshot.learnings
        ]
        parts: list[Content | str] = [
            safe_assemble((interaction.summary, "bold")),
            f"{interaction.date.isoformat()} · {interaction.channel}"
            + (f" · {interaction.event}" if interaction.event else ""),
            "With: " + snapshot.names(interaction.person_ids),
        ]
        if shared:
            parts.append("Shared: " + "; ".join(shared))
        if interaction.notes:
            parts += ["", preview(interaction.notes)]
        detail.update(lines(parts))

    def _selected(self) -> Interaction | None:
        snapshot = self.nj.snapshot
        key = self.query_one("#list", RecordTable).current_key
        return snapshot.interactions.get(key or "") if snapshot else None

    def action_log(self) -> None:
        from netjournal.tui.screens.log_form import LogForm

        self.app.push_screen(LogForm(self.person))

    def action_edit(self) -> None:
        interaction = self._selected()
        if interaction is not None:
            from netjournal.tui.screens.log_form import LogForm

            self.app.push_screen(LogForm(self.person, interaction))

    def action_delete(self) -> None:
        interaction = self._selected()
        if interaction is not None:
            from netjournal.tui.screens.confirm import confirm_delete

            confirm_delete(self, interaction)

    def action_close(self) -> None:
        self.dismiss(None)
