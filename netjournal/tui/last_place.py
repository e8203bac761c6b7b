"""Opening where you left off: the last area and its selected record, kept as they change.

The place is noted twice a second (two attribute reads) and written off the event loop only
when it changed; quitting writes it at once. At start the area opens first (no wait for the
journal), and its record is selected once the journal has loaded, unless you moved on.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual.app import App

from netjournal.core.last_place import Place, place_file, read_place, write_place
from netjournal.core.snapshot import JournalSnapshot
from netjournal.tui.screens.area import AreaScreen
from netjournal.tui.widgets.record_table import index_of

NOTE_SECONDS = 0.5  # how often the place is looked at; a write follows only a change
FIRST_AREA = "people"


class PlaceKeeper:
    """The place to open at, and the one to keep as the app moves."""

    def __init__(self, path: Path, remembered: Place | None) -> None:
        self.path = path
        self.to_restore = remembered  # until the journal has loaded (or you moved on)
        self._kept = remembered
        self._now = remembered
        self._lock = threading.Lock()  # writes run in worker threads, one at a time

    @classmethod
    def for_journal(cls, journal: Path, areas: set[str], *, demo: bool = False) -> PlaceKeeper:
        """The keeper for `journal`, with the place remembered for it (a small local read)."""
        path = place_file(journal, demo=demo)
        return cls(path, read_place(path, areas))

    @property
    def first_area(self) -> str:
        return self.to_restore.area if self.to_restore else FIRST_AREA

    def note(self, place: Place) -> bool:
        """Take `place` as where the app is now; True if it differs from the one kept."""
        if self.to_restore is not None:  # not loaded yet: the remembered record still counts
            return False
        with self._lock:
            self._now = place
            return place != self._kept

    def write(self) -> None:
        """Keep the place noted last (a blocking, fsynced write: call it off the event loop)."""
        with self._lock:
            place = self._now
            if place is None or place == self._kept:
                return
            if write_place(self.path, place):
                self._kept = place

    def restore(self, app: App[Any], snapshot: JournalSnapshot | None) -> None:
        """Once the journal has loaded, select the remembered record (if it still exists)."""
        place = self.to_restore
        if place is None or snapshot is None:
            return
        self.to_restore = None
        if place.record is None or app.current_mode != place.area:
            return  # you switched area before the journal loaded: that wins
        screen = area_screen(app)
        # The area has drawn the loaded journal by now: a record deleted since is not listed.
        if screen is not None and index_of(screen.table.rows, place.record) is not None:
            screen.select(place.record)


def area_screen(app: App[Any]) -> AreaScreen | None:
    """The current area's own screen (under any screen pushed over it)."""
    stack = app.screen_stack
    return stack[0] if stack and isinstance(stack[0], AreaScreen) else None


def place_now(app: App[Any]) -> Place:
    """The area shown and the record selected in it."""
    screen = area_screen(app)
    return Place(app.current_mode, screen.selected if screen is not None else None)
