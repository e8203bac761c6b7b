"""The search index: every word of every record, found as you type, typos forgiven.

Words are folded (lower case, accents off) and numbered; each record's words are kept once
(a forward index) and inverted into postings (two bytes each: `postings.py`), all in flat
arrays. Records are numbered newest first, so postings are in recency order too. A query's
last word is a prefix; a word also matches vocabulary words a few edits away, by its length
(`typo_distance`; optimal string alignment, so a swap of two letters is one edit).
Candidates hold every query word; at most RERANK of them are ranked by how well their titles
fit the typed words (`title_fit`), newest first among equals.

The index is built once from all records (in a worker; about 4 s at 100,000 notes) and
saved as a cache file in the journal folder (`.cache/search-index`, written by the store),
which opens in a few hundredths of a second (arrays mapped, columns split when first used).
It remembers which shard file each record came from and each shard's signature, so a
process can bring it up to date by reading only the shards changed since (`open_cached`).
Records changed since the build (by this process or another: their `updated` stamp differs)
go into a small second index of their own, vocabulary included, so they are found with
typos like the rest: see `LiveIndex`.
"""

from __future__ import annotations

import bisect
import contextlib
import marshal
import mmap
import os
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import Any

import orjson
from rapidfuzz import process, utils
from rapidfuzz.distance import OSA

from netjournal.core.errors import JournalError, NetjournalError
from netjournal.core.names import fold
from netjournal.core.postings import Postings
from netjournal.core.records import RECORD_TYPES, Record
from netjournal.core.search import TYPE_NAMES, record_text
from netjournal.core.shards import SUFFIX, collector_paused, disk_signature
from netjournal.core.store import Store
from netjournal.core.title_fit import title_fit
from netjournal.core.word_rules import MENTION_SUFFIX, typo_distance  # one rule: who, /

RERANK = 300
TYPE_ORDER = {"person": 0, "learning": 1, "outreach": 2, "interaction": 3}
EXPENSIVE = 40_000  # postings: a term this common is checked on candidates, not merged
EXPENSIVE_SHARE = 0.36  # or in that share of the records, if more (40,000 of 112,000)
CACHE_VERSION = 5  # 5: postings in 2 bytes, types as codes (4: shards; 2: transliteration)
CACHE_NAME = ".cache/search-index"
REINDEX_AFTER = 500  # records changed since the build: then build afresh (their index: ~20 ms)
OUTDATED_AFTER = 24  # shard files changed since the build (each read costs ~5 ms): build afresh
JOINED = ("ids", "stamps", "titles")  # columns cached as one string each
TYPES = tuple(TYPE_ORDER)  # a record's type is cached as its number here (one byte)
SEPARATOR = "\x00"  # between them (cleaned text holds no control characters; replaced if so)
NO_SHARD = 0xFFFF  # a record whose shard file is not known (indexed from records alone)


Places = dict[str, tuple[str, Any]]  # record id -> (shard "table/name", its file signature)


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
        self.postings = Postings(data["postings"], data["starts"], data["blocks"])
        self.forward = data["forward"]
        self.fstarts = data["fstarts"]
        self.in_titles = Postings(data["tpostings"], data["tstarts"], data["blocks"])
        self.records = len(data["types"])
        self.type_codes = data["types"]  # TYPES[code] of each record
        self.shard_names: list[str] = data.get("shard_names", [])
        self.shard_signatures: dict[str, list[int]] = data.get("shard_signatures", {})
        self.dshard = data.get("dshard", array("H"))
        pairs = sorted((word, number) for number, word in enumerate(self.words))
        self.vocab = [word for word, _ in pairs]
        self.vocab_ids = [number for _, number in pairs]
        self.by_length: dict[int, tuple[list[str], list[int]]] = {}
        for number, word in enumerate(self.words):
            words, numbers = self.by_length.setdefault(len(word), ([], []))
            words.append(word)
            numbers.append(number)
        self._memo: dict[tuple[str, bool], tuple[list[int], set[int]]] = {}

    # Worked out on first use: opening the index (the app's start, every CLI search) skips them.
    @cached_property
    def position(self) -> dict[str, int]:
        """Record id -> its number in the index."""
        return dict(zip(self.ids, range(len(self.ids)), strict=True))

    # The columns of a cache stay one string each until first used (splitting takes time).
    @cached_property
    def ids(self) -> list[str]:
        """Each record's id, by record number."""
        return self._column("ids")

    @cached_property
    def titles(self) -> list[str]:
        """Each record's title, folded (what results are ranked by)."""
        return self._column("titles")

    @cached_property
    def stamps(self) -> list[str]:
        """Each record's `updated` stamp when indexed (to tell which changed since)."""
        return self._column("stamps")

    def _column(self, name: str) -> list[str]:
        column = self.data[name]
        if not isinstance(column, str):
            return list(column)
        return column.split(SEPARATOR) if self.records else []

    def type_of(self, doc: int) -> str:
        """The type name ("person", "learning", ...) of record number `doc`."""
        return TYPES[self.type_codes[doc]]

    @classmethod
    def build(cls, records: Iterable[Record], places: Places | None = None) -> SearchIndex:
        """Index `records` (run it off the event loop: seconds at 100,000 notes).

        `places` (from `shard_places`) says which shard file each record was read from, so
        that the cache can later be brought up to date from the changed shards alone.
        """
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
        postings = Postings.invert(forward, fstarts, len(ids))
        in_titles = Postings.invert(titles, tstarts, len(ids))
        if len(ids) <= 0x10000:  # word numbers in two bytes: a quarter less on disk
            forward = array("H", forward)
        words = [word if word.isascii() else fold(word).replace(" ", "") for word in ids]
        names, signatures, dshard = _shards_of(ordered, places or {})
        return cls({
            "words": words, "postings": postings.values, "starts": postings.starts,
            "forward": forward, "fstarts": fstarts, "tpostings": in_titles.values,
            "tstarts": in_titles.starts, "blocks": postings.blocks,
            "ids": [r.id for r in ordered],
            "types": array("B", [TYPES.index(TYPE_NAMES[r.TABLE]) for r in ordered]),
            "stamps": [r.updated for r in ordered], "titles": [fold(r.label) for r in ordered],
            "shard_names": names, "shard_signatures": signatures, "dshard": dshard,
        })  # fmt: skip

    def chunks(self) -> list[bytes | memoryview]:
        """The cache file's content, in pieces: a marshal head, then the arrays' raw bytes."""
        arrays = {k: v for k, v in self.data.items() if isinstance(v, array)}
        head = {k: v for k, v in self.data.items() if k not in arrays}
        # One string per column, not 100,000 small ones: marshal reads it 10x faster.
        for name in JOINED:
            column = getattr(self, name)
            head[name] = SEPARATOR.join(text.replace(SEPARATOR, " ") for text in column)
        head["records"] = self.records
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
            # Hundreds of thousands of strings, none in a cycle: collecting would double the time.
            with path.open("rb") as handle, collector_paused():
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
            count = data.pop("records")
            # Each column is split when first used (see `ids`); its count is checked now.
            if len(data["types"]) != count or any(
                not isinstance(data[name], str) or data[name].count(SEPARATOR) != max(0, count - 1)
                for name in JOINED
            ):
                return None
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

    def document_frequency(self, word: str) -> int:
        """How many records hold `word` (folded, whole word): what IDF or BM25 weights need."""
        low = bisect.bisect_left(self.vocab, word)
        if low == len(self.vocab) or self.vocab[low] != word:
            return 0
        return self.postings.count(self.vocab_ids[low])

    def _cost(self, words: list[int]) -> int:
        return self.postings.cost(words)

    def _docs(self, words: list[int], upto: int | None = None) -> set[int]:
        return self.postings.docs(words, upto)

    def _title_docs(self, words: list[int]) -> set[int]:
        return self.in_titles.docs(words)

    def _has(self, doc: int, wanted: set[int]) -> bool:
        return not wanted.isdisjoint(
            self.forward[self.fstarts[doc] : self.fstarts[doc + 1]].tolist()
        )

    def search(self, query: str, limit: int = 50, types: Sequence[str] = ()) -> list[str]:
        """Ids of the records matching every word of `query`, best first."""
        return self.ranked(query, limit, types)[0]

    def ranked(
        self, query: str, limit: int = 50, types: Sequence[str] = ()
    ) -> tuple[list[str], int]:
        """`search`, and how many of the ids first have every word in their title."""
        typed = fold(query).split()
        if not typed:
            return [], 0
        last_open = not query[-1:].isspace()
        terms = [
            self.matching_words(w, last_open and i == len(typed) - 1) for i, w in enumerate(typed)
        ]
        if any(not words for words, _ in terms):
            return [], 0
        order = sorted(terms, key=lambda term: self._cost(term[0]))
        # Grows with the journal: at 300,000 notes checking 50,000 candidates cost 60 ms.
        expensive = max(EXPENSIVE, int(self.records * EXPENSIVE_SHARE))
        cheap = [term for term in order if self._cost(term[0]) <= expensive] or order[:1]
        rest = [term for term in order if all(term is not c for c in cheap)]
        wanted_types = set(types)

        def allowed(doc: int) -> bool:
            return not wanted_types or self.type_of(doc) in wanted_types

        # The first RERANK only, newest first: a short prefix's title matches run to tens of
        # thousands, so later blocks are read only if the first hold too few. Should they all be
        # read and still hold too few, `in_title` is whole for the candidates that follow.
        in_title: set[int] = set()
        found: list[int] = []
        for docs in self.in_titles.each_block([words for words, _ in terms]):
            in_title |= docs
            found.extend(islice((doc for doc in sorted(docs) if allowed(doc)), RERANK - len(found)))
            if len(found) >= RERANK:
                break
        seen = set(found)
        upto: int | None = None if self._cost(cheap[0][0]) <= expensive else 4_000
        while len(found) < RERANK:
            candidates = self.postings.all_of([words for words, _ in cheap], upto)
            for doc in sorted(candidates - seen):
                if allowed(doc) and all(self._has(doc, wanted) for _, wanted in rest):
                    found.append(doc)
                    seen.add(doc)
                    if len(found) >= RERANK:
                        break
            if upto is None or upto >= self.records:
                break
            upto *= 4
        titles = [self.titles[d] for d in found]
        fits = [title_fit(typed, last_open, title) for title in titles]
        # The typed words' fit to the title first (every word in the title, then how well
        # each matches: exact, begun, near), then titles that start with the first word
        # ("Pallet robots..." before a talk "about pallet robots"), people, learnings and plans
        # before the many notes of talks, then the title with fewest other words (the person
        # "Ann Lee" before "Ann Lee-Smith"), then the newest (records are numbered newest first).
        scored = sorted(
            range(len(found)),
            key=lambda at: (
                found[at] not in in_title,
                -fits[at][0],
                not titles[at].startswith(typed[0]),
                self.type_codes[found[at]],  # TYPES is in TYPE_ORDER
                fits[at][1],
                found[at],
            ),
        )
        best = scored[:limit]
        return [self.ids[found[at]] for at in best], sum(found[at] in in_title for at in best)


def _shards_of(ordered: list[Record], places: Places) -> tuple[list[str], dict[str, Any], array]:
    """Shard names, the signatures of shards indexed whole and as on disk, each doc's shard."""
    names: dict[str, int] = {}
    signatures: dict[str, Any] = {}
    dshard = array("H")
    for record in ordered:
        name, signature = places.get(record.id, ("", None))
        if not name or (len(names) >= NO_SHARD and name not in names):
            dshard.append(NO_SHARD)
            continue
        dshard.append(names.setdefault(name, len(names)))
        if signature is not None:
            signatures[name] = list(signature)
    return list(names), signatures, dshard


def shard_places(store: Store, records: Iterable[Record]) -> Places:
    """Where each of `records` is in the store's shards, for shards that hold exactly them.

    A shard read since `records` were taken (its records differ) gets no signature: the
    cache then counts it as changed, and reads it again when it is opened.
    """
    wanted = {record.id: record.updated for record in records}
    places: Places = {}
    for table_name, table in store.tables.items():
        for name, shard in table.shards.items():
            if not shard.loaded:
                continue
            same = all(wanted.get(i) == r.updated for i, r in shard.records.items())
            signature = shard.signature if same and not shard.bad else None
            for record_id in shard.records:
                places[record_id] = (f"{table_name}/{name}", signature)
    return places


def cache_path(store: Store) -> Path:
    """Where the journal's search cache is (to read; the store writes it)."""
    return store.side_path(CACHE_NAME)


class LiveIndex:
    """A built index plus the records changed since it was built, in a small index of their own.

    Saving a record rebuilds only the small index (milliseconds for hundreds of records), so a
    record is found with typos, like any other, as soon as `update` has seen it.
    """

    def __init__(
        self,
        base: SearchIndex,
        records: Iterable[Record] | None = None,
        *,
        changed: dict[str, Record] | None = None,
        removed: Iterable[str] = (),
    ) -> None:
        self.base = base
        self.changed: dict[str, Record] = {}
        self.removed: set[str] = set()
        self.fresh: SearchIndex | None = None  # the changed records, indexed
        self._docs: dict[str, dict[str, Any]] = {}  # shard files read for `record`
        # The store `open_cached` read the journal's changes from: what `read` reads with.
        self.reads_from: Store | None = None
        # The shard files that differ from those the cache was built from (`open_cached` and
        # `sync` note them): many (the journal copied, restored or checked out) and every later
        # search reads them all again, though few records changed: see `outdated`.
        self.files_since: set[str] = set()
        # For `sync`: each shard's signature when last compared, and what it changed.
        self._looked: dict[str, Any] = {}
        self._shard_changed: dict[str, dict[str, Record]] = {}
        self._shard_removed: dict[str, set[str]] = {}
        self._docs_by_shard: dict[str, list[int]] | None = None
        if records is not None:
            self.update(records)
        else:
            self._settle(changed or {}, set(removed))

    @property
    def outdated(self) -> bool:
        """The cache should be written afresh: too many of its shard files have changed."""
        return len(self.files_since) > OUTDATED_AFTER

    def update(self, records: Iterable[Record]) -> None:
        """Bring the index up to `records` (every record of the journal, as now)."""
        current = {record.id: record for record in records}
        stamps, position = self.base.stamps, self.base.position
        changed = {
            record_id: record
            for record_id, record in current.items()
            if record_id not in position or stamps[position[record_id]] != record.updated
        }
        self._settle(changed, {i for i in self.base.ids if i not in current})

    def sync(self, store: Store) -> None:
        """Bring the index up to the shards `store` has read, comparing only those whose file
        changed since the last look (a save, or another process's save picked up): a few
        milliseconds after a save, where `update` compares every record. Reads no file."""
        self._docs.clear()  # shard files read for `record` may be older than these
        base = self.base
        if not base.shard_names:  # built from records alone: no shard to go by
            self.update(r for t in store.tables.values() for r in t.records())
            return
        if self._docs_by_shard is None:
            self._docs_by_shard = {name: [] for name in base.shard_names}
            for doc, number in enumerate(base.dshard.tolist()):
                if number != NO_SHARD:
                    self._docs_by_shard[base.shard_names[number]].append(doc)
        seen: set[str] = set()
        moved = False
        for table_name, table in store.tables.items():
            for name, shard in table.shards.items():
                key = f"{table_name}/{name}"
                seen.add(key)
                if not shard.loaded or self._looked.get(key, ()) == shard.signature:
                    continue
                moved = True
                self._looked[key] = shard.signature
                cached = base.shard_signatures.get(key)
                if cached is not None and tuple(cached) == shard.signature:
                    self._shard_changed.pop(key, None)
                    self._shard_removed.pop(key, None)
                    self.files_since.discard(key)
                    continue
                self.files_since.add(key)
                self._shard_changed[key] = {
                    i: r for i, r in shard.records.items()
                    if i not in base.position or base.stamps[base.position[i]] != r.updated
                }  # fmt: skip
                held = shard.records
                self._shard_removed[key] = {
                    base.ids[doc] for doc in self._docs_by_shard.get(key, ()) if base.ids[doc] not in held
                }  # fmt: skip
        complete = {name for name, table in store.tables.items() if table.complete}
        for key in set(base.shard_names) - seen - self._shard_removed.keys():
            if key.partition("/")[0] in complete:  # a shard file that is gone
                moved = True
                self._shard_removed[key] = {base.ids[d] for d in self._docs_by_shard.get(key, ())}
        if not moved:
            return
        changed = {i: r for part in self._shard_changed.values() for i, r in part.items()}
        removed = set().union(*self._shard_removed.values()) - changed.keys()
        # A record that left its shard for another one is not gone (rare: records stay put).
        removed = {i for i in removed if not any(i in t.shards[n].records
                   for t in store.tables.values() for n in t.shards)}  # fmt: skip
        self._settle(changed, removed)

    def _settle(self, changed: dict[str, Record], removed: set[str]) -> None:
        before = {i: r.updated for i, r in self.changed.items()}
        fresh = self.fresh
        if before != {i: r.updated for i, r in changed.items()} or fresh is None:
            fresh = SearchIndex.build(changed.values()) if changed else None
        # A search in another thread may run between these: it then misses a record being
        # changed for an instant rather than listing it twice.
        self.changed, self.removed = changed, removed
        self.fresh = fresh

    @property
    def pending(self) -> int:
        """How many records are searched outside the index (rebuild when this grows)."""
        return len(self.changed) + len(self.removed)

    @property
    def stale(self) -> set[str]:
        """Ids the built index holds in a version that is no longer the journal's."""
        return self.removed | self.changed.keys()

    def document_frequency(self, word: str) -> int:
        """How many records of the journal hold `word` (folded, a whole word), as now.

        For IDF or BM25 weights (`who`, `suggest`): log(record_count / (1 + df)).
        """
        base = self.base
        count = base.document_frequency(word)
        if count:
            low = bisect.bisect_left(base.vocab, word)
            number = base.vocab_ids[low]
            for record_id in self.stale:
                doc = base.position.get(record_id)
                if doc is not None and base._has(doc, {number}):
                    count -= 1
        return count + (self.fresh.document_frequency(word) if self.fresh else 0)

    @property
    def record_count(self) -> int:
        """How many records the journal holds, as the index knows it."""
        base = self.base
        return len(base.ids) - sum(1 for i in self.stale if i in base.position) + len(self.changed)

    def mentioning(
        self, words: list[str], types: Sequence[str] = ("interaction", "learning")
    ) -> set[str]:
        """Ids of the records (of `types`) holding at least half of `words` (folded), each
        as a word start or within the typos forgiven: what "who would you ask" counts."""
        found = _mentioning(self.base, words, types) - self.stale
        return found | (_mentioning(self.fresh, words, types) if self.fresh else set())

    def search(self, query: str, limit: int = 50, types: Sequence[str] = ()) -> list[str]:
        """Ids of the records matching every word of `query`, best first: those with every word
        in their title, then the others; the changed records first in each."""
        recent, recent_titled = self.fresh.ranked(query, limit, types) if self.fresh else ([], 0)
        stale = self.stale
        ranked, titled = self.base.ranked(query, limit + len(stale), types)
        older = [i for i in ranked[:titled] if i not in stale]  # every word in the title
        rest = [i for i in ranked[titled:] if i not in stale]
        titled_ids = recent[:recent_titled] + older
        if recent_titled and older:  # two ranked lists of titles: merged by the title's fit
            typed, last_open = fold(query).split(), not query[-1:].isspace()

            def fit(record_id: str) -> float:
                index = self.fresh if record_id in self.changed and self.fresh else self.base
                return title_fit(typed, last_open, index.titles[index.position[record_id]])[0]

            # Stable: the built index's own order stays among equal fits, the changed first.
            titled_ids.sort(key=lambda i: -fit(i))
        return (titled_ids + recent[recent_titled:] + rest)[:limit]

    def warm(self) -> None:
        """Work out now, in a worker, what the first search would (titles, records by id)."""
        _ = self.base.titles, self.base.position

    def read(self, record_id: str) -> Record | None:
        """`record` from the store the index was opened on (`open_cached`); else None."""
        return None if self.reads_from is None else self.record(self.reads_from, record_id)

    def record(self, store: Store, record_id: str) -> Record | None:
        """The record `record_id` as on disk, reading only the shard the index says holds it."""
        if record_id in self.changed:
            return self.changed[record_id]
        base = self.base
        doc = base.position.get(record_id)
        number = base.dshard[doc] if doc is not None and doc < len(base.dshard) else NO_SHARD
        if number == NO_SHARD:
            type_name = base.type_of(doc) if doc is not None else ""
            kind = next((k for k, n in TYPE_NAMES.items() if n == type_name), None)
            return store.get(RECORD_TYPES[kind], record_id) if kind else None
        table_name, _, name = base.shard_names[number].partition("/")
        if base.shard_names[number] not in self._docs:
            self._docs[base.shard_names[number]] = _read_docs(store.folder, table_name, name)
        doc = self._docs[base.shard_names[number]].get(record_id)
        if not isinstance(doc, dict) or doc.get("id") != record_id:
            return None  # deleted since (then it is stale), or hand-edited beyond reading
        try:
            return RECORD_TYPES[table_name].from_dict(doc)
        except (NetjournalError, TypeError, ValueError, AttributeError):
            return None  # a record that fails the read check is left out, as everywhere


def _read_docs(folder: Path, table: str, name: str) -> dict[str, Any]:
    """The documents of one shard file, unchecked (only the records asked for are built)."""
    try:
        fd = os.open(folder / table / f"{name}{SUFFIX}", os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as handle:
            data = orjson.loads(handle.read())
    except (OSError, orjson.JSONDecodeError):
        return {}  # gone or damaged: its records are left out (a full read names the problem)
    docs = data.get(table) if isinstance(data, dict) else None
    return docs if isinstance(docs, dict) else {}


def _mentioning(index: SearchIndex, words: list[str], types: Sequence[str]) -> set[str]:
    needed = max(1, (len(words) + 1) // 2)
    counts: Counter[int] = Counter()
    for word in words:
        # A word plus a short ending ("robots" for "robot"), not any longer word it starts.
        near = [n for n in index.matching_words(word, True)[0]
                if len(index.words[n]) <= len(word) + MENTION_SUFFIX]  # fmt: skip
        counts.update(index._docs(near))
    wanted = set(types)
    return {
        index.ids[doc]
        for doc, count in counts.items()
        if count >= needed and index.type_of(doc) in wanted
    }


def open_index(store: Store, records: Sequence[Record], *, save: bool = True) -> LiveIndex:
    """The journal's index: from the cache when it is there, else built (and cached).

    A cache older than the journal is still right for every record it holds unchanged;
    records saved since (by any process) are indexed aside, in `LiveIndex`.
    """
    loaded = SearchIndex.load(cache_path(store))
    if loaded is None:
        return rebuild_index(store, records, save=save)
    if loaded.shard_names and all(table.complete for table in store.tables.values()):
        live = LiveIndex(loaded, changed={})
        live.sync(store)  # the shards changed since the build only: no record-by-record look
        return live
    return LiveIndex(loaded, records)


def open_cached(store: Store) -> LiveIndex | None:
    """The cached index brought up to the journal by reading only the shards changed since it
    was built (by any process); None without a usable cache. The journal is not loaded."""
    base = SearchIndex.load(cache_path(store))
    if base is None:
        return None
    changed: dict[str, Record] = {}
    seen: set[str] = set()
    reread: set[str] = set()
    on_disk: set[str] = set()
    for table_name, table in store.tables.items():
        table.scan()
        for name, shard in table.shards.items():
            key = f"{table_name}/{name}"
            on_disk.add(key)
            signature = base.shard_signatures.get(key)
            if signature is not None and disk_signature(shard.path) == tuple(signature):
                continue
            shard.ensure_current()
            reread.add(key)
            seen.update(shard.records)
            stamps, position = base.stamps, base.position  # worked out only when needed
            changed.update(
                (i, r) for i, r in shard.records.items()
                if i not in position or stamps[position[i]] != r.updated
            )  # fmt: skip
    gone = {n for n, key in enumerate(base.shard_names) if key in reread or key not in on_disk}
    removed = (
        {base.ids[doc] for doc, number in enumerate(base.dshard.tolist()) if number in gone}
        - seen
        if gone
        else set()
    )
    live = LiveIndex(base, changed=changed, removed=removed)
    live.reads_from = store
    live.files_since = reread
    return live


def rebuild_index(store: Store, records: Sequence[Record], *, save: bool = True) -> LiveIndex:
    """Index every record afresh and replace the cache."""
    index = SearchIndex.build(records, shard_places(store, records))
    if save:
        with contextlib.suppress(JournalError):  # a cache that cannot be written only costs time
            index.save(store)
    return LiveIndex(index, records)
