"""Whom to share a learning with: people whose interests, expertise and needs it speaks to.

Each of a person's interests, expertise and needs is a phrase; the share of its words that
the learning's title, tags and body hold is how well it fits ("interest: offshore racing").
Needs weigh most (it helps them), then expertise, then interests. A phrase's words are
weighed by how rare they are among people (`word_weights`): "AMR fleets" is not met by a body
that says "fleets". A phrase counts when the learning holds half of it by weight; nobody is
offered below FLOOR or without a reason. People who already received the learning (or have
a share of it planned) and fit are marked and ranked after everyone else; the share screen
lists everyone, so there they are listed even when it does not fit them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from netjournal.core.names import fold
from netjournal.core.planning import planned_share_people
from netjournal.core.records import Learning, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.word_rules import LITTLE_WORDS
from netjournal.core.word_weights import WordWeights, weights_for

WEIGHTS = (("needs", "need", 3.0), ("expertise", "expertise", 2.0), ("interests", "interest", 2.0))
HALF = 0.5  # a phrase counts when the learning holds half of it, by the weight of its words
FLOOR = 0.5  # half of an interest phrase: nobody is offered for less
_MATCHER = "suggest.matcher"  # a snapshot's ShareMatcher, built once


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


# A one-word phrase met only in the body counts part: half for a need or an expertise (the
# body's "kubernetes" is the thing), a fifth for an interest, below FLOOR on its own (a body's
# "Running the fleet's software" says nothing to a runner; the title or tags must).
BODY_ONLY = {"need": 0.5, "expertise": 0.5, "interest": 0.2}


def learning_words(learning: Learning, body: bool = True) -> set[str]:
    """The folded words of a learning's title and tags (and body), simple plurals folded."""
    text = " ".join((learning.title, " ".join(learning.tags), learning.body if body else ""))
    words = set(fold(text).split())
    return words | {word[:-1] for word in words if word.endswith("s") and len(word) > 3}


def _holds(wanted: tuple[str, ...], words: set[str]) -> int:
    return sum(1 for w in wanted if w in words or w.rstrip("s") in words)


def _held_share(wanted: tuple[str, ...], words: set[str], weights: WordWeights) -> float:
    """How much of a phrase `words` hold, its rarer words weighing more (0 to 1)."""
    held = {w: 1.0 for w in wanted if w in words or w.rstrip("s") in words}
    return weights.share(wanted, held) if held else 0.0


def is_source(person: Person, learning: Learning) -> bool:
    """Whether `person` is where the learning came from (its author, speaker, host)."""
    return _named_in(fold(person.name), fold(learning.source))


def _named_in(name: str, source: str) -> bool:
    return bool(name) and name in source


def phrase_score(weight: float, share: float, single_in_body: bool, label: str) -> float:
    """What one phrase the learning holds (`share` of it, by weight) adds to a person's score."""
    return weight * share * share * (BODY_ONLY[label] if single_in_body else 1.0)


class ShareMatcher:
    """Everyone's interests, expertise and needs as distinct folded phrases indexed by word,
    each with the people who hold it, built once: ranking a learning looks only at the phrases
    that share a word with it, and weighs a phrase many people hold once."""

    def __init__(self, people: Iterable[Person], weights: WordWeights | None = None) -> None:
        self.people: list[Person] = list(people)
        self.weights = weights = weights or WordWeights(self.people)
        # phrase words -> (person's number, the phrase's order, label, phrase, field weight)
        self.holders: dict[tuple[str, ...], list[tuple[int, int, str, str, float]]] = {}
        meaningful: dict[str, tuple[str, ...]] = {}
        order = 0  # the order phrases were given, so reasons read as the person's own list
        for index, person in enumerate(self.people):
            for name, label, weight in WEIGHTS:
                for phrase in getattr(person, name):
                    wanted = meaningful.get(phrase)
                    if wanted is None:
                        wanted = meaningful[phrase] = tuple(
                            w for w in weights.words_of(phrase) if w not in LITTLE_WORDS
                        )
                    if wanted:
                        order += 1
                        self.holders.setdefault(wanted, []).append(
                            (index, order, label, phrase, weight)
                        )
        self.by_word: dict[str, list[tuple[str, ...]]] = {}
        for wanted in self.holders:
            for word in {*wanted, *(w.rstrip("s") for w in wanted)}:
                self.by_word.setdefault(word, []).append(wanted)

    def suggest(
        self, learning: Learning, already: Iterable[str] = (), limit: int | None = None
    ) -> list[Suggestion]:
        """People `learning` fits, ranked; those in `already` (ids) come last, marked shared."""
        words, headline = learning_words(learning), learning_words(learning, body=False)
        received = set(already)
        met: list[tuple[int, int, str, str, float]] = []
        for wanted in {w for word in words for w in self.by_word.get(word, ())}:
            share = _held_share(wanted, words, self.weights)
            if share >= HALF:
                single = len(wanted) == 1 and not _holds(wanted, headline)
                met += [(index, order, label, phrase, phrase_score(weight, share, single, label))
                        for index, order, label, phrase, weight in self.holders[wanted]]  # fmt: skip
        by_person: dict[int, Suggestion] = {}
        source = fold(learning.source)
        for index, _, label, phrase, score in sorted(met):
            entry = by_person.get(index)
            if entry is None:
                person = self.people[index]
                if _named_in(fold(person.name), source):
                    continue  # is_source: not offered their own work
                entry = by_person[index] = Suggestion(person, shared=person.id in received)
            entry.score += score
            entry.reasons.append(f"{label}: {phrase}")
        found = [entry for entry in by_person.values() if entry.score >= FLOOR]
        found.sort(
            key=lambda e: (e.shared, -e.score, -e.person.influence, e.person.name.casefold())
        )
        return found[:limit] if limit else found


def suggest_people(
    learning: Learning,
    people: Iterable[Person],
    already: Iterable[str] = (),
    limit: int | None = None,
    weights: WordWeights | None = None,
) -> list[Suggestion]:
    """People `learning` fits, ranked; those in `already` (ids) come last, marked shared."""
    return ShareMatcher(people, weights).suggest(learning, already, limit)


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
    `everyone`) the rest by name; last, marked, those who have it or have a share planned
    (only those it fits, unless `everyone`: nobody is suggested without a reason).

    `picked` (ids, e.g. the review's strong fits) lead their group.
    """
    has_it = {person.id for person in snapshot.shared_with(learning.id)}
    planned = planned_share_people(snapshot.outreach.values(), learning.id) - has_it
    matcher = snapshot.memo.get(_MATCHER)
    if not isinstance(matcher, ShareMatcher):  # once per snapshot: each share list reuses it
        matcher = snapshot.memo[_MATCHER] = ShareMatcher(
            snapshot.people.values(), weights_for(snapshot)
        )
    ranked = matcher.suggest(learning, has_it | planned)
    found = [
        ShareCandidate(entry.person, entry.score, tuple(entry.reasons),
                       entry.person.id in has_it, entry.person.id in planned)
        for entry in ranked
    ]  # fmt: skip
    if everyone:  # the share screen lists everyone: those who have it too, marked
        unfit = [snapshot.people[i] for i in (has_it | planned) - {c.person.id for c in found}
                 if i in snapshot.people]  # fmt: skip
        unfit.sort(key=lambda p: (-p.influence, p.name.casefold()))
        found += [ShareCandidate(p, has_it=p.id in has_it, planned=p.id in planned) for p in unfit]
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

    def __init__(self, people: Iterable[Person], weights: WordWeights | None = None) -> None:
        holders: dict[tuple[str, ...], list[tuple[Person, str, str, str, float]]] = {}
        words_of = weights.words_of if weights else lambda text: tuple(fold(text).split())
        for person in people:
            for name, label, weight in WEIGHTS:
                for phrase in getattr(person, name):
                    wanted = tuple(w for w in words_of(phrase) if w not in LITTLE_WORDS)
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
                    for person, name, label, phrase, weight in self._holders[wanted]:
                        if source and _named_in(name, source):
                            continue
                        score = phrase_score(weight, 1.0, single, label)  # as `suggest` does
                        entry = found.setdefault(person.id, Suggestion(person))
                        entry.score += score
                        why.setdefault(person.id, []).append(
                            (-score, -len(wanted), f"{label}: {phrase}")
                        )
        ranked = sorted(found.values(),
                        key=lambda e: (-e.score, -e.person.influence, e.person.name.casefold()))  # fmt: skip
        for entry in ranked[:limit]:
            entry.reasons = [reason for *_, reason in sorted(why[entry.person.id])]
        return ranked[:limit]
