"""A one-line field that takes keys in the order they were typed, however fast they come.

Textual hands each key to the widget focused when the key *arrives* and queues it there; a
key's binding (tab, backspace, the form's ctrl+s) runs only once the key has travelled up to
the app. In a fast burst (tmux, a quick typist, keys queued while the app was busy) the
characters typed after tab or ctrl+s were already in this field's queue and landed here,
before the focus moved or the form was read. So this field runs each key's binding as it
reaches it, and hands characters that reach it after the focus has left to the field that
has it now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TextArea

from netjournal.tui.keys_behind import is_handed_on


class TypedInput(Input):
    """An Input whose keys take effect in typing order; `on_enter` (if given) is called at
    once on enter instead of the Input's submit (the screen moves the focus, say)."""

    def __init__(
        self, *args: object, on_enter: Callable[[TypedInput], None] | None = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.on_enter = on_enter
        self._handed: set[int] = set()  # keys another field handed on: they end here

    async def on_key(self, event: events.Key) -> None:
        handed = id(event) in self._handed
        self._handed.discard(id(event))
        screen = self.screen
        target = screen.focused  # moved on, maybe, by a key typed before this one
        if target is not self and isinstance(target, TypedInput):
            # Typed after a key that moved the focus there: that field takes it, in its turn
            # (after its focus, so a value it selects on focus is typed over as usual).
            key = events.Key(event.key, event.character)
            target._handed.add(id(key))
            target.post_message(key)
        elif event.is_printable and event.character is not None:
            if target is self or target is None:
                return  # the Input types it here
            if isinstance(target, TextArea):  # typed after tab into a long text field
                target.insert(event.character)
            elif not handed:
                return
        elif event.key == "enter" and target is self and self.on_enter is not None:
            self.on_enter(self)
        else:
            # The binding this key has now (the focused field's, the screen's, the app's), run
            # here, as Textual runs it when the key reaches the app (a binding whose action
            # does nothing, as a field's scroll_down, passes the key on up the chain): the keys
            # behind it in this field's queue then see what it did.
            if await self.app._check_bindings(event.key):
                event.prevent_default()
                event.stop()
            elif handed:
                event.stop()  # a handed key never goes up to the app a second time
            return
        event.prevent_default()
        event.stop()

def type_where_the_focus_is(screen: Screen[Any], event: events.Key, first: Widget) -> None:
    """A character that reached `screen` itself was typed while no field had the focus yet
    (the screen was still opening, the app busy): it goes into the field with the focus now,
    else `first`. Text fields keep the characters typed in them; one that reaches the screen
    from a checkbox or a list stays theirs."""
    if is_handed_on(event):  # from a screen below: to the focused field, in its turn
        if screen.focused is None:
            screen.set_focus(first)  # the form is still opening: its first field takes it
        return
    if not event.is_printable or event.character is None:
        return
    target = screen.focused
    if target is None:
        screen.set_focus(first)
        target = first
    if isinstance(target, Input):
        target.insert_text_at_cursor(event.character)
    elif isinstance(target, TextArea):
        target.insert(event.character)
    else:
        return
    event.prevent_default()
    event.stop()
