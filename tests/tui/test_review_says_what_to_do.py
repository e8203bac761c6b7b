"""Review (4) says what to do: a plan's note on its row, whom it is with only where the title
does not say, `z` on someone going cold ("not before DATE", kept across a restart, seen and
ended in the person's detail and form), and cadences in words."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Learning, Person
from netjournal.tui.screens.person_form import PersonForm
from netjournal.tui.screens.snooze import SnoozeDialog
from tests.tui.support import (
    SIZE,
    TODAY,
    detail_text,
    field_value,
    make_app,
    paste,
    record_notifications,
    reopen,
    settle,
    static_text,
    table,
    wait_loaded,
)

ANNA = Person.create(name="Anna Smith", kind="customer")
MET_ANNA = Interaction.create(date=TODAY - timedelta(days=2), person_ids=[ANNA.id], summary="Hi")
# A customer with power: a month a quarter sooner, rounded to a natural cadence (21 days).
BOB = Person.create(name="Bob Stone", kind="customer", influence=2)
MET_BOB = Interaction.create(date=TODAY - timedelta(days=40), person_ids=[BOB.id], summary="Call")
PRIYA = Person.create(name="Priya Raman")
ROBOTS = Learning.create(date=TODAY, title="Pallet robots cut picking time by a third at Contoso")


def rows(screen: object) -> list[tuple[str, str]]:
    return [(str(row.cells[1]), str(row.cells[2])) for row in table(screen).rows]  # type: ignore[arg-type]


async def test_three_follow_ups_with_one_person_are_told_apart_by_their_notes(
    journal_dir: Path,
) -> None:
    plans = [
        plan_outreach("follow-up", [ANNA], due=TODAY - timedelta(days=2),
                      notes="Send the NDA template\nand the price list"),
        plan_outreach("follow-up", [ANNA], due=TODAY - timedelta(days=1),
                      notes="[bold]Ask about Q3[/"),
        plan_outreach("follow-up", [ANNA], due=TODAY),
        # A long title is cut in its column: the Why column still says whom it is with.
        plan_outreach("share", [PRIYA], learning=ROBOTS, due=TODAY),
    ]  # fmt: skip
    app = make_app(journal_dir, ANNA, MET_ANNA, PRIYA, ROBOTS, *plans)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert rows(app.screen) == [
            ("Follow up with Anna Smith", "overdue by 2 days · Send the NDA template…"),
            ("Follow up with Anna Smith", "overdue by 1 day · [bold]Ask about Q3[/"),  # literal
            ("Follow up with Anna Smith", "due today"),  # the title names her: not again
            ("Share 'Pallet robots cut picking time by a third at Contoso' with Priya Raman",
             "due today · Priya Raman"),
        ]  # fmt: skip


async def test_z_keeps_someone_going_cold_quiet_until_a_day_across_a_restart(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, ANNA, MET_ANNA, BOB, MET_BOB)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        review = app.screen
        assert rows(review) == [
            ("Bob Stone", "going cold: last contact 40 days ago (every 3 weeks)")
        ]
        await pilot.press("z")
        await settle(pilot)
        assert isinstance(app.screen, SnoozeDialog)
        await paste(pilot, "yesterday")
        await pilot.press("enter")
        await settle(pilot)
        assert "after today" in static_text(app.screen, "#snooze-error")  # nothing saved
        assert reopen(journal_dir).get(Person, BOB.id) == BOB
        await pilot.press("ctrl+u")
        await paste(pilot, "+2w")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is review
        assert rows(review) == []
        assert static_text(review, "#progress") == "All 1 reviewed: snoozed 1. Well done."
    until = TODAY + timedelta(weeks=2)
    assert reopen(journal_dir).get(Person, BOB.id).quiet_until == until  # type: ignore[union-attr]

    again = make_app(journal_dir)  # opened again: still quiet, and the detail says so
    async with again.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert rows(again.screen) == []
        await pilot.press("1")
        await settle(pilot)
        people = again.screen
        await pilot.press("down")  # Anna, then Bob
        await settle(pilot)
        assert "Bob Stone" in detail_text(people)
        assert "every 3 weeks (default); due since" in detail_text(people)
        assert f"quiet until {until.isoformat()}" in detail_text(people)
        # The edit form shows the day: emptied, Bob is back in the review.
        await pilot.press("e")
        await settle(pilot)
        form = again.screen
        assert isinstance(form, PersonForm)
        assert field_value(form, "quiet_until") == until.isoformat()
        form.query_one("#field-quiet_until").focus()
        await pilot.press("end", "ctrl+u", "ctrl+s")
        await settle(pilot)
        assert reopen(journal_dir).get(Person, BOB.id).quiet_until is None  # type: ignore[union-attr]
        await pilot.press("4")
        await settle(pilot)
        assert [r[0] for r in rows(again.screen)] == ["Bob Stone"]


async def test_a_quiet_person_comes_back_on_the_day_chosen(journal_dir: Path) -> None:
    quiet = BOB.edit(quiet_until=TODAY + timedelta(days=3))
    later = make_app(journal_dir, quiet, MET_BOB, day=TODAY + timedelta(days=3))
    async with later.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert [r[0] for r in rows(later.screen)] == ["Bob Stone"]


async def test_z_on_a_learning_to_share_says_what_it_snoozes(journal_dir: Path) -> None:
    fits = Person.create(name="Priya Raman", needs=["pallet robots"])
    met = Interaction.create(date=TODAY - timedelta(days=1), person_ids=[fits.id], summary="Hi")
    app = make_app(journal_dir, fits, met, ROBOTS)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert [str(r.cells[0]) for r in table(app.screen).rows] == ["share"]
        told = record_notifications(app)
        await pilot.press("z")
        await settle(pilot)
        assert not isinstance(app.screen, SnoozeDialog)
        assert told.messages() == [
            "z snoozes planned outreach or someone going cold; p picks whom to share this with."
        ]
