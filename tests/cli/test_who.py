"""`netjournal who TOPIC`: whom to ask, best first, with reasons, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.support import RunCli, prepare, snapshot
from tests.cli.table_text import read_table


def test_who_ranks_the_expert_first_with_reasons(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee", "--expertise", "supplier risk")
    prepare(journal_dir, "add", "person", "Bob Stone", "--interest", "risk games")
    prepare(journal_dir, "add", "person", "Cy Ode", "--interest", "jazz")
    prepare(
        journal_dir, "log", "cy", "-m", "Talked about supplier risk in Asia", "--date", "2026-03-02"
    )
    before = snapshot(journal_dir)
    result = run_cli("who", "supplier risk", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    # Bob's "risk games" holds only the commoner half of the topic: not listed (issue 15).
    assert [entry["name"] for entry in found] == ["Ann Lee", "Cy Ode"]
    assert found[0]["reasons"] == ["expertise: supplier risk"]
    assert found[1]["reasons"] == ["talked about it on 2026-03-02"]
    assert set(found[0]) == {"id", "name", "score", "reasons"}
    assert found[0]["score"] > found[1]["score"] > 0
    text = run_cli("who", "supplier risk")
    assert read_table(text.stdout)[0]["Name"] == "Ann Lee"
    after = {
        path: state
        for path, state in snapshot(journal_dir).items()
        if not path.startswith(".cache/")
    }
    assert after == before  # asking changes nothing in the journal (the search cache may appear)


def test_who_with_nobody_matching_says_so(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee", "--expertise", "supplier risk")
    assert json.loads(run_cli("who", "quantum", "--json").stdout) == []
    result = run_cli("who", "quantum")
    assert result.returncode == 0
    assert "Nobody in your journal is linked to 'quantum' yet." in result.stdout
