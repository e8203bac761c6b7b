"""Writing a file so that a crash at any instant leaves the old version or the new one.

Temporary file in the same folder, write, flush, fsync, `os.replace`, fsync of the folder.
Shard saves hold the journal lock, so one fixed temporary name per file is safe, and a
temporary left by a crash is simply overwritten by the next save. Side files (see
`Store.update_side`) get a new temporary name per write, created exclusively.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700

# Tests replace this to make a save fail or the process die at each step (fault injection).
checkpoint: Callable[[str], None] = lambda step: None  # noqa: E731


def temporary_path(path: Path) -> Path:
    """Where the next version of `path` is written before it replaces `path`."""
    return path.with_name(f".{path.name}.tmp")


def write_atomically(path: Path, data: bytes, temp: Path | None = None) -> None:
    """Replace `path` with `data`, durably and atomically (0600, fsynced file and folder).

    The fixed temporary name is safe under the journal lock; a writer without the lock
    (an export) passes a temporary name of its own.
    """
    temp = temp or temporary_path(path)
    checkpoint("before-temp-write")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # a leftover temporary may have been made with other modes
        _write_all(fd, [data])
    finally:
        os.close(fd)
    replace_durably(temp, path)


def write_new_temporary(path: Path, chunks: Iterable[bytes | memoryview]) -> Path:
    """Write `chunks` to a new temporary beside `path` (0600, fsynced) and return its path.

    The name is unique (process id and a random part) and created with O_EXCL | O_NOFOLLOW,
    so it never reuses or follows what is already there; it is removed if the write fails.
    """
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    checkpoint("before-temp-write")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        try:
            _write_all(fd, chunks)
        finally:
            os.close(fd)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def replace_durably(temp: Path, path: Path) -> None:
    """Move a written temporary over `path` and make the rename durable."""
    checkpoint("after-fsync")
    os.replace(temp, path)
    checkpoint("after-replace")
    fsync_folder(path.parent)


def _write_all(fd: int, chunks: Iterable[bytes | memoryview]) -> None:
    for chunk in chunks:
        view = memoryview(chunk).cast("B")  # the search cache passes typed arrays' buffers
        while view:
            view = view[os.write(fd, view) :]
    checkpoint("after-temp-write")
    os.fsync(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_folder(folder: Path) -> None:
    """Create `folder` (and parents) private to the user."""
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
