"""Conflict notes: a value a merge did not keep, kept on the record where the user sees it.

When two devices changed the same field of a record differently, the merge keeps one value
and notes the other on the record under CONFLICTS (`[{"field": "notes", "value": "...",
"updated": STAMP}]`), a field every version keeps as it is. The app's detail and `netjournal
doctor` show them; nothing either device wrote is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from netjournal.core.fields import label
from netjournal.core.records import Record

CONFLICTS = "conflicts"


@dataclass(frozen=True, order=True)
class ConflictNote:
    """One value of one field that a merge did not keep."""

    field: str
    value: str
    updated: str  # when the device that wrote it last changed the record

    def sentence(self) -> str:
        return f"{label(self.field)} was also '{self.value}' on another device"


def notes_in(raw: object) -> list[dict[str, Any]]:
    """The well-formed notes of a stored record's CONFLICTS value (others are left out)."""
    if not isinstance(raw, list):
        return []
    return [
        note
        for note in raw
        if isinstance(note, dict)
        and isinstance(note.get("field"), str)
        and "value" in note
        and isinstance(note.get("updated", ""), str)
    ]


def conflict_notes(record: Record) -> list[ConflictNote]:
    """The conflict notes kept on `record`, oldest field first."""
    return sorted(
        ConflictNote(note["field"], _text(note["value"]), note.get("updated", ""))
        for note in notes_in(record.extra.get(CONFLICTS))
    )


def united_notes(*groups: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every note of every group once, in a stable order (so both devices write the same)."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for group in groups:
        for note in group:
            key = (note["field"], _text(note["value"]))
            if key not in seen or note.get("updated", "") > seen[key].get("updated", ""):
                seen[key] = note
    return [seen[key] for key in sorted(seen)]


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)
