"""The open app merges a conflict copy a sync engine drops into the journal, and says so."""

from __future__ import annotations

import shutil
from pathlib import Path

from netjournal.core.conflict_names import original_of
from netjournal.core.records import Person
from netjournal.core.store import Store
from tests.tui.support import (
    SIZE,
    detail_text,
    make_app,
    record_notifications,
    settle,
    wait_loaded,
    wait_until,
)


def shard(folder: Path) -> Path:
    (path,) = [p for p in (folder / "people").glob("*.json") if not original_of(p.name)]
    return path


async def test_a_conflict_copy_is_merged_and_the_app_says_how_many_changes(
    journal_dir: Path, tmp_path: Path
) -> None:
    ann = Person.create(name="Ann [bold]Archer[/")
    app = make_app(journal_dir, ann)
    other = tmp_path / "laptop"
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        shutil.copytree(journal_dir, other, ignore=shutil.ignore_patterns(".lock", ".cache"))
        laptop = Store.open(other)
        laptop.update(ann.edit(notes="met at the fair"))
        laptop.add(Person.create(name="Bo Laptop", created=ann.created))
        # Syncthing keeps the laptop's file beside the desktop's as a conflict copy.
        copy = shard(journal_dir).with_name(
            shard(journal_dir).stem + ".sync-conflict-20261129-101500-LAPTOP1.json"
        )
        shutil.copy(shard(other), copy)
        await wait_until(
            pilot, lambda: "Merged 2 changes from another device." in told.messages(),
            timeout=10, what="the merge to be said",
        )  # fmt: skip
        await settle(pilot)
        assert not copy.exists()
        assert {p.name for p in Store.open(journal_dir).people()} == {ann.name, "Bo Laptop"}
        await wait_until(pilot, lambda: "met at the fair" in detail_text(app.screen), timeout=5)
