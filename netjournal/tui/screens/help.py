"""`?`: every key of the screen you came from, and the app's own."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from netjournal.tui.widgets.record_table import RecordTable

LIST_KEYS = [(b.key, b.description) for b in RecordTable.BINDINGS if isinstance(b, Binding)]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help.close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        rows: list[Content] = [
            Content.assemble((f"Keys: {self.under.sub_title or 'netjournal'}", "bold")),
            Content(""),
        ]
        seen: set[str] = set()
        sources = [
            self.under.BINDINGS,
            LIST_KEYS if self.under.query(RecordTable) else [],
            self.app.BINDINGS,
        ]
        for source in sources:
            for binding in source:
                key, description = (
                    (binding.key, binding.description)
                    if isinstance(binding, Binding)
                    else binding[:2]
                )
                if key in seen or not description:
                    continue
                if isinstance(binding, Binding) and binding.id is None and source is not LIST_KEYS:
                    continue  # Textual's own (focus, copy): not netjournal's keys
                seen.add(key)
                alternatives = ", ".join(
                    self.app.get_key_display(Binding(k, "")) for k in key.split(",")
                )
                rows.append(Content.assemble((f"{alternatives:<18}", "bold $accent"), description))
        rows += [
            Content.assemble(
                (f"{'ctrl+p':<18}", "bold $accent"),
                "Palette: go to anyone or any learning; run any action",
            ),
            Content(""),
            Content(
                "Lists: arrows or j/k move, enter opens. Forms: tab moves, ctrl+s saves, escape cancels."
            ),
            Content("Press escape to close."),
        ]
        with VerticalScroll(classes="dialog help"):
            yield Static(Content("\n").join(rows))
