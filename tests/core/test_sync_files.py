"""Deletions leave tombstones; conflict copies of sync engines are merged, never read as shards."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson

from netjournal.core.clock import now_stamp
from netjournal.core.conflict_names import original_of
from netjournal.core.doctor import check_journal
from netjournal.core.records import Person
from netjournal.core.store import Store
from netjournal.core.tombstones import KEEP_DAYS, TOMBSTONES


def shard_of(folder: Path) -> Path:
    (path,) = [path for path in (folder / "people").glob("20*.json") if not original_of(path.name)]
    return path


def two_devices(tmp_path: Path) -> tuple[Path, Path, Person, Person]:
    """Two copies of one journal holding Ada and Bob (as after a sync)."""
    laptop = tmp_path / "laptop"
    ada = Person.create(name="Ada")
    bob = Person.create(name="Bob")
    Store.open(laptop).add(ada, bob)
    desktop = tmp_path / "desktop"
    shutil.copytree(laptop, desktop)
    return laptop, desktop, ada, bob


def names(folder: Path) -> list[str]:
    return sorted(person.name for person in Store.open(folder).people())


def test_a_deletion_leaves_a_tombstone_in_its_file(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "j")
    ada = store.added(Person.create(name="Ada"))
    store.delete(ada)
    data = orjson.loads(shard_of(tmp_path / "j").read_bytes())
    assert data["people"] == {}
    assert data[TOMBSTONES][ada.id]["table"] == "people"
    assert Store.open(tmp_path / "j").people() == []


def test_a_copy_of_a_deleted_record_does_not_come_back_on_load(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "j")
    ada = store.added(Person.create(name="Ada"))
    store.delete(ada)
    path = shard_of(tmp_path / "j")
    data = orjson.loads(path.read_bytes())
    data["people"][ada.id] = ada.to_dict()  # a tool merged the record back beside its tombstone
    path.write_bytes(orjson.dumps(data))
    assert Store.open(tmp_path / "j").people() == []


def test_tombstones_older_than_a_year_are_pruned_at_the_next_write(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "j")
    ada, bob = Person.create(name="Ada"), Person.create(name="Bob")
    store.add(ada, bob)
    store.delete(ada)
    path = shard_of(tmp_path / "j")
    data = orjson.loads(path.read_bytes())
    data[TOMBSTONES][ada.id]["deleted"] = f"{int(now_stamp()[:4]) - 2}-01-01T00:00:00.000000Z"
    path.write_bytes(orjson.dumps(data))
    assert KEEP_DAYS == 365
    store = Store.open(tmp_path / "j")
    store.update(store.people()[0].edit(org="Acme"))
    assert TOMBSTONES not in orjson.loads(path.read_bytes())


def test_engine_names_are_recognized() -> None:
    assert original_of("2026-12.sync-conflict-20261203-101500-ABCDEF7.json") == "2026-12.json"
    assert original_of("2026-12 (Ada's conflicted copy 2026-12-03).json") == "2026-12.json"
    assert original_of("2026-12 (conflicted copy 2026-12-03 101500).json") == "2026-12.json"
    assert original_of("2026-12-LAPTOP.json") == "2026-12.json"
    assert original_of("meta-LAPTOP.json") == "meta.json"
    for shard in ("2026-12.json", "2026-12~2.json", "notes-2026.txt"):
        assert original_of(shard) is None


def test_a_syncthing_copy_is_merged_once_and_removed(tmp_path: Path) -> None:
    laptop, desktop, ada, bob = two_devices(tmp_path)
    Store.open(laptop).update(ada.edit(org="Acme"))
    Store.open(laptop).delete(bob)
    carol = Store.open(desktop).added(Person.create(name="Carol", created=ada.created))
    # Syncthing: the desktop's version wins, the laptop's is kept beside it.
    copy = shard_of(desktop).with_name(
        shard_of(desktop).stem + ".sync-conflict-20261203-101500-LAPTOP1.json"
    )
    shutil.copy(shard_of(laptop), copy)
    store = Store.open(desktop)
    assert store.copies is not None
    assert store.copies.summary() == "Merged 2 changes from another device."
    assert not copy.exists()
    people = {p.name: p for p in store.people()}
    assert sorted(people) == ["Ada", "Carol"]  # Bob stays deleted, nobody is doubled
    assert people["Ada"].org == "Acme"
    assert carol.id in {p.id for p in store.people()}
    assert check_journal(desktop).healthy


def test_a_half_written_copy_is_reported_and_kept(tmp_path: Path) -> None:
    laptop, desktop, _, _ = two_devices(tmp_path)
    copy = shard_of(desktop).with_name(shard_of(desktop).stem + " (conflicted copy 2026-12-03).json")
    copy.write_bytes(shard_of(laptop).read_bytes()[:40])
    before = shard_of(desktop).read_bytes()
    store = Store.open(desktop)
    assert store.copies is not None and not store.copies.merged
    assert "not valid JSON" in store.copies.kept[0] and "kept" in store.copies.kept[0]
    assert copy.exists() and shard_of(desktop).read_bytes() == before
    assert names(desktop) == ["Ada", "Bob"]  # the copy is not read as a shard


def test_doctor_says_why_sync_cannot_merge_a_copy_and_changes_nothing(tmp_path: Path) -> None:
    laptop, desktop, _, _ = two_devices(tmp_path)
    half = shard_of(desktop).with_name(shard_of(desktop).stem + "-LAPTOP.json")
    half.write_bytes(shard_of(laptop).read_bytes()[:40])
    good = shard_of(desktop).with_name(shard_of(desktop).stem + " (conflicted copy 2026-12-03).json")
    shutil.copy(shard_of(laptop), good)
    before = shard_of(desktop).read_bytes()
    notes = check_journal(desktop).notes
    (said,) = [note for note in notes if half.name in note and "mode" not in note]
    assert "not valid JSON" in said and "merges it" not in said  # not the promise sync breaks
    assert any(good.name in note and "`netjournal sync` merges it" in note for note in notes)
    assert half.exists() and good.exists() and shard_of(desktop).read_bytes() == before


def test_a_copy_from_a_newer_version_is_kept_not_merged(tmp_path: Path) -> None:
    laptop, desktop, ada, _ = two_devices(tmp_path)
    data = orjson.loads(shard_of(laptop).read_bytes())
    data["people"][ada.id]["influence"] = "very"  # a newer schema's value this one cannot read
    copy = shard_of(desktop).with_name(shard_of(desktop).stem + "-LAPTOP.json")
    copy.write_bytes(orjson.dumps(data))
    store = Store.open(desktop)
    assert store.copies is not None
    assert "newer netjournal" in store.copies.kept[0]
    assert copy.exists() and names(desktop) == ["Ada", "Bob"]


def test_two_copies_of_one_file_and_a_copy_of_meta(tmp_path: Path) -> None:
    laptop, desktop, ada, bob = two_devices(tmp_path)
    Store.open(laptop).update(ada.edit(org="Acme"))
    shutil.copy(shard_of(laptop), shard_of(desktop).with_name(
        shard_of(desktop).stem + ".sync-conflict-20261203-101500-LAPTOP1.json"))  # fmt: skip
    phone = tmp_path / "phone"
    shutil.copytree(desktop, phone)
    Store.open(phone).update(bob.edit(role="CTO"))
    shutil.copy(shard_of(phone), shard_of(desktop).with_name(
        shard_of(desktop).stem + ".sync-conflict-20261203-101600-PHONE12.json"))  # fmt: skip
    shutil.copy(desktop / "meta.json", desktop / "meta.sync-conflict-20261203-101500-LAPTOP1.json")
    store = Store.open(desktop)
    assert store.copies is not None and len(store.copies.merged) == 3
    people = {p.name: p for p in store.people()}
    assert (people["Ada"].org, people["Bob"].role) == ("Acme", "CTO")
    assert sorted(p.name for p in (desktop / "people").iterdir()) == [shard_of(desktop).name]
    assert not list(desktop.glob("meta.sync-conflict*"))


def test_a_same_field_conflict_is_kept_as_a_note_that_doctor_lists(tmp_path: Path) -> None:
    laptop, desktop, ada, _ = two_devices(tmp_path)
    Store.open(laptop).update(ada.edit(notes="met at the fair"))
    old = Store.open(desktop).get(Person, ada.id)
    assert old is not None
    later = old.edit(notes="prefers email")
    Store.open(desktop).update(later)
    shutil.copy(shard_of(laptop), shard_of(desktop).with_name(shard_of(desktop).stem + "-LAPTOP.json"))
    Store.open(desktop)
    checkup = check_journal(desktop)
    assert checkup.healthy
    assert any("also 'met at the fair'" in note or "also 'prefers email'" in note
               for note in checkup.notes)  # fmt: skip


def test_a_linked_copy_is_not_followed_out_of_the_journal(tmp_path: Path) -> None:
    laptop, desktop, _, _ = two_devices(tmp_path)
    Store.open(laptop).add(Person.create(name="Outsider"))
    copy = shard_of(desktop).with_name(shard_of(desktop).stem + "-LAPTOP.json")
    copy.symlink_to(shard_of(laptop))
    store = Store.open(desktop)
    assert store.copies is not None and not store.copies.merged
    assert "symbolic link" in store.copies.kept[0]
    assert names(desktop) == ["Ada", "Bob"] and copy.is_symlink()


def test_doctor_says_a_reference_points_at_a_deleted_record(tmp_path: Path) -> None:
    from netjournal.core.records import Interaction

    laptop, desktop, ada, _ = two_devices(tmp_path)
    talk = Interaction.create(date=now_stamp()[:10], summary="Coffee", person_ids=[ada.id])
    Store.open(desktop).add(talk)
    Store.open(laptop).delete(ada)  # the laptop deleted Ada without seeing the talk
    shutil.copy(shard_of(laptop), shard_of(desktop))  # the laptop's people file arrives whole
    problems = check_journal(desktop).problems
    assert any("which was deleted from the journal (on another device?)" in p for p in problems)
