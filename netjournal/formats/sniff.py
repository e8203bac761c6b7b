"""Telling what kind of file an import file is, from its content (never from its name)."""

from __future__ import annotations

import re
from pathlib import Path

import orjson

from netjournal.formats.csv_table import HEADER_SCAN_LINES, header_delimiter, split_lines
from netjournal.formats.decoding import read_text
from netjournal.formats.errors import FormatError

FORMAT_NAMES = {
    "vcard": "a vCard file",
    "linkedin": "a LinkedIn Connections export",
    "google": "a Google Contacts CSV",
    "json": "a netjournal backup",
}
_VCARD = re.compile(r"^[ \t]*begin[ \t]*:[ \t]*vcard[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_SAMPLE = 65536


def guess_format(path: Path) -> str | None:
    """ "vcard", "linkedin", "google" or "json" for a file that looks like one, else None."""
    try:
        text = read_text(Path(path))
    except FormatError:
        return None
    return guess_text(text)


def guess_text(text: str) -> str | None:
    head = text[:_SAMPLE]
    if _VCARD.search(head):
        return "vcard"
    if head.lstrip().startswith("{"):
        return "json" if is_backup_text(text) else None
    for line in split_lines(head)[:HEADER_SCAN_LINES]:
        if header_delimiter(line, is_linkedin_header):
            return "linkedin"
        if header_delimiter(line, is_google_header):
            return "google"
    return None


def hint(guessed: str | None) -> str:
    """' but looks like a LinkedIn Connections export' (for an error message), or ''."""
    return f" but looks like {FORMAT_NAMES[guessed]}" if guessed else ""


def is_linkedin_header(cells: set[str]) -> bool:
    return {"first name", "last name"} <= cells and bool(
        cells & {"connected on", "position", "company"}
    ) and not is_google_header(cells)  # fmt: skip


GOOGLE_MARKERS = frozenset({
    "labels", "group membership", "e-mail 1 - value", "given name", "family name",
    "organization name", "organization 1 - name", "phone 1 - value", "file as",
})  # fmt: skip


def is_google_header(cells: set[str]) -> bool:
    names = {"first name", "last name", "name", "given name"}
    return bool(cells & names) and bool(cells & GOOGLE_MARKERS)


def is_backup_text(text: str) -> bool:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        return False
    return isinstance(data, dict) and data.get("app") == "netjournal"
