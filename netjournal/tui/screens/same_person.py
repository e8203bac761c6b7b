"""Capture's one-key question: is the name just typed someone already in the journal?"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from netjournal.core.records import Person
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.keys import key_hint


class SamePersonDialog(NetjournalModal[bool | None]):
    """`y` the same person (log the meeting on them), `n` someone new, escape back to typing."""

    BINDINGS = [
        Binding("y", "answer(True)", "Same person", id="same.yes"),
        Binding("n", "answer(False)", "Someone new", id="same.no"),
        Binding("escape", "back", "Back", id="same.back"),
    ]

    def __init__(self, typed: str, known: Person) -> None:
        super().__init__()
        self.typed, self.known = typed, known

    def compose(self) -> ComposeResult:
        where = ", ".join(x for x in (self.known.org, self.known.department, self.known.role) if x)
        question = Content.assemble(
            "'", self.typed, "' looks like ", (self.known.name, "bold"),
            f" ({where})" if where else "", ", already in your network. The same person?",
        )  # fmt: skip
        with Vertical(classes="dialog"):
            yield Static(question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(key_hint(self, "Same: log the meeting on them ({same.yes})",
                                      style=""), id="yes")  # fmt: skip
                yield Button(key_hint(self, "Someone new ({same.no})", style=""), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, same: bool) -> None:
        self.dismiss(same)

    def action_back(self) -> None:
        self.dismiss(None)
