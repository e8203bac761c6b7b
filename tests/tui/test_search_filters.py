"""The search screen's filters (p: j: o: i: @tag) and highlighted matches."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Input

from netjournal.core.records import Interaction, Learning, Person
from tests.tui.support import SIZE, make_app, paste, settle, table, wait_loaded

ANN = Person.create(name="Ann Lee", tags="logimat")
ANNA = Person.create(name="Anna Smith")
TALK = Interaction.create(date="2026-11-02", person_ids=[ANN.id], summary="Ann asked about robots")
NOTE = Learning.create(date="2026-11-03", title="Robots for Ann's team", tags="logimat")


async def searched(journal_dir: Path, *queries: str) -> list[list[tuple[object, ...]]]:
    """The result rows of each query, typed one after the other in one search screen."""
    app = make_app(journal_dir, ANN, ANNA, TALK, NOTE)
    found = []
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        for query in queries:
            app.screen.query_one("#query", Input).value = ""
            await paste(pilot, query)
            await settle(pilot)
            found.append([row.cells for row in table(app.screen, "#results").rows])
    return found


async def test_type_filters_keep_one_kind_of_record(journal_dir: Path) -> None:
    people, talks = await searched(journal_dir, "p:ann", "i: robots")
    assert {cells[0] for cells in people} == {"person"}
    assert [str(cells[1]) for cells in people][:1] == ["Ann Lee"]
    assert [cells[0] for cells in talks] == ["interaction"]


async def test_a_tag_filter_keeps_tagged_records(journal_dir: Path) -> None:
    tagged, both = await searched(journal_dir, "@logi", "robots @logimat")
    assert sorted(str(cells[1]) for cells in tagged) == ["Ann Lee", "Robots for Ann's team"]
    assert [str(cells[1]) for cells in both] == ["Robots for Ann's team"]


async def test_matched_words_are_highlighted_from_offsets(journal_dir: Path) -> None:
    [rows] = await searched(journal_dir, "robots")
    title = rows[0][1]
    assert isinstance(title, Content)
    marked = [title.plain[span.start : span.end] for span in title.spans]
    assert marked == ["Robots"]
