"""Review items skipped for today: kept on disk, so a skip survives closing the app.

`review-skips.json` in the journal folder holds one day's skips, `{"app": "netjournal",
"skips": 1, "day": "2026-11-29", "items": [...]}`; a skip of another day counts for nothing and
is replaced by the next one. The file is the user's choice for a day only, so a damaged one is
read as "nothing skipped" and rewritten by the next skip rather than refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import orjson

from netjournal.core.atomic_file import write_atomically
from netjournal.core.errors import JournalError
from netjournal.core.journal_lock import JournalLock

SKIPS_NAME = "review-skips.json"
SKIPS_FORMAT = 1


def skips_path(folder: Path) -> Path:
    return Path(folder) / SKIPS_NAME


def skipped_on(folder: Path, day: date) -> frozenset[str]:
    """The ids of the review items skipped on `day` (none for any other day)."""
    try:
        data = orjson.loads(skips_path(folder).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return frozenset()
    if not isinstance(data, dict) or data.get("day") != day.isoformat():
        return frozenset()
    items = data.get("items")
    return (
        frozenset(i for i in items if isinstance(i, str))
        if isinstance(items, list)
        else frozenset()
    )


def skip_for_today(folder: Path, day: date, item_ids: Iterable[str]) -> frozenset[str]:
    """Add `item_ids` to the skips of `day` (atomic, under the journal lock); all of them now."""
    folder = Path(folder)
    if not folder.is_dir():
        raise JournalError(f"Cannot remember the skip: the journal folder {folder} does not exist.")
    with JournalLock(folder):
        skipped = skipped_on(folder, day) | frozenset(item_ids)
        data = {"app": "netjournal", "skips": SKIPS_FORMAT, "day": day.isoformat(),
                "items": sorted(skipped)}  # fmt: skip
        path = skips_path(folder)
        try:
            write_atomically(path, orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
        except OSError as error:
            raise JournalError(
                f"Could not remember the skip in {path}: {error.strerror or error}."
            ) from None
    return skipped
