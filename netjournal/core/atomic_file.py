"""Writing a file so that a crash at any instant leaves the old version or the new one.

Temporary file in the same folder, write, flush, fsync, `os.replace`, fsync of the folder.
Callers hold the journal lock, so one fixed temporary name per file is safe, and a temporary
left by a crash is simply overwritten by the next save.
"""

from __future__ import annotations

import os
from collections.abc import Callable
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
    (the search cache) passes a temporary name of its own.
    """
    temp = temp or temporary_path(path)
    checkpoint("before-temp-write")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # a leftover temporary may have been made with other modes
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        checkpoint("after-temp-write")
        os.fsync(fd)
    finally:
        os.close(fd)
    checkpoint("after-fsync")
    os.replace(temp, path)
    checkpoint("after-replace")
    fsync_folder(path.parent)


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
