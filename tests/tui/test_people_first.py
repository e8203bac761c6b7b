"""At start People lists everyone before the learnings and interactions are read, and says
what it does not know yet instead of a wrong "never" or "nothing"."""

from __future__ import annotations

import threading
from pathlib import Path

from netjournal.core.config import Config
from netjournal.core.records import Record
from netjournal.core.store import Store
from netjournal.tui.app import NetjournalApp
from netjournal.tui.screens.log_form import LogForm
from tests.tui.support import (
    SIZE,
    TODAY,
    detail_text,
    make_app,
    record_notifications,
    reopen,
    settle,
    table,
    wait_until,
)
from tests.tui.test_people_list import expected_rows


class HeldStore(Store):
    """A store whose whole-journal read waits until the test lets it go (a large journal)."""

    gate = threading.Event()

    def everything(self) -> dict[str, list[Record]]:
        self.gate.wait(30)
        return super().everything()


async def test_people_are_listed_while_the_rest_of_the_journal_is_read(journal_dir: Path) -> None:
    make_app(journal_dir, demo=True)  # the demo journal on disk
    store = HeldStore.open(journal_dir)
    store.gate = threading.Event()
    app = NetjournalApp(store, config=Config(journal_dir.parent / "c" / "config.toml"),
                        day=lambda: TODAY)  # fmt: skip
    said = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            await wait_until(pilot, lambda: len(table(screen).rows) > 0, what="people listed")
            assert app.snapshot is None  # the rest is still being read
            rows = [(row.cells[0], row.cells[3]) for row in table(screen).rows]
            assert rows == [(name, "…") for name, _ in expected_rows(journal_dir)]
            first = table(screen).rows[0].cells[0].removesuffix(" ◇")
            assert first in detail_text(screen)
            assert "Reading the rest of the journal" in detail_text(screen)
            await pilot.press("l")  # logging needs the whole journal: said, not lost silently
            await pilot.pause(0.2)  # (settle would wait for the held read)
            assert not isinstance(app.screen, LogForm)
            assert "Still reading the journal: a moment." in said.messages()
            await pilot.press("2")  # the Journal area says it is loading, not "No learnings"
            await pilot.pause(0.2)  # (settle would wait for the held read)
            assert "Loading the journal" in detail_text(app.screen)
            assert not app.screen.query_one("#empty").display
            await pilot.press("1")
            store.gate.set()
            await wait_until(pilot, lambda: app.snapshot is not None, what="the whole journal")
            await settle(pilot)
            rows = [(row.cells[0], row.cells[3]) for row in table(app.screen).rows]
            assert rows == expected_rows(journal_dir)
            assert "Reading the rest" not in detail_text(app.screen)
            await pilot.press("l")
            await settle(pilot)
            assert isinstance(app.screen, LogForm)
    finally:
        store.gate.set()
    assert len(reopen(journal_dir).people()) == len(rows)  # nothing was written meanwhile
