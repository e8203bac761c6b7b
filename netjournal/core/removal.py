"""Deleting a person without silently orphaning their history.

The caller chooses: keep their interactions and outreach (detached from them), or delete
what was only theirs. Records shared with other people are never deleted, only detached.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from netjournal.core.errors import NotFound, RecordError
from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.core.store import Changes, Store
from netjournal.core.words import count_of


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
            (self.interactions_deleted, "interaction", "deleted"),
            (self.interactions_detached, "interaction", "kept"),
            (self.outreach_deleted, "outreach", "deleted"),
            (self.outreach_detached, "outreach", "kept"),
        ]
        done = ", ".join(
            f"{count_of(count, noun, 'outreach' if noun == 'outreach' else '')} {what}"
            for count, noun, what in parts
            if count
        )
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


@dataclass(frozen=True)
class LearningRemoval:
    """What deleting a learning did to the interactions and plans that named it."""

    title: str
    interactions_detached: int = 0
    shares_deleted: int = 0

    def describe(self) -> str:
        parts = []
        if self.interactions_detached:
            parts.append(
                count_of(self.interactions_detached, "interaction")
                + (
                    " no longer mentions it"
                    if self.interactions_detached == 1
                    else " no longer mention it"
                )
            )
        if self.shares_deleted:
            parts.append(f"{count_of(self.shares_deleted, 'planned share')} of it deleted")
        return f"Deleted '{self.title}'" + (f"; {', '.join(parts)}." if parts else ".")


def learning_references(
    interactions: Iterable[Interaction], outreach: Iterable[Outreach], learning_id: str
) -> tuple[int, int]:
    """How many interactions and outreach items name a learning (for the confirmation)."""
    talks = sum(1 for i in interactions if learning_id in i.learning_ids)
    plans = sum(1 for o in outreach if o.learning_id == learning_id)
    return talks, plans


def delete_learning(store: Store, learning: Learning) -> LearningRemoval:
    """Delete `learning`; interactions keep their record without it, shares of it go."""
    detached = deleted = 0
    with store.batch() as changes:
        current = store.get(Learning, learning.id)
        if current is None:
            raise NotFound(f"'{learning.title}' is no longer in the journal; nothing was changed.")
        for interaction in store.interactions():
            if learning.id in interaction.learning_ids:
                rest = tuple(i for i in interaction.learning_ids if i != learning.id)
                changes.update.append(interaction.edit(learning_ids=rest))
                detached += 1
        for outreach in store.outreach():
            if outreach.learning_id == learning.id:
                changes.delete.append(outreach)
                deleted += 1
        changes.delete.append(current)
    return LearningRemoval(current.title, detached, deleted)
