"""`netjournal doctor`: every file and every cross-reference is checked, and nothing is changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netjournal.core.doctor import Checkup, check_journal
from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import Store


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


def checked(folder: Path) -> Checkup:
    """Run doctor and check that it changed nothing on disk."""
    before = snapshot(folder) if folder.exists() else None
    checkup = check_journal(folder)
    assert (snapshot(folder) if folder.exists() else None) == before
    return checkup


def shard_of(folder: Path, record: Record) -> Path:
    for path in (folder / record.TABLE).glob("*.json"):
        if record.id in json.loads(path.read_bytes())[record.TABLE]:
            return path
    raise AssertionError(f"{record.id} is in no shard")


def edit_stored(folder: Path, record: Record, **changes: Any) -> Path:
    """Change a stored record by hand, the way a person with a text editor would."""
    path = shard_of(folder, record)
    data = json.loads(path.read_bytes())
    data[record.TABLE][record.id].update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False))
    return path


@pytest.fixture
def healthy(journal_dir: Path, store: Store) -> dict[str, Record]:
    ann = Person.create(name="Ann Lee", kind="customer", influence=2)
    bob = Person.create(name="Bob Stone")
    talk = Learning.create(date="2026-03-10", title="Robots pay back", source_kind="trade-show")
    coffee = Interaction.create(
        date="2026-03-10", person_ids=[ann.id, bob.id], summary="Coffee", learning_ids=[talk.id]
    )
    share = Outreach.create(kind="share", person_ids=[bob.id], learning_id=talk.id, title="Share")
    intro = Outreach.create(kind="introduce", person_ids=[ann.id, bob.id], title="Introduce")
    store.add(ann, bob, talk, coffee, share, intro)
    return {"ann": ann, "bob": bob, "talk": talk, "coffee": coffee, "share": share, "intro": intro}


def test_a_healthy_journal_passes(journal_dir: Path, healthy: dict[str, Record]) -> None:
    checkup = checked(journal_dir)
    assert checkup.problems == []
    assert checkup.healthy
    assert checkup.counts == {"people": 2, "learnings": 1, "interactions": 1, "outreach": 2}
    assert checkup.files == 4
    assert checkup.notes == []  # private modes, no leftovers


def test_no_journal_yet_is_a_note_not_a_problem(journal_dir: Path) -> None:
    checkup = checked(journal_dir)
    assert checkup.healthy
    assert any("no journal" in note for note in checkup.notes)
    assert not journal_dir.exists()


def test_a_dangling_person_in_an_interaction_is_reported(journal_dir: Path, store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    ghost = "ghost23456"
    coffee = Interaction.create(date="2026-03-10", person_ids=[ann.id, ghost], summary="Coffee")
    store.add(ann, coffee)
    checkup = checked(journal_dir)
    assert not checkup.healthy
    assert len(checkup.problems) == 1
    problem = checkup.problems[0]
    assert ghost in problem and coffee.id in problem and "Coffee" in problem
    assert ann.id not in problem


def test_a_person_deleted_from_under_an_outreach_is_reported(
    journal_dir: Path, store: Store, healthy: dict[str, Record]
) -> None:
    ann = healthy["ann"]
    store.delete(ann)
    problems = checked(journal_dir).problems
    intro, coffee = healthy["intro"], healthy["coffee"]
    assert any(intro.id in p and ann.id in p for p in problems)
    assert any(coffee.id in p and ann.id in p for p in problems)


def test_a_dangling_learning_is_reported(
    journal_dir: Path, store: Store, healthy: dict[str, Record]
) -> None:
    talk = healthy["talk"]
    store.delete(talk)
    problems = checked(journal_dir).problems
    assert any(healthy["share"].id in p and talk.id in p and "learning" in p for p in problems)
    assert any(healthy["coffee"].id in p and talk.id in p for p in problems)


def test_a_damaged_file_is_reported_by_name_and_the_rest_is_still_checked(
    journal_dir: Path, healthy: dict[str, Record]
) -> None:
    path = shard_of(journal_dir, healthy["talk"])
    path.write_bytes(b'{"learnings": {"oops"')
    checkup = checked(journal_dir)
    assert not checkup.healthy
    assert any(str(path) in p and "damaged" in p for p in checkup.problems)
    assert checkup.counts["people"] == 2  # other tables were read
    assert path.read_bytes() == b'{"learnings": {"oops"'


def test_a_damaged_meta_json_is_reported(journal_dir: Path, healthy: dict[str, Record]) -> None:
    (journal_dir / "meta.json").write_text("nope")
    problems = checked(journal_dir).problems
    assert len(problems) == 1 and "meta.json" in problems[0]


@pytest.mark.parametrize(
    "text", ["Ann\x1b[31m Lee", "Ann\u202e Lee", "Ann  Lee", " Ann Lee", "Ann\nLee"]
)
def test_uncleaned_text_written_by_hand_is_reported(
    journal_dir: Path, healthy: dict[str, Record], text: str
) -> None:
    ann = healthy["ann"]
    path = edit_stored(journal_dir, ann, name=text)
    problems = checked(journal_dir).problems
    assert any(ann.id in p and str(path) in p and "not cleaned" in p for p in problems), problems


def test_a_lone_surrogate_escape_written_by_hand_is_reported_by_file(
    journal_dir: Path, healthy: dict[str, Record]
) -> None:
    path = shard_of(journal_dir, healthy["ann"])
    path.write_text(path.read_text().replace('"Ann Lee"', '"Ann\\ud800"'))
    problems = checked(journal_dir).problems
    assert any(str(path) in p for p in problems), problems


def test_an_invalid_value_written_by_hand_is_reported(
    journal_dir: Path, healthy: dict[str, Record]
) -> None:
    edit_stored(journal_dir, healthy["bob"], kind="ceo", influence=7)
    problems = checked(journal_dir).problems
    assert any(healthy["bob"].id in p and "'ceo'" in p for p in problems)


def test_a_record_in_two_shards_is_reported(journal_dir: Path, healthy: dict[str, Record]) -> None:
    coffee = healthy["coffee"]
    original = shard_of(journal_dir, coffee)
    copy = original.with_name("2025-01.json")
    copy.write_bytes(original.read_bytes())
    problems = checked(journal_dir).problems
    assert any(
        coffee.id in p and "both" in p and original.name in p and copy.name in p for p in problems
    ), problems


def test_files_others_can_read_are_a_note(journal_dir: Path, healthy: dict[str, Record]) -> None:
    path = shard_of(journal_dir, healthy["ann"])
    path.chmod(0o644)
    checkup = checked(journal_dir)
    assert checkup.healthy
    assert any(str(path) in note and "other users" in note for note in checkup.notes)


def test_text_saved_through_the_app_is_never_reported_as_uncleaned(
    journal_dir: Path, store: Store
) -> None:
    store.add(Person.create(name="Jose\x00\u0301 Lee"))
    assert checked(journal_dir).problems == []
