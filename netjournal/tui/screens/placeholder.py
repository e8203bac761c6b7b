"""Review (4) and Network (5): placeholders until their issues land."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class ReviewScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            Content(
                "Review: the daily pass through what is due, who is going cold and what is worth "
                "sharing arrives in a later version. For now, press 3 for Outreach."
            ),
            classes="placeholder",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Review"


class NetworkScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            Content(
                "Network: department coverage, people with positional power and who is going "
                "cold arrive in a later version. For now, press 1 for People."
            ),
            classes="placeholder",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Network"
