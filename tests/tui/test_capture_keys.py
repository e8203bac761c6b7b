"""Capture's keys (issue 14): the documented keys per person, what a fast burst of keys saves,
and where the follow-ups' review takes you.

The row "Capturing a person at a show" of docs/daily-keys.md is pressed key for key for two
people; a burst (every key queued at once, as tmux or a fast typist sends them) must save
exactly what was typed.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from netjournal.core import atomic_file
from netjournal.core.records import Outreach
from netjournal.tui.screens.capture import CaptureScreen
from netjournal.tui.screens.capture_summary import CaptureSummary
from netjournal.tui.screens.outreach import OutreachScreen
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.person_form import PersonForm
from netjournal.tui.screens.review import ReviewScreen
from tests.tui.support import (
    SIZE,
    TODAY,
    area,
    make_app,
    reopen,
    settle,
    static_text,
    table,
    wait_loaded,
)
from tests.tui.test_daily_keys import keys_of

TASK = "Capturing a person at a show"
EVENT = "Intralogistik Forum"
SECOND = ("Jorge Navarro", "Litware", "Returns automation")  # the row's words for another


async def press_words(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


async def start_capture(pilot: Pilot[Any]) -> CaptureScreen:
    """`c`, the event, `enter`: once per show."""
    await pilot.press("c")
    await settle(pilot)
    capture = pilot.app.screen
    assert isinstance(capture, CaptureScreen)
    await press_words(pilot, EVENT)
    await pilot.press("enter")
    await settle(pilot)
    return capture


async def test_two_people_captured_with_the_documented_keys(journal_dir: Path) -> None:
    presses = keys_of(TASK)
    first = tuple(text for kind, text in presses if kind == "words")
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        capture = await start_capture(pilot)
        for words in (first, SECOND):
            assert app.focused is capture.query_one("#field-name", Input)
            typed = iter(words)
            for kind, text in presses:
                if kind == "key":
                    await pilot.press(text)
                    await settle(pilot)
                else:
                    await press_words(pilot, next(typed))
            assert app.screen is capture  # no question asked: saved, cleared for the next
            assert capture.query_one("#field-name", Input).value == ""
    store = reopen(journal_dir)
    people = {p.name: p for p in store.people()}
    due = TODAY + timedelta(weeks=1)
    for name, org, talked in (first, SECOND):
        person = people[name]
        assert (person.org, person.met_via) == (org, EVENT)
        [met] = [i for i in store.interactions() if person.id in i.person_ids]
        assert (met.summary, met.event, met.date, met.channel) == (talked, EVENT, TODAY, "event")
        [plan] = [o for o in store.all(Outreach) if person.id in o.person_ids]
        assert (plan.kind, plan.due, plan.status) == ("follow-up", due, "open")


def burst_keys(*parts: str) -> list[str]:
    """Text as key names (a space is "space"), keys such as "ctrl+s" as they are."""
    keys: list[str] = []
    for part in parts:
        if "+" in part or part in ("enter", "tab", "backspace"):
            keys.append(part)
        else:
            keys.extend("space" if c == " " else c for c in part)
    return keys


async def burst(pilot: Pilot[Any], *parts: str) -> None:
    """Every key queued at once, as a terminal delivers a fast burst: none waits for the
    last to be handled (Pilot's `press` would)."""
    for key in burst_keys(*parts):
        character = " " if key == "space" else key if len(key) == 1 else None
        event = events.Key(key, character)
        event.set_sender(pilot.app)
        pilot.app.post_message(event)
    await settle(pilot)


async def test_a_name_typed_with_ctrl_s_at_once_is_saved_whole(journal_dir: Path) -> None:
    typed = [  # in the `a` form, no pause anywhere
        ("Hannah Fischer", "ctrl+s"),
        ("Jorge Navarro", "tab", "Litware", "ctrl+s"),
        ("Wanda Dufresnee", "backspace", "ctrl+s"),
    ]
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        for keys in typed:
            await pilot.press("a")
            await settle(pilot)
            assert isinstance(app.screen, PersonForm)
            await burst(pilot, *keys)
            assert isinstance(app.screen, PeopleScreen), f"{keys}: the form did not save"
        capture = await start_capture(pilot)
        await burst(pilot, "Ottilie Vasquez", "ctrl+s")  # and in capture
        await burst(pilot, "Severin Zielinski", "enter", "Northwind", "ctrl+s")
        assert capture.query_one("#field-name", Input).value == ""
    saved = {p.name: p for p in reopen(journal_dir).people()}
    assert {"Hannah Fischer", "Jorge Navarro", "Wanda Dufresne"} <= set(saved)
    assert saved["Jorge Navarro"].org == "Litware"
    assert saved["Ottilie Vasquez"].met_via == EVENT
    assert saved["Severin Zielinski"].org == "Northwind"


async def test_the_next_person_typed_during_a_save_is_kept(journal_dir: Path) -> None:
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        capture = await start_capture(pilot)
        await press_words(pilot, "Hannah Fischer")
        await pilot.press("ctrl+s")  # no settle: typed while the save runs
        await pilot.press(*"Jorge")
        await settle(pilot)
        assert capture.query_one("#field-name", Input).value == "Jorge"
        await press_words(pilot, " Navarro")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert sorted(p.name for p in reopen(journal_dir).people()) == [
        "Hannah Fischer", "Jorge Navarro",
    ]  # fmt: skip


async def capture_one_with_a_follow_up(pilot: Pilot[Any], name: str) -> None:
    """From wherever `c` is pressed: one person with a follow-up, escape, `r`."""
    await start_capture(pilot)
    await press_words(pilot, name)
    await pilot.press("ctrl+f", "ctrl+s")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CaptureSummary)
    await pilot.press("r")
    await settle(pilot)
    review = pilot.app.screen
    assert isinstance(review, ReviewScreen) and review.only


async def test_enter_on_a_follow_up_of_a_capture_started_in_outreach_shows_it(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await area(pilot, "3")
        await capture_one_with_a_follow_up(pilot, "Hannah Fischer")
        await pilot.press("enter")
        await settle(pilot)
        outreach = app.screen
        assert isinstance(outreach, OutreachScreen)
        [plan] = [o for o in reopen(journal_dir).all(Outreach) if "Hannah Fischer" in o.title]
        assert outreach.selected == plan.id


async def test_after_a_follow_up_is_opened_1_shows_people_and_a_adds(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await capture_one_with_a_follow_up(pilot, "Hannah Fischer")  # from People
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OutreachScreen)
        people = await area(pilot, "1")
        assert isinstance(people, PeopleScreen)  # not the capture's follow-ups again
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, PersonForm)
        await pilot.press("escape")
        await settle(pilot)
        review = await area(pilot, "4")  # the follow-ups wait in Review, escape leaves them
        assert isinstance(review, ReviewScreen) and review.only
        assert [str(row.cells[1]) for row in table(review).rows] == [
            f"Follow up with Hannah Fischer after {EVENT}"
        ]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen) and not app.screen.only


async def test_a_person_whose_save_fails_while_the_next_is_typed_comes_back(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing typed is lost to a failed save: the failed person returns once the next is saved."""
    gate = threading.Event()

    def full_once(step: str) -> None:
        monkeypatch.undo()  # only the first save fails
        gate.wait(5)
        raise OSError(28, "No space left on device")

    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        capture = await start_capture(pilot)
        monkeypatch.setattr(atomic_file, "checkpoint", full_once)
        await press_words(pilot, "Bea Quist")
        await pilot.press("ctrl+s")  # the save waits at the gate
        await press_words(pilot, "Cy Ode")
        gate.set()
        await settle(pilot)
        assert capture.query_one("#field-name", Input).value == "Cy Ode"
        assert "Bea Quist" in static_text(capture, "#form-error")
        assert capture.unsaved_typing()
        await pilot.press("ctrl+s")  # Cy is saved; Bea comes back to be saved again
        await settle(pilot)
        assert capture.query_one("#field-name", Input).value == "Bea Quist"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert sorted(p.name for p in reopen(journal_dir).people()) == ["Bea Quist", "Cy Ode"]
