"""Which file names are conflict copies that sync engines leave beside a file, and of what.

Syncthing: `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.json`; Dropbox: `NAME (... conflicted copy
YYYY-MM-DD).json`; Nextcloud: `NAME (conflicted copy ...).json`; OneDrive: `NAME-HOSTNAME.json`.
OneDrive's shape is recognized only where NAME is a shard's name (a month, `2026-12` or
`2026-12~2`) or `meta`, since any name with a dash would otherwise look like one.
"""

from __future__ import annotations

import re

SUFFIX = ".json"
SHARD_NAME = re.compile(r"^\d{4}-\d{2}(~\d+)?$")
_SYNCTHING = re.compile(r"^(?P<base>.+)\.sync-conflict-\d{8}-\d{6}-[A-Za-z0-9]+$")
_DROPBOX_NEXTCLOUD = re.compile(r"^(?P<base>.+?) \([^()]*conflicted copy[^()]*\)$", re.IGNORECASE)
_ONEDRIVE = re.compile(r"^(?P<base>\d{4}-\d{2}(~\d+)?|meta)-(?P<host>[A-Za-z0-9][A-Za-z0-9_-]*)$")


def original_of(name: str) -> str | None:
    """The name of the file `name` is a conflict copy of (`2026-12.json`), or None."""
    if not name.endswith(SUFFIX):
        return None
    stem = name.removesuffix(SUFFIX)
    for pattern in (_SYNCTHING, _DROPBOX_NEXTCLOUD, _ONEDRIVE):
        found = pattern.match(stem)
        if found:
            return found.group("base") + SUFFIX
    return None


def is_conflict_copy(name: str) -> bool:
    return original_of(name) is not None
