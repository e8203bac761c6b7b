"""`y` on a person: their email (or phone) to the clipboard, or their vCard; a small menu
when there is more than one to choose from. A toast says what was copied."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netjournal.core.records import Person
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.keys import KeysNow
from netjournal.tui.safe_text import safe_assemble


@dataclass(frozen=True)
class Copyable:
    """One thing `y` can copy: what it is ("email", "phone", "vCard") and its text ("" for the
    vCard, which is written when chosen)."""

    what: str
    text: str = ""


def copyables(person: Person) -> list[Copyable]:
    """What `y` offers for `person`: each email, each phone number, then the whole vCard."""
    return [*(Copyable("email", e) for e in person.email),
            *(Copyable("phone", p) for p in person.phone), Copyable("vCard")]  # fmt: skip


def copy_contact(screen: Screen[Any], person: Person) -> None:
    """Copy the one email or phone `person` has; with several (or none), ask which (or copy
    the vCard)."""
    choices = copyables(person)
    if len(choices) <= 2:  # one way to reach them (and the vCard), or only the vCard
        copy_chosen(screen, person, choices[0])
        return
    screen.app.push_screen(
        CopyContactDialog(person, choices),
        lambda chosen: copy_chosen(screen, person, chosen) if chosen else None,
    )


def copy_chosen(screen: Screen[Any], person: Person, chosen: Copyable) -> None:
    if chosen.what != "vCard":
        screen.app.copy_to_clipboard(chosen.text)
        screen.notify(f"Copied {person.name}'s {chosen.what}: {chosen.text}", markup=False)
        return
    screen.run_worker(_copy_vcard(screen, person), group="copy")


async def _copy_vcard(screen: Screen[Any], person: Person) -> None:
    # The vCard writer (vobject) takes ~90 ms to import the first time: not on the event loop.
    from netjournal.formats.vcard_export import vcard

    card = await asyncio.to_thread(vcard, person)
    screen.app.copy_to_clipboard(card)
    screen.notify(f"Copied {person.name}'s vCard (paste it into an address book).", markup=False)


class CopyContactDialog(NetjournalModal[Copyable | None]):
    """Which of a person's emails, phone numbers or vCard to copy: enter copies, escape not."""

    DEFAULT_CSS = """
    CopyContactDialog { align: center middle; }
    CopyContactDialog OptionList { height: auto; max-height: 12; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="copy.cancel")]

    def __init__(self, person: Person, choices: Sequence[Copyable]) -> None:
        super().__init__()
        self.person, self.choices = person, list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(safe_assemble("Copy what of ", (self.person.name, "bold"), "?"))
            yield OptionList(
                *(Option(safe_assemble((c.what, "bold"), f"  {c.text}" if c.text else
                                       "  name, org, emails, phones, links, notes"))
                  for c in self.choices),
                id="copy-choices", compact=True,
            )  # fmt: skip
            yield Static(
                KeysNow(self).content("Enter copies; {copy.cancel} copies nothing."),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        choices = self.query_one("#copy-choices", OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
