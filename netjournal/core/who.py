"""Who would you ask about X? People ranked for a topic, each with the reasons why.

A person scores for every field whose words hold at least half the topic (expertise
strongest, then role and department, interests, needs, tags, org, notes), for interactions
that mention it, and for learnings about it that you shared with them. The topic's words are
weighed by how rare they are among people (`word_weights`): "cold" says more than "chain", so
"Supply Chain Podcast" holds too little of "cold chain" to count. Whoever holds every word
(the phrase) comes first. Typos are forgiven by word length (`word_rules`: "kubernets" is
"kubernetes", "crime" is never "time"); word order does not matter. Nobody is listed below
FLOOR, and everyone listed has a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from netjournal.core.names import fold
from netjournal.core.profile_index import ProfileIndex
from netjournal.core.records import Interaction, Learning, Person, Record
from netjournal.core.word_rules import LITTLE_WORDS, MENTION_SUFFIX, is_typo_of
from netjournal.core.word_weights import WordWeights
from netjournal.core.words import count_of

# How much a match in each field says about whom to ask.
FIELD_WEIGHTS = (
    ("expertise", 5.0),
    ("role", 3.0),
    ("department", 2.5),
    ("interests", 2.0),
    ("needs", 1.5),
    ("tags", 1.5),
    ("org", 1.0),
    ("notes", 1.0),
)
TALK_WEIGHT = 1.0
TALKS_COUNTED = 3
SHARED_WEIGHT = 0.75
TYPO = 0.8  # "kubernets" for "kubernetes"
PREFIX = 0.7  # "procure" as the start of "procurement"
HALF = 0.5  # a field, talk or learning counts when it holds half the topic's weight
FIELDS = tuple(name for name, _ in FIELD_WEIGHTS)  # what `profiles_for` indexes for `who`
FLOOR = 0.4  # below: half an org name, one talk about half the topic (a prefix in a note is 0.49)


@dataclass
class Ranked:
    """A person, how well they fit the topic, and why (JSON: id, name, score, reasons)."""

    person: Person
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    whole: bool = False  # some field or talk holds every word of the topic, not just their starts

    def to_dict(self) -> dict[str, object]:
        return {"id": self.person.id, "name": self.person.name, "score": round(self.score, 2),
                "reasons": self.reasons}  # fmt: skip


def topic_words(topic: str) -> list[str]:
    """The words of a topic that carry meaning (folded; little and one- or two-letter words
    dropped), each once."""
    words = [w for w in fold(topic).split() if (len(w) > 2 or w.isdigit()) and w not in LITTLE_WORDS]
    return list(dict.fromkeys(words))


class TopicMatch:
    """How much of a topic a field value holds (0 to 1), its rarer words weighing more.

    A topic's word scores 1 against itself or itself with a short ending ("robots"), TYPO
    against a typo its length forgives, PREFIX against a longer word it starts ("opera" in
    "operations"). Each distinct value and word is looked at once per topic: 10,000 people
    share their orgs, departments and phrases.
    """

    def __init__(self, wanted: list[str], weights: WordWeights) -> None:
        self.wanted = wanted
        self.weights = weights
        self._words: dict[str, dict[str, float]] = {w: {} for w in wanted}
        self._values: dict[str, float] = {}

    def word(self, wanted: str, word: str) -> float:
        """How well `word` (written) stands for `wanted` (a topic's word)."""
        known = self._words[wanted]
        found = known.get(word)
        if found is None:
            weights = self.weights
            if word.startswith(wanted):
                found = 1.0 if len(word) <= len(wanted) + MENTION_SUFFIX else PREFIX
            elif word in weights.typos_of(wanted) or (
                not weights.knows(word) and is_typo_of(wanted, word)
            ):
                found = TYPO
            else:
                found = 0.0
            known[word] = found
        return found

    def share(self, value: str) -> float:
        """How much of the topic `value` holds, by weight."""
        found = self._values.get(value)
        if found is None:
            words = self.weights.words_of(value)
            strength = {w: max((self.word(w, x) for x in words), default=0.0) for w in self.wanted}
            found = self._values[value] = self.weights.share(self.wanted, strength)
        return found


def rank_people_for(
    topic: str,
    people: Iterable[Person],
    interactions: Iterable[Interaction] = (),
    learnings: Iterable[Learning] = (),
    limit: int | None = None,
    mentioning: Callable[[list[str]], set[str]] | None = None,
    weights: WordWeights | None = None,
    profiles: ProfileIndex | None = None,
) -> list[Ranked]:
    """People who could help with `topic`, best first, each with reasons; none below FLOOR.

    `mentioning(words)`, when given (the search index), returns the ids of the records that
    mention at least half of `words`; it is asked one word at a time. Without it the texts
    are scanned (the words themselves, without typos). `weights` (`weights_for(snapshot)`)
    defaults to those of `people`. `profiles` (`profiles_for(snapshot, FIELDS)`, over the same
    `people` in the same order) lets only the field values the topic touches be scored.
    """
    wanted = topic_words(topic)
    if not wanted:
        return []
    people = list(people)
    weights = weights or WordWeights(people)
    ranked = {person.id: Ranked(person) for person in people}
    match = TopicMatch(wanted, weights)
    if profiles is not None and profiles.people == len(ranked):
        _score_indexed_fields(list(ranked.values()), match, profiles)
    else:
        for entry in ranked.values():
            _score_fields(entry, match)
    if mentioning is not None:
        per_word = {word: mentioning([word]) for word in wanted}
        anywhere = set().union(*per_word.values())
        # Only what the index says mentions the topic is looked at (a cheap look-up each).
        talks: Iterable[Interaction] = [i for i in interactions if i.id in anywhere]
        learnings = [learning for learning in learnings if learning.id in anywhere]

        def held(record: Record) -> list[str]:
            if record.id not in anywhere:
                return []
            return [word for word in wanted if record.id in per_word[word]]
    else:
        talks, scan = interactions, _Mentions(wanted)

        def held(record: Record) -> list[str]:
            return scan(_about(record))

    shares: dict[tuple[str, ...], float] = {}  # by the words held: a few combinations

    def about(record: Record) -> float:
        """How much of the topic `record` holds (0 when under half)."""
        found = tuple(held(record))
        if not found:
            return 0.0
        share = shares.get(found)
        if share is None:
            share = shares[found] = weights.share(wanted, dict.fromkeys(found, 1.0))
        return share if share >= HALF else 0.0

    _score_talks(ranked, talks, about)
    _score_shared(ranked, interactions, learnings, about)
    found = [entry for entry in ranked.values() if entry.score >= FLOOR and entry.reasons]
    # Whoever holds the words themselves ("opera", "cold chain") comes before those who hold
    # only longer words they start ("operations") or part of the topic, however many.
    found.sort(key=lambda entry: (not entry.whole, -entry.score, -entry.person.influence,
                                  entry.person.name.casefold()))  # fmt: skip
    return found[:limit] if limit else found


def _score_fields(entry: Ranked, match: TopicMatch) -> None:
    person = entry.person
    for name, weight in FIELD_WEIGHTS:
        value = getattr(person, name)
        values = value if isinstance(value, tuple) else (value,)
        best, best_value = 0.0, ""
        for item in values:
            share = match.share(item)
            if share > best:
                best, best_value = share, item
        _count_field(entry, name, weight, best, best_value)


def _score_indexed_fields(entries: list[Ranked], match: TopicMatch, profiles: ProfileIndex) -> None:
    """`_score_fields` for everyone, looking only at the values holding a word of the topic
    (the others score 0): per person and field the best value, the first among equals."""
    best: dict[tuple[int, int], tuple[float, int, str]] = {}
    for value in profiles.values_for(match.wanted):
        share = match.share(value)
        if share < HALF:
            continue
        for number, kind, position in profiles.holders[value]:
            held = best.get((number, kind))
            if held is None or share > held[0] or (share == held[0] and position < held[1]):
                best[(number, kind)] = (share, position, value)
    for number, kind in sorted(best):
        share, _, value = best[(number, kind)]
        name, weight = FIELD_WEIGHTS[kind]
        _count_field(entries[number], name, weight, share, value)


def _count_field(entry: Ranked, name: str, weight: float, best: float, best_value: str) -> None:
    if best >= HALF:
        entry.score += weight * best * best  # a partial match of a long topic counts less
        entry.whole = entry.whole or best >= 1.0 - 1e-9
        shown = best_value if len(best_value) <= 60 else best_value[:57] + "…"
        entry.reasons.append(f"{name}: {shown}")


class _Mentions:
    """The topic's words a text mentions, each at a word start with a short ending at most.

    Raw text (folded if it is not ASCII) is scanned with case-insensitive regexes, word by word, a cheap substring test
    first: far faster over long notes than folding them word by word.
    """

    def __init__(self, wanted: list[str]) -> None:
        self.words = wanted
        self.patterns = [re.compile(rf"\b{re.escape(word)}\w{{0,{MENTION_SUFFIX}}}\b", re.IGNORECASE)
                         for word in wanted]  # fmt: skip

    def __call__(self, text: str) -> list[str]:
        if not text:
            return []
        if not text.isascii():  # "Zürich", "Đorđe" are mentioned as "zurich", "dorde"
            text = fold(text)
        lowered = text.lower()
        return [word for word, pattern in zip(self.words, self.patterns, strict=True)
                if word in lowered and pattern.search(text)]  # fmt: skip


def _about(record: Record) -> str:
    """The text of an interaction or learning that says what it was about."""
    if isinstance(record, Interaction):
        return "\n".join((record.summary, record.event, record.notes))
    if isinstance(record, Learning):
        return "\n".join((record.title, ", ".join(record.tags), record.body))
    return ""


def _counted(shares: list[float], weight: float) -> float:
    """The best TALKS_COUNTED of a person's talks (or learnings), each by how much it holds."""
    return weight * sum(share * share for share in sorted(shares, reverse=True)[:TALKS_COUNTED])


def _score_talks(
    ranked: dict[str, Ranked],
    interactions: Iterable[Interaction],
    about: Callable[[Record], float],
) -> None:
    talks: dict[str, list[tuple[Interaction, float]]] = {}
    for interaction in interactions:
        share = about(interaction)
        if share:
            for person_id in interaction.person_ids:
                talks.setdefault(person_id, []).append((interaction, share))
    for person_id, found in talks.items():
        entry = ranked.get(person_id)
        if entry is None:
            continue
        found.sort(key=lambda pair: pair[0].date, reverse=True)
        entry.score += _counted([share for _, share in found], TALK_WEIGHT)
        entry.whole = entry.whole or any(share >= 1.0 - 1e-9 for _, share in found)
        more = f" (and {count_of(len(found) - 1, 'more time')})" if len(found) > 1 else ""
        entry.reasons.append(f"talked about it on {found[0][0].date.isoformat()}{more}")


def _score_shared(
    ranked: dict[str, Ranked],
    interactions: Iterable[Interaction],
    learnings: Iterable[Learning],
    about: Callable[[Record], float],
) -> None:
    shares = {learning.id: (learning, share) for learning in learnings if (share := about(learning))}
    if not shares:
        return
    shared: dict[str, dict[str, tuple[Learning, float]]] = {}
    for interaction in interactions:
        for learning_id in interaction.learning_ids:
            found = shares.get(learning_id)
            if found is not None:
                for person_id in interaction.person_ids:
                    shared.setdefault(person_id, {}).setdefault(learning_id, found)
    for person_id, titles in shared.items():
        entry = ranked.get(person_id)
        if entry is None:
            continue
        given = list(titles.values())
        entry.score += _counted([share for _, share in given], SHARED_WEIGHT)
        entry.whole = entry.whole or any(share >= 1.0 - 1e-9 for _, share in given)
        more = f" (and {len(given) - 1} more)" if len(given) > 1 else ""
        entry.reasons.append(f"you shared '{given[0][0].title}' with them{more}")
