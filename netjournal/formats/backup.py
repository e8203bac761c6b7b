"""A full backup of a journal as one JSON file, and importing it back.

The file: `{"app": "netjournal", "schema": 1, "exported": stamp, "people": [...],
"learnings": [...], "interactions": [...], "outreach": [...]}`, each record as its
`to_dict()`. Imported into an empty journal it gives the same journal: same ids, same
created/updated stamps, every record. Into a journal that has records already, a record whose
id is there is skipped, people are also recognised by email or name and org (merge.py), and
records that pointed at a merged person point at the one in the journal.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from netjournal.core.cleaning import clean_line
from netjournal.core.clock import now_stamp
from netjournal.core.errors import RecordError
from netjournal.core.fields import is_stamp
from netjournal.core.records import RECORD_TYPES, Interaction, Outreach, Record
from netjournal.core.store import SCHEMA_VERSION
from netjournal.formats.errors import FormatError
from netjournal.formats.incoming import Incoming, Parsed, Progress, Ticker, short_name
from netjournal.formats.limits import over_cap
from netjournal.formats.report import Note
from netjournal.formats.sniff import guess_text, hint

FORMAT = "netjournal backup"
TABLE_ORDER = ("people", "learnings", "interactions", "outreach")  # referenced ones first
_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$")
KINDS = {"people": "person", "learnings": "learning", "interactions": "interaction",
         "outreach": "outreach"}  # fmt: skip


def backup_bytes(tables: Mapping[str, Iterable[Record]], exported: str | None = None) -> bytes:
    """Every record of every table as a backup file (stable order and keys, so it diffs)."""
    data: dict[str, Any] = {"app": "netjournal", "schema": SCHEMA_VERSION,
                            "exported": exported or now_stamp()}  # fmt: skip
    for table in TABLE_ORDER:
        records = sorted(tables.get(table, ()), key=lambda record: (record.created, record.id))
        data[table] = [record.to_dict() for record in records]
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def parse_backup(text: str, progress: Progress | None = None, source: str = "") -> Parsed:
    name = source or "The file"
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        raise FormatError(
            f"{name} is not a netjournal backup (it is not JSON){hint(guess_text(text))}; "
            "nothing was imported."
        ) from None
    if not isinstance(data, dict) or data.get("app") != "netjournal":
        raise FormatError(
            f'{name} is not a netjournal backup (it does not say "app": "netjournal"); '
            "nothing was imported."
        )
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise FormatError(f"{name} does not say which schema version it has; nothing was imported.")
    if schema > SCHEMA_VERSION:
        raise FormatError(
            f"{name} was written by a newer netjournal (schema {schema}; this version reads up "
            f"to {SCHEMA_VERSION}): upgrade netjournal to import it; nothing was imported."
        )
    for table in TABLE_ORDER:
        if not isinstance(data.get(table, []), list):
            raise FormatError(
                f'{name} is damaged: its "{table}" is not a list; nothing was imported.'
            )
    parsed = Parsed(FORMAT, keep_ids=True)
    ticker = Ticker(progress, sum(len(data.get(table, [])) for table in TABLE_ORDER))
    done = 0
    for table in TABLE_ORDER:
        kind = RECORD_TYPES[table]
        for number, item in enumerate(data.get(table, []), 1):
            _read_record(kind, item, number, parsed)
            done += 1
            ticker.tick(done)
    return parsed


def _read_record(kind: type[Record], item: Any, number: int, parsed: Parsed) -> None:
    what = KINDS[kind.TABLE]
    data = item if isinstance(item, dict) else {}
    record_id = clean_line(data.get("id") or "")[:40]  # as the file says it: it may be anything
    where = f"{what} {record_id}" if record_id else f"{what} #{number}"
    label = short_name(data.get("name") or data.get("title") or data.get("summary") or "")
    too_large = over_cap(kind, data)
    if too_large:
        parsed.problems.append(Note(where, label, too_large, what))
        return
    try:
        record = _record(kind, item)
    except RecordError as error:
        parsed.problems.append(Note(where, label, clean_line(error), what))
        return
    if kind.TABLE == "people":
        parsed.people.append(Incoming(record, where))  # type: ignore[arg-type]
    else:
        parsed.records.append((record, where))


def _record(kind: type[Record], item: Any) -> Record:
    if not isinstance(item, dict):
        raise RecordError("it is not a record (not a JSON object).")
    for stamp in ("id", "created", "updated"):
        if not isinstance(item.get(stamp), str) or not item[stamp].strip():
            raise RecordError(f"it has no {stamp}.")
    if not _ID.match(item["id"]):
        raise RecordError("its id is not a netjournal id.")
    for stamp in ("created", "updated"):  # `created` names the shard file: it must be a time
        if not (_STAMP.match(item[stamp]) and is_stamp(item[stamp])):  # Feb 30 is no time
            raise RecordError(f"its {stamp} time is not a UTC ISO timestamp.")
    # Fields a newer netjournal wrote come back as they were (kept, like on disk).
    known = {key: value for key, value in item.items() if key in kind.KNOWN}
    extra = {key: value for key, value in item.items() if key not in kind.KNOWN}
    try:
        return kind.build(**known, extra=extra)
    except RecordError:
        raise
    except (TypeError, ValueError, AttributeError) as error:  # a value of the wrong type
        raise RecordError(f"it cannot be read ({error}).") from None


@dataclass
class RecordsPlan:
    """Learnings, interactions and outreach to add from a backup, with the report."""

    add: list[Record] = field(default_factory=list)
    created: list[Note] = field(default_factory=list)
    skipped: list[Note] = field(default_factory=list)
    problems: list[Note] = field(default_factory=list)


def plan_records(
    records: Iterable[tuple[Record, str]],
    in_journal: Mapping[str, set[str]],
    id_map: Mapping[str, str],
    people_ids: set[str],
) -> RecordsPlan:
    """Which of a backup's other records to add, pointing at the people they will mean.

    `in_journal`: the ids already in each table; `id_map`: backup person id -> journal id for
    the people who were merged or added; `people_ids`: every person there will be.
    """
    plan = RecordsPlan()
    taken = {table: set(ids) for table, ids in in_journal.items()}
    learning_ids = set(taken.get("learnings", set()))
    ordered = sorted(records, key=lambda pair: TABLE_ORDER.index(pair[0].TABLE))
    for record, where in ordered:
        what = KINDS[record.TABLE]
        ids = taken.setdefault(record.TABLE, set())
        if record.id in ids:
            reason = "already in the journal" if record.id in in_journal.get(record.TABLE, ()) \
                else "appears twice in the backup"  # fmt: skip
            plan.skipped.append(Note(where, record.label, reason, what))
            continue
        if isinstance(record, Interaction | Outreach):
            person_ids = tuple(dict.fromkeys(id_map.get(i, i) for i in record.person_ids))
            missing = [i for i in person_ids if i not in people_ids]
            wanted = [*getattr(record, "learning_ids", ()), getattr(record, "learning_id", "")]
            lost = [i for i in wanted if i and i not in learning_ids]
            if missing or lost:
                gone = "a person" if missing else "a learning"
                plan.problems.append(Note(where, record.label,
                    f"it refers to {gone} neither in the backup nor in the journal "
                    f"({', '.join(missing or lost)}); it was left out", what))  # fmt: skip
                continue
            if person_ids != record.person_ids:
                record = dataclasses.replace(record, person_ids=person_ids)
        ids.add(record.id)
        if record.TABLE == "learnings":
            learning_ids.add(record.id)
        plan.add.append(record)
        plan.created.append(Note(where, record.label, "", what))
    return plan
