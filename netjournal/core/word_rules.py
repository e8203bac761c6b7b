"""When a word typed stands for a word written: itself, with a short ending, or a typo by length.

One rule for the search index, `/` and `who` (a typed topic); `suggest` compares written texts
word for word (see docs/decisions.md, issue 15).
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

MENTION_SUFFIX = 3  # "robot" is mentioned by "robots", "operator" by "operators", not "opera"
# Words that say nothing about a topic or a phrase ("supply chain for retail").
LITTLE_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


def typo_distance(word: str) -> int:
    """Edits forgiven in a typed word: none up to three letters, one up to six, then two.

    "cat" never stands for "car"; "hambrg" (6) is one edit from "hamburg"; longer words
    forgive two, as people make more slips in them.
    """
    return 0 if len(word) <= 3 else 1 if len(word) <= 6 else 2


def is_typo_of(typed: str, word: str) -> bool:
    """`word` is within the edits `typed` forgives (a swap of two letters is one edit):
    "kubernets" for "kubernetes", never "crime" for "time" (two edits in five letters)."""
    distance = typo_distance(typed)
    return (
        distance > 0
        and abs(len(word) - len(typed)) <= distance
        and OSA.distance(typed, word, score_cutoff=distance) <= distance
    )
