"""`/` answers from the search index's cache while a large journal is still loading."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from netjournal.core.records import Learning, Person
from netjournal.core.search_index import rebuild_index
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.tui.screens.journal import JournalScreen
from netjournal.tui.screens.search import SearchScreen
from tests.tui.support import SIZE, make_app, paste, settle, static_text, table, wait_until

ANN = Person.create(name="Ann Lee", org="Contoso")
NOTE = Learning.create(date="2026-10-01", title="Cold chain spoilage", body="Alerts to drivers.")
LATER = Learning.create(date="2026-10-02", title="[bold]Pallet robots[/", body="At LogiMAT.")


def titles(pilot: Pilot[Any]) -> list[str]:
    return [str(row.cells[1]) for row in table(pilot.app.screen, "#results").rows]


def selected(pilot: Pilot[Any]) -> str | None:
    """The record selected in Journal, once it is on screen with its list."""
    screen = pilot.app.screen
    if not isinstance(screen, JournalScreen) or not screen.query("#list"):
        return None
    return screen.selected


async def type_and_see(pilot: Pilot[Any], query: str, expected: list[str]) -> None:
    """Type `query` into `/` and wait for `expected` to be listed (the load is held back, so
    `settle`, which waits for every worker, cannot be used)."""
    pilot.app.screen.query_one("#query", Input).value = ""
    await paste(pilot, query)
    await wait_until(pilot, lambda: titles(pilot) == expected, 15, f"{expected} for {query!r}")


def held_back(journal_dir: Path, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """A journal with a search cache, whose whole load waits for the event returned."""
    store = Store.open(journal_dir)
    store.add(ANN, NOTE)
    rebuild_index(store, [*store.people(), *store.learnings()])  # as the last start left it
    store.add(LATER)  # saved since, by another process: not in the cache
    loading = threading.Event()
    load = JournalSnapshot.load

    def slow_load(store: Store) -> JournalSnapshot:  # a large journal takes seconds
        loading.wait(10)
        return load(store)

    monkeypatch.setattr(JournalSnapshot, "load", slow_load)
    return loading


async def test_search_answers_from_the_cache_before_the_journal_is_in(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loading = held_back(journal_dir, monkeypatch)
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.index is not None, 15, "the index from its cache")
        opened = app.index
        assert app.snapshot is None
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await type_and_see(pilot, "spoilag", ["Cold chain spoilage"])  # a typo
        assert "still loading" in static_text(app.screen, "#search-status")
        await type_and_see(pilot, "palet robots", ["[bold]Pallet robots[/"])  # saved since
        await pilot.press("enter")  # chosen before the journal is in: opened once it is
        loading.set()
        await wait_until(pilot, lambda: selected(pilot) == LATER.id, 15, "it selected in Journal")
        await settle(pilot)
        assert app.index is opened  # the same index, brought up to the journal loaded



async def test_the_results_are_listed_again_once_the_journal_is_in(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loading = held_back(journal_dir, monkeypatch)
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.index is not None, 15, "the index from its cache")
        await pilot.press("slash")
        await pilot.pause()
        await type_and_see(pilot, "spoilag", ["Cold chain spoilage"])
        loading.set()
        await wait_until(pilot, lambda: app.snapshot is not None, 15, "the journal")
        await settle(pilot)
        status = static_text(app.screen, "#search-status")
        assert "1 result" in status and "still loading" not in status
        assert titles(pilot) == ["Cold chain spoilage"]


async def test_the_cache_of_a_copied_journal_is_written_afresh(tmp_path: Path) -> None:
    import shutil
    from datetime import date

    from netjournal.core.records import Interaction
    from netjournal.core.search_index import OUTDATED_AFTER, open_cached

    first = tmp_path / "journal"
    store = Store.open(first)
    talks = [Interaction.create(date=date(2023 + m // 12, m % 12 + 1, 5), person_ids=[ANN.id],
                                summary=f"Battery swaps, month {m}")
             for m in range(OUTDATED_AFTER + 6)]  # fmt: skip
    store.add(ANN, *talks)
    rebuild_index(store, [ANN, *talks])
    copy = tmp_path / "copy"
    shutil.copytree(first, copy)  # every file anew: the cache's file signatures are stale
    cached = open_cached(Store.open(copy))
    assert cached is not None and cached.outdated
    app = make_app(copy)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.snapshot is not None and app.index is not None)
        await settle(pilot)
        cached = open_cached(Store.open(copy))
        assert cached is not None and not cached.outdated
        await pilot.press("slash")
        await paste(pilot, "batery swaps")
        await wait_until(pilot, lambda: len(titles(pilot)) == len(talks))
