"""One search for the app's `/` and `netjournal search`: the query grammar, then the index.

The query is parsed once here (`p:` `j:` `o:` `i:` and `@tag`, see `search_query`); its words
go to the search index, or to a plain scan while the index is still being built; the tag
filters are applied to what comes back. A query of filters only lists the newest records
that pass them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from netjournal.core.profile_index import profiles_for
from netjournal.core.records import Record
from netjournal.core.search import SearchHit, hit_for, search
from netjournal.core.search_index import LiveIndex
from netjournal.core.search_query import parse_query
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.topic_counts import book_for
from netjournal.core.who import FIELDS, rank_people_for
from netjournal.core.word_weights import weights_for

SHOWN = 200  # results the app lists for a query
FETCHED = 2  # ask the index for twice as many: the tag filters drop some
_BY_ID = "finding.by_id"  # a snapshot's records by id, derived once per snapshot


class Index(Protocol):
    """What `find` needs of an index (`SearchIndex` and `LiveIndex` both fit)."""

    def search(self, query: str, limit: int = 50, types: Sequence[str] = ()) -> list[str]: ...


def find(
    records: JournalSnapshot | Iterable[Record],
    query: str,
    index: Index | None = None,
    limit: int = SHOWN,
    *,
    snippets: bool = True,
) -> list[SearchHit]:
    """The records `query` asks for, best first, at most `limit`.

    Without `index` the records are scanned (slower, same grammar). Scores run from 100 for
    the first hit down, relative to the hits returned. Without `snippets` the hits' snippets
    are empty: the app makes those of the rows it draws (`search.snippet_of`).
    """
    asked = parse_query(query)
    by_id = _records_by_id(records)
    if not asked.words.strip():
        if not asked.types and not asked.tags:
            return []
        # Only filters: the newest records that pass them.
        passing = [r for r in by_id.values() if asked.wants(r) and asked.keeps(r)]
        passing.sort(key=lambda r: r.updated, reverse=True)
        return [hit_for(r, "", rank, len(passing)) for rank, r in enumerate(passing[:limit])]
    fetched = FETCHED * max(limit, SHOWN)
    if index is not None:
        ids = index.search(asked.words, limit=fetched, types=asked.types)
        found = [by_id[i] for i in ids if i in by_id]
    else:  # the index is still being built (or none was given): a plain scan
        pool = [r for r in by_id.values() if asked.wants(r)]
        found = [by_id[hit.id] for hit in search(pool, asked.words, limit=fetched)]
    kept = [r for r in found if asked.keeps(r)][:limit]
    return [
        hit_for(r, asked.words, rank, len(kept), with_snippet=snippets)
        for rank, r in enumerate(kept)
    ]


def record_of(snapshot: JournalSnapshot, record_id: str) -> Record | None:
    """The record `record_id` of any table (None if it is not in `snapshot`)."""
    return _records_by_id(snapshot).get(record_id)


def find_reading(
    query: str, index: Index, read: Callable[[str], Record | None], limit: int = SHOWN
) -> list[SearchHit]:
    """As `find` with an index, reading only the records it ranks (`read(id)`, None if gone):
    the CLI answers without loading the journal. A query of filters only needs `find`."""
    asked = parse_query(query)
    kept: list[Record] = []
    for record_id in index.search(asked.words, limit=FETCHED * max(limit, SHOWN), types=asked.types):
        record = read(record_id)
        if record is not None and asked.keeps(record):
            kept.append(record)
            if len(kept) == limit:
                break
    return [hit_for(r, asked.words, rank, len(kept)) for rank, r in enumerate(kept)]


def people_to_ask(
    snapshot: JournalSnapshot, topic: str, index: LiveIndex | None = None, limit: int = 50
) -> list[SearchHit]:
    """Who would you ask about `topic`, as search results: best first, the reasons as snippet."""
    if not topic.strip():
        return []
    ranked = rank_people_for(
        topic,
        snapshot.people,  # by id: only the records the topic touches are looked up
        snapshot.interactions,
        snapshot.learnings,
        limit=limit,
        mentioning=index.mentioning if index else None,
        weights=weights_for(snapshot),  # once per snapshot: `/` asks at every keystroke
        profiles=profiles_for(snapshot, FIELDS),  # likewise
        book=book_for(snapshot),  # likewise
    )
    return [SearchHit("person", entry.person.id, entry.person.name, entry.score,
                      "; ".join(entry.reasons)) for entry in ranked]  # fmt: skip


def prepare(snapshot: JournalSnapshot) -> None:
    """Do now, in a worker, what the first search of `snapshot` would (keeps keystrokes quick)."""
    _records_by_id(snapshot)


def _records_by_id(records: JournalSnapshot | Iterable[Record]) -> dict[str, Record]:
    if not isinstance(records, JournalSnapshot):
        return {record.id: record for record in records}
    found = records.memo.get(_BY_ID)
    if not isinstance(found, dict):
        # Once per snapshot: the app searches the same snapshot at every keystroke.
        found = {record.id: record for record in records.records()}
        records.memo[_BY_ID] = found
    return found
