"""Turning the names a user typed into records, for every command that takes names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from netjournal.core.errors import Ambiguous
from netjournal.core.names import learning_candidates, person_candidates, resolve
from netjournal.core.records import Learning, Person
from netjournal.core.store import Store

T = TypeVar("T")


def only_one(typed: str, matches: Sequence[T], what: str, name: Callable[[T], str],
             id_of: Callable[[T], str]) -> T:  # fmt: skip
    """The one of `matches` (non-empty) whose id starts with `typed`; Ambiguous lists them."""
    if len(matches) > 1:
        raise Ambiguous(
            f"'{typed}' starts the ids of {len(matches)} {what}: "
            + "; ".join(f"{name(match)} ({id_of(match)})" for match in matches[:8])
            + ".",
            [id_of(match) for match in matches],
        )
    return matches[0]


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
    candidates = learning_candidates(learnings)
    return by_id[resolve(title, candidates, "learning").id]
