"""Importing several files at once (`netjournal import FORMAT FILE...`): one report, one save.

Every file is read and checked before the journal is touched, so one file that cannot be
imported stops them all and nothing is written. Their people then come in together, so
someone in two files (a LinkedIn export and a vCard) is one person, and each report line says
which file and line it is about ("Connections.csv, line 14").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from netjournal.core.store import Store
from netjournal.formats.decoding import STDIN, STDIN_NAME
from netjournal.formats.errors import FormatError
from netjournal.formats.importing import apply_import, read_file
from netjournal.formats.incoming import Parsed, Progress
from netjournal.formats.report import ImportReport, Note

ProgressFor = Callable[[str], Progress | None]  # a progress callback for each file, or None


def read_files(
    format_name: str, paths: Sequence[Path | str], progress_for: ProgressFor | None = None
) -> Parsed:
    """Read and check every file (in `format_name`, or "auto": each as its content says)."""
    if not paths:
        raise FormatError("Name at least one file to import; nothing was imported.")
    names = [str(path) for path in paths]
    if names.count(STDIN) > 1:
        raise FormatError("Standard input (-) can be named once; nothing was imported.")
    if len(set(names)) < len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise FormatError(f"{twice} is named twice; nothing was imported.")
    parts = [read_file(format_name, path, progress_for(name) if progress_for else None)
             for name, path in zip(names, paths, strict=True)]  # fmt: skip
    if len(parts) == 1:
        return parts[0]
    if any(part.keep_ids for part in parts):
        raise FormatError(
            "A netjournal backup is imported on its own, not with other files: "
            "netjournal import json FILE; nothing was imported."
        )
    formats = list(dict.fromkeys(part.format for part in parts))
    combined = Parsed(", ".join(formats))
    for name, part in zip(names, parts, strict=True):
        label = STDIN_NAME if name == STDIN else name
        combined.people += [replace(item, where=f"{label}, {item.where}") for item in part.people]
        combined.skipped += [_in(label, note) for note in part.skipped]
        combined.problems += [_in(label, note) for note in part.problems]
        combined.encodings.update(part.encodings)
        combined.encoding_notes += [f"{label}: {note}" for note in part.encoding_notes]
    return combined


def import_files(
    store: Store,
    format_name: str,
    paths: Sequence[Path | str],
    *,
    dry_run: bool = False,
    progress_for: ProgressFor | None = None,
    organization: str = "",
) -> ImportReport:
    """Import every file in one save (none for a dry run, none if any file cannot be read)."""
    parsed = read_files(format_name, paths, progress_for)
    source = ", ".join(parsed.encodings) if len(paths) > 1 else _label(paths[0])
    return apply_import(store, parsed, source, dry_run=dry_run, organization=organization)


def _in(label: str, note: Note) -> Note:
    return replace(note, where=f"{label}, {note.where}")


def _label(path: Path | str) -> str:
    return STDIN_NAME if str(path) == STDIN else str(path)
