"""Importing a Google Contacts CSV export, with the current and the legacy column sets.

Current: First Name, Middle Name, Last Name, Organization Name/Title/Department, Labels,
E-mail 1 - Value ... Legacy ("Google CSV" before 2023): Name, Given Name, Family Name,
Organization 1 - Name/Title/Department, Group Membership, E-mail 1 - Value ... A cell may
hold several values joined by " ::: ". Labels become tags, except Google's own
"* myContacts"; a leading "* " (Google's mark for its system labels) is dropped.
"""

from __future__ import annotations

import re

from netjournal.formats.csv_table import Row, find_table, split_values
from netjournal.formats.errors import FormatError
from netjournal.formats.incoming import Parsed, Progress, Ticker
from netjournal.formats.limits import check_record_count
from netjournal.formats.report import Note
from netjournal.formats.sniff import guess_text, hint, is_google_header

FORMAT = "Google Contacts"
IGNORED_LABELS = {"mycontacts"}  # every contact has it: it tells nothing
_NUMBERED = re.compile(r"^(e-mail|phone|website) (\d+) - value$")


def parse_contacts(text: str, progress: Progress | None = None, source: str = "") -> Parsed:
    table = find_table(text, is_google_header)
    if table is None:
        raise FormatError(
            f"{source or 'The file'} is not a Google Contacts CSV (no header line with "
            f"First Name or Name and Google's columns){hint(guess_text(text))}; "
            "nothing was imported."
        )
    numbered: dict[str, list[str]] = {"e-mail": [], "phone": [], "website": []}
    for column in table.columns:
        found = _NUMBERED.match(column)
        if found:
            numbered[found[1]].append(column)
    check_record_count(len(table.rows) + len(table.bad_rows), "rows", source)
    parsed = Parsed(FORMAT)
    parsed.problems += [Note(f"line {bad.line}", "", bad.reason) for bad in table.bad_rows]
    ticker = Ticker(progress, len(table.rows))
    for done, row in enumerate(table.rows, 1):
        parsed.add_person(
            {
                "name": _name(row),
                "org": row.get("organization name", "organization 1 - name", "company"),
                "department": row.get("organization department", "organization 1 - department"),
                "role": row.get("organization title", "organization 1 - title", "job title"),
                "email": _multi(row, numbered["e-mail"]),
                "phone": _multi(row, numbered["phone"]),
                "links": _multi(row, numbered["website"]),
                "tags": _labels(row.get("labels", "group membership")),
                "notes": row.get("notes"),
            },
            f"line {row.line}",
        )
        ticker.tick(done)
    return parsed


def _name(row: Row) -> str:
    parts = (
        row.get("first name", "given name"),
        row.get("middle name", "additional name"),
        row.get("last name", "family name"),
    )
    return " ".join(filter(None, parts)) or row.get("name", "nickname", "file as")


def _multi(row: Row, columns: list[str]) -> list[str]:
    return [value for column in columns for value in split_values(row.get(column))]


def _labels(cell: str) -> list[str]:
    labels = []
    for label in split_values(cell):
        plain = label.removeprefix("*").strip()
        if plain and plain.casefold() not in IGNORED_LABELS:
            labels.append(plain)
    return labels
