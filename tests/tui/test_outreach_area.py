"""The Outreach area (3): groups by due date, done, snooze."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, Select

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Learning, Outreach, Person
from netjournal.tui.screens.outreach import OutreachScreen
from netjournal.tui.screens.snooze import SnoozeDialog
from tests.tui.support import (
    SIZE,
    TODAY,
    area,
    detail_text,
    first_cells,
    make_app,
    paste,
    record_notifications,
    reopen,
    settle,
    static_text,
    table,
    wait_loaded,
)

# The demo plans, relative to today: two overdue, one today, three upcoming, one someday.
GROUPS = ["Overdue (2)", "Today (1)", "Upcoming (3)", "Someday (1)"]


def expected_group(due: str) -> str:
    """The group a plan due on `due` (ISO date or "someday") belongs to, on TODAY."""
    if due == "someday":
        return "Someday"
    if due < TODAY.isoformat():
        return "Overdue"
    return "Today" if due == TODAY.isoformat() else "Upcoming"


def headings(screen: OutreachScreen) -> list[str]:
    return [row.cells[0] for row in table(screen).rows if row.heading]


async def test_plans_are_grouped_and_headings_are_not_selectable(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await area(pilot, "3")
        assert isinstance(screen, OutreachScreen)
        assert headings(screen) == GROUPS
        records = table(screen)
        rows = records.rows
        assert rows[0].heading and records.cursor == 1  # the cursor starts on the first plan
        await pilot.press("k")  # nothing above but a heading: stay
        await pilot.pause()
        assert records.cursor == 1
        visited = [records.current_key]
        for _ in range(len(rows)):
            await pilot.press("j")
            visited.append(records.current_key)
        # Every plan was visited once, in order, and no heading ever held the cursor.
        plans = [row.key for row in rows if not row.heading]
        assert list(dict.fromkeys(visited)) == plans
        assert None not in visited
        # Each plan sits under the group its due date says.
        group = ""
        for row in rows:
            if row.heading:
                group = row.cells[0].split()[0]
                continue
            assert group == expected_group(row.cells[0]), row


async def test_d_marks_done_and_logs_the_interaction(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        screen = await area(pilot, "3")
        chosen = table(screen).current_key
        before = {i.id for i in reopen(journal_dir).interactions()}
        await pilot.press("d")
        await settle(pilot)
        store = reopen(journal_dir)
        done = next(o for o in store.outreach() if o.id == chosen)
        assert (done.status, done.done_at) == ("done", TODAY)
        [logged] = [i for i in store.interactions() if i.id not in before]
        assert (logged.date, logged.person_ids, logged.summary) == (
            TODAY,
            done.person_ids,
            done.title,
        )
        # Listed last now, under "Done lately"; the cursor went on to the next plan.
        assert headings(screen)[0] == "Overdue (1)"
        assert headings(screen)[-1] == "Done lately (1)"
        assert table(screen).rows[-1].key == chosen
        assert table(screen).current_key == table(screen).rows[1].key != chosen
        assert f"Done: {done.title} (u takes it back)" in told.messages()

        # A d by mistake: u takes it back whole, the plan and the journal as they were.
        await pilot.press("u")
        await settle(pilot)
        store = reopen(journal_dir)
        again = next(o for o in store.outreach() if o.id == chosen)
        assert (again.status, again.done_at) == ("open", None)
        assert {i.id for i in store.interactions()} == before
        assert headings(screen)[0] == "Overdue (2)"
        assert "Done lately (1)" not in headings(screen)
        assert table(screen).current_key == chosen
        assert f"Taken back: {done.title} is planned again." in told.messages()
        await pilot.press("u")  # only once
        await settle(pilot)
        assert told.messages()[-1] == "Nothing to take back: u undoes the last d of this session."


async def test_shift_d_drops_a_plan_after_asking_and_keeps_it_in_the_journal(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await area(pilot, "3")
        chosen = table(screen).current_key
        before = {i.id for i in reopen(journal_dir).interactions()}
        await pilot.press("D", "n")  # asked, and kept
        await settle(pilot)
        assert chosen in [row.key for row in table(screen).rows]
        await pilot.press("D", "y")
        await settle(pilot)
        store = reopen(journal_dir)
        dropped = next(o for o in store.outreach() if o.id == chosen)
        assert (dropped.status, dropped.done_at) == ("dropped", None)
        assert {i.id for i in store.interactions()} == before  # dropping logs nothing
        # Listed last now, under "Done lately"; the cursor went on to the next plan.
        assert headings(screen)[0] == "Overdue (1)"
        assert headings(screen)[-1] == "Done lately (1)"
        assert table(screen).rows[-1].key == chosen
        assert table(screen).current_key == table(screen).rows[1].key != chosen


async def test_z_snoozes_to_a_typed_day_and_the_plan_moves_to_snoozed(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await area(pilot, "3")
        chosen = table(screen).current_key
        await pilot.press("z")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SnoozeDialog)
        assert app.focused is dialog.query_one("#until", Input)
        await pilot.press(*"+3d", "enter")
        await settle(pilot)
        assert app.screen is screen
        snoozed = next(o for o in reopen(journal_dir).outreach() if o.id == chosen)
        assert snoozed.snoozed_until == TODAY + timedelta(days=3)
        assert snoozed.status == "open"
        assert headings(screen) == ["Overdue (1)", *GROUPS[1:], "Snoozed (1)"]
        cells = first_cells(screen)
        assert cells.index("Snoozed (1)") == len(cells) - 2
        assert table(screen).rows[-1].key == chosen
        # Listed by the day it comes back, not the due date it has passed.
        assert cells[-1] == (TODAY + timedelta(days=3)).isoformat()
        # The detail says the standing as `list outreach` does.
        screen.select(chosen)
        await settle(pilot)
        back = (TODAY + timedelta(days=3)).isoformat()
        assert f"snoozed to {back}" in detail_text(screen)


async def test_a_snooze_day_that_does_not_parse_is_a_sentence_and_changes_nothing(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await area(pilot, "3")
        chosen = table(screen).current_key
        before = reopen(journal_dir).outreach()
        await pilot.press("z")
        await paste(pilot, "blorp")
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SnoozeDialog)
        error = static_text(dialog, "#snooze-error")
        assert error.startswith("'blorp' is not a date netjournal understands")
        assert error.endswith(".")
        # A day that parses but is not in the future is refused too.
        await pilot.press("ctrl+u")
        await paste(pilot, "today")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert static_text(dialog, "#snooze-error") == (
            f"Choose a day after today ({TODAY.isoformat()}); today wakes a snoozed plan."
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert reopen(journal_dir).outreach() == before
        assert table(screen).current_key == chosen
        assert "snoozed to" not in detail_text(screen)


async def test_editing_a_plan_keeps_it_true_to_its_kind_and_due_date(journal_dir: Path) -> None:
    ann = Person.create(name="Ann Lee")
    talk = Learning.create(date=TODAY, title="Solid state batteries")
    share = plan_outreach("share", [ann], learning=talk, due=TODAY + timedelta(days=2))
    snoozed = plan_outreach("follow-up", [ann], due=TODAY, title="Call Ann back").edit(
        snoozed_until=TODAY + timedelta(days=30)
    )
    app = make_app(journal_dir, ann, talk, share, snoozed)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await area(pilot, "3")
        # A share turned follow-up: the learning goes, so done records no share.
        screen.select(share.id)  # type: ignore[attr-defined]
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#field-kind", Select).value = "follow-up"
        await pilot.press("ctrl+s")
        await settle(pilot)
        # The snoozed call, due today again: a new due date wakes it.
        screen.select(snoozed.id)  # type: ignore[attr-defined]
        await pilot.press("e")
        await settle(pilot)
        due = app.screen.query_one("#field-due", Input)
        due.value = "tomorrow"
        await pilot.press("ctrl+s")
        await settle(pilot)
    store = reopen(journal_dir)
    edited = store.get(Outreach, share.id)
    assert edited is not None and (edited.kind, edited.learning_id) == ("follow-up", "")
    woken = store.get(Outreach, snoozed.id)
    assert woken is not None
    assert (woken.due, woken.snoozed_until) == (TODAY + timedelta(days=1), None)


async def test_a_name_that_matches_nobody_takes_you_to_the_field(journal_dir: Path) -> None:
    app = make_app(journal_dir, Person.create(name="Ann Lee"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await area(pilot, "3")
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        form.query_one("#field-people", Input).value = "Zed Nobody"
        form.query_one("#field-title", Input).focus()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert static_text(form, "#form-error").startswith("No person matches 'Zed Nobody'")
        assert app.focused is form.query_one("#field-people", Input)
    assert reopen(journal_dir).outreach() == []


async def test_plans_done_lately_are_listed_last_and_older_ones_are_not(journal_dir: Path) -> None:
    ann = Person.create(name="Ann Lee")
    recent = plan_outreach("follow-up", [ann], due=TODAY, title="Sent the deck").edit(
        status="done", done_at=TODAY - timedelta(days=3)
    )
    old = plan_outreach("follow-up", [ann], due=TODAY, title="Old call").edit(
        status="done", done_at=TODAY - timedelta(days=20)
    )
    still = plan_outreach("reconnect", [ann], due=TODAY + timedelta(days=2))
    app = make_app(journal_dir, ann, recent, old, still)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await area(pilot, "3")
        assert headings(screen) == ["Upcoming (1)", "Done lately (1)"]
        last = table(screen).rows[-1]
        assert (last.key, last.cells[0], last.dim) == (
            recent.id,
            (TODAY - timedelta(days=3)).isoformat(),
            True,
        )
        assert old.id not in [row.key for row in table(screen).rows]
        screen.select(recent.id)  # type: ignore[attr-defined]
        await pilot.press("z", "d")  # neither snoozes nor finishes what is done
        await settle(pilot)
        assert app.screen is screen
    assert reopen(journal_dir).get(Outreach, recent.id) == recent
