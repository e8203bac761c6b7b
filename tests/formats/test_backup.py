"""The JSON backup: an exact copy of a journal, and a safe merge into one that has records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest

from netjournal.core.demo import build_demo
from netjournal.core.doctor import check_journal
from netjournal.core.records import Interaction, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.formats.backup import backup_bytes
from netjournal.formats.exporting import export_journal
from tests.cli.support import snapshot
from tests.formats.support import run_import, write

DAY = date(2026, 3, 14)


@pytest.fixture
def demo(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "demo")
    build_demo(store, DAY)
    return store


def every_record(folder: Path) -> dict[str, dict[str, dict[str, object]]]:
    journal = JournalSnapshot.load(Store.open(folder))
    return {
        "people": {i: r.to_dict() for i, r in journal.people.items()},
        "learnings": {i: r.to_dict() for i, r in journal.learnings.items()},
        "interactions": {i: r.to_dict() for i, r in journal.interactions.items()},
        "outreach": {i: r.to_dict() for i, r in journal.outreach.items()},
    }


def backup_of(store: Store) -> bytes:
    return export_journal(JournalSnapshot.load(store), "json", today=DAY).data


def test_a_backup_imported_into_an_empty_journal_is_the_same_journal(
    demo: Store, tmp_path: Path, journal_dir: Path
) -> None:
    path = tmp_path / "backup.json"
    path.write_bytes(backup_of(demo))

    report = run_import(Store.open(journal_dir), "json", path)

    original = every_record(demo.folder)
    assert every_record(journal_dir) == original  # same ids, stamps and fields, every record
    assert len(report.created) == sum(len(table) for table in original.values())
    assert report.skipped == [] and report.problems == []
    again = orjson.loads(backup_of(Store.open(journal_dir)))
    first = orjson.loads(path.read_bytes())
    assert {**again, "exported": ""} == {**first, "exported": ""}
    assert check_journal(journal_dir).healthy


def test_importing_the_backup_again_skips_everything_and_writes_nothing(
    demo: Store, tmp_path: Path
) -> None:
    path = tmp_path / "backup.json"
    path.write_bytes(backup_of(demo))
    before = snapshot(demo.folder)

    report = run_import(Store.open(demo.folder), "json", path)

    assert report.created == [] and report.updated == []
    assert {note.reason for note in report.skipped} == {"already in the journal"}
    assert {note.kind for note in report.skipped} == {
        "person",
        "learning",
        "interaction",
        "outreach",
    }
    assert snapshot(demo.folder) == before


def test_merging_into_a_journal_points_records_at_the_person_already_there(
    tmp_path: Path, journal_dir: Path
) -> None:
    theirs = Person.create(name="Ann Lee", email=["ann@acme.example"], role="CTO")
    talk = Interaction.create(date=DAY, person_ids=[theirs.id], summary="Robots")
    path = tmp_path / "backup.json"
    path.write_bytes(backup_bytes({"people": [theirs], "interactions": [talk]}))
    store = Store.open(journal_dir)
    mine = Person.create(name="Ann Lee", email=["ANN@acme.example"], notes="Mine")
    store.add(mine)

    report = run_import(store, "json", path)

    (ann,) = Store.open(journal_dir).people()
    assert (ann.id, ann.notes, ann.role) == (mine.id, "Mine", "CTO")
    (interaction,) = Store.open(journal_dir).interactions()
    assert interaction.id == talk.id and interaction.person_ids == (mine.id,)
    assert [note.kind for note in report.created] == ["interaction"]
    assert [note.name for note in report.updated] == ["Ann Lee"]
    assert check_journal(journal_dir).healthy


def test_bad_records_are_reported_and_the_rest_comes_in(tmp_path: Path, journal_dir: Path) -> None:
    good = Person.create(name="Good One").to_dict()
    data = {
        "app": "netjournal", "schema": 1,
        "people": [
            good,
            {**Person.create(name="x").to_dict(), "name": ""},
            {**Person.create(name="Kind").to_dict(), "kind": "overlord"},
            {"name": "No Id"},
            {**Person.create(name="Extra").to_dict(), "shoe_size": 44},
            "not a record",
            {**Person.create(name="x").to_dict(), "name": "\x1b[31mRed\x1b[0m [bold]x[/"},
            {**Person.create(name="x").to_dict(), "id": "\x1b[2Jid", "kind": "\x1b[2Jboss"},
            {**Person.create(name="Escape").to_dict(), "created": "../../../outside"},
            {**Person.create(name="Leap").to_dict(), "created": "2026-02-30T10:00:00Z"},
        ],
        "interactions": [
            {**Interaction.create(date=DAY, person_ids=["nobody4242"], summary="Lost").to_dict()},
            {**Interaction.create(date=DAY, person_ids=[good["id"]], summary="Fine").to_dict()},
            {**Interaction.create(date=DAY, person_ids=[good["id"]], summary="When?").to_dict(),
             "date": "someday"},
        ],
    }  # fmt: skip
    path = write(tmp_path, "backup.json", orjson.dumps(data).decode())

    report = run_import(Store.open(journal_dir), "json", path)

    people = {p.name: p for p in Store.open(journal_dir).people()}
    assert sorted(people) == ["Extra", "Good One", "Red [bold]x[/"]
    assert people["Extra"].extra == {"shoe_size": 44}  # a newer version's field is kept
    assert [i.summary for i in Store.open(journal_dir).interactions()] == ["Fine"]
    reasons = [note.reason for note in report.problems]
    assert len(reasons) == 9
    assert "A person needs a name." in reasons
    assert any("overlord" in reason for reason in reasons)
    assert "it has no id." in reasons
    assert "its id is not a netjournal id." in reasons
    assert reasons.count("its created time is not a UTC ISO timestamp.") == 2  # Feb 30 too
    assert "it is not a record (not a JSON object)." in reasons
    assert any("refers to a person neither in the backup nor in the journal" in r for r in reasons)
    assert any("someday" in reason for reason in reasons)
    assert check_journal(journal_dir).healthy
    assert not any("\x1b" in note.text() for note in report.problems)  # safe to print
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json", "journal"]
