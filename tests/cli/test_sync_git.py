"""Two machines, one journal through git: setup-git, edits on both, `git pull` merges by record."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from tests.cli.support import RunCli, added_id

GIT_ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip


@pytest.fixture(autouse=True)
def git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)  # the user's own git settings stay out


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def people(run_cli: RunCli, folder: Path) -> dict[str, dict[str, object]]:
    result = run_cli("list", "people", "--json", folder=folder)
    assert result.returncode == 0, result.stderr
    return {person["name"]: person for person in json.loads(result.stdout)}


def test_two_journals_pull_each_other_and_both_end_equal(run_cli: RunCli, tmp_path: Path) -> None:
    laptop, desktop, remote = tmp_path / "laptop", tmp_path / "desktop", tmp_path / "remote.git"
    ada = added_id(run_cli("add", "person", "Ada", "--tag", "ai", folder=laptop))
    bob = added_id(run_cli("add", "person", "Bob", folder=laptop))
    setup = run_cli("setup-git", folder=laptop)
    assert setup.returncode == 0, setup.stderr
    assert (laptop / ".gitattributes").read_text().startswith("people/*.json merge=netjournal")
    assert ".cache/" in (laptop / ".gitignore").read_text()
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(laptop, "remote", "add", "origin", str(remote))
    git(laptop, "push", "-q", "-u", "origin", "HEAD")
    git(tmp_path, "clone", "-q", str(remote), str(desktop))
    assert "git remote add origin URL" in setup.stdout  # what comes next on the first machine
    assert "sync --git" in run_cli("setup-git", folder=desktop).stdout  # and on a clone
    assert "merge.netjournal.driver" in git(desktop, "config", "--list")

    # Both change the same file: tags on one, org and a new person on the other, a deletion.
    assert run_cli("edit", ada, "--tag", "fair", folder=laptop).returncode == 0
    assert run_cli("rm", bob, "--yes", folder=laptop).returncode == 0
    assert run_cli("edit", ada, "--org", "Acme", "--tag", "robots", folder=desktop).returncode == 0
    carol = run_cli("add", "person", "Carol", folder=desktop)
    assert carol.returncode == 0
    for folder in (laptop, desktop):
        git(folder, "commit", "-q", "-am", "day")  # new files too: -a misses none here
        git(folder, "add", "-A")
        if git(folder, "status", "--porcelain"):
            git(folder, "commit", "-q", "-m", "new files")
    git(laptop, "push", "-q")
    git(desktop, "pull", "-q", "--no-rebase", "--no-edit")  # the merge driver merges
    git(desktop, "push", "-q")
    git(laptop, "pull", "-q", "--no-rebase", "--no-edit")

    on_laptop, on_desktop = people(run_cli, laptop), people(run_cli, desktop)
    assert on_laptop == on_desktop
    assert sorted(on_laptop) == ["Ada", "Carol"]  # Bob stays deleted
    assert on_laptop["Ada"]["org"] == "Acme"
    assert sorted(on_laptop["Ada"]["tags"]) == ["ai", "fair", "robots"]  # type: ignore[arg-type]
    for folder in (laptop, desktop):
        doctor = run_cli("doctor", folder=folder)
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr

    # Then daily: `netjournal sync --git` commits, pulls (merging) and pushes.
    added_id(run_cli("add", "person", "Dora", folder=laptop))
    assert run_cli("edit", ada, "--role", "CTO", folder=desktop).returncode == 0
    for folder in (laptop, desktop, laptop):
        synced = run_cli("sync", "--git", folder=folder)
        assert synced.returncode == 0, synced.stdout + synced.stderr
    assert people(run_cli, laptop) == people(run_cli, desktop)
    assert sorted(people(run_cli, laptop)) == ["Ada", "Carol", "Dora"]
    assert people(run_cli, laptop)["Ada"]["role"] == "CTO"


def test_the_merge_driver_refuses_a_file_that_is_not_a_table(run_cli: RunCli, tmp_path: Path) -> None:
    files = []
    for name, text in (("base", "{}"), ("ours", '{"app": "x"}'), ("theirs", "[1, 2]")):
        path = tmp_path / name
        path.write_text(text)
        files.append(str(path))
    result = run_cli("merge-file", *files)
    assert result.returncode == 1
    assert "not a netjournal table file" in result.stderr
    assert (tmp_path / "ours").read_text() == '{"app": "x"}'


def test_a_broken_incoming_file_is_named_by_its_path_in_the_repository(
    run_cli: RunCli, tmp_path: Path
) -> None:
    laptop, desktop, remote = tmp_path / "laptop", tmp_path / "desktop", tmp_path / "remote.git"
    added_id(run_cli("add", "person", "Ada", folder=laptop))
    assert run_cli("setup-git", folder=laptop).returncode == 0
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(laptop, "remote", "add", "origin", str(remote))
    git(laptop, "push", "-q", "-u", "origin", "HEAD")
    git(tmp_path, "clone", "-q", str(remote), str(desktop))
    assert run_cli("setup-git", folder=desktop).returncode == 0
    shard = next(path.relative_to(laptop) for path in (laptop / "people").glob("*.json"))
    (laptop / shard).write_text('{"people": [1]}')  # a hand edit gone wrong, pushed
    git(laptop, "commit", "-q", "-am", "broken")
    git(laptop, "push", "-q")
    added_id(run_cli("add", "person", "Bob", folder=desktop))
    git(desktop, "commit", "-q", "-am", "bob")
    mine = (desktop / shard).read_bytes()
    pulled = subprocess.run(["git", "-C", str(desktop), "pull", "--no-rebase", "--no-edit"],
                            capture_output=True, text=True)  # fmt: skip
    assert pulled.returncode != 0  # git stops with a conflict
    assert f"the incoming {shard} is not a 'people' table file" in pulled.stderr
    assert ".merge_file_" not in pulled.stderr
    assert (desktop / shard).read_bytes() == mine  # this device's records are untouched

    git(desktop, "merge", "--abort")  # the same through `netjournal sync --git`: what to do next
    synced = run_cli("sync", "--git", folder=desktop)
    assert synced.returncode == 2
    assert f"git could not merge {shard}: the incoming {shard} is not" in synced.stderr
    assert "git merge --abort" in synced.stderr and "..\n" not in synced.stderr
    assert sorted(people(run_cli, desktop)) == ["Ada", "Bob"]


def test_a_clone_and_what_sync_pulls_are_closed_to_other_users(
    run_cli: RunCli, tmp_path: Path
) -> None:
    laptop, desktop, remote = tmp_path / "laptop", tmp_path / "desktop", tmp_path / "remote.git"
    added_id(run_cli("add", "person", "Ada", folder=laptop))
    assert run_cli("setup-git", folder=laptop).returncode == 0
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(laptop, "remote", "add", "origin", str(remote))
    git(laptop, "push", "-q", "-u", "origin", "HEAD")
    umask = os.umask(0o022)  # as most systems have it: git checks out 644 files, 755 folders
    try:
        git(tmp_path, "clone", "-q", str(remote), str(desktop))
        setup = run_cli("setup-git", folder=desktop)
        assert "Closed the journal's files to other users" in setup.stdout
        added_id(run_cli("add", "person", "Bob", folder=laptop))
        assert run_cli("sync", "--git", folder=laptop).returncode == 0
        assert run_cli("sync", "--git", folder=desktop).returncode == 0
    finally:
        os.umask(umask)
    assert sorted(people(run_cli, desktop)) == ["Ada", "Bob"]
    assert stat.S_IMODE(desktop.stat().st_mode) == 0o700
    for path in [desktop / "meta.json", *desktop.glob("people/*.json")]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    doctor = run_cli("doctor", folder=desktop)
    assert "other users" not in doctor.stdout + doctor.stderr


def test_rm_asks_for_a_yes_in_a_script_and_deletes_nothing(run_cli: RunCli) -> None:
    ada = added_id(run_cli("add", "person", "Ada"))
    result = run_cli("rm", ada)
    assert result.returncode != 0
    assert "add --yes" in result.stderr
    assert run_cli("list", "people").stdout.count("Ada") == 1


def test_rm_by_a_name_says_how_to_find_the_id_and_deletes_nothing(run_cli: RunCli) -> None:
    ada = added_id(run_cli("add", "person", "Ada Lovelace"))
    refused = run_cli("rm", "Ada Lovelace", "--yes")
    assert refused.returncode == 2
    assert "No record has the id 'Ada Lovelace'; nothing was changed" in refused.stderr
    assert "netjournal show NAME" in refused.stderr
    shown = run_cli("show", "Ada Lovelace")  # the way the sentence points to
    assert shown.returncode == 0 and f"({ada})" in shown.stdout


def test_edit_refuses_an_option_of_another_kind(run_cli: RunCli) -> None:
    ada = added_id(run_cli("add", "person", "Ada"))
    result = run_cli("edit", ada, "--url", "https://x.io")
    assert result.returncode != 0
    assert "--url: not an option for a person" in result.stderr


def test_edit_takes_the_options_of_add_for_each_kind(run_cli: RunCli) -> None:
    ada = added_id(run_cli("add", "person", "Ada"))
    learning = added_id(run_cli("add", "learning", "AMRs pay back in 18 months", "-m", "body"))
    plan = added_id(run_cli("add", "outreach", "follow-up", "--to", "Ada"))
    assert run_cli("edit", learning, "--tag", "robots", "--source", "LogiMAT").returncode == 0
    assert run_cli("edit", plan, "--due", "2030-01-02", "--reason", "asked").returncode == 0
    learned = json.loads(run_cli("list", "learnings", "--json").stdout)[0]
    assert (learned["tags"], learned["source"]) == (["robots"], "LogiMAT")
    (planned,) = json.loads(run_cli("list", "outreach", "--json").stdout)
    assert (planned["due"], planned["reason"]) == ("2030-01-02", "asked")
    removed = run_cli("rm", ada, "--yes")
    assert removed.returncode == 0 and removed.stdout.startswith("Deleted Ada")
    assert json.loads(run_cli("list", "people", "--json").stdout) == []
