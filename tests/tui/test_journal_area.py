"""The Journal area (2): learnings newest first, adding one, whom it was shared with."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input, TextArea

from netjournal.tui.screens.journal import JournalScreen
from netjournal.tui.screens.learning_form import LearningForm
from tests.tui.support import (
    SIZE,
    TODAY,
    area,
    detail_text,
    make_app,
    paste,
    record_notifications,
    reopen,
    settle,
    table,
    wait_loaded,
)


async def test_learnings_are_newest_first_and_the_detail_says_whom_each_went_to(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await area(pilot, "2")
        assert isinstance(screen, JournalScreen)
        learnings = sorted(
            reopen(journal_dir).learnings(), key=lambda x: (x.date, x.created), reverse=True
        )
        rows = table(screen).rows
        assert [row.key for row in rows] == [x.id for x in learnings]
        dates = [row.cells[0] for row in rows]
        assert dates == sorted(dates, reverse=True)
        assert detail_text(screen).splitlines()[0] == learnings[0].title

        # "Shared with": derived from interactions that shared the learning.
        store = reopen(journal_dir)
        names = {p.id: p.name for p in store.people()}
        shared = {
            learning_id: sorted(names[p] for p in i.person_ids)
            for i in store.interactions()
            for learning_id in i.learning_ids
        }
        assert shared, "the demo shares at least one learning"
        records = table(screen)
        checked = {True: 0, False: 0}  # shared, not shared: one of each is enough
        for _ in rows:
            if all(checked.values()):
                break
            key = records.current_key
            assert key is not None
            expected = ", ".join(shared[key]) if key in shared else "nobody yet"
            said = re.search(r"^Shared with +(.*)$", detail_text(screen), re.MULTILINE)
            assert said is not None, key
            assert said.group(1).startswith(expected), (key, said.group(1))
            checked[key in shared] += 1
            await pilot.press("j")
        assert all(checked.values()), checked


async def test_add_a_learning_focus_on_title_and_it_is_saved_dated_today(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        screen = await area(pilot, "2")
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LearningForm)
        assert app.focused is form.query_one("#field-title", Input)
        await pilot.press(*"Slotting")
        form.query_one("#field-body", TextArea).focus()
        await pilot.pause()
        await paste(pilot, "Put the fast movers **near the dock**.\n\nSaves a walk.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        [new] = [x for x in reopen(journal_dir).learnings() if x.title == "Slotting"]
        assert new.date == TODAY  # the form's "today", from the injected clock
        assert new.body == "Put the fast movers **near the dock**.\n\nSaves a walk."
        assert table(screen).rows[0].key == new.id  # newest first
        assert table(screen).current_key == new.id  # the cursor lands on what was saved
        assert "Saved 'Slotting'." in told.messages()
