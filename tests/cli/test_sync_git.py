"""Two machines, one journal through git: setup-git, edits on both, `git pull` merges by record."""

from __future__ import annotations

import json
import os
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
    assert run_cli("setup-git", folder=desktop).returncode == 0
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


def test_rm_asks_for_a_yes_in_a_script_and_deletes_nothing(run_cli: RunCli) -> None:
    ada = added_id(run_cli("add", "person", "Ada"))
    result = run_cli("rm", ada)
    assert result.returncode != 0
    assert "add --yes" in result.stderr
    assert run_cli("list", "people").stdout.count("Ada") == 1


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
