"""A journal folder as a git repository whose `git pull` merges journal files record by record.

`setup_git` makes the folder a repository (or, in a clone, only sets the merge driver up: git
never clones `.git/config`), writes `.gitattributes` (every table file merges with the
`netjournal` driver), `.gitignore` and `.stignore` (per-device files stay out of git and
Syncthing), and registers the driver (`netjournal merge-file %O %A %B %P`) in `.git/config`.
`sync_git` is a day's exchange: commit what changed, pull (merging), push.
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from netjournal.core.atomic_file import write_atomically
from netjournal.core.errors import JournalError
from netjournal.core.journal_lock import JournalLock
from netjournal.core.private_files import close_to_others
from netjournal.core.records import RECORD_TYPES
from netjournal.core.table_merge import Merged, merge_files

DRIVER = "netjournal"
# Not the journal: rebuilt from it (the search cache) or kept per device (docs/decisions.md).
PER_DEVICE = (".cache/", ".lock", ".commit", ".*.tmp", "review-skips.json", "drills.json")
ATTRIBUTES = [f"{table}/*.json merge={DRIVER}" for table in RECORD_TYPES]
IGNORED = [*PER_DEVICE, "*.sync-conflict-*", "* (*conflicted copy*)*"]
ST_IGNORED = [".git", *(name.rstrip("/") for name in PER_DEVICE)]


@dataclass
class GitSetup:
    """What `setup_git` did, as lines for the user."""

    done: list[str] = field(default_factory=list)


def driver_command() -> str:
    """The command git runs to merge a journal file: this very netjournal."""
    # %P (git 2.24+) is the file's path in the repository, so a message names the real file
    return f"{shlex.quote(sys.executable)} -m netjournal merge-file %O %A %B %P"


def setup_git(folder: Path) -> GitSetup:
    """Make `folder` (a journal) a git repository that merges journal files record by record."""
    if not (folder / "meta.json").exists():
        raise JournalError(f"{folder} is not a netjournal journal yet; add something first.")
    report = GitSetup()
    if not (folder / ".git").exists():
        git(folder, "init", "-q")
        report.done.append(f"Made {folder} a git repository.")
    for name, lines in ((".gitattributes", ATTRIBUTES), (".gitignore", IGNORED),
                        (".stignore", ST_IGNORED)):  # fmt: skip
        if _add_lines(folder / name, lines):
            report.done.append(f"Wrote {name}.")
    git(folder, "config", f"merge.{DRIVER}.name", "netjournal: merge journal files by record")
    git(folder, "config", f"merge.{DRIVER}.driver", driver_command())
    report.done.append("Registered the netjournal merge driver in .git/config.")
    if close_to_others(folder):
        report.done.append("Closed the journal's files to other users (git clone had opened them).")
    if not _has_commits(folder):
        git(folder, "add", "-A")
        try:
            git(folder, "commit", "-q", "-m", "netjournal journal")
            report.done.append("Committed the journal.")
        except JournalError as error:
            report.done.append(f"{error} Commit it yourself: git commit -m 'netjournal journal'.")
    return report


def sync_git(folder: Path) -> list[str]:
    """Commit this device's changes, pull the others' (merged record by record), push."""
    if not (folder / ".git").exists():
        raise JournalError(f"{folder} is not a git repository; run `netjournal setup-git` first.")
    with JournalLock(folder):  # no netjournal save while git rewrites the files
        return _exchange(folder)


def _exchange(folder: Path) -> list[str]:
    said: list[str] = []
    git(folder, "add", "-A")
    if git(folder, "status", "--porcelain").strip():
        git(folder, "commit", "-q", "-m", f"netjournal on {socket.gethostname()}")
        said.append("Committed this device's changes.")
    if git(folder, "remote").strip():
        try:
            git(folder, "pull", "-q", "--no-rebase", "--no-edit")
        except JournalError as error:
            _stopped_merge(folder, error)
        close_to_others(folder)  # git wrote the pulled files with the umask's mode
        said.append("Pulled and merged the other devices' changes.")
        git(folder, "push", "-q")
        said.append("Pushed.")
    else:
        said.append("No remote to pull from or push to (git remote add origin URL).")
    return said


def _stopped_merge(folder: Path, error: JournalError) -> None:
    """A pull that stopped on files git could not merge: say which, and the two ways on."""
    stuck = git(folder, "diff", "--name-only", "--diff-filter=U").split()
    if not stuck:
        raise error
    said = str(error).removeprefix("git pull failed: ").split(" git leaves it as")[0]
    raise JournalError(
        f"git could not merge {', '.join(stuck)}: {said.rstrip('.')}. They hold this device's "
        f"version (nothing was lost); in {folder}, fix them and `git commit`, or `git merge "
        "--abort` to undo the pull."
    ) from None


def merge_driver(base: Path, ours: Path, theirs: Path, name: str) -> Merged:
    """git's merge driver: BASE, OURS and THEIRS merged record by record, written over OURS
    (git's temporary). NotATable, and OURS left as it is, if one is not a table file."""
    try:
        merged = merge_files(ours.read_bytes(), theirs.read_bytes(), base.read_bytes(),
                             f"this device's {name}", f"the incoming {name}")  # fmt: skip
    except OSError as error:
        raise JournalError(f"Cannot read {error.filename}: {error.strerror}.") from None
    write_atomically(ours, merged.data)
    return merged


def git(folder: Path, *args: str) -> str:
    """Run git in `folder`; its output, or a JournalError saying what git said."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
            check=False,
        )
    except FileNotFoundError:
        raise JournalError("git is not installed (or not on PATH).") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        last = said[-1].removeprefix("netjournal: note: ").rstrip(".") if said else done.returncode
        raise JournalError(f"git {args[0]} failed: {last}.")
    return done.stdout


def _has_commits(folder: Path) -> bool:
    try:
        git(folder, "rev-parse", "-q", "--verify", "HEAD")
    except JournalError:
        return False
    return True


def _add_lines(path: Path, lines: list[str]) -> bool:
    """Add the lines `path` lacks (a file the user wrote keeps its own); True if it changed."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    have = set(text.splitlines())
    missing = [line for line in lines if line not in have]
    if not missing:
        return False
    head = text if not text or text.endswith("\n") else text + "\n"
    write_atomically(path, (head + "\n".join(missing) + "\n").encode())
    return True
