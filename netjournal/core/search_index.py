"""The search index: every word of every record, found as you type, typos forgiven.

Words are folded (lower case, accents off) and numbered; each record's words are kept once
(a forward index) and inverted into postings, all in flat arrays. Records are numbered
newest first, so postings are in recency order too. A query's last word is a prefix; each
word of five letters or more also matches vocabulary words one or two edits away (optimal
string alignment, so a swap of two letters is one edit). Candidates hold every query word;
at most RERANK of them are ranked with rapidfuzz on their titles, newest first among equals.

The index is built once from all records (in a worker; about 4 s at 100,000 notes) and
saved as a cache file in the journal folder (`.cache/search-index`, written by the store),
which loads in a quarter of a second. Records changed since (by this process or another: their `updated` stamp
differs) are kept aside and searched directly until the next rebuild: see `LiveIndex`.
"""

from __future__ import annotations

import bisect
import contextlib
import marshal
import mmap
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA

from netjournal.core.errors import JournalError
from netjournal.core.names import fold
from netjournal.core.records import Record
from netjournal.core.search import TYPE_NAMES, record_text
from netjournal.core.store import Store
from netjournal.core.who import MENTION_SUFFIX

RERANK = 300
TYPE_ORDER = {"person": 0, "learning": 1, "outreach": 2, "interaction": 3}
EXPENSIVE = 40_000  # postings: a term this common is checked on candidates, not merged
CACHE_VERSION = 2  # 2: words folded with transliteration (Đorđe is found as dorde)
CACHE_NAME = ".cache/search-index"
REINDEX_AFTER = 2000  # records changed since the index was built: then build it afresh


def typo_distance(word: str) -> int:
    """Edits forgiven in a typed word: none below five letters, then up to two."""
    return 0 if len(word) < 5 else 2


class _WordIds(dict[str, int]):
    """word -> number, numbering new words as they come (so `map` runs in C)."""

    def __missing__(self, word: str) -> int:
        self[word] = number = len(self)
        return number


class SearchIndex:
    """An immutable index over a set of records."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.words: list[str] = data["words"]
        self.postings = data["postings"]
        self.starts = data["starts"]
        self.forward = data["forward"]
        self.fstarts = data["fstarts"]
        self.tpostings = data["tpostings"]
        self.tstarts = data["tstarts"]
        self.ids: list[str] = data["ids"]
        self.types: list[str] = data["types"]
        self.stamps: list[str] = data["stamps"]
        self.titles: list[str] = data["titles"]
        pairs = sorted((word, number) for number, word in enumerate(self.words))
        self.vocab = [word for word, _ in pairs]
        self.vocab_ids = [number for _, number in pairs]
        self.by_length: dict[int, tuple[list[str], list[int]]] = {}
        for number, word in enumerate(self.words):
            words, numbers = self.by_length.setdefault(len(word), ([], []))
            words.append(word)
            numbers.append(number)
        self.position = {record_id: doc for doc, record_id in enumerate(self.ids)}
        self._memo: dict[tuple[str, bool], tuple[list[int], set[int]]] = {}

    @classmethod
    def build(cls, records: Iterable[Record]) -> SearchIndex:
        """Index `records` (run it off the event loop: seconds at 100,000 notes)."""
        ordered = sorted(records, key=lambda r: r.updated, reverse=True)
        ids = _WordIds()
        number, tokens = ids.__getitem__, utils.default_process
        forward, fstarts = array("I"), array("Q", [0])
        titles, tstarts = array("I"), array("Q", [0])
        for record in ordered:  # each record's words once: split, set and map run in C
            forward.extend(map(number, set(tokens(record_text(record)).split())))
            fstarts.append(len(forward))
            titles.extend(map(number, set(tokens(record.label).split())))
            tstarts.append(len(titles))
        postings, starts = _invert(forward, fstarts, len(ids))
        tpostings, tbounds = _invert(titles, tstarts, len(ids))
        words = [word if word.isascii() else fold(word).replace(" ", "") for word in ids]
        return cls({
            "words": words, "postings": postings, "starts": starts, "forward": forward,
            "fstarts": fstarts, "tpostings": tpostings, "tstarts": tbounds,
            "ids": [r.id for r in ordered], "types": [TYPE_NAMES[r.TABLE] for r in ordered],
            "stamps": [r.updated for r in ordered], "titles": [fold(r.label) for r in ordered],
        })  # fmt: skip

    def chunks(self) -> list[bytes | memoryview]:
        """The cache file's content, in pieces: a marshal head, then the arrays' raw bytes."""
        arrays = {k: v for k, v in self.data.items() if isinstance(v, array)}
        head = {k: v for k, v in self.data.items() if k not in arrays}
        head["arrays"] = [(k, v.typecode, len(v)) for k, v in arrays.items()]
        head["version"] = CACHE_VERSION
        # No copy: the file is written from the arrays' own buffers.
        return [marshal.dumps(head), *(memoryview(v) for v in arrays.values())]

    def save(self, store: Store) -> bool:
        """Replace the journal's cache (atomically, by the store); False if no journal yet."""
        return store.write_cache(CACHE_NAME, self.chunks())

    @classmethod
    def load(cls, path: Path) -> SearchIndex | None:
        """The cached index, or None if it is missing, unreadable or from another version.

        The arrays are mapped, not read: the postings come from the page cache as a search
        touches them, so the index is ready as soon as the small head is read.
        """
        try:
            with path.open("rb") as handle:
                data = marshal.load(handle)
                if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
                    return None
                offset = handle.tell()
                mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            view = memoryview(mapped)
            for name, typecode, length in data.pop("arrays"):
                size = length * array(typecode).itemsize
                if offset + size > len(mapped):
                    return None  # a torn or truncated cache
                data[name] = view[offset : offset + size].cast(typecode)
                offset += size
            data.pop("version")
            return cls(data)
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            return None

    def matching_words(self, word: str, prefix: bool) -> tuple[list[int], set[int]]:
        """The vocabulary words `word` stands for: itself, words it begins, near misses."""
        key = (word, prefix)
        if key in self._memo:
            return self._memo[key]
        low = bisect.bisect_left(self.vocab, word)
        high = (
            bisect.bisect_left(self.vocab, word + "\uffff", low)
            if prefix
            else bisect.bisect_right(self.vocab, word, low)
        )
        found = set(self.vocab_ids[low:high])
        distance = typo_distance(word)
        for length in range(len(word) - distance, len(word) + distance + 1) if distance else ():
            if length in self.by_length:
                words, numbers = self.by_length[length]
                hits = process.extract(
                    word, words, scorer=OSA.distance, score_cutoff=distance, limit=None
                )
                found.update(numbers[at] for _, _, at in hits)
        self._memo[key] = (sorted(found), found)
        return self._memo[key]

    def _cost(self, words: list[int]) -> int:
        return sum(self.starts[w + 1] - self.starts[w] for w in words)

    def _docs(self, words: list[int], upto: int | None = None) -> set[int]:
        pieces = [self.postings[self.starts[w] : self.starts[w + 1]] for w in words]
        if upto is not None:
            pieces = [piece[: bisect.bisect_left(piece, upto)] for piece in pieces]
        return set().union(
            *(piece.tolist() for piece in pieces)
        )  # tolist: C speed on a mapped view

    def _title_docs(self, words: list[int]) -> set[int]:
        return set().union(
            *(self.tpostings[self.tstarts[w] : self.tstarts[w + 1]].tolist() for w in words)
        )

    def _has(self, doc: int, wanted: set[int]) -> bool:
        return not wanted.isdisjoint(
            self.forward[self.fstarts[doc] : self.fstarts[doc + 1]].tolist()
        )

    def search(self, query: str, limit: int = 50, types: Sequence[str] = ()) -> list[str]:
        """Ids of the records matching every word of `query`, best first."""
        typed = fold(query).split()
        if not typed:
            return []
        last_open = not query[-1:].isspace()
        terms = [
            self.matching_words(w, last_open and i == len(typed) - 1) for i, w in enumerate(typed)
        ]
        if any(not words for words, _ in terms):
            return []
        in_title = self._title_docs(terms[0][0])
        for words, _ in terms[1:]:
            in_title &= self._title_docs(words)
        order = sorted(terms, key=lambda term: self._cost(term[0]))
        cheap = [term for term in order if self._cost(term[0]) <= EXPENSIVE] or order[:1]
        rest = [term for term in order if all(term is not c for c in cheap)]
        wanted_types = set(types)

        def allowed(doc: int) -> bool:
            return not wanted_types or self.types[doc] in wanted_types

        found = [doc for doc in sorted(in_title) if allowed(doc)][:RERANK]
        seen = set(found)
        upto: int | None = None if self._cost(cheap[0][0]) <= EXPENSIVE else 4_000
        while len(found) < RERANK:
            candidates = self._docs(cheap[0][0], upto)
            for words, _ in cheap[1:]:
                candidates &= self._docs(words, upto)
            for doc in sorted(candidates - seen):
                if allowed(doc) and all(self._has(doc, wanted) for _, wanted in rest):
                    found.append(doc)
                    seen.add(doc)
                    if len(found) >= RERANK:
                        break
            if upto is None or upto >= len(self.ids):
                break
            upto *= 4
        phrase = " ".join(typed)
        titles = [self.titles[d] for d in found]
        scored = process.extract(phrase, titles, scorer=fuzz.token_set_ratio, limit=None)
        # Every word in the title first, then the best title score, then titles that start
        # with the first word ("Pallet robots..." before a talk "about pallet robots"), people,
        # learnings and plans before the many notes of talks, then the title closest as a whole
        # (the person "Ann Lee" before "Introduce Ann Lee to Bob"), then the newest.
        scored.sort(
            key=lambda hit: (
                found[hit[2]] not in in_title,
                -hit[1],
                not titles[hit[2]].startswith(typed[0]),
                TYPE_ORDER.get(self.types[found[hit[2]]], len(TYPE_ORDER)),
                -fuzz.ratio(phrase, titles[hit[2]]),
                found[hit[2]],
            )
        )
        return [self.ids[found[at]] for _, _, at in scored[:limit]]


def _invert(docs: array, starts: array, words: int) -> tuple[array, array]:
    buckets = [array("I") for _ in range(words)]
    appends = [bucket.append for bucket in buckets]
    for doc in range(len(starts) - 1):
        for word in docs[starts[doc] : starts[doc + 1]]:
            appends[word](doc)
    postings, bounds = array("I"), array("Q", [0])
    for bucket in buckets:
        postings.extend(bucket)
        bounds.append(len(postings))
    return postings, bounds


def cache_path(store: Store) -> Path:
    """Where the journal's search cache is (to read; the store writes it)."""
    return store.side_path(CACHE_NAME)


class LiveIndex:
    """A built index plus the records changed since it was built, searched directly."""

    def __init__(self, base: SearchIndex, records: Iterable[Record]) -> None:
        self.base = base
        self.changed: dict[str, Record] = {}
        self.removed: set[str] = set()
        self.update(records)

    def update(self, records: Iterable[Record]) -> None:
        """Bring the index up to `records` (every record of the journal, as now)."""
        current = {record.id: record for record in records}
        base = self.base
        self.changed = {
            record_id: record
            for record_id, record in current.items()
            if record_id not in base.position
            or base.stamps[base.position[record_id]] != record.updated
        }
        self.removed = {record_id for record_id in base.ids if record_id not in current}

    @property
    def pending(self) -> int:
        """How many records are searched outside the index (rebuild when this grows)."""
        return len(self.changed) + len(self.removed)

    def mentioning(
        self, words: list[str], types: Sequence[str] = ("interaction", "learning")
    ) -> set[str]:
        """Ids of the records (of `types`) holding at least half of `words` (folded), each
        as a word start or within the typos forgiven: what "who would you ask" counts."""
        base = self.base
        needed = max(1, (len(words) + 1) // 2)
        counts: Counter[int] = Counter()
        for word in words:
            # A word plus a short ending ("robots" for "robot"), not any longer word it starts.
            near = [n for n in base.matching_words(word, True)[0]
                    if len(base.words[n]) <= len(word) + MENTION_SUFFIX]  # fmt: skip
            counts.update(base._docs(near))
        wanted = set(types)
        found = {
            base.ids[doc]
            for doc, count in counts.items()
            if count >= needed and base.types[doc] in wanted
        }
        found -= self.removed | self.changed.keys()
        for record in self.changed.values():
            if TYPE_NAMES[record.TABLE] in wanted:
                text = fold(record_text(record)).split()
                said = sum(1 for word in words if any(
                    t.startswith(word) and len(t) <= len(word) + MENTION_SUFFIX for t in text))  # fmt: skip
                if said >= needed:
                    found.add(record.id)
        return found

    def search(self, query: str, limit: int = 50, types: Sequence[str] = ()) -> list[str]:
        from netjournal.core.search import search as scan

        fresh = [r for r in self.changed.values() if not types or TYPE_NAMES[r.TABLE] in types]
        recent = (
            [hit.id for hit in scan(fresh, query, limit=limit)] if fresh and query.strip() else []
        )
        stale = self.removed | self.changed.keys()
        older = [i for i in self.base.search(query, limit + len(stale), types) if i not in stale]
        return (recent + older)[:limit]


def open_index(store: Store, records: Sequence[Record], *, save: bool = True) -> LiveIndex:
    """The journal's index: from the cache when it is there, else built (and cached).

    A cache older than the journal is still right for every record it holds unchanged;
    records saved since (by any process) are found through `LiveIndex`.
    """
    loaded = SearchIndex.load(cache_path(store))
    if loaded is not None:
        return LiveIndex(loaded, records)
    return rebuild_index(store, records, save=save)


def rebuild_index(store: Store, records: Sequence[Record], *, save: bool = True) -> LiveIndex:
    """Index every record afresh and replace the cache."""
    index = SearchIndex.build(records)
    if save:
        with contextlib.suppress(JournalError):  # a cache that cannot be written only costs time
            index.save(store)
    return LiveIndex(index, records)
