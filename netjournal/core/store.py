"""The one object that reads and writes a journal folder.

Layout: `meta.json` (schema version) and one folder per table (`people/`, `interactions/`,
`learnings/`, `outreach/`) of month-named shard files (see shards.py). Reads are lazy: the CLI
loads only what a command needs. Every save takes the journal lock, first reloads any shard
another process changed, then applies its changes through TinyDB and writes each changed
shard once, atomically. Side files (review skips, drill history, the search cache) are the
store's too: `update_side` and `write_cache` are the only way anything writes them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TypeVar

import orjson

from netjournal.core.atomic_file import (
    NotDurable,
    make_folder,
    replace_durably,
    write_atomically,
    write_new_temporary,
)
from netjournal.core.bad_records import BadRecord
from netjournal.core.commit import (
    COMMIT_NAME,
    Staged,
    Unfinished,
    commit,
    discard,
    finish_pending,
    pending,
    stage,
    sweep_orphans,
)
from netjournal.core.conflict_copies import CopiesMerged, merge_copies
from netjournal.core.errors import JournalError, NotFound, SavedButUnconfirmed
from netjournal.core.journal_lock import LOCK_NAME, JournalLock
from netjournal.core.records import RECORD_TYPES, Interaction, Learning, Outreach, Person, Record
from netjournal.core.shards import Shard, TableFiles, damaged, disk_signature

SCHEMA_VERSION = 1
META_NAME = "meta.json"
R = TypeVar("R", bound=Record)
# Referenced records are written before the records that point at them, and removed after.
WRITE_ORDER = ("people", "learnings", "interactions", "outreach")
# Where temporaries can be left behind: the folder itself, the tables, the search cache.
SWEPT_FOLDERS = (*RECORD_TYPES, ".cache")


def month_key(record: Record) -> str:
    """The shard a new record goes to: the month of its date, else of its creation."""
    day = getattr(record, "date", None)
    return day.isoformat()[:7] if day is not None else record.created[:7]


@dataclass
class Changes:
    """What one save adds, replaces and removes."""

    add: list[Record] = field(default_factory=list)
    update: list[Record] = field(default_factory=list)
    delete: list[Record] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.add or self.update or self.delete)


class Store:
    """A journal folder: open it with `Store.open(folder)`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tables = {name: TableFiles(folder, kind) for name, kind in RECORD_TYPES.items()}
        self._in_batch = False
        self._swept = False  # orphaned temporaries are removed once per store, at its first save
        # What merging sync engines' conflict copies did when the store opened (None: none).
        self.copies: CopiesMerged | None = None

    @classmethod
    def open(cls, folder: Path) -> Store:
        """Check the folder is a journal this version can read.

        Nothing is written, but for finishing a save that another process committed and could
        not complete (it died, or the disk failed): that save is in the journal already.
        """
        folder = Path(folder)
        if folder.exists() and not folder.is_dir():
            raise JournalError(f"{folder} is a file, not a journal folder.")
        read_schema(folder)
        store = cls(folder)
        if pending(folder):
            with JournalLock(folder):
                store._finish_interrupted()
        try:
            store.copies = store.merge_copies() or None
        except JournalError as error:  # busy, read-only: the copies wait, never read as shards
            store.copies = CopiesMerged(kept=[f"Conflict copies were not merged yet: {error}"])
        return store

    def merge_copies(self) -> CopiesMerged:
        """Merge the conflict copies sync engines left in the journal into their files (one
        save under the lock; each copy removed once merged), then reread what changed."""
        if self._in_batch:
            raise RuntimeError("not inside a batch: the lock is not re-entrant")
        report = merge_copies(self.folder, self._finish_interrupted)
        if report.merged:
            self.refresh()
        return report

    @property
    def exists(self) -> bool:
        return (self.folder / META_NAME).exists()

    # Reading

    def all(self, kind: type[R]) -> list[R]:
        """Every record of a kind, current with the disk."""
        table = self.tables[kind.TABLE]
        if table.load_all():
            self._settle()
        return list(table.records())  # type: ignore[arg-type]

    def everything(self) -> dict[str, list[Record]]:
        """Every record of every table, by table name, all read at one moment of the journal.

        Separate `all()` calls may each see a different moment (another process saves between
        them); this sees a save whole or not at all in every table.
        """
        changed = False
        for table in self.tables.values():
            changed = table.load_all() or changed
        if changed:
            self._settle()
        return {name: list(table.records()) for name, table in self.tables.items()}

    def people(self) -> list[Person]:
        return self.all(Person)

    def interactions(self) -> list[Interaction]:
        return self.all(Interaction)

    def learnings(self) -> list[Learning]:
        return self.all(Learning)

    def outreach(self) -> list[Outreach]:
        return self.all(Outreach)

    def get(self, kind: type[R], record_id: str) -> R | None:
        """One record by id, or None."""
        table = self.tables[kind.TABLE]
        if not table.complete and table.load_all():
            self._settle()
        return table.get(record_id)  # type: ignore[return-value]

    def bad_records(self) -> list[BadRecord]:
        """Records read so far that failed the read check (left out of every list), sorted."""
        return sorted(
            bad
            for table in self.tables.values()
            for shard in table.shards.values()
            for bad in shard.bad.values()
        )

    def refresh(self) -> set[str]:
        """Reload what other processes changed; the names of the tables that changed."""
        changed = {name for name, table in self.tables.items() if table.refresh()}
        if changed:
            self._settle()
        return changed

    def _settle(self) -> None:
        """Make what this store has read one moment of the journal, never half a save.

        A save of several files renames them one by one after its commit record is written, so
        a reader without the lock may have read some files before a save and some after. Read
        files that are all unchanged, no new shard and no commit record mean nothing moved while
        they were read; otherwise wait for the lock (the writer's save is then whole, or a dead
        writer's is finished here) and reread what changed.
        """
        if self._in_batch or self._unchanged_on_disk():
            return  # under the lock no save is half done
        with JournalLock(self.folder):
            self._finish_interrupted()
            for table in self.tables.values():
                table.refresh()

    def _unchanged_on_disk(self) -> bool:
        if pending(self.folder):
            return False
        for table in self.tables.values():
            if table.complete and table.scan():
                return False
            for shard in table.shards.values():
                if shard.loaded and disk_signature(shard.path) != shard.signature:
                    return False
        return True

    def tidy(self) -> tuple[list[str], list[Path]]:
        """Finish a save another process left half done and remove orphaned temporaries.

        What `netjournal doctor` repairs; every save does it too. Takes the journal lock.
        Returns the files the finished save put in place and the temporaries removed.
        """
        with JournalLock(self.folder):
            self._swept = False
            return self._finish_interrupted()

    def _finish_interrupted(self) -> tuple[list[str], list[Path]]:
        """Under the lock: finish a committed save left unfinished (the files it put in place);
        at a store's first save, also remove temporaries no live save needs (those removed)."""
        removed: list[Path] = []
        try:
            finished = finish_pending(self.folder)
            if finished or not self._swept:
                removed = sweep_orphans(self.folder, SWEPT_FOLDERS)
                self._swept = True
        except OSError as error:
            raise JournalError(
                f"Could not finish an interrupted save in {self.folder}: "
                f"{error.strerror or error}; try again, or run `netjournal doctor`."
            ) from None
        return finished, removed

    # Writing

    def add(self, *records: Record) -> None:
        """Save new records (one save, however many)."""
        self.save(Changes(add=list(records)))

    def added(self, record: R) -> R:
        """Save one new record; the record, for callers that go on to show it."""
        self.add(record)
        return record

    def update(self, *records: Record) -> None:
        """Save changed records, replacing the stored versions with the same ids."""
        self.save(Changes(update=list(records)))

    def save_edit(self, base: R, edited: R) -> R:
        """Save `edited` (a changed copy of `base`), keeping what others saved meanwhile.

        Another process (or window) may have saved the same record since `base` was read:
        its changes to other fields are kept, and a change to the same field is refused.
        """
        with self.batch() as changes:
            current = self.get(type(base), base.id)
            if current is None:
                raise NotFound(f"'{base.label}' is no longer in the journal; nothing was changed.")
            merged = edited.merged_onto(base, current)
            if merged != current:
                changes.update.append(merged)
        return merged

    def delete(self, *records: Record) -> None:
        """Remove records. Callers confirm with the user first."""
        self.save(Changes(delete=list(records)))

    def save(self, changes: Changes) -> None:
        """Apply `changes` as one save under the journal lock."""
        if not changes:
            return
        with self.batch() as batch:
            batch.add += changes.add
            batch.update += changes.update
            batch.delete += changes.delete

    @contextmanager
    def batch(self) -> Iterator[Changes]:
        """Hold the lock while the caller reads current records and decides what to change.

        `with store.batch() as changes:` reads inside the block see every other process's
        saves; the changes collected are written when the block ends. Keep the block short.
        """
        if self._in_batch:
            raise RuntimeError("batches do not nest")
        self._ensure_folder()
        with JournalLock(self.folder):
            self._in_batch = True
            try:
                self._finish_interrupted()
                self._check_schema_unchanged()
                self.refresh()
                changes = Changes()
                yield changes
                if changes:
                    self._write(changes)
            finally:
                self._in_batch = False

    def _write(self, changes: Changes) -> None:
        plan: dict[Shard, tuple[list[Record], list[Record], list[str]]] = {}

        def slot(shard: Shard) -> tuple[list[Record], list[Record], list[str]]:
            return plan.setdefault(shard, ([], [], []))

        writing: Shard | None = None
        current: set[str] = set()  # tables made current in this save (once each)
        for index, record in enumerate(changes.update + changes.delete):
            table = self.tables[record.TABLE]
            if record.TABLE not in current:
                table.load_all()
                current.add(record.TABLE)
            shard = table.shard_of(record.id)
            if shard is not None and shard not in plan:
                shard.ensure_current(before_write=True)
            if shard is None or record.id not in shard.docs:
                raise NotFound(
                    f"'{record.label}' is no longer in the journal (deleted elsewhere?); "
                    "nothing was changed."
                )
            if index < len(changes.update):
                slot(shard)[1].append(record)
            else:
                slot(shard)[2].append(record.id)
        by_key: dict[tuple[str, str], list[Record]] = {}
        for record in changes.add:
            if self.tables[record.TABLE].shard_of(record.id) is not None:
                raise JournalError(
                    f"Nothing was saved: '{record.label}' is already in the journal."
                )
            by_key.setdefault((record.TABLE, month_key(record)), []).append(record)
        for (name, key), records in by_key.items():
            for shard, placed in self.tables[name].place_new(key, records):
                slot(shard)[0].extend(placed)
        staged: list[Staged] = []
        committing = False
        try:
            for shard, (add, update, delete) in plan.items():
                shard.apply(add, update, delete)
            order = list(reversed(WRITE_ORDER)) if changes.delete else list(WRITE_ORDER)
            dirty = [
                shard for shard in sorted(plan, key=lambda s: order.index(s.table)) if shard.dirty
            ]
            if len(dirty) == 1:  # one file: its rename is atomic, no commit record needed
                writing = dirty[0]
                writing.flush()
            elif dirty:  # several files: all or nothing, through a commit record
                data = [shard.serialized() for shard in dirty]
                for shard, new in zip(dirty, data, strict=True):
                    writing = shard
                    staged.append(stage(shard.path, new))
                writing, committing = None, True
                commit(self.folder, staged)
                for shard, new in zip(dirty, data, strict=True):
                    shard.written(new)
        except BaseException as error:
            # Whatever stopped the save (a full disk, a bug, ctrl+c), memory must match the disk.
            for shard in plan:
                if shard.dirty:
                    shard.forget()
                    self.tables[shard.table].complete = False
            if not committing:
                discard(staged)  # commit() removes its own, and needs them once past its point
            if isinstance(error, ValueError):  # TinyDB: an id already in that shard
                raise JournalError(f"Nothing was saved: {error}.") from None
            # Past the commit point the change is saved: say so, and what went wrong after.
            if isinstance(error, Unfinished):
                raise SavedButUnconfirmed(
                    "The change was saved, but the disk reported an error while putting its "
                    f"files in place ({error.error.strerror or error.error}); netjournal "
                    "completes it the next time it opens the journal: check the disk."
                ) from None
            if isinstance(error, NotDurable):
                raise SavedButUnconfirmed(
                    f"The change was saved to {error.filename}, but the disk did not confirm it "
                    f"is stored safely ({error.strerror or error}): check the disk."
                ) from None
            if isinstance(error, OSError):
                where = writing.path if writing is not None else self.folder
                raise JournalError(
                    f"Could not save to {where}: {error.strerror or error}; "
                    "that change was not saved."
                ) from None
            raise

    # Side files: what the folder holds besides the records, written here like the shards.

    def side_path(self, name: str) -> Path:
        """Where side file `name` ("drills.json", ".cache/search-index") is: read or map it there.

        Write it only through `update_side` or `write_cache`. A name that would reach a table,
        meta.json, the lock, a temporary or out of the folder is a ValueError (a bug).
        """
        pure = PurePosixPath(name)
        parts = pure.parts
        if (
            not parts
            or pure.is_absolute()
            or any(part in (".", "..") or part.endswith(".tmp") for part in parts)
            or parts[0] in RECORD_TYPES
            or parts[0] in (META_NAME, LOCK_NAME, COMMIT_NAME)
        ):
            raise ValueError(f"{name!r} is not the name of a side file")
        return self.folder.joinpath(*parts)

    def read_side(self, name: str) -> bytes | None:
        """The bytes of side file `name`, or None when there is none; OSError if unreadable."""
        try:
            return self.side_path(name).read_bytes()
        except FileNotFoundError:
            return None

    def update_side(
        self, name: str, change: Callable[[bytes | None], bytes | None], *, what: str = ""
    ) -> None:
        """Read, change and write side file `name` as one save, under the journal lock.

        `change` gets the bytes on disk (None when there are none) and returns the new bytes,
        or None to leave the file as it is; an error it raises passes through, nothing written.
        Like any save it creates the journal if the folder has none yet, raises JournalBusy if
        another process holds the lock, and a failed write is a JournalError naming `what` (by
        default the file's name). Not inside `batch()`: the lock is not re-entrant.
        """
        path = self.side_path(name)
        self._ensure_folder()
        with JournalLock(self.folder):
            self._check_schema_unchanged()
            try:
                data = change(self.read_side(name))
                if data is not None:
                    self._write_side(path, [data], nullcontext())  # the lock is held already
            except OSError as error:
                raise JournalError(
                    f"Could not save {what or path.name} to {path}: {error.strerror or error}; "
                    "it was left as it was."
                ) from None

    def write_cache(self, name: str, chunks: Iterable[bytes | memoryview]) -> bool:
        """Replace side file `name`, a cache (tens of MB), atomically; False if no journal yet.

        The data is written and fsynced to a temporary of its own before the journal lock is
        taken, so the lock is held only for the rename: a save never waits for a cache.
        JournalError if it cannot be written (a cache can always be rebuilt: callers may
        ignore it).
        """
        if not self.exists:
            return False  # a cache never creates a journal
        path = self.side_path(name)
        try:
            self._write_side(path, chunks, self._locked_sweeping(path.parent))
        except OSError as error:
            raise JournalError(
                f"Could not save the cache {path}: {error.strerror or error}."
            ) from None
        return True

    @contextmanager
    def _locked_sweeping(self, folder: Path) -> Iterator[None]:
        """The journal lock, with the temporaries in `folder` that dead writers left removed
        (a cache write killed halfway leaves tens of MB)."""
        with JournalLock(self.folder):
            sweep_orphans(folder, ())
            yield

    def _write_side(
        self,
        path: Path,
        chunks: Iterable[bytes | memoryview],
        renaming: AbstractContextManager[object],
    ) -> None:
        """Write a temporary of its own, then rename it over `path` inside `renaming`."""
        folder = path.parent
        while folder != self.folder:  # never write out of the journal through a linked folder
            if folder.is_symlink():
                raise OSError(f"{folder} is a symbolic link")
            folder = folder.parent
        make_folder(path.parent)
        temp = write_new_temporary(path, chunks)
        try:
            with renaming:
                replace_durably(temp, path)
        finally:
            temp.unlink(missing_ok=True)  # still there only if the rename did not happen

    def _ensure_folder(self) -> None:
        try:
            make_folder(self.folder)
            if not self.exists:
                with JournalLock(self.folder):
                    if not self.exists:
                        meta = {"app": "netjournal", "schema": SCHEMA_VERSION}
                        write_atomically(
                            self.folder / META_NAME,
                            orjson.dumps(meta, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS),
                        )
        except OSError as error:
            raise JournalError(
                f"Cannot write to the journal folder {self.folder}: {error.strerror or error}."
            ) from None

    def _check_schema_unchanged(self) -> None:
        read_schema(self.folder)


def read_schema(folder: Path) -> int | None:
    """The journal's schema version (None for a folder with no journal yet).

    Refuses, with a sentence naming the file, a damaged meta.json, a newer schema, and a
    non-empty folder that is not a journal (so `--dir ~/Documents` cannot scatter files there).
    """
    meta_path = folder / META_NAME
    try:
        raw = meta_path.read_bytes()
    except FileNotFoundError:
        if folder.is_dir() and any(
            not name.startswith(".") and name not in RECORD_TYPES for name in os.listdir(folder)
        ):
            raise JournalError(
                f"{folder} is not a netjournal journal (it has files but no {META_NAME}); "
                "choose an empty or new folder."
            ) from None
        return None
    except OSError as error:
        raise JournalError(f"Cannot read {meta_path}: {error.strerror}.") from None
    try:
        meta = orjson.loads(raw)
        schema = meta["schema"]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        raise damaged(meta_path, "it does not say which schema version the journal has") from None
    # Exactly an int: "1", true and 1.9 are not versions (a hand edit or another program).
    if schema.__class__ is not int or schema < 1:
        raise damaged(
            meta_path, f"its schema version is not a whole number from 1 to {SCHEMA_VERSION}"
        )
    if schema > SCHEMA_VERSION:
        raise JournalError(
            f"The journal at {folder} was written by a newer netjournal (schema {schema}; this "
            f"version reads up to {SCHEMA_VERSION}); upgrade netjournal to open it. "
            "Nothing was changed."
        )
    return schema
