"""`netjournal search` understands the app's grammar (p: j: o: i: @tag) and agrees with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from netjournal.core.finding import find
from netjournal.core.search_index import open_index
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.suggest import share_candidates
from tests.cli.support import RunCli, ok_json, prepare
from tests.cli.table_text import read_table


@pytest.fixture
def journal(journal_dir: Path) -> dict[str, str]:
    """A journal where "sailing" is in many records but tags only two; ids by short name."""
    commands = {
        "okafor": ("add", "person", "Chidi Okafor", "--interest", "sailing"),
        "ann": ("add", "person", "Ann Lee", "--tag", "sailing"),
        "clubs": ("add", "learning", "Sailing clubs are where deals happen"),
        "race": ("add", "learning", "Offshore racing budgets", "--tag", "sailing",
                 "-m", "Okafor said the clubs fund it."),
        "talk": ("log", "okafor", "-m", "Okafor on sailing sponsors"),
        "plan": ("add", "outreach", "follow-up", "--to", "okafor"),
    }  # fmt: skip
    return {name: prepare(journal_dir, *args) for name, args in commands.items()}


def kinds_and_ids(hits: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(hit["type"], hit["id"]) for hit in hits]


@pytest.mark.parametrize("query", ["p: okafor", "p:okafor", "P:Okafor"])
def test_p_returns_people_only(run_cli: RunCli, journal: dict[str, str], query: str) -> None:
    hits = ok_json(run_cli("search", query, "--json"))

    assert kinds_and_ids(hits) == [("person", journal["okafor"])]
    assert list(hits[0]) == ["type", "id", "title", "score", "snippet"]
    assert hits[0]["title"] == "Chidi Okafor"


def test_p_lists_people_only_as_text_too(run_cli: RunCli, journal: dict[str, str]) -> None:
    result = run_cli("search", "p: okafor")

    assert result.returncode == 0, result.stderr
    assert [row["Type"] for row in read_table(result.stdout)] == ["person"]
    assert "Chidi Okafor" in result.stdout and journal["okafor"] in result.stdout


def test_a_tag_returns_only_records_tagged_so(run_cli: RunCli, journal: dict[str, str]) -> None:
    hits = ok_json(run_cli("search", "@sailing", "--json"))

    # Newest first: only filters, no words. Okafor's interest, the untagged learning, the
    # talk and the plan all say "sailing" but carry no such tag.
    assert kinds_and_ids(hits) == [("learning", journal["race"]), ("person", journal["ann"])]
    assert ok_json(run_cli("search", "@sail", "--json")) == hits  # a tag is matched by its start
    both = ok_json(run_cli("search", "clubs @sailing", "--json"))
    assert kinds_and_ids(both) == [("learning", journal["race"])]
    assert ok_json(run_cli("search", "@zeppelin", "--json")) == []


def test_j_returns_learnings_only(run_cli: RunCli, journal: dict[str, str]) -> None:
    hits = ok_json(run_cli("search", "j: sailing", "--json"))
    assert {hit["type"] for hit in hits} == {"learning"}
    assert {hit["id"] for hit in hits} == {journal["clubs"], journal["race"]}
    body = ok_json(run_cli("search", "j: okafor", "--json"))
    assert kinds_and_ids(body) == [("learning", journal["race"])]  # found in its body


def test_o_and_i_return_outreach_and_interactions(run_cli: RunCli, journal: dict[str, str]) -> None:
    assert kinds_and_ids(ok_json(run_cli("search", "o: okafor", "--json"))) == [
        ("outreach", journal["plan"])
    ]
    assert kinds_and_ids(ok_json(run_cli("search", "i: sailing", "--json"))) == [
        ("interaction", journal["talk"])
    ]


def test_filters_alone_list_the_newest_of_that_kind(
    run_cli: RunCli, journal: dict[str, str]
) -> None:
    hits = ok_json(run_cli("search", "p:", "--json"))
    assert kinds_and_ids(hits) == [("person", journal["ann"]), ("person", journal["okafor"])]
    assert len(ok_json(run_cli("search", "p:", "--limit", "1", "--json"))) == 1


@pytest.mark.parametrize(
    "query", ["okafor", "sailing", "p: okafor", "j: sailing", "@sailing", "clubs @sailing", "i:"]
)
def test_the_cli_and_the_app_find_the_same(
    run_cli: RunCli, journal_dir: Path, journal: dict[str, str], query: str
) -> None:
    cli = ok_json(run_cli("search", query, "--limit", "200", "--json"))
    # What the app's `/` runs: the journal's snapshot and its index (the cache the CLI left).
    store = Store.open(journal_dir)
    snapshot = JournalSnapshot.load(store)
    index = open_index(store, snapshot.records(), save=False)
    app = find(snapshot, query, index)
    assert cli == [hit.to_dict() for hit in app]
    assert cli  # every query here finds something
    # Before the app's index is built it scans: the same records.
    assert {hit["id"] for hit in cli} == {hit.id for hit in find(snapshot, query)}


def test_suggest_and_the_share_screen_offer_the_same_people(
    run_cli: RunCli, journal_dir: Path
) -> None:
    prepare(journal_dir, "add", "person", "Priya Raman", "--need", "payback under three years")
    prepare(journal_dir, "add", "person", "Yuki Tanaka", "--expertise", "pallet robots")
    prepare(journal_dir, "add", "person", "Dan Wu", "--interest", "jazz")
    prepare(journal_dir, "add", "person", "Ada Kim", "--interest", "opera")
    learning = prepare(journal_dir, "add", "learning", "Pallet robots cut picking time",
                       "-m", "Payback in under three years.")  # fmt: skip
    prepare(journal_dir, "log", "yuki", "-m", "Sent the article", "--shared", "pallet robots")
    prepare(journal_dir, "add", "outreach", "share", "--to", "dan", "--learning", "pallet")

    cli = ok_json(run_cli("suggest", "pallet robots", "--json"))

    snapshot = JournalSnapshot.load(Store.open(journal_dir))
    core = share_candidates(snapshot, snapshot.learnings[learning])
    assert cli == [entry.to_dict() for entry in core]
    # The share screen lists everyone: the same people in the same order, Ada (no fit) between.
    screen = share_candidates(snapshot, snapshot.learnings[learning], everyone=True)
    assert [c.person.name for c in screen] == ["Priya Raman", "Ada Kim", "Yuki Tanaka", "Dan Wu"]
    # Dan (a share planned) fits nothing: the screen lists him, `suggest` does not (issue 15).
    assert [c.to_dict() for c in screen if c.reasons] == cli
    text = read_table(run_cli("suggest", "pallet robots").stdout)
    assert [row["Name"] for row in text] == ["Priya Raman", "Yuki Tanaka (has it)"]
