"""`s` on a learning: ranked people, space to pick, enter plans a share each, due today."""

from __future__ import annotations

from pathlib import Path

from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.tui.screens.journal import JournalScreen
from netjournal.tui.screens.share import ShareScreen
from tests.tui.support import SIZE, TODAY, make_app, reopen, settle, table, wait_loaded

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
            ("Yuki Tanaka", "expertise: pallet robots  (already has it)"),
            ("Dan Wu", ""),
        ]
        await pilot.press("space", "down", "down", "space", "enter")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        plans = reopen(journal_dir).all(Outreach)
        assert sorted((o.title, o.due, o.kind) for o in plans) == [
            ("Share 'Pallet robots cut picking time' with Dan Wu", TODAY, "share"),
            ("Share 'Pallet robots cut picking time' with Priya Raman", TODAY, "share"),
        ]
