"""Exchanging two folders in one step, where the operating system can.

Linux has `renameat2(..., RENAME_EXCHANGE)` (3.15 and later, on most file systems) and macOS
`renamex_np(..., RENAME_SWAP)`: after the call each path names the other's folder, and no
instant exists at which either path is missing. Python's `os` offers neither, so they are
called through ctypes; where neither exists (or the file system refuses), `exchange` says so
and the caller falls back to two renames.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

AT_FDCWD = -100  # Linux: paths relative to the current folder
RENAME_EXCHANGE = 2  # Linux
RENAME_SWAP = 2  # macOS
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}
_Call = Callable[[bytes, bytes], int]


def exchange(first: Path, second: Path) -> bool:
    """Swap the folders at `first` and `second` atomically; False where that cannot be done.

    OSError for a real failure (a missing folder, no permission)."""
    call = _swap_call()
    if call is None:
        return False
    if call(os.fsencode(first), os.fsencode(second)) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))


def _swap_call() -> _Call | None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    if sys.platform.startswith("linux"):
        renameat2 = getattr(libc, "renameat2", None)  # glibc 2.28, musl 1.2.3 and later
        if renameat2 is None:
            return None
        renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                              ctypes.c_uint]  # fmt: skip
        renameat2.restype = ctypes.c_int
        return lambda a, b: int(renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE))
    if sys.platform == "darwin":
        renamex_np = getattr(libc, "renamex_np", None)  # macOS 10.12 and later
        if renamex_np is None:
            return None
        renamex_np.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
        renamex_np.restype = ctypes.c_int
        return lambda a, b: int(renamex_np(a, b, RENAME_SWAP))
    return None
