"""The end of a capture: what was captured, and the follow-ups to go through now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from netjournal.core.capture import Tally
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.keys import key_hint
from netjournal.tui.safe_text import safe_content


class CaptureSummary(NetjournalModal[None]):
    """`r` reviews the follow-ups just planned; `escape` or `enter` closes."""

    BINDINGS = [
        Binding("r", "review", "Review follow-ups", id="capture.review"),
        Binding("escape", "close", "Close", id="capture.close"),
    ]

    def __init__(self, tally: Tally) -> None:
        super().__init__()
        self.tally = tally

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(safe_content(self.tally.summary()), id="capture-summary",
                         classes="dialog-question")  # fmt: skip
            with Horizontal(classes="dialog-buttons"):
                if self.tally.follow_up_ids:
                    yield Button(key_hint(self, "Review the follow-ups ({capture.review})",
                                          style=""), id="review")  # fmt: skip
                yield Button(key_hint(self, "Close ({capture.close})", style=""), id="close")

    def on_mount(self) -> None:
        self.query("Button").first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "review":
            self.action_review()
        else:
            self.dismiss(None)

    def action_review(self) -> None:
        """The follow-ups, in the Review area: not stacked on the area capture started from,
        where they would stay (each area keeps its own screens) and cover it when it is shown
        again, and where enter could not show a plan in the area already open underneath."""
        if not self.tally.follow_up_ids:
            return
        app = self.app
        self.dismiss(None)
        from netjournal.tui.screens.review import ReviewScreen

        app.switch_mode("review")
        while isinstance(app.screen, ReviewScreen) and app.screen.only:
            app.pop_screen()  # an earlier capture's follow-ups: this one replaces them
        app.push_screen(
            ReviewScreen(
                only=tuple(self.tally.follow_up_ids), title=f"Follow-ups from {self.tally.event}"
            )
        )

    def action_close(self) -> None:
        self.dismiss(None)
