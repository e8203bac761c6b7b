"""`/?topic` counts talks and shared learnings in bulk; it must rank exactly as `who` does
record by record: same people, same order, same scores, same reasons."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from netjournal.core.records import Interaction, Learning, Person
from netjournal.core.search_index import LiveIndex, SearchIndex
from netjournal.core.topic_counts import TalkBook
from netjournal.core.who import rank_people_for

WORDS = ["battery", "batteries", "cold", "chain", "pricing", "robots", "pallet", "kubernetes",
         "risk", "supply", "jazz", "opera", "operations"]  # fmt: skip
TOPICS = ["battery", "bat", "cold chain", "supply chain risk", "pallet robots", "opera",
          "kubernets", "pricing battery cold"]  # fmt: skip
PEOPLE = [
    Person.create(name=f"Person {n}", interests=WORDS[n % len(WORDS)], role=WORDS[(n * 5) % 13])
    for n in range(8)
]
START = date(2026, 1, 1)

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
learnings = st.lists(
    st.builds(lambda title, day: Learning.create(title=title, date=START + timedelta(days=day)),
              texts, st.integers(0, 30)),
    max_size=6,
)  # fmt: skip


@st.composite
def journals(draw: st.DrawFn) -> tuple[list[Interaction], list[Learning]]:
    found = draw(learnings)
    talks = []
    for _ in range(draw(st.integers(0, 14))):
        people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3, unique=True))
        carried = draw(st.lists(st.sampled_from(found), max_size=2, unique=True)) if found else []
        talks.append(
            Interaction.create(
                date=START + timedelta(days=draw(st.integers(0, 30))),  # same days: ties
                person_ids=[p.id for p in people],
                summary=draw(texts),
                learning_ids=[x.id for x in carried],
            )
        )
    return talks, found


def picture(found: list) -> list[tuple[str, float, list[str], bool]]:
    return [(e.person.id, e.score, e.reasons, e.whole) for e in found]


@settings(max_examples=60, deadline=None)
@given(journals(), st.sampled_from(TOPICS))
def test_counting_in_bulk_ranks_exactly_as_record_by_record(
    journal: tuple[list[Interaction], list[Learning]], topic: str
) -> None:
    talks, found = journal
    index = LiveIndex(SearchIndex.build([*PEOPLE, *talks, *found]), [*PEOPLE, *talks, *found])
    by_id = {p.id: p for p in PEOPLE}
    talks_by_id, learnings_by_id = {t.id: t for t in talks}, {x.id: x for x in found}
    one_by_one = rank_people_for(topic, PEOPLE, talks, found, mentioning=index.mentioning)
    in_bulk = rank_people_for(
        topic, by_id, talks_by_id, learnings_by_id, mentioning=index.mentioning,
        book=TalkBook(talks),
    )  # fmt: skip
    assert picture(in_bulk) == picture(one_by_one)


def test_the_reason_names_the_latest_talk_and_the_learning_shared_last() -> None:
    ann = Person.create(name="Ann Lee")
    older = Learning.create(title="Battery recycling", date="2026-01-01")
    newer = Learning.create(title="Battery passports", date="2026-02-01")
    talks = [
        Interaction.create(date="2026-03-01", person_ids=[ann.id], summary="battery prices",
                           learning_ids=[older.id]),
        Interaction.create(date="2026-03-09", person_ids=[ann.id], summary="battery swaps",
                           learning_ids=[newer.id]),
        Interaction.create(date="2026-02-01", person_ids=[ann.id], summary="lunch"),
    ]  # fmt: skip
    records = [ann, *talks, older, newer]
    index = LiveIndex(SearchIndex.build(records), records)
    found = rank_people_for(
        "battery", {ann.id: ann}, {t.id: t for t in talks}, {older.id: older, newer.id: newer},
        mentioning=index.mentioning, book=TalkBook(talks),
    )  # fmt: skip
    assert found[0].reasons == [
        "talked about it on 2026-03-09 (and 1 more time)",
        "you shared 'Battery passports' with them (and 1 more)",
    ]


def test_a_save_that_changes_no_talk_keeps_the_book_and_a_new_talk_renews_it(
    tmp_path: Path,
) -> None:
    from netjournal.core.snapshot import JournalSnapshot
    from netjournal.core.store import Store
    from netjournal.core.topic_counts import book_for

    store = Store.open(tmp_path / "journal")
    ann = Person.create(name="Ann Lee")
    store.add(ann, Interaction.create(date="2026-03-01", person_ids=[ann.id], summary="battery"))
    first = book_for(JournalSnapshot.load(store))
    store.add(Person.create(name="Bob Stone"))
    assert book_for(JournalSnapshot.load(store)) is first
    store.add(Interaction.create(date="2026-03-02", person_ids=[ann.id], summary="pricing"))
    renewed = book_for(JournalSnapshot.load(store))
    assert renewed is not first and len(renewed.position) == 2
