"""`netjournal import ...` and `netjournal export ...`."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path

from netjournal.commands.output import note, print_export, print_json, show
from netjournal.core.cleaning import clean_line
from netjournal.core.clock import today
from netjournal.core.config import load_config
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.terminal_text import safe_for_terminal
from netjournal.formats.decoding import STDIN, STDIN_NAME
from netjournal.formats.errors import FormatError
from netjournal.formats.exporting import export_journal, write_file, write_markdown_folder
from netjournal.formats.several import import_files


def import_file(store: Store, args: argparse.Namespace) -> int:
    shown: list[ProgressLine] = []

    def progress_for(name: str) -> ProgressLine | None:
        if not sys.stderr.isatty() or args.json:
            return None
        shown.append(ProgressLine(STDIN_NAME if name == STDIN else name))
        return shown[-1]

    try:
        report = import_files(store, args.format, args.file, dry_run=args.dry_run,
                              progress_for=progress_for,
                              organization=load_config().organization)  # fmt: skip
    finally:
        for progress in shown:
            progress.clear()
    if args.json:
        print_json(report.to_dict())
    else:
        show("\n".join(report.lines()))
    if report.changes_anything and not args.dry_run:
        _index_after_import(store, len(report.created) + len(report.updated))
    return 0


def _index_after_import(store: Store, changed: int) -> None:
    """Build the search index now when the import was large or there is none yet, so the
    app's first start after it finds everything at once (the command is slow anyway)."""
    from netjournal.core.search_index import REINDEX_AFTER, cache_path, rebuild_index

    if changed <= REINDEX_AFTER and cache_path(store).exists():
        return  # the app and `search` take a few changes in their stride
    with contextlib.suppress(OSError):  # the import is saved; a missing index is built later
        rebuild_index(store, JournalSnapshot.load(store).records())


def export(store: Store, args: argparse.Namespace) -> int:
    output = args.output if args.output not in (None, "-") else None
    if args.events and args.format != "ics":
        raise FormatError("--events is for `netjournal export ics`.")
    if args.folder and args.format != "markdown":
        raise FormatError("--folder is for `netjournal export markdown`.")
    if args.folder and output is None:
        raise FormatError("--folder needs the folder to write: -o DIR.")
    if args.format == "vcard":  # only people: no need to read every interaction
        journal = JournalSnapshot(people={person.id: person for person in store.people()})
    else:
        journal = JournalSnapshot.load(store)
    if args.format == "markdown" and output and _means_folder(output, args.folder):
        count = write_markdown_folder(Path(output), journal, today())
        show(f"Exported {len(journal.people)} people, {len(journal.learnings)} learnings and "
             f"the open outreach to {clean_line(output)} ({count} files).")  # fmt: skip
        return 0
    exported = export_journal(journal, args.format, today=today(), events=args.events)
    if output is None:
        print_export(exported.data, is_json=args.format == "json")
    else:
        write_file(Path(output), exported.data)
        show(f"Exported {exported.summary} to {clean_line(output)}.")
    if exported.note:
        note(exported.note)
    return 0


def _means_folder(output: str, folder_flag: bool) -> bool:
    """`--folder`, a path ending with a slash, or an existing folder: one file per person."""
    return folder_flag or output.endswith(("/", os.sep)) or Path(output).is_dir()


class ProgressLine:
    """'Reading FILE: 5,000/10,000' on stderr (a terminal), redrawn at most ten times a second."""

    def __init__(self, name: str) -> None:
        self.name = safe_for_terminal(name, one_line=True)
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        sys.stderr.write(f"\rReading {self.name}: {done:,}/{total:,}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
