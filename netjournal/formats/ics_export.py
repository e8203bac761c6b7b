"""Open outreach as iCalendar, for the calendar or task app the user already looks at.

By default each open outreach is a VTODO (DUE on its due date, DTSTART on the day a snooze
ends). RFC 5545 wants DUE later than DTSTART, and a snooze always ends after the due date:
such a to-do is due on the day its snooze ends, without a DTSTART, and its description says
when it was due. Many calendars (Google Calendar among them) ignore VTODO, so `events=True` writes
all-day VEVENTs instead, on the day the outreach is due (or comes back from a snooze);
outreach with no due date has no day to go on and is left out of events.
UIDs are stable (the outreach's id), so importing a newer export updates the entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Todo

from netjournal.core.records import Outreach
from netjournal.core.snapshot import JournalSnapshot

PRODID = "-//netjournal//netjournal export//EN"


@dataclass(frozen=True)
class CalendarExport:
    data: bytes
    written: int  # entries in the calendar
    undated: int  # open outreach left out of an events export for want of a date


def outreach_calendar(journal: JournalSnapshot, *, events: bool = False) -> CalendarExport:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "netjournal outreach")
    items = sorted(
        (o for o in journal.outreach.values() if o.status == "open"),
        key=lambda o: (o.due or date.max, o.created, o.id),
    )
    written = undated = 0
    for item in items:
        if events:
            day = _event_day(item)
            if day is None:
                undated += 1
                continue
            calendar.add_component(_event(journal, item, day))
        else:
            calendar.add_component(_todo(journal, item))
        written += 1
    return CalendarExport(calendar.to_ical(), written, undated)


def _todo(journal: JournalSnapshot, item: Outreach) -> Todo:
    todo = Todo()
    due, start, was = item.due, item.snoozed_until, ""
    if item.due and item.snoozed_until and item.snoozed_until >= item.due:
        due, start = item.snoozed_until, None  # snoozed past its due date: due when it is back
        was = f"Snoozed to {item.snoozed_until.isoformat()}; due {item.due.isoformat()}."
    _common(todo, journal, item, uid=f"{item.id}@netjournal", aside=was)
    todo.add("status", "NEEDS-ACTION")
    if due:
        todo.add("due", due)
    if start:
        todo.add("dtstart", start)
    return todo


def _event(journal: JournalSnapshot, item: Outreach, day: date) -> Event:
    event = Event()
    _common(event, journal, item, uid=f"{item.id}-day@netjournal")
    event.add("dtstart", day)
    if day < date.max:  # all-day: DTEND is the next day, exclusive; without one, one day too
        event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not block the day
    return event


def _common(
    component: Todo | Event, journal: JournalSnapshot, item: Outreach, uid: str, aside: str = ""
) -> None:
    component.add("uid", uid)
    component.add("dtstamp", _stamp(item.updated))
    component.add("summary", item.title)
    component.add("categories", [item.kind])
    lines = [f"With: {journal.names(item.person_ids)}"]
    if item.learning_id and item.learning_id in journal.learnings:
        lines.append(f"Share: {journal.learnings[item.learning_id].title}")
    if item.reason:
        lines.append(f"Why: {item.reason}")
    if aside:
        lines.append(aside)
    if item.notes:
        lines += ["", item.notes]
    component.add("description", "\n".join(lines))


def _event_day(item: Outreach) -> date | None:
    if item.due is None:
        return None
    if item.snoozed_until and item.snoozed_until > item.due:
        return item.snoozed_until
    return item.due


def _stamp(stamp: str) -> datetime:
    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime.now(UTC)
