"""`netjournal sync` on a synced folder, and the conflict notes a merge leaves, from the shell."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from netjournal.core.conflict_names import original_of
from tests.cli.support import RunCli, added_id


def shard(folder: Path) -> Path:
    (path,) = [p for p in (folder / "people").glob("*.json") if not original_of(p.name)]
    return path


def test_sync_merges_a_dropbox_copy_and_edit_clears_the_note(
    run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    ada = added_id(run_cli("add", "person", "Ada", "--notes", "first"))
    laptop = tmp_path / "laptop"
    shutil.copytree(journal_dir, laptop)
    assert run_cli("edit", ada, "--notes", "from the laptop", folder=laptop).returncode == 0
    assert run_cli("edit", ada, "--notes", "from the desktop").returncode == 0
    copy = shard(journal_dir).with_name(
        f"{shard(journal_dir).stem} (Ada's conflicted copy 2026-12-03).json"
    )
    shutil.copy(shard(laptop), copy)

    synced = run_cli("sync")
    assert synced.returncode == 0, synced.stderr
    assert "Merged 1 change from another device (1 conflicting value kept" in synced.stdout
    assert not copy.exists()
    assert "Nothing to merge" in run_cli("sync").stdout

    (person,) = json.loads(run_cli("list", "people", "--json").stdout)
    kept = {person["notes"]}
    doctor = run_cli("doctor")
    assert doctor.returncode == 0
    noted = "from the laptop" if "from the desktop" in kept else "from the desktop"
    assert f"Notes was also '{noted}' on another device" in doctor.stdout + doctor.stderr
    shown = run_cli("show", ada).stdout  # `show` has what the app's detail has
    assert "Also written on another device" in shown and noted in shown

    cleared = run_cli("edit", ada, "--clear-conflicts")
    assert cleared.returncode == 0, cleared.stderr
    doctor = run_cli("doctor")
    assert "on another device" not in doctor.stdout + doctor.stderr
    assert "another device" not in run_cli("show", ada).stdout
    (person,) = json.loads(run_cli("list", "people", "--json").stdout)
    assert {person["notes"]} == kept


def test_a_copy_with_nothing_new_is_removed_and_said_so(run_cli: RunCli, journal_dir: Path) -> None:
    added_id(run_cli("add", "person", "Ada"))
    copy = journal_dir / "meta (conflicted copy 2026-12-03).json"
    shutil.copy(journal_dir / "meta.json", copy)
    synced = run_cli("sync")
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.strip() == (
        "Removed 1 conflict copy from another device: it held nothing new."
    )
    assert not copy.exists()


def test_a_copy_that_does_not_parse_is_reported_and_kept(run_cli: RunCli, journal_dir: Path) -> None:
    added_id(run_cli("add", "person", "Ada"))
    copy = shard(journal_dir).with_name(f"{shard(journal_dir).stem}-LAPTOP.json")
    copy.write_text('{"people": {"ab')
    listed = run_cli("list", "people")
    assert listed.returncode == 0
    assert listed.stdout.count("Ada") == 1
    assert "not valid JSON" in listed.stderr and "kept" in listed.stderr
    synced = run_cli("sync")
    assert synced.returncode == 1 and copy.exists()
