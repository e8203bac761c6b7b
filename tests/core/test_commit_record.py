"""A save of several files goes through a commit record: all of it or none, for every reader.

Unit tests of core/commit.py and of how the store uses it: one file needs no record, an
unfinished commit is finished by the next open, save, reader or doctor, a record that is not
whole (or names files it has no business moving) moves nothing, and a reader that reads while
a save is half in place waits and sees the whole save.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import orjson
import pytest

from netjournal.core import atomic_file
from netjournal.core.commit import COMMIT_NAME, finish_pending, pending
from netjournal.core.doctor import check_journal
from netjournal.core.errors import JournalError
from netjournal.core.records import Interaction, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Changes, Store

STAMP = "2025-05-02T09:00:00Z"
ANN = Person.build(id="ann2222222", created=STAMP, updated=STAMP, name="Ann Archer")
BOB = Person.build(id="bob3333333", created=STAMP, updated=STAMP, name="Bob Baker")
MARCH = Interaction.build(
    id="mbx6666666", created=STAMP, updated=STAMP, date=date(2025, 3, 10),
    person_ids=[ANN.id, BOB.id], summary="Trade show dinner",
)  # fmt: skip
APRIL = Interaction.build(
    id="abx8888888", created=STAMP, updated=STAMP, date=date(2025, 4, 2),
    person_ids=[BOB.id], summary="Call about pricing",
)  # fmt: skip
# Three files: people/2025-05, interactions/2025-03, interactions/2025-04.
DELETE_BOB = Changes(update=[MARCH.edit(person_ids=[ANN.id])], delete=[APRIL, BOB])


class Stop(BaseException):
    """The process stopping at a checkpoint (what a kill leaves, without killing pytest)."""


@pytest.fixture
def journal(journal_dir: Path) -> Store:
    store = Store.open(journal_dir)
    store.add(ANN, BOB, MARCH, APRIL)
    return store


def stop_at(monkeypatch: pytest.MonkeyPatch, step: str, nth: int = 1) -> None:
    seen = 0

    def checkpoint(name: str) -> None:
        nonlocal seen
        if name == step:
            seen += 1
            if seen == nth:
                raise Stop(step)

    monkeypatch.setattr(atomic_file, "checkpoint", checkpoint)


def half_saved(journal_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave the delete committed with one of its three files renamed, as a kill would."""
    stop_at(monkeypatch, "after-replace", 2)  # the record's rename, then the first file's
    with pytest.raises(Stop):
        Store.open(journal_dir).save(DELETE_BOB)
    monkeypatch.setattr(atomic_file, "checkpoint", lambda step: None)
    assert pending(journal_dir)


def is_deleted(store: Store) -> bool:
    journal = JournalSnapshot.load(store)  # one moment of the journal, every table
    people, talks = journal.people, journal.interactions
    return (
        BOB.id not in people and APRIL.id not in talks and talks[MARCH.id].person_ids == (ANN.id,)
    )


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


def test_one_file_is_saved_without_a_commit_record(
    journal: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps: list[str] = []
    monkeypatch.setattr(atomic_file, "checkpoint", steps.append)
    journal.update(ANN.edit(org="Acme"))
    assert "committed" not in steps and steps.count("after-replace") == 1
    journal.save(DELETE_BOB)
    assert "committed" in steps
    assert not pending(journal.folder) and temporaries(journal.folder) == []


@pytest.mark.parametrize(
    "finisher",
    [
        lambda folder: Store.open(folder),  # the next process to open the journal
        lambda folder: Store(folder).people(),  # a reader that never called open
        lambda folder: Store(folder).add(Person.create(name="Cat Cooper")),  # the next save
        lambda folder: check_journal(folder),  # doctor
    ],
    ids=["open", "reader", "save", "doctor"],
)
def test_an_unfinished_commit_is_finished_by_whoever_comes_next(
    journal: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch, finisher: Callable
) -> None:
    half_saved(journal_dir, monkeypatch)
    finisher(journal_dir)
    assert not pending(journal_dir)
    assert is_deleted(Store.open(journal_dir))
    assert temporaries(journal_dir) == []
    assert check_journal(journal_dir).healthy


def test_doctor_says_it_finished_a_save(
    journal: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    half_saved(journal_dir, monkeypatch)
    checkup = check_journal(journal_dir)
    assert checkup.healthy, checkup.problems
    [note] = [note for note in checkup.notes if "commit point" in note]
    assert "was completed" in note and "interactions/2025-04.json" in note


def test_a_failure_after_the_commit_point_finishes_the_save_and_says_nothing_of_it(
    journal: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    stop_at(monkeypatch, "after-replace", 2)
    real = atomic_file.checkpoint

    def fail(step: str) -> None:
        try:
            real(step)
        except Stop:
            raise OSError(errno.ENOSPC, "No space left on device") from None

    monkeypatch.setattr(atomic_file, "checkpoint", fail)
    journal.save(DELETE_BOB)  # no error: the save is done, its last files put in place again
    monkeypatch.setattr(atomic_file, "checkpoint", lambda step: None)
    assert not pending(journal_dir) and is_deleted(journal)
    assert is_deleted(Store.open(journal_dir)) and temporaries(journal_dir) == []


def test_a_save_failing_past_its_commit_point_twice_says_it_is_saved(
    journal: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    real_replace = atomic_file.os.replace
    calls = 0

    def full_disk(source: object, target: object) -> None:
        nonlocal calls
        calls += 1
        if calls > 1:  # the commit record's rename works; every file's fails, twice
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr("netjournal.core.commit.os.replace", full_disk)
    monkeypatch.setattr("netjournal.core.atomic_file.os.replace", full_disk)
    with pytest.raises(JournalError, match=r"The change was saved, but .*completes it"):
        journal.save(DELETE_BOB)
    monkeypatch.undo()
    assert pending(journal_dir)
    assert is_deleted(journal)  # the same store reads it through: the next read finishes it
    assert not pending(journal_dir)


def test_a_record_that_is_not_whole_is_rolled_back(journal: Store, journal_dir: Path) -> None:
    before = {p: p.read_bytes() for p in journal_dir.rglob("*.json")}
    (journal_dir / COMMIT_NAME).write_bytes(b'{"commit": 1, "files": [{"file": "peo')
    assert finish_pending(journal_dir) == []
    assert not pending(journal_dir)
    assert {p: p.read_bytes() for p in journal_dir.rglob("*.json")} == before


@pytest.mark.parametrize(
    ("file", "temp"),
    [
        ("../outside.json", "../.outside.json.1.abcd.tmp"),  # out of the folder
        ("people/2025-05.json", "people/planted.json"),  # not a temporary of that file
        ("people/2025-05.json", "interactions/.2025-05.json.1.abcd.tmp"),  # another folder
        ("/etc/passwd", "/etc/.passwd.1.abcd.tmp"),
    ],
)
def test_a_planted_record_moves_nothing(
    journal: Store, journal_dir: Path, tmp_path: Path, file: str, temp: str
) -> None:
    planted = b'{"people": {}}\n'
    for name in (temp, "people/planted.json"):
        target = journal_dir / name
        if not name.startswith("/"):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(planted)
    record = {
        "commit": 1,
        "files": [{"file": file, "temp": temp, "size": len(planted), "crc32": zlib.crc32(planted)}],
    }
    (journal_dir / COMMIT_NAME).write_bytes(orjson.dumps(record))
    before = (journal_dir / "people/2025-05.json").read_bytes()
    assert finish_pending(journal_dir) == []
    assert (journal_dir / "people/2025-05.json").read_bytes() == before
    assert {p.id for p in Store.open(journal_dir).people()} == {ANN.id, BOB.id}


def test_a_damaged_temporary_before_any_rename_rolls_the_save_back(
    journal: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop_at(monkeypatch, "committed")
    with pytest.raises(Stop):
        journal.save(DELETE_BOB)
    monkeypatch.setattr(atomic_file, "checkpoint", lambda step: None)
    [one, *_] = sorted(journal_dir.glob("interactions/.*.tmp"))
    one.write_bytes(b"{}")  # a disk that lost it: the save can be neither finished nor kept half
    assert finish_pending(journal_dir) == []
    store = Store.open(journal_dir)
    assert BOB.id in {p.id for p in store.people()} and not pending(journal_dir)
    assert temporaries(journal_dir) == []


def test_a_damaged_temporary_after_a_rename_is_refused_with_a_sentence(
    journal: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    half_saved(journal_dir, monkeypatch)
    for temp in journal_dir.rglob(".*.tmp"):
        temp.write_bytes(b"{}")
    with pytest.raises(JournalError, match=r"cannot be finished.*remove .*\.commit"):
        Store.open(journal_dir)
    checkup = check_journal(journal_dir)
    assert any("cannot be finished" in problem for problem in checkup.problems)


def test_a_reader_during_a_save_waits_and_sees_all_of_it(
    journal: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = Store.open(journal_dir)
    reader.people()  # a reader that read one table before the save...
    halfway, go_on = threading.Event(), threading.Event()
    renamed = 0

    def pause(step: str) -> None:
        nonlocal renamed
        if step == "after-replace" and threading.current_thread().name == "writer":
            renamed += 1
            if renamed == 2:  # the record and the first file are in place, two files are not
                halfway.set()
                go_on.wait(10)

    monkeypatch.setattr(atomic_file, "checkpoint", pause)
    writer = threading.Thread(target=journal.save, args=(DELETE_BOB,), name="writer")
    writer.start()
    assert halfway.wait(10)
    seen: list[bool] = []
    read = threading.Thread(target=lambda: seen.append(is_deleted(reader)))
    read.start()  # ...reads the rest now, while the save is half in place
    time.sleep(0.3)
    go_on.set()
    writer.join(10)
    read.join(10)
    assert seen == [True]


def test_a_store_whose_save_stopped_after_the_commit_point_reads_the_whole_save(
    journal: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop_at(monkeypatch, "after-replace", 2)
    with pytest.raises(Stop):
        journal.save(DELETE_BOB)  # ctrl+c in the middle: the save is committed
    monkeypatch.setattr(atomic_file, "checkpoint", lambda step: None)
    assert is_deleted(journal)
