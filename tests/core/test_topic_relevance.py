"""Who would you ask, and whom to share with, without overreach (issue 15): the phrase holder
first, rare words over common ones, typos only as long as the word allows, nobody without a
reason or below the floor. Each `who` case is asked with the search index and by a scan."""

from __future__ import annotations

from datetime import date

import pytest

from netjournal.core.demo import build_demo
from netjournal.core.finding import people_to_ask
from netjournal.core.records import Interaction, Learning, Person, Record
from netjournal.core.search_index import LiveIndex, SearchIndex
from netjournal.core.share_picks import best_to_share
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.suggest import share_candidates
from netjournal.core.who import FLOOR
from tests.core.support import snapshot

CARMEN = Person.create(name="Carmen Díaz", expertise="cold chain")
HIRO = Person.create(name="Hiro Sato", org="Supply Chain Podcast", role="Host")
TARA = Person.create(name="Tara Singh", role="Chief Supply Chain Officer")
GWEN = Person.create(name="Gwen Porter", interests="crime novels")
ANN = Person.create(name="Ann Lee", department="Supply Chain")
TIMO = Person.create(name="Timo Aho", expertise="time management")
PICKING = Learning.create(date="2026-11-16", title="Pallet robots cut picking time by a third")
SENT = Interaction.create(date="2026-11-17", person_ids=[ANN.id], summary="Sent the robots piece",
                          learning_ids=[PICKING.id])  # fmt: skip
# "network" is everywhere in this journal; "robotics" is rare.
NETWORKERS = [Person.create(name=f"Net {n}", department="Network Operations") for n in range(6)]
RIA = Person.create(name="Ria Roboter", expertise="robotics")
NED = Person.create(name="Ned Netz", expertise="network")
JURGEN_TALK = Interaction.create(date="2026-10-02", person_ids=[GWEN.id], summary="Lunch",
                                 notes="Jürgen Groß from Zürich on customs brokers")  # fmt: skip
DORDE = Person.create(name="Đorđe Petrović", expertise="Zürich customs")

ALL: list[Record] = [CARMEN, HIRO, TARA, GWEN, ANN, TIMO, PICKING, SENT, *NETWORKERS, RIA, NED,
                     JURGEN_TALK, DORDE]  # fmt: skip


def asked(topic: str, way: str) -> list[tuple[str, float, str]]:
    journal = snapshot(*ALL)
    index = LiveIndex(SearchIndex.build(ALL), ALL) if way == "index" else None
    return [(hit.title, hit.score, hit.snippet) for hit in people_to_ask(journal, topic, index)]


WAYS = ("index", "scan")


@pytest.mark.parametrize("way", WAYS)
def test_a_phrase_topic_ranks_the_phrase_holder_first(way: str) -> None:
    found = asked("cold chain", way)
    assert found[0][:1] == ("Carmen Díaz",) and found[0][2] == "expertise: cold chain"
    # "chain" alone (an org, a role, a department) is the common half of the topic.
    assert "Hiro Sato" not in [name for name, _, _ in found]
    assert {name for name, _, _ in asked("supply chain", way)} == {
        "Hiro Sato", "Tara Singh", "Ann Lee"}  # fmt: skip


@pytest.mark.parametrize("way", WAYS)
def test_crime_is_not_a_typo_of_time_but_long_words_forgive_typos(way: str) -> None:
    assert [name for name, _, _ in asked("crime novels", way)] == ["Gwen Porter"]
    assert asked("crime", way) == [("Gwen Porter", asked("crime", way)[0][1],
                                    "interests: crime novels")]  # fmt: skip
    assert [name for name, _, _ in asked("cold chian", way)][:1] == ["Carmen Díaz"]  # 5 letters: 1
    assert asked("tme", way) == []  # three letters: no typo forgiven


@pytest.mark.parametrize("way", WAYS)
def test_a_rare_word_outweighs_a_common_one(way: str) -> None:
    found = [name for name, _, _ in asked("network robotics", way)]
    assert found[0] == "Ria Roboter"
    assert "Ned Netz" not in found[:1]
    assert not {p.name for p in NETWORKERS} & set(found)  # "network" alone: too little


@pytest.mark.parametrize("way", WAYS)
def test_transliterated_names_and_places_are_still_found(way: str) -> None:
    assert [(n, s) for n, _, s in asked("zurich", way)] == [
        ("Đorđe Petrović", "expertise: Zürich customs"),
        ("Gwen Porter", "talked about it on 2026-10-02"),
    ]
    assert [n for n, _, _ in asked("jurgen gross", way)] == ["Gwen Porter"]


def test_whom_to_share_with_weighs_rare_words_more() -> None:
    learning = Learning.create(date="2026-11-20", title="Robotics on the network",
                               body="What a robot fleet needs from the network.")  # fmt: skip
    ria = Person.create(name="Ria", expertise="robotics safety")
    ned = Person.create(name="Ned", expertise="network safety")
    journal = snapshot(learning, ria, ned, *NETWORKERS)
    found = share_candidates(journal, learning)
    assert [(c.person.name, c.reasons) for c in found] == [("Ria", ("expertise: robotics safety",))]


@pytest.fixture
def demo(store: Store) -> JournalSnapshot:
    build_demo(store, date(2026, 11, 30))
    return JournalSnapshot.load(store)


def test_nobody_is_offered_without_a_reason_or_below_the_floor(demo: JournalSnapshot) -> None:
    offered = 0
    for learning in demo.learnings.values():
        found = share_candidates(demo, learning)
        offered += len(found)
        assert all(c.reasons and c.score > 0 for c in found), learning.title
        picked = best_to_share(share_candidates(demo, learning, everyone=True))
        assert set(picked) <= {c.person.id for c in found if not (c.has_it or c.planned)}
    assert offered  # the demo's learnings fit someone
    topics = ["cold chain", "supply chain risk", "network", "pallet robots", "kubernetes"]
    for topic in topics:
        for hit in people_to_ask(demo, topic):
            assert hit.snippet and hit.score >= FLOOR, (topic, hit)
