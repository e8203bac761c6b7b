"""A save that changes several files is all or nothing: a commit record (a redo log).

Each file's new version is first written to a temporary of its own beside it (a new name,
O_EXCL | O_NOFOLLOW, fsynced), and the temporaries' folders are fsynced. Then `.commit` is
written atomically: the name, size and crc32 of every temporary and the file it replaces. The
rename of `.commit` is the commit point. Before it, nothing of the save is in the journal (a
failure removes the temporaries). After it, all of it is: the temporaries are renamed over
their files, the folders fsynced, and `.commit` removed (its folder fsynced too).

A process that dies or fails between the commit point and the removal leaves `.commit`. The
next one to take the journal lock (a save, a reader that saw the record, `Store.open`,
`netjournal doctor`) finishes it with `finish_pending`: every temporary still there is checked
against its size and crc32 and renamed (roll forward). A temporary without a record is an
orphan of a save that never committed: `sweep_orphans` removes it (roll back).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import orjson

from netjournal.core import atomic_file
from netjournal.core.atomic_file import (
    fsync_folder,
    make_folder,
    write_atomically,
    write_new_temporary,
)
from netjournal.core.errors import JournalError

COMMIT_NAME = ".commit"
ORPHAN_AGE = 60.0  # seconds: a temporary this old is no live writer's, whatever its pid says
TEMP_SUFFIX = ".tmp"


@dataclass(frozen=True)
class Staged:
    """A file's new version, written and fsynced to a temporary beside it."""

    path: Path
    temp: Path
    size: int
    crc: int


class Unfinished(Exception):
    """The save is committed (it is in the journal), but putting its files in place failed.

    The next process to take the lock finishes it; `error` is what stopped this one.
    """

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def stage(path: Path, data: bytes) -> Staged:
    """Write `data` to a new temporary beside `path`; nothing in the journal changes yet."""
    make_folder(path.parent)
    temp = write_new_temporary(path, [data])
    return Staged(path, temp, len(data), zlib.crc32(data))


def discard(staged: Iterable[Staged]) -> None:
    """Remove temporaries of a save that did not commit (what cannot be removed is swept later)."""
    for item in staged:
        with contextlib.suppress(OSError):  # an orphan then: sweep_orphans removes it later
            item.temp.unlink(missing_ok=True)


def commit(folder: Path, staged: Sequence[Staged]) -> None:
    """Put every staged file in place as one change; call it holding the journal lock.

    An OSError before the commit point leaves the journal as it was (the temporaries are
    removed). After it the save is done whatever happens: a failure to put the files in place
    is tried once more, then raised as Unfinished (the record stays for the next process).
    """
    record = folder / COMMIT_NAME
    try:
        # The temporaries' names must be on disk before a record names them.
        for parent in sorted({item.temp.parent for item in staged}):
            fsync_folder(parent)
        atomic_file.checkpoint("before-commit")
        entries = [
            {
                "file": _relative(folder, item.path),
                "temp": _relative(folder, item.temp),
                "size": item.size,
                "crc32": item.crc,
            }
            for item in staged
        ]
        data = orjson.dumps({"commit": 1, "files": entries}, option=orjson.OPT_INDENT_2)
        write_atomically(record, data)
    except atomic_file.NotDurable as error:
        # The record is in place, so the save is committed; only its durability is in doubt.
        _finish_or_raise(folder, error)
        return
    except BaseException:
        # Stopped (ctrl+c) right after the record's rename: committed, the next process finishes
        # it. Any other record was finished when the lock was taken, so one there is this one.
        if not pending(folder):
            discard(staged)
        raise
    try:
        atomic_file.checkpoint("committed")
        _put_in_place(folder, staged)
    except OSError as error:
        _finish_or_raise(folder, error)


def _finish_or_raise(folder: Path, error: OSError) -> None:
    try:
        finish_pending(folder)  # once more: a one-off error must not leave the save half done
    except (OSError, JournalError):
        raise Unfinished(error) from error


def _put_in_place(folder: Path, staged: Sequence[Staged]) -> None:
    for item in staged:
        atomic_file.checkpoint("after-fsync")
        os.replace(item.temp, item.path)
        atomic_file.checkpoint("after-replace")
    _close(folder, {item.path.parent for item in staged})


def _close(folder: Path, parents: Iterable[Path]) -> None:
    """Make the renames durable, then remove the record (durably: a record must never outlive
    the save, or it could one day "finish" it over a later save's files)."""
    for parent in sorted(parents):
        fsync_folder(parent)
    atomic_file.checkpoint("before-commit-removal")
    os.unlink(folder / COMMIT_NAME)
    fsync_folder(folder)


def pending(folder: Path) -> bool:
    """Whether a save was committed but not finished (a commit record is there)."""
    return os.path.lexists(folder / COMMIT_NAME)


def finish_pending(folder: Path) -> list[str]:
    """Finish a committed save left unfinished; the files it put in place ([] if none).

    Call it holding the journal lock. A record that cannot be read was never completely
    written, so it committed nothing: it is removed (rolled back). A record that can be
    neither finished nor undone (a temporary missing or damaged after some files were already
    replaced) is a JournalError, and the record stays for the user to decide.
    """
    path = folder / COMMIT_NAME
    try:
        raw = _read_no_follow(path)
    except FileNotFoundError:
        return []
    except OSError as error:
        raise JournalError(
            f"Cannot read {path}, the record of an interrupted save: {error.strerror or error}."
        ) from None
    entries = _entries(folder, raw)
    if entries is None:  # not a whole record: the save never reached its commit point
        os.unlink(path)
        fsync_folder(folder)
        return []
    ready: list[Staged] = []
    broken: list[Staged] = []
    done = 0
    for item in entries:
        if not os.path.lexists(item.temp):
            # While a record exists its temporaries go only by their rename (an undo removes the
            # record first, orphans are swept only after this): this file is in place.
            done += 1
        elif _matches(item.temp, item):
            ready.append(item)
        else:
            broken.append(item)
    if broken and done:
        names = ", ".join(str(item.path) for item in broken)
        raise JournalError(
            f"An interrupted save cannot be finished: the new version of {names} is damaged "
            f"and other files of it are already in place; restore from a backup, or remove "
            f"{path} to keep the journal as it is."
        )
    if broken:  # nothing was put in place yet: undo it whole, the record first
        os.unlink(path)
        fsync_folder(folder)
        discard(ready + broken)
        return []
    for item in ready:
        os.replace(item.temp, item.path)
    _close(folder, {item.path.parent for item in entries})
    return [_relative(folder, item.path) for item in entries]


def _entries(folder: Path, raw: bytes) -> list[Staged] | None:
    """The record's files, or None if it is not a whole, well-formed record of this folder."""
    try:
        data = orjson.loads(raw)
        items = data["files"]
        entries = [
            Staged(
                _inside(folder, item["file"]),
                _inside(folder, item["temp"]),
                int(item["size"]),
                int(item["crc32"]),
            )
            for item in items
        ]
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return None
    for item in entries:
        # A temporary of exactly that file, beside it: a record can move nothing else.
        if item.temp.parent != item.path.parent or not _is_temp_of(item.temp.name, item.path):
            return None
    return entries or None


def _inside(folder: Path, name: object) -> Path:
    if not isinstance(name, str):
        raise TypeError(name)
    pure = PurePosixPath(name)
    if not pure.parts or pure.is_absolute() or any(p in (".", "..") for p in pure.parts):
        raise ValueError(name)
    return folder.joinpath(*pure.parts)


def _is_temp_of(name: str, path: Path) -> bool:
    return name.startswith(f".{path.name}.") and name.endswith(TEMP_SUFFIX)


def _relative(folder: Path, path: Path) -> str:
    return path.relative_to(folder).as_posix()


def _matches(path: Path, item: Staged) -> bool:
    """Whether `path` is a regular file holding exactly the bytes the record names."""
    try:
        data = _read_no_follow(path)
    except OSError:
        return False
    return len(data) == item.size and zlib.crc32(data) == item.crc


def _read_no_follow(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(f"{path} is not a file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


# Orphans: temporaries of saves that never committed, or of cache writes that died.


def sweep_orphans(folder: Path, subfolders: Iterable[str]) -> list[Path]:
    """Remove temporaries no live save can still need; the paths removed.

    Call it holding the journal lock, after `finish_pending`. Only `.NAME[.pid[.random]].tmp`
    files in `folder` and its `subfolders` are looked at (never following a link); one goes
    when its process is gone, or when it is older than ORPHAN_AGE (a process id can be reused).
    A concurrent writer's temporary (the search cache is written before the lock is taken) is
    young and its process alive, so it stays.
    """
    removed: list[Path] = []
    now = time.time()
    for where in [folder, *(folder / name for name in subfolders)]:
        try:
            if where != folder and os.path.islink(where):
                continue  # a linked folder is refused elsewhere; never reach through it
            entries = list(os.scandir(where))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)) or name == COMMIT_NAME:
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(info.st_mode):
                    continue
                pid = temp_pid(name)
                if pid is not None and _alive(pid) and now - info.st_mtime < ORPHAN_AGE:
                    continue
                if pid is None and now - info.st_mtime < ORPHAN_AGE:
                    continue
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                continue  # gone meanwhile, or not ours to remove: doctor still lists it
    return removed


def temp_pid(name: str) -> int | None:
    """The process id in a temporary's name (`.NAME.<pid>.<random>.tmp`), if it has one."""
    parts = name[1 : -len(TEMP_SUFFIX)].split(".")
    if len(parts) >= 3 and parts[-2].isdigit() and _is_hex(parts[-1]):
        return int(parts[-2])
    if len(parts) >= 2 and parts[-1].isdigit():
        return int(parts[-1])  # `.search-index.<pid>.tmp`, as older versions named it
    return None


def _is_hex(text: str) -> bool:
    return bool(text) and all(char in "0123456789abcdef" for char in text)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True
