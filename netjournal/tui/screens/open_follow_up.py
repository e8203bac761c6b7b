"""Capture's question when the person met already has an open follow-up: add to it, or plan
a second one? One plan per promise keeps the review from asking twice."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from netjournal.core.records import Outreach, Person
from netjournal.core.standing import due_words
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.keys import key_hint
from netjournal.tui.safe_text import safe_assemble


class OpenFollowUpDialog(NetjournalModal[bool | None]):
    """`y` add the note to the open follow-up, `n` plan a second one, escape back to typing."""

    BINDINGS = [
        Binding("y", "answer(True)", "Add to it", id="follow_up.add"),
        Binding("n", "answer(False)", "Plan another", id="follow_up.another"),
        Binding("escape", "back", "Back", id="follow_up.back"),
    ]

    def __init__(self, person: Person, plan: Outreach, day: date) -> None:
        super().__init__()
        self.person, self.plan, self.day = person, plan, day

    def compose(self) -> ComposeResult:
        question = safe_assemble(
            (self.person.name, "bold"), " already has an open follow-up: “", self.plan.title,
            f"”, {due_words(self.plan, self.day)}. Add this note to it?",
        )  # fmt: skip
        with Vertical(classes="dialog"):
            yield Static(question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(key_hint(self, "Add to it ({follow_up.add})", style=""), id="add")
                yield Button(key_hint(self, "Plan another ({follow_up.another})", style=""),
                             id="another")  # fmt: skip

    def on_mount(self) -> None:
        self.query_one("#add", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "add")

    def action_answer(self, add: bool) -> None:
        self.dismiss(add)

    def action_back(self) -> None:
        self.dismiss(None)
