"""Whom to share a learning with: people whose interests, expertise and needs it speaks to.

Each of a person's interests, expertise and needs is a phrase; the share of its words that
the learning's title, tags and body hold is how well it fits ("interest: offshore racing").
Needs weigh most (it helps them), then expertise, then interests. People who already
received the learning are marked and ranked after everyone else.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from netjournal.core.names import fold
from netjournal.core.planning import planned_share_people
from netjournal.core.records import Learning, Person
from netjournal.core.snapshot import JournalSnapshot

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


BODY_ONLY = 0.5  # a one-word phrase met only in the body ("running", the verb) counts half


def learning_words(learning: Learning, body: bool = True) -> set[str]:
    """The folded words of a learning's title and tags (and body), simple plurals folded."""
    text = " ".join((learning.title, " ".join(learning.tags), learning.body if body else ""))
    words = set(fold(text).split())
    return words | {word[:-1] for word in words if word.endswith("s") and len(word) > 3}


def _holds(wanted: tuple[str, ...], words: set[str]) -> int:
    return sum(1 for w in wanted if w in words or w.rstrip("s") in words)


def is_source(person: Person, learning: Learning) -> bool:
    """Whether `person` is where the learning came from (its author, speaker, host)."""
    return _named_in(fold(person.name), fold(learning.source))


def _named_in(name: str, source: str) -> bool:
    return bool(name) and name in source


class ShareMatcher:
    """Everyone's interests, expertise and needs as folded phrases indexed by word, built once,
    so ranking a learning looks only at the phrases that share a word with it."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people: list[Person] = []
        self._by_word: dict[str, list[tuple[int, int, str, str, float, tuple[str, ...]]]] = {}
        order = 0  # the order phrases were given, so reasons read as the person's own list
        for index, person in enumerate(people):
            self.people.append(person)
            for name, label, weight in WEIGHTS:
                for phrase in getattr(person, name):
                    wanted = tuple(w for w in fold(phrase).split() if w not in LITTLE_WORDS)
                    if not wanted:
                        continue
                    order += 1
                    entry = (index, order, label, phrase, weight, wanted)
                    for word in {*wanted, *(w.rstrip("s") for w in wanted)}:
                        self._by_word.setdefault(word, []).append(entry)

    def suggest(
        self, learning: Learning, already: Iterable[str] = (), limit: int | None = None
    ) -> list[Suggestion]:
        """People ranked for `learning`; those in `already` (ids) come last, marked shared."""
        words, headline = learning_words(learning), learning_words(learning, body=False)
        received = set(already)
        phrases = {entry[:2]: entry for word in words for entry in self._by_word.get(word, ())}
        by_person: dict[int, Suggestion] = {}
        for index, _, label, phrase, weight, wanted in sorted(phrases.values()):
            share = _holds(wanted, words) / len(wanted)
            person = self.people[index]
            if share < 0.5 or is_source(person, learning):
                continue
            if len(wanted) == 1 and not _holds(wanted, headline):
                weight *= BODY_ONLY
            entry = by_person.get(index)
            if entry is None:
                entry = by_person[index] = Suggestion(person, shared=person.id in received)
            entry.score += weight * share * share
            entry.reasons.append(f"{label}: {phrase}")
        found = list(by_person.values())
        # Those who have it are listed (marked) even with nothing in common: you see who has it.
        matched = {entry.person.id for entry in found}
        found += [Suggestion(p, shared=True) for p in self.people
                  if p.id in received and p.id not in matched]  # fmt: skip
        found.sort(
            key=lambda e: (e.shared, -e.score, -e.person.influence, e.person.name.casefold())
        )
        return found[:limit] if limit else found


def suggest_people(
    learning: Learning,
    people: Iterable[Person],
    already: Iterable[str] = (),
    limit: int | None = None,
) -> list[Suggestion]:
    """People ranked for `learning`; those in `already` (ids) come last, marked shared."""
    return ShareMatcher(people).suggest(learning, already, limit)


@dataclass(frozen=True)
class ShareCandidate:
    """A person to offer a learning to, why, and whether they have it or will get it
    (JSON: id, name, score, reasons, shared, planned)."""

    person: Person
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    has_it: bool = False  # a logged talk or a done share gave it to them
    planned: bool = False  # an open share of it is planned with them (and they lack it)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.person.id, "name": self.person.name, "score": round(self.score, 2),
                "reasons": list(self.reasons), "shared": self.has_it,
                "planned": self.planned}  # fmt: skip


def share_candidates(
    snapshot: JournalSnapshot,
    learning: Learning,
    *,
    everyone: bool = False,
    picked: Collection[str] = (),
    limit: int | None = None,
) -> list[ShareCandidate]:
    """Whom to share `learning` with: those it fits, best first, with the reasons; then (with
    `everyone`) the rest by name; last, marked, those who have it or have a share planned.

    `picked` (ids, e.g. the review's strong fits) lead their group.
    """
    has_it = {person.id for person in snapshot.shared_with(learning.id)}
    planned = planned_share_people(snapshot.outreach.values(), learning.id) - has_it
    ranked = suggest_people(learning, snapshot.people.values(), has_it | planned)
    found = [
        ShareCandidate(entry.person, entry.score, tuple(entry.reasons),
                       entry.person.id in has_it, entry.person.id in planned)
        for entry in ranked
    ]  # fmt: skip
    fits = [c for c in found if not (c.has_it or c.planned)]
    ranked_out = [c for c in found if c.has_it or c.planned]
    rest: list[ShareCandidate] = []
    if everyone:  # the share screen lets you pick anyone: the rest by name
        listed = {c.person.id for c in found}
        others = [p for p in snapshot.people.values() if p.id not in listed]
        rest = [ShareCandidate(p) for p in sorted(others, key=lambda p: p.name.casefold())]
    chosen = set(picked)
    # Picked people first within their group; both keep their rank among themselves.
    fits.sort(key=lambda c: c.person.id not in chosen)
    ranked_out.sort(key=lambda c: c.person.id not in chosen)
    result = [*fits, *rest, *ranked_out]
    return result[:limit] if limit else result


class WholePhrases:
    """People's phrases that a learning holds whole ("offshore racing": both words), found
    fast for many learnings at once: each distinct phrase is checked once per learning, and
    only when the learning holds its first word."""

    def __init__(self, people: Iterable[Person]) -> None:
        holders: dict[tuple[str, ...], list[tuple[Person, str, str, str, float]]] = {}
        for person in people:
            for name, label, weight in WEIGHTS:
                for phrase in getattr(person, name):
                    wanted = tuple(w for w in fold(phrase).split() if w not in LITTLE_WORDS)
                    if wanted:
                        holders.setdefault(wanted, []).append(
                            (person, fold(person.name), label, phrase, weight)
                        )
        self._holders = holders
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for wanted in holders:
            for key in {wanted[0], wanted[0].rstrip("s")}:
                self._by_first.setdefault(key, []).append(wanted)

    def best(self, learning: Learning, limit: int = 3) -> list[Suggestion]:
        """Up to `limit` people holding the most (and weightiest) of its phrases whole."""
        words, headline = learning_words(learning), learning_words(learning, body=False)
        source = fold(learning.source)
        found: dict[str, Suggestion] = {}
        why: dict[str, list[tuple[float, int, str]]] = {}  # to name the strongest reason first
        seen: set[tuple[str, ...]] = set()
        for word in words:
            for wanted in self._by_first.get(word, ()):
                if wanted in seen:
                    continue
                seen.add(wanted)
                if _holds(wanted, words) == len(wanted):
                    single = len(wanted) == 1 and not _holds(wanted, headline)
                    factor = BODY_ONLY if single else 1.0
                    for person, name, label, phrase, weight in self._holders[wanted]:
                        if source and _named_in(name, source):
                            continue
                        entry = found.setdefault(person.id, Suggestion(person))
                        entry.score += weight * factor
                        why.setdefault(person.id, []).append(
                            (-weight * factor, -len(wanted), f"{label}: {phrase}")
                        )
        ranked = sorted(found.values(),
                        key=lambda e: (-e.score, -e.person.influence, e.person.name.casefold()))  # fmt: skip
        for entry in ranked[:limit]:
            entry.reasons = [reason for *_, reason in sorted(why[entry.person.id])]
        return ranked[:limit]
