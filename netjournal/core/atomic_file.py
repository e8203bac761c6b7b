"""Writing a file so that a crash at any instant leaves the old version or the new one.

Temporary file in the same folder, write, flush, fsync, `os.replace`, fsync of the folder.
Every temporary gets a new name (process id and a random part), created with
O_EXCL | O_NOFOLLOW, so a file or link planted in the journal folder is never written through;
temporaries left by a crash are removed by `sweep_orphans` (see commit.py). A save that
changes several files puts them in place together through a commit record (commit.py).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600
FOLDER_MODE = 0o700

# Tests replace this to make a save fail or the process die at each step (fault injection).
checkpoint: Callable[[str], None] = lambda step: None  # noqa: E731


class NotDurable(OSError):
    """The new version is in place (readers see it), but the disk failed to confirm the rename."""


def write_atomically(path: Path, data: bytes, temp: Path | None = None) -> None:
    """Replace `path` with `data`, durably and atomically (0600, fsynced file and folder).

    The temporary gets a new name of its own unless the caller passes one (an export writes
    it beside a file outside the journal). An OSError before the rename leaves `path` as it
    was; after it, the error is a NotDurable: `path` already holds `data`.
    """
    if temp is None:
        temp = write_new_temporary(path, [data])
    else:
        checkpoint("before-temp-write")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)  # a leftover temporary may have been made with other modes
            _write_all(fd, [data])
        finally:
            os.close(fd)
    try:
        checkpoint("after-fsync")
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):  # the error that stopped the save is the one to tell
            temp.unlink(missing_ok=True)
        raise
    try:
        checkpoint("after-replace")
        fsync_folder(path.parent)
    except OSError:
        try:
            fsync_folder(path.parent)  # once more: a one-off error need not fail a done save
        except OSError as error:
            raise NotDurable(error.errno, error.strerror, str(path)) from error


def temporary_name(path: Path) -> Path:
    """A new name for a temporary of `path`, beside it: `.NAME.<pid>.<random>.tmp`."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def write_new_temporary(path: Path, chunks: Iterable[bytes | memoryview]) -> Path:
    """Write `chunks` to a new temporary beside `path` (0600, fsynced) and return its path.

    The name is unique (process id and a random part) and created with O_EXCL | O_NOFOLLOW,
    so it never reuses or follows what is already there; it is removed if the write fails.
    """
    temp = temporary_name(path)
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


class IsALink(OSError):
    """A journal file that is a symbolic link: never read or written through."""


def open_no_follow(path: Path) -> BinaryIO:
    """Open `path` for reading unless it is a symbolic link (IsALink)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise IsALink(error.errno, error.strerror, str(path)) from None
        raise
    return os.fdopen(fd, "rb")


def linked(path: Path) -> str:
    """The sentence refusing a journal file or folder that is a symbolic link."""
    try:
        target = f" to {os.readlink(path)}"
    except OSError:
        target = ""
    return (
        f"{path} is a symbolic link{target}; netjournal does not follow links in the journal "
        "folder (they could take your data out of it): put the file or folder itself there."
    )


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
