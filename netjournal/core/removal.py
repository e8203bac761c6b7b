"""Deleting a person without silently orphaning their history.

The caller chooses: keep their interactions and outreach (detached from them), or delete
what was only theirs. Records shared with other people are never deleted, only detached.
"""

from __future__ import annotations

from dataclasses import dataclass

from netjournal.core.errors import NotFound, RecordError
from netjournal.core.records import Outreach, Person
from netjournal.core.store import Changes, Store


@dataclass(frozen=True)
class PersonRemoval:
    """What deleting a person did to the records that pointed at them."""

    name: str
    interactions_detached: int = 0
    interactions_deleted: int = 0
    outreach_detached: int = 0
    outreach_deleted: int = 0

    def describe(self) -> str:
        parts = [
            (self.interactions_deleted, "interaction(s) deleted"),
            (self.interactions_detached, "interaction(s) kept"),
            (self.outreach_deleted, "outreach deleted"),
            (self.outreach_detached, "outreach kept"),
        ]
        done = ", ".join(f"{count} {what}" for count, what in parts if count)
        return f"Deleted {self.name}" + (f"; {done}." if done else ".")


def delete_person(store: Store, person: Person, *, keep_history: bool) -> PersonRemoval:
    """Delete `person`; their interactions and outreach are kept detached or deleted."""
    counts = {"id": 0, "ix": 0, "od": 0, "ox": 0}
    with store.batch() as changes:
        current = store.get(Person, person.id)
        if current is None:
            raise NotFound(f"'{person.name}' is no longer in the journal; nothing was changed.")
        for interaction in store.interactions():
            if person.id in interaction.person_ids:
                rest = tuple(pid for pid in interaction.person_ids if pid != person.id)
                if rest or keep_history:
                    changes.update.append(interaction.edit(person_ids=rest))
                    counts["id"] += 1
                else:
                    changes.delete.append(interaction)
                    counts["ix"] += 1
        for outreach in store.outreach():
            if person.id in outreach.person_ids:
                kept = _detach_outreach(outreach, person.id, keep_history, changes)
                counts["od" if kept else "ox"] += 1
        changes.delete.append(current)
    return PersonRemoval(current.name, counts["id"], counts["ix"], counts["od"], counts["ox"])


def _detach_outreach(outreach: Outreach, person_id: str, keep: bool, changes: Changes) -> bool:
    rest = tuple(pid for pid in outreach.person_ids if pid != person_id)
    if not rest and not keep:
        changes.delete.append(outreach)
        return False
    try:
        changes.update.append(outreach.edit(person_ids=rest))
    except RecordError:  # an open plan that no longer names enough people cannot go on
        changes.update.append(outreach.edit(person_ids=rest, status="dropped"))
    return True
