"""Side files (review skips, drill history, search cache) are written by the store only:
atomically, 0600, under the journal lock that saves take; files written before still read."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from netjournal.core import atomic_file
from netjournal.core.drills import DrillSession, load_history, record_session
from netjournal.core.errors import JournalBusy, JournalError
from netjournal.core.journal_lock import JournalLock
from netjournal.core.records import Person
from netjournal.core.review_skips import skip_for_today, skipped_on
from netjournal.core.search_index import CACHE_NAME, SearchIndex, cache_path, rebuild_index
from netjournal.core.store import Store

DAY = date(2026, 11, 29)
STEPS = ("before-temp-write", "after-temp-write", "after-fsync", "after-replace")
# What the code before the store owned side files wrote, byte for byte.
OLD_SKIPS = b'{\n  "app": "netjournal",\n  "skips": 1,\n  "day": "2026-11-29",\n  "items": [\n    "cold:a"\n  ]\n}\n'  # fmt: skip
OLD_DRILLS = b"""{
  "app": "netjournal",
  "drills": 1,
  "sessions": [
    {
      "day": "2026-11-01",
      "asked": 5,
      "covered": 4,
      "agreed": 2,
      "uncovered": [
        "tariffs"
      ]
    }
  ]
}
"""
HOLDER = r"""
import sys, time
from pathlib import Path
from netjournal.core.journal_lock import JournalLock

with JournalLock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def journal(journal_dir: Path) -> Store:
    store = Store.open(journal_dir)
    store.add(Person.create(name="Ann Lee"))
    return store


def temporaries(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(".tmp")]


def lock_is_free(folder: Path) -> bool:
    try:
        with JournalLock(folder, timeout=0):
            return True
    except JournalBusy:
        return False


@pytest.fixture
def other_process_holds_the_lock(journal: Store) -> Iterator[subprocess.Popen[str]]:
    """Another netjournal process in the middle of a long save (until the test ends)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal.folder), "60"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    yield holder
    holder.kill()
    holder.wait()


def test_a_side_write_is_atomic_private_and_under_the_lock(
    journal: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def look(step: str) -> None:
        if step == "after-temp-write":
            [temp] = temporaries(journal.folder)
            seen["temp"] = temp.name
            seen["mode"] = temp.stat().st_mode & 0o777
            seen["free"] = lock_is_free(journal.folder)

    monkeypatch.setattr(atomic_file, "checkpoint", look)
    journal.update_side("notes.json", lambda old: b"new" if old is None else old + b"!")
    assert journal.read_side("notes.json") == b"new"
    # A temporary of its own (pid and a random part), 0600, written while the lock is held.
    assert re.fullmatch(rf"\.notes\.json\.{os.getpid()}\.[0-9a-f]{{8}}\.tmp", str(seen["temp"]))
    assert seen["mode"] == 0o600 and seen["free"] is False
    assert (journal.folder / "notes.json").stat().st_mode & 0o777 == 0o600
    assert temporaries(journal.folder) == [] and lock_is_free(journal.folder)


@pytest.mark.parametrize("step", STEPS)
def test_a_side_write_that_fails_at_any_step_leaves_the_old_file_or_the_new(
    journal: Store, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    journal.update_side("notes.json", lambda old: b"old")

    def fail(at: str) -> None:
        if at == step:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file, "checkpoint", fail)
    with pytest.raises(JournalError, match=r"Could not save the notes to .*No space left"):
        journal.update_side("notes.json", lambda old: b"new", what="the notes")
    expected = b"new" if step == "after-replace" else b"old"
    assert journal.read_side("notes.json") == expected
    assert temporaries(journal.folder) == []


def test_a_change_that_returns_none_or_raises_writes_nothing(journal: Store) -> None:
    journal.update_side("notes.json", lambda old: None)
    assert journal.read_side("notes.json") is None

    def refuse(old: bytes | None) -> bytes:
        raise JournalError("damaged")

    with pytest.raises(JournalError, match="damaged"):
        journal.update_side("notes.json", refuse)
    assert journal.read_side("notes.json") is None and temporaries(journal.folder) == []


def test_a_side_write_waits_for_another_process_save(journal: Store) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal.folder), "0.5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    started = time.monotonic()
    skip_for_today(journal, DAY, ["cold:a"])
    waited = time.monotonic() - started
    holder.wait()
    assert waited >= 0.3, waited
    assert skipped_on(journal, DAY) == {"cold:a"}


def test_a_side_write_to_a_busy_journal_says_so_and_changes_nothing(
    journal: Store, other_process_holds_the_lock: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETJOURNAL_LOCK_TIMEOUT", "0.3")
    before = {path: path.read_bytes() for path in journal.folder.rglob("*") if path.is_file()}
    record = DrillSession(DAY, 1, 1, 1, [])
    for write in (
        lambda: skip_for_today(journal, DAY, ["cold:a"]),
        lambda: record_session(journal, record),
        lambda: journal.add(Person.create(name="Bob Stone")),  # as a save does
    ):
        with pytest.raises(JournalBusy, match="busy"):
            write()
    after = {path: path.read_bytes() for path in journal.folder.rglob("*") if path.is_file()}
    assert after == before  # no file changed, none added, no temporary left behind


def test_the_search_cache_is_written_unlocked_and_renamed_under_the_lock(
    journal: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    free: dict[str, bool] = {}
    monkeypatch.setattr(
        atomic_file, "checkpoint", lambda step: free.setdefault(step, lock_is_free(journal.folder))
    )
    index = SearchIndex.build(journal.people())
    assert index.save(journal)
    # The big write and its fsync do not hold the journal lock; the rename does.
    assert free == {"before-temp-write": True, "after-temp-write": True,
                    "after-fsync": False, "after-replace": False}  # fmt: skip
    loaded = SearchIndex.load(cache_path(journal))
    assert loaded is not None and loaded.search("ann") == index.search("ann")
    assert cache_path(journal).stat().st_mode & 0o777 == 0o600
    assert temporaries(journal.folder) == []


def test_a_busy_journal_only_costs_the_search_cache(
    journal: Store, other_process_holds_the_lock: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETJOURNAL_LOCK_TIMEOUT", "0.3")
    live = rebuild_index(journal, journal.people())
    assert live.search("ann")
    assert not cache_path(journal).exists() and temporaries(journal.folder) == []


def test_a_cache_never_creates_a_journal(journal_dir: Path) -> None:
    store = Store.open(journal_dir)
    assert store.write_cache(CACHE_NAME, [b"x"]) is False
    assert not journal_dir.exists()


def test_a_linked_cache_folder_is_not_followed_out_of_the_journal(
    journal: Store, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (journal.folder / ".cache").symlink_to(elsewhere)
    with pytest.raises(JournalError, match="symbolic link"):
        journal.write_cache(CACHE_NAME, [b"x"])
    assert list(elsewhere.iterdir()) == []


def test_a_planted_temporary_is_never_followed(
    journal: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "target"
    target.write_bytes(b"mine")
    monkeypatch.setattr(atomic_file.secrets, "token_hex", lambda size: "feedf00d")
    planted = journal.folder / f".notes.json.{os.getpid()}.feedf00d.tmp"
    planted.symlink_to(target)
    with pytest.raises(JournalError):
        journal.update_side("notes.json", lambda old: b"new")
    assert target.read_bytes() == b"mine" and journal.read_side("notes.json") is None


@pytest.mark.parametrize(
    "name",
    ["", "meta.json", ".lock", "people", "people/2026-03.json", "../elsewhere", "/etc/passwd",
     ".cache/../../x", "notes.json.tmp"],
)  # fmt: skip
def test_a_side_file_is_never_a_journal_file_or_out_of_the_folder(
    journal: Store, name: str
) -> None:
    with pytest.raises(ValueError):
        journal.side_path(name)


def test_a_side_write_creates_the_journal_first(journal_dir: Path) -> None:
    journal_dir.mkdir(mode=0o700)
    store = Store.open(journal_dir)
    skip_for_today(store, DAY, ["cold:a"])  # before: review-skips.json alone, "not a journal"
    record_session(store, DrillSession(DAY, 1, 1, 1, []))
    assert (journal_dir / "meta.json").exists()
    again = Store.open(journal_dir)  # the folder reads as a journal
    assert skipped_on(again, DAY) == {"cold:a"} and len(load_history(again)) == 1


def test_skips_written_before_are_read_and_kept_in_the_same_format(journal: Store) -> None:
    (journal.folder / "review-skips.json").write_bytes(OLD_SKIPS)
    assert skipped_on(journal, DAY) == {"cold:a"}
    skip_for_today(journal, DAY, ["prospect:b"])
    assert (journal.folder / "review-skips.json").read_bytes() == OLD_SKIPS.replace(
        b'"cold:a"\n', b'"cold:a",\n    "prospect:b"\n'
    )


def test_drill_history_written_before_is_read_and_extended(journal: Store) -> None:
    (journal.folder / "drills.json").write_bytes(OLD_DRILLS)
    [old] = load_history(journal)
    assert (old.day, old.asked, old.uncovered, old.topics, old.knew) == (
        date(2026, 11, 1), 5, ["tariffs"], [], 0,
    )  # fmt: skip
    record_session(journal, DrillSession(DAY, 2, 1, 1, [], ["a", "b"], knew=1))
    assert [s.day for s in load_history(Store.open(journal.folder))] == [date(2026, 11, 1), DAY]
