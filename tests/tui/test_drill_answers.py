"""A drill says what is true when you know someone the journal does not, and counts honestly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from netjournal.core.records import Learning, Person
from netjournal.tui.screens.drill import DrillScreen
from tests.tui.support import (
    SIZE,
    make_app,
    paste,
    reopen,
    settle,
    static_text,
    wait_loaded,
    wait_until,
)

# One topic in the whole journal: a learning's tag that nobody is known for.
ANN = Person.create(name="Ann [bold]Lee[/", kind="internal")
NOTE = Learning.create(date="2026-11-01", title="Robots at the expo", tags=["automation"])


async def answer_ann(pilot: Pilot[Any], drill: DrillScreen) -> str:
    await paste(pilot, "ann")
    await pilot.press("enter")
    await settle(pilot)
    return static_text(drill, "#drill-answer")


async def test_naming_someone_the_journal_lacks_fills_the_gap_and_teaches_it(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, ANN, NOTE)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.push_screen(DrillScreen(seed=1))
        await settle(pilot)
        drill = app.screen
        assert isinstance(drill, DrillScreen)
        assert [q.topic for q in drill.questions] == ["automation"]

        text = await answer_ann(pilot, drill)
        assert "nobody either" not in text
        assert "The journal: nobody for automation yet; your answer fills that gap." in text
        assert "a adds automation to what Ann [bold]Lee[/ knows" in text
        assert "Nobody to ask" not in text  # you have someone: no gap to plan for
        assert app.active_bindings["a"].enabled and not app.active_bindings["g"].enabled

        await pilot.press("a")
        await wait_until(pilot, lambda: "automation" in reopen(journal_dir).people()[0].expertise,
                         what="the topic added to Ann")  # fmt: skip
        await settle(pilot)
        assert not app.active_bindings["a"].enabled  # once

        await pilot.press("enter")  # the summary counts only what the journal itself had
        await settle(pilot)
        summary = static_text(drill, "#drill-question")
        assert summary.startswith("You knew whom to ask for 1 of 1 topics; the journal itself "
                                  "had someone for 0; you agreed on 0. You named someone for "
                                  "1 topic the journal had nobody for.")  # fmt: skip

        await pilot.press("escape")  # next time the journal knows Ann for it
        app.push_screen(DrillScreen(seed=1))
        await settle(pilot)
        again = app.screen
        assert isinstance(again, DrillScreen)
        text = await answer_ann(pilot, again)
        assert "Same as the journal." in text and "fills that gap" not in text
        await pilot.press("enter")
        await settle(pilot)
        assert "the journal itself had someone for 1; you agreed on 1." in static_text(
            again, "#drill-question"
        )


async def test_nobody_for_a_topic_nobody_covers_still_says_nobody_either(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, ANN, NOTE)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.push_screen(DrillScreen(seed=1))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = static_text(app.screen, "#drill-answer")
        assert "The journal: nobody either" in text and "g plans an outreach" in text
        assert not app.active_bindings["a"].enabled
