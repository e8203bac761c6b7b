"""The five areas on keys 1-5, and what an empty journal says to do."""

from __future__ import annotations

from pathlib import Path

from netjournal.tui.screens.journal import JournalScreen
from netjournal.tui.screens.network import NetworkScreen
from netjournal.tui.screens.outreach import OutreachScreen
from netjournal.tui.screens.outreach_form import OutreachForm
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.review import ReviewScreen
from tests.tui.support import SIZE, area, make_app, static_text, wait_loaded


async def test_number_keys_switch_between_the_five_areas(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert isinstance(app.screen, PeopleScreen)
        expected = {
            "2": JournalScreen,
            "3": OutreachScreen,
            "4": ReviewScreen,
            "5": NetworkScreen,
            "1": PeopleScreen,
        }
        for key, kind in expected.items():
            screen = await area(pilot, key)
            assert isinstance(screen, kind), f"key {key}"


async def test_an_empty_journal_says_what_to_press(journal_dir: Path) -> None:
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        says = {
            "1": "No people yet. Press a to add someone",
            "2": "No learnings yet. Press a to write down what you learnt",
            "5": "No people yet: the network view fills in",
            "3": "Nothing planned. Press a to plan a follow-up",
        }
        for key, sentence in says.items():
            screen = await area(pilot, key)
            assert screen.query_one("#empty").display, key
            assert not screen.query_one("#area").display, key
            assert sentence in static_text(screen, "#empty"), key
        # The key it names works from the empty state: `a` opens the add form.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, OutreachForm)
        assert not journal_dir.exists()  # nothing was written by looking


async def test_a_narrow_terminal_stacks_the_detail_under_a_list_that_fits(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        for key in ("1", "2", "3", "5"):
            screen = await area(pilot, key)
            await pilot.pause(0.3)
            listed = screen.query_one("#list")
            detail = screen.query_one("#detail-pane")
            assert listed.region.right <= 80, key
            assert detail.region.y >= listed.region.bottom, key  # below, not beside
            shown = [w for w in listed.widths(listed.scrollable_content_region.width) if w]
            assert len(shown) >= 2, key  # more than the first column is readable
