"""One save at a time: an exclusive lock on `.lock` in the journal folder, held per save.

The lock lives on its own file because `os.replace` gives a data file a new inode, which
would silently drop a lock held on the old one. It is never held for a session, so the CLI can
capture while the app is open in another terminal.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from netjournal.core.atomic_file import FILE_MODE
from netjournal.core.errors import JournalBusy, JournalError

LOCK_NAME = ".lock"
DEFAULT_TIMEOUT = 5.0


def lock_timeout() -> float:
    """Seconds to wait for another process's save; NETJOURNAL_LOCK_TIMEOUT overrides."""
    try:
        return float(os.environ.get("NETJOURNAL_LOCK_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


class JournalLock:
    """`with JournalLock(folder):` holds the journal's write lock, or raises JournalBusy."""

    def __init__(self, folder: Path, timeout: float | None = None) -> None:
        self.path = folder / LOCK_NAME
        self.timeout = lock_timeout() if timeout is None else timeout
        self._fd: int | None = None

    def __enter__(self) -> JournalLock:
        try:
            # Never through a link: a planted `.lock` must not create or lock a file elsewhere.
            fd = os.open(
                self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE
            )
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise JournalError(
                    f"The journal's lock file {self.path} is a symbolic link; netjournal does not "
                    "follow it: remove it (the next save makes a new one)."
                ) from None
            raise JournalError(
                f"Cannot write to the journal folder {self.path.parent}: {error.strerror}."
            ) from None
        deadline = time.monotonic() + self.timeout
        delay = 0.002
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise JournalBusy(
                        f"The journal at {self.path.parent} is busy: another netjournal has been "
                        f"saving for {self.timeout:g} s; nothing was changed, try again."
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
        self._fd = fd
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
