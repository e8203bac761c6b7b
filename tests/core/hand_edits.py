"""Records damaged the way a text editor, a git merge or another version would: shared cases.

Each case names a table, a field, the value written by hand (or MISSING: the key removed) and
a fragment of the sentence that must name it. Used by the core, CLI and app tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import Store

MISSING = object()


@dataclass(frozen=True)
class Case:
    table: str
    field: str
    value: Any
    said: str  # a fragment of the sentence naming the fault

    @property
    def id(self) -> str:
        shown = "missing" if self.value is MISSING else json.dumps(self.value)
        return f"{self.table}.{self.field}={shown}"


CASES = [
    # People
    Case("people", "name", 123, "'name' field (123) that is not text"),
    Case("people", "name", None, "'name' field (None) that is not text"),
    Case("people", "name", "", "empty 'name'"),
    Case("people", "tags", [1], "'tags' field ([1]) that is not a list of text"),
    Case("people", "email", [None], "'email' field ([None]) that is not a list of text"),
    Case("people", "email", "ann@example.com", "not a list of text"),
    Case("people", "influence", "high", "'influence' field ('high') that is not a whole number"),
    Case("people", "influence", 99, "(99) that is not a whole number from 0 to 3"),
    Case("people", "influence", True, "(True) that is not a whole number"),
    Case("people", "influence", None, "'influence' field (None)"),
    Case("people", "cadence_days", "x", "'cadence_days' field ('x') that is not a whole number"),
    Case("people", "cadence_days", 0, "from 1 to 3650"),
    Case("people", "kind", "boss", "'kind' field ('boss') that is not one of internal"),
    Case("people", "status", "friend", "'status' field ('friend') that is not one of"),
    Case("people", "created", 5, "'created' field (5) that is not a UTC time"),
    Case("people", "created", "yesterday", "'created' field ('yesterday')"),
    Case("people", "created", MISSING, "has no 'created' field"),
    Case("people", "updated", None, "'updated' field (None) that is not a UTC time"),
    Case("people", "interests", {"a": 1}, "'interests' field"),
    Case("people", "notes", 5, "'notes' field (5) that is not text"),
    Case("people", "email", ["not an address"], "is not valid ('not an address' is not an email"),
    # Interactions
    Case("interactions", "date", None, "empty 'date'"),
    Case("interactions", "date", "not a date", "'date' field ('not a date') that is not a date"),
    Case("interactions", "date", 20260101, "'date' field (20260101) that is not a date"),
    Case("interactions", "date", MISSING, "has no 'date' field"),
    Case("interactions", "person_ids", "abc", "'person_ids' field ('abc') that is not a list"),
    Case("interactions", "person_ids", [1], "'person_ids' field ([1])"),
    Case("interactions", "channel", "pigeon", "'channel' field ('pigeon') that is not one of"),
    Case("interactions", "summary", "", "empty 'summary'"),
    Case("interactions", "learning_ids", None, "'learning_ids' field (None)"),
    # Learnings
    Case("learnings", "date", "2026-02-30", "'date' field ('2026-02-30') that is not a date"),
    Case("learnings", "title", 5, "'title' field (5) that is not text"),
    Case("learnings", "source_kind", "movie", "'source_kind' field ('movie')"),
    Case("learnings", "tags", "robots", "'tags' field ('robots') that is not a list of text"),
    Case("learnings", "url", [], "'url' field ([]) that is not text"),
    # Outreach
    Case("outreach", "kind", "party", "'kind' field ('party') that is not one of share"),
    Case("outreach", "status", "maybe", "'status' field ('maybe')"),
    Case("outreach", "due", "tomorrow", "'due' field ('tomorrow') that is not a date"),
    Case("outreach", "snoozed_until", 5, "'snoozed_until' field (5) that is not a date"),
    Case("outreach", "person_ids", [None], "'person_ids' field ([None])"),
    Case("outreach", "title", None, "'title' field (None) that is not text"),
    Case("outreach", "status", "done", "is not valid (a done outreach needs the date"),
]


def one_of_each(store: Store) -> dict[str, Record]:
    """A small journal: two people, a learning, a talk and a plan, all saved this month."""
    ann = Person.create(name="Ann Lee", org="Contoso", kind="customer", influence=2)
    bob = Person.create(name="Bob Stone", org="Fabrikam")
    learning = Learning.create(date="2026-03-10", title="Robots pay back", tags=["robots"])
    talk = Interaction.create(date="2026-03-10", person_ids=[ann.id, bob.id], summary="Coffee")
    plan = Outreach.create(kind="follow-up", person_ids=[bob.id], title="Follow up with Bob")
    store.add(ann, bob, learning, talk, plan)
    return {"people": ann, "bob": bob, "learnings": learning, "interactions": talk,
            "outreach": plan}  # fmt: skip


def shard_of(folder: Path, record: Record) -> Path:
    """The file that holds `record`."""
    for path in (folder / record.TABLE).glob("*.json"):
        if record.id in json.loads(path.read_bytes())[record.TABLE]:
            return path
    raise AssertionError(f"{record.id} is in no shard")


def hand_edit(folder: Path, record: Record, field: str, value: Any) -> Path:
    """Write `field: value` into the stored record (MISSING: remove the key), as a person
    with a text editor would; the file it changed."""
    path = shard_of(folder, record)
    data = json.loads(path.read_bytes())
    stored = data[record.TABLE][record.id]
    if value is MISSING:
        del stored[field]
    else:
        stored[field] = value
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    return path
