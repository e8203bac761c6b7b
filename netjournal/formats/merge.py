"""Deciding what an import does to the people in the journal, without writing anything.

The same person is recognised by an email in common (case ignored), else by the same name
and the same org once folded (case, accents and punctuation ignored; an empty org matches only
an empty org). Recognised people are updated by filling in: empty fields get the file's
value, and emails, phones, links, tags, interests, expertise and needs the person does not
have yet are added. Nothing the user wrote is changed. Someone who matches several people is
skipped (we never guess), and so is someone with nothing new. The same person twice in one
file is merged into the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from netjournal.core.filling import fill_in
from netjournal.core.names import fold, spelled_out
from netjournal.core.records import Person
from netjournal.formats.incoming import Incoming
from netjournal.formats.report import Note

_NOT_DIGITS = re.compile(r"\D")


@dataclass
class PeoplePlan:
    """The people to add and the updated versions of people to replace, with the report."""

    add: list[Person] = field(default_factory=list)
    update: list[Person] = field(default_factory=list)
    created: list[Note] = field(default_factory=list)
    updated: list[Note] = field(default_factory=list)
    skipped: list[Note] = field(default_factory=list)
    id_map: dict[str, str] = field(default_factory=dict)  # incoming id -> id in the journal


class _Slot:
    """One person as they will be after the import."""

    __slots__ = ("changes", "in_journal", "person", "where")

    def __init__(self, person: Person, in_journal: bool, where: str = "") -> None:
        self.person = person
        self.in_journal = in_journal
        self.where = where  # where in the file a new person came from
        self.changes: list[str] = []


class _People:
    """The journal's people and the import's new ones, indexed by email and by name."""

    def __init__(self) -> None:
        self.slots: list[_Slot] = []
        self.by_id: dict[str, _Slot] = {}
        self.by_email: dict[str, list[_Slot]] = {}
        self.by_name: dict[tuple[str, str], list[_Slot]] = {}
        self.by_phone: dict[str, list[_Slot]] = {}
        self.by_name_only: dict[str, list[_Slot]] = {}  # for "maybe the same as" notes

    def add(self, slot: _Slot) -> None:
        self.slots.append(slot)
        self.by_id[slot.person.id] = slot
        for key in name_keys(slot.person):
            self.by_name.setdefault(key, []).append(slot)
            self.by_name_only.setdefault(key[0], []).append(slot)
        self.index_emails(slot, slot.person.email)
        self.index_phones(slot, slot.person.phone)

    def index_phones(self, slot: _Slot, phones: Iterable[str]) -> None:
        for phone in phones:
            key = phone_key(phone)
            found = self.by_phone.setdefault(key, []) if key else []
            if key and slot not in found:
                found.append(slot)

    def namesakes(self, person: Person) -> list[_Slot]:
        """People with the same name whatever their org: not merged, but worth a note."""
        found: list[_Slot] = []
        for key in name_keys(person):
            for slot in self.by_name_only.get(key[0], ()):
                if slot not in found:
                    found.append(slot)
        return found

    def index_emails(self, slot: _Slot, emails: Iterable[str]) -> None:
        for email in emails:
            found = self.by_email.setdefault(email.casefold(), [])
            if slot not in found:
                found.append(slot)

    def matches(self, person: Person) -> list[_Slot]:
        """By an email in common, else the same name and a phone in common, else name + org."""
        found: list[_Slot] = []
        for email in person.email:
            for slot in self.by_email.get(email.casefold(), ()):
                if slot not in found:
                    found.append(slot)
        if found:
            return found
        named = [slot for key in name_keys(person) for slot in self.by_name_only.get(key[0], ())]
        for phone in person.phone:
            for slot in self.by_phone.get(phone_key(phone), ()):
                if slot in named and slot not in found:
                    found.append(slot)
        if found:
            return found
        for key in name_keys(person):
            for slot in self.by_name.get(key, ()):
                if slot not in found:
                    found.append(slot)
        return found


def plan_people(
    current: Iterable[Person], incoming: Iterable[Incoming], *, keep_ids: bool = False
) -> PeoplePlan:
    """What importing `incoming` into a journal holding `current` does.

    With `keep_ids` (a backup), incoming people keep their ids, and one whose id is already
    in the journal is skipped as already there.
    """
    people = _People()
    for person in current:
        people.add(_Slot(person, in_journal=True))
    plan = PeoplePlan()
    for item in incoming:
        person = item.person
        if keep_ids and person.id in people.by_id:
            slot = people.by_id[person.id]
            plan.id_map[person.id] = person.id
            plan.skipped.append(Note(item.where, person.name, _already(slot)))
            continue
        matches = people.matches(person)
        if len(matches) > 1:
            listed = ", ".join(_describe(slot.person) for slot in matches[:5])
            plan.skipped.append(Note(item.where, person.name,
                f"matches {len(matches)} people in the journal ({listed}); "
                "not merged into any of them"))  # fmt: skip
            continue
        if not matches:
            maybe = people.namesakes(person)
            people.add(_Slot(person, in_journal=False, where=item.where))
            plan.id_map[person.id] = person.id
            hint = (f"maybe the same as {_describe(maybe[0].person)} (same name, another org); "
                    "check and merge by hand" if maybe else "")  # fmt: skip
            plan.created.append(Note(item.where, person.name, hint))
            continue
        slot = matches[0]
        plan.id_map[person.id] = slot.person.id
        changes, said = fill_in(slot.person, person)
        if changes:
            slot.person = slot.person.edit(**changes)
            slot.changes.extend(said)
            people.index_emails(slot, slot.person.email)
            people.index_phones(slot, slot.person.phone)
        if not slot.in_journal:
            merged = "; its details were merged into that one" if changes else ""
            plan.skipped.append(Note(item.where, person.name, f"{_already(slot)}{merged}"))
        elif changes:
            if slot.where == "":
                slot.where = item.where
        else:
            plan.skipped.append(
                Note(item.where, person.name, "already in the journal, nothing new")
            )
    for slot in people.slots:
        if not slot.in_journal:
            plan.add.append(slot.person)
        elif slot.changes:
            plan.update.append(slot.person)
            plan.updated.append(Note(slot.where, slot.person.name, _said(slot.changes)))
    return plan


def name_key(person: Person) -> tuple[str, str]:
    """Who a person is by name: folded name and org ('Jürgen Müller', 'ACME' ~ 'jurgen muller')."""
    return (fold(person.name) or person.name.casefold(), fold(person.org))


def name_keys(person: Person) -> set[tuple[str, str]]:
    """The name key, and the one with umlauts spelled out ("Jürgen" ~ "Juergen")."""
    key = name_key(person)
    spelled = (fold(spelled_out(person.name)), fold(spelled_out(person.org)))
    return {key, spelled} if spelled[0] else {key}


def phone_key(phone: str) -> str:
    """A phone number's last nine digits: "+49 170 1234567" ~ "0170 1234567" ("" if short)."""
    digits = _NOT_DIGITS.sub("", phone)
    return digits[-9:] if len(digits) >= 7 else ""


def _already(slot: _Slot) -> str:
    return "already in the journal" if slot.in_journal else f"the same person as {slot.where}"


def _describe(person: Person) -> str:
    return (
        f"{person.name}, {person.org}, {person.id}" if person.org else f"{person.name}, {person.id}"
    )


def _said(changes: list[str]) -> str:
    filled = [change.removeprefix("filled ") for change in changes if change.startswith("filled ")]
    added = [change.removeprefix("added ") for change in changes if change.startswith("added ")]
    parts = []
    if filled:
        parts.append("filled " + ", ".join(dict.fromkeys(filled)))
    if added:
        parts.append("added " + "; ".join(added))
    return "; ".join(parts)
