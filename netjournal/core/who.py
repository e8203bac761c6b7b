"""Who would you ask about X? People ranked for a topic, each with the reasons why.

A person scores for every field whose words match the topic's (expertise strongest, then
role and department, interests, needs, tags, notes), for interactions that mention it, and
for learnings about it that you shared with them. Typos in words of five letters or more
are forgiven; word order does not matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from netjournal.core.names import fold
from netjournal.core.records import Interaction, Learning, Person, Record
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
TYPO_SIMILARITY = 85.0
TYPO = 0.8  # "kubernets" for "kubernetes"
PREFIX = 0.7  # "procure" as the start of "procurement"
MENTION_SUFFIX = 3  # "robot" is mentioned by "robots", "operator" by "operators", not "opera"


@dataclass
class Ranked:
    """A person, how well they fit the topic, and why (JSON: id, name, score, reasons)."""

    person: Person
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    whole: bool = False  # some field or talk holds the topic's own words, not just their starts

    def to_dict(self) -> dict[str, object]:
        return {"id": self.person.id, "name": self.person.name, "score": round(self.score, 2),
                "reasons": self.reasons}  # fmt: skip


def topic_words(topic: str) -> list[str]:
    """The words of a topic that carry meaning (folded; one- and two-letter words dropped)."""
    return [word for word in fold(topic).split() if len(word) > 2 or word.isdigit()]


def word_matches(wanted: str, words: Iterable[str]) -> bool:
    """`wanted` is a prefix of one of `words`, or (five letters or more) close to one."""
    for word in words:
        if word.startswith(wanted):
            return True
        if (
            len(wanted) >= 5
            and abs(len(word) - len(wanted)) <= 2
            and fuzz.ratio(wanted, word) >= TYPO_SIMILARITY
        ):
            return True
    return False


def field_match(wanted: list[str], value: str) -> float:
    """The share of the topic's words found in `value` (0 to 1), each by `word_score`."""
    words = fold(value).split()
    if not words:
        return 0.0
    return sum(word_score(w, words) for w in wanted) / len(wanted)


def word_score(wanted: str, words: list[str]) -> float:
    """1 for the word itself or with a short ending ("robots"), TYPO for a near miss,
    PREFIX for the start of a longer word ("opera" in "operations")."""
    best = 0.0
    for word in words:
        if word.startswith(wanted):
            if len(word) <= len(wanted) + MENTION_SUFFIX:
                return 1.0
            best = max(best, PREFIX)
        elif (
            len(wanted) >= 5
            and abs(len(word) - len(wanted)) <= 2
            and fuzz.ratio(wanted, word) >= TYPO_SIMILARITY
        ):
            best = max(best, TYPO)
    return best


def rank_people_for(
    topic: str,
    people: Iterable[Person],
    interactions: Iterable[Interaction] = (),
    learnings: Iterable[Learning] = (),
    limit: int | None = None,
    mentioning: Callable[[list[str]], set[str]] | None = None,
) -> list[Ranked]:
    """People who could help with `topic`, best first, each with reasons; nobody scores 0.

    `mentioning(words)`, when given (the search index), returns the ids of the records that
    mention at least half of the topic's words; without it the texts are scanned.
    """
    wanted = topic_words(topic)
    if not wanted:
        return []
    ranked = {person.id: Ranked(person) for person in people}
    for entry in ranked.values():
        _score_fields(entry, wanted)
    if mentioning is not None:
        ids = mentioning(wanted)

        def mentions(record: Record) -> bool:
            return record.id in ids
    else:
        scan = _Mentions(wanted)

        def mentions(record: Record) -> bool:
            return scan(_about(record))

    _score_talks(ranked, interactions, mentions)
    _score_shared(ranked, interactions, learnings, mentions)
    found = [entry for entry in ranked.values() if entry.score > 0]
    # Whoever holds the words themselves ("opera") comes before those who only hold longer
    # words they start ("operations"), however many of those they have.
    found.sort(key=lambda entry: (not entry.whole, -entry.score, -entry.person.influence,
                                  entry.person.name.casefold()))  # fmt: skip
    return found[:limit] if limit else found


def _score_fields(entry: Ranked, wanted: list[str]) -> None:
    person = entry.person
    for name, weight in FIELD_WEIGHTS:
        value = getattr(person, name)
        values = value if isinstance(value, tuple) else (value,)
        best, best_value = 0.0, ""
        for item in values:
            share = field_match(wanted, item)
            if share > best:
                best, best_value = share, item
        if best >= 0.5:
            entry.score += weight * best * best  # a partial match of a long topic counts less
            entry.whole = entry.whole or best == 1.0
            shown = best_value if len(best_value) <= 60 else best_value[:57] + "…"
            entry.reasons.append(f"{name}: {shown}")


class _Mentions:
    """Finds texts that mention at least half of a topic's words, each at a word start.

    Raw text is scanned with case-insensitive regexes, word by word, stopping as soon as
    enough words are found: far faster over long notes than folding them word by word.
    """

    def __init__(self, wanted: list[str]) -> None:
        self.words = wanted
        self.patterns = [re.compile(rf"\b{re.escape(word)}\w{{0,{MENTION_SUFFIX}}}\b", re.IGNORECASE)
                         for word in wanted]  # fmt: skip
        self.needed = max(1, (len(wanted) + 1) // 2)

    def __call__(self, text: str) -> bool:
        if not text:
            return False
        lowered = text.lower()
        found = 0
        for word, pattern in zip(self.words, self.patterns, strict=True):
            if word in lowered and pattern.search(text):
                found += 1
                if found >= self.needed:
                    return True
        return False


def _about(record: Record) -> str:
    """The text of an interaction or learning that says what it was about."""
    if isinstance(record, Interaction):
        return "\n".join((record.summary, record.event, record.notes))
    if isinstance(record, Learning):
        return "\n".join((record.title, ", ".join(record.tags), record.body))
    return ""


def _score_talks(
    ranked: dict[str, Ranked],
    interactions: Iterable[Interaction],
    mentions: Callable[[Record], bool],
) -> None:
    talks: dict[str, list[Interaction]] = {}
    for interaction in interactions:
        if mentions(interaction):
            for person_id in interaction.person_ids:
                talks.setdefault(person_id, []).append(interaction)
    for person_id, found in talks.items():
        entry = ranked.get(person_id)
        if entry is None:
            continue
        found.sort(key=lambda i: i.date, reverse=True)
        entry.score += TALK_WEIGHT * min(len(found), TALKS_COUNTED)
        entry.whole = True  # mentions are whole words (a short ending allowed)
        more = f" (and {count_of(len(found) - 1, 'more time')})" if len(found) > 1 else ""
        entry.reasons.append(f"talked about it on {found[0].date.isoformat()}{more}")


def _score_shared(
    ranked: dict[str, Ranked],
    interactions: Iterable[Interaction],
    learnings: Iterable[Learning],
    mentions: Callable[[Record], bool],
) -> None:
    about = {learning.id: learning for learning in learnings if mentions(learning)}
    if not about:
        return
    shared: dict[str, list[Learning]] = {}
    for interaction in interactions:
        for learning_id in interaction.learning_ids:
            learning = about.get(learning_id)
            if learning is not None:
                for person_id in interaction.person_ids:
                    titles = shared.setdefault(person_id, [])
                    if learning not in titles:
                        titles.append(learning)
    for person_id, titles in shared.items():
        entry = ranked.get(person_id)
        if entry is None:
            continue
        entry.score += SHARED_WEIGHT * min(len(titles), TALKS_COUNTED)
        entry.whole = True
        more = f" (and {len(titles) - 1} more)" if len(titles) > 1 else ""
        entry.reasons.append(f"you shared '{titles[0].title}' with them{more}")
