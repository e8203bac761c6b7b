"""Finding a record from what the user typed: "ann", "Ann Lee", "jurgen", or an id.

A unique good match resolves; several close matches are an `Ambiguous` error that lists them;
nothing close is `NotFound`. We never guess between two people.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz, process, utils

from netjournal.core.errors import Ambiguous, NotFound
from netjournal.core.records import Learning, Person

GOOD_ENOUGH = 70.0
SHORT_QUERY = 4  # shorter queries match only at the start of a word of the name
CLOSE_TIE = 5.0
WHOLE_WORDS_BONUS = 10.0


@dataclass(frozen=True)
class Candidate:
    """Something that can be picked by name: its id, its name, and a hint to tell it apart."""

    id: str
    name: str
    hint: str = ""

    def describe(self) -> str:
        return f"{self.name} ({self.hint}, {self.id})" if self.hint else f"{self.name} ({self.id})"


def person_candidates(people: Iterable[Person]) -> list[Candidate]:
    """People to pick by name, told apart by org and department."""
    return [
        Candidate(p.id, p.name, ", ".join(x for x in (p.org, p.department) if x)) for p in people
    ]


def learning_candidates(learnings: Iterable[Learning]) -> list[Candidate]:
    """Learnings to pick by title, told apart by date."""
    return [Candidate(x.id, x.title, x.date.isoformat()) for x in learnings]


def fold(text: str) -> str:
    """Lower-case, accents removed, letters spelt in ASCII, punctuation to spaces:
    'Jürgen O'Neil' -> 'jurgen o neil', 'Đorđe Petrović' -> 'dorde petrovic', 'Straße' ->
    'strasse', 'Ørsted' -> 'orsted', 'Пётр' -> 'petr'.

    Invisible format characters (zero-width space and joiners, soft hyphen, BOM: Unicode
    category Cf) are dropped, so 'Ann L\u200bee' folds to 'ann lee' and is Ann Lee's namesake.
    """
    if text.isascii():  # nothing to decompose: skip the per-character work
        return utils.default_process(text)
    # Only the runs of non-ASCII characters are translated: a note's text is mostly ASCII,
    # and a per-character dict look-up over all of it was 2.5x slower.
    return utils.default_process(_NON_ASCII.sub(_plain_run, text))


def _plain_run(run: re.Match[str]) -> str:
    return run.group().translate(_PLAIN)


def fold_same_length(text: str) -> str | None:
    """`text` lower case without accents, one character for one, so that an offset found in
    it is an offset in `text` (None when a character folds to several: "ß" -> "ss")."""
    if text.isascii():
        return text.lower()
    try:  # only the non-ASCII characters one by one: this runs for every row drawn
        return _NON_ASCII_CHAR.sub(_one_for_one, text).lower()
    except _NotOneForOne:
        return None


class _NotOneForOne(Exception):
    """A character folds to several: offsets would no longer line up."""


def _one_for_one(match: re.Match[str]) -> str:
    plain = fold(match.group())
    if len(plain) == 1:
        return plain
    if plain in ("", " "):  # a symbol or an invisible character: a space keeps the offsets
        return " "
    raise _NotOneForOne


def _plain(char: str) -> str:
    """One character folded: case and accents off, a letter with no decomposition (Đ, Ł, Ø,
    æ, a Cyrillic or Greek letter) transliterated; symbols and emoji stay for the caller's
    punctuation-to-space step."""
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    kept = "".join(
        c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )
    if kept.isascii():
        return kept
    return "".join(c if c.isascii() or not c.isalnum() else anyascii(c) for c in kept)


class _Plainer(dict[int, str]):
    """Each character's folded form, worked out the first time it is met and kept: fold runs
    on every record at index time, and str.translate looks a kept character up in C."""

    def __missing__(self, code: int) -> str:
        self[code] = plain = _plain(chr(code))
        return plain


_PLAIN = _Plainer()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")

# How German names are written without umlauts: "Müller" is also "Mueller" in exports.
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                              "ß": "ss"})  # fmt: skip


def spelled_out(text: str) -> str:
    """`text` with umlauts written out as German does without them: 'Jürgen' -> 'Juergen'."""
    return text.translate(_SPELLED_OUT)


def spellings(text: str) -> set[str]:
    """The folded forms `text` is known by: as typed, and with umlauts spelt out, so that
    'Juergen Mueller' and 'Jürgen Müller' share one ({'jurgen muller', 'juergen mueller'})."""
    found = {fold(text), fold(spelled_out(text))}
    return found - {""} or {""}


def rank(
    query: str,
    candidates: Sequence[Candidate],
    limit: int = 10,
    folded: Sequence[str] | None = None,
) -> list[tuple[Candidate, float]]:
    """Candidates that match `query` well, best first, with scores from 0 to 100."""
    wanted = fold(query)
    if not wanted:
        return []
    folded = folded if folded is not None else [fold(candidate.name) for candidate in candidates]
    if len(wanted.replace(" ", "")) < SHORT_QUERY:
        # "a" or "an" would fuzzily match half the Rolodex ("Grant", "Brandt"): only word starts.
        starts = [
            (candidates[i], 100.0 if wanted in name.split() else 90.0)
            for i, name in enumerate(folded)
            if all(any(word.startswith(part) for word in name.split()) for part in wanted.split())
        ]
        starts.sort(key=lambda pair: -pair[1])
        return starts[:limit]
    hits = process.extract(
        wanted, folded, scorer=fuzz.WRatio, processor=None, limit=None,
        score_cutoff=GOOD_ENOUGH - WHOLE_WORDS_BONUS,
    )  # fmt: skip
    words = set(wanted.split())
    scored = []
    for _, score, index in hits:
        if words <= set(folded[index].split()):  # "ann" is a whole word of "Ann Lee"
            score = min(100.0, score + WHOLE_WORDS_BONUS)
        if score >= GOOD_ENOUGH:
            scored.append((candidates[index], score))
    scored.sort(key=lambda pair: -pair[1])
    return scored[:limit]


def resolve(query: str, candidates: Sequence[Candidate], what: str = "person") -> Candidate:
    """The one candidate `query` means; raises NotFound or Ambiguous with a sentence."""
    typed = query.strip()
    for candidate in candidates:
        if candidate.id == typed:
            return candidate
    wanted = fold(typed)
    folded = [fold(candidate.name) for candidate in candidates]
    exact = [
        candidate for candidate, name in zip(candidates, folded, strict=True) if name == wanted
    ]
    if len(exact) == 1:
        return exact[0]
    close = exact
    if not exact:
        matches = rank(typed, candidates, folded=folded)
        if not matches:
            raise NotFound(f"No {what} matches '{typed}'.")
        best = matches[0][1]
        close = [candidate for candidate, score in matches if score >= best - CLOSE_TIE]
    if len(close) == 1:
        return close[0]
    listed = "; ".join(candidate.describe() for candidate in close[:8])
    raise Ambiguous(
        f"'{typed}' matches more than one {what}: {listed}. Type more of the name, or the id.",
        [candidate.id for candidate in close],
    )
