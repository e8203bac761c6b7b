"""Other writers while the app is open, and saves that fail: nothing typed is lost."""

from __future__ import annotations

import asyncio
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from netjournal.core import atomic_file
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Person
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.person_form import PersonForm
from tests.tui.support import (
    SIZE,
    TODAY,
    detail_text,
    field_value,
    form_error,
    make_app,
    paste,
    record_notifications,
    reopen,
    settle,
    table,
    wait_loaded,
    wait_until,
)

NOTICED_WITHIN = 3.0  # seconds: the app polls the journal every 1.5 s


def names_listed(screen: Screen[object]) -> set[str]:
    return {row.cells[0] for row in table(screen).rows}


async def add_person_through_the_form(pilot: Pilot[None], name: str) -> None:
    await pilot.press("a")
    await paste(pilot, name)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def noticed(pilot: Pilot[None], what: str, predicate: Callable[[], bool]) -> None:
    """Wait for the app to show another writer's change; it must within NOTICED_WITHIN."""
    start = time.monotonic()
    await wait_until(pilot, predicate, timeout=NOTICED_WITHIN + 2, what=what)
    assert time.monotonic() - start <= NOTICED_WITHIN, f"{what}: noticed too late"


async def test_other_writers_changes_appear_and_the_apps_next_save_keeps_them(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, Person.create(name="Ann Archer"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        assert "Timeline (0)" in detail_text(screen)

        # Another store object on the same folder: a second window, say.
        reopen(journal_dir).add(Person.create(name="Written Elsewhere"))
        await noticed(
            pilot, "the other writer's person", lambda: "Written Elsewhere" in names_listed(screen)
        )

        # `netjournal log` from another terminal: a real second process.
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "netjournal", "--dir", str(journal_dir),
            "log", "Ann Archer", "-m", "Phoned from the train", "--date", TODAY.isoformat(),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _, err = await asyncio.wait_for(process.communicate(), timeout=30)
        assert process.returncode == 0, err.decode()
        await noticed(
            pilot, "the logged interaction", lambda: "Phoned from the train" in detail_text(screen)
        )
        assert table(screen).rows[0].cells[3] == TODAY.isoformat()  # Ann's last contact

        # The app's own next save keeps both.
        await add_person_through_the_form(pilot, "Own Save")
        assert isinstance(app.screen, PeopleScreen)
        store = reopen(journal_dir)
        assert {p.name for p in store.people()} == {"Ann Archer", "Written Elsewhere", "Own Save"}
        assert [i.summary for i in store.interactions()] == ["Phoned from the train"]
        assert names_listed(screen) == {p.name for p in store.people()}


async def test_a_full_disk_keeps_the_form_open_with_the_text(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(journal_dir, Person.create(name="Ann Archer"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)

        def disk_full(step: str) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic_file, "checkpoint", disk_full)
        await pilot.press("a", *"Bea")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PersonForm), "a failed save must not close the form"
        assert field_value(form, "name") == "Bea"
        assert app.focused is not None
        [error] = told.errors
        assert error.title == "Not saved"
        assert "No space left on device" in error.message
        assert "your text is still here" in form_error(form)
        assert {p.name for p in reopen(journal_dir).people()} == {"Ann Archer"}
        assert app.return_code is None

        # Space again: the same form saves, and nothing from the failed attempt lingers.
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert sorted(p.name for p in reopen(journal_dir).people()) == ["Ann Archer", "Bea"]
        assert names_listed(app.screen) == {"Ann Archer", "Bea"}


async def test_a_journal_folder_that_cannot_be_written_keeps_the_form_open(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, Person.create(name="Ann Archer"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        # Root ignores chmod, so break the people table for real: its folder becomes a file.
        people = journal_dir / "people"
        aside = journal_dir.parent / "people-aside"
        shutil.move(people, aside)
        people.write_text("not a folder")
        await pilot.press("a", *"Bea")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PersonForm)
        assert form.query_one("#field-name", Input).value == "Bea"
        # (The 1.5 s poll for other writers may report the broken folder too, on a slow day.)
        [failed] = [e for e in told.errors if e.title == "Not saved"]
        assert str(people) in failed.message
        assert app.return_code is None

        people.unlink()
        shutil.move(aside, people)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert sorted(p.name for p in reopen(journal_dir).people()) == ["Ann Archer", "Bea"]


async def test_quitting_right_after_a_key_that_saves_keeps_the_save(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = Person.create(name="Ann Lee")
    plan = plan_outreach("follow-up", [ann], due=TODAY)
    app = make_app(journal_dir, ann, plan)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("3")
        await settle(pilot)
        # A slow disk: the save is still running when q arrives.
        monkeypatch.setattr(atomic_file, "checkpoint", lambda step: time.sleep(0.05))
        await pilot.press("d", "q")
        await wait_until(pilot, lambda: not app.is_running, what="the app to quit")
    [stored] = reopen(journal_dir).outreach()
    assert stored.status == "done"
    assert [i.summary for i in reopen(journal_dir).interactions()] == ["Follow up with Ann Lee"]
