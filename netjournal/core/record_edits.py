"""Changing or deleting one record named by its id: the rules the app's forms and `d` follow.

`edit_record` saves changed fields of any record (a plan through `planning.edit_outreach`,
so its written title follows its people), keeping what another device or window saved
meanwhile; `remove_record` deletes one the way the app does (a person's history kept or
deleted with them, a learning's shares with it); `without_conflicts` drops the conflict notes
a merge left on a record once the user has looked at them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from netjournal.core.conflict_notes import CONFLICTS
from netjournal.core.errors import NotFound
from netjournal.core.planning import edit_outreach
from netjournal.core.records import RECORD_TYPES, Learning, Outreach, Person, Record
from netjournal.core.removal import delete_learning, delete_person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store


def record_by_id(store: Store, record_id: str) -> Record:
    """The record with this id in any table; NotFound with a sentence if there is none."""
    for kind in RECORD_TYPES.values():
        found = store.get(kind, record_id)
        if found is not None:
            return found
    raise NotFound(
        f"No record has the id '{record_id}'; nothing was changed (`netjournal show "
        "NAME` prints a person's id, `netjournal list people` everyone's)."
    )


def without_conflicts(record: Record) -> Record:
    """`record` without the conflict notes a merge left on it."""
    kept = {name: value for name, value in record.extra.items() if name != CONFLICTS}
    return type(record).build(**record.known_fields(), extra=kept)


def edit_record(
    store: Store, record: Record, changes: Mapping[str, Any], *, clear_conflicts: bool = False
) -> Record:
    """Save `changes` (field names to new values) to `record`; the record as saved."""
    base = without_conflicts(record) if clear_conflicts else record
    if isinstance(record, Outreach):
        known = JournalSnapshot.load(store)
        fields = dict(changes)
        people = None
        if "person_ids" in fields:
            people = [known.people[i] for i in fields.pop("person_ids") if i in known.people]
        edited: Record = edit_outreach(base, known, people=people, **fields)  # type: ignore[arg-type]
    else:
        edited = base.edit(**changes) if changes else base.edit()
    if clear_conflicts:
        # The notes live outside the fields a form edits: drop them from what is saved now.
        with store.batch() as batch:
            current = store.get(type(record), record.id)
            if current is None:
                raise NotFound(f"'{record.label}' is no longer in the journal; nothing was changed.")
            merged = without_conflicts(edited.merged_onto(record, current))
            batch.update.append(merged)
        return merged
    return store.save_edit(record, edited)


@dataclass(frozen=True)
class Removed:
    """What `remove_record` did, as the sentence the app shows."""

    said: str


def remove_record(store: Store, record: Record, *, keep_history: bool = True) -> Removed:
    """Delete `record` as the app does; it leaves a tombstone, so no merge brings it back."""
    if isinstance(record, Person):
        return Removed(delete_person(store, record, keep_history=keep_history).describe())
    if isinstance(record, Learning):
        return Removed(delete_learning(store, record).describe())
    with store.batch() as batch:
        current = store.get(type(record), record.id)
        if current is None:
            raise NotFound(f"'{record.label}' is no longer in the journal; nothing was changed.")
        batch.delete.append(current)
    return Removed(f"Deleted '{record.label}'.")
