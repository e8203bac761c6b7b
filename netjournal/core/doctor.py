"""`netjournal doctor`: read every file of a journal and check every cross-reference."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from netjournal.core.commit import pending
from netjournal.core.conflict_copies import copies_kept, find_copies
from netjournal.core.conflict_notes import conflict_notes
from netjournal.core.errors import JournalError
from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.shards import SHARD_LIMIT, Shard, TableFiles
from netjournal.core.store import Store, read_schema
from netjournal.core.words import count_of


@dataclass
class Checkup:
    """What doctor found: problems (the journal is not right) and notes (worth knowing)."""

    folder: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_journal(folder: Path) -> Checkup:
    """Check a journal folder. It changes only what any save would: a save left half done is
    finished (or rolled back) and temporaries left by dead processes are removed."""
    checkup = Checkup(folder)
    if not folder.exists():
        checkup.notes.append(f"There is no journal at {folder} yet; it is created on first save.")
        return checkup
    try:
        read_schema(folder)
    except JournalError as error:
        checkup.problems.append(str(error))
        return checkup
    store = Store(folder)
    _finish_interrupted(store, checkup)
    records: dict[str, dict[str, Record]] = {}
    damaged: set[str] = set()
    for name, table in store.tables.items():
        before = len(checkup.problems)
        records[name] = _check_table(table, checkup)
        checkup.counts[name] = len(records[name])
        if any("is damaged" in problem for problem in checkup.problems[before:]):
            damaged.add(name)
    # A record that cannot be read is still in the journal: references to it are not dangling.
    unread = {bad.record_id for bad in store.bad_records()}
    deleted = {
        key for table in store.tables.values() for shard in table.shards.values()
        for key in shard.tombstones
    }  # fmt: skip
    _check_references(records, checkup, damaged, unread, deleted)
    _check_conflicts(records, checkup)
    _check_copies(folder, checkup)
    from netjournal.core.drills import check_history  # drills.json, the drill history

    checkup.problems.extend(check_history(store))
    _check_files(folder, checkup)
    return checkup


def _finish_interrupted(store: Store, checkup: Checkup) -> None:
    """Repair what a killed or failed save left: its commit record, its temporaries."""
    interrupted = pending(store.folder)
    try:
        finished, removed = store.tidy()
    except JournalError as error:
        if interrupted:
            checkup.problems.append(str(error))
        return  # e.g. a read-only journal: leftover temporaries are listed below
    if finished:
        checkup.notes.append(
            f"A save that was interrupted after its commit point was completed: "
            f"{', '.join(finished)}."
        )
    elif interrupted:
        checkup.notes.append("A save that was interrupted before its commit point was undone.")
    if removed:
        checkup.notes.append(
            f"Removed {count_of(len(removed), 'temporary file')} left by interrupted saves."
        )


def _check_table(table: TableFiles, checkup: Checkup) -> dict[str, Record]:
    try:
        table.scan()
    except JournalError as error:  # a linked table folder: refused, and reported
        checkup.problems.append(str(error))
        return {}
    found: dict[str, Record] = {}
    where: dict[str, Shard] = {}
    for shard in table.shards.values():
        checkup.files += 1
        try:
            shard.load()
        except JournalError as error:
            checkup.problems.append(str(error))
            continue
        if len(shard) > SHARD_LIMIT:
            checkup.notes.append(
                f"{shard.path} holds {len(shard)} records (more than {SHARD_LIMIT})."
            )
        for record_id, record in shard.records.items():
            if record_id in where:
                checkup.problems.append(
                    f"{table.record_type.TABLE} record {record_id} is in both "
                    f"{where[record_id].path} and {shard.path}."
                )
            where[record_id] = shard
            found[record_id] = record
            for problem in record.problems():
                checkup.problems.append(f"{shard.path}: record {record_id}: {problem}")
        for record_id, bad in sorted(shard.bad.items()):
            checkup.problems.append(
                f"{shard.path}: record {record_id} {bad.problem}; fix or remove it "
                "(commands and the app leave it out, and do not save to this file until then)."
            )
    return found


def _check_conflicts(records: dict[str, dict[str, Record]], checkup: Checkup) -> None:
    """Values a merge of two devices' edits did not keep, noted on their records."""
    for table in records.values():
        for record in table.values():
            for note in conflict_notes(record):
                checkup.notes.append(
                    f"{record.TABLE} record {record.id} ('{record.label}'): {note.sentence()} "
                    f"(a merge kept the newer value; `netjournal edit {record.id} "
                    "--clear-conflicts` once you have looked)."
                )


def _check_copies(folder: Path, checkup: Checkup) -> None:
    kept = copies_kept(folder)  # a copy sync cannot merge is said as sync says it, not "merges"
    for copies in find_copies(folder).values():
        for copy in copies:
            name = copy.relative_to(folder).as_posix()
            why = next((line for line in kept if line.startswith(f"{name} ")), None)
            checkup.notes.append(why or (
                f"{name} is a conflict copy left by a sync engine; `netjournal sync` merges it "
                "into the journal."
            ))  # fmt: skip


def _check_references(
    records: dict[str, dict[str, Record]],
    checkup: Checkup,
    damaged: set[str],
    unread: set[str],
    deleted: set[str],
) -> None:
    people = records[Person.TABLE]
    learnings = records[Learning.TABLE]
    for table in sorted(damaged & {Person.TABLE, Learning.TABLE}):
        checkup.notes.append(f"References to {table} were not checked: a {table} file is damaged.")

    def missing(owner: Record, what: str, ids: tuple[str, ...], known: dict[str, Record]) -> None:
        if (known is people and Person.TABLE in damaged) or (
            known is learnings and Learning.TABLE in damaged
        ):
            return
        for ref in ids:
            if ref and ref not in known and ref not in unread:
                gone = (
                    "was deleted from the journal (on another device?)"
                    if ref in deleted
                    else "is not in the journal"
                )
                checkup.problems.append(
                    f"{owner.TABLE} record {owner.id} ('{owner.label}') points at {what} {ref}, "
                    f"which {gone}."
                )

    for interaction in records[Interaction.TABLE].values():
        assert isinstance(interaction, Interaction)
        missing(interaction, "person", interaction.person_ids, people)
        missing(interaction, "learning", interaction.learning_ids, learnings)
    for outreach in records[Outreach.TABLE].values():
        assert isinstance(outreach, Outreach)
        missing(outreach, "person", outreach.person_ids, people)
        missing(outreach, "learning", (outreach.learning_id,), learnings)


def _check_files(folder: Path, checkup: Checkup) -> None:
    for root, dirs, names in os.walk(folder):
        if Path(root) == folder and ".git" in dirs:
            dirs.remove(".git")  # a git repository's own files (setup-git) are not the journal's
        for name in sorted(names) + sorted(d for d in dirs if os.path.islink(Path(root) / d)):
            path = Path(root) / name
            try:
                info = path.lstat()
            except OSError:
                continue  # removed meanwhile (a save's temporary)
            if stat.S_ISLNK(info.st_mode):  # never followed: a link may dangle or lead out
                target = os.readlink(path)
                there = "" if path.exists() else ", which does not exist"
                checkup.notes.append(
                    f"{path} is a symbolic link to {target}{there}; netjournal does not follow "
                    "links in the journal folder."
                )
                continue
            if name.endswith(".tmp"):
                checkup.notes.append(
                    f"{path} is left from an interrupted save, or a save is writing it now "
                    "(harmless; removed after a minute)."
                )
            mode = stat.S_IMODE(info.st_mode)
            if mode & 0o077:
                checkup.notes.append(f"{path} can be read by other users (mode {mode:o}).")
