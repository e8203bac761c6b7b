"""`z` on a person in the review: "not before DATE". Shared by the CLI and the app.

The day is kept on the person (`quiet_until`), so it syncs with the journal and survives a
restart; until then the review says nothing about them alone (going cold, in power and
unheard). Plans with them keep their own dates and snoozes.
"""

from __future__ import annotations

from datetime import date

from netjournal.core.errors import NotFound, RecordError
from netjournal.core.records import Person
from netjournal.core.store import Store

# Review items about getting back to someone, which `z` keeps quiet (their id is KIND:PERSON_ID);
# a prospect is planned (p) or skipped, not put off: nothing would show them waiting.
QUIET_KINDS = ("cold", "power")


def person_in_item(item_id: str) -> str | None:
    """The person a review item about one person is for ("cold:abc" -> "abc"), else None."""
    kind, colon, person_id = item_id.strip().partition(":")
    return person_id if colon and kind in QUIET_KINDS and person_id else None


def quiet_problem(person: Person, until: date, day: date) -> str:
    """Why keeping `person` quiet until `until` makes no sense on `day` ("" when it does);
    `until` today ends a quiet spell, as it wakes a snoozed plan."""
    if until == day and person.is_quiet_on(day):
        return ""
    if until <= day:
        return f"Choose a day after today ({day.isoformat()}); today ends a quiet spell."
    return ""


def keep_quiet(store: Store, person: Person, until: date, day: date) -> Person:
    """Keep `person` out of the review until `until` (today: back in it); the person saved."""
    with store.batch() as changes:
        current = store.get(Person, person.id)
        if current is None:
            raise NotFound(f"'{person.name}' is no longer in the journal; nothing was changed.")
        problem = quiet_problem(current, until, day)
        if problem:
            raise RecordError(problem)
        quiet = current.edit(quiet_until=None if until == day else until)
        changes.update.append(quiet)
    return quiet


def quiet_words(person: Person, day: date) -> str:
    """ "quiet until 2026-12-20" while a `z` keeps them out of the review, else ""."""
    if person.quiet_until is None or not person.is_quiet_on(day):
        return ""
    return f"quiet until {person.quiet_until.isoformat()}"
