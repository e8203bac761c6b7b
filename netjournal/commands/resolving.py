"""Turning the names a user typed into records, for every command that takes names."""

from __future__ import annotations

from collections.abc import Sequence

from netjournal.core.names import Candidate, resolve
from netjournal.core.records import Learning, Person
from netjournal.core.store import Store


def person_candidates(people: Sequence[Person]) -> list[Candidate]:
    return [
        Candidate(p.id, p.name, ", ".join(x for x in (p.org, p.department) if x)) for p in people
    ]


def resolve_people(store: Store, names: Sequence[str]) -> list[Person]:
    """The people named, in order, each matched fuzzily; duplicates removed."""
    people = store.people()
    by_id = {person.id: person for person in people}
    candidates = person_candidates(people)
    found: list[Person] = []
    for name in names:
        person = by_id[resolve(name, candidates, "person").id]
        if person not in found:
            found.append(person)
    return found


def resolve_learning(store: Store, title: str) -> Learning:
    """The learning whose title matches `title` (or with that id)."""
    learnings = store.learnings()
    by_id = {learning.id: learning for learning in learnings}
    candidates = [Candidate(item.id, item.title, item.date.isoformat()) for item in learnings]
    return by_id[resolve(title, candidates, "learning").id]
