"""A line of prose that names keys by binding id and shows the keys bound now."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Static

from netjournal.tui.keys import key_hint


class KeyHint(Static):
    """Shows `template` ("{review.done} done · {review.skip} skip today") with the keys bound
    now, redrawn whenever the screen's bindings change (focus moves, a key is switched off)."""

    def __init__(self, template: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.template = template

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.show_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.show_keys()

    def say(self, template: str) -> None:
        """Show another text (keys as placeholders, like the first)."""
        if template == self.template:  # shown already (redrawn when the keys change)
            return
        self.template = template
        self.show_keys()

    def show_keys(self) -> None:
        """Draw the template with the keys bound now."""
        self.update(key_hint(self, self.template, style="bold"))
