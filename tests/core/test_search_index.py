"""The search index: typos, prefixes, any word order, every field; a cache; live changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.search_index import LiveIndex, SearchIndex, cache_path, open_index
from netjournal.core.store import Store

JURGEN = Person.create(name="Jürgen Müller", org="Fabrikam", expertise="kubernetes operators")
ANN = Person.create(name="Ann Lee", org="Contoso", interests="offshore sailing")
ANNA = Person.create(name="Anna Smith", role="Buyer")
ROBOTS = Learning.create(date="2026-03-01", title="Pallet robots cut picking time",
                         body="Three vendors showed autonomous movers.", tags="automation")  # fmt: skip
COLD = Learning.create(date="2026-02-01", title="Cold chain spoilage",
                       body="Alerts to drivers, not dashboards.")  # fmt: skip
FAIR = Interaction.create(date="2026-03-02", person_ids=[ANN.id], summary="Coffee at the stand",
                          event="LogiMAT 2027", notes="She wants a zeppelin demo.")  # fmt: skip
PLAN = Outreach.create(kind="follow-up", person_ids=[ANNA.id], title="Send Anna the tender")
RECORDS: list[Record] = [JURGEN, ANN, ANNA, ROBOTS, COLD, FAIR, PLAN]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(RECORDS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jurgen muller", JURGEN),  # accents typed without them
        ("jurgen mueler", JURGEN),  # one wrong letter
        ("mülller jürgen", JURGEN),  # a letter too many, words reordered
        ("kubernets", JURGEN),  # a typo in an expertise
        ("plalet robots", ROBOTS),  # two letters swapped
        ("robots pallet", ROBOTS),  # any order
        ("pall", ROBOTS),  # the word being typed is a prefix
        ("autonomous", ROBOTS),  # a word only in the body
        ("zeppelin", FAIR),  # a word only in an interaction's notes
        ("logimat", FAIR),  # an event's name
        ("tender", PLAN),  # an outreach title
        ("offshore sail", ANN),  # an interest, the last word a prefix
    ],
)
def test_the_record_meant_is_in_the_top_three(
    index: SearchIndex, query: str, expected: Record
) -> None:
    assert expected.id in index.search(query, limit=3)


def test_a_full_name_puts_that_person_before_titles_that_mention_them(index: SearchIndex) -> None:
    assert index.search("ann", limit=5)[0] == ANN.id
    assert index.search("anna smith", limit=5)[0] == ANNA.id


def test_a_title_that_starts_with_the_word_comes_before_talks_that_mention_it() -> None:
    talks = [Interaction.create(date="2026-03-02", person_ids=[ANN.id],
                                summary="Talked about pallet robots") for _ in range(12)]  # fmt: skip
    found = SearchIndex.build([*talks, ROBOTS, COLD]).search("pallet", limit=5)
    assert found[0] == ROBOTS.id
    assert set(found[1:]) <= {t.id for t in talks}


def test_short_words_are_not_typo_matched_and_nonsense_finds_nothing(index: SearchIndex) -> None:
    assert index.search("xqzv") == []
    assert index.search("cold chian spoilage", limit=3)[0] == COLD.id
    assert COLD.id in index.search("gold", limit=10)  # four letters: one typo forgiven
    assert ANN.id not in index.search("lea ", limit=10)  # three letters: none ("Lee")
    assert ANN.id in index.search("lee ", limit=10)
    assert index.search("   ") == []


def test_types_filter_the_results(index: SearchIndex) -> None:
    assert index.search("ann", types=["outreach"]) == [PLAN.id]


def test_the_cache_round_trips_and_a_damaged_cache_is_ignored(
    tmp_path: Path, index: SearchIndex
) -> None:
    path = tmp_path / "cache" / "search-index"
    path.parent.mkdir()
    path.write_bytes(b"".join(index.chunks()))
    loaded = SearchIndex.load(path)
    assert loaded is not None
    for query in ("jurgen", "pall", "zeppelin", "plalet robots"):
        assert loaded.search(query) == index.search(query)
    path.write_bytes(path.read_bytes()[:100])
    assert SearchIndex.load(path) is None
    path.write_bytes(b"not an index")
    assert SearchIndex.load(path) is None


def test_records_saved_after_the_build_are_found_and_deleted_ones_are_not(
    journal_dir: Path,
) -> None:
    store = Store.open(journal_dir)
    store.add(*RECORDS)
    live = open_index(
        store, store.people() + store.learnings() + store.interactions() + store.outreach()
    )
    assert cache_path(store).exists()
    # Another process adds, edits and deletes; a fresh process reuses the stale cache safely.
    other = Store.open(journal_dir)
    other.add(Person.create(name="Zoë Quantum", expertise="quantum sensors"))
    other.update(other.get(Learning, ROBOTS.id).edit(title="Forklift drones"))
    other.delete(other.get(Interaction, FAIR.id))
    fresh = Store.open(journal_dir)
    records = fresh.people() + fresh.learnings() + fresh.interactions() + fresh.outreach()
    live = open_index(fresh, records)
    assert isinstance(live, LiveIndex) and live.pending == 3
    assert [fresh.get(Person, i).name for i in live.search("quantum")] == ["Zoë Quantum"]
    assert live.search("forklift") == [ROBOTS.id]
    assert ROBOTS.id not in live.search("pallet")
    assert live.search("zeppelin") == []


@pytest.mark.parametrize(
    ("query", "name"),
    [("dorde petrovic", "Đorđe Petrović"), ("lukasz", "Łukasz Wróbel"), ("orsted", "Søren Ørsted"),
     ("strasse", "Grete Straße"), ("aesa", "Æsa Kjær"), ("petrovi", "Đorđe Petrović")],
)  # fmt: skip
def test_letters_that_do_not_decompose_are_found_typed_plain(query: str, name: str) -> None:
    people = [Person.create(name=n) for n in ("Đorđe Petrović", "Łukasz Wróbel", "Søren Ørsted",
                                              "Grete Straße", "Æsa Kjær")]  # fmt: skip
    found = SearchIndex.build(people).search(query)
    assert [p.name for p in people if p.id in found[:1]] == [name]
