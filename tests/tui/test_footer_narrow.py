"""At 80x24 the keys needed most stay in the footer: the areas, search, help and quit; the
screen's own keys give way from the last, and every key stays in help."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.screen import Screen

from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.timeline import TimelineScreen
from netjournal.tui.widgets.key_footer import KeyFooter
from tests.tui.support import area, make_app, settle, wait_loaded, wait_until

ALWAYS = ("12345 Areas", "/ Search", "? Help", "q Quit", "^p palette")
NARROW = (80, 24)


def footer_line(screen: Screen[Any]) -> str:
    """The footer as drawn: its rendered line."""
    footer = screen.query_one(KeyFooter)
    return str(footer.render())


def assert_keeps_the_keys(screen: Screen[Any], width: int = NARROW[0]) -> str:
    line = footer_line(screen)
    for words in ALWAYS:
        assert words in line, (type(screen).__name__, line)
    assert cell_len(line) <= width, line
    return line


async def test_every_area_keeps_help_search_quit_and_the_areas_at_80_columns(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=NARROW) as pilot:
        await wait_loaded(pilot)
        people = assert_keeps_the_keys(app.screen)
        assert people.startswith(" a Add e Edit")  # the screen's first keys still show
        assert "f Filter" not in people  # the last ones give way (help lists them)
        for key, first in (("2", "a Add"), ("3", "a Add"), ("4", "d Done"), ("5", "p Plan")):
            screen = await area(pilot, key)
            await settle(pilot)
            line = assert_keeps_the_keys(screen)
            assert line.lstrip().startswith(first), line

        # A screen pushed over an area: the timeline of someone.
        screen = await area(pilot, "1")
        assert isinstance(screen, PeopleScreen)
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen), what="timeline")
        await settle(pilot)
        assert "esc Back" in assert_keeps_the_keys(app.screen)


async def test_a_wide_terminal_shows_more_of_the_screen_keys(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_loaded(pilot)
        line = assert_keeps_the_keys(app.screen, 160)
        assert "f Filter" in line and "c Capture" in line


async def test_clicking_a_footer_key_presses_it(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=NARROW) as pilot:
        await wait_loaded(pilot)
        line = footer_line(app.screen)
        await pilot.click(KeyFooter, offset=(line.index("12345") + 2, 0))  # the "3"
        await settle(pilot)
        assert app.current_mode == "outreach"
