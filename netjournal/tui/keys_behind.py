"""Keys typed right behind a key that opened a screen (`a`, then a name, fast) go to that screen.

Textual forwards each key to the focused widget of the screen on top the moment it arrives; a
screen's binding (`a` opens a form) runs only once its key has bubbled back up to the app. So
in a burst the keys typed behind `a` were already queued on the list below, and reached the app
after the form was on top, with nowhere to go: the name was lost. Screens note the keys passing
them; the app hands a key on to the screen now on top when the one it passed is no longer there.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary, WeakSet

from textual import events
from textual.app import App
from textual.screen import Screen

_passed: WeakKeyDictionary[events.Key, Screen[Any]] = WeakKeyDictionary()
_handed_on: WeakSet[events.Key] = WeakSet()


def note_passing(screen: Screen[Any], event: events.Key) -> None:
    """`event` bubbles through `screen` on its way up to the app."""
    _passed[event] = screen


def hand_on(app: App[Any], event: events.Key) -> bool:
    """At the app: give `event` to the screen on top if it was queued on another (True)."""
    passed = _passed.pop(event, None)
    active = app.screen
    if passed is None or passed is active:
        return False
    key = events.Key(event.key, event.character)  # a copy travels afresh, in its turn
    _handed_on.add(key)
    active.post_message(key)
    return True


def is_handed_on(event: events.Key) -> bool:
    """Whether the app handed `event` on from a screen below (see `hand_on`)."""
    return event in _handed_on


def type_handed_on(screen: Screen[Any], event: events.Key) -> None:
    """At the screen on top: a key handed on goes to the focused field, behind the keys handed
    on before it (one queue keeps their order; the field then does what the key means there)."""
    target = screen.focused
    if event not in _handed_on or target is None:
        return  # nothing focused: on up to the app, whose bindings for this screen run
    event.prevent_default()
    event.stop()
    target.post_message(events.Key(event.key, event.character))
