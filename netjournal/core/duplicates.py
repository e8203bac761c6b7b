"""Finding people who are likely one person twice, with the reason, best first.

A pair is likely the same person when they have (strongest first):
- the same email address (case ignored);
- the same phone number, compared as numbers (`phonenumbers`: "+49 30 1234567" is
  "030 1234567" in Germany); see `phone_region` for numbers typed without a country code;
- the same name (folded: case, accents, punctuation; umlauts spelt out match) at the same org,
  or both without an org;
- close names at the same org: capture would ask "the same person?" (`names.rank` at
  `same_person.SAME_PERSON_SCORE`) and each word of one is close to a word of the other;
- the same name at another org (or only one with an org): what an import notes as "maybe the
  same as ..."; the note is not stored, so the rule is applied again here.

People are compared only within groups that share a key (an email, the end of a number, a
name, an org and close words), never all pairs: 10,000 people take well under a second.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import phonenumbers
from rapidfuzz import process
from rapidfuzz.distance import OSA

from netjournal.core.names import Candidate, fold, rank, spellings
from netjournal.core.records import Person
from netjournal.core.same_person import SAME_PERSON_SCORE
from netjournal.core.snapshot import JournalSnapshot

# How strong each reason is: a pair's place in the list is its strongest reason's.
STRENGTH = {"email": 100.0, "phone": 90.0, "name": 80.0, "close-name": 60.0, "namesake": 40.0}
MORE_REASONS = 5.0  # each further reason for the same pair moves it up a little
# An address or number that more people share is a switchboard or info@, not one person.
SHARED_CONTACT = 4
PHONE_TAIL = 6  # digits: two numbers that are one number end alike; fewer is no number
SHORT_WORD = 4  # letters: names this short differ by a letter more or less, never a changed one
MEMO_KEY = "likely_duplicates"
_NOT_DIGITS = re.compile(r"\D")


@dataclass(frozen=True)
class Reason:
    """Why two people look like one: its kind (a key of STRENGTH) and the words for it."""

    kind: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who are likely one; `keep` is the one added first (the one to keep unless
    you choose otherwise), `other` the one that would be merged into it."""

    keep: Person
    other: Person
    reasons: tuple[Reason, ...]

    @property
    def key(self) -> str:
        """The pair's id: both ids, the kept one first."""
        return f"{self.keep.id}:{self.other.id}"

    @property
    def score(self) -> float:
        best = max(STRENGTH[reason.kind] for reason in self.reasons)
        return best + MORE_REASONS * (len(self.reasons) - 1)

    def why(self) -> str:
        """The reasons in one line: "same email ann@x.example; similar names at Contoso"."""
        return "; ".join(reason.text for reason in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        return {
            "keep": _person_json(self.keep),
            "other": _person_json(self.other),
            "reasons": [reason.to_dict() for reason in self.reasons],
            "score": self.score,
        }


def _person_json(person: Person) -> dict[str, str]:
    return {"id": person.id, "name": person.name, "org": person.org}


def duplicates_in(snapshot: JournalSnapshot) -> list[DuplicatePair]:
    """`likely_duplicates` of the snapshot's people, worked out once per snapshot."""
    found = snapshot.memo.get(MEMO_KEY)
    if found is None:
        found = snapshot.memo[MEMO_KEY] = likely_duplicates(snapshot.people.values())
    return found  # type: ignore[return-value]  # only this function writes the key


def likely_duplicates(
    people: Iterable[Person], *, region: str | None = None
) -> list[DuplicatePair]:
    """Pairs of people who are likely the same person, best first, each with its reasons.

    `region` (e.g. "DE") reads phone numbers typed without a country code; by default it is
    `phone_region(people)`.
    """
    everyone = sorted(people, key=lambda p: (p.created, p.id))  # the first added is kept
    order = {person.id: index for index, person in enumerate(everyone)}
    found: dict[tuple[str, str], dict[str, Reason]] = {}

    def add(a: Person, b: Person, reason: Reason) -> None:
        if a.id == b.id:
            return
        first, second = (a, b) if order[a.id] < order[b.id] else (b, a)
        found.setdefault((first.id, second.id), {}).setdefault(reason.kind, reason)

    for group, address in _shared(everyone, _email_keys):
        for a, b in _pairs(group):
            add(a, b, Reason("email", f"same email {address}"))
    for group, number in _same_numbers(everyone, region):
        for a, b in _pairs(group):
            add(a, b, Reason("phone", f"same phone number {number}"))
    folded = [fold(person.name) for person in everyone]
    orgs = [fold(person.org) for person in everyone]
    for a, b in _same_name(everyone):
        same_org = spellings(a.org) & spellings(b.org)
        if same_org:
            where = f"at {a.org}" if a.org else "neither has an org"
            add(a, b, Reason("name", f"same name, {where}"))
        else:
            elsewhere = "another org" if a.org and b.org else "one without an org"
            add(a, b, Reason("namesake", f"same name, {elsewhere}"))
    for a, b in _close_names(everyone, folded, orgs):
        pair = found.get((a.id, b.id) if order[a.id] < order[b.id] else (b.id, a.id), {})
        if "name" not in pair:  # the same name says more than a close one
            add(a, b, Reason("close-name", f"similar names at {a.org}"))
    by_id = {person.id: person for person in everyone}
    pairs = [
        DuplicatePair(by_id[first], by_id[second],
                      tuple(sorted(reasons.values(), key=lambda r: -STRENGTH[r.kind])))
        for (first, second), reasons in found.items()
    ]  # fmt: skip
    pairs.sort(key=lambda p: (-p.score, fold(p.keep.name), p.keep.id, p.other.id))
    return pairs


def _pairs(group: Sequence[Person]) -> Iterator[tuple[Person, Person]]:
    for index, first in enumerate(group):
        for second in group[index + 1 :]:
            yield first, second


def _shared(
    people: Sequence[Person], keys: Callable[[Person], list[tuple[str, str]]]
) -> Iterator[tuple[list[Person], str]]:
    """Groups of two or more (up to SHARED_CONTACT) people who share a key, and the key."""
    by_key: dict[str, list[Person]] = {}
    shown: dict[str, str] = {}
    for person in people:
        for key, raw in keys(person):
            group = by_key.setdefault(key, [])
            if not group or group[-1] is not person:
                group.append(person)
            shown.setdefault(key, raw)
    for key, group in by_key.items():
        if 1 < len(group) <= SHARED_CONTACT:
            yield group, shown[key]


def _email_keys(person: Person) -> list[tuple[str, str]]:
    return [(address.strip().casefold(), address) for address in person.email if address.strip()]


# Phone numbers


def _same_numbers(
    people: Sequence[Person], region: str | None
) -> Iterator[tuple[list[Person], str]]:
    """Groups of people who share a phone number, compared as numbers.

    Numbers are first grouped by their last PHONE_TAIL digits (cheap, and one number always
    ends alike); only numbers in a group of several people are parsed.
    """
    tails: dict[str, list[tuple[Person, str]]] = {}
    for person in people:
        for raw in person.phone:
            digits = _NOT_DIGITS.sub("", raw)
            if len(digits) >= PHONE_TAIL:
                tails.setdefault(digits[-PHONE_TAIL:], []).append((person, raw))
    candidates = [held for held in tails.values() if len({p.id for p, _ in held}) > 1]
    if candidates and region is None:
        region = phone_region(people)
    for held in candidates:
        by_number: dict[str, list[Person]] = {}
        shown: dict[str, str] = {}
        for person, raw in held:
            key = number_key(raw, region)
            group = by_number.setdefault(key, [])
            if person not in group:
                group.append(person)
            shown.setdefault(key, raw)
        for key, group in by_number.items():
            if 1 < len(group) <= SHARED_CONTACT:
                yield group, shown[key]


def number_key(raw: str, region: str | None) -> str:
    """A phone number as one comparable string: E.164 ("+49301234567") when `phonenumbers`
    can read it (a number without a country code needs `region`), else its digits."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return "digits:" + _NOT_DIGITS.sub("", raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_region(people: Iterable[Person]) -> str | None:
    """The region that numbers typed without a country code are read in.

    The journal's own numbers say it best: the country most of its international numbers
    ("+49 ...") are in. With none, the locale's country (LANG=de_DE.UTF-8: "DE"); else None,
    and such numbers are compared by their digits.
    """
    countries: Counter[int] = Counter()
    for person in people:
        for raw in person.phone:
            code = _country_code(raw)
            if code:
                countries[code] += 1
    if countries:
        code = countries.most_common(1)[0][0]
        return phonenumbers.region_code_for_country_code(code)
    return locale_region()


def _country_code(raw: str) -> int:
    """The country calling code of a number written "+CC ..." or "00CC ..." (0 if none)."""
    text = raw.strip()
    if not text.startswith(("+", "00")):
        return 0
    digits = _NOT_DIGITS.sub("", text)
    if text.startswith("00"):
        digits = digits[2:]
    # Country codes are a prefix code: at most one of the first 1-3 digits' prefixes is one.
    for length in (1, 2, 3):
        code = int(digits[:length]) if len(digits) > length else 0
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return code
    return 0


def locale_region() -> str | None:
    """The country of the user's locale (LC_ALL, LC_CTYPE or LANG: "de_DE.UTF-8" -> "DE")."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = os.environ.get(name, "")
        if value:
            country = value.split(".")[0].split("@")[0].partition("_")[2].upper()
            return country if country in phonenumbers.SUPPORTED_REGIONS else None
    return None


# Names


def _same_name(people: Sequence[Person]) -> Iterator[tuple[Person, Person]]:
    """Pairs of people with the same folded name, whatever their orgs."""
    by_name: dict[str, list[Person]] = {}
    for person in people:
        for key in spellings(person.name) - {""}:
            by_name.setdefault(key, []).append(person)
    seen: set[tuple[str, str]] = set()
    for group in by_name.values():
        for a, b in _pairs(group):
            if (a.id, b.id) not in seen:
                seen.add((a.id, b.id))
                yield a, b


def _close_names(
    people: Sequence[Person], folded: Sequence[str], orgs: Sequence[str]
) -> Iterator[tuple[Person, Person]]:
    """Pairs at the same org with close names: every word of the shorter name is a word of
    the other spelt a little differently (`close_words`), and capture, given one of the
    names, would offer the other.

    Capture's rule alone is made for a name being typed ("Aarav" finds Aarav Ryan); between
    two full names it would pair Aarav Johansson with Sarah Johansson. Word by word keeps
    typos and spellings ("Jon" ~ "John", "Smyth" ~ "Smith", "A." ~ "Ann") and leaves out
    colleagues who share a first or a last name. It also finds the pairs fast: per org, the
    people holding a word close to each word of a name, intersected.
    """
    by_org: dict[str, list[int]] = {}
    for index, (name, org) in enumerate(zip(folded, orgs, strict=True)):
        if org and name:
            by_org.setdefault(org, []).append(index)
    for members in by_org.values():
        if len(members) < 2:
            continue
        words = {index: folded[index].split() for index in members}
        holders: dict[str, set[int]] = {}
        for index in members:
            for word in words[index]:
                holders.setdefault(word, set()).add(index)
        close = {word: close_words(word, holders) for word in holders}
        for index in members:
            near = sorted(
                (set().union(*(holders[c] for c in close[word])) for word in words[index]),
                key=len,
            )
            for other in near[0].intersection(*near[1:]):
                mine, theirs = words[index], words[other]
                if other == index or len(theirs) < len(mine):
                    continue  # found from the shorter name's side
                if len(theirs) == len(mine) and other < index and _words_match(theirs, mine):
                    continue  # found from the other side already
                if _words_match(mine, theirs) and _capture_close(folded[index], folded[other]):
                    yield people[min(index, other)], people[max(index, other)]


def close_words(word: str, vocabulary: Iterable[str]) -> list[str]:
    """The words of `vocabulary` that `word` may be a spelling of: itself; for an initial
    ("a"), the words it starts; else a word one letter more, less, changed or two swapped
    (OSA distance 1), but never an initial, and a letter changed only in words longer than
    SHORT_WORD ("jon" ~ "john" and "smyth" ~ "smith", but "wang" is not "yang")."""
    words = list(vocabulary)
    if len(word) == 1:
        return [other for other in words if other.startswith(word)]
    found = process.extract(word, words, scorer=OSA.distance, processor=None, limit=None,
                            score_cutoff=1)  # fmt: skip
    return [
        other
        for other, distance, _index in found
        if distance == 0 or (len(other) > 1 and (len(other) != len(word) or len(word) > SHORT_WORD))
    ]


def _words_match(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Each of `mine` matched to a different word of `theirs` that it may be a spelling of,
    with at most one word spelt differently (a typo; initials do not count)."""
    free = list(theirs)
    spelt = 0
    for word in mine:
        match = next((i for i, other in enumerate(free) if close_words(word, [other])), None)
        if match is None:
            return False
        if len(word) > 1 and free.pop(match) != word:
            spelt += 1
    return spelt <= 1


def _capture_close(a: str, b: str) -> bool:
    """Whether capture, given one of the (folded) names, would offer the other."""
    for query, known in ((a, b), (b, a)):
        found = rank(query, [Candidate("", known)], 1, [known])
        if found and found[0][1] >= SAME_PERSON_SCORE:
            return True
    return False
