"""`x` on a person: what should happen to their interactions and outreach?"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from netjournal.core.records import Person
from netjournal.core.removal import delete_person
from netjournal.core.words import count_of
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.keys import KeysNow, key_hint
from netjournal.tui.safe_text import safe_assemble


class DeletePersonDialog(NetjournalModal[None]):
    """k: delete and keep their history; d: delete with their history; escape: cancel."""

    BINDINGS = [
        Binding("k", "delete(True)", "Delete, keep history", id="delete.keep"),
        Binding("d", "delete(False)", "Delete with history", id="delete.all"),
        Binding("escape,n", "cancel", "Cancel", id="delete.cancel"),
    ]

    def __init__(self, person: Person) -> None:
        super().__init__()
        self.person = person
        self._deleting = False

    def compose(self) -> ComposeResult:
        app = self.nj
        snapshot = app.snapshot
        talks = len(snapshot.interactions_with(self.person.id)) if snapshot else 0
        plans = len(snapshot.outreach_for(self.person.id, open_only=False)) if snapshot else 0
        with Vertical(classes="dialog"):
            yield Static(safe_assemble("Delete ", (self.person.name, "bold"), "?"))
            history = f"{count_of(talks, 'interaction')} and {count_of(plans, 'outreach item')}"
            yield Static(Content(f"They are in {history}. ") + key_hint(self,
                "{delete.keep} keeps those records, with this person's name taken out; "
                "{delete.all} also deletes the ones that were with this person alone.", style="",
            ))  # fmt: skip
            keys = KeysNow(self)
            with Horizontal(classes="dialog-buttons"):
                yield Button(keys.content("Delete, keep history ({delete.keep})", style=""),
                             id="keep", variant="warning")  # fmt: skip
                yield Button(keys.content("Delete with history ({delete.all})", style=""),
                             id="all", variant="error")  # fmt: skip
                yield Button(keys.content("Cancel ({delete.cancel})", style=""), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self.action_delete(event.button.id == "keep")

    def action_delete(self, keep: bool) -> None:
        if self._deleting:  # a second key press during the save
            return
        self._deleting = True
        self.run_worker(self._delete(keep), group="save")

    async def _delete(self, keep: bool) -> None:
        app = self.nj
        try:
            removal = await app.save(
                lambda store: delete_person(store, self.person, keep_history=keep)
            )
        finally:
            self._deleting = False
        if removal is not None:
            self.notify(removal.describe(), markup=False)
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
