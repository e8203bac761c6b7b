"""Network (5): a placeholder until its issue lands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


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
