"""Postings in two bytes a record: the same records back as four-byte numbers would give."""

from __future__ import annotations

import random
from array import array
from pathlib import Path

import pytest

from netjournal.core import postings
from netjournal.core.postings import Postings
from netjournal.core.records import Learning
from netjournal.core.search_index import LiveIndex, SearchIndex, cache_path
from netjournal.core.store import Store


def forward_index(records: int, words: int, seed: int = 3) -> list[list[int]]:
    rng = random.Random(seed)
    return [rng.sample(range(words), rng.randint(0, 4)) for _ in range(records)]


def test_records_past_the_first_65536_come_back_with_their_own_numbers() -> None:
    held = forward_index(140_000, 7)  # three blocks
    docs, starts = array("I"), array("Q", [0])
    for words in held:
        docs.extend(words)
        starts.append(len(docs))
    index = Postings.invert(docs, starts, 7)
    assert index.blocks == 3 and index.values.typecode == "H"
    for word in range(7):
        expected = {doc for doc, words in enumerate(held) if word in words}
        assert index.docs([word]) == expected
        assert index.count(word) == len(expected)
        assert index.docs([word], upto=100_000) == {d for d in expected if d < 100_000}
    both = {doc for doc, words in enumerate(held) if {0, 1} & set(words) and 5 in words}
    assert index.all_of([[0, 1], [5]]) == both
    assert index.all_of([[0, 1], [5]], upto=70_000) == {d for d in both if d < 70_000}


def test_an_index_over_several_blocks_searches_the_same_from_its_cache(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postings, "BLOCK_BITS", 2)  # blocks of 4 records: 25 records, 7 blocks
    monkeypatch.setattr(postings, "BLOCK", 4)
    store = Store.open(journal_dir)
    notes = [Learning.create(date=f"2026-01-{day:02d}", title=f"Pallet robots visit {day}",
                             body="zeppelin" if day % 5 == 0 else "forklift")
             for day in range(1, 26)]  # fmt: skip
    store.add(*notes)
    built = SearchIndex.build(notes)
    assert built.save(store)
    loaded = SearchIndex.load(cache_path(store))
    assert loaded is not None and loaded.postings.blocks == 7
    zeppelins = {n.id for n in notes if n.body == "zeppelin"}
    for index in (built, loaded):
        assert set(index.search("zepelin", limit=50)) == zeppelins  # a typo, every block
        assert len(index.search("palet robots", limit=50)) == 25
        assert index.document_frequency("forklift") == 20
    assert LiveIndex(loaded, notes).search("visit 3", limit=1) == [notes[2].id]
