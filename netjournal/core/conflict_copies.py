"""Conflict copies that sync engines leave in a journal, merged into their files.

Syncthing, Dropbox, Nextcloud and OneDrive keep the losing version of a file changed on two
devices as a copy beside it (conflict_names.py). `merge_copies` merges every copy of a table
file into that file record by record (table_merge.py), writes all merged files as one save
under the journal lock (a commit record when there are several), and removes the copies only
once the merge is on disk. A copy it cannot merge (half written, from a newer netjournal, not
a table) is reported in one sentence and kept; the journal is left as it was for that file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from netjournal.core.atomic_file import IsALink, fsync_folder, linked, open_no_follow
from netjournal.core.commit import Staged, Unfinished, commit, discard, stage
from netjournal.core.conflict_names import original_of
from netjournal.core.errors import JournalError, NetjournalError, SavedButUnconfirmed
from netjournal.core.journal_lock import JournalLock
from netjournal.core.records import RECORD_TYPES
from netjournal.core.table_merge import NotATable, merge_files, serialize
from netjournal.core.words import count_of

META_NAME = "meta.json"


@dataclass
class CopiesMerged:
    """What merging the conflict copies did: copies merged (and removed), records changed,
    conflict notes added, and a sentence for each copy kept."""

    merged: list[str] = field(default_factory=list)
    changes: int = 0
    conflicts: int = 0
    kept: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.merged or self.kept)

    def summary(self) -> str:
        """One line for the user ("" when there was nothing to merge)."""
        if not self.merged:
            return ""
        if not self.changes:  # "Merged 0 changes" reads as if something had failed
            copies = count_of(len(self.merged), "conflict copy", "conflict copies")
            held = "it held" if len(self.merged) == 1 else "they held"
            return f"Removed {copies} from another device: {held} nothing new."
        said = f"Merged {count_of(self.changes, 'change')} from another device"
        if self.conflicts:
            said += (
                f" ({count_of(self.conflicts, 'conflicting value')} kept as a note on "
                "the record: netjournal doctor lists them)"
            )
        return said + "."

    def lines(self) -> list[str]:
        return [line for line in [self.summary(), *self.kept] if line]


def find_copies(folder: Path) -> dict[Path, list[Path]]:
    """The conflict copies in the journal, by the file they are a copy of."""
    found: dict[Path, list[Path]] = {}
    for where in [folder, *(folder / name for name in RECORD_TYPES)]:
        try:
            if where != folder and os.path.islink(where):
                continue  # a linked table folder is refused elsewhere
            names = sorted(os.listdir(where))
        except OSError:
            continue
        for name in names:
            original = original_of(name)
            if original is None or name.startswith("."):
                continue
            if where == folder and original != META_NAME:
                continue  # only meta.json lives at the top: anything else there is not ours
            found.setdefault(where / original, []).append(where / name)
    return found


def merge_copies(folder: Path, finish: Callable[[], object] = lambda: None) -> CopiesMerged:
    """Merge every conflict copy into its file as one save, under the journal lock.

    `finish` runs first under the lock (the store finishes a save left half done there).
    JournalError if the merged files cannot be written (the copies then all stay).
    """
    report = CopiesMerged()
    if not find_copies(folder):
        return report
    with JournalLock(folder):
        finish()
        writes: list[tuple[Path, bytes]] = []
        done: list[Path] = []
        for original, copies in sorted(find_copies(folder).items()):
            if original.name == META_NAME and original.parent == folder:
                done += _meta_copies(folder, copies, report)
                continue
            merged = _merge_into(folder, original, copies, report)
            if merged is not None:
                data, used = merged
                if data is not None:
                    writes.append((original, data))
                done += used
        _write(folder, writes)
        for copy in done:  # only now that the merge is on disk
            try:
                copy.unlink()
            except FileNotFoundError:
                pass
            except OSError as error:
                report.kept.append(
                    f"{_name(folder, copy)} was merged but could not be removed "
                    f"({error.strerror or error}); remove it by hand."
                )
        for parent in sorted({copy.parent for copy in done}):
            fsync_folder(parent)
        report.merged += [_name(folder, copy) for copy in done]
    return report


def copies_kept(folder: Path) -> list[str]:
    """Why each conflict copy that `merge_copies` would keep (not merge) is kept; reads only."""
    report = CopiesMerged()
    for original, copies in sorted(find_copies(folder).items()):
        if original.name == META_NAME and original.parent == folder:
            _meta_copies(folder, copies, report)
        else:
            _merge_into(folder, original, copies, report)
    return report.kept


def _merge_into(
    folder: Path, original: Path, copies: list[Path], report: CopiesMerged
) -> tuple[bytes | None, list[Path]] | None:
    """The merged bytes of `original` (None if unchanged) and the copies merged into them."""
    table = original.parent.name
    try:
        current = _read(original)
    except FileNotFoundError:
        current = serialize(table, {}, {})  # the copy may be all that is left of the file
    except OSError as error:
        report.kept.append(f"{_name(folder, original)} could not be read ({error.strerror}); "
                           "its conflict copies were kept.")  # fmt: skip
        return None
    start = current
    used: list[Path] = []
    for copy in copies:
        name = _name(folder, copy)
        try:
            theirs = _read(copy)
            unread = _unreadable(theirs, table)
            if unread:
                report.kept.append(
                    f"{name} holds {count_of(unread, 'record')} this version cannot read "
                    "(written by a newer netjournal?); it was kept, not merged."
                )
                continue
            merged = merge_files(current, theirs, None, name)
        except NotATable as error:
            report.kept.append(f"{error} It was kept; look at it, or remove it.")
            continue
        except IsALink:
            report.kept.append(f"{linked(copy)} It was not merged.")
            continue
        except OSError as error:
            report.kept.append(f"{name} could not be read ({error.strerror}); it was kept.")
            continue
        if merged.table != table:
            report.kept.append(f"{name} holds '{merged.table}', not '{table}'; it was kept.")
            continue
        report.changes += merged.changes
        report.conflicts += merged.conflicts
        current = merged.data
        used.append(copy)
    return (current if current != start else None), used


def _unreadable(raw: bytes, table: str) -> int:
    """How many records of a copy fail this version's read check (0 if it is not a table)."""
    try:
        docs = orjson.loads(raw).get(table, {})
    except (orjson.JSONDecodeError, AttributeError):
        return 0  # merge_files says what is wrong with it
    if not isinstance(docs, dict):
        return 0
    build = RECORD_TYPES[table].from_dict
    count = 0
    for doc in docs.values():
        try:
            build(doc)
        except (NetjournalError, TypeError, ValueError, AttributeError):
            count += 1
    return count


def _meta_copies(folder: Path, copies: list[Path], report: CopiesMerged) -> list[Path]:
    """Copies of meta.json saying what meta.json says go; any other is kept and reported."""
    from netjournal.core.store import SCHEMA_VERSION

    same: list[Path] = []
    for copy in copies:
        name = _name(folder, copy)
        try:
            meta = orjson.loads(_read(copy))
            schema = meta.get("schema") if isinstance(meta, dict) else None
        except (OSError, orjson.JSONDecodeError):
            schema = None
        if schema == SCHEMA_VERSION:
            same.append(copy)
        elif isinstance(schema, int) and schema > SCHEMA_VERSION:
            report.kept.append(
                f"{name} is from a newer netjournal (schema {schema}); it was kept: upgrade "
                "netjournal on this device."
            )
        else:
            report.kept.append(f"{name} is not a meta.json this version reads; it was kept.")
    return same


def _write(folder: Path, writes: list[tuple[Path, bytes]]) -> None:
    """Write the merged files as one save: all of them or none."""
    staged: list[Staged] = []
    try:
        for path, data in writes:
            staged.append(stage(path, data))
        if staged:
            commit(folder, staged)
    except Unfinished as error:  # past the commit point: merged; the copies stay until next time
        raise SavedButUnconfirmed(
            f"The conflict copies were merged, but the disk reported an error ({error}); "
            "they are removed the next time netjournal opens the journal: check the disk."
        ) from None
    except OSError as error:
        discard(staged)
        raise JournalError(
            f"Could not merge the conflict copies in {folder}: {error.strerror or error}; "
            "they were kept and the journal was left as it was."
        ) from None


def _read(path: Path) -> bytes:
    """A file's bytes, never through a symbolic link (IsALink): nothing outside is merged in."""
    with open_no_follow(path) as handle:
        return handle.read()


def _name(folder: Path, path: Path) -> str:
    return path.relative_to(folder).as_posix()
