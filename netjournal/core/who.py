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
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import TypeVar

from netjournal.core.cleaning import clean_line
from netjournal.core.names import fold
from netjournal.core.profile_index import ProfileIndex
from netjournal.core.records import Interaction, Learning, Person, Record
from netjournal.core.topic_counts import TalkBook, count_shared, count_talks
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


def nobody_knows(topic: str) -> str:
    """What to say when nobody in the journal is linked to `topic` (`who`, `/?`)."""
    return f"Nobody in your journal is linked to '{clean_line(topic)}' yet."


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
    people: Iterable[Person] | Mapping[str, Person],
    interactions: Iterable[Interaction] | Mapping[str, Interaction] = (),
    learnings: Iterable[Learning] | Mapping[str, Learning] = (),
    limit: int | None = None,
    mentioning: Callable[[list[str]], set[str]] | None = None,
    weights: WordWeights | None = None,
    profiles: ProfileIndex | None = None,
    book: TalkBook | None = None,
) -> list[Ranked]:
    """People who could help with `topic`, best first, each with reasons; none below FLOOR.

    `mentioning(words)`, when given (the search index), returns the ids of the records that
    mention at least half of `words`; it is asked one word at a time. Without it the texts
    are scanned (the words themselves, without typos). `weights` (`weights_for(snapshot)`)
    defaults to those of `people`. `profiles` (`profiles_for(snapshot, FIELDS)`, over the same
    `people` in the same order) lets only the field values the topic touches be scored.
    Given by id (a snapshot's dicts), with `mentioning` and `book`
    (`topic_counts.book_for(snapshot)`), only the records the topic touches are looked at,
    and counted in bulk: `/?topic` asks at every keystroke.
    """
    wanted = topic_words(topic)
    if not wanted:
        return []
    by_id = people if isinstance(people, Mapping) else {person.id: person for person in people}
    everyone = list(by_id.values())
    weights = weights or WordWeights(everyone)
    ranked: dict[str, Ranked] = {}  # made for those who score: 10,000 entries cost 6 ms

    def entry_for(person_id: str) -> Ranked | None:
        found = ranked.get(person_id)
        if found is None and person_id in by_id:
            found = ranked[person_id] = Ranked(by_id[person_id])
        return found

    match = TopicMatch(wanted, weights)
    if profiles is not None and profiles.people == len(everyone):
        _score_indexed_fields(everyone, entry_for, match, profiles)
    else:
        for person in everyone:
            _score_fields(person, entry_for, match)
    if mentioning is not None:
        interactions, learnings = _by_id(interactions), _by_id(learnings)
        # What the index says mentions the topic, by set algebra: a short word is in
        # thousands of talks, and `/?` asks at every keystroke.
        groups = _held_groups(wanted, {word: mentioning([word]) for word in wanted}, weights)
        if book is not None:
            _count_in_bulk(entry_for, book, groups, learnings)
            talks, learned = [], []
        else:
            talk, learning = interactions.get, learnings.get
            talks = [(t, share) for share, ids in groups for i in ids if (t := talk(i))]
            learned = [(x, share) for share, ids in groups for i in ids if (x := learning(i))]
    else:
        shares: dict[tuple[str, ...], float] = {}  # by the words held: a few combinations
        scan = _Mentions(wanted)

        def about(record: Record) -> float:
            """How much of the topic `record` holds (0 when under half)."""
            found = tuple(scan(_about(record)))
            if not found:
                return 0.0
            share = shares.get(found)
            if share is None:
                share = shares[found] = weights.share(wanted, dict.fromkeys(found, 1.0))
            return share if share >= HALF else 0.0

        talks = [(t, share) for t in _values(interactions) if (share := about(t))]
        learned = [(x, share) for x in _values(learnings) if (share := about(x))]
    _score_talks(entry_for, talks)
    _score_shared(entry_for, _values(interactions), learned)
    found = [entry for entry in ranked.values() if entry.score >= FLOOR and entry.reasons]
    # Whoever holds the words themselves ("opera", "cold chain") comes before those who hold
    # only longer words they start ("operations") or part of the topic, however many.
    found.sort(key=lambda entry: (not entry.whole, -entry.score, -entry.person.influence,
                                  entry.person.name.casefold(), entry.person.id))  # fmt: skip
    return found[:limit] if limit else found


R = TypeVar("R", Interaction, Learning)
MOST_WORDS = 8  # a longer topic's 2^n word combinations are not enumerated: record by record


def _held_groups(
    wanted: list[str], per_word: dict[str, set[str]], weights: WordWeights
) -> list[tuple[float, set[str]]]:
    """The ids of the records holding at least HALF of the topic, grouped by their share
    (disjoint, the highest share first), from the ids holding each word: every combination
    of words worth HALF is intersected, the richest first (a record's share is that of all
    the words it holds)."""
    if len(wanted) > MOST_WORDS:
        by_share: dict[float, set[str]] = {}
        for record_id in set().union(*per_word.values()):
            holds = [w for w in wanted if record_id in per_word[w]]
            share = weights.share(wanted, dict.fromkeys(holds, 1.0))
            if share >= HALF:
                by_share.setdefault(share, set()).add(record_id)
        return sorted(by_share.items(), key=lambda pair: -pair[0])
    worth: list[tuple[float, tuple[str, ...]]] = []
    for size in range(len(wanted), 0, -1):
        for words in combinations(wanted, size):
            share = weights.share(wanted, dict.fromkeys(words, 1.0))
            if share >= HALF:
                worth.append((share, words))
    worth.sort(key=lambda pair: -pair[0])  # stable: more words first among equals
    groups: list[tuple[float, set[str]]] = []
    taken: set[str] = set()
    for share, words in worth:
        ids = set.intersection(*(per_word[w] for w in words)) - taken
        if ids:
            taken |= ids
            if groups and groups[-1][0] == share:
                groups[-1][1].update(ids)
            else:
                groups.append((share, ids))
    return groups


def _count_in_bulk(
    entry_for: Callable[[str], Ranked | None],
    book: TalkBook,
    groups: list[tuple[float, set[str]]],
    learnings: Mapping[str, Learning],
) -> None:
    """`_score_talks` and `_score_shared` for records found by the index, counted in bulk."""
    counts, latest = count_talks(book, groups)
    for person_id, count in counts.items():
        entry = entry_for(person_id)
        if entry is not None:
            _add_talks(entry, count.count, count.top, count.whole, latest[person_id])
    counts, last = count_shared(book, groups, learnings)
    for person_id, count in counts.items():
        entry = entry_for(person_id)
        if entry is not None:
            _add_shared(entry, count.count, count.top, count.whole, last[person_id].title)


def _by_id(records: Iterable[R] | Mapping[str, R]) -> Mapping[str, R]:
    return records if isinstance(records, Mapping) else {record.id: record for record in records}


def _values(records: Iterable[R] | Mapping[str, R]) -> Iterable[R]:
    return records.values() if isinstance(records, Mapping) else records


def _score_fields(
    person: Person, entry_for: Callable[[str], Ranked | None], match: TopicMatch
) -> None:
    for name, weight in FIELD_WEIGHTS:
        value = getattr(person, name)
        values = value if isinstance(value, tuple) else (value,)
        best, best_value = 0.0, ""
        for item in values:
            share = match.share(item)
            if share > best:
                best, best_value = share, item
        if best >= HALF:
            _count_field(entry_for(person.id), name, weight, best, best_value)


def _score_indexed_fields(
    people: list[Person],
    entry_for: Callable[[str], Ranked | None],
    match: TopicMatch,
    profiles: ProfileIndex,
) -> None:
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
        _count_field(entry_for(people[number].id), name, weight, share, value)


def _count_field(
    entry: Ranked | None, name: str, weight: float, best: float, best_value: str
) -> None:
    if entry is not None and best >= HALF:
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
    entry_for: Callable[[str], Ranked | None], talks: Iterable[tuple[Interaction, float]]
) -> None:
    """Each person's talks about the topic (with their shares) count: the best few."""
    per_person: defaultdict[str, list[tuple[date, float]]] = defaultdict(list)
    for talk, share in talks:
        for person_id in talk.person_ids:
            per_person[person_id].append((talk.date, share))
    for person_id, found in per_person.items():
        entry = entry_for(person_id)
        if entry is not None:
            shares = [share for _, share in found]
            whole = any(share >= 1.0 - 1e-9 for share in shares)
            _add_talks(entry, len(found), shares, whole, max(found)[0])


def _add_talks(entry: Ranked, count: int, shares: list[float], whole: bool, latest: date) -> None:
    entry.score += _counted(shares, TALK_WEIGHT)
    entry.whole = entry.whole or whole
    more = f" (and {count_of(count - 1, 'more time')})" if count > 1 else ""
    entry.reasons.append(f"talked about it on {latest.isoformat()}{more}")


def _score_shared(
    entry_for: Callable[[str], Ranked | None],
    interactions: Iterable[Interaction],
    learned: Iterable[tuple[Learning, float]],
) -> None:
    """Learnings about the topic you shared with someone count for them: the best few."""
    shares = {learning.id: (learning, share) for learning, share in learned}
    if not shares:
        return
    carried = [i for i in interactions if not shares.keys().isdisjoint(i.learning_ids)]
    # The reason names the learning shared last, whichever way the talks were found.
    ordered = sorted(carried, key=lambda i: (i.date, i.created, i.id), reverse=True)
    shared: dict[str, dict[str, tuple[Learning, float]]] = {}
    for interaction in ordered:
        for learning_id in interaction.learning_ids:
            found = shares.get(learning_id)
            if found is not None:
                for person_id in interaction.person_ids:
                    shared.setdefault(person_id, {}).setdefault(learning_id, found)
    for person_id, titles in shared.items():
        entry = entry_for(person_id)
        if entry is not None:
            given = list(titles.values())
            whole = any(share >= 1.0 - 1e-9 for _, share in given)
            _add_shared(entry, len(given), [share for _, share in given], whole, given[0][0].title)


def _add_shared(entry: Ranked, count: int, shares: list[float], whole: bool, title: str) -> None:
    entry.score += _counted(shares, SHARED_WEIGHT)
    entry.whole = entry.whole or whole
    more = f" (and {count - 1} more)" if count > 1 else ""
    entry.reasons.append(f"you shared '{title}' with them{more}")
