"""Talks and shared learnings about a topic, counted per person in bulk.

`/?topic` ranks people at every keystroke, and a short word is in tens of thousands of talks
at 100,000 notes: looked at one by one in Python that took 0.2 s. Here the talks' people are
counted with `Counter` over precomputed tuples, the latest date per person is a dict built
from talks in date order (the last written wins), and only the learnings about the topic are
followed to the talks that carried them. `who.rank_people_for` gives the same ranking with
or without this book (a test holds the two to each other).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from itertools import chain
from operator import attrgetter

from netjournal.core.records import Interaction, Learning
from netjournal.core.snapshot import JournalSnapshot

_MEMO = "topic_counts.book"
COUNTED = 3  # the best talks (or learnings) of a person that count, as in `who`


class TalkBook:
    """A snapshot's interactions as the counting needs them, built once (about 0.1 s at
    60,000 talks, in the worker of the first `/?`)."""

    def __init__(self, interactions: Iterable[Interaction]) -> None:
        ordered = sorted(interactions, key=attrgetter("date", "created", "id"))  # oldest first
        ids = [i.id for i in ordered]
        self.people_of = dict(zip(ids, map(attrgetter("person_ids"), ordered), strict=True))
        # The talk's date once per person of it, beside `people_of`: zipped, in C.
        self.dates_of = {i.id: (i.date,) * len(i.person_ids) for i in ordered}
        self.position = dict(zip(ids, range(len(ids)), strict=True))
        # Learning id -> (person, rank) for each person of each talk it went with; the rank
        # orders "shared last" as `who` does: the newest talk, then its learnings in order.
        given: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        for at, interaction in enumerate(ordered):
            for place, learning_id in enumerate(interaction.learning_ids):
                pairs = given.setdefault(learning_id, [])
                pairs.extend((p, (at, -place)) for p in interaction.person_ids)
        self.given = given


# A save that changes no talk (a person, a learning, a plan) gives a new snapshot of the very
# same Interaction objects: the last book is kept for it (one slot, checked by identity).
_last: list[tuple[tuple[Interaction, ...], TalkBook]] = []


def book_for(snapshot: JournalSnapshot) -> TalkBook:
    """The book of `snapshot`'s interactions, built once."""
    found = snapshot.memo.get(_MEMO)
    if isinstance(found, TalkBook):
        return found
    talks = tuple(snapshot.interactions.values())
    last = _last[0] if _last else None
    if last is not None and len(last[0]) == len(talks) and all(
        before is now for before, now in zip(last[0], talks, strict=True)
    ):
        found = last[1]
    else:
        found = TalkBook(talks)
        _last[:] = [(talks, found)]
    snapshot.memo[_MEMO] = found
    return found


class PersonCount:
    """One person's talks (or learnings) about the topic: how many, the shares of the best
    COUNTED (highest first, as `who` sums them), and whether one held the whole topic."""

    __slots__ = ("count", "top", "whole")

    def __init__(self) -> None:
        self.count = 0
        self.top: list[float] = []
        self.whole = False

    def add(self, share: float, times: int) -> None:
        """`times` more of `share`, added in order of share, the highest first."""
        self.count += times
        self.top.extend([share] * min(COUNTED - len(self.top), times))
        self.whole = self.whole or share >= 1.0 - 1e-9


def count_talks(
    book: TalkBook, groups: list[tuple[float, set[str]]]
) -> tuple[dict[str, PersonCount], dict[str, date]]:
    """Per person: their talks about the topic (`groups`: disjoint record ids by share, the
    highest share first), and the date of the latest."""
    counts: dict[str, PersonCount] = {}
    matched: list[str] = []
    talks = book.people_of.keys()
    for share, ids in groups:
        found = ids & talks
        if not found:
            continue
        matched.extend(found)
        for person_id, times in Counter(chain.from_iterable(map(book.people_of.__getitem__, found))).items():  # fmt: skip
            entry = counts.get(person_id)
            if entry is None:
                entry = counts[person_id] = PersonCount()
            entry.add(share, times)
    matched.sort(key=book.position.__getitem__)  # oldest first: the newest date is kept
    people = chain.from_iterable(map(book.people_of.__getitem__, matched))
    days = chain.from_iterable(map(book.dates_of.__getitem__, matched))
    latest = dict(zip(people, days, strict=True))
    return counts, latest


def count_shared(
    book: TalkBook, groups: list[tuple[float, set[str]]], learnings: Mapping[str, Learning]
) -> tuple[dict[str, PersonCount], dict[str, Learning]]:
    """Per person: the learnings about the topic that went with a talk with them, counted
    once each, and the one shared last."""
    per_person: dict[str, dict[str, float]] = {}
    last: dict[str, tuple[tuple[int, int], str]] = {}
    for share, ids in groups:
        for learning_id in ids & learnings.keys():
            for person_id, rank in book.given.get(learning_id, ()):
                per_person.setdefault(person_id, {})[learning_id] = share
                before = last.get(person_id)
                if before is None or rank > before[0]:
                    last[person_id] = (rank, learning_id)
    counts: dict[str, PersonCount] = {}
    for person_id, shares in per_person.items():
        entry = counts[person_id] = PersonCount()
        for share in sorted(shares.values(), reverse=True):
            entry.add(share, 1)
    return counts, {person_id: learnings[found] for person_id, (_, found) in last.items()}
