"""People's fields by the words in them, so that a topic is scored only where it could match.

`/?topic` ranks people at every keystroke; scoring every field of 10,000 people (notes
included) took most of its 0.3 s, though a topic touches a few hundred values. Built once
per snapshot (`profiles_for`): each distinct field value with the people and fields that
hold it, and each folded word with the values that hold it. A topic's word stands for the
words it begins and those within the typos its length forgives (`word_rules`), as in `who`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from netjournal.core.records import Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.word_rules import typo_distance
from netjournal.core.word_weights import WordWeights, weights_for

_MEMO = "profile_index"  # a snapshot's index, built once


class ProfileIndex:
    """Where each field value is held: `holders[value]` = (person number, field number,
    position in the field) for `people` (in order) and `fields` (names)."""

    def __init__(self, people: Sequence[Person], fields: Sequence[str], weights: WordWeights) -> None:
        self.people = len(people)
        self.holders: dict[str, list[tuple[int, int, int]]] = {}
        self._values_with: dict[str, list[str]] = {}
        for number, person in enumerate(people):
            for field, name in enumerate(fields):
                value = getattr(person, name)
                for position, item in enumerate(value if isinstance(value, tuple) else (value,)):
                    if item:
                        self._hold(item, weights).append((number, field, position))
        self._vocab = sorted(self._values_with)
        self._by_length: dict[int, list[str]] = {}
        for word in self._vocab:
            self._by_length.setdefault(len(word), []).append(word)

    def _hold(self, value: str, weights: WordWeights) -> list[tuple[int, int, int]]:
        found = self.holders.get(value)
        if found is None:
            found = self.holders[value] = []
            for word in set(weights.words_of(value)):
                self._values_with.setdefault(word, []).append(value)
        return found

    def values_for(self, wanted: Sequence[str]) -> set[str]:
        """The values holding a word that one of `wanted` (folded) begins or is a typo of."""
        found: set[str] = set()
        vocab = self._vocab
        for word in wanted:
            low = bisect.bisect_left(vocab, word)
            near = vocab[low : bisect.bisect_left(vocab, word + "\uffff", low)]
            distance = typo_distance(word)
            for length in range(len(word) - distance, len(word) + distance + 1) if distance else ():
                near += [w for w, _, _ in process.extract(word, self._by_length.get(length, []),
                         scorer=OSA.distance, score_cutoff=distance, limit=None)]  # fmt: skip
            for match in near:
                found.update(self._values_with[match])
        return found


# The last index built and what from: a save that changed no one (a talk, a learning) makes a
# new snapshot of the very same Person objects, and the index is kept (0.2 s at 10,000 people).
_last: list[tuple[tuple[Person, ...], tuple[str, ...], ProfileIndex]] = []


def profiles_for(snapshot: JournalSnapshot, fields: Sequence[str]) -> ProfileIndex:
    """The index of `snapshot`'s people (in `snapshot.people` order), built once."""
    found = snapshot.memo.get(_MEMO)
    if isinstance(found, ProfileIndex):
        return found
    people, names = tuple(snapshot.people.values()), tuple(fields)
    last = _last[0] if _last else None
    if last is not None and last[1] == names and len(last[0]) == len(people) and all(
        before is now for before, now in zip(last[0], people, strict=True)
    ):
        found = last[2]
    else:
        found = ProfileIndex(people, names, weights_for(snapshot))
        _last[:] = [(people, names, found)]
    snapshot.memo[_MEMO] = found
    return found
