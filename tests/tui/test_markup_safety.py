"""User text is never markup: hostile names show literally everywhere and break nothing.

"Renders" here means a full frame was drawn (`export_screenshot` runs the compositor over
every visible widget); the assertions are on state: the app still runs, the detail's plain
text holds the literal name, and every notification was sent with markup off.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Static

from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.tui.app import NetjournalApp
from netjournal.tui.screens.delete_person import DeletePersonDialog
from netjournal.tui.screens.log_form import LogForm
from netjournal.tui.screens.person_form import PersonForm
from netjournal.tui.screens.snooze import SnoozeDialog
from tests.tui.support import (
    SIZE,
    area,
    detail_text,
    make_app,
    paste,
    record_notifications,
    reopen,
    settle,
    table,
    wait_loaded,
    wait_until,
)

HOSTILE = [
    "[bold]x[/",
    "100% [done]",
    "[@click=app.quit]me[/]",
    "[$primary]x",
    "Zoë 👩‍💻",
    "e\u0301",  # stored NFC-normalized, as "é"
]
CLICK = "[@click=app.quit]me[/]"


def stored(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def hostile_journal() -> list[Record]:
    people = [Person.create(name=name, org=name, role=name, notes=name) for name in HOSTILE]
    day = date(2026, 11, 20)
    learnings = [
        Learning.create(title=f"{name} tip", body=f"About {name} and more", date=day, tags=name)
        for name in HOSTILE
    ]
    interactions = [
        Interaction.create(date=day, person_ids=[p.id], summary=f"Talk {p.name}", event=p.name,
                           learning_ids=[x.id])
        for p, x in zip(people, learnings, strict=True)
    ]  # fmt: skip
    outreach = [
        Outreach.create(kind="follow-up", title=f"{p.name} plan", person_ids=[p.id], notes=p.name,
                        due=date(2026, 11, 28 + i % 3))
        for i, p in enumerate(people)
    ]  # fmt: skip
    return [*people, *learnings, *interactions, *outreach]


def draw(app: NetjournalApp) -> None:
    """Draw a whole frame of the current screen (and its toasts): crashes surface here."""
    app.export_screenshot()
    assert app.return_code is None and app.is_running


async def visit_every_row(pilot: Pilot[None], app: NetjournalApp, title_of: dict[str, str]) -> None:
    """Move through the list; each detail's plain text holds the record's literal title."""
    records = table(app.screen)
    seen: set[str] = set()
    for _ in range(len(records.rows)):
        key = records.current_key
        if key is not None and key not in seen:
            seen.add(key)
            assert title_of[key] in detail_text(app.screen), title_of[key]
            draw(app)
        await pilot.press("j")
    assert seen == set(title_of)


async def test_hostile_names_show_literally_in_lists_and_details(journal_dir: Path) -> None:
    records = hostile_journal()
    app = make_app(journal_dir, *records)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        store = reopen(journal_dir)
        people = {p.id: p.name for p in store.people()}
        assert set(people.values()) == {stored(n) for n in HOSTILE}
        assert {row.cells[0] for row in table(app.screen).rows} == set(people.values())
        await visit_every_row(pilot, app, people)

        # Clicking the name in the list and in the detail runs nothing.
        clicker = next(key for key, name in people.items() if name == CLICK)
        app.screen.select(clicker)  # type: ignore[attr-defined]
        await pilot.pause()
        row = [r.key for r in table(app.screen).rows].index(clicker)
        await pilot.click("#list", offset=(2, row + 1))
        await pilot.click("#detail", offset=(1, 0))
        await pilot.click("#detail", offset=(5, 0))
        await settle(pilot)
        assert app.return_code is None and app.is_running
        assert detail_text(app.screen).splitlines()[0] == CLICK

        await area(pilot, "2")
        await visit_every_row(pilot, app, {x.id: x.title for x in store.learnings()})
        await area(pilot, "3")
        await visit_every_row(pilot, app, {o.id: o.title for o in store.outreach()})
        await pilot.click("#detail", offset=(3, 0))
        await settle(pilot)
        assert app.return_code is None and app.is_running


async def test_hostile_names_in_forms_dialogs_and_notifications(journal_dir: Path) -> None:
    app = make_app(journal_dir, *hostile_journal())
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        clicker = next(p for p in reopen(journal_dir).people() if p.name == CLICK)
        app.screen.select(clicker.id)  # type: ignore[attr-defined]
        await pilot.pause()
        for key, dialog in (("e", PersonForm), ("l", LogForm), ("x", DeletePersonDialog)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, dialog)
            assert any(CLICK in str(s.content) for s in app.screen.query(Static)), dialog
            draw(app)
            await pilot.press("escape")
            await pilot.pause()

        # Saving: the notification names the record, literally.
        await pilot.press("a")
        await paste(pilot, "[b]new[/")
        await pilot.press("ctrl+s")
        await settle(pilot)
        draw(app)
        await pilot.press("l")
        await paste(pilot, "[@click=app.quit]talk[/]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        draw(app)

        # Outreach: done and snooze notifications carry the hostile titles.
        await area(pilot, "3")
        await pilot.press("d")
        await settle(pilot)
        draw(app)
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeDialog)
        draw(app)
        await pilot.press("plus", "3", "d", "enter")
        await settle(pilot)
        draw(app)

        messages = told.messages()
        assert "Saved [b]new[/." in messages
        assert any(m.startswith("Done: ") and "plan" in m for m in messages)
        assert any(m.startswith("Snoozed until ") for m in messages)
        assert len(messages) == 4
        assert all(not n.markup for n in told.seen), "user text in a notification is markup"
        store = reopen(journal_dir)
        assert "[b]new[/" in {p.name for p in store.people()}
        assert "[@click=app.quit]talk[/]" in {i.summary for i in store.interactions()}
        assert app.return_code is None


async def test_hostile_names_in_palette_hits_and_search_results(journal_dir: Path) -> None:
    app = make_app(journal_dir, *hostile_journal())
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        store = reopen(journal_dir)
        bold = next(p for p in store.people() if p.name == "[bold]x[/")
        done = next(p for p in store.people() if p.name == "100% [done]")

        await pilot.press("ctrl+p", *"bold")
        hits = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: hits.option_count > 0)
        await pilot.pause(0.3)
        prompts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        assert any("[bold]x[/" in prompt for prompt in prompts), prompts
        draw(app)
        person_hit = "Person   [bold]x[/"
        assert any(prompt.startswith(person_hit) for prompt in prompts), prompts
        while not str(hits.get_option_at_index(hits.highlighted or 0).prompt).startswith(
            person_hit
        ):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert table(app.screen).current_key == bold.id
        assert detail_text(app.screen).splitlines()[0] == "[bold]x[/"
        draw(app)

        await pilot.press("slash", *"done")
        results = table(app.screen, "#results")
        await wait_until(pilot, lambda: done.id in [row.key for row in results.rows])
        assert any(row.cells[1] == "100% [done]" for row in results.rows)
        draw(app)
        while results.current_key != done.id:
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert table(app.screen).current_key == done.id
        assert detail_text(app.screen).splitlines()[0] == "100% [done]"
        draw(app)
        assert app.return_code is None
