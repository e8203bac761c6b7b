"""How well a result's title answers the words typed, word by word: what ranks search results.

Each typed word takes its best title word: the same word scores 100, a title word it begins
(the last word, still being typed) 90-100 by how much of it is typed, a near miss (within
the typos its length forgives, as in the index) 0.9 x its similarity (below any prefix), so
"asnate0" prefers "asante0" to "asante"; another word scores nothing. Scored this way, a
longer title is not worse for its length: among people of one surname the newest comes first,
not the one with the shortest first name (a whole-title ratio's preference).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from netjournal.core.word_rules import is_typo_of

EXACT = 100.0
PREFIX_FLOOR = 90.0
NEAR_SHARE = 0.9


def title_fit(typed: list[str], last_open: bool, title: str) -> tuple[float, int]:
    """(the typed words' mean score, the title's words no typed word took); both folded."""
    words = title.split()
    if not words or not typed:
        return 0.0, len(words)
    total = 0.0
    taken: set[int] = set()
    last = len(typed) - 1
    for at, word in enumerate(typed):
        best, where = _best(word, words, last_open and at == last)
        total += best
        if where is not None:
            taken.add(where)
    return total / len(typed), len(words) - len(taken)


def _best(word: str, words: list[str], prefix: bool) -> tuple[float, int | None]:
    best, where = 0.0, None
    for at, candidate in enumerate(words):
        if candidate == word:
            return EXACT, at
        if prefix and candidate.startswith(word):
            score = PREFIX_FLOOR + (EXACT - PREFIX_FLOOR) * len(word) / len(candidate)
            if score > best:
                best, where = score, at
    if where is not None:
        return best, where
    # Only a word within the typos the index forgives counts: "operatrs" is not "person".
    near = [at for at, candidate in enumerate(words) if is_typo_of(word, candidate)]
    if not near:
        return 0.0, None
    at = max(near, key=lambda at: fuzz.ratio(word, words[at]))
    return NEAR_SHARE * fuzz.ratio(word, words[at]), at
