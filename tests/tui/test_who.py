"""Who would you ask? `/` then `?topic`, or the palette: people ranked with their reasons."""

from __future__ import annotations

from pathlib import Path

from netjournal.core.records import Person
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.search import SearchScreen
from tests.tui.support import SIZE, make_app, paste, settle, static_text, table, wait_loaded

CHLOE = Person.create(name="Chloé Martin", expertise="supplier risk, contracts")
BOB = Person.create(name="Bob Stone", interests="risk games")
DAN = Person.create(name="Dan Wu", interests="jazz")


async def test_a_question_mark_asks_who_knows_and_enter_opens_them(journal_dir: Path) -> None:
    app = make_app(journal_dir, CHLOE, BOB, DAN)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        await paste(pilot, "?supplier risk")
        await settle(pilot)
        screen = app.screen
        rows = [row.cells for row in table(screen, "#results").rows]
        assert rows[0] == ("person", "Chloé Martin", "expertise: supplier risk")
        # Bob's "risk games" holds only the commoner half of the topic (issue 15): not listed.
        assert [cells[1] for cells in rows] == ["Chloé Martin"]
        assert static_text(screen, "#search-status").startswith(
            "Who would you ask about 'supplier risk'?"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert app.screen.selected == CHLOE.id


async def test_the_palette_offers_the_question(journal_dir: Path) -> None:
    app = make_app(journal_dir, CHLOE, BOB, DAN)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await paste(pilot, "contracts")
        await pilot.pause(0.8)
        for _ in range(10):  # the ask is one of the hits: move to it
            await pilot.press("down")
            await pilot.pause(0.05)
            highlighted = app.screen.query_one("CommandList").highlighted_option
            if highlighted is not None and "Who would you ask" in str(highlighted.prompt):
                break
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert [row.cells[1] for row in table(app.screen, "#results").rows] == ["Chloé Martin"]
