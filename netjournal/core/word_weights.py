"""How much a word says about whom to ask or share with: rare words weigh more than common ones.

Each person's profile (the short fields `who` and `suggest` read: expertise, role, department,
interests, needs, tags, org; not the free text of notes) is one document; a word's weight
is BM25's IDF over them, log(1 + (N - df + 0.5) / (df + 0.5)): always above zero, about
log(N) for a word nobody has, near zero for one everybody has. A typed word counts the people
holding any word it stands for (itself, a short ending, a typo by its length). Worked out once
per snapshot (`weights_for`), so `who`, `/`, `suggest`, the share list and the review agree.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable
from operator import attrgetter

from rapidfuzz import process
from rapidfuzz.distance import OSA

from netjournal.core.names import fold
from netjournal.core.records import Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.word_rules import MENTION_SUFFIX, typo_distance

# Notes are left out: free text says how you write, not what people know (and costs 3x).
PROFILE_FIELDS = ("expertise", "role", "department", "interests", "needs", "tags", "org")
_MEMO = "word_weights"  # a snapshot's weights, worked out once


class WordWeights:
    """Document frequencies of the words of people's profiles, and the IDF they give.

    It also keeps each field value it folded (`words_of`): the rankings that use it read the
    same values again, and many people share an org, a department or a phrase.
    """

    def __init__(self, people: Iterable[Person]) -> None:
        self._folded: dict[str, tuple[str, ...]] = {}
        counts: Counter[str] = Counter()
        total = 0
        words_of, fields = self.words_of, attrgetter(*PROFILE_FIELDS)
        for person in people:
            total += 1
            held: set[str] = set()
            for value in fields(person):
                for item in value if isinstance(value, tuple) else (value,):
                    held.update(words_of(item))
            counts.update(held)
        self.people = total
        self._counts = counts
        self._vocab = sorted(counts)
        self._by_length: dict[int, list[str]] = {}
        for word in self._vocab:
            self._by_length.setdefault(len(word), []).append(word)
        self._memo: dict[str, float] = {}
        self._typos: dict[str, frozenset[str]] = {}

    def words_of(self, text: str) -> tuple[str, ...]:
        """The folded words of `text` (a field value), folded once."""
        found = self._folded.get(text)
        if found is None:
            found = self._folded[text] = tuple(fold(text).split())
        return found

    def people_with(self, word: str) -> int:
        """How many people's profiles hold `word` or a word it stands for (at most everyone)."""
        low = bisect.bisect_left(self._vocab, word)
        high = bisect.bisect_left(self._vocab, word + "\uffff", low)
        found = {w for w in self._vocab[low:high] if len(w) <= len(word) + MENTION_SUFFIX}
        return min(self.people, sum(self._counts[w] for w in found | self.typos_of(word)))

    def knows(self, word: str) -> bool:
        """Whether some profile holds `word` (folded): then `typos_of` has looked at it."""
        return word in self._counts

    def typos_of(self, word: str) -> frozenset[str]:
        """The profiles' words within the typos `word` forgives (`word_rules`), found in C."""
        found = self._typos.get(word)
        if found is None:
            distance = typo_distance(word)
            near: set[str] = set()
            for length in range(len(word) - distance, len(word) + distance + 1) if distance else ():
                words = self._by_length.get(length, [])
                near.update(w for w, _, _ in process.extract(
                    word, words, scorer=OSA.distance, score_cutoff=distance, limit=None))  # fmt: skip
            found = self._typos[word] = frozenset(near)
        return found

    def weight(self, word: str) -> float:
        """BM25's IDF of `word` (folded) among people: rarer words weigh more, never 0."""
        found = self._memo.get(word)
        if found is None:
            held = self.people_with(word)
            found = self._memo[word] = math.log(1 + (self.people - held + 0.5) / (held + 0.5))
        return found

    def share(self, wanted: Iterable[str], strength: dict[str, float]) -> float:
        """The weighted share of `wanted` matched (0 to 1), each word counted by its strength."""
        words = list(wanted)
        total = sum(self.weight(w) for w in words)
        return sum(self.weight(w) * strength.get(w, 0.0) for w in words) / total if total else 0.0


def weights_for(snapshot: JournalSnapshot) -> WordWeights:
    """The weights of `snapshot`'s people, worked out once per snapshot."""
    found = snapshot.memo.get(_MEMO)
    if not isinstance(found, WordWeights):
        found = snapshot.memo[_MEMO] = WordWeights(snapshot.people.values())
    return found
