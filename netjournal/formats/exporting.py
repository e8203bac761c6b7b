"""Exporting a journal: the bytes of each format, and writing them where the user asked.

A file is written atomically (a temporary file beside it, then renamed), so a failed export
never leaves half a file in place of a good one. A Markdown folder is written only into a new
or empty folder, or over an earlier export, and as a whole (export_folder.py), so an export
never mixes with (or overwrites) other files and a failure never leaves half of one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from netjournal.core.atomic_file import write_atomically
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.words import count_of
from netjournal.formats.backup import backup_bytes
from netjournal.formats.errors import FormatError
from netjournal.formats.export_folder import write_export_folder
from netjournal.formats.ics_export import outreach_calendar
from netjournal.formats.markdown_export import markdown_document, markdown_files
from netjournal.formats.vcard_export import vcards

EXPORT_FORMATS = ("vcard", "markdown", "ics", "json")


@dataclass(frozen=True)
class Export:
    data: bytes
    summary: str  # what is in it: "12 people"
    note: str = ""  # what was left out, and why


def export_journal(
    journal: JournalSnapshot, format_name: str, *, today: date, events: bool = False
) -> Export:
    """The journal in one of EXPORT_FORMATS."""
    if format_name == "vcard":
        return Export(
            vcards(journal.people.values()).encode(),
            count_of(len(journal.people), "person", "people"),
        )
    if format_name == "markdown":
        return Export(markdown_document(journal, today).encode(), _everything(journal))
    if format_name == "json":
        tables = {"people": journal.people.values(), "learnings": journal.learnings.values(),
                  "interactions": journal.interactions.values(),
                  "outreach": journal.outreach.values()}  # fmt: skip
        return Export(backup_bytes(tables), _everything(journal))
    if format_name == "ics":
        calendar = outreach_calendar(journal, events=events)
        what = "all-day event" if events else "to-do"
        note = (
            f"{count_of(calendar.undated, 'open outreach', 'open outreach')} without a due date "
            f"{'was' if calendar.undated == 1 else 'were'} left out (an all-day event needs a day)."
            if calendar.undated
            else ""
        )
        return Export(calendar.data, count_of(calendar.written, what, what + "s"), note)
    raise FormatError(
        f"'{format_name}' is not a format netjournal exports; use one of: "
        f"{', '.join(EXPORT_FORMATS)}."
    )


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; FormatError with a sentence if it cannot be."""
    path = Path(path)
    if path.is_dir():
        raise FormatError(f"{path} is a folder; give a file name to export to.")
    if not path.parent.is_dir():
        raise FormatError(f"Cannot write {path}: the folder {path.parent} does not exist.")
    try:
        if path.exists() and not path.is_file():  # a device or a pipe: write into it, in place
            with open(path, "wb") as handle:
                handle.write(data)
            return
        write_atomically(path, data)  # a new temporary of its own, never one planted there
    except OSError as error:
        raise FormatError(
            f"Cannot write {path}: {error.strerror or error}; nothing was exported."
        ) from None


def write_markdown_folder(folder: Path, journal: JournalSnapshot, today: date) -> int:
    """Write the Markdown folder (index.md, people/, journal.md, outreach.md); files written.

    Into a new or empty folder, or over an earlier netjournal export there (replaced as a
    whole; anything else in the folder, a `.git` say, is left alone). Files 0600, folders 0700.
    """
    files = markdown_files(journal, today)
    write_export_folder(Path(folder), files)
    return len(files)


def _everything(journal: JournalSnapshot) -> str:
    return (
        f"{count_of(len(journal.people), 'person', 'people')}, "
        f"{count_of(len(journal.learnings), 'learning', 'learnings')}, "
        f"{count_of(len(journal.interactions), 'interaction', 'interactions')}, "
        f"{len(journal.outreach)} outreach"
    )
