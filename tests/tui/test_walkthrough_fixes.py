"""What a first walk through the app found: each case stays fixed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from netjournal.core.records import Interaction, Person
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.person_form import PersonForm
from netjournal.tui.screens.timeline import TimelineScreen
from tests.tui.support import (
    SIZE,
    make_app,
    paste,
    record_notifications,
    settle,
    static_text,
    table,
    wait_loaded,
)


async def test_a_missing_editor_is_a_message_and_the_form_stays(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        await pilot.press("a")
        await settle(pilot)
        notes = app.screen.query_one("#field-notes", TextArea)
        notes.text = "my precious notes"
        notes.focus()
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, PersonForm)
        assert notes.text == "my precious notes"
        assert told.messages() == ["Could not find the editor 'no-such-editor-anywhere' ($EDITOR)."]


async def test_a_filter_matching_nobody_says_so_and_finds_interests(journal_dir: Path) -> None:
    app = make_app(journal_dir, Person.create(name="Ann Lee", interests="offshore sailing"),
                   Person.create(name="Bob Stone"))  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        await pilot.press("f")
        await paste(pilot, "sailing")
        await settle(pilot)
        assert [row.cells[0] for row in table(screen).rows] == ["Ann Lee"]
        await paste(pilot, "zzz")
        await settle(pilot)
        assert table(screen).rows == []
        assert static_text(screen, "#empty") == "Nobody matches the filter; esc clears it."


async def test_a_searched_interaction_opens_in_its_persons_timeline(journal_dir: Path) -> None:
    ann = Person.create(name="Ann Lee")
    talks = [
        Interaction.create(date="2026-10-01", person_ids=[ann.id], summary="Budget review"),
        Interaction.create(date="2026-11-01", person_ids=[ann.id], summary="Pallet robot pilot"),
        Interaction.create(date="2026-11-20", person_ids=[ann.id], summary="Peak season"),
    ]
    app = make_app(journal_dir, ann, *talks)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        await paste(pilot, "pallet")
        await settle(pilot)
        results = table(app.screen, "#results")
        assert [row.cells[1] for row in results.rows] == ["2026-11-01 Ann Lee: Pallet robot pilot"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert table(app.screen).current_key == talks[1].id
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
