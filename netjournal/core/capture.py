"""Capture after a trade show: one event, then quick entries for each person met there.

Each entry becomes (or finds) a person, an interaction at the event, and optionally a
follow-up. A name that fuzzily matches someone already in the journal is offered as the same
person, so the meeting is logged on them instead of creating a duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from netjournal.core.errors import NotFound, RecordError
from netjournal.core.names import person_candidates, rank
from netjournal.core.records import Interaction, Outreach, Person
from netjournal.core.store import Store
from netjournal.core.words import count_of

SAME_PERSON_SCORE = 85.0  # a fuzzy name this close is worth asking about


@dataclass(frozen=True)
class Entry:
    """What was typed for one person met at the event."""

    name: str
    org: str = ""
    department_role: str = ""  # "Sales / Key accounts": department / role; no slash: role
    talked: str = ""
    interests: str = ""
    follow_up: bool = False
    due: date | None = None

    def _split(self) -> tuple[str, str]:
        # " / " first, so "IT/OT / Architect" keeps IT/OT whole; a bare "/" otherwise.
        text = self.department_role
        separator = " / " if " / " in text else "/"
        if separator not in text:
            return "", text.strip()
        department, role = text.split(separator, 1)
        return department.strip(), role.strip()

    @property
    def department(self) -> str:
        return self._split()[0]

    @property
    def role(self) -> str:
        return self._split()[1]


@dataclass
class Tally:
    """What a capture session added, for its closing summary."""

    event: str
    people: int = 0
    matched: int = 0
    learnings: int = 0
    follow_up_ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"Captured {count_of(self.people, 'person', 'people')}, "
            f"{count_of(len(self.follow_up_ids), 'follow-up', 'follow-ups')}, "
            f"{count_of(self.learnings, 'learning', 'learnings')} at {self.event}"
        )
        if self.matched:
            text += f" ({self.matched} already in your network)"
        return text + "."


def same_person(name: str, people: Iterable[Person]) -> Person | None:
    """The person already in the journal that `name` most likely means, if any is close."""
    by_id = {person.id: person for person in people}
    found = rank(name, person_candidates(by_id.values()), limit=1)
    if not found or found[0][1] < SAME_PERSON_SCORE:
        return None
    return by_id[found[0][0].id]


def check(entry: Entry, event: str) -> None:
    """Refuse an entry that cannot be saved, with one sentence naming the field."""
    if not event.strip():
        raise RecordError("Name the event first (e.g. LogiMAT 2027).", "event")
    if not entry.name.strip():
        raise RecordError("A person needs a name.", "name")


def capture(
    store: Store, entry: Entry, event: str, day: date, existing: Person | None = None
) -> tuple[Person, Interaction, Outreach | None]:
    """Save one entry in one save: the person (new, or `existing` with empty fields filled and
    interests added), the meeting at `event` on `day`, and a follow-up when asked for."""
    check(entry, event)
    heard = [word.strip() for word in entry.interests.split(",") if word.strip()]
    with store.batch() as changes:
        if existing is None:
            person = Person.create(name=entry.name, org=entry.org, department=entry.department,
                                   role=entry.role, interests=heard, met_via=event)  # fmt: skip
            changes.add.append(person)
        else:
            current = store.get(Person, existing.id)
            if current is None:
                raise NotFound(f"'{existing.name}' is no longer in the journal; nothing was saved.")
            person = _filled(current, entry, heard)
            if person != current:
                changes.update.append(person)
        met = Interaction.create(
            date=day, person_ids=[person.id], channel="event", event=event,
            summary=entry.talked or f"Met at {event}",
        )  # fmt: skip
        changes.add.append(met)
        follow_up = None
        if entry.follow_up:
            follow_up = Outreach.create(
                kind="follow-up", person_ids=[person.id],
                title=f"Follow up with {person.name} after {event}",  # not one of their others
                notes=f"Met at {event}: {entry.talked}" if entry.talked else f"Met at {event}.",
                due=entry.due,
            )  # fmt: skip
            changes.add.append(follow_up)
    return person, met, follow_up


def _filled(person: Person, entry: Entry, heard: list[str]) -> Person:
    """`person` with what the entry adds: empty fields filled, new interests appended."""
    changes: dict[str, object] = {}
    for name, value in (("org", entry.org), ("department", entry.department),
                        ("role", entry.role)):  # fmt: skip
        if value.strip() and not getattr(person, name):
            changes[name] = value
    known = {interest.casefold() for interest in person.interests}
    new = [interest for interest in heard if interest.casefold() not in known]
    if new:
        changes["interests"] = [*person.interests, *new]
    return person.edit(**changes) if changes else person
