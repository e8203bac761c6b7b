"""`netjournal search QUERY [--limit N] [--json]`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import RunCli, added_id, ok_json, prepare


@pytest.fixture
def journal(journal_dir: Path) -> dict[str, str]:
    """A small journal; the ids of its records by a short name."""
    body = "Autonomous forklifts everywhere; three vendors ship now."
    commands = {
        "ann": ("add", "person", "Ann Lee", "--org", "Acme", "--interest", "sailing"),
        "jurgen": ("add", "person", "Jürgen Müller", "--expertise", "cold chain"),
        "learning": ("add", "learning", "Pallet robots are here", "-m", body),
        "talk": ("log", "ann", "-m", "Warehouse automation budget for 2027"),
        "plan": ("add", "outreach", "introduce", "--to", "ann", "jurgen", "--reason", "x"),
        "sailing": ("add", "learning", "Sailing clubs are where deals happen"),
    }
    return {name: prepare(journal_dir, *args) for name, args in commands.items()}


def test_search_finds_words_in_a_learning_body(run_cli: RunCli, journal: dict[str, str]) -> None:
    hits = ok_json(run_cli("search", "forklifts", "--json"))

    assert [(h["type"], h["id"]) for h in hits] == [("learning", journal["learning"])]
    (hit,) = hits
    assert list(hit) == ["type", "id", "title", "score", "snippet"]
    assert hit["title"] == "Pallet robots are here"
    assert isinstance(hit["score"], int | float)
    assert "forklifts" in hit["snippet"]


def test_search_finds_words_in_an_interaction_summary(
    run_cli: RunCli, journal: dict[str, str]
) -> None:
    hits = ok_json(run_cli("search", "automation", "--json"))

    assert [(h["type"], h["id"]) for h in hits] == [("interaction", journal["talk"])]
    assert hits[0]["title"] == "Warehouse automation budget for 2027"
    assert "automation" in hits[0]["snippet"]


def test_search_ignores_case_accents_and_word_order(
    run_cli: RunCli, journal: dict[str, str]
) -> None:
    assert journal["jurgen"] in [h["id"] for h in ok_json(run_cli("search", "MULLER", "--json"))]
    hits = ok_json(run_cli("search", "everywhere Forklifts", "--json"))
    assert [h["id"] for h in hits] == [journal["learning"]]


def test_search_ranks_best_first_and_limit_keeps_the_best(
    run_cli: RunCli, journal: dict[str, str]
) -> None:
    hits = ok_json(run_cli("search", "sailing", "--json"))

    # The learning about sailing beats the person who merely lists it as an interest.
    assert [h["id"] for h in hits] == [journal["sailing"], journal["ann"]]
    assert hits[0]["score"] > hits[1]["score"]
    assert ok_json(run_cli("search", "sailing", "--limit", "1", "--json")) == hits[:1]
    several = ok_json(run_cli("search", "ann", "--json"))
    assert {journal["ann"], journal["plan"]} <= {h["id"] for h in several}
    scores = [h["score"] for h in several]
    assert scores == sorted(scores, reverse=True)
    assert len(ok_json(run_cli("search", "ann", "--limit", "1", "--json"))) == 1


def test_search_with_no_match_prints_an_empty_array(
    run_cli: RunCli, journal: dict[str, str]
) -> None:
    result = run_cli("search", "zeppelin", "--json")

    assert ok_json(result) == []
    assert result.stdout.strip() == "[]"
    plain = run_cli("search", "zeppelin")
    assert plain.returncode == 0
    assert "Nothing matches 'zeppelin'" in plain.stdout


def test_search_of_a_journal_that_does_not_exist_yet(run_cli: RunCli, journal_dir: Path) -> None:
    assert ok_json(run_cli("search", "anything", "--json")) == []
    assert not journal_dir.exists()


def test_searching_a_full_name_puts_that_person_first(run_cli: RunCli) -> None:
    ann = added_id(run_cli("add", "person", "Ann Lee"))
    added_id(run_cli("add", "person", "Bob Stone"))
    added_id(run_cli("add", "outreach", "introduce", "--to", "ann", "bob", "--reason", "robots"))

    hits = ok_json(run_cli("search", "Ann Lee", "--json"))

    assert hits[0]["id"] == ann
