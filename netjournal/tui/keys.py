"""Which key does what now: binding ids to the keys shown, and prose that names keys by id.

Every binding is declared once, with an id ("people.add"); config.toml may remap it. Help,
the palette and any text that names a key read the bindings active now (Textual has applied
the keymap to them), so a remapped key shows wherever the footer shows it. Prose writes a key
as a placeholder: "Press {people.add} to add someone".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from textual.binding import Binding
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen

from netjournal.tui.contract import journal_app

# Textual adds the palette's key (ctrl+p) itself, without an id: prose names it by this one.
PALETTE = "app.palette"
PALETTE_ACTIONS = frozenset({"command_palette", "app.command_palette"})
PLACEHOLDER = re.compile(r"\{([A-Za-z_]+(?:\.[A-Za-z_]+)+)\}")


@dataclass(frozen=True)
class KeyAction:
    """One thing a key does now: what it says, the keys bound to it, where its action runs."""

    binding_id: str
    description: str
    keys: tuple[str, ...]  # as displayed ("n", "^s", "⏎")
    action: str
    node: DOMNode
    enabled: bool


def screen_of(node: DOMNode) -> Screen[object]:
    """The screen `node` is on (the app's current screen for the app itself)."""
    return node if isinstance(node, Screen) else node.screen


def actions_now(screen: Screen[object]) -> list[KeyAction]:
    """netjournal's bindings active on `screen` (those with an id and a description), one entry
    per action with all its keys ("↑/k Up"): the screen's first, then its widgets', the app's.

    Bindings without an id are Textual's own (focus, copy); `check_action` has left out the
    ones switched off here.
    """
    app = screen.app
    found: dict[tuple[DOMNode, str], KeyAction] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id is None or not binding.description:
            continue
        key = app.get_key_display(binding)
        known = found.get((active.node, binding.action))
        if known is None:
            found[active.node, binding.action] = KeyAction(
                binding.id, binding.description, (key,), binding.action, active.node,
                active.enabled,
            )  # fmt: skip
        elif key not in known.keys:
            found[active.node, binding.action] = replace(known, keys=(*known.keys, key))
    rank = {screen: 0, app: 2}
    return sorted(found.values(), key=lambda entry: rank.get(entry.node, 1))


class KeysNow:
    """The keys bound now where `node` is, by binding id, as the user sees them.

    A binding not active now (switched off by `check_action`, on a widget without focus, or on
    a screen in `also`, like the forms help talks about) is found where it is declared, with
    the config's keymap applied as Textual applies it.
    """

    def __init__(self, node: DOMNode, also: Iterable[type[DOMNode]] = ()) -> None:
        self.screen = screen_of(node)
        self.app = self.screen.app
        self.also = tuple(also)
        self.active: dict[str, list[str]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            name = PALETTE if binding.action in PALETTE_ACTIONS else binding.id
            if name is not None:
                shown = self.active.setdefault(name, [])
                if (key := self.app.get_key_display(binding)) not in shown:
                    shown.append(key)

    def keys(self, binding_id: str) -> list[str]:
        """Every key bound to `binding_id`, as displayed; [] when it is bound nowhere near."""
        return self.active.get(binding_id) or self._declared(binding_id)

    def key(self, *binding_ids: str) -> str:
        """The keys of the first of `binding_ids` bound here ("j", "esc/q"); "" if none is."""
        for binding_id in binding_ids:
            if keys := self.keys(binding_id):
                return "/".join(keys)
        return ""

    def content(self, template: str, style: str = "bold") -> Content:
        """`template` as Content, each `{binding.id}` replaced by its keys now (in `style`).

        The template's text stays plain text, never markup; a placeholder bound nowhere is
        left as written, so a wrong id shows instead of a wrong key.
        """
        parts: list[Content | tuple[str, str]] = []
        at = 0
        for match in PLACEHOLDER.finditer(template):
            parts.append(Content(template[at : match.start()]))
            key = self.key(match.group(1))
            parts.append((key, style) if key else Content(match.group(0)))
            at = match.end()
        parts.append(Content(template[at:]))
        return Content.assemble(*parts)

    def text(self, template: str) -> str:
        """`template` with its keys filled in, as a plain string (for a toast or placeholder)."""
        return self.content(template).plain

    def _declared(self, binding_id: str) -> list[str]:
        """The keys `binding_id` is declared with near the screen, as the config remaps them."""
        keymap = journal_app(self.app).config.keys
        if binding_id == PALETTE:
            binding = Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette",
                              key_display=self.app.COMMAND_PALETTE_DISPLAY)  # fmt: skip
            return [self.app.get_key_display(binding)]
        for binding in self._declarations():
            if binding.id == binding_id:
                remapped = keymap.get(binding_id)
                keys = [key.strip() for key in (remapped or binding.key).split(",")]
                # As Textual does: a remapped key drops the binding's own key_display.
                shown = [
                    self.app.get_key_display(
                        binding.with_key(key, None if remapped else binding.key_display)
                    )
                    for key in keys
                    if key
                ]
                return list(dict.fromkeys(shown))
        return []

    def _declarations(self) -> Iterator[Binding]:
        """The bindings declared by the screen, its widgets, the app, then `also`'s classes."""
        nodes = [*self.screen.walk_children(with_self=True), self.app]
        classes = [*(type(node) for node in nodes), *self.also]
        for cls in dict.fromkeys(classes):
            for klass in cls.__mro__:
                for binding in vars(klass).get("BINDINGS", ()):
                    if isinstance(binding, Binding):
                        yield binding


def key_for(node: DOMNode, *binding_ids: str) -> str:
    """The keys bound now to the first of `binding_ids` that is bound near `node`, e.g. "n"."""
    return KeysNow(node).key(*binding_ids)


def key_hint(node: DOMNode, template: str, style: str = "bold") -> Content:
    """`template` ("Press {people.add} to add someone") as Content with the keys bound now."""
    return KeysNow(node).content(template, style)


def key_text(node: DOMNode, template: str) -> str:
    """`template` with the keys bound now, as a plain string (toasts, input placeholders)."""
    return KeysNow(node).text(template)
