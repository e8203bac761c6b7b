"""`/` finds who you captured a moment ago, typos forgiven; and says when it scans meanwhile."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from netjournal.core.records import Learning, Person
from netjournal.core.search_index import cache_path, rebuild_index
from netjournal.core.store import Store
from netjournal.tui.screens.capture import CaptureScreen
from netjournal.tui.screens.search import SearchScreen
from tests.tui.support import (
    SIZE,
    make_app,
    paste,
    settle,
    static_text,
    table,
    wait_loaded,
    wait_until,
)

ANN = Person.create(name="Ann Lee", org="Contoso")
NOTE = Learning.create(date="2026-10-01", title="Cold chain spoilage", body="Alerts to drivers.")


async def results(pilot, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The titles `/` lists for `query`, typed into the search screen."""
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    screen.query_one("#query", Input).value = ""
    await paste(pilot, query)
    await settle(pilot)
    return [str(row.cells[1]) for row in table(screen, "#results").rows]


async def test_someone_captured_after_the_index_was_built_is_found_with_typos(
    journal_dir: Path,
) -> None:
    store = Store.open(journal_dir)
    store.add(ANN, NOTE)
    rebuild_index(store, [*store.people(), *store.learnings()])  # built before the capture
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await wait_until(pilot, lambda: app.index is not None, what="the search index")
        await pilot.press("c")
        await settle(pilot)
        capture = app.screen
        assert isinstance(capture, CaptureScreen)
        await paste(pilot, "Hamburg Logistics Days")
        capture.query_one("#field-name", Input).focus()
        await paste(pilot, "Hannah Fischer")
        await pilot.press("tab")
        await paste(pilot, "Schenker")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")  # the capture's summary
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert "Hannah Fischer" in (await results(pilot, "Hamburgh"))
        assert "Hannah Fischer" in (await results(pilot, "Schenkr"))
        assert (await results(pilot, "spoilag"))[:1] == ["Cold chain spoilage"]
        assert app.index is not None and app.index.pending >= 1  # indexed aside, not rebuilt


async def test_without_an_index_the_search_screen_says_it_scans(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, NOTE)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.index = None  # as while the first index of a large journal is being built
        await pilot.press("slash")
        await settle(pilot)
        assert await results(pilot, "spoilage") == ["Cold chain spoilage"]
        assert "being built" in static_text(app.screen, "#search-status")
    assert cache_path(Store.open(journal_dir)).exists()


async def test_a_save_returns_with_the_record_already_in_the_index(journal_dir: Path) -> None:
    store = Store.open(journal_dir)
    store.add(ANN, NOTE)
    rebuild_index(store, [ANN, NOTE])
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await wait_until(pilot, lambda: app.index is not None)
        await settle(pilot)
        hannah = Person.create(name="Hannah Fischer", org="Schenker")
        await app.save(lambda store: store.add(hannah))
        index = app.index
        assert index is not None
        # No worker has run since the save returned: the save brought the index up to it.
        assert hannah.id in index.search("fischr", 5)
        assert hannah.id in index.search("schenkr", 5)
