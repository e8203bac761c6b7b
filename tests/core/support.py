"""What core tests share: a journal snapshot made from records, without a store."""

from __future__ import annotations

from netjournal.core.records import Record
from netjournal.core.snapshot import JournalSnapshot


def snapshot(*records: Record) -> JournalSnapshot:
    """The records, by table and id, as the app and the CLI would see them."""
    by_table: dict[str, dict[str, Record]] = {
        "people": {}, "learnings": {}, "interactions": {}, "outreach": {},
    }  # fmt: skip
    for record in records:
        by_table[record.TABLE][record.id] = record
    return JournalSnapshot(**by_table)  # type: ignore[arg-type]
