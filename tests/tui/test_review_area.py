"""Review (4): a whole pass, a key per action, the progress line and the closing summary."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Outreach, Person
from netjournal.tui.screens.outreach_form import OutreachForm
from tests.tui.support import (
    SIZE,
    TODAY,
    make_app,
    paste,
    reopen,
    settle,
    static_text,
    table,
    wait_loaded,
)

ANN = Person.create(name="Ann Lee", kind="customer")
BOB = Person.create(name="Bob Stone", kind="supplier", cadence_days=30)
VIC = Person.create(name="Victor Almeida", status="prospect", influence=3)
MET_ANN = Interaction.create(date=TODAY - timedelta(days=2), person_ids=[ANN.id], summary="Coffee")
MET_BOB = Interaction.create(date=TODAY - timedelta(days=60), person_ids=[BOB.id], summary="Call")
LATE = plan_outreach("follow-up", [ANN], due=TODAY - timedelta(days=3))
DUE = plan_outreach("reconnect", [ANN], due=TODAY, title="Call Ann about the pilot")


async def test_a_whole_review_session(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, BOB, VIC, MET_ANN, MET_BOB, LATE, DUE)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        assert [row.cells[1] for row in table(screen).rows] == [
            "Follow up with Ann Lee", "Call Ann about the pilot", "Bob Stone", "Victor Almeida",
        ]  # fmt: skip
        assert static_text(screen, "#progress") == "1 of 4"
        await pilot.press("d")  # done: the overdue follow-up
        await settle(pilot)
        await pilot.press("u")  # a slip: taken back, and back in the queue
        await settle(pilot)
        assert table(screen).rows[0].cells[1] == "Follow up with Ann Lee"
        assert static_text(screen, "#progress") == "1 of 4"
        await pilot.press("d")  # done after all
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        await paste(pilot, "+2d")
        await pilot.press("enter")  # snoozed: the call
        await settle(pilot)
        await pilot.press("s")  # skipped for today: Bob
        await settle(pilot)
        assert [row.cells[1] for row in table(screen).rows] == ["Victor Almeida"]
        await pilot.press("p")  # plan: bring Victor in
        await settle(pilot)
        assert isinstance(app.screen, OutreachForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert (
            static_text(screen, "#progress")
            == "All 4 reviewed: done 1, snoozed 1, skipped 1, planned 1. Well done."
        )
        stored = {o.title: o for o in reopen(journal_dir).all(Outreach)}
        assert stored["Follow up with Ann Lee"].status == "done"
        assert stored["Call Ann about the pilot"].snoozed_until == TODAY + timedelta(days=2)
        assert stored["Bring in Victor Almeida"].kind == "bring-in"


async def test_after_planning_the_cursor_goes_on_to_the_next_item(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, BOB, VIC, MET_ANN, MET_BOB, LATE)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        await pilot.press("down")  # Bob, going cold
        assert table(screen).current_key == f"cold:{BOB.id}"
        await pilot.press("p")
        await settle(pilot)
        screen_form = app.screen
        screen_form.query_one("#field-due").value = "today"  # joins the queue, above
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [row.cells[1] for row in table(screen).rows] == [
            "Follow up with Ann Lee", "Reconnect with Bob Stone", "Victor Almeida",
        ]  # fmt: skip
        assert table(screen).current_key == f"prospect:{VIC.id}"


async def test_a_skip_lasts_the_day_when_the_app_is_opened_again(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, BOB, VIC, MET_ANN, MET_BOB)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert [row.cells[1] for row in table(app.screen).rows] == ["Bob Stone", "Victor Almeida"]
        await pilot.press("s")  # Bob, going cold: not today
        await settle(pilot)

    again = make_app(journal_dir)
    async with again.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        review = again.screen
        assert [row.cells[1] for row in table(review).rows] == ["Victor Almeida"]
        assert static_text(review, "#progress") == "1 of 1 · 1 skipped earlier"
        await pilot.press("s")
        await settle(pilot)
        assert static_text(review, "#progress") == "All 1 reviewed: skipped 1. Well done."

    tomorrow = make_app(journal_dir, day=TODAY + timedelta(days=1))
    async with tomorrow.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert [row.cells[1] for row in table(tomorrow.screen).rows] == [
            "Bob Stone", "Victor Almeida",
        ]  # fmt: skip

    last_visit = make_app(journal_dir)
    async with last_visit.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert static_text(last_visit.screen, "#progress") == (
            "Nothing left for today: 2 items skipped earlier."
        )
