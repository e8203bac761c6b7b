"""The store, on real files in a temporary folder: layout, durability, sharding, refusals, and
two processes (two Store objects) sharing one journal."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

import netjournal.core.atomic_file as atomic_file
import netjournal.core.shards as shards
from netjournal.core.clock import new_id
from netjournal.core.errors import JournalBusy, JournalError, NotFound
from netjournal.core.journal_lock import JournalLock
from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import Store


def file_modes_are_enforced() -> bool:
    """False for root (and anyone with CAP_DAC_OVERRIDE): then a 0500 folder stays writable."""
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        return True
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "read-only"
        folder.mkdir(mode=0o500)
        try:
            (folder / "probe").write_text("x")
        except PermissionError:
            return True
        finally:
            folder.chmod(0o700)
    return False


def stamp(month: str) -> str:
    return f"{month}-05T10:00:00Z"


def person(name: str, month: str = "2026-03", **fields: object) -> Person:
    return Person.build(
        id=new_id(), created=stamp(month), updated=stamp(month), name=name, **fields
    )


def interaction(day: str, summary: str = "Coffee", **fields: object) -> Interaction:
    return Interaction.build(
        id=new_id(), created=stamp("2026-03"), updated=stamp("2026-03"), date=day,
        summary=summary, **fields,
    )  # fmt: skip


def learning(day: str, title: str = "Pallet robots", **fields: object) -> Learning:
    return Learning.build(
        id=new_id(), created=stamp("2026-03"), updated=stamp("2026-03"), date=day, title=title,
        **fields,
    )  # fmt: skip


def outreach(
    title: str, person_ids: list[str], month: str = "2026-01", **fields: object
) -> Outreach:
    return Outreach.build(
        id=new_id(), created=stamp(month), updated=stamp(month), kind="follow-up", title=title,
        person_ids=person_ids, **fields,
    )  # fmt: skip


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under `folder` with its bytes (None for folders)."""
    found: dict[str, bytes | None] = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        found[str(path.relative_to(folder))] = None if path.is_dir() else path.read_bytes()
    return found


def identities(folder: Path) -> dict[str, tuple[int, int]]:
    """Inode and modification time of each data file (not the lock file)."""
    return {
        str(path.relative_to(folder)): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in folder.rglob("*.json")
    }


def by_id(records: list[Record] | list[Person] | list[Interaction]) -> dict[str, Record]:
    return {record.id: record for record in records}


def data_files(folder: Path) -> list[str]:
    return sorted(
        str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()
        and path.name != ".lock"
    )  # fmt: skip


@pytest.fixture
def sample(store: Store) -> dict[str, Record]:
    """A small journal saved through `store`: two people, a learning, two interactions, outreach."""
    ann = person("Ann Lee", "2026-03", interests="robots")
    bob = person("Bob Stone", "2026-02")
    talk = learning("2025-12-01", "Robots pay back in 14 months")
    coffee = interaction(
        "2026-03-10", "Coffee at LogiMAT", person_ids=[ann.id], learning_ids=[talk.id]
    )
    call = interaction("2026-02-02", "Call about pallets", person_ids=[bob.id], channel="call")
    plan = outreach("Follow up with Ann", [ann.id], "2026-01", due="2026-03-20")
    store.add(ann, bob, talk, coffee, call, plan)
    return {"ann": ann, "bob": bob, "talk": talk, "coffee": coffee, "call": call, "plan": plan}


# Round trips


def test_added_records_load_unchanged_in_a_fresh_store(
    journal_dir: Path, sample: dict[str, Record]
) -> None:
    fresh = Store.open(journal_dir)
    loaded = {
        **by_id(fresh.people()), **by_id(fresh.learnings()),
        **by_id(fresh.interactions()), **by_id(fresh.outreach()),
    }  # fmt: skip
    assert loaded == {record.id: record for record in sample.values()}
    assert Store.open(journal_dir).get(Person, sample["ann"].id) == sample["ann"]
    assert Store.open(journal_dir).get(Person, "nosuchid23") is None


def test_an_update_replaces_the_stored_version(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    ann = sample["ann"]
    assert isinstance(ann, Person)
    store.update(ann.edit(org="Acme", tags="vip"))
    fresh = Store.open(journal_dir)
    people = by_id(fresh.people())
    assert len(people) == 2
    assert people[ann.id].org == "Acme"  # type: ignore[attr-defined]
    assert people[ann.id].tags == ("vip",)  # type: ignore[attr-defined]
    assert people[sample["bob"].id] == sample["bob"]


def test_an_interaction_whose_date_changes_month_stays_findable(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    coffee = sample["coffee"]
    assert isinstance(coffee, Interaction)
    store.update(coffee.edit(date="2025-07-01"))
    loaded = by_id(Store.open(journal_dir).interactions())
    assert len(loaded) == 2
    assert loaded[coffee.id].date.isoformat() == "2025-07-01"  # type: ignore[attr-defined]


def test_a_delete_removes_only_that_record(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    store.delete(sample["coffee"], sample["bob"])
    fresh = Store.open(journal_dir)
    assert [p.id for p in fresh.people()] == [sample["ann"].id]
    assert [i.id for i in fresh.interactions()] == [sample["call"].id]
    assert fresh.get(Person, sample["bob"].id) is None


def test_the_saving_store_sees_its_own_changes(store: Store, sample: dict[str, Record]) -> None:
    newcomer = person("Cleo Park")
    store.add(newcomer)
    assert store.get(Person, newcomer.id) == newcomer
    assert len(store.people()) == 3


def test_the_same_record_added_twice_is_refused_and_nothing_is_saved(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    before = snapshot(journal_dir)
    with pytest.raises(JournalError, match="Nothing was saved"):
        store.add(person("Dana Fox"), sample["ann"])
    assert snapshot(journal_dir) == before
    assert len(Store.open(journal_dir).people()) == 2


def test_a_record_whose_id_is_already_in_another_shard_is_refused(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    coffee = sample["coffee"]
    assert isinstance(coffee, Interaction)
    before = snapshot(journal_dir)
    with contextlib.suppress(JournalError):  # refusing it would be right
        store.add(coffee.edit(date="2026-05-01"))  # same id, lands in another month's shard
    assert snapshot(journal_dir) == before
    ids = [i.id for i in Store.open(journal_dir).interactions()]
    assert len(ids) == len(set(ids))


# Files on disk


def test_files_are_laid_out_by_table_and_month(
    journal_dir: Path, sample: dict[str, Record]
) -> None:
    assert data_files(journal_dir) == [
        "interactions/2026-02.json",
        "interactions/2026-03.json",
        "learnings/2025-12.json",
        "meta.json",
        "outreach/2026-01.json",
        "people/2026-02.json",
        "people/2026-03.json",
    ]


def test_a_shard_file_is_plain_sorted_json_keyed_by_id(
    journal_dir: Path, sample: dict[str, Record]
) -> None:
    ann = sample["ann"]
    data = json.loads((journal_dir / "people" / "2026-03.json").read_text("utf-8"))
    assert list(data) == ["people"]
    assert list(data["people"]) == [ann.id]
    stored = data["people"][ann.id]
    assert stored == ann.to_dict()
    assert list(stored) == sorted(stored)  # stable key order: diff-friendly


def test_saving_the_same_content_gives_the_same_bytes(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    path = journal_dir / "people" / "2026-03.json"
    before = path.read_bytes()
    store.update(sample["ann"])
    assert path.read_bytes() == before


def test_meta_json_holds_schema_1(journal_dir: Path, sample: dict[str, Record]) -> None:
    meta = json.loads((journal_dir / "meta.json").read_text("utf-8"))
    assert meta["schema"] == 1
    assert meta["app"] == "netjournal"


def test_the_journal_is_private_folders_0700_files_0600(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    store.update(sample["ann"].edit(org="Acme"))  # a rewritten file is private too
    assert stat.S_IMODE(journal_dir.stat().st_mode) == 0o700
    for path in journal_dir.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {mode:o}"


def test_no_temporary_files_are_left_behind(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    store.update(sample["ann"].edit(org="Acme"))
    store.delete(sample["call"])
    assert [p for p in journal_dir.rglob("*") if p.name.endswith(".tmp")] == []


def test_only_the_changed_shard_is_rewritten(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    before = identities(journal_dir)
    store.update(sample["coffee"].edit(summary="Coffee and cake"))
    after = identities(journal_dir)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == ["interactions/2026-03.json"]


def test_adding_writes_only_the_month_it_goes_to(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    before = identities(journal_dir)
    store.add(interaction("2026-02-20", "Lunch", person_ids=[sample["bob"].id]))
    after = identities(journal_dir)
    assert sorted(name for name in before if before[name] != after[name]) == [
        "interactions/2026-02.json"
    ]
    assert set(after) == set(before)


# Sharding


def test_a_full_month_overflows_into_numbered_shards(
    journal_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shards, "SHARD_LIMIT", 5)
    records = [interaction(f"2026-03-{day:02d}", f"Meeting {day}") for day in range(1, 13)]
    store.add(*records)
    folder = journal_dir / "interactions"
    assert sorted(p.name for p in folder.iterdir()) == [
        "2026-03.json",
        "2026-03~2.json",
        "2026-03~3.json",
    ]
    counts = {p.name: len(json.loads(p.read_text())["interactions"]) for p in folder.iterdir()}
    assert counts == {"2026-03.json": 5, "2026-03~2.json": 5, "2026-03~3.json": 2}
    assert by_id(Store.open(journal_dir).interactions()) == by_id(records)


def test_later_saves_fill_the_last_shard_and_then_open_a_new_one(
    journal_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shards, "SHARD_LIMIT", 5)
    records = [interaction("2026-03-01", f"Meeting {n}") for n in range(8)]
    for record in records:  # one save each
        store.add(record)
    folder = journal_dir / "interactions"
    counts = {p.name: len(json.loads(p.read_text())["interactions"]) for p in folder.iterdir()}
    assert counts == {"2026-03.json": 5, "2026-03~2.json": 3}
    fresh = Store.open(journal_dir)
    assert by_id(fresh.interactions()) == by_id(records)
    # An update stays in the shard the record was first written to.
    first = records[0]
    fresh.update(first.edit(summary="Renamed"))
    counts = {p.name: len(json.loads(p.read_text())["interactions"]) for p in folder.iterdir()}
    assert counts == {"2026-03.json": 5, "2026-03~2.json": 3}
    assert Store.open(journal_dir).get(Interaction, first.id).summary == "Renamed"  # type: ignore[union-attr]


# Opening: nothing is created or changed by reading, and what cannot be read is refused


def test_reading_a_journal_that_does_not_exist_creates_nothing(
    tmp_path: Path, journal_dir: Path
) -> None:
    before = snapshot(tmp_path)
    store = Store.open(journal_dir)
    assert store.people() == [] and store.interactions() == []
    assert store.learnings() == [] and store.outreach() == []
    assert store.get(Person, "abcdefghjk") is None
    assert store.refresh() == set()
    assert not store.exists
    assert not journal_dir.exists()
    assert snapshot(tmp_path) == before


def test_the_first_save_creates_the_folder_and_its_parents(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "er" / "journal"
    Store.open(folder).add(person("Ann Lee"))
    assert (folder / "meta.json").is_file()
    assert [p.name for p in Store.open(folder).people()] == ["Ann Lee"]


def test_a_damaged_shard_is_refused_naming_the_file_and_left_as_it_is(
    journal_dir: Path, sample: dict[str, Record]
) -> None:
    path = journal_dir / "people" / "2026-03.json"
    damaged = b'{"people": {"abc": {"id": "abc", "name": "Ann'
    path.write_bytes(damaged)
    before = snapshot(journal_dir)
    fresh = Store.open(journal_dir)  # opening only checks meta.json
    with pytest.raises(JournalError) as raised:
        fresh.people()
    assert str(path) in str(raised.value)
    assert "damaged" in str(raised.value)
    with pytest.raises(JournalError):
        fresh.add(person("Cleo Park", "2026-03"))  # goes to the damaged month
    assert snapshot(journal_dir) == before
    assert path.read_bytes() == damaged


@pytest.mark.parametrize(
    "content",
    [b"[]", b'{"people": []}', b'{"people": {"x": {"id": "y", "name": "A"}}}', b""],
    ids=["list", "table-not-a-dict", "id-mismatch", "empty-file"],
)  # fmt: skip
# A record without its fields is one bad record, not a damaged file: tests/core/test_bad_records.py
def test_shards_that_are_json_but_not_a_table_are_damaged(
    journal_dir: Path, sample: dict[str, Record], content: bytes
) -> None:
    path = journal_dir / "people" / "2026-02.json"
    path.write_bytes(content)
    with pytest.raises(JournalError, match="damaged") as raised:
        Store.open(journal_dir).people()
    assert str(path) in str(raised.value)
    assert path.read_bytes() == content


def test_a_newer_schema_is_refused_and_nothing_is_written(
    journal_dir: Path, sample: dict[str, Record]
) -> None:
    (journal_dir / "meta.json").write_text('{"app": "netjournal", "schema": 99}')
    before = snapshot(journal_dir)
    with pytest.raises(JournalError, match="newer") as raised:
        Store.open(journal_dir)
    assert "99" in str(raised.value)
    assert snapshot(journal_dir) == before


def test_a_store_opened_before_an_upgrade_does_not_write_into_the_newer_journal(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    (journal_dir / "meta.json").write_text('{"app": "netjournal", "schema": 2}')
    before = snapshot(journal_dir)
    with pytest.raises(JournalError, match="newer"):
        store.add(person("Cleo Park"))
    assert snapshot(journal_dir) == before


@pytest.mark.parametrize(
    "content", [b"", b"{not json", b'{"app": "netjournal"}', b'{"schema": "x"}']
)
def test_a_damaged_meta_json_is_refused_by_name(
    journal_dir: Path, sample: dict[str, Record], content: bytes
) -> None:
    (journal_dir / "meta.json").write_bytes(content)
    before = snapshot(journal_dir)
    with pytest.raises(JournalError, match=r"meta\.json"):
        Store.open(journal_dir)
    assert snapshot(journal_dir) == before


def test_a_folder_with_other_files_is_not_taken_over(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "taxes.txt").write_text("private")
    before = snapshot(folder)
    with pytest.raises(JournalError, match="not a netjournal journal"):
        Store.open(folder)
    assert snapshot(folder) == before


def test_an_empty_or_hidden_only_folder_becomes_a_journal(tmp_path: Path) -> None:
    folder = tmp_path / "synced"
    (folder / ".git").mkdir(parents=True)
    store = Store.open(folder)
    store.add(person("Ann Lee"))
    assert (folder / "meta.json").is_file()
    assert [p.name for p in Store.open(folder).people()] == ["Ann Lee"]


def test_a_file_where_the_journal_should_be_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal"
    path.write_text("not a folder")
    with pytest.raises(JournalError, match="is a file"):
        Store.open(path)
    assert path.read_text() == "not a folder"


# Two processes (two Store objects on one folder)


def test_a_save_keeps_what_another_process_saved_in_between(journal_dir: Path) -> None:
    a, b = Store.open(journal_dir), Store.open(journal_dir)
    assert b.people() == []  # B has looked, and what it saw is now stale
    ann, bob = person("Ann Lee"), person("Bob Stone")
    a.add(ann)
    b.add(bob)  # same month shard as Ann
    assert set(by_id(Store.open(journal_dir).people())) == {ann.id, bob.id}


def test_edits_by_two_processes_to_one_shard_are_both_kept(journal_dir: Path) -> None:
    ann, bob = person("Ann Lee"), person("Bob Stone")
    Store.open(journal_dir).add(ann, bob)
    a, b = Store.open(journal_dir), Store.open(journal_dir)
    a_ann, b_bob = a.get(Person, ann.id), b.get(Person, bob.id)
    assert a_ann is not None and b_bob is not None
    a.update(a_ann.edit(org="Acme"))
    b.update(b_bob.edit(org="Globex"))
    people = by_id(Store.open(journal_dir).people())
    assert people[ann.id].org == "Acme"  # type: ignore[attr-defined]
    assert people[bob.id].org == "Globex"  # type: ignore[attr-defined]


def test_refresh_reports_the_tables_another_process_changed(journal_dir: Path) -> None:
    a, b = Store.open(journal_dir), Store.open(journal_dir)
    ann = person("Ann Lee")
    a.add(ann)
    a.people(), a.interactions(), a.learnings()
    assert a.refresh() == set()
    bob = person("Bob Stone")
    chat = interaction("2025-11-03", "Chat", person_ids=[bob.id])  # a month A has never seen
    b.add(bob, chat)
    assert a.refresh() == {"people", "interactions"}
    assert a.get(Person, bob.id) == bob
    assert a.get(Interaction, chat.id) == chat
    assert {p.id for p in a.people()} == {ann.id, bob.id}
    assert a.refresh() == set()


def test_updating_a_record_another_process_deleted_changes_nothing(journal_dir: Path) -> None:
    ann, bob = person("Ann Lee"), person("Bob Stone")
    a = Store.open(journal_dir)
    a.add(ann, bob)
    Store.open(journal_dir).delete(ann)
    before = snapshot(journal_dir)
    with pytest.raises(NotFound, match="Ann Lee"):
        a.update(ann.edit(org="Acme"), bob.edit(org="Globex"))
    assert snapshot(journal_dir) == before
    assert by_id(Store.open(journal_dir).people()) == {bob.id: bob}


def test_deleting_a_record_another_process_deleted_is_not_found(journal_dir: Path) -> None:
    ann = person("Ann Lee")
    a = Store.open(journal_dir)
    a.add(ann)
    Store.open(journal_dir).delete(ann)
    with pytest.raises(NotFound):
        a.delete(ann)


def test_a_busy_journal_says_so_and_changes_nothing(
    journal_dir: Path, store: Store, sample: dict[str, Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETJOURNAL_LOCK_TIMEOUT", "0.2")
    before = snapshot(journal_dir)
    with JournalLock(journal_dir, timeout=1), pytest.raises(JournalBusy, match="busy"):
        store.add(person("Cleo Park"))
    assert snapshot(journal_dir) == before
    store.add(person("Cleo Park"))  # once the other save is over, it works
    assert len(Store.open(journal_dir).people()) == 3


def test_a_batch_reads_current_records_and_saves_its_changes_once(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    other = person("Dana Fox")
    Store.open(journal_dir).add(other)
    with store.batch() as changes:
        names = {p.name for p in store.people()}
        assert "Dana Fox" in names
        changes.add.append(person("Eve Park"))
    assert {p.name for p in Store.open(journal_dir).people()} == names | {"Eve Park"}


# A journal that cannot be written


@pytest.mark.skipif(
    not file_modes_are_enforced(),
    reason="running as root (CAP_DAC_OVERRIDE): file modes are ignored, a 0500 folder stays "
    "writable; test_a_failed_write_... covers a write failure for root",
)
def test_a_read_only_journal_folder_is_a_journal_error(
    journal_dir: Path, store: Store, sample: dict[str, Record]
) -> None:
    before = snapshot(journal_dir)
    folders = [journal_dir, *[p for p in journal_dir.iterdir() if p.is_dir()]]
    for folder in folders:
        folder.chmod(0o500)
    try:
        with pytest.raises(JournalError):
            store.add(person("Cleo Park"))
    finally:
        for folder in folders:
            folder.chmod(0o700)
    assert snapshot(journal_dir) == before


def test_a_journal_under_a_file_is_a_journal_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(JournalError):
        Store.open(blocker / "journal").add(person("Ann Lee"))
    assert blocker.read_text() == "x"


@pytest.fixture
def blocked_people_shard(
    journal_dir: Path, sample: dict[str, Record], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Make the next write of people/2026-03.json fail, even for root: its temporary's name is
    taken by a folder, so creating it (O_EXCL) fails with EEXIST."""
    blocker = journal_dir / "people" / ".2026-03.json.blocked.tmp"
    blocker.mkdir()
    name_of = atomic_file.temporary_name
    monkeypatch.setattr(
        atomic_file,
        "temporary_name",
        lambda path: blocker if path.name == "2026-03.json" else name_of(path),
    )
    yield blocker
    blocker.rmdir()


def test_a_failed_write_is_a_journal_error_and_saves_nothing(
    journal_dir: Path, store: Store, sample: dict[str, Record], blocked_people_shard: Path
) -> None:
    before = snapshot(journal_dir)
    cleo = person("Cleo Park", "2026-03")
    with pytest.raises(JournalError, match="Could not save") as raised:
        store.add(cleo)
    assert "2026-03.json" in str(raised.value)
    assert snapshot(journal_dir) == before
    assert cleo.id not in by_id(store.people())  # the open store does not pretend it saved
    assert cleo.id not in by_id(Store.open(journal_dir).people())


def test_a_failed_update_leaves_the_stored_version(
    journal_dir: Path, store: Store, sample: dict[str, Record], blocked_people_shard: Path
) -> None:
    ann = sample["ann"]
    with pytest.raises(JournalError):
        store.update(ann.edit(org="Acme"))
    assert by_id(store.people())[ann.id] == ann
    assert by_id(Store.open(journal_dir).people())[ann.id] == ann


def test_get_still_finds_stored_records_after_a_failed_save(
    store: Store, sample: dict[str, Record], blocked_people_shard: Path
) -> None:
    store.people()
    with pytest.raises(JournalError):
        store.add(person("Cleo Park", "2026-03"))
    assert store.get(Person, sample["ann"].id) == sample["ann"]


class Crash(Exception):
    """Stands for the process dying at one step of a save."""


@pytest.mark.parametrize(
    "step", ["before-temp-write", "after-temp-write", "after-fsync", "after-replace"]
)
def test_a_crash_at_any_step_leaves_the_old_or_the_new_journal(
    journal_dir: Path, sample: dict[str, Record], monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    ann = sample["ann"]
    old = by_id(Store.open(journal_dir).people())
    edited = ann.edit(org="Acme")
    new = {**old, ann.id: edited}

    def crash(at: str) -> None:
        if at == step:
            raise Crash(at)

    monkeypatch.setattr(atomic_file, "checkpoint", crash)
    with pytest.raises(Crash):
        Store.open(journal_dir).update(edited)
    monkeypatch.setattr(atomic_file, "checkpoint", lambda at: None)
    after = by_id(Store.open(journal_dir).people())
    assert after in (old, new)
    # ...and the journal keeps working: the next save succeeds.
    Store.open(journal_dir).update(edited.edit(role="CTO"))
    assert Store.open(journal_dir).get(Person, ann.id).role == "CTO"  # type: ignore[union-attr]


def test_orjson_and_the_file_agree_on_unicode(journal_dir: Path, store: Store) -> None:
    ann = person("Jürgen Müller 李雷 🙂", notes="[bold]x[/ and 100% [done]")
    store.add(ann)
    raw = next((journal_dir / "people").glob("*.json")).read_bytes()
    assert orjson.loads(raw)["people"][ann.id]["name"] == "Jürgen Müller 李雷 🙂"
    assert Store.open(journal_dir).get(Person, ann.id) == ann
