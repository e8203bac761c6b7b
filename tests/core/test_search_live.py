"""The index keeps up with every save: typos on new records, other processes, changed shards only."""

from __future__ import annotations

from pathlib import Path

import pytest

from netjournal.core.records import Interaction, Learning, Person, Record
from netjournal.core.search_index import (
    LiveIndex,
    SearchIndex,
    cache_path,
    open_cached,
    rebuild_index,
    typo_distance,
)
from netjournal.core.store import Store

ANN = Person.create(name="Ann Lee", org="Contoso", interests="offshore sailing")
OLD = Learning.create(date="2024-01-10", title="Pallet robots cut picking time",
                      body="Three vendors showed autonomous movers.")  # fmt: skip
KEPT = Learning.create(date="2022-03-01", title="Cold chain spoilage", body="Alerts to drivers.")
TALK = Interaction.create(date="2025-06-02", person_ids=[ANN.id], summary="Coffee at LogiMAT",
                          notes="She wants a zeppelin demo.")  # fmt: skip


def everything(store: Store) -> list[Record]:
    return [*store.people(), *store.learnings(), *store.interactions(), *store.outreach()]


@pytest.fixture
def cached(journal_dir: Path) -> Store:
    """A journal whose search cache was built (as the app or the first search leaves it)."""
    store = Store.open(journal_dir)
    store.add(ANN, OLD, KEPT, TALK)
    rebuild_index(store, everything(store))
    assert cache_path(store).exists()
    return store


@pytest.mark.parametrize(
    ("word", "edits"),
    [("lee", 0), ("ann", 0), ("gold", 1), ("asante", 1), ("hamburg", 2), ("schenker", 2)],
)
def test_typos_forgiven_grow_with_the_word(word: str, edits: int) -> None:
    assert typo_distance(word) == edits


def test_three_letter_words_never_match_another_word_one_edit_away() -> None:
    people = [Person.create(name="Bo Lin"), Person.create(name="Al Tam")]
    index = SearchIndex.build(people)
    assert index.search("lim ") == [] and index.search("tim ") == []
    assert index.search("lin ") == [people[0].id]


def test_a_record_saved_after_the_build_is_found_with_typos_in_this_process(
    cached: Store,
) -> None:
    live = LiveIndex(SearchIndex.load(cache_path(cached)) or SearchIndex.build([]), everything(cached))
    cached.add(Person.create(name="Kwabena Asante", org="Maersk"))
    live.update(everything(cached))
    found = [cached.get(Person, i) for i in live.search("Asantee")]
    assert [p.name for p in found if p] == ["Kwabena Asante"]
    assert live.search("Mearsk") == live.search("asante kwabena")  # a swap; any word order
    assert live.pending == 1  # the cache was not rebuilt: one record indexed aside


def test_another_process_s_saves_are_found_reading_only_the_changed_shards(
    cached: Store, journal_dir: Path
) -> None:
    other = Store.open(journal_dir)
    added = other.added(Person.create(name="Hannah Fischer", org="Schenker", met_via="Hamburg"))
    other.update(other.get(Learning, OLD.id).edit(title="Forklift drones"))
    other.delete(other.get(Interaction, TALK.id))
    cache_before = cache_path(cached).stat().st_mtime_ns

    fresh = Store.open(journal_dir)
    live = open_cached(fresh)
    assert live is not None
    assert live.search("Hamburgh") == [added.id] == live.search("Schenkr")
    assert live.search("forklfit") == [OLD.id]  # the edit, with a typo
    assert OLD.id not in live.search("pallet")  # the old words are gone
    assert live.search("zeppelin") == []  # deleted
    assert live.record(fresh, added.id) == added
    assert live.record(fresh, OLD.id).title == "Forklift drones"  # type: ignore[union-attr]
    # Only the shards that changed were read; the cache is still the one written before.
    assert cache_path(fresh).stat().st_mtime_ns == cache_before
    read = {
        f"{name}/{shard.name}" for name, table in fresh.tables.items()
        for shard in table.shards.values() if shard.loaded
    }  # fmt: skip
    assert read == {"people/" + added.created[:7], "learnings/2024-01", "interactions/2025-06"}
    assert live.search("spoilage") == [KEPT.id]  # from the shard left unread


def test_an_unchanged_journal_reads_no_shard_to_search(cached: Store, journal_dir: Path) -> None:
    fresh = Store.open(journal_dir)
    live = open_cached(fresh)
    assert live is not None and live.pending == 0
    assert live.search("zepelin") == [TALK.id]
    assert not any(s.loaded for t in fresh.tables.values() for s in t.shards.values())
    assert live.record(fresh, TALK.id) == TALK


def test_without_a_cache_there_is_nothing_to_open(journal_dir: Path) -> None:
    store = Store.open(journal_dir)
    store.add(ANN)
    assert open_cached(store) is None


def test_document_frequency_counts_records_holding_a_word_as_the_journal_is_now(
    cached: Store,
) -> None:
    live = LiveIndex(SearchIndex.load(cache_path(cached)) or SearchIndex.build([]), everything(cached))
    assert live.document_frequency("zeppelin") == 1
    assert live.document_frequency("pallet") == 1
    assert live.document_frequency("nowhere") == 0
    cached.add(Learning.create(date="2025-01-01", title="A zeppelin for pallets",
                               body="Airships carry pallet loads."))  # fmt: skip
    cached.update(cached.get(Learning, OLD.id).edit(title="Forklift drones", body="none"))
    live.update(everything(cached))
    assert live.document_frequency("zeppelin") == 2
    assert live.document_frequency("pallet") == 1  # the edit dropped it, the new one has it
    assert live.record_count == 5


def test_sync_takes_in_this_store_s_saves_and_what_a_refresh_read(
    cached: Store, journal_dir: Path
) -> None:
    live = LiveIndex(SearchIndex.load(cache_path(cached)) or SearchIndex.build([]), everything(cached))
    live.sync(cached)
    assert live.pending == 0
    kwabena = cached.added(Person.create(name="Kwabena Asante", org="Maersk"))
    live.sync(cached)  # as the app does after its own save
    assert live.search("asantee") == [kwabena.id]
    other = Store.open(journal_dir)
    other.delete(other.get(Interaction, TALK.id))
    other.update(other.get(Learning, OLD.id).edit(title="Forklift drones"))
    cached.refresh()  # the app's poll picks up the other process's saves
    live.sync(cached)
    assert live.search("zeppelin") == []
    assert live.search("forklfit") == [OLD.id] and OLD.id not in live.search("pallet")
    assert live.search("spoilage") == [KEPT.id] and live.pending == 3


def test_a_note_saved_since_does_not_push_the_person_named_down(cached: Store) -> None:
    live = LiveIndex(SearchIndex.load(cache_path(cached)) or SearchIndex.build([]), everything(cached))
    note = cached.added(Interaction.create(date="2026-11-02", person_ids=[ANN.id],
                                           summary="Lunch", notes="Ann Lee wants the deck."))  # fmt: skip
    namesake = cached.added(Person.create(name="Ann Leeds"))
    live.sync(cached)
    assert live.search("ann lee") == [ANN.id, namesake.id, note.id]


def test_crime_is_not_a_typo_of_time_for_who_would_you_ask() -> None:
    talk = Interaction.create(date="2026-11-02", person_ids=[ANN.id], summary="No time for novels")
    review = Learning.create(date="2026-11-03", title="Crime novels that sell")
    live = LiveIndex(SearchIndex.build([talk, review]), [talk, review])
    assert live.mentioning(["crime"]) == {review.id}
    assert live.mentioning(["crimes"]) == {review.id}  # one edit at six letters
    assert live.search("tme") == []  # three letters: no typo forgiven
