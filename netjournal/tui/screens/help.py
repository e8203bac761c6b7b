"""`?`: every key of the screen you came from, and the app's own, as bound now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from netjournal.tui.contract import NetjournalModal
from netjournal.tui.keys import PALETTE, KeysNow, actions_now
from netjournal.tui.screens.form import FormScreen
from netjournal.tui.widgets.record_table import RecordTable


class HelpScreen(NetjournalModal[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help.close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        rows: list[Content] = [
            Content.assemble((f"Keys: {self.under.sub_title or 'netjournal'}", "bold")),
            Content(""),
        ]
        # The screen underneath keeps its focus: its bindings active now, remapped keys shown.
        for entry in actions_now(self.under):
            rows.append(Content.assemble((f"{', '.join(entry.keys):<18}", "bold $accent"),
                                         entry.description))  # fmt: skip
        keys = KeysNow(self.under, also=(RecordTable, FormScreen))
        rows += [
            Content.assemble(
                (f"{keys.key(PALETTE):<18}", "bold $accent"),
                "Palette: go to anyone or any learning; run any action",
            ),
            *(Content.assemble((f"{key:<18}", "bold $accent"), "Quit, from anywhere (even a form)")
              for key in _quit_anywhere(self.under)),
            Content(""),
            keys.content(
                "Lists: arrows or {list.down}/{list.up} move, {list.open} opens. "
                "Forms: tab moves, {form.save} saves, {form.cancel} cancels."
            ),
            KeysNow(self).content("Press {help.close} to close."),
        ]
        with VerticalScroll(classes="dialog help"):
            yield Static(Content("\n").join(rows))


def _quit_anywhere(screen: Screen[object]) -> list[str]:
    """Textual's own quit key (ctrl+q, bound without an id, so not in the list above), as the
    terminal shows it: it quits even where `q` is typed into a field."""
    return sorted({
        screen.app.get_key_display(active.binding)
        for active in screen.active_bindings.values()
        if active.binding.id is None and active.binding.action in ("quit", "app.quit")
    })  # fmt: skip
