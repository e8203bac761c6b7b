"""`b` on the share screen picks the learning's best three; with nobody it fits, it says so."""

from __future__ import annotations

from pathlib import Path

from netjournal.core.records import Learning, Outreach, Person
from netjournal.tui.screens.share import ShareScreen
from tests.tui.support import (
    SIZE,
    make_app,
    record_notifications,
    reopen,
    settle,
    table,
    wait_loaded,
)

ROBOTS = Learning.create(date="2026-11-01", title="Pallet robots cut picking time",
                         body="Payback in under three years.")  # fmt: skip
FITS = [Person.create(name=f"[b]Fit[/ {n}", expertise="pallet robots") for n in range(4)]
DAN = Person.create(name="Dan Wu", interests="jazz")


async def test_b_picks_three_and_space_still_unpicks_one(journal_dir: Path) -> None:
    app = make_app(journal_dir, ROBOTS, *FITS, DAN)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2", "s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ShareScreen)
        await pilot.press("b")
        marks = [row.cells[0] for row in table(screen).rows]
        assert marks == ["[x]", "[x]", "[x]", "[ ]", "[ ]"]
        ranked = [row.key for row in table(screen).rows]
        await pilot.press("space", "enter")  # the first one unpicked again: two shares
        await settle(pilot)
        plans = reopen(journal_dir).all(Outreach)
        assert sorted(o.person_ids[0] for o in plans) == sorted(ranked[1:3])


async def test_b_with_nobody_it_fits_says_so_and_picks_nobody(journal_dir: Path) -> None:
    app = make_app(journal_dir, ROBOTS, DAN)
    told = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("2", "s")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert told.messages()[-1] == "It fits nobody in particular: pick people with space."
        assert [row.cells[0] for row in table(app.screen).rows] == ["[ ]"]
