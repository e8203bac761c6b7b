"""Finding records by the words in them (a plain scan; the search issue replaces it with an index)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from netjournal.core.cleaning import clean_text
from netjournal.core.names import fold, fold_same_length
from netjournal.core.records import Interaction, Learning, Outreach, Person, Record

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    Person.TABLE: ("name", "org", "department", "role", "interests", "expertise", "needs",
                   "tags", "met_via", "notes", "email"),
    Learning.TABLE: ("title", "body", "source", "event", "tags", "url"),
    Interaction.TABLE: ("summary", "notes", "event"),
    Outreach.TABLE: ("title", "notes"),
}  # fmt: skip
TYPE_NAMES = {
    Person.TABLE: "person",
    Learning.TABLE: "learning",
    Interaction.TABLE: "interaction",
    Outreach.TABLE: "outreach",
}


@dataclass(frozen=True)
class SearchHit:
    """One result: the JSON shape of `netjournal search --json`."""

    type: str
    id: str
    title: str
    score: float
    snippet: str

    def to_dict(self) -> dict[str, object]:
        return {"type": self.type, "id": self.id, "title": self.title,
                "score": round(self.score, 1), "snippet": self.snippet}  # fmt: skip


def record_text(record: Record) -> str:
    """Every searchable text field of a record, one per line."""
    parts: list[str] = []
    for name in TEXT_FIELDS[record.TABLE]:
        value = getattr(record, name)
        parts.append(", ".join(value) if isinstance(value, tuple) else value)
    return "\n".join(part for part in parts if part)


def _shown(text: str) -> str:
    """A record's text for a snippet: a record edited by hand may hold escape sequences, which
    a snippet could cut in two (its payload then shown as text); they go first."""
    return clean_text(text) if "\x1b" in text or "\x9b" in text else text


def search(records: Iterable[Record], query: str, limit: int = 20) -> list[SearchHit]:
    """Records holding every word of `query` (any order, accents and case ignored), best first."""
    words = fold(query).split()
    if not words:
        return []
    hits: list[tuple[float, str, SearchHit]] = []
    for record in records:
        text = record_text(record)
        folded = fold(text)
        if all(word in folded for word in words):
            # A whole-label match (the person's own name) beats the name inside a longer title.
            wanted, label = " ".join(words), fold(record.label)
            score = max(fuzz.ratio(wanted, label), 0.9 * fuzz.partial_ratio(wanted, label))
            shown = _shown(text)
            snippet = _snippet(shown, max(_where(shown, words[0]), 0))
            hit = SearchHit(TYPE_NAMES[record.TABLE], record.id, record.label, score, snippet)
            hits.append((score, record.updated, hit))
    hits.sort(key=lambda item: item[1], reverse=True)  # newest first among equal scores
    hits.sort(key=lambda item: item[0], reverse=True)
    return [hit for _, _, hit in hits[:limit]]


def hit_for(
    record: Record, query: str, rank: int, total: int, *, with_snippet: bool = True
) -> SearchHit:
    """A result for a record the index ranked at `rank` of `total` (score 100 down to 1).

    Without `with_snippet` the snippet is left empty for the caller to make when shown
    (`snippet_of`): the app lists 200 results and draws a screenful."""
    score = 100.0 * (total - rank) / total if total else 0.0
    snippet = snippet_of(record, query) if with_snippet else ""
    return SearchHit(TYPE_NAMES[record.TABLE], record.id, record.label, score, snippet)


def snippet_of(record: Record, query: str) -> str:
    """One line of the record's text around the first word of `query` it holds as typed
    (a typo'd word is not in it), or its start."""
    text = _shown(record_text(record))
    at = next((at for word in fold(query).split() if (at := _where(text, word)) >= 0), 0)
    # One line: a result row never breaks (a record's text holds one field per line).
    return _snippet(text, at)


SNIPPET_LEAD = 12  # characters kept before the word: it stays in view in a narrow column


def _snippet(text: str, at: int, width: int = 80) -> str:
    start = max(0, at - SNIPPET_LEAD)
    piece = " ".join(text[start : start + width].split())
    return ("…" if start else "") + piece


def _where(text: str, word: str) -> int:
    """Where the (folded) `word` first occurs in `text`, or -1: lower() finds most words at a
    fraction of the cost of folding (it runs for every result row drawn)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        at = lowered.find(word)
        if at >= 0 or lowered.isascii():
            return at
    folded = fold_same_length(text)  # accents: "jurgen" in "Jürgen"
    return folded.find(word) if folded is not None else -1
