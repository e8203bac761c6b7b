"""Adding or editing a person: focus starts on Name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netjournal.core.names import fold
from netjournal.core.records import PERSON_KINDS, PERSON_STATUSES, Person
from netjournal.core.store import Store
from netjournal.tui.screens.form import Field, FormScreen


class PersonForm(FormScreen):
    FIELDS = (
        Field("name", "Name"),
        Field("org", "Organisation"),
        Field("department", "Department"),
        Field("role", "Role"),
        Field("kind", "Kind", "choice", PERSON_KINDS),
        Field(
            "influence",
            "Positional power (0 none, 1 some, 2 senior, 3 executive)",
            "choice",
            ("0", "1", "2", "3"),
        ),
        Field(
            "status",
            "Status (prospect: a key person not yet in your network)",
            "choice",
            PERSON_STATUSES,
        ),
        Field("interests", "Interests and hobbies (comma-separated)", completion="interests"),
        Field("expertise", "Expertise (comma-separated)", completion="expertise"),
        Field("needs", "Needs (comma-separated)", completion="needs"),
        Field("tags", "Tags (comma-separated)", completion="tags"),
        Field("email", "Email (comma-separated)"),
        Field("phone", "Phone (comma-separated)"),
        Field("links", "Links (comma-separated)"),
        Field("met_via", "Met via (how you met, who introduced you)"),
        Field("cadence_days", "Keep in touch every … days (empty: default)"),
        Field("notes", "Notes", "text"),
    )

    def __init__(self, person: Person | None) -> None:
        super().__init__()
        self.person = person
        self.HEADING = f"Edit {person.name}" if person else "New person"

    def initial_values(self) -> dict[str, str]:
        if self.person is None:
            return {"kind": "other", "influence": "0", "status": "connected"}
        values = self.person.to_dict()
        return {
            name: ", ".join(value)
            if isinstance(value, list)
            else ("" if value is None else str(value))
            for name, value in values.items()
        }

    def saver(self, values: dict[str, str]) -> Callable[[Store], Any]:
        fields: dict[str, Any] = dict(values)
        if self.person is None:
            person = Person.create(**fields)
            return lambda store: store.added(person)
        base, edited = self.person, self.person.edit(**fields)
        return lambda store: store.save_edit(base, edited)

    def saved_message(self, result: Any) -> str:
        snapshot = self.nj.snapshot
        namesakes = [
            p for p in (snapshot.people.values() if snapshot else ())
            if p.id != result.id and fold(p.name) == fold(result.name)
        ]  # fmt: skip
        if namesakes:
            other = namesakes[0]
            where = f" ({other.org})" if other.org else ""
            return f"Saved {result.name}. Note: you already have a {other.name}{where}; two people now share the name."
        return f"Saved {result.name}."
