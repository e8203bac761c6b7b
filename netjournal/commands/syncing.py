"""`netjournal sync`, `setup-git` and `merge-file`: two machines, one journal."""

from __future__ import annotations

import argparse
from pathlib import Path

from netjournal.commands.output import note, show
from netjournal.core.git_setup import git, merge_driver, setup_git, sync_git
from netjournal.core.store import Store
from netjournal.core.table_merge import NotATable


def sync(folder: Path, args: argparse.Namespace) -> int:
    """Merge conflict copies left by a sync engine; with --git, commit, pull and push too."""
    store = Store.open(folder)  # merges the conflict copies it finds
    lines = store.copies.lines() if store.copies is not None else []
    if args.git:
        lines += sync_git(folder)
        again = store.merge_copies()
        lines += again.lines()
    for line in lines or ["Nothing to merge: no conflict copies in the journal."]:
        show(line)
    return 1 if store.copies is not None and store.copies.kept else 0


def setup(folder: Path, args: argparse.Namespace) -> int:
    for line in setup_git(folder).done:
        show(line)
    if git(folder, "remote").strip():  # a clone, or a journal already pushed: the daily step
        show("Each day: netjournal sync --git (commit, pull merging, push).")
    else:  # what the README's "Two machines" says comes next
        show(f"Next, in {folder}: git remote add origin URL && git push -u origin HEAD; on "
             "another machine: git clone URL FOLDER, then netjournal --dir FOLDER setup-git.")  # fmt: skip
    return 0


def merge_file(folder: Path, args: argparse.Namespace) -> int:
    """git's merge driver: merge BASE, OURS and THEIRS record by record into OURS."""
    try:
        merged = merge_driver(
            Path(args.base), Path(args.ours), Path(args.theirs), args.path or args.ours
        )
    except NotATable as error:
        note(f"{error} git leaves it as a conflict to resolve by hand.")
        return 1
    if merged.conflicts:
        note(f"{args.path or merged.table}: {merged.conflicts} conflicting value(s) kept as "
             "notes on their records (netjournal doctor lists them).")  # fmt: skip
    return 0
