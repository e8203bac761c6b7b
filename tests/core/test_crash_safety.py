"""A crash at any instant of a save leaves the journal either as it was or as it should be.

Deterministic fault injection through `netjournal.core.atomic_file.checkpoint`, which the
writers call at every step of a save (temporaries written, commit record, renames). Each save
below is injected at every checkpoint a clean save passes, first as an exception inside the
process (a full disk, an I/O error), then as a real SIGKILL of a subprocess. Afterwards (after
the next open, for a kill) the data files must be, all of them together, byte for byte the old
journal or the one a clean save writes: a save of several files is all or nothing. The journal
must load and pass doctor, and the store must neither claim nor keep a change it did not save.
(tests/core/test_fault_injection.py does the same with strace at the level of system calls.)
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

import netjournal
from netjournal.core import atomic_file
from netjournal.core.doctor import check_journal
from netjournal.core.errors import JournalError
from netjournal.core.journal_lock import JournalLock
from netjournal.core.records import RECORD_TYPES, Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import Changes, Store

STEPS = ("before-temp-write", "after-temp-write", "after-fsync", "after-replace")
REPO = Path(netjournal.__file__).resolve().parent.parent
STAMP = "2025-05-02T09:00:00Z"  # every fixed record is created in May 2025: people/2025-05.json


def person(record_id: str, name: str) -> Person:
    return Person.build(id=record_id, created=STAMP, updated=STAMP, name=name)


def interaction(record_id: str, day: date, people: list[Person], summary: str) -> Interaction:
    return Interaction.build(
        id=record_id,
        created=STAMP,
        updated=STAMP,
        date=day,
        person_ids=[who.id for who in people],
        summary=summary,
    )


ANN = person("ann2222222", "Ann Archer")
BOB = person("bob3333333", "Bob Baker")
CAT = person("cat4444444", "Cat Cooper")
DAN = person("dan5555555", "Dan Dalton")
MARCH_BOB = interaction("mbx6666666", date(2025, 3, 10), [ANN, BOB], "Trade show dinner")
MARCH_CAT = interaction("mcx7777777", date(2025, 3, 12), [CAT], "Coffee with Cat")
APRIL_BOB = interaction("abx8888888", date(2025, 4, 2), [BOB], "Call about pricing")
APRIL_CAT = interaction("acx9999999", date(2025, 4, 20), [CAT, ANN], "Workshop debrief")
TALK = Learning.build(
    id="lrn2345678", created=STAMP, updated=STAMP, date=date(2025, 4, 3), title="Heat pumps"
)
SHARE = Outreach.build(
    id="out2345678",
    created=STAMP,
    updated=STAMP,
    kind="share",
    title="Send Cat the heat pump notes",
    person_ids=[CAT.id],
    learning_id=TALK.id,
)
BASE: tuple[Record, ...] = (ANN, BOB, CAT, MARCH_BOB, MARCH_CAT, APRIL_BOB, APRIL_CAT, TALK, SHARE)


@dataclass(frozen=True)
class Scenario:
    """A journal before a save, the save, and how many files the save writes."""

    base: tuple[Record, ...]
    changes: Callable[[], Changes]
    files: int


SCENARIOS: dict[str, Scenario] = {
    # The first save into a new folder: meta.json, then people/2025-05.json.
    "create": Scenario((), lambda: Changes(add=[ANN]), files=2),
    # A new person and an interaction with them in a month that has no shard yet.
    "add": Scenario(
        BASE,
        lambda: Changes(
            add=[DAN, interaction("dix2345678", date(2025, 6, 1), [DAN, ANN], "Met Dan")]
        ),
        files=2,
    ),
    "update": Scenario(
        BASE, lambda: Changes(update=[ANN.edit(org="Acme", notes="Runs the fair")]), files=1
    ),
    # Delete Bob: detach him from the March interaction, delete the April one that was only
    # his, delete him. Three files: interactions/2025-03, interactions/2025-04, people/2025-05.
    "delete": Scenario(
        BASE,
        lambda: Changes(update=[MARCH_BOB.edit(person_ids=[ANN.id])], delete=[APRIL_BOB, BOB]),
        files=3,
    ),
}


# Helpers


def make_journal(folder: Path, records: tuple[Record, ...]) -> None:
    if records:
        Store.open(folder).add(*records)


def clean_steps(name: str) -> list[str]:
    """The checkpoints a clean save of the scenario passes, in order."""
    scenario = SCENARIOS[name]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "journal"
        make_journal(folder, scenario.base)
        seen: list[str] = []
        previous = atomic_file.checkpoint
        atomic_file.checkpoint = seen.append
        try:
            Store.open(folder).save(scenario.changes())
        finally:
            atomic_file.checkpoint = previous
    return seen


STEPS_OF = {name: clean_steps(name) for name in SCENARIOS}
# (scenario, index of the checkpoint the fault hits) for every checkpoint of every scenario
CASES = [(name, index) for name, steps in STEPS_OF.items() for index in range(len(steps))]


def case_id(case: tuple[str, int]) -> str:
    return f"{case[0]}-{case[1]}-{STEPS_OF[case[0]][case[1]]}"


def renames_before(name: str, index: int) -> int:
    """How many of the save's decisive renames had happened when checkpoint `index` fired.

    A file's rename comes right after its "after-fsync"; a save of several files is decided
    by the rename of its commit record (the first "after-fsync" of such a save), the renames
    after it only carry it out. "create" has two: meta.json, then the people file.
    """
    done = STEPS_OF[name][:index].count("after-fsync")
    return min(done, 2 if name == "create" else 1)


def expected_files(
    name: str, renames: int, old: dict[str, bytes], new: dict[str, bytes]
) -> dict[str, bytes]:
    if renames == 0:
        return old
    if name == "create" and renames == 1:
        return {"meta.json": new["meta.json"]}  # the journal exists, the save is not in it
    return new


def data_files(folder: Path) -> dict[str, bytes]:
    """Every journal file (not the lock, not a temporary) by its path inside the folder."""
    if not folder.exists():
        return {}
    return {
        # A tombstone says when it was deleted: the clean save ran at another moment.
        path.relative_to(folder).as_posix(): DELETED_AT.sub(b'"deleted": "WHEN"', path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".lock" and not path.name.endswith(".tmp")
    }


DELETED_AT = re.compile(rb'"deleted": "[^"]*"')


def expected_after_clean_save(base: Path, scratch: Path, changes: Changes) -> dict[str, bytes]:
    """The files a save writes when nothing goes wrong, made in a copy of the journal."""
    if base.exists():
        shutil.copytree(base, scratch, ignore=shutil.ignore_patterns(".lock"))
    Store.open(scratch).save(changes)
    return data_files(scratch)


def assert_files(folder: Path, expected: dict[str, bytes], *, leftovers: bool = False) -> None:
    """The data files are exactly `expected`; no commit record and (unless `leftovers`, for a
    killed process's temporaries before the next save sweeps them) no temporary is left."""
    now = data_files(folder)
    assert sorted(now) == sorted(expected), "the set of files is neither the old nor the new"
    for name in sorted(expected):
        assert now[name] == expected[name], f"{name} is not the expected version:\n{now[name]!r}"
    present = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    stray = present - set(now) - {".lock"}
    assert ".commit" not in stray, "a commit record was left"
    if not leftovers:
        assert not stray, f"stray files: {sorted(stray)}"


def records_on_disk(folder: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """What a freshly opened store reads: table -> id -> record as JSON data."""
    return read_records(Store.open(folder))


def read_records(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    return {
        table: {record.id: record.to_dict() for record in store.all(kind)}
        for table, kind in RECORD_TYPES.items()
    }


def apply(
    records: dict[str, dict[str, dict[str, Any]]], changes: Changes
) -> dict[str, dict[str, dict[str, Any]]]:
    result = {table: dict(found) for table, found in records.items()}
    for record in changes.add + changes.update:
        result[record.TABLE][record.id] = record.to_dict()
    for record in changes.delete:
        result[record.TABLE].pop(record.id, None)
    return result


def assert_healthy(folder: Path) -> None:
    checkup = check_journal(folder)
    assert checkup.healthy, checkup.problems


def follow_up(scenario_name: str) -> Changes:
    """A later save that touches every file the scenario's save touched."""
    if scenario_name == "create":
        return Changes(add=[CAT])
    return Changes(
        add=[interaction("fix2345678", date(2025, 6, 9), [CAT], "Follow-up call")],
        update=[
            CAT.edit(notes="Follow-up"),
            MARCH_CAT.edit(notes="Follow-up"),
            APRIL_CAT.edit(notes="Follow-up"),
        ],
    )


def encode(changes: Changes) -> str:
    """Changes as JSON, for a subprocess to rebuild exactly the same records."""
    return orjson.dumps(
        {
            what: [[record.TABLE, record.to_dict()] for record in getattr(changes, what)]
            for what in ("add", "update", "delete")
        }
    ).decode()


class InjectedFault(RuntimeError):
    """An error that is not an OSError, raised in the middle of a save."""


@pytest.fixture
def fault_at(monkeypatch: pytest.MonkeyPatch) -> Callable[[int, BaseException], list[str]]:
    """`fault_at(index, error)` makes the index-th checkpoint of the save raise `error` (once)."""

    def arm(index: int, error: BaseException) -> list[str]:
        fired: list[str] = []
        seen = -1

        def checkpoint(name: str) -> None:
            nonlocal seen
            seen += 1
            if seen == index:
                fired.append(name)
                raise error

        monkeypatch.setattr(atomic_file, "checkpoint", checkpoint)
        return fired

    return arm


@pytest.fixture
def fault(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, int, BaseException], list[str]]:
    """`fault(step, nth, error)` makes the nth checkpoint at `step` raise `error` (once)."""

    def arm(step: str, nth: int, error: BaseException) -> list[str]:
        fired: list[str] = []
        seen = 0

        def checkpoint(name: str) -> None:
            nonlocal seen
            if name != step or fired:
                return
            seen += 1
            if seen == nth:
                fired.append(name)
                raise error

        monkeypatch.setattr(atomic_file, "checkpoint", checkpoint)
        return fired

    return arm


def disarm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic_file, "checkpoint", lambda step: None)


# The scenarios themselves


@pytest.mark.parametrize("name", SCENARIOS)
def test_each_scenario_writes_the_number_of_files_it_says(
    journal_dir: Path, tmp_path: Path, name: str
) -> None:
    scenario = SCENARIOS[name]
    make_journal(journal_dir, scenario.base)
    old = data_files(journal_dir)
    new = expected_after_clean_save(journal_dir, tmp_path / "clean", scenario.changes())
    assert len({n for n in set(old) | set(new) if old.get(n) != new.get(n)}) == scenario.files
    # several files go through a commit record: its rename decides the save
    assert ("committed" in STEPS_OF[name]) == (scenario.files > 1 and name != "create")


# In-process faults: a full disk, an I/O error


@pytest.mark.parametrize(("name", "index"), CASES, ids=[case_id(case) for case in CASES])
def test_failed_save_is_all_or_nothing_and_says_which(
    journal_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault_at: Callable[[int, BaseException], list[str]],
    name: str,
    index: int,
) -> None:
    scenario = SCENARIOS[name]
    make_journal(journal_dir, scenario.base)
    changes = scenario.changes()
    old = data_files(journal_dir)
    new = expected_after_clean_save(journal_dir, tmp_path / "clean", changes)

    store = Store.open(journal_dir)
    read_records(store)  # like the open app: every table loaded before the save
    fired = fault_at(index, OSError(errno.ENOSPC, "No space left on device"))
    try:
        store.save(changes)
    except JournalError as error:
        message = str(error)
    else:
        message = ""
    assert fired == [STEPS_OF[name][index]]
    disarm(monkeypatch)

    # Past its commit point a save is done (a failure after it is tried again): it says saved.
    # Before it, nothing of it is on disk, and it says so.
    decided = renames_before(name, index) >= (2 if name == "create" else 1)
    if decided or STEPS_OF[name][index] == "after-replace":
        assert message == "", message
        assert_files(journal_dir, new)
    else:
        assert "not saved" in message or "Cannot write to the journal folder" in message, message
        assert_files(journal_dir, expected_files(name, renames_before(name, index), old, new))
    on_disk = records_on_disk(journal_dir)
    assert read_records(store) == on_disk, "the store that failed disagrees with the disk"
    assert_healthy(journal_dir)

    # The same store saves again: its next save holds exactly what is on disk plus that save.
    later = follow_up(name)
    store.save(later)
    assert records_on_disk(journal_dir) == apply(on_disk, later)
    assert read_records(store) == apply(on_disk, later)
    assert_healthy(journal_dir)


def test_a_folder_that_cannot_be_synced_after_the_rename_says_saved_and_keeps_it(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_journal(journal_dir, BASE)
    store = Store.open(journal_dir)
    read_records(store)

    def broken_disk(folder: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic_file, "fsync_folder", broken_disk)
    edited = ANN.edit(org="Acme")
    with pytest.raises(JournalError, match=r"The change was saved to .*2025-05\.json"):
        store.update(edited)
    monkeypatch.undo()
    assert [p.org for p in Store.open(journal_dir).people() if p.id == ANN.id] == ["Acme"]
    assert [p.org for p in store.people() if p.id == ANN.id] == ["Acme"]


def test_get_after_a_failed_save_still_finds_the_records_on_disk(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch, fault: Callable[..., list[str]]
) -> None:
    make_journal(journal_dir, BASE)
    store = Store.open(journal_dir)
    read_records(store)  # the open app has loaded everything
    fault("after-fsync", 1, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(JournalError):
        store.add(DAN)
    disarm(monkeypatch)
    assert store.get(Person, ANN.id) == ANN
    assert store.get(Person, DAN.id) is None


@pytest.mark.parametrize(
    "error",
    [InjectedFault("boom"), KeyboardInterrupt()],
    ids=["unexpected-error", "keyboard-interrupt"],
)
@pytest.mark.parametrize("step", STEPS[:3])
def test_a_save_that_fails_otherwise_is_not_written_by_the_next_save(
    journal_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: Callable[..., list[str]],
    step: str,
    error: BaseException,
) -> None:
    make_journal(journal_dir, BASE)
    store = Store.open(journal_dir)
    read_records(store)
    before = records_on_disk(journal_dir)
    fault(step, 1, error)
    with pytest.raises(type(error)):
        store.update(ANN.edit(org="Never saved"))
    disarm(monkeypatch)
    assert records_on_disk(journal_dir) == before
    assert read_records(store) == before
    later = Changes(update=[CAT.edit(notes="Unrelated")])  # same shard as Ann
    store.save(later)
    assert records_on_disk(journal_dir) == apply(before, later)


# A process that really dies


CHILD = r"""
import os, signal, sys
from pathlib import Path

import orjson

from netjournal.core import atomic_file
from netjournal.core.records import RECORD_TYPES
from netjournal.core.store import Changes, Store

folder, index, plan = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
seen = -1


def die(name):
    global seen
    seen += 1
    if seen == index:
        os.kill(os.getpid(), signal.SIGKILL)


changes = Changes(
    **{
        what: [RECORD_TYPES[table].from_dict(data) for table, data in items]
        for what, items in orjson.loads(plan).items()
    }
)
store = Store.open(folder)
for kind in RECORD_TYPES.values():
    store.all(kind)
atomic_file.checkpoint = die
store.save(changes)
print("saved", flush=True)
"""


def die_during_save(folder: Path, index: int, changes: Changes) -> None:
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(index), encode(changes)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO,
    )
    assert child.returncode == -signal.SIGKILL, (child.returncode, child.stdout, child.stderr)
    assert "saved" not in child.stdout


@pytest.mark.parametrize(("name", "index"), CASES, ids=[case_id(case) for case in CASES])
def test_killed_save_is_all_or_nothing_after_the_next_open_and_frees_the_lock(
    journal_dir: Path, tmp_path: Path, name: str, index: int
) -> None:
    scenario = SCENARIOS[name]
    make_journal(journal_dir, scenario.base)
    changes = scenario.changes()
    old = data_files(journal_dir)
    new = expected_after_clean_save(journal_dir, tmp_path / "clean", changes)

    die_during_save(journal_dir, index, changes)

    for file, data in data_files(journal_dir).items():  # each file whole, old or new
        assert file == ".commit" or data in (old.get(file), new.get(file)), file
    Store.open(journal_dir)  # the next process finishes a save that reached its commit point
    assert_files(
        journal_dir, expected_files(name, renames_before(name, index), old, new), leftovers=True
    )
    on_disk = records_on_disk(journal_dir)  # every file parses
    assert_healthy(journal_dir)
    with JournalLock(journal_dir, timeout=0):  # the dead process's lock went with it
        pass
    started = time.monotonic()
    later = follow_up(name)
    Store.open(journal_dir).save(later)
    assert time.monotonic() - started < 2
    assert records_on_disk(journal_dir) == apply(on_disk, later)
    assert_healthy(journal_dir)
    leftovers = [path for path in journal_dir.rglob("*") if path.name.endswith(".tmp")]
    assert leftovers == [], "the next save removes a dead process's temporaries"


# Temporaries left by a crash


def write_private(path: Path, data: bytes) -> None:
    """Write a file as the store creates its temporaries (0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def test_leftover_temporary_files_do_not_break_loads_or_saves(
    journal_dir: Path, tmp_path: Path
) -> None:
    make_journal(journal_dir, BASE)
    clean = tmp_path / "clean"
    shutil.copytree(journal_dir, clean)
    leftovers = {
        # a torn write, longer than the file that replaces it
        "people/.2025-05.json.tmp": b'{"people": {"zzz2222222": {"id": "zzz' + b"x" * 100_000,
        # a complete, valid version that was never renamed into place: must never be read
        "interactions/.2025-03.json.tmp": orjson.dumps(
            {"interactions": {"ghost22222": {**MARCH_CAT.to_dict(), "id": "ghost22222"}}}
        ),
        # for a shard that does not exist yet, and for meta.json
        "interactions/.2025-06.json.tmp": b"\x00" * 64,
        ".meta.json.tmp": b'{"app": "netjo',
    }
    for name, data in leftovers.items():
        write_private(journal_dir / name, data)

    store = Store.open(journal_dir)
    assert read_records(store) == records_on_disk(clean)
    checkup = check_journal(journal_dir)
    assert checkup.healthy, checkup.problems
    assert sum("interrupted save" in note for note in checkup.notes) == len(leftovers)

    changes = Changes(
        add=[interaction("dix2345678", date(2025, 6, 1), [ANN], "New month")],
        update=[ANN.edit(org="Acme"), MARCH_CAT.edit(notes="Seen again")],
    )
    store.save(changes)
    Store.open(clean).save(changes)
    assert data_files(journal_dir) == data_files(clean)
    assert read_records(store) == records_on_disk(journal_dir) == records_on_disk(clean)
    assert_healthy(journal_dir)
    # Young temporaries without a process id might be a live writer's: they stay a minute.
    assert all((journal_dir / name).exists() for name in leftovers)
    old = time.time() - 120
    for name in leftovers:
        os.utime(journal_dir / name, (old, old))
    Store.open(journal_dir).save(Changes(update=[CAT.edit(notes="Later")]))
    assert not any((journal_dir / name).exists() for name in leftovers)
    assert data_files(journal_dir)  # only the temporaries went


def test_a_journal_holding_only_the_temporary_of_its_first_meta_is_new(
    journal_dir: Path,
) -> None:
    """A crash during the very first save leaves `.meta.json.tmp` (and `.lock`) only."""
    journal_dir.mkdir(mode=0o700)
    write_private(journal_dir / ".meta.json.tmp", b'{"ap')
    write_private(journal_dir / ".lock", b"")
    store = Store.open(journal_dir)
    store.add(ANN)
    assert records_on_disk(journal_dir)["people"] == {ANN.id: ANN.to_dict()}
    assert_healthy(journal_dir)
    assert os.stat(journal_dir / "meta.json").st_mode & 0o077 == 0
