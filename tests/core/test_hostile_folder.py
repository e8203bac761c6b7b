"""The journal folder cannot be turned against its user (issue 12, section 3).

Files and links are planted as an attacker with write access to the folder (a shared or synced
folder) or a broken sync would: temporaries at the names a save uses, a linked `.lock`, shards
and table folders that are links out of the journal, orphaned temporaries of killed processes,
dangling links for doctor.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netjournal.core import atomic_file
from netjournal.core.commit import sweep_orphans, temp_pid
from netjournal.core.doctor import check_journal
from netjournal.core.errors import JournalError
from netjournal.core.journal_lock import JournalLock
from netjournal.core.records import Person
from netjournal.core.search_index import CACHE_NAME
from netjournal.core.store import SWEPT_FOLDERS, Store

STAMP = "2025-05-02T09:00:00Z"
ANN = Person.build(id="ann2222222", created=STAMP, updated=STAMP, name="Ann Archer")


@pytest.fixture
def journal(journal_dir: Path) -> Store:
    store = Store.open(journal_dir)
    store.add(ANN)
    return store


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file of the user's, outside the journal, that a planted link points at."""
    target = tmp_path / "outside" / "precious.txt"
    target.parent.mkdir()
    target.write_text("mine")
    target.chmod(0o644)
    return target


def untouched(target: Path) -> bool:
    return target.read_text() == "mine" and stat.S_IMODE(target.stat().st_mode) == 0o644


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(child.stdout)


def test_a_link_at_the_old_fixed_temporary_name_is_never_written_through(
    journal: Store, outside: Path
) -> None:
    (journal.folder / "people" / ".2025-05.json.tmp").symlink_to(outside)
    (journal.folder / ".meta.json.tmp").symlink_to(outside)
    journal.update(ANN.edit(org="Acme"))
    journal.add(Person.create(name="Bob Baker"), Person.create(name="Cat Cooper"))
    assert untouched(outside)
    assert Store.open(journal.folder).get(Person, ANN.id).org == "Acme"  # type: ignore[union-attr]


def test_a_link_planted_at_the_next_temporary_name_fails_the_save_and_is_not_followed(
    journal: Store, outside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic_file.secrets, "token_hex", lambda size: "feedf00d")
    planted = journal.folder / "people" / f".2025-05.json.{os.getpid()}.feedf00d.tmp"
    planted.symlink_to(outside)
    with pytest.raises(JournalError, match="not saved"):
        journal.update(ANN.edit(org="Acme"))
    assert untouched(outside) and planted.is_symlink()
    assert Store.open(journal.folder).get(Person, ANN.id) == ANN


def test_temporaries_are_new_private_files_with_unique_names(
    journal: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[str, int]] = []
    real_open = os.open

    def spy(path: object, flags: int, *args: int, **kwargs: object) -> int:
        opened.append((str(path), flags))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic_file.os, "open", spy)
    journal.add(Person.create(name="Bob Baker"))
    journal.update(ANN.edit(org="Acme"))
    monkeypatch.undo()
    temps = [(path, flags) for path, flags in opened if path.endswith(".tmp")]
    assert len(temps) == 2 and len({path for path, _ in temps}) == 2
    for path, flags in temps:
        assert flags & os.O_EXCL and flags & os.O_NOFOLLOW and flags & os.O_CREAT, path
        assert temp_pid(Path(path).name) == os.getpid()


def test_a_linked_lock_file_is_refused_and_not_followed(
    journal: Store, tmp_path: Path, outside: Path
) -> None:
    lock = journal.folder / ".lock"
    lock.unlink()
    lock.symlink_to(tmp_path / "outside" / "created-by-the-lock")
    with pytest.raises(JournalError, match=r"lock file .* is a symbolic link"):
        journal.add(Person.create(name="Bob Baker"))
    assert not (tmp_path / "outside" / "created-by-the-lock").exists()
    lock.unlink()
    lock.symlink_to(outside)
    with pytest.raises(JournalError, match="symbolic link"):
        JournalLock(journal.folder).__enter__()
    assert untouched(outside)


def test_a_shard_that_is_a_link_out_of_the_journal_is_refused_with_a_sentence(
    journal: Store, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    shard = journal.folder / "people" / "2025-05.json"
    shard.rename(elsewhere)
    shard.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    with pytest.raises(JournalError) as refused:
        Store.open(journal.folder).people()
    message = str(refused.value)
    assert message.count(".") <= 4 and "\n" not in message  # one sentence (paths have dots)
    assert f"{shard} is a symbolic link to {elsewhere}" in message
    with pytest.raises(JournalError, match="symbolic link"):
        Store.open(journal.folder).update(ANN.edit(org="Acme"))
    assert elsewhere.read_bytes() == before and shard.is_symlink()
    checkup = check_journal(journal.folder)
    assert any("symbolic link" in problem for problem in checkup.problems)


def test_a_table_folder_that_is_a_link_is_refused(journal: Store, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (journal.folder / "people").rename(elsewhere)
    (journal.folder / "people").symlink_to(elsewhere)
    before = {p.name: p.read_bytes() for p in elsewhere.iterdir()}
    with pytest.raises(JournalError, match=r"people is a symbolic link"):
        Store.open(journal.folder).add(Person.create(name="Bob Baker"))
    assert {p.name: p.read_bytes() for p in elsewhere.iterdir()} == before
    checkup = check_journal(journal.folder)
    assert any("people is a symbolic link" in problem for problem in checkup.problems)


def test_doctor_reports_a_dangling_link_instead_of_stopping(journal: Store, tmp_path: Path) -> None:
    (journal.folder / "drills.json").symlink_to(tmp_path / "gone.json")
    (journal.folder / "interactions").mkdir(exist_ok=True)
    (journal.folder / "interactions" / "2025-06.json").symlink_to(tmp_path / "gone-too.json")
    checkup = check_journal(journal.folder)
    notes = [note for note in checkup.notes if "which does not exist" in note]
    assert len(notes) == 2, checkup.notes
    assert any("2025-06.json is a symbolic link" in problem for problem in checkup.problems)
    assert checkup.counts["people"] == 1  # the rest was still checked


def test_orphaned_temporaries_are_removed_at_the_next_save_but_a_live_writers_are_kept(
    journal: Store,
) -> None:
    folder = journal.folder
    (folder / ".cache").mkdir(exist_ok=True)
    dead = dead_pid()
    orphans = [
        folder / ".cache" / f".search-index.{dead}.tmp",  # a cache write that died
        folder / ".cache" / f".search-index.{dead}.0badc0de.tmp",
        folder / "people" / f".2025-05.json.{dead}.0badc0de.tmp",  # a save that was killed
        folder / f".commit.{dead}.0badc0de.tmp",
    ]
    stale = folder / "people" / ".2025-05.json.tmp"  # an older version's, an hour old
    live = [
        folder / ".cache" / f".search-index.{os.getpid()}.feedf00d.tmp",  # being written now
        folder / "people" / ".2025-06.json.tmp",  # no pid, but young: maybe a live writer's
    ]
    for path in [*orphans, stale, *live]:
        path.write_bytes(b"partial")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))

    Store.open(folder).add(Person.create(name="Bob Baker"))  # a new process's first save

    assert not any(path.exists() for path in [*orphans, stale])
    assert all(path.exists() for path in live)
    assert len(Store.open(folder).people()) == 2


def test_the_search_cache_write_removes_its_orphans(journal: Store) -> None:
    cache = journal.folder / ".cache"
    cache.mkdir(exist_ok=True)
    orphan = cache / f".search-index.{dead_pid()}.tmp"
    orphan.write_bytes(b"x" * 100)
    assert journal.write_cache(CACHE_NAME, [b"index"])
    assert not orphan.exists() and (cache / "search-index").read_bytes() == b"index"


def test_doctor_removes_orphans_and_says_so(journal: Store) -> None:
    orphan = journal.folder / "people" / f".2025-05.json.{dead_pid()}.0badc0de.tmp"
    orphan.write_bytes(b"{")
    checkup = check_journal(journal.folder)
    assert checkup.healthy
    assert "Removed 1 temporary file left by interrupted saves." in checkup.notes
    assert not orphan.exists()


def test_the_sweep_never_follows_links(journal: Store, tmp_path: Path, outside: Path) -> None:
    link = journal.folder / "people" / f".x.json.{dead_pid()}.0badc0de.tmp"
    link.symlink_to(outside)
    (journal.folder / ".cache").symlink_to(outside.parent)
    theirs = outside.parent / f".search-index.{dead_pid()}.tmp"
    theirs.write_text("theirs")
    removed = sweep_orphans(journal.folder, SWEPT_FOLDERS)
    assert removed == [link] and untouched(outside)  # the link went, not what it points at
    assert theirs.exists()  # nothing in a linked folder is touched


@pytest.mark.parametrize(
    ("name", "pid"),
    [
        (".2025-05.json.1234.0badc0de.tmp", 1234),
        (".search-index.99.tmp", 99),
        (".2025-05.json.tmp", None),
        (".commit.77.abcdef12.tmp", 77),
        (".meta.json.tmp", None),
    ],
)
def test_the_process_id_in_a_temporary_name(name: str, pid: int | None) -> None:
    assert temp_pid(name) == pid
