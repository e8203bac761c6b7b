"""`netjournal duplicates` and `netjournal merge KEEP OTHER [--dry-run] [--json]`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Person
from netjournal.core.store import Store
from tests.cli.support import RunCli, ok_json, one_line_error, snapshot
from tests.cli.table_text import read_table
from tests.cli.test_terminal_output import assert_safe, plant, planted


def anna_twice(journal_dir: Path) -> tuple[Person, Person, Interaction]:
    """Anna Smith from a business card, then again from the phone, and a talk with the second."""
    anna = Person.create(name="Anna Smith", org="Fabrikam", email=["anna@fabrikam.example"],
                         phone=["+49 30 1234567"], notes="Met at LogiMAT.")  # fmt: skip
    ana = Person.create(name="Ana Smith", org="Fabrikam", role="Head of Procurement",
                        phone=["030 1234567"], tags=["vip"])  # fmt: skip
    talk = Interaction.create(date=date(2026, 11, 2), person_ids=[ana.id], summary="Coffee")
    Store.open(journal_dir).add(anna, ana, talk, Person.create(name="Bob Stone"),
                                plan_outreach("follow-up", [ana]))  # fmt: skip
    return anna, ana, talk


def test_duplicates_lists_pairs_best_first_with_why(run_cli: RunCli, journal_dir: Path) -> None:
    anna, ana, _ = anna_twice(journal_dir)
    Store.open(journal_dir).add(Person.create(name="[bold]x[/", org="Contoso"),
                                Person.create(name="[bold]x[/", org="Contoso"))  # fmt: skip

    listed = ok_json(run_cli("duplicates", "--json"))
    text = run_cli("duplicates")

    assert [(p["keep"]["name"], p["other"]["name"]) for p in listed] == [
        ("Anna Smith", "Ana Smith"), ("[bold]x[/", "[bold]x[/")]  # fmt: skip
    assert listed[0]["keep"]["id"] == anna.id and listed[0]["other"]["id"] == ana.id
    assert [r["kind"] for r in listed[0]["reasons"]] == ["phone", "close-name"]
    assert text.returncode == 0 and text.stderr == ""
    lines = text.stdout.splitlines()
    assert lines[0] == "2 likely duplicates, best first:"
    rows = read_table("\n".join(lines[1:4]))  # under a header row: Keep, Other, Why
    assert rows[0]["Keep"] == f"Anna Smith (Fabrikam, {anna.id})"
    assert "similar names" in rows[0]["Why"]
    assert rows[1]["Keep"].startswith("[bold]x[/ (Contoso, ")  # literally
    assert "netjournal merge KEEP OTHER" in lines[-1]


def test_no_duplicates_says_so(run_cli: RunCli, journal_dir: Path) -> None:
    Store.open(journal_dir).add(Person.create(name="Ann Lee"), Person.create(name="Bob Stone"))

    assert ok_json(run_cli("duplicates", "--json")) == []
    assert run_cli("duplicates").stdout.startswith("No likely duplicates")


def test_merge_dry_run_prints_what_would_change_and_writes_nothing(
    run_cli: RunCli, journal_dir: Path
) -> None:
    anna, ana, talk = anna_twice(journal_dir)
    before = snapshot(journal_dir)

    result = run_cli("merge", "Anna Smith", "Ana Smith", "--dry-run")
    data = ok_json(run_cli("merge", anna.id, ana.id, "--dry-run", "--json"))

    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "Merging Ana Smith into Anna Smith would change:",
        f"  Anna Smith ({anna.id}) is kept; Ana Smith ({ana.id}) is removed.",
        "  name: Anna Smith (kept; the other had Ana Smith)",
        "  role: Head of Procurement (the other's; was (empty))",
        "  tags: vip (both)",
        "  emails: anna@fabrikam.example (both)",
        "  phones: +49 30 1234567 (both)",  # one number, written two ways
        "  notes: Met at LogiMAT. (both)",
        f"  interaction 2026-11-02 'Coffee' ({talk.id}): now with Anna Smith",
        f"  plan 'Follow up with Ana Smith' ({data['moved'][1]['id']}): now with Anna Smith, "
        "retitled 'Follow up with Anna Smith'",
        "Nothing was changed (a dry run).",
    ]
    assert data["dry_run"] is True and data["kept"]["role"] == "Head of Procurement"
    assert data["removed"] == {"id": ana.id, "name": "Ana Smith"}
    assert snapshot(journal_dir) == before  # not even rewritten


def test_merge_saves_the_kept_record_and_moves_everything(
    run_cli: RunCli, journal_dir: Path
) -> None:
    anna, ana, talk = anna_twice(journal_dir)

    data = ok_json(run_cli("merge", anna.id, "Ana Smith", "--json"))

    store = Store.open(journal_dir)
    kept = store.get(Person, anna.id)
    # As `list people --json` has them: last seen in the talk that was the other's.
    assert kept is not None
    assert {**kept.to_dict(), "last_contact": talk.date.isoformat()} == data["kept"]
    assert store.get(Person, ana.id) is None
    assert store.get(Interaction, talk.id).person_ids == (anna.id,)  # type: ignore[union-attr]
    assert [m["change"] for m in data["moved"]] == [
        "now with Anna Smith", "now with Anna Smith, retitled 'Follow up with Anna Smith'"]  # fmt: skip
    assert ok_json(run_cli("duplicates", "--json")) == []


def test_merge_says_what_it_did(run_cli: RunCli, journal_dir: Path) -> None:
    anna_twice(journal_dir)

    result = run_cli("merge", "Anna Smith", "Ana Smith")

    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.splitlines()[-1] == (
        "Merged Ana Smith into Anna Smith: 1 interaction and 1 plan moved.")  # fmt: skip


def test_bad_merges_are_one_sentence_and_change_nothing(run_cli: RunCli, journal_dir: Path) -> None:
    anna, ana, talk = anna_twice(journal_dir)
    before = snapshot(journal_dir)

    assert "cannot be merged with themselves" in one_line_error(
        run_cli("merge", "Anna Smith", anna.id))  # fmt: skip
    assert "No person matches 'Nobody Here'" in one_line_error(
        run_cli("merge", "Anna Smith", "Nobody Here"))  # fmt: skip
    said = one_line_error(run_cli("merge", talk.id, "Anna Smith", "--json"))
    assert f"'{talk.id}' is an interaction ('Coffee'), not a person" in said
    assert "matches more than one person" in one_line_error(run_cli("merge", "Smith", "Bob"))

    assert snapshot(journal_dir) == before
    assert json.loads(run_cli("list", "people", "--json").stdout)[0]["id"] in (anna.id, ana.id)


def test_names_edited_by_hand_to_hold_escapes_print_safely(
    run_cli: RunCli, journal_dir: Path
) -> None:
    anna, ana, _ = anna_twice(journal_dir)
    plant(journal_dir, anna, name=planted("Anna Smith"), org=planted("Fabrikam"))
    plant(journal_dir, ana, role=planted("Head of Procurement"))

    for args in (("duplicates",), ("merge", anna.id, ana.id, "--dry-run")):
        result = run_cli(*args)
        assert result.returncode == 0, result.stderr
        assert_safe(result.stdout + result.stderr)
        assert "Head" in result.stdout or "Anna" in result.stdout
