"""A table's records split over shard files, each a small TinyDB JSON file.

TinyDB rewrites a whole file on every write, so a file's size is a save's cost. Records go to
the shard named by their month (`interactions/2026-03.json`) and a shard that holds
SHARD_LIMIT records overflows into `2026-03~2.json`; a record stays in the shard it was first
written to. Each shard is read once, remembers the identity of the file it read (inode, mtime,
size) to notice another process's writes, and is written atomically by `flush`. A record that
fails the read check is left out of `records` and named in `bad`, and a shard holding one is
never rewritten (see bad_records.py). A deleted record leaves a tombstone in its shard
(tombstones.py); conflict copies that sync engines leave beside a shard are not shards
(conflict_names.py: the store merges them).
"""

from __future__ import annotations

import gc
import os
import time
import weakref
import zlib
from collections.abc import Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from netjournal.core.atomic_file import (
    IsALink,
    linked,
    make_folder,
    open_no_follow,
    write_atomically,
)
from netjournal.core.bad_records import BadRecord
from netjournal.core.clock import now_stamp
from netjournal.core.conflict_names import is_conflict_copy
from netjournal.core.errors import JournalError, RecordError
from netjournal.core.records import Record
from netjournal.core.tombstones import TOMBSTONES, Tombstones, pruned, read_tombstones, tombstone

SHARD_LIMIT = 2000
RACY_SECONDS = 2.5  # coarsest common file-time resolution (FAT: 2 s), with a margin
SUFFIX = ".json"

Signature = tuple[int, int, int]


class RecordIdTable(Table):
    """Documents are keyed by the record's own id, so the file reads `{"id": {...}}`."""

    document_id_class = str  # type: ignore[assignment]


class JournalTinyDB(TinyDB):
    table_class = RecordIdTable


class ShardStorage(Storage):
    """TinyDB storage over a Shard's in-memory documents; the Shard writes them on flush."""

    def __init__(self, shard: Shard) -> None:
        # A proxy, not a reference: a Shard and its TinyDB would otherwise form a cycle that
        # keeps a discarded store's records in memory until a full collection.
        self.shard = weakref.proxy(shard)

    def read(self) -> dict[str, dict[str, Any]] | None:
        return {self.shard.table: self.shard.docs}

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.shard.docs = data.get(self.shard.table, {})
        self.shard.dirty = True


class Shard:
    """One file of one table."""

    def __init__(self, path: Path, record_type: type[Record]) -> None:
        self.path = path
        self.record_type = record_type
        self.table = record_type.TABLE
        self.docs: dict[str, dict[str, Any]] = {}
        self.records: dict[str, Record] = {}
        self.bad: dict[str, BadRecord] = {}  # records that failed the read check, by id
        self.tombstones: Tombstones = {}  # records deleted from this shard, by id
        self.signature: Signature | None = None
        self.digest = 0  # crc32 of the bytes last read or written
        self.read_at = 0.0  # when, by the wall clock (file times are wall-clock times)
        self.loaded = False
        self.dirty = False
        self._pending: tuple[list[Record], list[Record], list[str]] = ([], [], [])
        self._db = JournalTinyDB(self, storage=ShardStorage)

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(SUFFIX)

    def __len__(self) -> int:
        return len(self.docs)

    def ensure_current(self, *, before_write: bool = False) -> bool:
        """Load the shard, or reload it if another process replaced it; True if it changed.

        Before a write, a file whose signature matches but which may have been rewritten within
        one tick of a coarse file clock (an inode reused, the same size) is compared by content,
        as git does for "racily clean" files: another process's change is never overwritten.
        """
        unchanged = self.loaded and disk_signature(self.path) == self.signature
        if unchanged and (not (before_write and self._racy()) or self._same_bytes_on_disk()):
            return False
        self.load()
        return True

    def _racy(self) -> bool:
        return (
            self.signature is not None and self.signature[1] >= (self.read_at - RACY_SECONDS) * 1e9
        )

    def _same_bytes_on_disk(self) -> bool:
        try:
            with open(self.path, "rb") as handle:
                return zlib.crc32(handle.read()) == self.digest
        except OSError:
            return False

    def load(self) -> None:
        """Read the file (a missing file is an empty shard); damaged content is a JournalError."""
        docs: dict[str, dict[str, Any]]
        stones: Tombstones
        try:
            with open_no_follow(self.path) as handle:
                info = os.fstat(handle.fileno())
                raw = handle.read()
        except FileNotFoundError:
            docs, signature, stones = {}, None, {}
        except IsALink:
            raise JournalError(linked(self.path)) from None
        except OSError as error:
            raise JournalError(
                f"Cannot read the journal file {self.path}: {error.strerror}."
            ) from None
        else:
            docs, stones = self._parse(raw)
            signature = (info.st_ino, info.st_mtime_ns, info.st_size)
        records, bad = self._records(docs)
        self.docs, self.records, self.bad, self.signature = docs, records, bad, signature
        self.tombstones = stones
        self.digest = zlib.crc32(raw) if signature else 0
        self.read_at = time.time()
        self.loaded, self.dirty = True, False

    def _parse(self, raw: bytes) -> tuple[dict[str, dict[str, Any]], Tombstones]:
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise damaged(self.path, f"it is not valid JSON ({error})") from None
        docs, stones = parse_table(data, self.table)
        if docs is None:
            raise damaged(self.path, f"it does not hold a '{self.table}' table")
        for key, doc in docs.items():
            if not isinstance(doc, dict) or doc.get("id") != key:
                raise damaged(self.path, f"record '{key}' is not a {self.table} record")
        if stones is None:
            raise damaged(self.path, "its list of deleted records is not well formed")
        if stones and not stones.keys().isdisjoint(docs):
            # A deletion wins over a copy of the record merged back in by hand or by a tool.
            docs = {key: doc for key, doc in docs.items() if key not in stones}
        return docs, stones

    def _records(
        self, docs: dict[str, dict[str, Any]]
    ) -> tuple[dict[str, Record], dict[str, BadRecord]]:
        """The records of `docs`, and those that fail the read check (left out, named)."""
        build = self.record_type.from_dict
        try:
            return {key: build(doc) for key, doc in docs.items()}, {}
        except (TypeError, ValueError, AttributeError):
            pass  # rare: go again one by one, to name every bad record
        records: dict[str, Record] = {}
        bad: dict[str, BadRecord] = {}
        for key, doc in docs.items():
            try:
                records[key] = build(doc)
            except RecordError as error:  # a sentence's predicate: "has a 'name' field ..."
                bad[key] = BadRecord(self.path, key, str(error))
            except (TypeError, ValueError, AttributeError) as error:
                bad[key] = BadRecord(self.path, key, f"cannot be read ({error})")
        return records, bad

    def check_writable(self) -> None:
        """Refuse (JournalError) to rewrite a file holding a record this version cannot read."""
        if self.bad:
            raise JournalError(min(self.bad.values()).refusal())

    def apply(self, add: Iterable[Record], update: Iterable[Record], delete: Iterable[str]) -> None:
        """Change the documents in memory through TinyDB; `flush` writes them."""
        # Rewriting the file would carry a bad record along unchecked, or drop it: neither.
        self.check_writable()
        table = self._db.table(self.table)
        add, update, delete = list(add), list(update), list(delete)
        self._pending = (add, update, delete)
        # TinyDB's hints say int ids; ours are strings (document_id_class = str), which it keeps.
        added = [Document(record.to_dict(), doc_id=record.id) for record in add]  # type: ignore[arg-type]
        if added:
            table.insert_multiple(added)
        replacements = {record.id: record.to_dict() for record in update}
        if replacements:

            def replace(doc: MutableMapping[Any, Any]) -> None:
                new = replacements[doc["id"]]
                doc.clear()
                doc.update(new)

            table.update(replace, doc_ids=list(replacements))  # type: ignore[arg-type]
        removed = list(delete)
        if removed:
            table.remove(doc_ids=removed)  # type: ignore[arg-type]
            stamp = now_stamp()
            for record_id in removed:  # so a merge from another device keeps it deleted
                self.tombstones[record_id] = tombstone(record_id, self.table, stamp)
        for record in add:  # a record put back (an undone merge) is no longer deleted
            self.tombstones.pop(record.id, None)

    def flush(self) -> None:
        """Write the shard atomically, if it changed; then its records match the file."""
        if not self.dirty:
            return
        make_folder(self.path.parent)
        data = self.serialized()
        write_atomically(self.path, data)
        self.written(data)

    def serialized(self) -> bytes:
        """The file's bytes for the documents in memory (sorted keys, two-space indent)."""
        data: dict[str, Any] = {self.table: self.docs}
        if self.tombstones:
            self.tombstones = pruned(self.tombstones)
            if self.tombstones:
                data[TOMBSTONES] = self.tombstones
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"

    def written(self, data: bytes) -> None:
        """`data` (from `serialized`) is now the file: the records match it, nothing is dirty."""
        add, update, delete = self._pending
        for record in (*add, *update):
            self.records[record.id] = record
        for record_id in delete:
            self.records.pop(record_id, None)
        self._pending = ([], [], [])
        self.signature = disk_signature(self.path)
        self.digest, self.read_at = zlib.crc32(data), time.time()
        self.dirty = False

    def forget(self) -> None:
        """Drop what is in memory (after a failed save): the next access reads the file again."""
        self.docs, self.records, self.bad, self.signature = {}, {}, {}, None
        self.tombstones = {}
        self._pending = ([], [], [])
        self.loaded = self.dirty = False


class TableFiles:
    """All shards of one table, discovered from its folder and loaded on demand."""

    def __init__(self, folder: Path, record_type: type[Record]) -> None:
        self.folder = folder / record_type.TABLE
        self.record_type = record_type
        self.shards: dict[str, Shard] = {}
        self.complete = False  # every shard on disk has been loaded

    def scan(self) -> bool:
        """Learn of shard files created since the last scan; True if there were any."""
        if os.path.islink(self.folder):  # a linked table folder would take saves out of it
            raise JournalError(linked(self.folder))
        try:
            names = [
                entry.name
                for entry in os.scandir(self.folder)
                if entry.name.endswith(SUFFIX)
                and not entry.name.startswith(".")
                and not is_conflict_copy(entry.name)  # merged by the store, never read as one
            ]
        except FileNotFoundError:
            return False
        except OSError as error:
            raise JournalError(
                f"Cannot read the journal folder {self.folder}: {error.strerror}."
            ) from None
        new = [name for name in names if name.removesuffix(SUFFIX) not in self.shards]
        for name in new:
            self.shards[name.removesuffix(SUFFIX)] = Shard(self.folder / name, self.record_type)
        return bool(new)

    def load_all(self) -> bool:
        """Make every shard current; True if anything changed since the last look."""
        changed = self.scan()
        with collector_paused():
            for shard in self.shards.values():
                changed = shard.ensure_current() or changed
        self.complete = True
        return changed

    def refresh(self) -> bool:
        """Reload shards other processes changed (and find new ones, once loaded fully)."""
        changed = self.scan() if self.complete else False
        for shard in list(self.shards.values()):
            if shard.loaded or self.complete:
                changed = shard.ensure_current() or changed
        return changed

    def records(self) -> Iterator[Record]:
        for shard in self.shards.values():
            yield from shard.records.values()

    def get(self, record_id: str) -> Record | None:
        for shard in self.shards.values():
            record = shard.records.get(record_id)
            if record is not None:
                return record
        return None

    def deleted(self, record_id: str) -> bool:
        """Whether a shard read so far holds the tombstone of `record_id`."""
        return any(record_id in shard.tombstones for shard in self.shards.values())

    def shard_of(self, record_id: str) -> Shard | None:
        for shard in self.shards.values():
            if record_id in shard.docs:
                return shard
        return None

    def place_new(self, key: str, records: list[Record]) -> list[tuple[Shard, list[Record]]]:
        """Spread new records of one month key over its shards, filling each to SHARD_LIMIT."""
        self.scan()
        placed: list[tuple[Shard, list[Record]]] = []
        number, start = 1, 0
        while start < len(records):
            name = key if number == 1 else f"{key}~{number}"
            shard = self.shards.get(name)
            if shard is None:
                shard = self.shards[name] = Shard(self.folder / f"{name}{SUFFIX}", self.record_type)
            shard.ensure_current(before_write=True)
            room = SHARD_LIMIT - len(shard)
            if room > 0:
                placed.append((shard, records[start : start + room]))
                start += room
            number += 1
        return placed


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are built.

    Loading creates hundreds of thousands of objects, none of them in cycles; without this
    the collector runs over and over during a load and roughly doubles its time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Records live as long as the journal is open: keep later collections from walking them.
        gc.freeze()
        if was_enabled:
            gc.enable()


def parse_table(
    data: object, table: str
) -> tuple[dict[str, Any] | None, Tombstones | None]:
    """A parsed shard file's records (None if it holds no such table) and tombstones (None
    if they are not well formed)."""
    if not isinstance(data, dict) or not isinstance(data.get(table, {}), dict):
        return None, None
    return data.get(table, {}), read_tombstones(data)


def disk_signature(path: Path) -> Signature | None:
    """What identifies one version of a file: inode, modification time, size."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def damaged(path: Path, why: str) -> JournalError:
    return JournalError(
        f"The journal file {path} is damaged: {why}. Nothing was changed; "
        "run `netjournal doctor`, or restore the file from a backup."
    )
