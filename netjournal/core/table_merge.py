"""Merging two (or, with their common base, three) versions of one journal file, record by id.

A record on one side only is kept, unless the other side holds its tombstone (a deletion
always wins, and tombstones are united). A record both sides changed is merged field by
field: list fields (interests, tags, email, person_ids, ...) are united (with a base, an item
one side removed stays removed); any other field takes the newer side's value. When both
sides changed the same text field differently, the other value is kept on the record as a
conflict note (conflict_notes.py); without a base, a filled value beats an empty one. Clocks differ between machines: `updated` stamps less than
SKEW apart may be in the wrong order, so then the later stamp still wins (equal stamps: the
content decides, the same on both devices) but every differing value of the other side is
noted, not only text.
The result does not depend on which side is "ours": two devices merging each other's file
write the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson

from netjournal.core.clock import now_stamp
from netjournal.core.conflict_notes import CONFLICTS, notes_in, united_notes
from netjournal.core.errors import JournalError, RecordError
from netjournal.core.fields import is_stamp
from netjournal.core.records import RECORD_TYPES, Record
from netjournal.core.shards import parse_table
from netjournal.core.tombstones import TOMBSTONES, Tombstones, pruned, tombstone, united

SKEW = timedelta(minutes=10)
FIXED = ("id", "created", "updated", CONFLICTS)
_MISSING: Any = object()

Doc = dict[str, Any]


class NotATable(JournalError):
    """Bytes that are not a journal table file (or not the same table as the other side)."""


@dataclass(frozen=True)
class Merged:
    """A merged file: its bytes, and what the merge took from the other side."""

    table: str
    data: bytes
    changes: int  # records added, changed or deleted compared with "ours"
    conflicts: int  # conflict notes the merge added


def merge_files(
    ours: bytes, theirs: bytes, base: bytes | None = None, name: str = "", theirs_name: str = ""
) -> Merged:
    """Merge two versions of a table file (and their common base, if known); NotATable if
    one is not a journal table file, naming it (`theirs_name` for THEIRS, else `name`)."""
    ours_name, theirs_name = name or "our version", theirs_name or name or "their version"
    mine = _load(ours, ours_name)
    table = _table_of(mine, ours_name)
    other = _load(theirs, theirs_name)
    docs_o, stones_o = _docs(mine, table, ours_name)
    docs_t, stones_t = _docs(other, table, theirs_name)
    docs_b: dict[str, Doc] = {}
    if base:
        try:
            docs_b = _docs(_load(base, "the common version"), table, "the common version")[0]
        except NotATable:
            docs_b = {}  # a damaged base only costs the three-way precision
    docs, stones, changes, conflicts = merge_tables(
        table, docs_o, stones_o, docs_t, stones_t, docs_b if base else None
    )
    return Merged(table, serialize(table, docs, stones), changes, conflicts)


def merge_tables(
    table: str,
    docs_o: dict[str, Doc],
    stones_o: Tombstones,
    docs_t: dict[str, Doc],
    stones_t: Tombstones,
    docs_b: dict[str, Doc] | None = None,
) -> tuple[dict[str, Doc], Tombstones, int, int]:
    """The merged records and tombstones, how many records differ from ours, notes added."""
    kind = RECORD_TYPES[table]
    stones = united(stones_o, stones_t)
    merged: dict[str, Doc] = {}
    changes = conflicts = 0
    for key in sorted(docs_o.keys() | docs_t.keys()):
        mine, theirs = docs_o.get(key), docs_t.get(key)
        base = docs_b.get(key) if docs_b is not None else None
        if key in stones:
            result = None
        elif mine is None or theirs is None:
            result = mine if theirs is None else theirs
            present = mine if mine is not None else theirs
            if base is not None and present == base:  # deleted by an older version, untouched
                # When is unknown: after its last change (the same on every device).
                when = present.get("updated")
                stamp = when if isinstance(when, str) and is_stamp(when) else now_stamp()
                stones[key] = tombstone(key, table, stamp)
                result = None
        else:
            result, added = merge_record(kind, mine, theirs, base)
            conflicts += added
        if result is not None:
            merged[key] = result
        if result != mine:
            changes += 1
    return merged, stones, changes, conflicts


def merge_record(kind: type[Record], mine: Doc, theirs: Doc, base: Doc | None) -> tuple[Doc, int]:
    """One record changed on both sides, merged field by field; the notes it added."""
    if mine == theirs:
        return mine, 0
    if base is not None and mine == base:
        return theirs, 0
    if base is not None and theirs == base:
        return mine, 0
    winner, loser, trusted = _order(mine, theirs)
    fields = kind.FIELDS
    lists = set(fields.words)
    texts = (set(fields.lines) - set(fields.choices)) | set(fields.texts)
    result = dict(winner)
    notes: list[Doc] = []
    for name in sorted((winner.keys() | loser.keys()) - set(FIXED)):
        won, lost = winner.get(name, _MISSING), loser.get(name, _MISSING)
        if won == lost:
            continue
        was = base.get(name, _MISSING) if base is not None else _MISSING
        if base is not None and lost == was:
            continue  # only the winner changed it
        if (base is not None and won == was) or won is _MISSING:
            result[name] = lost  # only the loser changed it (or the winner never knew it)
            continue
        if lost is _MISSING:
            continue
        if base is None and won in ("", None, []):
            result[name] = lost  # without a base, an empty field is most likely one never filled
            continue
        if isinstance(won, list) and isinstance(lost, list) and (name in lists or name not in texts):
            result[name] = _union(won, lost, was if isinstance(was, list) else None)
            continue
        if lost in ("", None, []):
            continue  # an emptied field keeps nothing worth noting
        if name in texts or not trusted:
            notes.append({"field": name, "value": lost, "updated": loser.get("updated", "")})
    result["created"] = min(str(mine.get("created", "")), str(theirs.get("created", "")))
    result["updated"] = max(str(mine.get("updated", "")), str(theirs.get("updated", "")))
    kept = united_notes(notes_in(mine.get(CONFLICTS)), notes_in(theirs.get(CONFLICTS)), notes)
    if kept:
        result[CONFLICTS] = kept
    else:
        result.pop(CONFLICTS, None)
    try:
        kind.from_dict(result)
    except (RecordError, TypeError, ValueError, AttributeError):
        # The two halves do not make one valid record: keep the winner whole, note the rest.
        extra = [
            {"field": name, "value": value, "updated": loser.get("updated", "")}
            for name, value in sorted(loser.items())
            if name not in FIXED and value not in ("", None, []) and winner.get(name) != value
        ]
        result = {**winner, "updated": result["updated"]}
        kept = united_notes(kept, extra)
        if kept:
            result[CONFLICTS] = kept
    before = len(notes_in(mine.get(CONFLICTS)))
    return result, max(0, len(notes_in(result.get(CONFLICTS))) - before)


def _order(first: Doc, second: Doc) -> tuple[Doc, Doc, bool]:
    """(winner, loser, whether the clocks told them apart); the same for either order."""
    a, b = _stamp(first.get("updated")), _stamp(second.get("updated"))
    if a is None or b is None or a == b:  # nothing to go by: the content decides, the same way
        one, two = _canonical(first), _canonical(second)
        return (first, second, False) if one > two else (second, first, False)
    trusted = abs(a - b) > SKEW
    return (first, second, trusted) if a > b else (second, first, trusted)


def _stamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _canonical(doc: Doc) -> bytes:
    return orjson.dumps(doc, option=orjson.OPT_SORT_KEYS)


def _union(won: list[Any], lost: list[Any], base: list[Any] | None) -> list[Any]:
    """Both lists' items once, the winner's order first; with a base, removals stay removed."""
    out: list[Any] = []
    for item in [*won, *lost]:
        if item not in out:
            out.append(item)
    if base is not None:
        out = [item for item in out if item not in base or (item in won and item in lost)]
    return out


def serialize(table: str, docs: dict[str, Doc], stones: Tombstones) -> bytes:
    """A table file's bytes, exactly as the store writes them."""
    data: dict[str, Any] = {table: docs}
    stones = pruned(stones)
    if stones:
        data[TOMBSTONES] = stones
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def _load(raw: bytes, name: str) -> object:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise NotATable(f"{name} is not valid JSON (half written?), so it was not merged.") from None


def _table_of(data: object, name: str) -> str:
    tables = [key for key in data if key in RECORD_TYPES] if isinstance(data, dict) else []
    if len(tables) != 1:
        raise NotATable(f"{name} is not a netjournal table file, so it was not merged.")
    return tables[0]


def _docs(data: object, table: str, name: str) -> tuple[dict[str, Doc], Tombstones]:
    docs, stones = parse_table(data, table)
    if docs is None or stones is None:
        raise NotATable(f"{name} is not a '{table}' table file, so it was not merged.")
    for key, doc in docs.items():
        if not isinstance(doc, dict) or doc.get("id") != key:
            raise NotATable(f"{name}: record '{key}' is not a {table} record, so it was not merged.")
    return docs, stones
