"""`netjournal doctor` and `netjournal locate`."""

from __future__ import annotations

import os
from pathlib import Path

from tests.cli.support import RunCli, prepare, snapshot


def make_small_journal(journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    prepare(journal_dir, "add", "person", "Bob Stone")
    prepare(journal_dir, "add", "learning", "Pallet robots")
    prepare(journal_dir, "log", "ann", "bob", "-m", "Lunch", "--shared", "pallet robots")
    prepare(journal_dir, "add", "outreach", "share", "--to", "bob", "--learning", "pallet")


def test_doctor_passes_a_healthy_journal_without_touching_it(
    run_cli: RunCli, journal_dir: Path
) -> None:
    make_small_journal(journal_dir)
    before = snapshot(journal_dir)

    result = run_cli("doctor")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not [line for line in result.stdout.splitlines() if line.startswith("problem")]
    assert "no problems" in result.stdout
    assert "people: 2" in result.stdout and "learnings: 1" in result.stdout
    assert snapshot(journal_dir) == before


def test_doctor_on_a_missing_folder_is_fine_and_creates_nothing(
    run_cli: RunCli, journal_dir: Path
) -> None:
    result = run_cli("doctor")

    assert result.returncode == 0
    assert "no journal" in result.stdout.lower()
    assert not journal_dir.exists()


def test_doctor_names_a_damaged_shard_and_leaves_it_alone(
    run_cli: RunCli, journal_dir: Path
) -> None:
    make_small_journal(journal_dir)
    (shard,) = (journal_dir / "people").glob("*.json")
    shard.write_bytes(b"\x00garbage{{{")
    before = snapshot(journal_dir)

    result = run_cli("doctor")

    assert result.returncode != 0
    assert result.returncode == 1  # 1: the check found problems (2 is for errors)
    assert "Traceback" not in result.stderr
    assert str(shard) in result.stdout
    assert snapshot(journal_dir) == before


def test_doctor_reports_a_newer_journal(run_cli: RunCli, journal_dir: Path) -> None:
    journal_dir.mkdir()
    (journal_dir / "meta.json").write_text('{"schema": 99, "app": "netjournal"}')

    result = run_cli("doctor")

    assert result.returncode == 1
    assert "newer" in result.stdout


def test_doctor_finds_a_broken_cross_reference(run_cli: RunCli, journal_dir: Path) -> None:
    make_small_journal(journal_dir)
    (shard,) = (journal_dir / "learnings").glob("*.json")
    shard.write_text('{"learnings": {}}\n')  # the shared learning disappears

    result = run_cli("doctor")

    assert result.returncode == 1
    assert "not in the journal" in result.stdout


def test_doctor_blames_only_the_damaged_file(run_cli: RunCli, journal_dir: Path) -> None:
    """A damaged people file must not be reported as dangling references everywhere."""
    make_small_journal(journal_dir)
    (shard,) = (journal_dir / "people").glob("*.json")
    shard.write_bytes(b"garbage")

    result = run_cli("doctor")

    problems = [line for line in result.stdout.splitlines() if line.startswith("problem:")]
    assert len(problems) == 1, result.stdout
    assert str(shard) in problems[0]


def test_locate_prints_the_journal_folder(run_cli: RunCli, journal_dir: Path) -> None:
    everything = run_cli("locate")
    just_journal = run_cli("locate", "journal")
    config = run_cli("locate", "config")

    assert everything.returncode == 0
    assert f"journal:       {journal_dir}\n" in everything.stdout
    assert just_journal.returncode == 0
    assert just_journal.stdout == f"{journal_dir}\n"
    config_dir = Path(os.environ["NETJOURNAL_CONFIG_DIR"])
    assert config.stdout == f"{config_dir / 'config.toml'}\n"
    assert not journal_dir.exists()
    assert not config_dir.exists()


def test_locate_prints_where_this_machine_keeps_the_apps_place(
    run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    everything = run_cli("locate")
    state = run_cli("locate", "state")
    other = run_cli("locate", "state", folder=tmp_path / "other")

    state_dir = Path(os.environ["NETJOURNAL_STATE_DIR"])
    path = Path(state.stdout.strip())
    assert state.returncode == 0 and path.parent == state_dir / "places"
    assert f"state:         {path}\n" in everything.stdout
    assert other.stdout != state.stdout  # one place per journal
    assert not path.is_relative_to(journal_dir) and not state_dir.exists()
