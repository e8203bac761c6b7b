"""A crash at any instant of a save leaves every file either as it was or as it should be.

Deterministic fault injection through `netjournal.core.atomic_file.checkpoint`, which
`write_atomically` calls at four steps of every file it writes. Each save below is injected at
each step of each file it writes (the n-th call of the step), first as an exception inside the
process (a full disk, an I/O error), then as a real SIGKILL of a subprocess. Afterwards every
data file must be byte for byte the old version or the version a clean save writes, the journal
must load and pass doctor, and the store must neither claim nor keep a change it did not save.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
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

# (scenario, which file of the save the fault hits) for every file of every scenario
CASES = [
    (name, nth) for name, scenario in SCENARIOS.items() for nth in range(1, scenario.files + 1)
]


def case_id(case: tuple[str, int]) -> str:
    return f"{case[0]}-file{case[1]}"


# Helpers


def make_journal(folder: Path, records: tuple[Record, ...]) -> None:
    if records:
        Store.open(folder).add(*records)


def data_files(folder: Path) -> dict[str, bytes]:
    """Every journal file (not the lock, not a temporary) by its path inside the folder."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".lock" and not path.name.endswith(".tmp")
    }


def expected_after_clean_save(base: Path, scratch: Path, changes: Changes) -> dict[str, bytes]:
    """The files a save writes when nothing goes wrong, made in a copy of the journal."""
    if base.exists():
        shutil.copytree(base, scratch, ignore=shutil.ignore_patterns(".lock"))
    Store.open(scratch).save(changes)
    return data_files(scratch)


def assert_old_or_new(
    folder: Path, old: dict[str, bytes], new: dict[str, bytes], written: int
) -> None:
    """Each file is the old or the new version; exactly `written` files are new."""
    now = data_files(folder)
    names = set(old) | set(new)
    assert set(now) <= names, f"unexpected files: {sorted(set(now) - names)}"
    for name in sorted(names):
        assert now.get(name) in (old.get(name), new.get(name)), (
            f"{name} is neither the old nor the new version:\n{now.get(name)!r}"
        )
    changed = sorted(name for name in names if now.get(name) != old.get(name))
    assert len(changed) == written, f"expected {written} file(s) written, got {changed}"
    allowed = names | {".lock"} | {temp_name(name) for name in names}
    present = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    assert present <= allowed, f"stray files: {sorted(present - allowed)}"


def temp_name(name: str) -> str:
    head, _, tail = name.rpartition("/")
    return f"{head}/.{tail}.tmp" if head else f".{tail}.tmp"


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
def test_each_scenario_writes_the_number_of_files_the_fault_matrix_covers(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    scenario = SCENARIOS[name]
    make_journal(journal_dir, scenario.base)
    replaced: list[str] = []
    monkeypatch.setattr(atomic_file, "checkpoint", replaced.append)
    Store.open(journal_dir).save(scenario.changes())
    assert replaced.count("after-replace") == scenario.files


# In-process faults: a full disk, an I/O error


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize(("name", "nth"), CASES, ids=[case_id(case) for case in CASES])
def test_failed_save_leaves_old_or_new_files_and_an_honest_store(
    journal_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: Callable[[str, int, BaseException], list[str]],
    name: str,
    nth: int,
    step: str,
) -> None:
    scenario = SCENARIOS[name]
    make_journal(journal_dir, scenario.base)
    changes = scenario.changes()
    old = data_files(journal_dir)
    new = expected_after_clean_save(journal_dir, tmp_path / "clean", changes)

    store = Store.open(journal_dir)
    read_records(store)  # like the open app: every table loaded before the save
    fired = fault(step, nth, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(JournalError):
        store.save(changes)
    assert fired == [step]
    disarm(monkeypatch)

    assert_old_or_new(journal_dir, old, new, written=nth - 1 + (step == "after-replace"))
    on_disk = records_on_disk(journal_dir)
    assert read_records(store) == on_disk, "the store that failed disagrees with the disk"
    assert_healthy(journal_dir)

    # The same store saves again: its next save holds exactly what is on disk plus that save.
    later = follow_up(name)
    store.save(later)
    assert records_on_disk(journal_dir) == apply(on_disk, later)
    assert read_records(store) == apply(on_disk, later)
    assert_healthy(journal_dir)


def test_failed_save_after_replace_left_the_change_on_disk_and_in_the_store(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch, fault: Callable[..., list[str]]
) -> None:
    make_journal(journal_dir, BASE)
    store = Store.open(journal_dir)
    read_records(store)
    fault("after-replace", 1, OSError(errno.EIO, "Input/output error"))
    edited = ANN.edit(org="Acme")
    with pytest.raises(JournalError):
        store.update(edited)
    disarm(monkeypatch)
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

folder, step, nth, plan = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
seen = 0


def die(name):
    global seen
    if name == step:
        seen += 1
        if seen == nth:
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


def die_during_save(folder: Path, step: str, nth: int, changes: Changes) -> None:
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), step, str(nth), encode(changes)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO,
    )
    assert child.returncode == -signal.SIGKILL, (child.returncode, child.stdout, child.stderr)
    assert "saved" not in child.stdout


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize(("name", "nth"), CASES, ids=[case_id(case) for case in CASES])
def test_killed_save_leaves_old_or_new_files_and_a_free_lock(
    journal_dir: Path, tmp_path: Path, name: str, nth: int, step: str
) -> None:
    scenario = SCENARIOS[name]
    make_journal(journal_dir, scenario.base)
    changes = scenario.changes()
    old = data_files(journal_dir)
    new = expected_after_clean_save(journal_dir, tmp_path / "clean", changes)

    die_during_save(journal_dir, step, nth, changes)

    assert_old_or_new(journal_dir, old, new, written=nth - 1 + (step == "after-replace"))
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
    # the temporaries of the files just written were consumed; the others are still harmless
    assert not (journal_dir / "people/.2025-05.json.tmp").exists()
    assert not (journal_dir / "interactions/.2025-03.json.tmp").exists()
    assert (journal_dir / ".meta.json.tmp").exists()


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
