"""Full garbage collections while the user is idle, not in the middle of a key.

Python collects its oldest generation whenever enough objects survived since the last time:
in the app that is every few seconds, and each pass walks every object Textual and the
screens keep (100-230 ms at 10,000 people), which landed on keystrokes and area switches.
While the app runs, the oldest generation is collected only here: after a second without
input, or at once if no such second came for a long time. Young generations run as usual.
"""

from __future__ import annotations

import gc
import time

IDLE_SECONDS = 1.0  # no key or mouse input for this long: a full collection may run
CHECK_SECONDS = 0.5
# Collect the oldest generation after this many young (generation 1) collections, idle...
IDLE_AFTER = 20
# ...or after this many even without an idle moment (memory must not grow without bound).
FORCED_AFTER = 2000
NEVER = 1 << 30  # a threshold the counter does not reach: no automatic full collection


class IdleCollector:
    """Owns the collector's oldest-generation threshold while the app runs."""

    def __init__(self) -> None:
        self.last_input = time.monotonic()
        self._saved: tuple[int, int, int] | None = None

    def start(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def noted_input(self) -> None:
        self.last_input = time.monotonic()

    def check(self) -> None:
        """Called every CHECK_SECONDS: a full collection when idle and worth it."""
        pending = gc.get_count()[2]  # generation-1 collections since the last full one
        idle = time.monotonic() - self.last_input >= IDLE_SECONDS
        if (idle and pending >= IDLE_AFTER) or pending >= FORCED_AFTER:
            gc.collect()
