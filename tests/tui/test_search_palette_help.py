"""Search (/), the command palette (ctrl+p) and help (?)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from netjournal.tui.screens.help import HelpScreen
from netjournal.tui.screens.journal import JournalScreen
from netjournal.tui.screens.log_form import LogForm
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.search import SearchScreen
from tests.tui.support import (
    SIZE,
    area,
    detail_text,
    make_app,
    reopen,
    settle,
    table,
    wait_loaded,
    wait_until,
)


async def test_search_finds_a_learning_by_a_word_of_its_body_and_enter_opens_it(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        people = app.screen
        # Escape closes search and leaves the area as it was.
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is people

        [csrd] = [x for x in reopen(journal_dir).learnings() if "subcontracted" in x.body]
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert app.focused is search.query_one("#query", Input)
        await pilot.press(*"subcontr")  # a prefix of a word in the body only
        results = table(search, "#results")
        await wait_until(pilot, lambda: csrd.id in [row.key for row in results.rows])
        assert results.current_key == csrd.id
        assert results.rows[0].cells[:2] == ("learning", csrd.title)
        await pilot.press("enter")
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert table(journal).current_key == csrd.id
        assert detail_text(journal).splitlines()[0] == csrd.title


async def palette_top_hit(pilot: Pilot[None], typed: str, expected: str) -> str:
    """Open the palette, type, and wait until `expected` is in the highlighted (top) hit."""
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    await pilot.press(*typed)
    hits = pilot.app.screen.query_one(CommandList)

    def top() -> str:
        if not hits.option_count or hits.highlighted is None:
            return ""
        return str(hits.get_option_at_index(hits.highlighted).prompt)

    await wait_until(pilot, lambda: expected in top(), what=f"{expected!r} as the top hit")
    await pilot.pause(0.3)  # hits arrive in batches: a later one must not displace it
    return top()


async def test_palette_goes_to_a_person_and_runs_an_action_on_the_current_screen(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        [priya] = [p for p in reopen(journal_dir).people() if p.name == "Priya Raman"]
        await area(pilot, "2")  # from another area: the palette switches to People
        top = await palette_top_hit(pilot, "Priya", "Priya Raman")
        assert "Priya Raman" in top
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert table(screen).current_key == priya.id
        assert detail_text(screen).splitlines()[0] == "Priya Raman"

        top = await palette_top_hit(pilot, "Log", "Log")
        assert top.splitlines() == ["Log", "key: l"]
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, LogForm)
        assert form.person.id == priya.id


async def test_a_name_in_the_palette_beats_actions_that_merely_contain_its_letters(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        # "Capture after an event" holds a, n, n in order; Ann Lee is the one meant.
        top = await palette_top_hit(pilot, "ann", "Ann Lee")
        assert top.startswith("Person   Ann Lee"), top
        await pilot.press("escape")
        top = await palette_top_hit(pilot, "capt", "Capture")  # the key's or the palette's
        assert top.startswith("Capture"), top


async def test_help_shows_the_keys_of_the_current_screen(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        people = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one(Static).content)
        for words in ("Keys: People", "Add", "Edit", "Delete", "Log", "Filter", "Search", "Quit"):
            assert words in text, words
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is people

        await area(pilot, "2")
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one(Static).content)
        assert "Keys: Journal" in text and "Add" in text
        assert "Log" not in text.replace("Logi", "")  # no `l` on learnings
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
