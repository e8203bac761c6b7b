"""The results of `/` are drawn as they come on screen: each row still shows where its words
matched, and a topic typed faster than it is ranked ends on the words last typed."""

from __future__ import annotations

from pathlib import Path

from netjournal.core.records import Learning, Person
from netjournal.tui.screens.search import SearchScreen
from tests.tui.support import SIZE, make_app, settle, static_text, table, wait_loaded, wait_until

FILLER = "Notes from the hall, the booths and the talks of the second day. " * 3
LEARNINGS = [
    Learning.create(
        title=f"Show report {n}", date="2026-11-20", body=f"{FILLER}Pallet robots at stand {n}."
    )
    for n in range(60)
]


async def test_every_row_shows_the_text_around_the_word_even_far_down(journal_dir: Path) -> None:
    app = make_app(journal_dir, *LEARNINGS)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"pallet")
        results = table(app.screen, "#results")
        await wait_until(pilot, lambda: len(results.rows) == 60)
        first = str(results.rows[0].cells[2])
        assert first.startswith("…") and "Pallet robots at stand" in first
        # A typo'd word is not in the text: the row shows the next word typed that is.
        await pilot.press(*["backspace"] * 6, *"palet robots")
        await wait_until(pilot, lambda: app.screen.shown_query == "palet robots")
        assert "robots at stand" in str(results.rows[0].cells[2])
        await pilot.press("down", "end")  # the last row is made when it is drawn
        await settle(pilot)
        assert results.current_key == results.rows[59].key
        assert "robots at stand" in str(results.rows[59].cells[2])


async def test_a_topic_typed_in_one_burst_ranks_the_last_words_typed(journal_dir: Path) -> None:
    chloe = Person.create(name="Chloé Martin", expertise="supplier risk, contracts")
    bob = Person.create(name="Bob Stone", expertise="supply chains")
    app = make_app(journal_dir, chloe, bob)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        # Typed, half erased, typed on: each key a search, the rankings slower than the keys.
        await pilot.press(*"?supply", *["backspace"] * 6, *"supplier risk")
        screen = app.screen
        await wait_until(
            pilot,
            lambda: "'supplier risk'" in static_text(screen, "#search-status"),
            what="the ranking of the last words typed",
        )
        await settle(pilot)
        assert [row.cells[1] for row in table(screen, "#results").rows] == ["Chloé Martin"]
        # And the next words are searched too: nothing is left waiting.
        await pilot.press(*["backspace"] * 14, *"pallet")
        await wait_until(pilot, lambda: "Nothing matches" in static_text(screen, "#search-status"))


def underlined(table: object, y: int) -> list[str]:
    """The underlined words of line `y` of a results table, as drawn."""
    strip = table.render_line(y)  # type: ignore[attr-defined]
    return [seg.text.strip() for seg in strip if seg.style and seg.style.underline and seg.text.strip()]


async def test_each_query_selects_its_best_result_and_underlines_its_own_words(
    journal_dir: Path,
) -> None:
    kerstin = Person.create(name="Kerstin Vogel", org="Fabrikam Robotics")
    others = [Person.create(name=f"Rahel Vogt {n}", org="Fabrikam") for n in range(3)]
    app = make_app(journal_dir, kerstin, *others)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"vogel")
        results = table(app.screen, "#results")
        await wait_until(pilot, lambda: results.current_key == kerstin.id)
        await settle(pilot)
        assert "Vogel" in underlined(results, 1)
        app.screen.query_one("#query").value = ""
        await pilot.press(*"fabrikam")
        await wait_until(pilot, lambda: app.screen.shown_query == "fabrikam")
        await settle(pilot)
        await pilot.press("down", "down")  # a row further down
        await settle(pilot)
        line = next(y for y in range(1, 5) if results.rows[y - 1].key == kerstin.id)
        assert "Vogel" not in underlined(results, line)  # drawn for "fabrikam", not "vogel"
        assert "Fabrikam" in underlined(results, line)
        # A new query is a new list: its best result is selected, not the row moved to.
        app.screen.query_one("#query").focus()  # its text selected, as Textual focuses a field
        await pilot.pause()
        await pilot.press("end", "backspace")
        await wait_until(pilot, lambda: app.screen.shown_query == "fabrika")
        assert results.current_key == results.rows[0].key
        assert results.cursor == 0


async def test_slash_in_the_results_goes_back_to_the_query(journal_dir: Path) -> None:
    app = make_app(journal_dir, *LEARNINGS[:3])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"pallet/x")  # a slash typed in the query is text
        search = app.screen
        await wait_until(pilot, lambda: search.shown_query == "pallet/x")
        await pilot.press(*["backspace"] * 2)
        await wait_until(pilot, lambda: search.shown_query == "pallet")
        await pilot.press("down", "slash")
        await settle(pilot)
        assert app.screen is search and app.focused is search.query_one("#query")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)


async def test_a_topic_nobody_knows_says_so(journal_dir: Path) -> None:
    app = make_app(journal_dir, Person.create(name="Chloé Martin", expertise="supplier risk"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"?blorfquux")
        screen = app.screen
        await wait_until(pilot, lambda: screen.shown_query == "?blorfquux")
        assert static_text(screen, "#search-status") == (
            "Nobody in your journal is linked to 'blorfquux' yet."
        )
        await pilot.press(*["backspace"] * 9)
        await wait_until(pilot, lambda: screen.shown_query == "?")
        assert static_text(screen, "#search-status").startswith("Type a topic after ?")


def test_a_typed_word_underlines_the_word_it_stands_for_typos_included() -> None:
    from netjournal.tui.commands import highlighted

    def marked(text: str, query: str) -> list[str]:
        content = highlighted(text, query)
        return [content.plain[span.start : span.end] for span in content.spans]

    assert marked("Hannah Fischer, Schenker", "fischr schenkr") == ["Fischer", "Schenker"]
    assert marked("Jürgen Müller", "jurg") == ["Jürg"]  # a word begun: what was typed
    assert marked("Time to crime novels", "crime") == ["crime"]  # "time" is two edits away
    assert marked("[bold]Lin[/] and Lim", "lin") == ["Lin"]  # three letters: no typo
