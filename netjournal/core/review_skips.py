"""Review items skipped for today: kept on disk, so a skip survives closing the app.

`review-skips.json` in the journal folder holds one day's skips, `{"app": "netjournal",
"skips": 1, "day": "2026-11-29", "items": [...]}`; a skip of another day counts for nothing and
is replaced by the next one. The file is the user's choice for a day only, so a damaged one is
read as "nothing skipped" and rewritten by the next skip rather than refused. The store reads
and writes it (a side file: atomic, under the journal lock).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import orjson

from netjournal.core.errors import JournalError
from netjournal.core.store import Store

SKIPS_NAME = "review-skips.json"
SKIPS_FORMAT = 1


def skips_path(store: Store) -> Path:
    """Where the skips are kept (to read; the store writes them)."""
    return store.side_path(SKIPS_NAME)


def skipped_on(store: Store, day: date) -> frozenset[str]:
    """The ids of the review items skipped on `day` (none for any other day)."""
    try:
        return _skipped_in(store.read_side(SKIPS_NAME), day)
    except OSError:
        return frozenset()


def _skipped_in(raw: bytes | None, day: date) -> frozenset[str]:
    try:
        data = orjson.loads(raw) if raw is not None else None
    except orjson.JSONDecodeError:
        return frozenset()
    if not isinstance(data, dict) or data.get("day") != day.isoformat():
        return frozenset()
    items = data.get("items")
    return (
        frozenset(i for i in items if isinstance(i, str))
        if isinstance(items, list)
        else frozenset()
    )


def skip_for_today(store: Store, day: date, item_ids: Iterable[str]) -> frozenset[str]:
    """Add `item_ids` to the skips of `day` (atomic, under the journal lock); all of them now."""
    if not store.folder.is_dir():
        raise JournalError(
            f"Cannot remember the skip: the journal folder {store.folder} does not exist."
        )
    skipped: frozenset[str] = frozenset()

    def add(raw: bytes | None) -> bytes:
        nonlocal skipped
        skipped = _skipped_in(raw, day) | frozenset(item_ids)
        data = {"app": "netjournal", "skips": SKIPS_FORMAT, "day": day.isoformat(),
                "items": sorted(skipped)}  # fmt: skip
        return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"

    store.update_side(SKIPS_NAME, add, what="the skip")
    return skipped
