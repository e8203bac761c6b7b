"""The journal's files closed to other users again after git wrote them.

netjournal writes its files 600 and its folders 700, but `git clone` and `git pull` write what
they check out with the user's umask (usually 644 and 755), so a clone or a pulled file could
be read by anyone on the computer (and `doctor` says so). This closes them again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from netjournal.core.atomic_file import FILE_MODE, FOLDER_MODE
from netjournal.core.records import RECORD_TYPES


def close_to_others(folder: Path) -> int:
    """Make the journal's own files 600 and its folders 700; how many were open to others.
    Links are never followed (a planted one must not change a file elsewhere); `.git` is git's."""
    closed = 0
    for where in [folder, *(folder / table for table in RECORD_TYPES)]:
        closed += _close(where, FOLDER_MODE, stat.S_ISDIR)
        try:
            names = sorted(os.listdir(where))
        except OSError:
            continue
        for name in names:
            closed += _close(where / name, FILE_MODE, stat.S_ISREG)
    return closed


def _close(path: Path, mode: int, is_kind: Callable[[int], bool]) -> int:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return 0  # a link, gone, or unreadable: left alone
    try:
        info = os.fstat(fd)
        if not is_kind(info.st_mode) or not info.st_mode & 0o077:
            return 0
        os.fchmod(fd, mode)
        return 1
    except OSError:
        return 0
    finally:
        os.close(fd)
