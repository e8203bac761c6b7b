"""`s` on a learning: ranked people, space to pick, enter plans a share each, due today."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input

from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.tui.screens.journal import JournalScreen
from netjournal.tui.screens.share import ShareScreen
from tests.tui.support import (
    SIZE,
    TODAY,
    make_app,
    record_notifications,
    reopen,
    settle,
    static_text,
    table,
    wait_loaded,
)

ROBOTS = Learning.create(date="2026-11-01", title="Pallet robots cut picking time",
                         body="Payback in under three years.")  # fmt: skip
PRIYA = Person.create(name="Priya Raman", needs="payback under three years")
YUKI = Person.create(name="Yuki Tanaka", expertise="pallet robots")
DAN = Person.create(name="Dan Wu", interests="jazz")
SENT = Interaction.create(
    date="2026-11-02", person_ids=[YUKI.id], summary="Sent it", learning_ids=[ROBOTS.id]
)


async def test_share_a_learning_with_the_people_it_fits(journal_dir: Path) -> None:
    app = make_app(journal_dir, ROBOTS, PRIYA, YUKI, DAN, SENT)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2", "s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ShareScreen)
        rows = table(screen).rows
        assert [(r.cells[1], r.cells[2]) for r in rows] == [
            ("Priya Raman", "need: payback under three years"),
            ("Dan Wu", ""),
            ("Yuki Tanaka", "expertise: pallet robots  (already has it)"),  # ranked out
        ]
        await pilot.press("space", "down", "space", "enter")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        plans = reopen(journal_dir).all(Outreach)
        assert sorted((o.title, o.due, o.kind) for o in plans) == [
            ("Share 'Pallet robots cut picking time' with Dan Wu", TODAY, "share"),
            ("Share 'Pallet robots cut picking time' with Priya Raman", TODAY, "share"),
        ]


async def test_the_due_date_of_planned_shares_can_be_changed(journal_dir: Path) -> None:
    app = make_app(journal_dir, ROBOTS, PRIYA, YUKI, DAN)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2", "s")
        await settle(pilot)
        screen = app.screen
        await pilot.press("space", "tab")
        due = screen.query_one("#due", Input)
        assert app.focused is due and due.value == "today"
        due.value = ""
        await pilot.press(*"whenever", "enter")  # a bad date: one sentence, nothing planned
        await settle(pilot)
        assert app.screen is screen and "'whenever' is not" in notes.messages("error")[-1]
        assert reopen(journal_dir).all(Outreach) == []
        due.value = ""
        await pilot.press("+", "1", "w", "enter")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        plans = reopen(journal_dir).all(Outreach)
        assert [(o.title, o.due) for o in plans] == [
            ("Share 'Pallet robots cut picking time' with Priya Raman", TODAY + timedelta(weeks=1))
        ]
        assert notes.messages()[-1].endswith(f"due {(TODAY + timedelta(weeks=1)).isoformat()}.")


async def test_the_review_offers_a_fresh_learning_and_plans_its_shares(journal_dir: Path) -> None:
    fresh = ROBOTS.edit(date=TODAY - timedelta(days=3))
    met = [Interaction.create(date=TODAY - timedelta(days=1), person_ids=[p.id], summary="Hi")
           for p in (PRIYA, YUKI, DAN)]  # fmt: skip
    app = make_app(journal_dir, fresh, PRIYA, YUKI, DAN, *met)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        review = app.screen
        assert [(r.cells[0], r.cells[1], r.cells[2]) for r in table(review).rows] == [(
            "share", "Pallet robots cut picking time",
            "not shared yet; fits Priya Raman (need: payback under three years) and 1 more",
        )]  # fmt: skip
        await pilot.press("p")
        await settle(pilot)
        share = app.screen
        assert isinstance(share, ShareScreen)
        picked = [r.cells[1] for r in table(share).rows if r.cells[0] == "[x]"]
        assert picked == ["Priya Raman", "Yuki Tanaka"]  # the strong matches, already picked
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is review
        # The shares are due today, so they join the queue to be done right away.
        assert sorted((r.cells[0], r.cells[2]) for r in table(review).rows) == [
            ("outreach", "due today · Priya Raman"),
            ("outreach", "due today · Yuki Tanaka"),
        ]
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert static_text(review, "#progress") == "All 3 reviewed: done 2, planned 1. Well done."
        told = reopen(journal_dir).all(Interaction)
        assert sorted(i.person_ids[0] for i in told if i.learning_ids == (fresh.id,)) == sorted(
            [PRIYA.id, YUKI.id]
        )
