"""Records as the CLI prints them in JSON: one shape per kind of record, whether a command
listed it (`list --json`), wrote it (`add`, `log`, `done`, `snooze`, `merge` with `--json`) or
showed it (`show --json`). DESIGN.md's shapes; extended, never changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from netjournal.core.contacts import last_contacts
from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.core.standing import standing


def person_json(person: Person, last_contact: date | None) -> dict[str, Any]:
    """A person: every field, and the day you last spoke ("last_contact", null if never)."""
    return {**person.to_dict(), "last_contact": last_contact.isoformat() if last_contact else None}


def last_contact_of(person_id: str, interactions: Iterable[Interaction]) -> date | None:
    """The day of the latest interaction with this person, or None."""
    return last_contacts(i for i in interactions if person_id in i.person_ids).get(person_id)


def outreach_json(outreach: Outreach, day: date) -> dict[str, Any]:
    """A plan: every field, and where it stands on `day` ("standing": the app's group)."""
    return {**outreach.to_dict(), "standing": standing(outreach, day).value}


def record_json(record: Interaction | Learning) -> dict[str, Any]:
    """An interaction or a learning: every field as stored."""
    return record.to_dict()


def as_listed(record: Person | Interaction | Learning | Outreach, last_contact: date | None = None
              ) -> dict[str, Any]:  # fmt: skip
    """Any record in the shape `list --json` prints it in (a plan's standing as of today)."""
    if isinstance(record, Person):
        return person_json(record, last_contact)
    if isinstance(record, Outreach):
        from netjournal.core.clock import today

        return outreach_json(record, today())
    return record_json(record)
