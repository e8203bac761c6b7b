"""A huge note (imported, or typed long ago) shows as a preview: the app stays quick."""

from __future__ import annotations

from pathlib import Path

from netjournal.core.records import Person
from netjournal.tui.detail import PREVIEW_CHARACTERS, preview
from tests.tui.support import detail_text, make_app, wait_loaded

NOTE = "Met at the fair. " * 60_000  # about 1 MB, the import cap


def test_a_short_note_shows_whole_and_a_long_one_says_how_much_more() -> None:
    assert preview("short") == "short"
    shown = preview(NOTE)
    assert shown.startswith(NOTE[:PREVIEW_CHARACTERS])
    assert f"{len(NOTE) - PREVIEW_CHARACTERS:,} more characters" in shown


async def test_a_person_with_a_huge_note_shows_at_once_with_its_start(journal_dir: Path) -> None:
    ann = Person.create(name="Ann Lee", notes=NOTE)
    app = make_app(journal_dir, ann)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.pause()
        text = detail_text(app.screen)
        assert "Met at the fair." in text
        assert "more characters" in text
