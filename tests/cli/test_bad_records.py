"""A hand-edited bad record: reading commands warn and show the rest, writes to its file refuse.

Every command here runs as a real subprocess on a journal whose record was edited by hand
(tests/core/hand_edits.py). No traceback, and the bad file is unchanged byte for byte.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from netjournal.core.records import Person, Record
from netjournal.core.store import Store
from tests.cli.support import RunCli, one_line_error
from tests.core.hand_edits import CASES, Case, hand_edit, one_of_each

FIX = "fix or remove it (netjournal doctor lists every such record)."
LIST = {"people": "people", "interactions": "interactions", "learnings": "learnings",
        "outreach": "outreach"}  # fmt: skip
# A command that writes to the file of the bad record of each table (see one_of_each).
WRITE = {
    "people": ("add", "person", "Cleo Park"),
    "interactions": ("log", "Bob Stone", "-m", "Call", "--date", "2026-03-11"),
    "learnings": ("add", "learning", "Cobots", "--date", "2026-03-11"),
    "outreach": ("add", "outreach", "reconnect", "--to", "Bob Stone"),
}


def bad_journal(journal_dir: Path, case: Case) -> tuple[Record, Path, bytes]:
    records = one_of_each(Store.open(journal_dir))
    bad = records[case.table]
    path = hand_edit(journal_dir, bad, case.field, case.value)
    return bad, path, path.read_bytes()


def warned(result: subprocess.CompletedProcess[str], bad: Record, path: Path) -> None:
    """Exit 0, nothing but one warning line on stderr, naming the file and the record."""
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"netjournal: warning: {bad.TABLE}/{path.name}: record {bad.id} ")
    assert line.endswith(f"and was left out; {FIX}")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_list_shows_the_rest_and_warns_once(run_cli: RunCli, journal_dir: Path, case: Case) -> None:
    bad, path, before = bad_journal(journal_dir, case)
    result = run_cli("list", LIST[case.table], "--json")
    warned(result, bad, path)
    listed = {item["id"] for item in json.loads(result.stdout)}
    assert bad.id not in listed
    if case.table == "people":
        assert {item["name"] for item in json.loads(result.stdout)} == {"Bob Stone"}
    assert path.read_bytes() == before


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_write_to_the_bad_file_is_one_sentence_and_changes_nothing(
    run_cli: RunCli, journal_dir: Path, case: Case
) -> None:
    bad, path, before = bad_journal(journal_dir, case)
    line = one_line_error(run_cli(*WRITE[case.table]))
    assert line.startswith("netjournal: Nothing was saved: the change would rewrite ")
    assert f"{bad.TABLE}/{path.name}, and record {bad.id} there " in line
    assert case.said in line
    assert line.endswith(FIX)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ("list", "people"),
        ("list", "interactions"),
        ("search", "coffee"),
        ("review",),
        ("export", "json"),
        ("export", "markdown"),
        ("log", "Bob Stone", "-m", "Quick call"),  # today's interactions: another file
        ("who", "robots"),
        ("insights",),
    ],
    ids=lambda args: "-".join(args[:2]),
)
def test_commands_work_around_a_person_whose_name_is_a_number(
    run_cli: RunCli, journal_dir: Path, args: tuple[str, ...]
) -> None:
    bad, path, before = bad_journal(journal_dir, CASES[0])
    result = run_cli(*args)
    warned(result, bad, path)
    assert path.read_bytes() == before


def test_a_command_that_does_not_read_the_bad_file_says_nothing_of_it(
    run_cli: RunCli, journal_dir: Path
) -> None:
    bad_journal(journal_dir, CASES[0])
    result = run_cli("list", "learnings")  # reads are lazy: people are not read
    assert (result.returncode, result.stderr) == (0, "")
    assert "Robots pay back" in result.stdout


def test_adding_a_person_next_to_a_bad_one_is_refused_in_one_sentence(
    run_cli: RunCli, journal_dir: Path
) -> None:
    bad, path, before = bad_journal(journal_dir, CASES[0])
    line = one_line_error(run_cli("add", "person", "Cleo Park"))
    assert line == (
        f"netjournal: Nothing was saved: the change would rewrite people/{path.name}, and "
        f"record {bad.id} there has a 'name' field (123) that is not text; {FIX}"
    )
    assert path.read_bytes() == before
    assert [p.name for p in Store.open(journal_dir).people()] == ["Bob Stone"]


def test_doctor_lists_every_bad_record(run_cli: RunCli, journal_dir: Path) -> None:
    records = one_of_each(Store.open(journal_dir))
    hand_edit(journal_dir, records["people"], "created", 5)
    hand_edit(journal_dir, records["bob"], "tags", [1])
    hand_edit(journal_dir, records["outreach"], "due", "soon")
    result = run_cli("doctor")
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if line.startswith("problem")]
    assert len(problems) == 3, result.stdout
    for record, said in ((records["people"], "'created' field (5)"),
                         (records["bob"], "'tags' field ([1])"),
                         (records["outreach"], "'due' field ('soon')")):  # fmt: skip
        assert any(record.id in line and said in line for line in problems), problems


def test_a_look_alike_name_is_noted_as_a_namesake(run_cli: RunCli, journal_dir: Path) -> None:
    Store.open(journal_dir).add(Person.create(name="Ann Lee", org="Contoso"))
    result = run_cli("add", "person", "Ann L\u200bee")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Added Ann Lee (")
    assert "Ann Lee (Contoso," in result.stderr and "share the name" in result.stderr
    result = run_cli("add", "person", "Ann L\u200dee")  # a joiner stays, but folds away
    assert result.returncode == 2 and "Already in your journal" in result.stderr  # no org either
