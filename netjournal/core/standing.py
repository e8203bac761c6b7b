"""Where a plan stands on a day: overdue, today, upcoming, someday, snoozed, done or dropped.

One rule for the Outreach area's groups, `netjournal list outreach` and the daily review: a
plan done or dropped is that, whatever its dates; an open plan snoozed past the day is
snoozed; else its due date says (none: someday).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from netjournal.core.dates import days_ago
from netjournal.core.records import Outreach

# Plans done or dropped this many days ago still show in the Outreach area, last: you see what
# you finished (and `u` can take the last done back); older ones are in the timeline and the CLI.
DONE_LATELY_DAYS = 14


class Standing(Enum):
    """Where a plan stands on a day, in the order the Outreach area lists them."""

    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"
    SOMEDAY = "someday"
    SNOOZED = "snoozed"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """The word as a heading: "Overdue", "Today", "Snoozed"..."""
        return self.value.capitalize()

    @property
    def is_due(self) -> bool:
        """Overdue or due today: the plan is in the day's review."""
        return self in (Standing.OVERDUE, Standing.TODAY)

    @property
    def is_finished(self) -> bool:
        """Done or dropped: no longer planned."""
        return self in (Standing.DONE, Standing.DROPPED)


def standing(outreach: Outreach, day: date) -> Standing:
    """Where `outreach` stands on `day`."""
    if outreach.status != "open":
        return Standing(outreach.status)
    if not outreach.is_open_on(day):
        return Standing.SNOOZED
    return _by_due(outreach.due, day)


def standing_words(outreach: Outreach, day: date) -> str:
    """The standing in a word or three: "overdue", "today", "snoozed to 2026-12-20"..."""
    where = standing(outreach, day)
    if where is Standing.SNOOZED and outreach.snoozed_until is not None:
        return f"snoozed to {outreach.snoozed_until.isoformat()}"
    return where.value


def standing_date(outreach: Outreach, day: date) -> date | None:
    """The day a plan is listed by: its due date; for a snoozed plan the day it comes back (not
    the due date it passed); for a finished one the day it was done or dropped."""
    where = standing(outreach, day)
    if where.is_finished:
        return finished_on(outreach)
    return outreach.snoozed_until if where is Standing.SNOOZED else outreach.due


def finished_on(outreach: Outreach) -> date:
    """When a plan was done (its date) or dropped (the day it was last changed)."""
    return outreach.done_at or date.fromisoformat(outreach.updated[:10])


def finished_lately(outreach: Outreach, day: date) -> bool:
    """Done or dropped within the last DONE_LATELY_DAYS days before `day`."""
    since = day - timedelta(days=DONE_LATELY_DAYS)
    return standing(outreach, day).is_finished and finished_on(outreach) >= since


def due_words(outreach: Outreach, day: date) -> str:
    """When a plan is due, whatever its snooze: "overdue by 3 days", "due today", "someday",
    "due 2026-12-04 (in 5 days)"."""
    due = outreach.due
    if due is None:
        return "someday"
    if _by_due(due, day) is Standing.UPCOMING:
        return f"due {due.isoformat()} ({days_ago(due, day)})"
    late = (day - due).days
    return "due today" if late == 0 else f"overdue by {late} day{'s' if late > 1 else ''}"


def _by_due(due: date | None, day: date) -> Standing:
    if due is None:
        return Standing.SOMEDAY
    if due < day:
        return Standing.OVERDUE
    return Standing.TODAY if due == day else Standing.UPCOMING
