"""Yes/no questions, and the confirmation before anything is deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from netjournal.core.records import Outreach, Record
from netjournal.tui.contract import NetjournalModal, NetjournalScreen
from netjournal.tui.keys import key_hint
from netjournal.tui.safe_text import safe_content

if TYPE_CHECKING:
    from netjournal.core.store import Store


class ConfirmDialog(NetjournalModal[bool]):
    """`y` or enter on the first button says yes; `n` or escape says no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(safe_content(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(self.yes) + key_hint(self, " ({confirm.yes})", style=""),
                             id="yes", variant="error")  # fmt: skip
                yield Button(Content(self.no) + key_hint(self, " ({confirm.no})", style=""),
                             id="no")  # fmt: skip

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def confirm_delete(screen: NetjournalScreen[Any], record: Record) -> None:
    """Ask, then delete `record` (not for people: they have their own dialog)."""

    async def delete() -> None:
        def change(store: Store) -> bool:
            store.delete(record)
            return True

        if await screen.nj.save(change):
            screen.app.notify(f"Deleted '{record.label}'.", markup=False)

    def answered(yes: bool | None) -> None:
        if yes:
            screen.run_worker(delete(), group="save")

    screen.app.push_screen(ConfirmDialog(f"Delete '{record.label}'?", "Delete", "Keep"), answered)


def drop_outreach(
    screen: NetjournalScreen[Any], outreach: Outreach, dropped: Callable[[], None] | None = None
) -> None:
    """Ask, then drop `outreach`: no longer planned, but kept in the journal."""
    app, nj = screen.app, screen.nj

    async def save() -> None:
        from netjournal.core.outreach_actions import drop

        if await nj.save(lambda store: drop(store, outreach)):
            app.notify(f"Dropped: {outreach.title}", markup=False)
            if dropped is not None:
                dropped()

    def answered(yes: bool | None) -> None:
        if yes:
            screen.run_worker(save(), group="save")

    question = f"Drop “{outreach.title}”? It stays in the journal as dropped, no longer planned."
    app.push_screen(ConfirmDialog(question, "Drop", "Keep"), answered)
