"""Tombstones: what says "this record was deleted" in a journal file, so a merge keeps it gone.

A shard file holds its table's records under the table's name and, beside them, the
tombstones of records deleted from it under TOMBSTONES (`{"people": {...}, "_deleted":
{"ID": {"id": "ID", "table": "people", "deleted": STAMP}}}`): they travel with the file
through git or a synced folder, and merging one file needs nothing outside it. A tombstone is
kept KEEP_DAYS (long enough for any device to catch up) and pruned when its file is next
written.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from netjournal.core.fields import is_stamp

TOMBSTONES = "_deleted"
KEEP_DAYS = 365

Tombstones = dict[str, dict[str, Any]]


def tombstone(record_id: str, table: str, stamp: str) -> dict[str, Any]:
    """The tombstone of record `record_id` of `table`, deleted at `stamp`."""
    return {"id": record_id, "table": table, "deleted": stamp}


def read_tombstones(data: dict[str, Any]) -> Tombstones | None:
    """The tombstones of a parsed shard file ({} if none); None if they are not well formed."""
    stones = data.get(TOMBSTONES, {})
    if not isinstance(stones, dict):
        return None
    for key, stone in stones.items():
        if (
            not isinstance(stone, dict)
            or stone.get("id") != key
            or not isinstance(stone.get("deleted"), str)
            or not is_stamp(stone["deleted"])
        ):
            return None
    return stones


def pruned(stones: Tombstones, now: datetime | None = None) -> Tombstones:
    """`stones` without those older than KEEP_DAYS."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=KEEP_DAYS)
    limit = cutoff.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if all(stone["deleted"] >= limit for stone in stones.values()):
        return stones  # the usual case: nothing to copy
    return {key: stone for key, stone in stones.items() if stone["deleted"] >= limit}


def united(first: Tombstones, second: Tombstones) -> Tombstones:
    """Both sides' tombstones; for an id deleted on both, the earlier deletion."""
    out = dict(first)
    for key, stone in second.items():
        mine = out.get(key)
        if mine is None or stone["deleted"] < mine["deleted"]:
            out[key] = stone
    return dict(sorted(out.items()))
