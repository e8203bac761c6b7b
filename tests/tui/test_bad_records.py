"""The app on a journal with a hand-edited bad record: the rest shows, saves elsewhere work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from netjournal.core.clock import new_id
from netjournal.core.records import Person
from netjournal.core.store import Store
from netjournal.tui import app as app_module
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.person_form import PersonForm
from tests.core.hand_edits import hand_edit
from tests.tui.support import (
    SIZE,
    first_cells,
    make_app,
    paste,
    record_notifications,
    reopen,
    settle,
    wait_loaded,
)


def person_of(month: str, name: str, **fields: Any) -> Person:
    """A person created in `month`, so that they are stored in `people/<month>.json`."""
    stamp = f"{month}-05T09:00:00.000000Z"
    return Person.build(id=new_id(), created=stamp, updated=stamp, name=name, **fields)


async def test_a_person_whose_name_is_a_number_is_named_and_the_rest_keeps_working(
    journal_dir: Path,
) -> None:
    ann = person_of("2026-11", "Ann Lee")
    bob = person_of("2026-10", "Bob Stone", org="Fabrikam")
    Store.open(journal_dir).add(ann, bob)
    bad_file = hand_edit(journal_dir, ann, "name", 123)
    before = bad_file.read_bytes()
    app = make_app(journal_dir)
    told = record_notifications(app)  # before the load: it is named as soon as it is read
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert first_cells(screen) == ["Bob Stone"]
        [warning] = [n for n in told.seen if n.severity == "warning"]
        assert f"people/2026-11.json: record {ann.id} has a 'name' field (123)" in warning.message
        assert not warning.markup

        # Editing Bob (another file) saves, and the bad record stays as it was.
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press("tab", "end", "ctrl+u")  # to Org, cleared
        await paste(pilot, "Northwind")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert [p.org for p in reopen(journal_dir).people()] == ["Northwind"]

        # So does a new person (this month's file).
        await pilot.press("a")
        await pilot.pause()
        await paste(pilot, "Cleo Park")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert sorted(p.name for p in reopen(journal_dir).people()) == ["Bob Stone", "Cleo Park"]
        assert first_cells(app.screen) == ["Bob Stone", "Cleo Park"]
        assert not told.errors
        assert len([n for n in told.seen if n.severity == "warning"]) == 1  # said once
        assert app.return_code is None and app.is_running
    assert bad_file.read_bytes() == before


async def test_a_save_to_the_bad_file_is_refused_with_the_sentence(journal_dir: Path) -> None:
    ann = person_of("2026-11", "Ann Lee")
    bob = person_of("2026-11", "Bob Stone")
    Store.open(journal_dir).add(ann, bob)
    bad_file = hand_edit(journal_dir, ann, "name", 123)
    before = bad_file.read_bytes()
    app = make_app(journal_dir)
    told = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab")
        await paste(pilot, "Fabrikam")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [error] = told.errors
        assert error.message.startswith("Nothing was saved: the change would rewrite people/")
        assert ann.id in error.message
        assert app.return_code is None and app.is_running
    assert bad_file.read_bytes() == before


def test_the_app_never_exits_0_after_a_crash(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(self: App[None]) -> None:
        raise RuntimeError("a bug")

    def headless(self: App[None], **kwargs: Any) -> None:
        App.run(self, headless=True, **kwargs)

    monkeypatch.setattr(app_module.NetjournalApp, "on_ready", crash)
    monkeypatch.setattr(app_module.NetjournalApp, "run", headless)
    assert app_module.run_app(journal_dir) not in (0, None)
