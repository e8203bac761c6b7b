"""Journal (2): learnings, newest first, with the body rendered as Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Markdown, Static

from netjournal.core.records import Learning
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.words import count_of
from netjournal.tui.detail import learning_header, preview
from netjournal.tui.keys import KeysNow
from netjournal.tui.safe_text import safe_for_terminal
from netjournal.tui.screens.area import AreaScreen
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.record_table import Column, LazyRows, RecordTable, Row


class JournalScreen(AreaScreen):
    AREA = "Journal"
    COLUMNS = (
        Column("Date", width=10),
        Column("Title", weight=3.0),  # titles are long and say the most
        Column("Source", weight=1.0),
        Column("Event", weight=0.7),
        Column("Tags", weight=0.6),
    )
    EMPTY = ("No learnings yet. Press {journal.add} to write down what you learnt at a trade show, "
             "in a book or a podcast.")  # fmt: skip
    BINDINGS = [
        Binding("a", "add", "Add", id="journal.add"),
        Binding("e", "edit", "Edit", id="journal.edit"),
        Binding("x", "delete", "Delete", id="journal.delete"),
        Binding("s", "share", "Share", id="journal.share"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="area"):
            yield RecordTable(self.COLUMNS, id="list")
            with VerticalScroll(id="detail-pane"):
                yield Static(id="detail", markup=False)
                yield Markdown(id="body")
        yield KeyHint(self.EMPTY, id="empty")
        yield KeyFooter()

    def rows(self, snapshot: JournalSnapshot) -> Sequence[Row]:
        # Sorted once per snapshot (in a worker), rows made when drawn: 40,000 cost nothing.
        def row(x: Learning) -> Row:
            return Row(x.id, (x.date.isoformat(), x.title, x.source or x.source_kind, x.event,
                              ", ".join(x.tags)))  # fmt: skip

        return LazyRows(snapshot.learnings_newest_first, row, key=lambda x: x.id)

    def detail(self, snapshot: JournalSnapshot, key: str) -> Content:
        learning = snapshot.learnings.get(key)
        return learning_header(snapshot, learning, KeysNow(self).key) if learning else Content("")

    def draw_detail(self, snapshot: JournalSnapshot | None, key: str | None) -> None:
        super().draw_detail(snapshot, key)
        learning = snapshot.learnings.get(key) if snapshot and key else None
        # Markdown renders the body's own formatting; it never interprets Textual markup, but
        # passes escape sequences to the terminal: the body is made safe first.
        self.query_one("#body", Markdown).update(
            safe_for_terminal(preview(learning.body)) if learning else ""
        )

    def on_record_table_opened(self, event: RecordTable.Opened) -> None:
        # Enter reads the learning: the detail pane takes the keys (arrows scroll, escape back).
        self.query_one("#detail-pane").focus()

    def key_escape(self) -> None:
        if not self.table.has_focus:
            self.table.focus()

    def action_share(self) -> None:
        snapshot = self.snapshot
        if snapshot and self.selected in snapshot.learnings:
            from netjournal.tui.screens.share import ShareScreen

            self.app.push_screen(ShareScreen(snapshot.learnings[self.selected]))

    def action_add(self) -> None:
        from netjournal.tui.screens.learning_form import LearningForm

        self.app.push_screen(LearningForm(None), self.select_saved)

    def action_edit(self) -> None:
        snapshot = self.snapshot
        if snapshot and self.selected in snapshot.learnings:
            from netjournal.tui.screens.learning_form import LearningForm

            self.app.push_screen(LearningForm(snapshot.learnings[self.selected]), self.select_saved)

    def action_delete(self) -> None:
        snapshot = self.snapshot
        if not (snapshot and self.selected in snapshot.learnings):
            return
        from netjournal.core.removal import delete_learning, learning_references
        from netjournal.tui.screens.confirm import ConfirmDialog

        learning = snapshot.learnings[self.selected]
        talks, plans = learning_references(
            snapshot.interactions.values(), snapshot.outreach.values(), learning.id
        )
        question = f"Delete '{learning.title}'?"
        if talks or plans:
            question += (
                f" {count_of(talks, 'interaction')} mention it (they stay, without it) and "
                f"{count_of(plans, 'planned share')} of it will be deleted."
            )

        async def delete() -> None:
            removal = await self.nj.save(lambda store: delete_learning(store, learning))
            if removal is not None:
                self.notify(removal.describe(), markup=False)

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_worker(delete(), group="save")

        self.app.push_screen(ConfirmDialog(question, "Delete", "Keep"), answered)
