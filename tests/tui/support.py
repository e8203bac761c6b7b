"""What the TUI tests share: an app on a journal in a temporary folder, with today fixed.

Tests drive real keys through Pilot and check state and the journal on disk, never pixels.
Everything here uses Textual's public API only (Pilot, `app.workers`, `Static.content`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from textual.events import Paste
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from netjournal.core.config import Config
from netjournal.core.demo import build_demo
from netjournal.core.records import Record
from netjournal.core.store import Store
from netjournal.tui.app import NetjournalApp
from netjournal.tui.widgets.record_table import RecordTable

TODAY = date(2026, 11, 29)
SIZE = (120, 40)


def make_app(
    journal_dir: Path, *records: Record, demo: bool = False, day: date = TODAY
) -> NetjournalApp:
    """An app on `journal_dir`, filled with the demo network and/or `records` first."""
    if demo:
        build_demo(Store.open(journal_dir), day)
    if records:
        Store.open(journal_dir).add(*records)
    return NetjournalApp(
        Store.open(journal_dir),
        config=Config(journal_dir.parent / "config" / "config.toml"),
        day=lambda: day,
    )


async def settle(pilot: Pilot[Any]) -> None:
    """Let messages, workers (saves, searches) and the refresh they cause finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(
    pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = 5.0, what: str = ""
) -> None:
    """Poll `predicate` with short pauses until it is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
        await pilot.pause(0.02)


async def wait_loaded(pilot: Pilot[Any]) -> None:
    """Wait until the journal is loaded into `app.snapshot` and the screen shows it."""
    app = pilot.app
    assert isinstance(app, NetjournalApp)
    await wait_until(pilot, lambda: app.snapshot is not None, what="the journal to load")
    await settle(pilot)


async def paste(pilot: Pilot[Any], text: str) -> None:
    """Paste `text` into the focused field: one event, where typing costs ~0.1 s a key."""
    assert pilot.app.focused is not None, "nothing has focus to paste into"
    pilot.app.post_message(Paste(text))  # as the terminal driver does: the app forwards it
    await pilot.pause()


async def area(pilot: Pilot[Any], key: str) -> Screen[Any]:
    """Press an area key (1-5) and return the screen it shows."""
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


def table(screen: Screen[Any], selector: str = "#list") -> RecordTable:
    """The screen's virtual list (`#results` on the search screen)."""
    return screen.query_one(selector, RecordTable)


def first_cells(screen: Screen[Any], selector: str = "#list") -> list[str]:
    """The first cell of each row (headings included), top to bottom."""
    return [row.cells[0] for row in table(screen, selector).rows]


def static_text(screen: Screen[Any], selector: str) -> str:
    """The plain text a Static shows (its Content, read through the public `content`)."""
    return str(screen.query_one(selector, Static).content)


def detail_text(screen: Screen[Any]) -> str:
    return static_text(screen, "#detail")


def field_value(screen: Screen[Any], name: str) -> str:
    return screen.query_one(f"#field-{name}", Input).value


def form_error(screen: Screen[Any]) -> str:
    return static_text(screen, "#form-error")


def reopen(journal_dir: Path) -> Store:
    """The journal as another process would read it now."""
    return Store.open(journal_dir)


@dataclass
class Notification:
    message: str
    title: str
    severity: str
    markup: bool


@dataclass
class Notifications:
    """Every `app.notify` call, recorded (and still shown) by wrapping the app's method."""

    seen: list[Notification] = field(default_factory=list)

    def messages(self, severity: str | None = None) -> list[str]:
        return [n.message for n in self.seen if severity is None or n.severity == severity]

    @property
    def errors(self) -> list[Notification]:
        return [n for n in self.seen if n.severity == "error"]


def record_notifications(app: NetjournalApp) -> Notifications:
    """Start recording what the app notifies (screens' `notify` goes through the app's)."""
    found = Notifications()
    original = app.notify

    def notify(message: str, *, title: str = "", severity: str = "information", **kw: Any) -> None:
        found.seen.append(Notification(str(message), title, severity, kw.get("markup", True)))
        original(message, title=title, severity=severity, **kw)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return found
