"""A key pressed again while its save is still running must not save twice or mislead.

The save is slowed (a slow or synced disk) by making the atomic write wait, so the second
press lands while the first save is in flight, as it would with an impatient user.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from netjournal.core import atomic_file
from netjournal.core.records import Interaction, Person
from netjournal.tui.screens.people import PeopleScreen
from tests.tui.support import SIZE, make_app, record_notifications, reopen, settle, wait_loaded


def slow_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def wait(step: str) -> None:
        if step == "before-temp-write":
            time.sleep(0.4)

    monkeypatch.setattr(atomic_file, "checkpoint", wait)


async def test_ctrl_s_twice_saves_the_person_once(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        slow_disk(monkeypatch)
        await pilot.press("a", *"Bea")
        await pilot.press("ctrl+s", "ctrl+s")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert [p.name for p in reopen(journal_dir).people()] == ["Bea"]


async def test_k_twice_in_the_delete_dialog_deletes_once_and_closes(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = Person.create(name="Ann")
    met = Interaction.create(date="2026-11-02", person_ids=[ann.id], summary="Coffee")
    app = make_app(journal_dir, ann, Person.create(name="Bob"), met)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        slow_disk(monkeypatch)
        await pilot.press("x")
        await pilot.press("k", "k")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        assert [p.name for p in reopen(journal_dir).people()] == ["Bob"]
        assert told.errors == []
        assert isinstance(app.screen, PeopleScreen)
