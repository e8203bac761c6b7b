"""Whom to share a learning with: people whose interests, expertise and needs it speaks to.

Each of a person's interests, expertise and needs is a phrase; the share of its words that
the learning's title, tags and body hold is how well it fits ("interest: offshore racing").
Needs weigh most (it helps them), then expertise, then interests. People who already
received the learning are marked and ranked after everyone else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from netjournal.core.names import fold
from netjournal.core.records import Learning, Person

WEIGHTS = (("needs", "need", 3.0), ("expertise", "expertise", 2.0), ("interests", "interest", 2.0))
LITTLE_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


@dataclass
class Suggestion:
    """A person to share with (JSON: id, name, score, reasons, shared)."""

    person: Person
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    shared: bool = False

    def to_dict(self) -> dict[str, object]:
        return {"id": self.person.id, "name": self.person.name, "score": round(self.score, 2),
                "reasons": self.reasons, "shared": self.shared}  # fmt: skip


def learning_words(learning: Learning) -> set[str]:
    """The folded words of a learning's title, tags and body, with simple plurals folded."""
    words = set(fold(" ".join((learning.title, " ".join(learning.tags), learning.body))).split())
    return words | {word[:-1] for word in words if word.endswith("s") and len(word) > 3}


def suggest_people(
    learning: Learning,
    people: Iterable[Person],
    already: Iterable[str] = (),
    limit: int | None = None,
) -> list[Suggestion]:
    """People ranked for `learning`; those in `already` (ids) come last, marked shared."""
    words = learning_words(learning)
    received = set(already)
    found: list[Suggestion] = []
    for person in people:
        entry = Suggestion(person, shared=person.id in received)
        for name, label, weight in WEIGHTS:
            for phrase in getattr(person, name):
                wanted = [w for w in fold(phrase).split() if w not in LITTLE_WORDS]
                if not wanted:
                    continue
                hits = sum(1 for w in wanted if w in words or w.rstrip("s") in words)
                share = hits / len(wanted)
                if share >= 0.5:
                    entry.score += weight * share * share
                    entry.reasons.append(f"{label}: {phrase}")
        if entry.score > 0:
            found.append(entry)
    found.sort(key=lambda e: (e.shared, -e.score, -e.person.influence, e.person.name.casefold()))
    return found[:limit] if limit else found
