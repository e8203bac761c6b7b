"""One search for `/` and `netjournal search`: the grammar, the index or a scan, the filters."""

from __future__ import annotations

import pytest

from netjournal.core.finding import find, people_to_ask
from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.search_index import LiveIndex, SearchIndex
from tests.core.support import snapshot


def stamped(day: int) -> str:
    """An `updated` stamp on day `day` of November 2026: newer days sort first."""
    return f"2026-11-{day:02d}T09:00:00.000000Z"


OKAFOR = Person.create(name="Chidi Okafor", interests="sailing", updated=stamped(1))
ANN = Person.create(name="Ann Lee", tags="sailing, logimat", updated=stamped(2))
SAILS = Learning.create(date="2026-11-03", title="Sailing clubs are where deals happen",
                        updated=stamped(3))  # fmt: skip
RACE = Learning.create(date="2026-11-04", title="Offshore racing budgets", tags="sailing",
                       body="Okafor said clubs fund it.", updated=stamped(4))  # fmt: skip
TALK = Interaction.create(date="2026-11-05", person_ids=[OKAFOR.id],
                          summary="Okafor on sailing sponsors", updated=stamped(5))  # fmt: skip
PLAN = Outreach.create(kind="follow-up", person_ids=[OKAFOR.id],
                       title="Follow up with Okafor on sailing", updated=stamped(6))  # fmt: skip
ALL: list[Record] = [OKAFOR, ANN, SAILS, RACE, TALK, PLAN]


def live() -> LiveIndex:
    return LiveIndex(SearchIndex.build(ALL), ALL)


# Each query is run three ways: a snapshot with the index (the app), a list of records with
# the index (the CLI), and a plain scan (the app before its index is built).
WAYS = ("app", "cli", "scan")


def found(way: str, query: str, limit: int = 200) -> list[tuple[str, str]]:
    if way == "app":
        hits = find(snapshot(*ALL), query, live(), limit=limit)
    elif way == "cli":
        hits = find(ALL, query, live(), limit=limit)
    else:
        hits = find(snapshot(*ALL), query, None, limit=limit)
    return [(hit.type, hit.id) for hit in hits]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("query", ["p: okafor", "p:okafor", "P: Okafor "])
def test_p_keeps_people_only(way: str, query: str) -> None:
    assert found(way, query) == [("person", OKAFOR.id)]


@pytest.mark.parametrize("way", WAYS)
def test_j_keeps_learnings_only(way: str) -> None:
    assert {hit for hit in found(way, "j: sailing")} == {("learning", SAILS.id),
                                                         ("learning", RACE.id)}  # fmt: skip
    assert found(way, "j: okafor") == [("learning", RACE.id)]  # in its body


@pytest.mark.parametrize("way", WAYS)
def test_o_and_i_keep_outreach_and_interactions(way: str) -> None:
    assert found(way, "o: okafor") == [("outreach", PLAN.id)]
    assert found(way, "i: okafor") == [("interaction", TALK.id)]
    assert {kind for kind, _ in found(way, "p: i: okafor")} == {"person", "interaction"}


@pytest.mark.parametrize("way", WAYS)
def test_a_tag_keeps_only_records_tagged_so(way: str) -> None:
    # "sailing" is in Okafor's interests, a title, a talk and a plan: none of them is tagged.
    assert {hit for hit in found(way, "@sailing")} == {("person", ANN.id), ("learning", RACE.id)}
    assert found(way, "@sail") == found(way, "@sailing")  # a tag is matched by its start
    assert found(way, "budgets @sailing") == [("learning", RACE.id)]
    assert found(way, "clubs @sailing") == [("learning", RACE.id)]  # SAILS is untagged
    assert found(way, "p: @logimat") == [("person", ANN.id)]
    assert found(way, "@nothing") == []


@pytest.mark.parametrize("way", WAYS)
def test_only_filters_list_the_newest_records_that_pass_them(way: str) -> None:
    assert found(way, "p:") == [("person", ANN.id), ("person", OKAFOR.id)]
    assert found(way, "j:") == [("learning", RACE.id), ("learning", SAILS.id)]
    assert found(way, "@sailing") == [("learning", RACE.id), ("person", ANN.id)]
    assert found(way, "p: j:", limit=3) == [
        ("learning", RACE.id),
        ("learning", SAILS.id),
        ("person", ANN.id),
    ]


@pytest.mark.parametrize("way", WAYS)
def test_nothing_asked_finds_nothing(way: str) -> None:
    assert found(way, "") == []
    assert found(way, "   ") == []
    assert found(way, "zeppelin") == []


def test_the_app_and_the_cli_get_the_same_results_in_the_same_order() -> None:
    for query in ("okafor", "sailing", "p: okafor", "j: sailing", "@sailing", "clubs @sailing"):
        app = find(snapshot(*ALL), query, live())
        cli = find(ALL, query, live())
        assert app == cli, query
        # The CLI's --limit keeps the app's first results.
        assert [hit.id for hit in find(ALL, query, live(), limit=2)] == [
            hit.id for hit in app[:2]
        ], query


def test_scores_run_from_100_down_and_snippets_show_the_word() -> None:
    hits = find(ALL, "okafor", live())
    scores = [hit.score for hit in hits]
    assert scores[0] == 100.0
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)
    (learning,) = [hit for hit in hits if hit.type == "learning"]
    assert "Okafor" in learning.snippet
    assert list(hits[0].to_dict()) == ["type", "id", "title", "score", "snippet"]


def test_a_record_saved_after_the_index_was_built_is_found_with_the_filters() -> None:
    fresh = Person.create(name="Zoë Okafor", tags="sailing", updated=stamped(7))
    index = LiveIndex(SearchIndex.build(ALL), [*ALL, fresh])
    hits = find(snapshot(*ALL, fresh), "p: okafor @sail", index)
    assert [hit.id for hit in hits] == [fresh.id]


def test_people_to_ask_ranks_people_with_the_reasons_as_snippet() -> None:
    hits = people_to_ask(snapshot(*ALL), "sailing sponsors")
    # Both people list sailing: it tells them apart less than "sponsors", which only the talk
    # holds, so Ann ("tags: sailing") holds too little of the topic to be listed.
    assert [(hit.type, hit.id) for hit in hits] == [("person", OKAFOR.id)]
    assert hits[0].snippet == "talked about it on 2026-11-05"
    assert [hit.snippet for hit in people_to_ask(snapshot(*ALL), "sailing")] == [
        "interests: sailing; talked about it on 2026-11-05", "tags: sailing"]  # fmt: skip
    assert people_to_ask(snapshot(*ALL), "  ") == []
    with_index = people_to_ask(snapshot(*ALL), "sailing sponsors", live())
    assert with_index == hits


def test_a_filter_only_result_has_a_one_line_snippet() -> None:
    # A record's text holds a field per line; a result row at the shell must not break.
    hits = find([ANN, OKAFOR, RACE, SAILS], "p:")
    assert hits and all("\n" not in hit.snippet and hit.snippet for hit in hits)
