"""Capture after a trade show: one event, then quick entries for each person met there.

Each entry becomes (or finds) a person, an interaction at the event, and optionally a
follow-up with a note of its own. A name that fuzzily matches people already in the journal
offers them (`core.same_person.likely_same`), so the meeting is logged on the right one instead
of creating a duplicate. Someone who already has an open follow-up can have the new note added
to it instead of a second plan (`open_follow_up`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from netjournal.core.errors import NotFound, RecordError
from netjournal.core.filling import fill_in
from netjournal.core.records import Interaction, Outreach, Person
from netjournal.core.store import Store
from netjournal.core.words import count_of


@dataclass(frozen=True)
class Entry:
    """What was typed for one person met at the event."""

    name: str
    org: str = ""
    department_role: str = ""  # "Sales / Key accounts": department / role; no slash: role
    talked: str = ""
    interests: str = ""
    email: str = ""  # comma-separated, as on a business card with two
    phone: str = ""
    kind: str = "other"
    follow_up: bool = False
    due: date | None = None
    follow_up_note: str = ""  # what to follow up on: the plan's note, apart from the talk

    @property
    def heard(self) -> list[str]:
        """The interests heard, one each."""
        return [word.strip() for word in self.interests.split(",") if word.strip()]

    def person(self, met_via: str = "") -> Person:
        """The person as typed (RecordError names the field that is wrong)."""
        return Person.create(name=self.name, org=self.org, department=self.department,
                             role=self.role, kind=self.kind or "other", email=self.email,
                             phone=self.phone, interests=self.heard, met_via=met_via)  # fmt: skip

    def plan_note(self, event: str) -> str:
        """A new follow-up's note: the follow-up note typed, else what was talked about."""
        if self.follow_up_note.strip():
            return self.follow_up_note.strip()
        return f"Met at {event}: {self.talked}" if self.talked else f"Met at {event}."

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


def check(entry: Entry, event: str) -> None:
    """Refuse an entry that cannot be saved, with one sentence naming the field."""
    if not event.strip():
        raise RecordError("Name the event first (e.g. LogiMAT 2027).", "event")
    if not entry.name.strip():
        raise RecordError("A person needs a name.", "name")
    entry.person(event)  # a bad email or kind is refused here, before anything is asked


def open_follow_up(person_id: str, plans: Iterable[Outreach]) -> Outreach | None:
    """The open follow-up already planned with this person, if any (theirs alone and the
    soonest due first): capture offers to add to it rather than plan a second one."""
    found = [
        plan
        for plan in plans
        if plan.kind == "follow-up" and plan.status == "open" and person_id in plan.person_ids
    ]
    found.sort(key=lambda p: (len(p.person_ids) > 1, p.due or date.max, p.created, p.id))
    return found[0] if found else None


@dataclass(frozen=True)
class Captured:
    """What one entry saved: the person, the meeting, and the follow-up (new, or the open one
    the note was added to: `added_to_plan`)."""

    person: Person
    met: Interaction
    follow_up: Outreach | None = None
    added_to_plan: bool = False


def capture(
    store: Store,
    entry: Entry,
    event: str,
    day: date,
    existing: Person | None = None,
    add_to: Outreach | None = None,
) -> Captured:
    """Save one entry in one save: the person (new, or `existing` filled in: empty fields get
    what was typed, emails, phones and interests are added), the meeting at `event` on `day`,
    and a follow-up when asked for: a new plan, or the note added to `add_to` (an open
    follow-up of theirs; a new plan if it was closed meanwhile)."""
    check(entry, event)
    with store.batch() as changes:
        if existing is None:
            person = entry.person(met_via=event)
            changes.add.append(person)
        else:
            current = store.get(Person, existing.id)
            if current is None:
                raise NotFound(f"'{existing.name}' is no longer in the journal; nothing was saved.")
            filled, _ = fill_in(current, entry.person())  # met earlier: how they met stays
            person = current.edit(**filled) if filled else current
            if person != current:
                changes.update.append(person)
        met = Interaction.create(
            date=day, person_ids=[person.id], channel="event", event=event,
            summary=entry.talked or f"Met at {event}",
        )  # fmt: skip
        changes.add.append(met)
        if not entry.follow_up:
            return Captured(person, met)
        plan = store.get(Outreach, add_to.id) if add_to is not None else None
        if plan is not None and plan.status == "open" and person.id in plan.person_ids:
            added = _added_to(plan, entry, event, day)
            changes.update.append(added)
            return Captured(person, met, added, added_to_plan=True)
        follow_up = Outreach.create(
            kind="follow-up", person_ids=[person.id],
            title=f"Follow up with {person.name} after {event}",  # not one of their others
            notes=entry.plan_note(event), due=entry.due,
        )  # fmt: skip
        changes.add.append(follow_up)
    return Captured(person, met, follow_up)


def _added_to(plan: Outreach, entry: Entry, event: str, day: date) -> Outreach:
    """`plan` with this meeting's note added below its own; the sooner due date wins."""
    said = entry.follow_up_note.strip() or entry.talked.strip() or "met again"
    line = f"{day.isoformat()}, {event}: {said}"
    notes = f"{plan.notes}\n\n{line}" if plan.notes.strip() else line
    due = min(d for d in (plan.due, entry.due) if d) if plan.due or entry.due else None
    return plan.edit(notes=notes, due=due)
