"""Adding or editing a person: focus starts on Name.

Saving a new person whose name is close to people you have asks first (the same check as
capture): it is one of them (what was typed fills in their empty fields, and the list opens
on them), or someone new.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netjournal.core.errors import NetjournalError
from netjournal.core.records import PERSON_KINDS, PERSON_STATUSES, Person
from netjournal.core.same_person import add_to_person, likely_same
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
        # Set by z in the review; here it is seen, changed, or emptied to end it.
        Field("quiet_until", "Quiet until (not in the review as going cold before; empty: none)"),
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
        return f"Saved {result.name}."

    def action_save(self) -> None:
        """A new person close to people you have: ask which it is before saving."""
        snapshot = self.nj.snapshot
        if self.person is not None or self._saving or snapshot is None:
            super().action_save()
            return
        try:
            typed = Person.create(**self.values())
        except NetjournalError:
            super().action_save()  # says what is wrong, at its field
            return
        known = likely_same(typed.name, snapshot.people.values(), typed.org)
        if not known:
            super().action_save()
            return
        from netjournal.tui.screens.same_person import SameAnswer, SamePersonDialog

        def answered(answer: SameAnswer | None) -> None:
            if answer is None:
                return  # back to the form, everything typed still there
            if answer.person is None:
                FormScreen.action_save(self)
            else:
                self._saving = True
                self.run_worker(self._add_to(answer.person, typed), group="save")

        dialog = SamePersonDialog(typed.name, known, "add what you typed to them")
        self.app.push_screen(dialog, answered)

    async def _add_to(self, known: Person, typed: Person) -> None:
        """Fill `known` in from what was typed, then close on them."""
        try:
            result = await self.nj.save(lambda store: add_to_person(store, known.id, typed))
        finally:
            self._saving = False
        if result is None:
            self.show_error("Not saved: see the message; your text is still here.")
            return
        self.notify(result.sentence(), markup=False)
        self.dismiss(result.person)
