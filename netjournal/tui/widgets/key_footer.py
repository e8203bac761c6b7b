"""The footer: the screen's keys on the left, the keys always needed kept in view on the right.

Textual's Footer lists the focused widget's keys, then the screen's, then the app's, and cuts
what does not fit: at 80 columns that was `? Help`, `/ Search` and `q Quit`. Here the areas,
search, help, quit and the palette are drawn first, at the right edge; the screen's own keys
fill what is left, in their order, and the last ones give way (help lists every key).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

# Binding ids always in view (with every area.* key and the palette's).
ALWAYS_SHOWN = frozenset({"app.search", "app.help", "app.quit"})
WIDE = 100  # from this width the items get two spaces between them, else one
KEY_STYLE = "bold $footer-key-foreground"
WORDS_STYLE = "$footer-description-foreground"


@dataclass(frozen=True)
class FooterItem:
    """One entry: its keys as displayed with the key each presses, and what it does."""

    keys: tuple[tuple[str, str], ...]  # (shown, pressed): ("1", "1"), ... for "12345 Areas"
    description: str
    enabled: bool
    always: bool  # kept in view however narrow the terminal
    joiner: str = ""  # between the keys of a group ("" for a compact group: "12345")
    palette: bool = False  # the command palette's key: last, after a bar

    @property
    def text(self) -> str:
        """As shown: "12345 Areas", "? Help"."""
        keys = self.joiner.join(shown for shown, _ in self.keys)
        return f"{keys} {self.description}" if self.description else keys


def _always(binding: Binding) -> bool:
    return binding.id in ALWAYS_SHOWN or (binding.id or "").startswith("area.")


def footer_items(screen: Screen[object]) -> list[FooterItem]:
    """What the footer shows on `screen` now, in Textual's order (one item per action, a
    binding group as one item), the palette's key last."""
    app = screen.app
    active = screen.active_bindings
    first: dict[str, tuple[Binding, bool]] = {}
    for entry in active.values():
        if entry.binding.show:
            first.setdefault(entry.binding.action, (entry.binding, entry.enabled))
    items: list[FooterItem] = []
    for group, run in groupby(first.values(), key=lambda pair: pair[0].group):
        pairs = list(run)
        if group is not None and len(pairs) > 1:
            keys = tuple((app.get_key_display(b), b.key) for b, _ in pairs)
            items.append(FooterItem(keys, group.description, any(on for _, on in pairs),
                                    any(_always(b) for b, _ in pairs),
                                    "" if group.compact else " "))  # fmt: skip
            continue
        for binding, enabled in pairs:
            keys = ((app.get_key_display(binding), binding.key),)
            items.append(FooterItem(keys, binding.description, enabled, _always(binding)))
    palette = active.get(app.COMMAND_PALETTE_BINDING)
    if palette is not None and app.ENABLE_COMMAND_PALETTE:
        keys = ((app.get_key_display(palette.binding), palette.binding.key),)
        items.append(FooterItem(keys, palette.binding.description, palette.enabled, True,
                                palette=True))  # fmt: skip
    return items


class KeyFooter(Widget):
    """The keys of the screen and app, one line at the bottom; click a key to press it."""

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom; height: 1; width: 1fr;
        background: $footer-background; color: $footer-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._targets: list[tuple[int, int, str, bool]] = []  # start, end, key, enabled

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def items(self) -> list[FooterItem]:
        return footer_items(self.screen)

    def shown(self) -> list[FooterItem]:
        """The items that fit the footer's width now, left to right."""
        kept, _ = self._layout(self.items(), self.size.width)
        return kept

    def _layout(self, items: list[FooterItem], width: int) -> tuple[list[FooterItem], str]:
        """The items that fit in `width` cells, and the gap between them."""
        gap = "  " if width >= WIDE else " "
        always = [item for item in items if item.always]
        rest = [item for item in items if not item.always]

        def length(chosen: list[FooterItem]) -> int:
            # One cell of margin on each side, a bar before the palette's key.
            return 2 + sum(cell_len(i.text) for i in chosen) + len(gap) * max(0, len(chosen))

        while always and length(always) > width:  # very narrow: the palette goes first
            always.pop()
        fitting: list[FooterItem] = []
        for item in rest:  # the screen's keys in their order, until the room runs out
            if length([*fitting, item, *always]) > width:
                break
            fitting.append(item)
        kept = set(map(id, [*fitting, *always]))
        return [item for item in items if id(item) in kept], gap

    def render(self) -> Content:
        width = self.size.width
        items, gap = self._layout(self.items(), width)
        left = [item for item in items if not item.always]
        right = [item for item in items if item.always]
        parts: list[tuple[str, str] | str] = [" "]
        targets: list[tuple[int, int, str, bool]] = []
        at = 1

        def add(item: FooterItem) -> None:
            nonlocal at
            style = "" if item.enabled else "dim"
            for number, (shown, pressed) in enumerate(item.keys):
                if number:
                    parts.append(item.joiner)
                    at += cell_len(item.joiner)
                parts.append((shown, f"{KEY_STYLE} {style}".strip()))
                targets.append((at, at + cell_len(shown), pressed, item.enabled))
                at += cell_len(shown)
            if item.description:
                words = f" {item.description}"
                parts.append((words, f"{WORDS_STYLE} {style}".strip()))
                targets.append((at, at + cell_len(words), item.keys[0][1], item.enabled))
                at += cell_len(words)

        for item in left:
            add(item)
            parts.append(gap)
            at += len(gap)
        used = at + sum(cell_len(i.text) for i in right) + len(gap) * max(0, len(right) - 1) + 1
        filler = " " * max(0, width - used)
        parts.append(filler)
        at += len(filler)
        for number, item in enumerate(right):
            if number:  # the same width either way: the palette's key gets a bar before it
                parts.append(f"{gap[:-1]}▏" if item.palette else gap)
                at += len(gap)
            add(item)
        self._targets = targets
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, key, enabled in self._targets:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return

