"""One question wherever a person is added (capture, the `a` form): is the name just typed
someone already in the journal? Every person it may be is listed, the best first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from netjournal.core.records import Person
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.keys import key_hint
from netjournal.tui.safe_text import safe_assemble


@dataclass(frozen=True)
class SameAnswer:
    """The answer: `person` is the one meant, or None for someone new."""

    person: Person | None


class SamePersonDialog(NetjournalModal[SameAnswer | None]):
    """`y` (or enter) the highlighted person is the one, `n` someone new, escape back to typing."""

    BINDINGS = [
        Binding("y", "same", "Same person", id="same.yes"),
        Binding("n", "someone_new", "Someone new", id="same.no"),
        Binding("escape", "back", "Back", id="same.back"),
    ]

    def __init__(
        self, typed: str, candidates: Sequence[Person], same_does: str = "log the meeting on them"
    ) -> None:
        super().__init__()
        self.typed, self.candidates, self.same_does = typed, list(candidates), same_does

    def compose(self) -> ComposeResult:
        many = len(self.candidates) > 1
        question = safe_assemble(
            "'", self.typed, "' looks like ",
            f"{len(self.candidates)} people" if many else (self.candidates[0].name, "bold"),
            " already in your network. Is it one of them?" if many
            else ", already in your network. The same person?",
        )  # fmt: skip
        with Vertical(classes="dialog"):
            yield Static(question, classes="dialog-question")
            yield OptionList(*(Option(_told_apart(p), id=p.id) for p in self.candidates),
                             id="same-people", compact=True)  # fmt: skip
            with Horizontal(classes="dialog-buttons"):
                yield Button(key_hint(self, f"Same: {self.same_does} ({{same.yes}})", style=""),
                             id="yes")  # fmt: skip
                yield Button(key_hint(self, "Someone new ({same.no})", style=""), id="no")

    def on_mount(self) -> None:
        people = self.query_one("#same-people", OptionList)
        people.highlighted = 0
        people.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(SameAnswer(self.candidates[event.option_index]))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "yes":
            self.action_same()
        else:
            self.action_someone_new()

    def action_same(self) -> None:
        """The highlighted person (the best match unless another was chosen) is the one."""
        at = self.query_one("#same-people", OptionList).highlighted
        self.dismiss(SameAnswer(self.candidates[at or 0]))

    def action_someone_new(self) -> None:
        self.dismiss(SameAnswer(None))

    def action_back(self) -> None:
        self.dismiss(None)


def _told_apart(person: Person) -> Content:
    """A candidate's line: the name, then where they sit and how to reach them."""
    where = ", ".join(x for x in (person.org, person.department, person.role) if x)
    reach = next(iter(person.email), "") or next(iter(person.phone), "")
    details = " · ".join(x for x in (where, reach) if x)
    return safe_assemble((person.name, "bold"), f"  {details}" if details else "")
