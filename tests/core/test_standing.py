"""Where a plan stands on a day: one rule for the Outreach area, `list outreach` and the review."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Outreach, Person
from netjournal.core.review import review_queue
from netjournal.core.standing import (
    DONE_LATELY_DAYS,
    Standing,
    due_words,
    finished_lately,
    standing,
    standing_date,
    standing_words,
)
from tests.core.support import snapshot

DAY = date(2026, 11, 29)
ANN = Person.create(name="Ann Lee")


def plan(due: date | None, **changes: object) -> Outreach:
    made = plan_outreach("follow-up", [ANN], due=due)
    return made.edit(**changes) if changes else made


@pytest.mark.parametrize(
    ("outreach", "where", "words"),
    [
        (plan(DAY - timedelta(days=3)), Standing.OVERDUE, "overdue"),
        (plan(DAY), Standing.TODAY, "today"),
        (plan(DAY + timedelta(days=2)), Standing.UPCOMING, "upcoming"),
        (plan(None), Standing.SOMEDAY, "someday"),
        # Snoozed past the day, whatever its due date; on the day it comes back, due again.
        (plan(DAY - timedelta(days=3), snoozed_until=DAY + timedelta(days=1)),
         Standing.SNOOZED, "snoozed to 2026-11-30"),
        (plan(DAY - timedelta(days=3), snoozed_until=DAY), Standing.OVERDUE, "overdue"),
        # Finished is finished, overdue or snoozed as it may have been.
        (plan(DAY - timedelta(days=3), status="done", done_at=DAY), Standing.DONE, "done"),
        (plan(None, status="dropped", snoozed_until=DAY + timedelta(days=5)),
         Standing.DROPPED, "dropped"),
    ],
)  # fmt: skip
def test_every_standing_on_a_day(outreach: Outreach, where: Standing, words: str) -> None:
    assert standing(outreach, DAY) is where
    assert standing_words(outreach, DAY) == words


def test_only_due_plans_are_in_the_review_and_the_rule_is_the_same() -> None:
    plans = [plan(DAY - timedelta(days=1)), plan(DAY), plan(DAY + timedelta(days=1)), plan(None),
             plan(DAY, snoozed_until=DAY + timedelta(days=1)),
             plan(DAY, status="done", done_at=DAY)]  # fmt: skip
    queued = {item.id for item in review_queue(snapshot(ANN, *plans), DAY)}
    assert queued == {o.id for o in plans if standing(o, DAY).is_due}
    assert len(queued) == 2


def test_labels_are_the_outreach_area_headings() -> None:
    assert [s.label for s in Standing] == [
        "Overdue", "Today", "Upcoming", "Someday", "Snoozed", "Done", "Dropped",
    ]  # fmt: skip
    assert [s for s in Standing if s.is_finished] == [Standing.DONE, Standing.DROPPED]


def test_the_day_a_plan_is_listed_by() -> None:
    assert standing_date(plan(DAY + timedelta(days=2)), DAY) == DAY + timedelta(days=2)
    assert standing_date(plan(None), DAY) is None
    # A snoozed plan by the day it comes back, not the due date it passed.
    back = DAY + timedelta(days=4)
    assert standing_date(plan(DAY - timedelta(days=3), snoozed_until=back), DAY) == back
    done = plan(DAY, status="done", done_at=DAY - timedelta(days=1))
    assert standing_date(done, DAY) == DAY - timedelta(days=1)


def test_finished_lately_is_a_window_of_days() -> None:
    edge = plan(DAY, status="done", done_at=DAY - timedelta(days=DONE_LATELY_DAYS))
    older = plan(DAY, status="done", done_at=DAY - timedelta(days=DONE_LATELY_DAYS + 1))
    assert finished_lately(edge, DAY)
    assert not finished_lately(older, DAY)
    assert not finished_lately(plan(DAY), DAY)  # open: not finished at all


def test_due_words_say_when_whatever_the_snooze() -> None:
    assert due_words(plan(DAY - timedelta(days=1)), DAY) == "overdue by 1 day"
    assert due_words(plan(DAY - timedelta(days=3)), DAY) == "overdue by 3 days"
    assert due_words(plan(DAY), DAY) == "due today"
    assert due_words(plan(DAY + timedelta(days=5)), DAY) == "due 2026-12-04 (in 5 days)"
    assert due_words(plan(None), DAY) == "someday"
